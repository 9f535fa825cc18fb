//! Exact fractions for scores, so that a percentage is rounded exactly once: [`Ratio`] for one
//! respondent's scores, [`RatioSum`] for a group's means (whose common denominator can outgrow
//! 128 bits, and is kept in a big integer of its own, `ratio/big.rs`).

use std::cmp::Ordering;

mod big;

use big::Big;

/// A non-negative fraction `num / den` with `den > 0`, kept in lowest terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    num: u128,
    den: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// Builds `num / den`. Returns `None` when `den` is zero.
    pub fn new(num: u128, den: u128) -> Option<Self> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        Some(Self {
            num: num / g,
            den: den / g,
        })
    }

    pub fn numerator(self) -> u128 {
        self.num
    }

    pub fn denominator(self) -> u128 {
        self.den
    }

    /// The percentage as displayed: `100 * num / den` rounded half up to a whole number.
    ///
    /// `round_percent(139/200) == 70` (69.5 % shows as 70 %). Every band and gate decision reads
    /// this number, never the unrounded value.
    pub fn round_percent(self) -> u32 {
        let scaled = (200 * self.num + self.den) / (2 * self.den);
        u32::try_from(scaled).unwrap_or(u32::MAX)
    }

    /// The value as a float, for drawing only (never for decisions).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// The weighted mean `sum(w_i * r_i) / sum(w_i)`, exactly. `None` when the weights sum to zero.
    pub fn weighted_mean(parts: &[(u128, Ratio)]) -> Option<Ratio> {
        let total_weight: u128 = parts.iter().map(|(w, _)| *w).sum();
        if total_weight == 0 {
            return None;
        }
        let mut acc = Ratio { num: 0, den: 1 };
        for (w, r) in parts {
            // acc + w * r, reduced at every step to keep the numbers small.
            let den = acc.den / gcd(acc.den, r.den) * r.den;
            let num = acc.num * (den / acc.den) + w * r.num * (den / r.den);
            acc = Ratio::new(num, den)?;
        }
        Ratio::new(acc.num, acc.den * total_weight)
    }
}

/// An exact sum of ratios and how many there are, for a group's mean: the mean of thousands of
/// participants' section scores, and the weighted mean of such means, without rounding on the
/// way. Its percentages are rounded once, half up, as [`Ratio::round_percent`] rounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatioSum {
    /// The sum is `num / den`; `den` is the least common multiple of the denominators added.
    num: Big,
    den: Big,
    count: u64,
}

impl Default for RatioSum {
    fn default() -> Self {
        Self::new()
    }
}

impl RatioSum {
    pub fn new() -> Self {
        Self {
            num: Big::default(),
            den: Big::from_u128(1),
            count: 0,
        }
    }

    /// Adds one value.
    pub fn add(&mut self, r: Ratio) {
        self.count += 1;
        let (a, d) = (r.num, r.den);
        let Ok(d64) = u64::try_from(d) else {
            // A denominator this large never comes from a score; exact all the same.
            self.num = mul_u128(&self.num, d);
            self.num.add_assign(&mul_u128(&self.den, a));
            self.den = mul_u128(&self.den, d);
            return;
        };
        let (quotient, rem) = self.den.div_rem_small(d64);
        if rem == 0 {
            // Usually, once a few scores are in: a / d = a * (den / d) / den.
            self.num.add_assign(&mul_u128(&quotient, a));
            return;
        }
        // Over lcm(den, d) = den * (d / g), with g = gcd(den, d) = gcd(den mod d, d).
        let g = gcd(u128::from(rem), d) as u64;
        let (den_over_g, _) = self.den.div_rem_small(g);
        self.num = self.num.mul_small(d64 / g);
        self.num.add_assign(&mul_u128(&den_over_g, a));
        self.den = self.den.mul_small(d64 / g);
    }

    /// How many values were added.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The mean as displayed: `100 * sum / count` rounded half up; `None` when empty.
    pub fn mean_percent(&self) -> Option<u32> {
        (self.count > 0).then(|| percent(&self.num, &self.den.mul_small(self.count)))
    }

    /// The weighted mean of the means, `sum(w * mean) / sum(w)` over the non-empty sums, as
    /// displayed (rounded once, half up); `None` when no sum has values and weight.
    pub fn weighted_mean_percent(parts: &[(u128, &RatioSum)]) -> Option<u32> {
        let parts: Vec<(u128, &Big, Big)> = parts
            .iter()
            .filter(|(w, s)| *w > 0 && s.count > 0)
            .map(|(w, s)| (*w, &s.num, s.den.mul_small(s.count)))
            .collect();
        if parts.is_empty() {
            return None;
        }
        // Each mean is num / (den * count) = n / d: sum(w * n * (product of the other d)) over
        // sum(w) * (product of every d). Sections are few, so the products stay small.
        let mut num = Big::default();
        for (i, (w, n, _)) in parts.iter().enumerate() {
            let mut term = mul_u128(n, *w);
            for (j, (_, _, d)) in parts.iter().enumerate() {
                if i != j {
                    term = term.mul(d);
                }
            }
            num.add_assign(&term);
        }
        let total: u128 = parts.iter().map(|(w, _, _)| w).sum();
        let den = parts
            .iter()
            .fold(Big::from_u128(total), |acc, (_, _, d)| acc.mul(d));
        Some(percent(&num, &den))
    }
}

fn mul_u128(x: &Big, m: u128) -> Big {
    match u64::try_from(m) {
        Ok(m) => x.mul_small(m),
        Err(_) => x.mul(&Big::from_u128(m)),
    }
}

/// `100 * num / den` rounded half up, as [`Ratio::round_percent`] rounds, for big numbers: the
/// largest `p` with `2 * den * p <= 200 * num + den`.
fn percent(num: &Big, den: &Big) -> u32 {
    const SMALL: u128 = 1 << 120;
    if let (Some(n), Some(d)) = (num.to_u128(), den.to_u128()) {
        if let Some(r) = Ratio::new(n, d).filter(|_| n < SMALL && d < SMALL) {
            return r.round_percent();
        }
    }
    let mut target = num.mul_small(200);
    target.add_assign(den);
    let step = den.mul_small(2);
    let (mut lo, mut hi) = (0u64, u64::from(u32::MAX));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if step.mul_small(mid) <= target {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo as u32
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: u128, d: u128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn rounds_half_up_once() {
        for (n, d, want) in [
            (139, 200, 70),
            (1389, 2000, 69),
            (1, 2, 50),
            (0, 7, 0),
            (7, 7, 100),
            (79, 200, 40),
            (1, 3, 33),
            (2, 3, 67),
        ] {
            assert_eq!(r(n, d).round_percent(), want, "{n}/{d}");
        }
    }

    #[test]
    fn zero_denominator_is_refused() {
        assert_eq!(Ratio::new(1, 0), None);
    }

    #[test]
    fn weighted_mean_is_exact() {
        // (97.5 % * 1 + 62.5 % * 4) / 5 = 69.5 %
        let mean = Ratio::weighted_mean(&[(1, r(39, 40)), (4, r(5, 8))]).unwrap();
        assert_eq!(mean, r(139, 200));
        assert_eq!(Ratio::weighted_mean(&[]), None);
        assert_eq!(Ratio::weighted_mean(&[(0, r(1, 2))]), None);
    }

    #[test]
    fn sums_give_exact_means() {
        let mut s = RatioSum::new();
        assert_eq!(s.mean_percent(), None);
        // 1/3 + 1/3 + 5/6 = 3/2, over 3: 50 %; then + 1/7 + 1/11: 3/2 + 18/77 = 267/154, over
        // 5: 34.68 % -> 35 %.
        for r in [r(1, 3), r(1, 3), r(5, 6)] {
            s.add(r);
        }
        assert_eq!((s.count(), s.mean_percent()), (3, Some(50)));
        s.add(r(1, 7));
        s.add(r(1, 11));
        assert_eq!(s.mean_percent(), Some(35));
        // Exactly 40.5 % rounds up; a hair below it rounds down.
        let mut half = RatioSum::new();
        half.add(r(81, 200));
        half.add(r(81, 200));
        assert_eq!(half.mean_percent(), Some(41), "40.5 %");
        let mut just_below = RatioSum::new();
        just_below.add(r(80_999, 200_000));
        assert_eq!(just_below.mean_percent(), Some(40), "40.4995 %");
    }

    #[test]
    fn sums_stay_exact_beyond_128_bits() {
        // Denominators 2..=120 pairwise share little: their least common multiple is about
        // 2^165, far beyond 128 bits. The mean of k/(k+1) for k = 1..=119 is 1 - H/119 with
        // H = sum 1/(k+1) ~ 4.39, so 96.3 % -> 96 %.
        let mut s = RatioSum::new();
        for k in 1..=119u128 {
            s.add(r(k, k + 1));
        }
        assert_eq!(s.mean_percent(), Some(96));
        // Weighted: (1 * 96.31 % + 3 * 50 %) / 4 = 61.58 % -> 62 %.
        let mut half = RatioSum::new();
        half.add(r(1, 2));
        assert_eq!(
            RatioSum::weighted_mean_percent(&[(1, &s), (3, &half), (2, &RatioSum::new())]),
            Some(62)
        );
        assert_eq!(RatioSum::weighted_mean_percent(&[]), None);
        assert_eq!(
            RatioSum::weighted_mean_percent(&[(1, &RatioSum::new())]),
            None
        );
    }

    #[test]
    fn big_and_small_rounding_agree() {
        for n in 0..=400u128 {
            for d in [1u128, 2, 3, 7, 8, 40, 200, 400, 999] {
                let (bn, bd) = (Big::from_u128(n), Big::from_u128(d));
                let want = r(n, d).round_percent();
                assert_eq!(percent(&bn, &bd), want, "{n}/{d}");
                // The same value over a denominator too large for the fast path.
                let scale = Big::from_u128(1 << 100).mul(&Big::from_u128(1 << 100));
                assert_eq!(percent(&bn.mul(&scale), &bd.mul(&scale)), want, "{n}/{d}");
            }
        }
    }

    #[test]
    fn orders_by_value() {
        assert!(r(1, 3) < r(1, 2));
        assert_eq!(r(2, 4), r(1, 2));
    }
}

//! Exact fractions for scores, so that a percentage is rounded exactly once.

use std::cmp::Ordering;

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
    fn orders_by_value() {
        assert!(r(1, 3) < r(1, 2));
        assert_eq!(r(2, 4), r(1, 2));
    }
}

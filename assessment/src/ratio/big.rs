//! A small unsigned big integer: only what an exact sum of many ratios needs (add, multiply,
//! divide by a machine word, compare). Little-endian 64-bit limbs, no high zero limbs.

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Big(Vec<u64>);

impl Big {
    pub(super) fn from_u128(n: u128) -> Self {
        let mut b = Big(vec![n as u64, (n >> 64) as u64]);
        b.trim();
        b
    }

    /// The value, when it fits in 128 bits.
    pub(super) fn to_u128(&self) -> Option<u128> {
        match self.0[..] {
            [] => Some(0),
            [lo] => Some(u128::from(lo)),
            [lo, hi] => Some(u128::from(lo) | (u128::from(hi) << 64)),
            _ => None,
        }
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub(super) fn mul_small(&self, m: u64) -> Big {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut carry = 0u128;
        for &limb in &self.0 {
            let v = u128::from(limb) * u128::from(m) + carry;
            out.push(v as u64);
            carry = v >> 64;
        }
        out.push(carry as u64);
        let mut b = Big(out);
        b.trim();
        b
    }

    pub(super) fn mul(&self, other: &Big) -> Big {
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u128;
            for (j, &b) in other.0.iter().enumerate() {
                let v = u128::from(out[i + j]) + u128::from(a) * u128::from(b) + carry;
                out[i + j] = v as u64;
                carry = v >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    pub(super) fn add_assign(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u128;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = u128::from(*limb) + u128::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *limb = v as u64;
            carry = v >> 64;
            if carry == 0 && i >= other.0.len() {
                break;
            }
        }
        if carry > 0 {
            self.0.push(carry as u64);
        }
    }

    /// The quotient and remainder of a division by `d` (not zero).
    pub(super) fn div_rem_small(&self, d: u64) -> (Big, u64) {
        let mut quotient = vec![0u64; self.0.len()];
        let mut rem = 0u128;
        for (i, &limb) in self.0.iter().enumerate().rev() {
            let v = (rem << 64) | u128::from(limb);
            quotient[i] = (v / u128::from(d)) as u64;
            rem = v % u128::from(d);
        }
        let mut q = Big(quotient);
        q.trim();
        (q, rem as u64)
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::Big;

    #[test]
    fn arithmetic_agrees_with_u128() {
        let samples = [
            0u128,
            1,
            7,
            u64::MAX as u128,
            1 << 64,
            (1 << 100) + 12345,
            99_999,
        ];
        for &a in &samples {
            for &b in &samples {
                let (x, y) = (Big::from_u128(a), Big::from_u128(b));
                assert_eq!(x.cmp(&y), a.cmp(&b), "{a} {b}");
                if let Some(p) = a.checked_mul(b) {
                    assert_eq!(x.mul(&y).to_u128(), Some(p), "{a} * {b}");
                }
                if let Some(s) = a.checked_add(b) {
                    let mut z = x.clone();
                    z.add_assign(&y);
                    assert_eq!(z.to_u128(), Some(s), "{a} + {b}");
                }
            }
            for d in [1u64, 3, 10, u64::MAX] {
                let (q, r) = Big::from_u128(a).div_rem_small(d);
                assert_eq!(
                    (q.to_u128(), u128::from(r)),
                    (Some(a / u128::from(d)), a % u128::from(d))
                );
                if let Some(p) = a.checked_mul(u128::from(d)) {
                    assert_eq!(Big::from_u128(a).mul_small(d).to_u128(), Some(p));
                }
            }
        }
        // Beyond 128 bits: (2^127)^2 / 2^64 / 2^64 = 2^126.
        let big = Big::from_u128(1 << 127).mul(&Big::from_u128(1 << 127));
        assert_eq!(big.to_u128(), None);
        let (q, r) = big.div_rem_small(1 << 63);
        let (q, r2) = q.div_rem_small(1 << 63);
        assert_eq!(
            (q.div_rem_small(4).0.to_u128(), r, r2),
            (Some(1 << 126), 0, 0)
        );
    }
}

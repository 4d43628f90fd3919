//! A tiny seeded pseudo-random generator (splitmix64).
//!
//! Good enough to vary generated prose; not for anything that needs real
//! randomness. The same seed always gives the same sequence on every platform.

/// splitmix64: one `u64` of state, full period, fast.
#[derive(Clone, Debug)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// A generator for one part of the output (a feature, a document), so
    /// that changing one part never shifts the numbers of another.
    pub(crate) fn derive(seed: u64, salt: u64) -> Rng {
        let mut mixer = Rng::new(seed ^ salt.wrapping_mul(0xA076_1D64_78BD_642F));
        Rng::new(mixer.next_u64())
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is irrelevant for picking words.
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub(crate) fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low) + 1)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty word list (`""` for an empty one).
    pub(crate) fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    /// `count` distinct items of `items` (fewer if the list is shorter), in
    /// random order.
    pub(crate) fn pick_distinct(
        &mut self,
        items: &[&'static str],
        count: usize,
    ) -> Vec<&'static str> {
        let mut pool: Vec<&'static str> = items.to_vec();
        let mut chosen = Vec::with_capacity(count.min(pool.len()));
        while chosen.len() < count && !pool.is_empty() {
            chosen.push(pool.swap_remove(self.below(pool.len())));
        }
        chosen
    }

    /// `value` scaled by a random factor between `1 - spread` and `1 + spread`.
    pub(crate) fn jitter(&mut self, value: usize, spread_percent: usize) -> usize {
        let spread = value * spread_percent / 100;
        value - spread + self.below(2 * spread + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let first: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let second: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(first, second);
        assert_ne!(Rng::derive(7, 1).next_u64(), Rng::derive(7, 2).next_u64());
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut rng = Rng::new(1);
        for _ in 0..1000 {
            assert!((3..=5).contains(&rng.range(3, 5)));
            assert!(rng.below(4) < 4);
            assert!((90..=110).contains(&rng.jitter(100, 10)));
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.pick(&[]), "");
        assert_eq!(rng.pick_distinct(&["a", "b"], 5).len(), 2);
    }
}

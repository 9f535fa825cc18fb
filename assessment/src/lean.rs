//! Sorting and collecting with less code in the wasm. The standard library's sort is compiled
//! again for every element type and every key closure (3 to 4 KB each), and collecting into a
//! `BTreeMap` sorts its pairs first, so each map type brings a sort of its own. These do the same
//! through one shared sort of indices and through `insert`, which every map has already.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `v` by `key`, stably (equal keys keep their order), like `slice::sort_by_key`; each
/// key is computed once.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    reorder(v, order);
}

/// Sorts `v` by `cmp`, stably, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    reorder(v, order);
}

/// Sorts `v` in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Puts the elements of `v` in `order` (a permutation of its indices).
fn reorder<T>(v: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The indices `0..n` in the order `cmp` puts them, equal ones in their first order: the one
/// place a sort is compiled, for every sort in this module.
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// The map of `pairs`, a later pair replacing an earlier one with the same key (as `collect`
/// does), built by inserting one after the other.
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first value only: the second shows whether ties kept their order.
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 10, 33, 200] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| std::cmp::Reverse(p.0));
            let mut std = v.clone();
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(ours, std, "length {len}");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            assert_eq!(ours, std, "length {len}, by comparison");
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort(&mut ours);
            std.sort();
            assert_eq!(ours, std, "length {len}, ascending");
        }
    }

    #[test]
    fn a_map_keeps_the_last_value_of_a_key_like_collect() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let ours = map_from(pairs);
        let std: BTreeMap<_, _> = pairs.into_iter().collect();
        assert_eq!(ours, std);
        assert_eq!(ours["b"], 3);
    }
}

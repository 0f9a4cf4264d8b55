//! Sets of classes of one dimension: finite or co-finite, so that complement is exact.

/// A set of class numbers of one dimension: `items` when `negated` is false, every class but
/// `items` when it is true.
///
/// **Invariant:** `items` is sorted and free of duplicates. Every dimension has an "other" class
/// that no selector names, so a co-finite set is never empty: emptiness is `!negated &&
/// items.is_empty()`, exactly.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassSet {
    negated: bool,
    items: Vec<u32>,
}

impl ClassSet {
    /// No class.
    pub fn empty() -> ClassSet {
        ClassSet {
            negated: false,
            items: Vec::new(),
        }
    }

    /// Every class.
    pub fn full() -> ClassSet {
        ClassSet {
            negated: true,
            items: Vec::new(),
        }
    }

    /// Exactly these classes.
    pub fn of(items: impl IntoIterator<Item = u32>) -> ClassSet {
        let mut items: Vec<u32> = items.into_iter().collect();
        items.sort_unstable();
        items.dedup();
        ClassSet {
            negated: false,
            items,
        }
    }

    /// Every class but these.
    pub fn all_but(items: impl IntoIterator<Item = u32>) -> ClassSet {
        ClassSet {
            negated: true,
            ..ClassSet::of(items)
        }
    }

    /// True when no class is in the set.
    pub fn is_empty(&self) -> bool {
        !self.negated && self.items.is_empty()
    }

    /// True when every class is in the set.
    pub fn is_full(&self) -> bool {
        self.negated && self.items.is_empty()
    }

    /// True for a co-finite set.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// Drops spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
    }

    /// The listed classes: the members of a finite set, the non-members of a co-finite one.
    pub fn items(&self) -> &[u32] {
        &self.items
    }

    /// Membership.
    pub fn contains(&self, class: u32) -> bool {
        self.items.binary_search(&class).is_ok() != self.negated
    }

    /// The complement.
    pub fn complement(&self) -> ClassSet {
        ClassSet {
            negated: !self.negated,
            items: self.items.clone(),
        }
    }

    /// The intersection.
    pub fn intersect(&self, other: &ClassSet) -> ClassSet {
        match (self.negated, other.negated) {
            (false, false) => ClassSet::of_sorted(merge(&self.items, &other.items, Op::And)),
            (false, true) => ClassSet::of_sorted(merge(&self.items, &other.items, Op::AndNot)),
            (true, false) => ClassSet::of_sorted(merge(&other.items, &self.items, Op::AndNot)),
            (true, true) => ClassSet {
                negated: true,
                items: merge(&self.items, &other.items, Op::Or),
            },
        }
    }

    /// True when the two sets share a class; what `intersect` followed by `is_empty` says,
    /// without building the intersection.
    pub fn meets(&self, other: &ClassSet) -> bool {
        match (self.negated, other.negated) {
            (false, false) => shares(&self.items, &other.items),
            (false, true) => !is_within(&self.items, &other.items),
            (true, false) => !is_within(&other.items, &self.items),
            (true, true) => true,
        }
    }

    /// The union.
    pub fn union(&self, other: &ClassSet) -> ClassSet {
        self.complement()
            .intersect(&other.complement())
            .complement()
    }

    /// `self` minus `other`.
    pub fn difference(&self, other: &ClassSet) -> ClassSet {
        self.intersect(&other.complement())
    }

    /// True when `self` is a subset of `other`.
    pub fn is_subset(&self, other: &ClassSet) -> bool {
        self.difference(other).is_empty()
    }

    /// A member, preferring a listed class over the unnamed ones: the first member among
    /// `0..named`, else `named` (the "other" class) for a co-finite set.
    pub fn pick(&self, named: u32) -> Option<u32> {
        if !self.negated {
            return self.items.first().copied();
        }
        (0..=named).find(|c| self.contains(*c))
    }

    fn of_sorted(items: Vec<u32>) -> ClassSet {
        ClassSet {
            negated: false,
            items,
        }
    }
}

/// True when two sorted lists have an element in common.
fn shares(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// True when every element of the sorted list `a` is in the sorted list `b`.
fn is_within(a: &[u32], b: &[u32]) -> bool {
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        if j == b.len() || b[j] != x {
            return false;
        }
    }
    true
}

#[derive(Clone, Copy)]
enum Op {
    And,
    AndNot,
    Or,
}

/// Merges two sorted lists.
fn merge(a: &[u32], b: &[u32], op: Op) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let x = a.get(i).copied();
        let y = b.get(j).copied();
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                if matches!(op, Op::And | Op::Or) {
                    out.push(x);
                }
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                if matches!(op, Op::AndNot | Op::Or) {
                    out.push(x);
                }
                i += 1;
            }
            (Some(x), None) => {
                if matches!(op, Op::AndNot | Op::Or) {
                    out.push(x);
                }
                i += 1;
            }
            (_, Some(y)) => {
                if matches!(op, Op::Or) {
                    out.push(y);
                }
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set() -> impl Strategy<Value = ClassSet> {
        (any::<bool>(), proptest::collection::vec(0u32..8, 0..6)).prop_map(|(neg, items)| {
            if neg {
                ClassSet::all_but(items)
            } else {
                ClassSet::of(items)
            }
        })
    }

    proptest! {
        /// Each operation agrees with membership on every class (0..8, and 8.. as "other").
        #[test]
        fn operations_agree_with_membership(a in set(), b in set()) {
            for c in 0..10 {
                prop_assert_eq!(a.intersect(&b).contains(c), a.contains(c) && b.contains(c));
                prop_assert_eq!(a.union(&b).contains(c), a.contains(c) || b.contains(c));
                prop_assert_eq!(a.difference(&b).contains(c), a.contains(c) && !b.contains(c));
                prop_assert_eq!(a.complement().contains(c), !a.contains(c));
            }
            let i = a.intersect(&b);
            prop_assert_eq!(i.is_empty(), (0..10).all(|c| !i.contains(c)));
            if let Some(c) = i.pick(8) {
                prop_assert!(i.contains(c));
            } else {
                prop_assert!(i.is_empty());
            }
        }
    }
}

//! Sets of classes of one dimension: finite or co-finite, so that complement is exact.
//!
//! A region keeps one set per dimension in each block (five today) and a corpus keeps a block
//! or more per compiled selector, and nearly every set lists a handful of classes. In the compiled regions of the 10 MB corpus
//! of `docs/performance.md`, of 390,000 sets, 75% list none (every class, or none), 11% one, 4%
//! two, 2% five, and 7% more (unit subtrees of 15 to 30). So a set of up to `INLINE` classes is
//! stored in the value itself, and only a longer one takes a heap allocation: otherwise every
//! non-empty list would be one small allocation. The heap form is a `ThinVec`, one pointer wide,
//! so that a set takes 16 bytes and a block 88 instead of 128.
//! The operations build their result the same way, on the stack until it outgrows `INLINE`,
//! since they run in the inner loops of region subtraction and of the analysis.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use thin_vec::ThinVec;

/// How many classes a set holds without a heap allocation. Three is what fits beside the enum
/// tag, the `negated` flag and a length byte in the 16 bytes the heap form takes anyway (the
/// tag word and a thin pointer), so inline storage costs no size.
const INLINE: usize = 3;

// What `INLINE` is chosen for, checked in every build.
const _: () = assert!(std::mem::size_of::<ClassSet>() <= 16);

/// A set of class numbers of one dimension: the listed classes ([`ClassSet::items`]) when it is
/// not negated, every class but them when it is.
///
/// **Invariant:** the listed classes are sorted and free of duplicates. Every dimension has an
/// "other" class that no selector names, so a co-finite set is never empty: emptiness is `!negated
/// && items().is_empty()`, exactly.
///
/// **Invariant:** the items are stored inline, without a heap allocation, exactly when there are
/// at most `INLINE` (three) of them, so each set has one representation. Equality, order and
/// hash are nevertheless defined on the logical pair `(is_negated(), items())` (negated sets
/// after finite ones, then by items lexicographically), not on the representation.
#[derive(Clone)]
pub struct ClassSet(Repr);

/// The storage of a [`ClassSet`]. The flag sits in each variant rather than beside the enum, so
/// that it shares the tag's word instead of adding one.
#[derive(Clone)]
enum Repr {
    /// At most [`INLINE`] items: `items[..len]`; the rest of the array is zero.
    Inline {
        negated: bool,
        len: u8,
        items: [u32; INLINE],
    },
    /// More than [`INLINE`] items, with no spare capacity.
    Heap { negated: bool, items: ThinVec<u32> },
}

impl ClassSet {
    /// No class.
    pub fn empty() -> ClassSet {
        ClassSet::from_sorted(false, &[])
    }

    /// Every class.
    pub fn full() -> ClassSet {
        ClassSet::from_sorted(true, &[])
    }

    /// Exactly these classes.
    pub fn of(items: impl IntoIterator<Item = u32>) -> ClassSet {
        let items = items.into_iter();
        ClassSet::of_at_most(items.size_hint().0, items)
    }

    /// Exactly these classes, when there are at most about `bound` of them (duplicates
    /// counted): the list then grows at most once.
    pub fn of_at_most(bound: usize, items: impl IntoIterator<Item = u32>) -> ClassSet {
        let mut out = Builder::new(bound);
        items.into_iter().for_each(|c| out.push(c));
        out.sort_dedup();
        out.finish(false)
    }

    /// Every class but these.
    pub fn all_but(items: impl IntoIterator<Item = u32>) -> ClassSet {
        ClassSet::of(items).complement_owned()
    }

    /// True when no class is in the set.
    pub fn is_empty(&self) -> bool {
        !self.is_negated() && self.items().is_empty()
    }

    /// True when every class is in the set.
    pub fn is_full(&self) -> bool {
        self.is_negated() && self.items().is_empty()
    }

    /// True for a co-finite set.
    pub fn is_negated(&self) -> bool {
        match self.0 {
            Repr::Inline { negated, .. } | Repr::Heap { negated, .. } => negated,
        }
    }

    /// The listed classes: the members of a finite set, the non-members of a co-finite one.
    pub fn items(&self) -> &[u32] {
        match &self.0 {
            Repr::Inline { len, items, .. } => &items[..usize::from(*len)],
            Repr::Heap { items, .. } => items,
        }
    }

    /// Membership.
    pub fn contains(&self, class: u32) -> bool {
        self.items().binary_search(&class).is_ok() != self.is_negated()
    }

    /// The complement.
    pub fn complement(&self) -> ClassSet {
        self.clone().complement_owned()
    }

    /// The intersection.
    pub fn intersect(&self, other: &ClassSet) -> ClassSet {
        intersect(self.as_parts(), other.as_parts())
    }

    /// True when the two sets share a class; what `intersect` followed by `is_empty` says,
    /// without building the intersection.
    pub fn meets(&self, other: &ClassSet) -> bool {
        meets(self.as_parts(), other.as_parts())
    }

    /// The union.
    pub fn union(&self, other: &ClassSet) -> ClassSet {
        // The complement of the intersection of the complements, without building either
        // complement: the listed classes stay where they are, only the flags turn.
        let (a, b) = (self.as_parts(), other.as_parts());
        intersect((!a.0, a.1), (!b.0, b.1)).complement_owned()
    }

    /// `self` minus `other`.
    pub fn difference(&self, other: &ClassSet) -> ClassSet {
        let b = other.as_parts();
        intersect(self.as_parts(), (!b.0, b.1))
    }

    /// True when `self` is a subset of `other`.
    pub fn is_subset(&self, other: &ClassSet) -> bool {
        let b = other.as_parts();
        !meets(self.as_parts(), (!b.0, b.1))
    }

    /// A member, preferring a listed class over the unnamed ones: the first member among
    /// `0..named`, else `named` (the "other" class) for a co-finite set.
    pub fn pick(&self, named: u32) -> Option<u32> {
        if !self.is_negated() {
            return self.items().first().copied();
        }
        (0..=named).find(|c| self.contains(*c))
    }

    /// The set with these items (sorted, without duplicates) and flag, inline when they fit.
    fn from_sorted(negated: bool, sorted: &[u32]) -> ClassSet {
        if sorted.len() <= INLINE {
            let mut items = [0; INLINE];
            items[..sorted.len()].copy_from_slice(sorted);
            ClassSet(Repr::Inline {
                negated,
                len: sorted.len() as u8,
                items,
            })
        } else {
            ClassSet(Repr::Heap {
                negated,
                items: ThinVec::from(sorted),
            })
        }
    }

    /// The complement, reusing the storage.
    fn complement_owned(mut self) -> ClassSet {
        match &mut self.0 {
            Repr::Inline { negated, .. } | Repr::Heap { negated, .. } => *negated = !*negated,
        }
        self
    }

    /// The logical value: the flag and the listed classes.
    fn as_parts(&self) -> Parts<'_> {
        (self.is_negated(), self.items())
    }
}

impl PartialEq for ClassSet {
    fn eq(&self, other: &ClassSet) -> bool {
        self.as_parts() == other.as_parts()
    }
}

impl Eq for ClassSet {}

impl Hash for ClassSet {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_parts().hash(state);
    }
}

impl PartialOrd for ClassSet {
    fn partial_cmp(&self, other: &ClassSet) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ClassSet {
    fn cmp(&self, other: &ClassSet) -> Ordering {
        self.as_parts().cmp(&other.as_parts())
    }
}

impl fmt::Debug for ClassSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClassSet")
            .field("negated", &self.is_negated())
            .field("items", &self.items())
            .finish()
    }
}

/// A set as its flag (co-finite when true) and its sorted listed classes, so that the
/// operations can turn a flag without copying the classes.
type Parts<'a> = (bool, &'a [u32]);

/// The intersection of two sets given as parts.
fn intersect((an, a): Parts<'_>, (bn, b): Parts<'_>) -> ClassSet {
    match (an, bn) {
        (false, false) => merge(a, b, Op::And, false),
        (false, true) => merge(a, b, Op::AndNot, false),
        (true, false) => merge(b, a, Op::AndNot, false),
        (true, true) => merge(a, b, Op::Or, true),
    }
}

/// True when two sets given as parts share a class.
fn meets((an, a): Parts<'_>, (bn, b): Parts<'_>) -> bool {
    match (an, bn) {
        (false, false) => shares(a, b),
        (false, true) => !is_within(a, b),
        (true, false) => !is_within(b, a),
        (true, true) => true,
    }
}

/// True when two sorted lists have an element in common.
fn shares(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => return true,
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    And,
    AndNot,
    Or,
}

/// Merges two sorted lists into a set with the flag `negated`.
fn merge(a: &[u32], b: &[u32], op: Op, negated: bool) -> ClassSet {
    let bound = match op {
        Op::And => a.len().min(b.len()),
        Op::AndNot => a.len(),
        Op::Or => a.len() + b.len(),
    };
    let mut out = Builder::new(bound);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => {
                if op != Op::And {
                    out.push(a[i]);
                }
                i += 1;
            }
            Ordering::Greater => {
                if op == Op::Or {
                    out.push(b[j]);
                }
                j += 1;
            }
            Ordering::Equal => {
                if op != Op::AndNot {
                    out.push(a[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    if op != Op::And {
        a[i..].iter().for_each(|&x| out.push(x));
    }
    if op == Op::Or {
        b[j..].iter().for_each(|&y| out.push(y));
    }
    out.finish(negated)
}

/// The items of a set under construction: in an array on the stack while they fit inline, in a
/// `Vec` once they outgrow it, so that a result of at most [`INLINE`] classes costs no allocation
/// however long the operands were.
struct Builder {
    /// How many items were pushed (or remain after `sort_dedup`).
    len: usize,
    /// The items while `len <= INLINE`.
    inline: [u32; INLINE],
    /// The items once `len > INLINE`; empty, and unallocated, before.
    spill: ThinVec<u32>,
    /// The capacity to take on spilling: the most items the result can have, when known, so the
    /// `Vec` grows once.
    bound: usize,
}

impl Builder {
    fn new(bound: usize) -> Builder {
        Builder {
            len: 0,
            inline: [0; INLINE],
            spill: ThinVec::new(),
            bound,
        }
    }

    fn push(&mut self, class: u32) {
        if self.len < INLINE {
            self.inline[self.len] = class;
        } else {
            if self.len == INLINE {
                self.spill.reserve_exact(self.bound.max(2 * INLINE));
                self.spill.extend_from_slice(&self.inline);
            }
            self.spill.push(class);
        }
        self.len += 1;
    }

    /// Sorts the items and drops duplicates, moving them back inline if they now fit.
    fn sort_dedup(&mut self) {
        if self.len <= INLINE {
            let items = &mut self.inline[..self.len];
            items.sort_unstable();
            let mut kept = 0;
            for i in 0..items.len() {
                if kept == 0 || items[i] != items[kept - 1] {
                    items[kept] = items[i];
                    kept += 1;
                }
            }
            self.len = kept;
        } else {
            self.spill.sort_unstable();
            self.spill.dedup();
            self.len = self.spill.len();
            if self.len <= INLINE {
                self.inline[..self.len].copy_from_slice(&self.spill);
                self.spill = ThinVec::new();
            }
        }
    }

    /// The set of the items (sorted, without duplicates) with the flag `negated`.
    fn finish(mut self, negated: bool) -> ClassSet {
        if self.len <= INLINE {
            self.inline[self.len..].fill(0);
            ClassSet(Repr::Inline {
                negated,
                len: self.len as u8,
                items: self.inline,
            })
        } else {
            self.spill.shrink_to_fit();
            ClassSet(Repr::Heap {
                negated,
                items: self.spill,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;
    use std::hash::BuildHasher;

    /// Finite or co-finite sets listing fewer than `most` of the classes `0..classes`.
    fn set_over(classes: u32, most: usize) -> impl Strategy<Value = ClassSet> {
        (
            any::<bool>(),
            proptest::collection::vec(0..classes, 0..most),
        )
            .prop_map(|(neg, items)| {
                if neg {
                    ClassSet::all_but(items)
                } else {
                    ClassSet::of(items)
                }
            })
    }

    fn set() -> impl Strategy<Value = ClassSet> {
        set_over(8, 6)
    }

    /// Sets over more classes, so that operands and results fall on both sides of [`INLINE`].
    fn wide_set() -> impl Strategy<Value = ClassSet> {
        set_over(16, 14)
    }

    /// The set a membership test over `0..17` (16 standing for "other") describes, built
    /// directly from its items, so it is compared against what the operations produce.
    fn expected(contains: impl Fn(u32) -> bool) -> ClassSet {
        if contains(16) {
            ClassSet::all_but((0..16).filter(|&c| !contains(c)))
        } else {
            ClassSet::of((0..16).filter(|&c| contains(c)))
        }
    }

    /// A hash with fixed keys, so that hashes of different calls compare.
    fn hash(set: &ClassSet) -> u64 {
        std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default().hash_one(set)
    }

    /// The stored form: whether the items are on the heap.
    fn on_heap(set: &ClassSet) -> bool {
        matches!(set.0, Repr::Heap { .. })
    }

    /// Asserts the invariants: sorted, no duplicates, inline exactly when short.
    fn assert_canonical(set: &ClassSet) {
        assert!(set.items().windows(2).all(|w| w[0] < w[1]), "{set:?}");
        assert_eq!(on_heap(set), set.items().len() > INLINE, "{set:?}");
    }

    #[test]
    fn fits_in_16_bytes() {
        assert!(std::mem::size_of::<ClassSet>() <= 16);
        // Two days, a byte of weekdays (padded to eight), five class sets and the flags of two
        // yes/no dimensions (two masks of eight bytes each).
        assert!(std::mem::size_of::<super::super::Block>() <= 128);
        const { assert!(INLINE >= 3) };
    }

    #[test]
    fn stored_forms_compare_and_hash_alike() {
        for n in 0..=INLINE as u32 {
            let inline = ClassSet::of(0..n);
            let boxed = ClassSet(Repr::Heap {
                negated: false,
                items: (0..n).collect(),
            });
            assert!(!on_heap(&inline) && on_heap(&boxed));
            assert_eq!(inline, boxed);
            assert_eq!(inline.cmp(&boxed), Ordering::Equal);
            assert_eq!(hash(&inline), hash(&boxed));
            assert_ne!(inline, boxed.complement());
        }
        // Order is by flag, then by items, whatever the stored forms.
        let long = ClassSet::of(0..9);
        assert!(on_heap(&long));
        assert!(ClassSet::of([0, 1]) < long);
        assert!(long < ClassSet::of([0, 2]));
        assert!(ClassSet::of(0..9) < ClassSet::full());
    }

    #[test]
    fn operations_cross_the_inline_bound() {
        let a = ClassSet::of([1, 3, 5]);
        let b = ClassSet::of([2, 4, 6]);
        let u = a.union(&b);
        assert_eq!(u.items(), &[1, 2, 3, 4, 5, 6]);
        assert!(on_heap(&u) && !u.is_negated());

        let big = ClassSet::of(0..20);
        let other = ClassSet::of((19..40).rev());
        let i = big.intersect(&other);
        assert_eq!(i.items(), &[19]);
        assert!(!on_heap(&i));
        assert!(big.meets(&other));

        let d = big.difference(&ClassSet::of(2..20));
        assert_eq!(d, ClassSet::of([1, 0, 1]));
        assert!(!on_heap(&d));

        // Co-finite: a long exception list shrinks inline when the other set lifts it.
        let n = ClassSet::all_but(0..10).union(&ClassSet::of(0..7));
        assert_eq!(n, ClassSet::all_but([7, 8, 9]));
        assert!(!on_heap(&n));
        let n = ClassSet::all_but([1, 2, 3]).intersect(&ClassSet::all_but([4, 5, 6, 7]));
        assert_eq!(n.items(), &[1, 2, 3, 4, 5, 6, 7]);
        assert!(n.is_negated() && on_heap(&n));

        // Building: duplicates beyond the bound that collapse to fit inline.
        let s = ClassSet::of([4, 4, 1, 4, 1, 1, 2, 2]);
        assert_eq!(s.items(), &[1, 2, 4]);
        assert!(!on_heap(&s));
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

        /// On sets either side of the inline bound, each operation gives exactly the set
        /// membership describes, in its one stored form; the predicates agree with the
        /// operations; and `of` agrees with a sorted set of its input.
        #[test]
        fn wide_operations_are_exact_and_canonical(a in wide_set(), b in wide_set(),
                raw in proptest::collection::vec(0u32..40, 0..20)) {
            let results = [
                (a.intersect(&b), expected(|c| a.contains(c) && b.contains(c))),
                (a.union(&b), expected(|c| a.contains(c) || b.contains(c))),
                (a.difference(&b), expected(|c| a.contains(c) && !b.contains(c))),
                (a.complement(), expected(|c| !a.contains(c))),
            ];
            for (got, want) in &results {
                assert_canonical(got);
                prop_assert_eq!(got, want);
                prop_assert_eq!(hash(got), hash(want));
            }
            prop_assert_eq!(a.meets(&b), !results[0].0.is_empty());
            prop_assert_eq!(a.is_subset(&b), results[2].0.is_empty());
            let sorted: Vec<u32> = raw.iter().copied().collect::<BTreeSet<_>>().into_iter().collect();
            let of = ClassSet::of(raw.iter().copied());
            assert_canonical(&of);
            prop_assert_eq!(of.items(), &sorted[..]);
            let all_but = ClassSet::all_but(raw);
            prop_assert!(all_but.is_negated());
            prop_assert_eq!(all_but.items(), &sorted[..]);
            prop_assert_eq!(a.cmp(&b), (a.is_negated(), a.items()).cmp(&(b.is_negated(), b.items())));
        }
    }
}

//! The set of one yes/no dimension in a block: which of its flags (conditions, traits) must
//! hold, which must not, the rest free. Flag `i` is the `i`-th value the workspace names of the
//! dimension, in the order of [`super::Universe`].

pub use crate::dim::MAX_FLAGS;

/// The flags a block requires (`yes`) and excludes (`no`) of one yes/no dimension: a
/// conjunction of "has flag i" and "lacks flag j". A subject with the flags `bits` is in it when
/// it has every flag of `yes` and none of `no`.
///
/// **Invariant:** in a block, `yes & no == 0` (an empty set of flags empties the block, which is
/// never kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags {
    /// The flags that must hold.
    pub yes: u64,
    /// The flags that must not.
    pub no: u64,
}

impl Flags {
    /// Every subject: no flag required or excluded.
    pub const FULL: Flags = Flags { yes: 0, no: 0 };

    /// The subjects with flag `i`.
    pub fn has(i: u32) -> Flags {
        Flags { yes: 1 << i, no: 0 }
    }

    /// The subjects without flag `i`.
    pub fn lacks(i: u32) -> Flags {
        Flags { yes: 0, no: 1 << i }
    }

    /// True when it requires and excludes nothing.
    pub fn is_full(self) -> bool {
        self.yes == 0 && self.no == 0
    }

    /// True when no subject is in it (a flag both required and excluded).
    pub fn is_empty(self) -> bool {
        self.yes & self.no != 0
    }

    /// True when a subject with exactly the flags `bits` is in it.
    pub fn contains(self, bits: u64) -> bool {
        bits & self.yes == self.yes && bits & self.no == 0
    }

    /// The intersection (possibly empty: see [`Flags::is_empty`]).
    pub fn intersect(self, other: Flags) -> Flags {
        Flags {
            yes: self.yes | other.yes,
            no: self.no | other.no,
        }
    }

    /// True when the two share a subject.
    pub fn meets(self, other: Flags) -> bool {
        !self.intersect(other).is_empty()
    }

    /// The flags it restricts (requires or excludes).
    pub fn mentioned(self) -> u64 {
        self.yes | self.no
    }

    /// `self` minus `other`, which it meets: disjoint non-empty sets, one per flag that `other`
    /// restricts and `self` leaves free (the subjects that differ from `other` first on that
    /// flag); nothing when `other` restricts nothing `self` does not. Also returns `self`
    /// within `other`.
    pub fn peel(self, other: Flags) -> (Vec<Flags>, Flags) {
        let mut out = Vec::new();
        let mut rest = self;
        // Each flag `other` requires (then each it excludes) that `self` leaves free: the
        // subjects on the other side of it go out, the rest takes `other`'s side.
        let required = other.yes & !rest.yes;
        let excluded = other.no & !rest.no;
        for (mask, requires) in [(required, true), (excluded, false)] {
            let mut free = mask;
            while free != 0 {
                let bit = free & free.wrapping_neg();
                let (mut outside, mut inside) = (rest, rest);
                if requires {
                    (outside.no, inside.yes) = (rest.no | bit, rest.yes | bit);
                } else {
                    (outside.yes, inside.no) = (rest.yes | bit, rest.no | bit);
                }
                out.push(outside);
                rest = inside;
                free &= free - 1;
            }
        }
        (out, rest)
    }

    /// The flags of a subject in it with as few flags as possible: those it requires.
    pub fn pick(self) -> Option<u64> {
        (!self.is_empty()).then_some(self.yes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn flags() -> impl Strategy<Value = Flags> {
        (0u64..16, 0u64..16).prop_map(|(yes, no)| Flags { yes, no: no & !yes })
    }

    proptest! {
        #[test]
        fn peel_is_exact_on_every_subject(a in flags(), b in flags()) {
            prop_assume!(a.meets(b));
            let (outside, inside) = a.peel(b);
            for bits in 0u64..16 {
                let pieces = outside.iter().filter(|f| f.contains(bits)).count();
                prop_assert!(pieces <= 1, "pieces overlap");
                prop_assert_eq!(pieces == 1, a.contains(bits) && !b.contains(bits));
                prop_assert_eq!(inside.contains(bits), a.contains(bits) && b.contains(bits));
            }
            prop_assert!(outside.iter().all(|f| !f.is_empty()));
        }

        #[test]
        fn intersection_and_meeting_agree_with_membership(a in flags(), b in flags()) {
            let both = a.intersect(b);
            prop_assert_eq!(a.meets(b), (0u64..16).any(|x| a.contains(x) && b.contains(x)));
            for bits in 0u64..16 {
                prop_assert_eq!(both.contains(bits), a.contains(bits) && b.contains(bits));
            }
        }
    }
}

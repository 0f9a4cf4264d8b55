//! Blocks and regions: a block is a date interval, with the weekdays of its dates it holds,
//! times one class set per dimension; a region is a union of disjoint blocks. Intersection,
//! union, difference, complement and emptiness are exact (see the module above).

use super::{ClassSet, Day, Dim, FIRST_DAY, Flags, LAST_DAY, Weekdays};
use chrono::Weekday;

/// The weekday of a day number (day 1, 0001-01-01 of the proleptic Gregorian calendar, was a
/// Monday), without building its date.
pub fn weekday(day: Day) -> Weekday {
    crate::calendar::WEEK[(day - 1).rem_euclid(7) as usize]
}

/// The first and last days from `from` to `to` whose weekday is in `days`: the interval of a
/// block tightened to the days it holds, `None` when it holds none. A block of every weekday
/// is its interval; otherwise at most six days are tried at each end.
pub fn tighten(from: Day, to: Day, days: Weekdays) -> Option<(Day, Day)> {
    if from > to {
        return None;
    }
    if days.is_all() {
        return Some((from, to));
    }
    let first = (from..=to.min(from + 6)).find(|&d| days.contains(weekday(d)))?;
    let last = ((to - 6).max(first)..=to)
        .rev()
        .find(|&d| days.contains(weekday(d)))?;
    Some((first, last))
}

/// A concrete point: a date, one class per dimension of classes and the flags of each yes/no
/// dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    /// The date.
    pub day: Day,
    /// The class of each dimension of classes, indexed by [`Dim::index`].
    pub classes: [u32; Dim::CLASSES],
    /// The flags that hold of each yes/no dimension (bit `i`: its `i`-th named value), indexed
    /// by [`Dim::flag_index`].
    pub flags: [u64; Dim::FLAGS],
}

impl Point {
    /// The point of a date and classes, with no flag.
    pub fn new(day: Day, classes: [u32; Dim::CLASSES]) -> Point {
        Point {
            day,
            classes,
            flags: [0; Dim::FLAGS],
        }
    }
}

/// A closed date interval, with the weekdays of its dates it holds, times one class set per
/// dimension of classes and the flags of each yes/no dimension. The weekday is the one dimension derived from the date: a block holds a date of
/// its interval only when the date's weekday is in `days`, so a block is empty exactly when no
/// date of its interval has one of its weekdays. The interval of a block with some weekdays
/// left out is kept tight: it starts and ends on days it holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    /// First day.
    pub from: Day,
    /// Last day (inclusive).
    pub to: Day,
    /// The weekdays of its dates it holds ([`Weekdays::ALL`]: every date of the interval).
    pub days: Weekdays,
    /// One class set per dimension of classes, indexed by [`Dim::index`].
    pub sets: [ClassSet; Dim::CLASSES],
    /// What it requires of each yes/no dimension, indexed by [`Dim::flag_index`].
    pub flags: [Flags; Dim::FLAGS],
}

impl Block {
    /// Every point.
    pub fn full() -> Block {
        Block {
            from: FIRST_DAY,
            to: LAST_DAY,
            days: Weekdays::ALL,
            sets: std::array::from_fn(|_| ClassSet::full()),
            flags: [Flags::FULL; Dim::FLAGS],
        }
    }

    /// True when it holds no point.
    pub fn is_empty(&self) -> bool {
        tighten(self.from, self.to, self.days).is_none()
            || self.sets.iter().any(ClassSet::is_empty)
            || self.flags.iter().any(|f| f.is_empty())
    }

    /// Membership of a point.
    pub fn contains(&self, p: &Point) -> bool {
        self.from <= p.day
            && p.day <= self.to
            && (self.days.is_all() || self.days.contains(weekday(p.day)))
            && self.sets.iter().zip(p.classes).all(|(s, c)| s.contains(c))
            && self.flags.iter().zip(p.flags).all(|(f, b)| f.contains(b))
    }

    /// The same block on the weekdays of `days` only, `None` when empty.
    pub fn with_weekdays(&self, days: Weekdays) -> Option<Block> {
        let days = self.days.intersect(days);
        let (from, to) = tighten(self.from, self.to, days)?;
        Some(Block {
            from,
            to,
            days,
            sets: self.sets.clone(),
            flags: self.flags,
        })
    }

    /// The intersection, `None` when empty.
    pub fn intersect(&self, other: &Block) -> Option<Block> {
        if !self.meets(other) {
            return None;
        }
        let days = self.days.intersect(other.days);
        let (from, to) = tighten(self.from.max(other.from), self.to.min(other.to), days)?;
        let mut sets: [ClassSet; Dim::CLASSES] = std::array::from_fn(|_| ClassSet::empty());
        for (i, set) in sets.iter_mut().enumerate() {
            *set = self.sets[i].intersect(&other.sets[i]);
            if set.is_empty() {
                return None;
            }
        }
        let flags = std::array::from_fn(|i| self.flags[i].intersect(other.flags[i]));
        Some(Block {
            from,
            to,
            days,
            sets,
            flags,
        })
    }

    /// True when the blocks share a point; `intersect(..).is_some()` without building it.
    pub fn meets(&self, other: &Block) -> bool {
        self.from.max(other.from) <= self.to.min(other.to)
            && self.sets.iter().zip(&other.sets).all(|(a, b)| a.meets(b))
            && self
                .flags
                .iter()
                .zip(&other.flags)
                .all(|(a, b)| a.meets(*b))
            && (self.days.is_all() && other.days.is_all()
                || tighten(
                    self.from.max(other.from),
                    self.to.min(other.to),
                    self.days.intersect(other.days),
                )
                .is_some())
    }

    /// `self` minus `other`, as disjoint non-empty blocks.
    pub fn subtract(&self, other: &Block) -> Vec<Block> {
        // The analysis subtracts in its inner loops: test before building anything.
        if !self.meets(other) {
            return vec![self.clone()];
        }
        let mut out = Vec::new();
        self.peel(other, &mut out);
        out
    }

    /// `self` minus `other`, which it meets, as disjoint non-empty blocks pushed onto `out`.
    fn peel(&self, other: &Block, out: &mut Vec<Block>) {
        let (from, to) = (self.from.max(other.from), self.to.min(other.to));
        if self.from < from {
            if let Some((a, b)) = tighten(self.from, from - 1, self.days) {
                out.push(Block {
                    from: a,
                    to: b,
                    ..self.clone()
                });
            }
        }
        if to < self.to {
            if let Some((a, b)) = tighten(to + 1, self.to, self.days) {
                out.push(Block {
                    from: a,
                    to: b,
                    ..self.clone()
                });
            }
        }
        // Within the common dates: the weekdays `other` leaves out, then one dimension at a
        // time. A dimension `other` does not restrict, or restricts to a superset of what is
        // left, leaves nothing outside.
        let mut rest = Block {
            from,
            to,
            days: self.days,
            sets: self.sets.clone(),
            flags: self.flags,
        };
        let outside = self.days.difference(other.days);
        if !outside.is_empty() {
            if let Some((a, b)) = tighten(from, to, outside) {
                out.push(Block {
                    from: a,
                    to: b,
                    days: outside,
                    sets: self.sets.clone(),
                    flags: self.flags,
                });
            }
            rest.days = self.days.intersect(other.days);
            // `self` meets `other`, so the rest holds a day.
            if let Some((a, b)) = tighten(from, to, rest.days) {
                (rest.from, rest.to) = (a, b);
            }
        }
        for i in 0..Dim::CLASSES {
            if other.sets[i].is_full() {
                continue;
            }
            let outside = rest.sets[i].difference(&other.sets[i]);
            if outside.is_empty() {
                continue;
            }
            let mut piece = rest.clone();
            piece.sets[i] = outside;
            out.push(piece);
            rest.sets[i] = rest.sets[i].intersect(&other.sets[i]);
        }
        // Last the flags, one at a time like the dimensions.
        for i in 0..Dim::FLAGS {
            if other.flags[i].is_full() {
                continue;
            }
            let (outside, inside) = rest.flags[i].peel(other.flags[i]);
            for f in outside {
                let mut piece = rest.clone();
                piece.flags[i] = f;
                out.push(piece);
            }
            rest.flags[i] = inside;
        }
    }

    /// The same block restricted to a date interval, `None` when empty.
    pub fn with_dates(&self, from: Day, to: Day) -> Option<Block> {
        let (from, to) = tighten(self.from.max(from), self.to.min(to), self.days)?;
        Some(Block {
            from,
            to,
            days: self.days,
            sets: self.sets.clone(),
            flags: self.flags,
        })
    }
}

/// A union of blocks.
///
/// **Invariant:** no block is empty, so a region is empty exactly when it has no block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Region {
    blocks: Vec<Block>,
}

impl Region {
    /// No point.
    pub fn empty() -> Region {
        Region { blocks: Vec::new() }
    }

    /// Every point.
    pub fn full() -> Region {
        Region::from_block(Block::full())
    }

    /// One block (or nothing, if it is empty).
    pub fn from_block(block: Block) -> Region {
        if block.is_empty() {
            return Region::empty();
        }
        // Exactly one block's room: pushing would reserve four.
        Region {
            blocks: vec![block],
        }
    }

    /// Adds a block that shares no point with the region (nothing, if it is empty).
    pub(super) fn push_disjoint(&mut self, block: Block) {
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    /// Every point on the days `from..=to`.
    pub fn dates(from: Day, to: Day) -> Region {
        Region::from_block(Block {
            from,
            to,
            ..Block::full()
        })
    }

    /// Every point on the weekdays of `days`.
    pub fn weekdays(days: Weekdays) -> Region {
        Region::from_block(Block {
            days,
            ..Block::full()
        })
    }

    /// The part on the weekdays of `days`.
    pub fn with_weekdays(&self, days: Weekdays) -> Region {
        if days.is_all() {
            return self.clone();
        }
        Region {
            blocks: self
                .blocks
                .iter()
                .filter_map(|b| b.with_weekdays(days))
                .collect(),
        }
    }

    /// The same region holding no spare capacity: a region kept for long (a compiled rule) is
    /// built by operations that over-allocate its block list, and a national corpus keeps a
    /// hundred thousand. (Class sets are always built to their exact length.)
    pub fn compact(mut self) -> Region {
        self.blocks.shrink_to_fit();
        self
    }

    /// The blocks.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// True when it holds no point.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Membership of a point.
    pub fn contains(&self, p: &Point) -> bool {
        self.blocks.iter().any(|b| b.contains(p))
    }

    /// The union.
    pub fn union(&self, other: &Region) -> Region {
        if self.is_empty() {
            return other.clone();
        }
        // Keep blocks disjoint: add only what `self` does not hold yet.
        let mut blocks = self.blocks.clone();
        blocks.extend(other.subtract(self).blocks);
        Region { blocks }
    }

    /// Adds `other` to the region: [`Region::union`] without copying the blocks it holds, for
    /// unions built term by term.
    pub fn add(&mut self, other: &Region) {
        if self.is_empty() {
            self.blocks = other.blocks.clone();
            return;
        }
        let new = other.subtract(self).blocks;
        self.blocks.extend(new);
    }

    /// The intersection.
    pub fn intersect(&self, other: &Region) -> Region {
        let mut blocks = Vec::new();
        for a in &self.blocks {
            for b in &other.blocks {
                if let Some(c) = a.intersect(b) {
                    blocks.push(c);
                }
            }
        }
        Region { blocks }
    }

    /// `self` minus `other`.
    pub fn subtract(&self, other: &Region) -> Region {
        let mut blocks = self.blocks.clone();
        let mut next = Vec::new();
        for b in &other.blocks {
            // Blocks `b` misses are moved, not copied; a `b` that misses them all costs a test.
            if !blocks.iter().any(|a| a.meets(b)) {
                continue;
            }
            next.clear();
            for a in blocks.drain(..) {
                if a.meets(b) {
                    a.peel(b, &mut next);
                } else {
                    next.push(a);
                }
            }
            std::mem::swap(&mut blocks, &mut next);
        }
        Region { blocks }
    }

    /// The complement.
    pub fn complement(&self) -> Region {
        Region::full().subtract(self)
    }

    /// The part on the days `from..=to`.
    pub fn with_dates(&self, from: Day, to: Day) -> Region {
        Region {
            blocks: self
                .blocks
                .iter()
                .filter_map(|b| b.with_dates(from, to))
                .collect(),
        }
    }

    /// True when every point of `self` is in `other`.
    pub fn is_subset(&self, other: &Region) -> bool {
        self.subtract(other).is_empty()
    }

    /// True when the two share a point.
    pub fn overlaps(&self, other: &Region) -> bool {
        self.blocks
            .iter()
            .any(|a| other.blocks.iter().any(|b| a.meets(b)))
    }
}

//! The dimensions of a subject, as data: one entry of [`TABLE`] per dimension, with everything
//! the layers above ask of it (its keyword, its kind, how messages name its values).
//!
//! A point of the region algebra is a date and one class per dimension. The date is the one
//! dimension outside the table: it is ordered and unbounded, so a region keeps it as each
//! block's interval (`from..=to`), not as a set of classes. Every other dimension is an entry
//! here, and every layer (the region algebra, the evaluator's questions and cases, the notes of
//! a question, the witnesses of the analysis) iterates the table and asks an entry's [`Kind`]
//! or fields rather than naming a dimension. What still names one is the reading of the syntax
//! (a question's `unit`, a circular's `scope`, the selectors of the resolver) and the
//! completion vocabularies of the REPL.
//!
//! This module imports nothing of the crate, so that the syntax may read its keywords from the
//! table later.

/// A dimension of a subject (other than the date).
///
/// **Invariant:** the variants are in the order of [`TABLE`], and [`Dim::index`] is the
/// position of the entry (checked when the crate is built).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    /// The government.
    Gov,
    /// The unit path.
    Unit,
    /// The function.
    Function,
    /// Where the person lives.
    Domicile,
    /// Where the office is.
    Office,
    /// The conditions a circular foresees (`condition urgent "..."`), each holding or not.
    Condition,
    /// The personal circumstances of staff (`trait pregnant`), each had or not.
    Trait,
}

/// How the values of a dimension split into classes.
///
/// Every kind has an "other" class, the values no circular names, numbered after the named
/// classes, so a complement is always exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Paths (`A/B/C`): a named path is the class of the paths at or below it, except those at
    /// or below a deeper named path; a selector naming a path covers its whole subtree.
    Hierarchical,
    /// Named values and "other", which a left-out dimension ranges over like any class.
    Open,
    /// Named values, and "other" only where something binds every value (for governments: a
    /// circular with `scope all`). The values are those the workspace names anywhere, even in a
    /// set no selector uses; a question with the dimension left out ranges over the named ones.
    Closed,
    /// A family of yes/no flags (the conditions, the traits): each value the workspace names
    /// is a flag a subject has or lacks, independently of the others (a member of staff may
    /// be pregnant and an echelon III official). A block does not keep a class set of such a
    /// dimension but its [`crate::region::Flags`]: the flags it requires, those it excludes,
    /// and the rest free. These entries come after every dimension of classes.
    YesNo,
}

/// What the layers above the algebra know of one dimension.
#[derive(Clone, Copy, Debug)]
pub struct Info {
    /// The dimension described (its variant is its position in [`TABLE`]).
    pub dim: Dim,
    /// The keyword of selectors, questions and JSON conditions: `function`.
    pub keyword: &'static str,
    /// How its values split into classes.
    pub kind: Kind,
    /// What messages call one of its values: "no circular names **place** `Bandung`".
    pub noun: &'static str,
    /// What a question's own notes call the value it gives: "the **government** `X` of the
    /// question holds a zero-width space".
    pub term: &'static str,
    /// True when its values are written as strings (and so quoted in prose: `unit "Dishub"`),
    /// false when they are identifiers (`function service`), which cannot hold invisible
    /// characters.
    pub string: bool,
    /// True when every subject names it (a question must give the unit): a witness shows it
    /// even when the region does not restrict it ("any unit").
    pub required: bool,
    /// For a yes/no dimension, how a flag that does not hold is written: `true` with `not`
    /// before the keyword (`not trait pregnant`), `false` after it (`when not urgent`).
    pub not_first: bool,
}

/// How many names one yes/no dimension (conditions, traits) of a workspace can have: the bits of
/// a mask of `region::Flags`. A workspace naming more is refused with `too-many-names`.
pub const MAX_FLAGS: usize = 64;

/// The dimensions, in index order: the order of a point's classes, of a block's sets and so of
/// the conditions of a question's cases.
pub const TABLE: &[Info] = &[
    Info {
        dim: Dim::Gov,
        keyword: "gov",
        kind: Kind::Closed,
        noun: "government",
        term: "government",
        string: true,
        required: false,
        not_first: false,
    },
    Info {
        dim: Dim::Unit,
        keyword: "unit",
        kind: Kind::Hierarchical,
        noun: "unit",
        term: "unit",
        string: true,
        required: true,
        not_first: false,
    },
    Info {
        dim: Dim::Function,
        keyword: "function",
        kind: Kind::Open,
        noun: "function",
        term: "function",
        string: false,
        required: false,
        not_first: false,
    },
    Info {
        dim: Dim::Domicile,
        keyword: "domicile",
        kind: Kind::Open,
        noun: "place",
        term: "domicile",
        string: true,
        required: false,
        not_first: false,
    },
    Info {
        dim: Dim::Office,
        keyword: "office",
        kind: Kind::Open,
        noun: "place",
        term: "office",
        string: true,
        required: false,
        not_first: false,
    },
    Info {
        dim: Dim::Condition,
        keyword: "when",
        kind: Kind::YesNo,
        noun: "condition",
        term: "condition",
        string: false,
        required: false,
        not_first: false,
    },
    Info {
        dim: Dim::Trait,
        keyword: "trait",
        kind: Kind::YesNo,
        noun: "trait",
        term: "trait",
        string: false,
        required: false,
        not_first: true,
    },
];

// The invariant of `Dim`: each entry sits at its variant's index, and the dimensions of
// classes come before the yes/no ones.
const _: () = {
    let mut i = 0;
    while i < TABLE.len() {
        assert!(TABLE[i].dim as usize == i);
        let yes_no = matches!(TABLE[i].kind, Kind::YesNo);
        assert!(yes_no == (i >= Dim::CLASSES));
        i += 1;
    }
};

impl Dim {
    /// How many dimensions there are: the length of per-dimension arrays.
    pub const COUNT: usize = TABLE.len();

    /// Every dimension, in index order.
    pub const ALL: [Dim; Dim::COUNT] = {
        let mut all = [Dim::Gov; Dim::COUNT];
        let mut i = 0;
        while i < Dim::COUNT {
            all[i] = TABLE[i].dim;
            i += 1;
        }
        all
    };

    /// How many dimensions have classes (all but the yes/no ones): the length of a block's
    /// class sets and a point's classes.
    pub const CLASSES: usize = {
        let mut n = 0;
        while n < TABLE.len() && !matches!(TABLE[n].kind, Kind::YesNo) {
            n += 1;
        }
        n
    };

    /// How many yes/no dimensions there are: the length of a block's flags.
    pub const FLAGS: usize = Dim::COUNT - Dim::CLASSES;

    /// The dimensions of classes, in index order.
    pub const CLASSED: [Dim; Dim::CLASSES] = {
        let mut all = [Dim::Gov; Dim::CLASSES];
        let mut i = 0;
        while i < Dim::CLASSES {
            all[i] = TABLE[i].dim;
            i += 1;
        }
        all
    };

    /// The yes/no dimensions, in index order.
    pub const FLAGGED: [Dim; Dim::FLAGS] = {
        let mut all = [Dim::Gov; Dim::FLAGS];
        let mut i = 0;
        while i < Dim::FLAGS {
            all[i] = TABLE[Dim::CLASSES + i].dim;
            i += 1;
        }
        all
    };

    /// The index into per-dimension arrays (of class sets, for a dimension of classes).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The index of a yes/no dimension into arrays of flags ([`Dim::FLAGS`] long).
    pub const fn flag_index(self) -> usize {
        self as usize - Dim::CLASSES
    }

    /// True for a yes/no dimension (a condition, a trait).
    pub const fn is_flag(self) -> bool {
        matches!(self.kind(), Kind::YesNo)
    }

    /// Its entry of [`TABLE`].
    pub const fn info(self) -> &'static Info {
        &TABLE[self as usize]
    }

    /// The keyword of the dimension.
    pub const fn keyword(self) -> &'static str {
        self.info().keyword
    }

    /// How its values split into classes.
    pub const fn kind(self) -> Kind {
        self.info().kind
    }

    /// Every dimension of classes, the subject's own first and the closed ones (the
    /// government, which scopes bind) last: the order in which a finding's witness and a
    /// too-broad question name them ("unit `Dishub`, function service, gov `Pemprov A`").
    pub fn subject_first() -> impl Iterator<Item = Dim> {
        let closed = |d: &Dim| d.kind() == Kind::Closed;
        let own = Dim::CLASSED.into_iter().filter(move |d| !closed(d));
        own.chain(Dim::CLASSED.into_iter().filter(closed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_distinct_and_orders_hold_every_dimension() {
        let mut keywords: Vec<&str> = TABLE.iter().map(|i| i.keyword).collect();
        keywords.sort_unstable();
        keywords.dedup();
        assert_eq!(keywords.len(), Dim::COUNT);
        let mut order: Vec<Dim> = Dim::subject_first().collect();
        assert_eq!(order[0], Dim::Unit);
        assert_eq!(order.last(), Some(&Dim::Gov));
        order.sort_unstable();
        assert_eq!(order, Dim::CLASSED);
        assert_eq!(Dim::FLAGGED, [Dim::Condition, Dim::Trait]);
        assert!(Dim::FLAGGED.iter().all(|d| d.is_flag()));
        assert!(Dim::ALL.iter().all(|d| d.info().dim == *d));
    }
}

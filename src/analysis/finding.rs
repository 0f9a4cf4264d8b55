//! The identity of a finding: its code and the circulars, rules, `except`s or `exempt`s it is
//! about ([`Key`]). The oracle property test compares findings by key; the diagnostic is how a
//! finding is shown.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{CircularId, RuleId};

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum About {
    /// Rules of a circular (sorted).
    Rules(CircularId, Vec<RuleId>),
    /// The `except` number `k` (in source order) of a rule.
    Except(CircularId, RuleId, usize),
    /// The `exempt` clause number `k` of a circular.
    Exempt(CircularId, usize),
}

/// The identity of a finding: its code and what it is about (for two circulars: the earlier or
/// lower first).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The code.
    pub code: Code,
    /// The first place.
    pub first: About,
    /// The second place, for findings across circulars.
    pub second: Option<About>,
}

/// A finding: its identity and its diagnostic.
#[derive(Clone, Debug)]
pub struct Finding {
    /// What it is.
    pub key: Key,
    /// How it is reported.
    pub diagnostic: Diagnostic,
}

/// A finding of `diagnostic`'s code about `first` (and `second`).
pub(super) fn finding(first: About, second: Option<About>, diagnostic: Diagnostic) -> Finding {
    Finding {
        key: Key {
            code: diagnostic.code,
            first,
            second,
        },
        diagnostic,
    }
}

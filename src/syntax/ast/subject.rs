//! What a question is about: a unit, the dimensions given and the time.

use super::{DateLit, Spanned, Str};

/// Who and when a question is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    /// The unit path.
    pub unit: Str,
    /// The dimensions given, each at most once.
    pub dims: Vec<Spanned<Dimension>>,
    /// When; `None` when missing (already reported).
    pub time: Option<Spanned<Time>>,
}

/// A dimension of a subject other than its unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// `function IDENT`
    Function(String),
    /// `domicile STRING`
    Domicile(String),
    /// `office STRING`
    Office(String),
    /// `gov STRING`
    Gov(String),
    /// `when NAME` (`holds`) or `when not NAME`: whether a condition holds.
    Condition {
        /// The condition.
        name: String,
        /// False for `when not`.
        holds: bool,
    },
    /// `trait NAME` (`holds`) or `not trait NAME`: whether the staff have a trait.
    Trait {
        /// The trait.
        name: String,
        /// False for `not trait`.
        holds: bool,
    },
}

impl Dimension {
    /// The dimension's keyword.
    pub fn keyword(&self) -> &'static str {
        match self {
            Dimension::Function(_) => "function",
            Dimension::Domicile(_) => "domicile",
            Dimension::Office(_) => "office",
            Dimension::Gov(_) => "gov",
            Dimension::Condition { .. } => "when",
            Dimension::Trait { .. } => "trait",
        }
    }
}

/// When a question is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Time {
    /// `on DATE`
    On(DateLit),
    /// `from DATE to DATE`
    Period(DateLit, DateLit),
}

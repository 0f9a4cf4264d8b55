//! The workspace model: every file of a workspace, resolved into circulars whose names point at
//! what they mean.
//!
//! Resolution turns the syntax tree into the shapes the semantics works on: set names are
//! replaced by their members, `overrides` by rule indices (with their transitive closure),
//! `revokes` by circular indices, arrangements by WFO intervals. What cannot be resolved is
//! reported (`unknown-name`, `duplicate-name`, `missing-clause`) and left out, so that every later
//! stage sees only well-formed circulars and never reports the same mistake twice.

mod intern;
mod resolve;

pub use intern::{Interner, Sym};
pub use resolve::{load, load_for_questions, normalize_unit};

use crate::diagnostic::Diagnostic;
use crate::span::{FileId, Span};
use crate::syntax::ast::{self, Interval, Level, Pct};
use chrono::NaiveDate;
use std::sync::Arc;

/// The text of one file, as the caller read it. The core never reads files itself.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name shown in diagnostics (usually a path).
    pub name: String,
    /// The contents.
    pub text: String,
}

/// Every file of a workspace, parsed and resolved.
#[derive(Debug)]
pub struct Workspace {
    /// The sources, indexed by [`FileId`].
    pub sources: Vec<Source>,
    /// The `test` blocks of every file, with their file. The rest of the syntax trees is
    /// dropped once checked: a national corpus would otherwise keep seven times its size.
    pub tests: Vec<(FileId, ast::TestBlock)>,
    /// The names written as identifiers, sets and functions, sorted (for completion).
    pub names: Vec<String>,
    /// The circulars that resolved well enough to be evaluated.
    pub circulars: Vec<Circular>,
    /// `baseline wfo N%`: the share where no rule applies (100% when not written).
    pub baseline: Pct,
    /// Where the baseline was set, if it was.
    pub baseline_at: Option<(FileId, Span)>,
    /// The strings of the workspace (units, places, functions, governments).
    pub interner: Interner,
    /// What parsing and resolution found.
    pub diagnostics: Vec<Diagnostic>,
}

/// An index into [`Workspace::circulars`].
pub type CircularId = usize;

/// One circular, resolved.
#[derive(Clone, Debug)]
pub struct Circular {
    /// The file it is in.
    pub file: FileId,
    /// The `circular` block.
    pub span: Span,
    /// Its number, e.g. `800/2928-BKD/2023`.
    pub id: String,
    /// Where the number is written.
    pub id_span: Span,
    /// Its rank.
    pub level: Level,
    /// Its signing date.
    pub signed: NaiveDate,
    /// Where the signing date is written.
    pub signed_span: Span,
    /// The first valid day.
    pub valid_from: NaiveDate,
    /// The last valid day, `None` when open-ended.
    pub valid_to: Option<NaiveDate>,
    /// Where the validity is written.
    pub valid_span: Span,
    /// The governments it binds.
    pub scope: GovScope,
    /// The circulars it revokes (those found in the workspace).
    pub revokes: Vec<CircularId>,
    /// Who it does not regulate at all.
    pub exempt: Vec<Exemption>,
    /// Its rules, in source order.
    pub rules: Vec<Rule>,
    /// Its WFH priorities.
    pub priorities: Vec<Priority>,
    /// Duties of unit heads, shown with answers (shared: circulars repeat them).
    pub duties: Box<[Arc<str>]>,
}

impl Circular {
    /// Drops the spare capacity of its lists. A national corpus holds tens of thousands of
    /// circulars; lists grown by pushing keep up to twice their length.
    pub fn shrink_to_fit(&mut self) {
        self.revokes.shrink_to_fit();
        self.exempt.shrink_to_fit();
        self.rules.shrink_to_fit();
        self.priorities.shrink_to_fit();
    }

    /// True when `date` is within the validity (both ends inclusive).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        date >= self.valid_from && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// The governments a circular binds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GovScope {
    /// `scope all`
    All,
    /// The governments named.
    Govs(Box<[Sym]>),
}

/// An `exempt` clause.
#[derive(Clone, Debug)]
pub struct Exemption {
    /// Who is exempt.
    pub selector: Sel,
    /// Where the clause is written.
    pub span: Span,
}

/// A WFH priority clause.
#[derive(Clone, Debug)]
pub struct Priority {
    /// The rank: 1 is served first.
    pub rank: u32,
    /// Who it covers.
    pub selector: Sel,
    /// Where the clause is written.
    pub span: Span,
}

/// An index into [`Circular::rules`].
pub type RuleId = usize;

/// A rule, resolved.
///
/// A national corpus holds hundreds of thousands of rules, so a rule keeps no copy of its name
/// (an identifier is exactly its source text: [`Workspace::rule_name`]) and its lists are boxed
/// slices, with no spare capacity.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The whole clause.
    pub span: Span,
    /// Where the name is written.
    pub name_span: Span,
    /// Whom it covers; `None` for `otherwise`.
    pub selector: Option<Sel>,
    /// The `except` modifiers, with their spans.
    pub except: Box<[(Sel, Span)]>,
    /// The WFO interval it requires.
    pub wfo: Interval,
    /// Where the arrangement is written.
    pub arrangement_span: Span,
    /// The rules it names in `overrides`, with the span of each name.
    pub overrides: Box<[(RuleId, Span)]>,
    /// Every rule it overrides, directly or through others (sorted, without itself unless in a
    /// cycle).
    pub overrides_all: Box<[RuleId]>,
    /// `during FROM to TO`, with its span.
    pub during: Option<(NaiveDate, NaiveDate, Span)>,
}

impl Rule {
    /// True for an `otherwise` rule.
    pub fn is_otherwise(&self) -> bool {
        self.selector.is_none()
    }
}

/// A resolved selector: set names are replaced by their members. Its lists are boxed slices, and
/// a single value is kept inline: a national corpus holds one selector or more per rule, most of
/// them naming one unit or one function.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Sel {
    /// Every subject.
    All,
    /// Units equal to or below one of these paths.
    Unit(Syms),
    /// One of these functions.
    Function(Syms),
    /// Living in one of these places.
    Domicile(Syms),
    /// Working in an office in one of these places.
    Office(Syms),
    /// In one of these governments.
    Gov(Syms),
    /// All of these.
    And(Box<[Sel]>),
    /// Any of these.
    Or(Box<[Sel]>),
    /// Not this.
    Not(Box<Sel>),
}

/// The values a selector names: one, inline (the usual case), or several.
///
/// **Invariant:** `Many` holds two values or more, or none, so each list has one form; equality
/// and hashing are those of the slice anyway.
#[derive(Clone, Debug)]
pub enum Syms {
    /// Exactly one value.
    One(Sym),
    /// Any other number of values.
    Many(Box<[Sym]>),
}

impl std::ops::Deref for Syms {
    type Target = [Sym];

    fn deref(&self) -> &[Sym] {
        match self {
            Syms::One(s) => std::slice::from_ref(s),
            Syms::Many(v) => v,
        }
    }
}

impl From<Vec<Sym>> for Syms {
    fn from(v: Vec<Sym>) -> Syms {
        match v[..] {
            [one] => Syms::One(one),
            _ => Syms::Many(v.into()),
        }
    }
}

impl FromIterator<Sym> for Syms {
    fn from_iter<I: IntoIterator<Item = Sym>>(iter: I) -> Syms {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl PartialEq for Syms {
    fn eq(&self, other: &Syms) -> bool {
        **self == **other
    }
}

impl Eq for Syms {}

impl std::hash::Hash for Syms {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

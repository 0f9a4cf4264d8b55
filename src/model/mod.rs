//! The workspace model: every file of a workspace, resolved into circulars whose names point at
//! what they mean.
//!
//! Resolution turns the syntax tree into the shapes the semantics works on: set names are
//! replaced by their members, `overrides` by rule indices (with their transitive closure),
//! `revokes` by circular indices, arrangements by WFO intervals. What cannot be resolved is
//! reported (`unknown-name`, `duplicate-name`, `missing-clause`) and left out, so that every later
//! stage sees only well-formed circulars and never reports the same mistake twice.
//!
//! The model only resolves: it reads the syntax tree and nothing above it. [`crate::check`]
//! drives the pipeline (parsing, the checks, the analysis) and hands the [`Resolver`] one file
//! at a time.

mod intern;
mod names;
mod resolve;
mod syntax_errors;

pub use intern::{Interner, Sym};
pub use names::names_in;
pub use resolve::{KeptFile, Resolver};
// Kept here for the callers that name it by its old path; it lives below the model now.
pub use crate::text::normalize_unit;

pub use crate::calendar::{Calendar, Weekdays};

use crate::diagnostic::Diagnostic;
use crate::dim::Dim;
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
    /// The language each file is written in, by [`FileId`] (English for a file with no
    /// keyword): the messages about a file name its keywords.
    pub langs: Vec<crate::Lang>,
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
    /// The governments of the named sets (`govs NAME = [...]`), whether used or not: with the
    /// governments of scopes and selectors they are the values of the closed `gov` dimension.
    pub set_govs: Vec<Sym>,
    /// What parsing and resolution found.
    pub diagnostics: Vec<Diagnostic>,
    /// The days off: the national calendar (unless `calendar none`), the workspace's own
    /// `holiday`s and its `workweek`.
    pub calendar: Calendar,
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
    /// The windows of a validity written as `DATE to DATE, ...`: sorted, disjoint, not
    /// adjacent, from `valid_from` to `valid_to`; empty for `valid from DATE`. One window is the
    /// usual case, kept inline.
    pub windows: Windows,
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
    /// The conditions it foresees (`condition urgent "..."`), in the order written.
    pub conditions: Box<[Condition]>,
}

/// A `condition NAME STRING` clause: a situation a circular foresees, which its rules name with
/// `when`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Its name.
    pub name: Sym,
    /// What it means, in the circular's words.
    pub text: Box<str>,
    /// Where the clause is written.
    pub span: Span,
}

/// A rule's `when NAME` or `when not NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// The condition (one its circular declares).
    pub name: Sym,
    /// False for `when not`.
    pub holds: bool,
    /// Where the modifier is written.
    pub span: Span,
}

impl Workspace {
    /// The keyword written `english` in English as file `file` writes it: `overrides` is
    /// `mengesampingkan` in a file in Indonesian.
    pub fn keyword(&self, file: FileId, english: &'static str) -> &'static str {
        let lang = self.langs.get(file.0 as usize).copied().unwrap_or_default();
        crate::syntax::keywords::word(english, lang)
    }
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

    /// True when `date` is within the validity (both ends of each window inclusive).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        date >= self.valid_from
            && self.valid_to.is_none_or(|to| date <= to)
            && (self.windows.len() <= 1
                || self.windows.iter().any(|&(a, b)| a <= date && date <= b))
    }
}

impl Circular {
    /// Every selector the circular holds: each exemption, each priority, and each rule's
    /// selector followed by its `except`s. The one walk over "every selector of a circular"
    /// for the layers above the model (the values a workspace names, the names for completion).
    pub fn selectors(&self) -> impl Iterator<Item = &Sel> {
        let exempt = self.exempt.iter().map(|e| &e.selector);
        let priorities = self.priorities.iter().map(|p| &p.selector);
        let rules = self.rules.iter().flat_map(|r| {
            let excepts = r.except.iter().map(|(s, _)| s);
            r.selector.as_deref().into_iter().chain(excepts)
        });
        exempt.chain(priorities).chain(rules)
    }

    /// Calls `f` with every value the circular names, in each dimension: the governments of
    /// its scope, the values of its selectors, the conditions it declares (used or not) and
    /// those its rules name. What the classes of a workspace are made of
    /// (`region::Universe::new`).
    pub fn values(&self, f: &mut impl FnMut(Dim, Sym)) {
        if let GovScope::Govs(govs) = &self.scope {
            govs.iter().for_each(|&g| f(Dim::Gov, g));
        }
        self.selectors().for_each(|s| s.visit(&mut *f));
        self.conditions
            .iter()
            .for_each(|k| f(Dim::Condition, k.name));
        self.rules
            .iter()
            .filter_map(|r| r.when)
            .for_each(|w| f(Dim::Condition, w.name));
    }
}

impl Circular {
    /// True when every day from `a` to `b` is within the validity.
    pub fn valid_throughout(&self, a: NaiveDate, b: NaiveDate) -> bool {
        if self.windows.is_empty() {
            return a >= self.valid_from && self.valid_to.is_none_or(|to| b <= to);
        }
        // The windows are merged runs: a period within their union is within one of them.
        self.windows.iter().any(|&(from, to)| from <= a && b <= to)
    }
}

/// Windows of days, both ends inclusive: sorted, disjoint and not adjacent ([`windows`]).
pub type Windows = SmallList<(NaiveDate, NaiveDate)>;

/// The windows of some periods as a sorted list of disjoint runs: overlapping or adjacent
/// periods are merged (`1 to 3, 4 to 6` is `1 to 6`). Periods that end before they start are
/// left out (they are `empty-period`).
pub fn windows(periods: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> Windows {
    ast::Period::merged(periods).into()
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
/// slices, with no spare capacity, or a single item inline.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The whole clause.
    pub span: Span,
    /// Where the name is written.
    pub name_span: Span,
    /// Whom it covers; `None` for `otherwise`. Shared by the rules of the workspace with the
    /// same selector: circulars repeat their exceptions (`unit "X" and function service`) from
    /// one period to the next.
    pub selector: Option<Arc<Sel>>,
    /// The `except` modifiers, with their spans.
    pub except: Box<[(Sel, Span)]>,
    /// The WFO interval it requires.
    pub wfo: Interval,
    /// Where the arrangement is written.
    pub arrangement_span: Span,
    /// The rules it names in `overrides`, with the span of each name.
    pub overrides: SmallList<(RuleId, Span)>,
    /// Every rule it overrides, directly or through others (sorted, without itself unless in a
    /// cycle).
    pub overrides_all: SmallList<RuleId>,
    /// `during FROM to TO, ...`: its windows (sorted, disjoint, not adjacent), with the span of
    /// the modifier.
    pub during: Option<(Windows, Span)>,
    /// `every WEEKDAY, ...`: the weekdays it applies on, with the span of the modifier.
    pub every: Option<(Weekdays, Span)>,
    /// `when NAME` / `when not NAME`: the condition under which it applies.
    pub when: Option<When>,
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
    /// A value of the dimension among these: for units (a hierarchical dimension), equal to or
    /// below one of these paths.
    In(Dim, Syms),
    /// All of these.
    And(Box<[Sel]>),
    /// Any of these.
    Or(Box<[Sel]>),
    /// Not this.
    Not(Box<Sel>),
}

impl Sel {
    /// Calls `f` with every (dimension, value) the selector names, in the order written.
    pub fn visit(&self, f: &mut impl FnMut(Dim, Sym)) {
        let (dim, values) = match self {
            Sel::All => return,
            Sel::And(parts) | Sel::Or(parts) => {
                parts.iter().for_each(|p| p.visit(f));
                return;
            }
            Sel::Not(inner) => return inner.visit(f),
            Sel::In(dim, v) => (*dim, v),
        };
        values.iter().for_each(|&v| f(dim, v));
    }
}

// One selector per variant of a dimension would take no less: the dimension sits beside the
// list's tag. Checked in every build, since a national corpus keeps 100,000 selectors.
const _: () = assert!(std::mem::size_of::<Sel>() <= 24);

/// The values a selector names: one, inline (the usual case), or several.
pub type Syms = SmallList<Sym>;

/// A list that holds one item inline and any other number in a boxed slice: most lists of the
/// model (the values a selector names, the rules one overrides) have exactly one item, and a
/// national corpus has hundreds of thousands of them.
///
/// **Invariant:** `Many` holds two items or more, or none, so each list has one form; equality
/// and hashing are those of the slice anyway.
#[derive(Clone, Debug)]
pub enum SmallList<T> {
    /// Exactly one item.
    One(T),
    /// Any other number of items.
    Many(Box<[T]>),
}

impl<T> Default for SmallList<T> {
    fn default() -> SmallList<T> {
        SmallList::Many(Box::default())
    }
}

impl<T> std::ops::Deref for SmallList<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            SmallList::One(item) => std::slice::from_ref(item),
            SmallList::Many(items) => items,
        }
    }
}

impl<'a, T> IntoIterator for &'a SmallList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> From<Vec<T>> for SmallList<T> {
    fn from(mut items: Vec<T>) -> SmallList<T> {
        if items.len() == 1 {
            SmallList::One(items.pop().expect("one item"))
        } else {
            SmallList::Many(items.into())
        }
    }
}

impl<T> FromIterator<T> for SmallList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> SmallList<T> {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<T: PartialEq> PartialEq for SmallList<T> {
    fn eq(&self, other: &SmallList<T>) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for SmallList<T> {}

impl<T: std::hash::Hash> std::hash::Hash for SmallList<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

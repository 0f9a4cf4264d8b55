//! The evaluator: the answer at one point (docs/language.md section 8), with its derivation.
//!
//! An [`Engine`] compiles every circular of a workspace into regions of the [region
//! algebra](crate::region) once (`compile.rs`); a point question is then a walk over the
//! circulars that asks the regions whether they hold the point (`interpret.rs`), settled by the
//! legal principles of [`principles`]. [`query`] splits questions with unspecified dimensions or
//! periods into cases, and [`expect`] runs `test` blocks. The answer and its derivation are the
//! data of `types.rs`; `prose.rs` holds the evaluator's own words.

pub mod ask;
mod calendar;
mod combine;
mod compile;
pub mod expect;
mod in_force;
mod interpret;
pub mod names;
pub mod principles;
mod prose;
pub mod query;
pub mod timeline;
mod types;

pub use compile::{CompiledCircular, CompiledRule};
pub use in_force::{InForcePeriod, InForceSpan};
pub use prose::{case_lines, case_lines_in, render_case_condition, render_case_condition_in};
pub use types::{
    Answer, CircularOutcome, CircularTrace, Detail, Explanation, LeftOut, Principle, RuleOutcome,
    RuleRef, Status, Step,
};

use crate::model::{Circular, CircularId, GovScope, Workspace};
use crate::region::{self, Day, Dim, Point, Universe};
use crate::syntax::ast::Pct;
use compile::{Shared, compile};
use std::sync::OnceLock;

/// A workspace compiled for answering questions.
pub struct Engine<'w> {
    /// The workspace.
    pub ws: &'w Workspace,
    /// The classes of its values.
    pub universe: Universe,
    compiled: Vec<CompiledCircular>,
    /// Every circular, in workspace order (what `explain` walks).
    everyone: Vec<CircularId>,
    /// True when some circular binds every government (`scope all`): such a circular binds
    /// governments no circular names too. Computed once, not per question.
    pub(crate) scoped_to_all: bool,
    /// Per government class: the circulars whose scope holds it (what a plain answer walks, so
    /// that a national corpus costs a point question only its own government's circulars).
    by_gov: Vec<Vec<CircularId>>,
    /// The days on which answers can change, sorted once, on the first question that needs
    /// them (a `check` never does): a question then takes the part within its period.
    boundaries: OnceLock<Boundaries>,
    /// The weekdays a period question tells apart ([`Engine::weekday_classes`]).
    weekday_classes: Vec<region::Weekdays>,
    /// Per dimension, the values circulars name, folded for a "did you mean"
    /// (`names.rs`): on the first question that names a value no circular names.
    spellings: OnceLock<Box<[Vec<names::Spelling<'w>>]>>,
}

/// The days on which answers can change ([`Engine::boundaries`]), sorted and without repeats,
/// of every circular, and apart for the governments a question may fix: the answer for one
/// government depends only on the circulars whose scope holds it.
struct Boundaries {
    /// Of every circular.
    every: Vec<Day>,
    /// Of the circulars scoped to all.
    scoped_to_all: Vec<Day>,
    /// Per government class: of the circulars scoped to governments that include it.
    by_gov: Vec<Vec<Day>>,
}

impl Boundaries {
    fn new(engine: &Engine<'_>) -> Boundaries {
        let mut every = Vec::new();
        let mut scoped_to_all = Vec::new();
        let mut by_gov: Vec<Vec<Day>> = vec![Vec::new(); engine.by_gov.len()];
        let mut days = Vec::new();
        for (c, circular) in engine.compiled.iter().zip(&engine.ws.circulars) {
            days.clear();
            push_boundaries(c, &mut days);
            every.extend_from_slice(&days);
            match &circular.scope {
                GovScope::All => scoped_to_all.extend_from_slice(&days),
                GovScope::Govs(syms) => {
                    let classes = syms
                        .iter()
                        .filter_map(|&g| engine.universe.class_of(Dim::Gov, g));
                    for class in classes {
                        if let Some(list) = by_gov.get_mut(class as usize) {
                            list.extend_from_slice(&days);
                        }
                    }
                }
            }
        }
        for list in std::iter::once(&mut every)
            .chain(std::iter::once(&mut scoped_to_all))
            .chain(by_gov.iter_mut())
        {
            list.sort_unstable();
            list.dedup();
        }
        Boundaries {
            every,
            scoped_to_all,
            by_gov,
        }
    }
}

/// The days on which a circular's answers can change: the first days of its validity, its
/// revocation and its rules' `during`, and the days after their last days.
fn push_boundaries(c: &CompiledCircular, days: &mut Vec<Day>) {
    for &(a, b) in &c.windows {
        days.push(a);
        days.push(b.saturating_add(1));
    }
    if let Some((d, _)) = c.revoked {
        days.push(d);
    }
    for r in &c.rules {
        for &(a, b) in r.during.iter().flatten() {
            days.push(a);
            days.push(b.saturating_add(1));
        }
    }
}

/// The days `d` of a sorted list with `from < d <= to`.
fn within(days: &[Day], from: Day, to: Day) -> &[Day] {
    let lo = days.partition_point(|&d| d <= from);
    let hi = days.partition_point(|&d| d <= to).max(lo);
    &days[lo..hi]
}

impl<'w> Engine<'w> {
    /// Compiles every circular of the workspace.
    pub fn new(ws: &'w Workspace) -> Engine<'w> {
        let universe = Universe::new(&ws.circulars, &ws.set_govs, &ws.interner);
        Engine::reusing(ws, universe, Vec::new())
    }

    /// Compiles the workspace with `universe` (its [`Universe::new`]), taking `previous[i]`,
    /// where it is `Some`, as circular `i` compiled: what a [`crate::eval::Engine`] of an
    /// earlier workspace compiled for the same circular, with a universe of the same classes
    /// ([`Universe::same_classes`]; a compiled circular reads nothing else but its revocation,
    /// which is worked out again here). A `previous` shorter than the circulars stands for
    /// `None` past its end. A check kept open ([`crate::check::Session`]) compiles so only the
    /// circulars that changed.
    pub fn reusing(
        ws: &'w Workspace,
        universe: Universe,
        mut previous: Vec<Option<CompiledCircular>>,
    ) -> Engine<'w> {
        previous.resize(ws.circulars.len(), None);
        let todo: Vec<CircularId> = (0..ws.circulars.len())
            .filter(|&i| previous[i].is_none())
            .collect();
        let shared = Shared::new(&ws.circulars, &todo, &universe);
        let fresh = crate::par::map(todo.len(), |k| {
            compile(todo[k], &ws.circulars[todo[k]], &universe, &shared)
        });
        drop(shared);
        for (i, c) in todo.into_iter().zip(fresh) {
            previous[i] = Some(c);
        }
        let mut compiled: Vec<CompiledCircular> = previous
            .into_iter()
            .map(|c| {
                let mut c = c.expect("every circular compiled");
                c.revoked = None;
                c
            })
            .collect();
        // A revoked circular stops applying from the revoker's first valid day.
        for (i, c) in ws.circulars.iter().enumerate() {
            for &target in &c.revokes {
                let from = region::day(c.valid_from);
                let current = &mut compiled[target].revoked;
                if current.is_none_or(|(d, _)| from < d) {
                    *current = Some((from, i));
                }
            }
        }
        let govs = universe.named(Dim::Gov) as usize + 1;
        let mut by_gov: Vec<Vec<CircularId>> = vec![Vec::new(); govs];
        for (i, c) in ws.circulars.iter().enumerate() {
            match &c.scope {
                crate::model::GovScope::All => by_gov.iter_mut().for_each(|l| l.push(i)),
                crate::model::GovScope::Govs(syms) => {
                    for class in syms.iter().filter_map(|&g| universe.class_of(Dim::Gov, g)) {
                        by_gov[class as usize].push(i);
                    }
                }
            }
        }
        for list in &mut by_gov {
            list.sort_unstable();
            list.dedup();
        }
        let mut masks: Vec<region::Weekdays> = compiled
            .iter()
            .flat_map(|c| &c.rules)
            .map(|r| r.days)
            .filter(|d| !d.is_all())
            .collect();
        masks.sort_unstable();
        masks.dedup();
        let weekday_classes = calendar::weekday_classes(ws.calendar.workweek().weekdays(), &masks);
        Engine {
            ws,
            universe,
            compiled,
            everyone: (0..ws.circulars.len()).collect(),
            scoped_to_all: ws.circulars.iter().any(|c| c.scope == GovScope::All),
            by_gov,
            boundaries: OnceLock::new(),
            weekday_classes,
            spellings: OnceLock::new(),
        }
    }

    /// The universe and the compiled circulars (in workspace order), ending the engine: for
    /// [`Engine::reusing`] on the next workspace.
    pub fn into_parts(self) -> (Universe, Vec<CompiledCircular>) {
        (self.universe, self.compiled)
    }

    /// The point of a fully specified subject with no condition holding and no trait;
    /// `values` holds one value per dimension of classes (`None`: the "other" class of that
    /// dimension).
    pub fn point(&self, day: Day, values: [Option<&str>; Dim::CLASSES]) -> Point {
        Point::new(
            day,
            std::array::from_fn(|d| match values[d] {
                Some(v) => self
                    .universe
                    .classify(Dim::CLASSED[d], v, &self.ws.interner),
                None => self.universe.named(Dim::CLASSED[d]),
            }),
        )
    }

    /// The same point with the flag `name` of a yes/no dimension holding (a condition, a
    /// trait); unchanged when no circular names it.
    pub fn with_flag(&self, mut point: Point, dim: Dim, name: &str) -> Point {
        let flag = self.universe.classify(dim, name, &self.ws.interner);
        if flag < self.universe.named(dim) {
            point.flags[dim.flag_index()] |= 1 << flag;
        }
        point
    }

    /// The circulars in force on a day: valid and not revoked.
    pub fn in_force(&self, day: Day) -> Vec<CircularId> {
        (0..self.compiled.len())
            .filter(|&i| self.in_force_on(i, day))
            .collect()
    }

    fn in_force_on(&self, i: CircularId, day: Day) -> bool {
        let c = &self.compiled[i];
        c.valid_on(day) && c.revoked.is_none_or(|(d, _)| day < d)
    }

    /// The days on which any answer can change: every first day of a validity, a revocation, a
    /// `during`, and every day after their last days; sorted, without repeats.
    pub fn boundaries(&self) -> Vec<Day> {
        self.sorted_boundaries().every.clone()
    }

    fn sorted_boundaries(&self) -> &Boundaries {
        self.boundaries.get_or_init(|| Boundaries::new(self))
    }

    /// The [boundaries](Engine::boundaries) `d` with `from < d <= to`, in order: the days within
    /// a period on which an answer can change. With `gov`, a government class, only those of
    /// the circulars whose scope holds it (the only ones its answers depend on). Costs the
    /// days returned and a binary search, not the size of the workspace.
    pub fn boundaries_within(&self, from: Day, to: Day, gov: Option<u32>) -> Vec<Day> {
        let b = self.sorted_boundaries();
        let Some(own) = gov.and_then(|g| b.by_gov.get(g as usize)) else {
            return within(&b.every, from, to).to_vec();
        };
        // Two sorted lists merged, without repeats.
        let (mut x, mut y) = (within(own, from, to), within(&b.scoped_to_all, from, to));
        let mut out = Vec::with_capacity(x.len() + y.len());
        while let (Some(&a), Some(&c)) = (x.first(), y.first()) {
            out.push(a.min(c));
            if a <= c {
                x = &x[1..];
            }
            if c <= a {
                y = &y[1..];
            }
        }
        out.extend_from_slice(x);
        out.extend_from_slice(y);
        out
    }

    /// The compiled form of a circular.
    pub fn compiled(&self, id: CircularId) -> &CompiledCircular {
        &self.compiled[id]
    }

    /// The circulars whose scope may share a government with `id`'s, sorted, with repeats:
    /// those scoped to one of its governments, and those scoped to all. Every circular for a
    /// circular scoped to all.
    pub fn same_scope_candidates(&self, id: CircularId) -> Vec<CircularId> {
        let crate::model::GovScope::Govs(govs) = &self.ws.circulars[id].scope else {
            return self.everyone.clone();
        };
        let mut out: Vec<CircularId> = govs
            .iter()
            .filter_map(|&g| self.universe.class_of(Dim::Gov, g))
            .filter_map(|class| self.by_gov.get(class as usize))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out
    }

    /// The circular record.
    pub fn circular(&self, id: CircularId) -> &Circular {
        &self.ws.circulars[id]
    }

    /// The baseline share.
    pub fn baseline(&self) -> Pct {
        self.ws.baseline
    }
}

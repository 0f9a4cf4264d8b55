//! Questions (docs/language.md section 9): a subject with dimensions left out, or a period, is split
//! into cases, each with the condition under which it holds.

use super::{Answer, Engine};
use crate::region::{self, Block, ClassSet, Day, Dim, Flags, Kind, Point, Weekdays};
use crate::syntax::ast::{Dimension, Subject, Time};
use std::collections::BTreeMap;

mod error;
mod factor;
pub use error::QueryError;
use factor::factor_cases;

/// The most points one question may evaluate; beyond, it must specify more dimensions.
pub const MAX_POINTS: usize = 500_000;

/// The most conditions and traits one answer may split on at once: 4,096 combinations. An
/// answer that depends on more would list a case for each (65,536 for 16 traits), which no one
/// reads; the question must say some of them.
pub const MAX_OPEN_FLAGS: usize = 12;

/// A subject and a period, with the dimensions given (the unit always is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// One value per dimension of classes; `None`: left out.
    pub values: [Option<String>; Dim::CLASSES],
    /// The flags of yes/no dimensions the question gives: the dimension, the name and whether
    /// it holds (`when urgent`, `not trait pregnant`), each name at most once, sorted. A flag
    /// left out is split on where the answer depends on it.
    pub flags: Vec<(Dim, String, bool)>,
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
}

impl Spec {
    /// The spec of a parsed subject; `given` fills the dimensions the subject leaves out.
    /// `None` when the subject has no usable date (already reported by the parser).
    pub fn new(subject: &Subject, given: &[Dimension]) -> Option<Spec> {
        let mut values: [Option<String>; Dim::CLASSES] = Default::default();
        let mut flags: Vec<(Dim, String, bool)> = Vec::new();
        values[Dim::Unit.index()] = Some(subject.unit.node.clone());
        for d in given.iter().chain(subject.dims.iter().map(|d| &d.node)) {
            let (dim, v, holds) = dimension(d);
            if dim.is_flag() {
                flags.retain(|(e, name, _)| (*e, name.as_str()) != (dim, v));
                flags.push((dim, v.to_string(), holds));
            } else {
                values[dim.index()] = Some(v.to_string());
            }
        }
        // In one order, whatever the order written.
        flags.sort();
        let (from, to) = match &subject.time.as_ref()?.node {
            Time::On(d) => (d.node?, d.node?),
            Time::Period(a, b) => (a.node?, b.node?),
        };
        if to < from {
            return None;
        }
        Some(Spec {
            values,
            flags,
            from: region::day(from),
            to: region::day(to),
        })
    }
}

/// The dimension a question's clause gives (`function service`, `gov "Pemprov A"`, `when
/// urgent`), the value as written, and whether it holds (false for `when not urgent` and `not
/// trait pregnant`): the one reading of [`Dimension`] (the syntax's own keyword of it agrees
/// with the table's, a test says).
pub fn dimension(d: &Dimension) -> (Dim, &str, bool) {
    match d {
        Dimension::Function(v) => (Dim::Function, v, true),
        Dimension::Domicile(v) => (Dim::Domicile, v, true),
        Dimension::Office(v) => (Dim::Office, v, true),
        Dimension::Gov(v) => (Dim::Gov, v, true),
        Dimension::Condition { name, holds } => (Dim::Condition, name, *holds),
        Dimension::Trait { name, holds } => (Dim::Trait, name, *holds),
    }
}

/// What the cases of a question may split on: a dimension of classes it leaves out, or one
/// flag of a yes/no dimension (a condition, a trait) it leaves out and the answer may depend
/// on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Axis {
    /// A dimension of classes.
    Classes(Dim),
    /// Flag `i` of a yes/no dimension; its classes are 0 (does not hold) and 1 (holds).
    Flag(Dim, u32),
}

impl Axis {
    /// The dimension.
    pub fn dim(self) -> Dim {
        match self {
            Axis::Classes(d) | Axis::Flag(d, _) => d,
        }
    }
}

/// The part of an answer a question is about: cases are split only where it differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Everything: status, share, deciding rules, notes, WFH priority.
    All,
    /// The share and how it was reached, without the WFH priority (`wfo` questions).
    Wfo,
    /// The status and the share only (`expect wfo`).
    Share,
    /// The WFH priority only (`wfh priority` questions).
    Priority,
}

impl Focus {
    /// The answer reduced to the part in focus.
    pub fn project(self, mut answer: Answer) -> Answer {
        match self {
            Focus::All => {}
            Focus::Wfo => answer.wfh_priority = None,
            Focus::Share => {
                answer.wfh_priority = None;
                answer.decided_by.clear();
                answer.notes.clear();
            }
            Focus::Priority if answer.status == super::Status::DayOff => {}
            Focus::Priority => {
                answer = Answer {
                    status: super::Status::Ruled,
                    wfo: None,
                    wfh_priority: answer.wfh_priority,
                    decided_by: Vec::new(),
                    notes: Vec::new(),
                    day_off: None,
                }
            }
        }
        answer
    }
}

/// One case of an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The condition on what the question left out (only what the answer depends on); empty:
    /// always. A flag's set holds class 1 when the flag holds, 0 when it does not.
    pub when: Vec<(Axis, ClassSet)>,
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
    /// The weekdays of `from..=to` it holds on ([`Weekdays::ALL`]: every weekday). A case that
    /// is not a day off holds on the working days among them: the days off of its dates are
    /// cases of their own, after the others (one for the weekdays outside the working week,
    /// one per holiday).
    pub days: Weekdays,
    /// The answer.
    pub answer: Answer,
    /// A point inside the case (for `explain`).
    pub point: Point,
}

impl Engine<'_> {
    /// The classes a left-out dimension ranges over: every class, but for a closed one (`gov`)
    /// only the values the workspace names (for governments: in scopes, selectors and `govs`
    /// sets), and "other" too when something binds every value (a circular with `scope all`),
    /// or when the workspace names none.
    pub fn open_classes(&self, dim: Dim) -> Vec<u32> {
        let named = self.universe.named(dim);
        if dim.kind() == Kind::Closed && named > 0 && !self.scoped_to_all {
            return (0..named).collect();
        }
        (0..=named).collect()
    }

    /// The date ranges of `from..=to` within which no answer changes.
    pub fn date_ranges(&self, from: Day, to: Day) -> Vec<(Day, Day)> {
        self.date_ranges_for(from, to, None)
    }

    /// The date ranges of `from..=to` within which no answer for government class `gov`
    /// changes (`None`: for any government), but for the weekday: the days its circulars
    /// change on, and the first day of each holiday and the day after it.
    fn date_ranges_for(&self, from: Day, to: Day, gov: Option<u32>) -> Vec<(Day, Day)> {
        let mut ranges = Vec::new();
        let mut start = from;
        let mut days = self.boundaries_within(from, to, gov);
        let holidays = self.holiday_boundaries(from, to);
        if !holidays.is_empty() {
            days.extend(holidays);
            days.sort_unstable();
            days.dedup();
        }
        for b in days {
            ranges.push((start, b - 1));
            start = b;
        }
        ranges.push((start, to));
        ranges
    }

    /// Answers a question, split into cases that differ in any part of the answer.
    pub fn cases(&self, spec: &Spec) -> Result<Vec<Case>, QueryError> {
        self.cases_with(spec, Focus::All)
    }

    /// Answers a question, split into cases that differ in the part of the answer in `focus`.
    ///
    /// The period is cut at the days answers change on (circulars, holidays); within a range,
    /// one date of each class of weekdays ([`Engine::weekday_classes`]) is answered for every
    /// combination of the left-out dimensions. Adjacent ranges with the same cases merge, and a
    /// range of days off only (a holiday) does not stop the ranges around it from merging:
    /// the days off are listed after the other cases.
    pub fn cases_with(&self, spec: &Spec, focus: Focus) -> Result<Vec<Case>, QueryError> {
        self.cases_of(spec, focus, focus).map(|(cases, _)| cases)
    }

    /// [`Engine::cases_with`], and whether the question is one point: one day, every
    /// dimension given, no condition or trait its answer may depend on left open. Its one case
    /// then stands for that point alone, and its answer is reduced to `one_point_focus`
    /// instead (a `wfo` question keeps the WFH priority of its point: there is nothing for it
    /// to split).
    pub(super) fn cases_of(
        &self,
        spec: &Spec,
        focus: Focus,
        one_point_focus: Focus,
    ) -> Result<(Vec<Case>, bool), QueryError> {
        let fixed = self.fixed(spec);
        let mut open: Vec<Axis> = Dim::CLASSED
            .into_iter()
            .filter(|d| spec.values[d.index()].is_none())
            .map(Axis::Classes)
            .collect();
        let flags = self.open_flags(spec, &fixed);
        if flags.len() > MAX_OPEN_FLAGS {
            let interner = &self.ws.interner;
            let words = |a: &Axis, holds: bool| match *a {
                Axis::Flag(d, b) => self.universe.flag_words(d, b, holds, interner),
                Axis::Classes(d) => d.keyword().to_string(),
            };
            return Err(QueryError::TooManyFlags(
                flags
                    .iter()
                    .map(|a| (words(a, true), words(a, false)))
                    .collect(),
            ));
        }
        open.extend(flags);
        let one_point = open.is_empty() && spec.from == spec.to;
        let focus = if one_point { one_point_focus } else { focus };
        let choices: Vec<Vec<u32>> = open
            .iter()
            .map(|&a| match a {
                Axis::Classes(d) => self.open_classes(d),
                Axis::Flag(..) => vec![0, 1],
            })
            .collect();
        // The "other" class of each left-out dimension, when it ranges over it (`gov` does only
        // under `scope all`); for a flag, "does not hold".
        let others: Vec<Option<u32>> = open
            .iter()
            .zip(&choices)
            .map(|(&a, c)| match a {
                Axis::Classes(d) => c
                    .contains(&self.universe.named(d))
                    .then(|| self.universe.named(d)),
                Axis::Flag(..) => Some(0),
            })
            .collect();
        let combos: usize = choices.iter().map(Vec::len).product();
        // A fixed government: only the days its own circulars change on split the period.
        let ranges = self.date_ranges_for(spec.from, spec.to, fixed.classes[Dim::Gov.index()]);
        let classes = self.weekday_classes();
        let total = combos
            .saturating_mul(ranges.len())
            .saturating_mul(classes.len().min(7));
        if total > MAX_POINTS {
            return Err(QueryError::TooBroad(total));
        }
        let grid = Grid {
            open: &open,
            choices: &choices,
            others: &others,
            fixed: &fixed,
        };
        let mut out: Vec<Case> = Vec::new();
        let mut previous: Option<Span> = None;
        for (from, to) in ranges {
            let mut span = Span::new(from, to, classes.len());
            for (k, &class) in classes.iter().enumerate() {
                let Some((day, _)) = region::tighten(from, to, class) else {
                    continue;
                };
                if self.is_working_day(day) {
                    span.cases[k] = Some(self.range_cases(&grid, day, from, to, focus));
                }
            }
            if span.cases.iter().all(Option::is_none) {
                continue; // days off only
            }
            match previous.as_mut() {
                Some(prev) if prev.agrees(&span) => prev.absorb(span),
                _ => {
                    if let Some(prev) = previous.replace(span) {
                        self.flush(prev, classes, &mut out);
                    }
                }
            }
        }
        if let Some(prev) = previous {
            self.flush(prev, classes, &mut out);
        }
        self.days_off(spec, &fixed, &mut out);
        Ok((out, one_point))
    }

    /// The classes and flags a question fixes.
    fn fixed(&self, spec: &Spec) -> Fixed {
        let classes = std::array::from_fn(|d| {
            spec.values[d].as_deref().map(|v| {
                self.universe
                    .classify(Dim::CLASSED[d], v, &self.ws.interner)
            })
        });
        let mut flags = [Flags::FULL; Dim::FLAGS];
        for (dim, name, holds) in &spec.flags {
            let flag = self.universe.classify(*dim, name, &self.ws.interner);
            if flag < self.universe.named(*dim) {
                let f = &mut flags[dim.flag_index()];
                *f = f.intersect(if *holds {
                    Flags::has(flag)
                } else {
                    Flags::lacks(flag)
                });
            }
        }
        Fixed { classes, flags }
    }

    /// The flags a question leaves out that its answer may depend on: those the circulars
    /// mention in a rule, exemption or priority that meets what the question fixes (its unit,
    /// government, period, ...). A question about a unit no trait concerns does not split on
    /// traits.
    fn open_flags(&self, spec: &Spec, fixed: &Fixed) -> Vec<Axis> {
        let mut question = Block {
            from: spec.from,
            to: spec.to,
            ..Block::full()
        };
        for (d, c) in fixed.classes.iter().enumerate() {
            if let Some(c) = c {
                question.sets[d] = ClassSet::of([*c]);
            }
        }
        question.flags = fixed.flags;
        let question = region::Region::from_block(question);
        let mut mentioned = [0u64; Dim::FLAGS];
        for &i in self.circulars_of(fixed.classes[Dim::Gov.index()]) {
            for (mask, region) in &self.compiled[i].flagged {
                if mask.iter().zip(&mentioned).all(|(m, seen)| m & !seen == 0) {
                    continue; // nothing new to learn from it
                }
                if region.overlaps(&question) {
                    for (seen, m) in mentioned.iter_mut().zip(mask) {
                        *seen |= m;
                    }
                }
            }
        }
        let mut out = Vec::new();
        for dim in Dim::FLAGGED {
            let f = fixed.flags[dim.flag_index()];
            let open = mentioned[dim.flag_index()] & !f.mentioned();
            out.extend(
                (0..64u32)
                    .filter(|b| open & (1 << b) != 0)
                    .map(|b| Axis::Flag(dim, b)),
            );
        }
        out
    }

    /// The cases of one date range for the weekdays of `day`'s class: every combination of
    /// the left-out dimensions answered on `day`, grouped and factored.
    fn range_cases(
        &self,
        grid: &Grid<'_>,
        day: Day,
        from: Day,
        to: Day,
        focus: Focus,
    ) -> Vec<Case> {
        let mut cells: BTreeMap<Vec<u32>, Answer> = BTreeMap::new();
        let mut combo = vec![0usize; grid.open.len()];
        loop {
            let cell: Vec<u32> = combo.iter().zip(grid.choices).map(|(&i, c)| c[i]).collect();
            let point = point_of(day, grid.fixed, grid.open, &cell);
            cells.insert(cell, focus.project(self.answer(&point)));
            if !next_combo(&mut combo, grid.choices) {
                break;
            }
        }
        factor_cases(grid, &cells, from, to, day)
    }

    /// Writes the cases of a merged span: the classes of weekdays with the same cases become
    /// one case each, its dates the working days of the span on those weekdays.
    fn flush(&self, span: Span, classes: &[Weekdays], out: &mut Vec<Case>) {
        let mut groups: Vec<(Weekdays, Vec<Case>)> = Vec::new();
        for (k, cases) in span.cases.into_iter().enumerate() {
            let Some(cases) = cases else { continue };
            match groups.iter_mut().find(|(_, c)| same_cases(c, &cases)) {
                Some((days, _)) => *days = days.union(classes[k]),
                None => groups.push((classes[k], cases)),
            }
        }
        // Each group's first and last working days, the groups in date order.
        let mut dated: Vec<(Day, Day, Weekdays, Vec<Case>)> = Vec::new();
        for (days, cases) in groups {
            let block = Block {
                from: span.from,
                to: span.to,
                days,
                ..Block::full()
            };
            let Some((from, to)) = self.working_part(&block) else {
                continue;
            };
            dated.push((from, to, days, cases));
        }
        dated.sort_by_key(|(from, to, _, _)| (*from, *to));
        for (from, to, days, cases) in dated {
            // A case on every working weekday its dates have (all week, or a single day) is a
            // case of every day.
            let others = self.ws.calendar.workweek().weekdays().difference(days);
            let days = if region::tighten(from, to, others).is_none() {
                Weekdays::ALL
            } else {
                days
            };
            out.extend(cases.into_iter().map(|c| Case {
                from,
                to,
                days,
                ..c
            }));
        }
    }

    /// The days off of the period, after its other cases: one case for the weekdays outside
    /// the working week that are no holidays, one per holiday (a single day off: the case of
    /// its reason). Each day off is in exactly one of them.
    fn days_off(&self, spec: &Spec, fixed: &Fixed, out: &mut Vec<Case>) {
        let point = |day: Day| point_of(day, fixed, &[], &[]);
        let case = |from: Day, to: Day, days: Weekdays, reason: String| Case {
            when: Vec::new(),
            from,
            to,
            days,
            answer: Answer::day_off(reason),
            point: point(from),
        };
        if spec.from == spec.to {
            if let Some(reason) = self.day_off(spec.from) {
                // A weekday outside the working week is the weekend's case, a holiday its own.
                let holiday = !self
                    .ws
                    .calendar
                    .holidays_on(region::date(spec.from))
                    .is_empty();
                let days = if holiday {
                    Weekdays::ALL
                } else {
                    Weekdays::of(region::weekday(spec.from))
                };
                out.push(case(spec.from, spec.to, days, reason));
            }
            return;
        }
        // The weekdays outside the working week, but for the holidays among them (they are
        // the holidays' cases): from the first such day to the last.
        let weekend = self.ws.calendar.workweek().weekdays().complement();
        let not_holiday = |d: &Day| self.ws.calendar.holidays_on(region::date(*d)).is_empty();
        let first = region::tighten(spec.from, spec.to, weekend).and_then(|(a, b)| {
            (a..=b)
                .filter(|d| weekend.contains(region::weekday(*d)))
                .find(not_holiday)
        });
        let last = first.and_then(|a| {
            (a..=spec.to)
                .rev()
                .filter(|d| weekend.contains(region::weekday(*d)))
                .find(not_holiday)
        });
        if let (Some(from), Some(to)) = (first, last) {
            let days = crate::calendar::WEEK
                .into_iter()
                .filter(|d| region::tighten(from, to, Weekdays::of(*d)).is_some())
                .fold(Weekdays::NONE, |acc, d| acc.union(Weekdays::of(d)))
                .intersect(weekend);
            let reason = if from == to {
                self.day_off(from).unwrap_or_else(|| days.to_string())
            } else {
                days.plural()
            };
            out.push(case(from, to, days, reason));
        }
        // The holidays, day by day (a day two holidays share has one reason, the one a point
        // answer gives), runs of days with one reason merged.
        let (a, b) = (region::date(spec.from), region::date(spec.to));
        let mut days: Vec<Day> = self
            .ws
            .calendar
            .holidays_within(a, b)
            .into_iter()
            .flat_map(|h| region::day(h.from).max(spec.from)..=region::day(h.to).min(spec.to))
            .collect();
        days.sort_unstable();
        days.dedup();
        let mut run: Option<(Day, Day, String)> = None;
        for d in days {
            let reason = self.day_off(d).unwrap_or_default();
            match run.as_mut() {
                Some((_, to, r)) if *to + 1 == d && *r == reason => *to = d,
                _ => {
                    if let Some((from, to, r)) = run.replace((d, d, reason)) {
                        out.push(case(from, to, Weekdays::ALL, r));
                    }
                }
            }
        }
        if let Some((from, to, r)) = run {
            out.push(case(from, to, Weekdays::ALL, r));
        }
    }
}

/// What a question fixes: a class of some dimensions, some flags holding or not.
struct Fixed {
    classes: [Option<u32>; Dim::CLASSES],
    flags: [Flags; Dim::FLAGS],
}

/// What a question leaves open and fixes: the left-out dimensions and flags, the classes each
/// ranges over (and its "other" class, when it does), and what is fixed.
struct Grid<'a> {
    open: &'a [Axis],
    choices: &'a [Vec<u32>],
    others: &'a [Option<u32>],
    fixed: &'a Fixed,
}

/// Adjacent date ranges being merged: per class of weekdays, its cases (`None`: the class has
/// no working day in them).
struct Span {
    from: Day,
    to: Day,
    cases: Vec<Option<Vec<Case>>>,
}

impl Span {
    fn new(from: Day, to: Day, classes: usize) -> Span {
        Span {
            from,
            to,
            cases: vec![None; classes],
        }
    }

    /// True when every class with cases in both has the same cases in both.
    fn agrees(&self, next: &Span) -> bool {
        self.cases
            .iter()
            .zip(&next.cases)
            .all(|(a, b)| match (a, b) {
                (Some(a), Some(b)) => same_cases(a, b),
                _ => true,
            })
    }

    /// Extends it over `next`, which follows it and agrees with it.
    fn absorb(&mut self, next: Span) {
        self.to = next.to;
        for (mine, theirs) in self.cases.iter_mut().zip(next.cases) {
            if mine.is_none() {
                *mine = theirs;
            }
        }
    }
}

fn point_of(day: Day, fixed: &Fixed, open: &[Axis], cell: &[u32]) -> Point {
    let mut point = Point::new(day, [0u32; Dim::CLASSES]);
    for (d, c) in fixed.classes.iter().enumerate() {
        if let Some(c) = c {
            point.classes[d] = *c;
        }
    }
    for (f, flags) in fixed.flags.iter().enumerate() {
        point.flags[f] = flags.yes;
    }
    for (axis, &c) in open.iter().zip(cell) {
        match *axis {
            Axis::Classes(dim) => point.classes[dim.index()] = c,
            Axis::Flag(dim, bit) if c == 1 => point.flags[dim.flag_index()] |= 1 << bit,
            Axis::Flag(..) => {}
        }
    }
    point
}

fn next_combo(combo: &mut [usize], choices: &[Vec<u32>]) -> bool {
    for i in (0..combo.len()).rev() {
        combo[i] += 1;
        if combo[i] < choices[i].len() {
            return true;
        }
        combo[i] = 0;
    }
    false
}

fn same_cases(a: &[Case], b: &[Case]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.when == y.when && x.answer == y.answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_syntax_and_the_table_agree_on_keywords() {
        let v = String::from("x");
        for d in [
            Dimension::Function(v.clone()),
            Dimension::Domicile(v.clone()),
            Dimension::Office(v.clone()),
            Dimension::Gov(v.clone()),
            Dimension::Condition {
                name: v.clone(),
                holds: false,
            },
            Dimension::Trait {
                name: v.clone(),
                holds: true,
            },
        ] {
            assert_eq!(dimension(&d).0.keyword(), d.keyword());
        }
    }
}

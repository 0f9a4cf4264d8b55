//! Questions (docs/language.md section 9): a subject with dimensions left out, or a period, is split
//! into cases, each with the condition under which it holds.

use super::{Answer, Engine};
use crate::region::{self, Block, ClassSet, Day, Dim, Kind, Point, Weekdays};
use crate::syntax::ast::{Dimension, Subject, Time};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The most points one question may evaluate; beyond, it must specify more dimensions.
pub const MAX_POINTS: usize = 500_000;

/// A subject and a period, with the dimensions given (the unit always is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// One value per [`Dim`]; `None`: left out.
    pub values: [Option<String>; Dim::COUNT],
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
}

impl Spec {
    /// The spec of a parsed subject; `given` fills the dimensions the subject leaves out.
    /// `None` when the subject has no usable date (already reported by the parser).
    pub fn new(subject: &Subject, given: &[Dimension]) -> Option<Spec> {
        let mut values: [Option<String>; Dim::COUNT] = Default::default();
        values[Dim::Unit.index()] = Some(subject.unit.node.clone());
        for d in given.iter().chain(subject.dims.iter().map(|d| &d.node)) {
            let (dim, v) = dimension(d);
            values[dim.index()] = Some(v.to_string());
        }
        let (from, to) = match &subject.time.as_ref()?.node {
            Time::On(d) => (d.node?, d.node?),
            Time::Period(a, b) => (a.node?, b.node?),
        };
        if to < from {
            return None;
        }
        Some(Spec {
            values,
            from: region::day(from),
            to: region::day(to),
        })
    }
}

/// The dimension a question's clause gives (`function service`, `gov "Pemprov A"`), and the
/// value as written: the one reading of [`Dimension`] (the syntax's own keyword of it agrees
/// with the table's, a test says).
pub fn dimension(d: &Dimension) -> (Dim, &str) {
    match d {
        Dimension::Function(v) => (Dim::Function, v),
        Dimension::Domicile(v) => (Dim::Domicile, v),
        Dimension::Office(v) => (Dim::Office, v),
        Dimension::Gov(v) => (Dim::Gov, v),
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
    /// The condition on the dimensions the question left out (only those the answer depends
    /// on); empty: always.
    pub when: Vec<(Dim, ClassSet)>,
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

/// Why a question cannot be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// Too many points to evaluate.
    TooBroad(usize),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::TooBroad(n) => {
                // The dimensions a question may give, in the order a witness names them.
                let dims: Vec<String> = Dim::subject_first()
                    .filter(|d| !d.info().required)
                    .map(|d| format!("`{}`", d.keyword()))
                    .collect();
                let dims = match dims.split_last() {
                    Some((last, init)) if !init.is_empty() => {
                        format!("{} or {last}", init.join(", "))
                    }
                    _ => dims.concat(),
                };
                write!(
                    f,
                    "the question leaves too much open ({n} combinations): give {dims}, or a shorter period"
                )
            }
        }
    }
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
        let open: Vec<Dim> = Dim::ALL
            .into_iter()
            .filter(|d| spec.values[d.index()].is_none())
            .collect();
        let fixed: [Option<u32>; Dim::COUNT] = std::array::from_fn(|d| {
            spec.values[d]
                .as_deref()
                .map(|v| self.universe.classify(Dim::ALL[d], v, &self.ws.interner))
        });
        let choices: Vec<Vec<u32>> = open.iter().map(|&d| self.open_classes(d)).collect();
        // The "other" class of each left-out dimension, when it ranges over it (`gov` does only
        // under `scope all`).
        let others: Vec<Option<u32>> = open
            .iter()
            .zip(&choices)
            .map(|(&d, c)| {
                c.contains(&self.universe.named(d))
                    .then(|| self.universe.named(d))
            })
            .collect();
        let combos: usize = choices.iter().map(Vec::len).product();
        // A fixed government: only the days its own circulars change on split the period.
        let ranges = self.date_ranges_for(spec.from, spec.to, fixed[Dim::Gov.index()]);
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
        Ok(out)
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
    fn days_off(&self, spec: &Spec, fixed: &[Option<u32>; Dim::COUNT], out: &mut Vec<Case>) {
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

/// What a question leaves open and fixes: the left-out dimensions, the classes each ranges
/// over (and its "other" class, when it does), and the fixed classes.
struct Grid<'a> {
    open: &'a [Dim],
    choices: &'a [Vec<u32>],
    others: &'a [Option<u32>],
    fixed: &'a [Option<u32>; Dim::COUNT],
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

fn point_of(day: Day, fixed: &[Option<u32>; Dim::COUNT], open: &[Dim], cell: &[u32]) -> Point {
    let mut classes = [0u32; Dim::COUNT];
    for d in 0..Dim::COUNT {
        if let Some(c) = fixed[d] {
            classes[d] = c;
        }
    }
    for (dim, &c) in open.iter().zip(cell) {
        classes[dim.index()] = c;
    }
    Point { day, classes }
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

/// Groups the cells of one date range by answer, and describes each group as products of class
/// sets over the dimensions the answer depends on.
fn factor_cases(
    grid: &Grid<'_>,
    cells: &BTreeMap<Vec<u32>, Answer>,
    from: Day,
    to: Day,
    day: Day,
) -> Vec<Case> {
    let (open, choices, others, fixed) = (grid.open, grid.choices, grid.others, grid.fixed);
    // The dimensions the answer depends on.
    let relevant: Vec<usize> = (0..open.len())
        .filter(|&k| {
            let mut by_rest: BTreeMap<Vec<u32>, &Answer> = BTreeMap::new();
            cells.iter().any(|(cell, answer)| {
                let mut rest = cell.clone();
                rest.remove(k);
                match by_rest.get(&rest) {
                    Some(a) => *a != answer,
                    None => {
                        by_rest.insert(rest, answer);
                        false
                    }
                }
            })
        })
        .collect();
    // The cells by answer, in the order each answer first appears; found by hashing, since a
    // question over 200,000 governments can have as many different answers.
    let mut groups: Vec<(Answer, BTreeSet<Vec<u32>>)> = Vec::new();
    let mut group_of: HashMap<&Answer, usize> = HashMap::new();
    for (cell, answer) in cells {
        let projected: Vec<u32> = relevant.iter().map(|&k| cell[k]).collect();
        match group_of.get(answer) {
            Some(&g) => {
                groups[g].1.insert(projected);
            }
            None => {
                group_of.insert(answer, groups.len());
                groups.push((answer.clone(), BTreeSet::from([projected])));
            }
        }
    }
    let mut cases = Vec::new();
    for (answer, set) in groups {
        let tuples: Vec<Vec<u32>> = set.into_iter().collect();
        for product in factor(&tuples) {
            let when: Vec<(Dim, ClassSet)> = relevant
                .iter()
                .zip(&product)
                .map(|(&k, classes)| {
                    let all = &choices[k];
                    let set = if classes.len() == all.len() {
                        ClassSet::full()
                    } else {
                        ClassSet::of(classes.iter().copied())
                    };
                    (open[k], set)
                })
                .filter(|(_, s)| !s.is_full())
                .collect();
            // A point inside the case: first class of each relevant set; other open dims take
            // their first choice.
            let mut cell: Vec<u32> = choices.iter().map(|c| c[0]).collect();
            for (&k, classes) in relevant.iter().zip(&product) {
                cell[k] = *classes.iter().next().expect("non-empty");
            }
            cases.push(Case {
                when,
                from,
                to,
                days: Weekdays::ALL,
                answer: answer.clone(),
                point: point_of(day, fixed, open, &cell),
            });
        }
    }
    // Cases that hold for unnamed values ("otherwise") come last; otherwise by condition.
    // The last case reads as "otherwise".
    let other = |d: Dim| -> Option<u32> {
        let k = open.iter().position(|&o| o == d)?;
        others[k]
    };
    let size = |c: &Case| -> usize {
        open.iter()
            .enumerate()
            .map(|(k, d)| match c.when.iter().find(|(w, _)| w == d) {
                Some((_, s)) => in_choices(&choices[k], s),
                None => choices[k].len(),
            })
            .product()
    };
    // First choice for "otherwise": the case of values no circular names (every left-out
    // dimension at its "other" class); else the case covering the most combinations.
    let unnamed = |c: &Case| -> bool {
        c.when
            .iter()
            .all(|(d, s)| other(*d).is_some_and(|o| s.contains(o)))
            && open.iter().any(|d| other(*d).is_some())
    };
    cases.sort_by_cached_key(|c| (unnamed(c), size(c), c.when.clone()));
    cases
}

/// How many of `choices` (the classes `0..n` a left-out dimension ranges over) are in `set`:
/// counted from the set's own list, so that sorting many cases stays near-linear.
fn in_choices(choices: &[u32], set: &ClassSet) -> usize {
    debug_assert!(choices.iter().enumerate().all(|(i, &c)| c as usize == i));
    let listed = set
        .items()
        .iter()
        .filter(|&&x| (x as usize) < choices.len())
        .count();
    if set.is_negated() {
        choices.len() - listed
    } else {
        listed
    }
}

/// Decomposes a set of tuples into a union of products of sets.
fn factor(tuples: &[Vec<u32>]) -> Vec<Vec<BTreeSet<u32>>> {
    if tuples.is_empty() {
        return Vec::new();
    }
    if tuples[0].is_empty() {
        return vec![Vec::new()];
    }
    let mut rests: BTreeMap<u32, BTreeSet<Vec<u32>>> = BTreeMap::new();
    for t in tuples {
        rests.entry(t[0]).or_default().insert(t[1..].to_vec());
    }
    let mut by_rest: BTreeMap<BTreeSet<Vec<u32>>, BTreeSet<u32>> = BTreeMap::new();
    for (v, rest) in rests {
        by_rest.entry(rest).or_default().insert(v);
    }
    let mut out = Vec::new();
    for (rest, heads) in by_rest {
        let rest: Vec<Vec<u32>> = rest.into_iter().collect();
        for mut product in factor(&rest) {
            product.insert(0, heads.clone());
            out.push(product);
        }
    }
    out
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
        ] {
            assert_eq!(dimension(&d).0.keyword(), d.keyword());
        }
    }

    #[test]
    fn a_too_broad_question_names_the_dimensions_it_may_give() {
        assert_eq!(
            QueryError::TooBroad(7).to_string(),
            "the question leaves too much open (7 combinations): give `function`, `domicile`, `office` or `gov`, or a shorter period"
        );
    }
}

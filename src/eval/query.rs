//! Questions (docs/language.md section 9): a subject with dimensions left out, or a period, is split
//! into cases, each with the condition under which it holds.

use super::{Answer, Engine};
use crate::region::{self, ClassSet, Day, Dim, Kind, Point};
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
            Focus::Priority => {
                answer = Answer {
                    status: super::Status::Ruled,
                    wfo: None,
                    wfh_priority: answer.wfh_priority,
                    decided_by: Vec::new(),
                    notes: Vec::new(),
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
    /// changes (`None`: for any government).
    fn date_ranges_for(&self, from: Day, to: Day, gov: Option<u32>) -> Vec<(Day, Day)> {
        let mut ranges = Vec::new();
        let mut start = from;
        for b in self.boundaries_within(from, to, gov) {
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
        let total = combos.saturating_mul(ranges.len());
        if total > MAX_POINTS {
            return Err(QueryError::TooBroad(total));
        }
        let mut out: Vec<Case> = Vec::new();
        let mut previous: Option<Vec<Case>> = None;
        for (from, to) in ranges {
            let mut cells: BTreeMap<Vec<u32>, Answer> = BTreeMap::new();
            let mut combo = vec![0usize; open.len()];
            loop {
                let cell: Vec<u32> = combo.iter().zip(&choices).map(|(&i, c)| c[i]).collect();
                let point = point_of(from, &fixed, &open, &cell);
                cells.insert(cell, focus.project(self.answer(&point)));
                if !next_combo(&mut combo, &choices) {
                    break;
                }
            }
            let cases = factor_cases(&open, &choices, &others, &cells, from, to, &fixed);
            // Adjacent date ranges with the same cases merge into one range.
            match previous.as_mut() {
                Some(prev) if same_cases(prev, &cases) => {
                    for c in prev.iter_mut() {
                        c.to = to;
                    }
                }
                _ => {
                    if let Some(prev) = previous.take() {
                        out.extend(prev);
                    }
                    previous = Some(cases);
                }
            }
        }
        out.extend(previous.unwrap_or_default());
        Ok(out)
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
    open: &[Dim],
    choices: &[Vec<u32>],
    others: &[Option<u32>],
    cells: &BTreeMap<Vec<u32>, Answer>,
    from: Day,
    to: Day,
    fixed: &[Option<u32>; Dim::COUNT],
) -> Vec<Case> {
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
                answer: answer.clone(),
                point: point_of(from, fixed, open, &cell),
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

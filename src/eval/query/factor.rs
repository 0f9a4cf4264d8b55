//! The cells of one date range grouped by answer, and each group described as products of
//! class sets over what the answer depends on: the cases of a question.

use super::{Axis, Case, Grid, point_of};
use crate::eval::Answer;
use crate::region::{ClassSet, Day, Weekdays};
use foldhash::HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Groups the cells of one date range by answer, and describes each group as products of class
/// sets over the dimensions the answer depends on.
pub(super) fn factor_cases(
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
    let mut group_of: HashMap<&Answer, usize> = HashMap::default();
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
            let when: Vec<(Axis, ClassSet)> = relevant
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
    let other = |d: Axis| -> Option<u32> {
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

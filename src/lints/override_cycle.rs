//! `override-cycle` (error)
//!
//! **What it finds:** rules of one circular that override each other in a cycle (`a` overrides `b`,
//! `b` overrides `a`; or a rule that overrides itself).
//!
//! **Why it matters:** `overrides` states which rule is the more special (lex specialis). A cycle
//! states that each is more special than the other: where they meet, every rule of the cycle is
//! overridden and none decides.
//!
//! **Example:** `rule a: all => wfo 50% overrides b` and `rule b: critical => wfo 100% overrides a`.
//!
//! **Fix:** keep `overrides` only on the more specific rule.

use crate::diagnostic::{Code, Diagnostic};
use crate::msg::{Arg, Text};
use crate::span::{FileId, Span};
use crate::syntax::ast::{self, Modifier};
use foldhash::HashMap;

/// One `overrides` edge: from rule, to rule, the span of the target's name.
type Edge = (usize, usize, Span);

fn edges(c: &ast::Circular) -> (Vec<&ast::RuleDef>, Vec<Edge>) {
    let rules: Vec<&ast::RuleDef> = c.rules().map(|(r, _)| r).collect();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (i, r) in rules.iter().enumerate() {
        index.entry(r.name.node.as_str()).or_insert(i);
    }
    let mut edges = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        for m in &r.modifiers {
            if let Modifier::Overrides(names) = &m.node {
                for n in names {
                    if let Some(&j) = index.get(n.node.as_str()) {
                        edges.push((i, j, n.span));
                    }
                }
            }
        }
    }
    (rules, edges)
}

/// The strongly connected components of a graph with `n` nodes (Tarjan, iterative).
fn components(n: usize, edges: &[Edge]) -> Vec<Vec<usize>> {
    let mut adjacency = vec![Vec::new(); n];
    for &(a, b, _) in edges {
        adjacency[a].push(b);
    }
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if *next < adjacency[v].len() {
                let w = adjacency[v][*next];
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                out.push(component);
            }
        }
    }
    out
}

/// A cycle through `start` inside `component`, as edges in order.
fn cycle_through(start: usize, component: &[usize], edges: &[Edge]) -> Vec<Edge> {
    // Breadth-first search from `start` back to `start`, staying in the component.
    let mut previous: HashMap<usize, Edge> = HashMap::default();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &e in edges
            .iter()
            .filter(|e| e.0 == v && component.contains(&e.1))
        {
            if e.1 == start {
                let mut path = vec![e];
                let mut at = v;
                while at != start {
                    let p = previous[&at];
                    path.push(p);
                    at = p.0;
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = previous.entry(e.1) {
                slot.insert(e);
                queue.push_back(e.1);
            }
        }
    }
    Vec::new()
}

pub(super) fn check(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) {
    for c in tree.circulars() {
        let (rules, edges) = edges(c);
        for component in components(rules.len(), &edges) {
            let start = component[0];
            let cyclic = component.len() > 1 || edges.iter().any(|e| e.0 == start && e.1 == start);
            if !cyclic {
                continue;
            }
            let path = cycle_through(start, &component, &edges);
            let Some(&(_, _, first_span)) = path.first() else {
                continue;
            };
            let name = |i: usize| rules[i].name.node.as_str();
            let message = if component.len() == 1 {
                crate::text!("override-self", rule = name(start))
            } else {
                let names: Vec<Text> = component
                    .iter()
                    .map(|&i| crate::text!("quoted-name", name = name(i)))
                    .collect();
                crate::text!("override-cycle", rules = Arg::AllOf(names))
            };
            let overrides =
                |a: usize, b: usize| crate::text!("override-edge", rule = name(a), other = name(b));
            let mut d = Diagnostic::of(Code::OverrideCycle, file, first_span, message)
                .with_label_text(overrides(path[0].0, path[0].1));
            for &(a, b, span) in &path[1..] {
                d = d.with_secondary_text(file, span, overrides(a, b));
            }
            d.set_help_text(if component.len() == 1 {
                crate::text!("override-self-help", rule = name(start))
            } else {
                crate::text!("override-cycle-help")
            });
            out.push(d);
        }
    }
}

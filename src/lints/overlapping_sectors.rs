//! `overlapping-sectors` (warning)
//!
//! **What it finds:** one unit in two sectors of the same circular, or a unit in one sector and its
//! parent unit in another (`"Bapenda"` and `"Bapenda/UPTD"`): the sectors a circular defines, and
//! the file's top-level sectors it uses.
//!
//! **Why it matters:** sectors are meant to sort units into groups with one arrangement each; a
//! unit in two sectors gets both arrangements, and one of them is usually a slip.
//!
//! **Example:** `sector critical = ["Dishub", "RSUD"]` and `sector essential = ["BPKAD", "Dishub"]`.
//!
//! **Fix:** keep the unit in one sector; if a sub-unit really differs from its parent, give it a
//! rule of its own with `overrides`.

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::{self, ClauseKind, Item, SelectorKind, SetKind, Values};
use crate::text::normalize_unit;
use std::collections::BTreeSet;

fn uses(s: &ast::Selector, out: &mut BTreeSet<String>) {
    match &s.node {
        SelectorKind::Sector(n) => {
            out.insert(n.node.clone());
        }
        SelectorKind::Unit(Values::Named(n)) => {
            out.insert(n.node.clone());
        }
        SelectorKind::And(p) | SelectorKind::Or(p) => p.iter().for_each(|x| uses(x, out)),
        SelectorKind::Not(x) => uses(x, out),
        _ => {}
    }
}

/// True when `a` is `b` or below it, or the reverse.
fn related(a: &str, b: &str) -> bool {
    let below =
        |x: &str, y: &str| x.len() > y.len() && x.starts_with(y) && x[y.len()..].starts_with('/');
    a == b || below(a, b) || below(b, a)
}

pub(super) fn check(file: crate::span::FileId, f: &ast::File, out: &mut Vec<Diagnostic>) {
    let top: Vec<&ast::SetDef> = f
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Set(d) if d.kind == SetKind::Sector => Some(d),
            _ => None,
        })
        .collect();
    for c in f.circulars() {
        let mut used = BTreeSet::new();
        c.selectors().for_each(|s| uses(s, &mut used));
        let mut sectors: Vec<&ast::SetDef> = top
            .iter()
            .copied()
            .filter(|d| used.contains(&d.name.node))
            .collect();
        sectors.extend(c.clauses.iter().filter_map(|cl| match &cl.node {
            ClauseKind::Set(d) if d.kind == SetKind::Sector => Some(d),
            _ => None,
        }));
        sectors.sort_by_key(|d| d.span.start);
        // Each member normalised once: the pairs below compare them many times.
        let normal: Vec<Vec<String>> = sectors
            .iter()
            .map(|d| d.members.iter().map(|m| normalize_unit(&m.node)).collect())
            .collect();
        for (k, a) in sectors.iter().enumerate() {
            for (l, b) in sectors.iter().enumerate().skip(k + 1) {
                for (mb, nb) in b.members.iter().zip(&normal[l]) {
                    let Some((ma, na)) = a
                        .members
                        .iter()
                        .zip(&normal[k])
                        .find(|(_, na)| related(na, nb))
                    else {
                        continue;
                    };
                    let (sa, sb) = (&a.name.node, &b.name.node);
                    let (how, help) = if na == nb {
                        (
                            format!("`{nb}` is in both sectors `{sa}` and `{sb}`"),
                            format!(
                                "keep `{nb}` in one sector: remove it from `{sb}` or from `{sa}`"
                            ),
                        )
                    } else {
                        let (how, parent, child) = if nb.len() > na.len() {
                            (
                                format!(
                                    "`{nb}` in sector `{sb}` is part of `{na}`, in sector `{sa}`"
                                ),
                                &na,
                                &nb,
                            )
                        } else {
                            (
                                format!("`{nb}` in sector `{sb}` holds `{na}`, in sector `{sa}`"),
                                &nb,
                                &na,
                            )
                        };
                        (
                            how,
                            format!(
                                "keep each unit in one sector; if `{child}` is to differ from `{parent}`, give it a rule of its own (`unit \"{child}\"`) with `overrides` instead of a second sector"
                            ),
                        )
                    };
                    out.push(
                        Diagnostic::new(Code::OverlappingSectors, file, mb.span, how)
                            .with_label(format!("in `{sb}`"))
                            .with_secondary(file, ma.span, format!("in `{sa}`"))
                            .with_help(help),
                    );
                }
            }
        }
    }
}

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

/// `shared`: the sets defined at the top of the file's first part, when `f` is a later part.
pub(super) fn check(
    file: crate::span::FileId,
    f: &ast::File,
    shared: &[ast::SetDef],
    out: &mut Vec<Diagnostic>,
) {
    let top: Vec<&ast::SetDef> = f
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Set(d) => Some(d),
            _ => None,
        })
        .chain(shared)
        .filter(|d| d.kind == SetKind::Sector)
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
                            crate::text!("sectors-same-unit", unit = nb, first = sa, second = sb),
                            crate::text!(
                                "sectors-same-unit-help",
                                unit = nb,
                                first = sa,
                                second = sb
                            ),
                        )
                    } else {
                        let (how, parent, child) = if nb.len() > na.len() {
                            (
                                crate::text!(
                                    "sectors-part-of",
                                    unit = nb,
                                    second = sb,
                                    other = na,
                                    first = sa
                                ),
                                &na,
                                &nb,
                            )
                        } else {
                            (
                                crate::text!(
                                    "sectors-holds",
                                    unit = nb,
                                    second = sb,
                                    other = na,
                                    first = sa
                                ),
                                &nb,
                                &na,
                            )
                        };
                        (
                            how,
                            crate::text!(
                                "sectors-nested-help",
                                child = child.as_str(),
                                parent = parent.as_str()
                            ),
                        )
                    };
                    out.push(
                        Diagnostic::of(Code::OverlappingSectors, file, mb.span, how)
                            .with_label_text(crate::text!("sectors-in", sector = sb))
                            .with_secondary_text(
                                file,
                                ma.span,
                                crate::text!("sectors-in", sector = sa),
                            )
                            .with_help_text(help),
                    );
                }
            }
        }
    }
}

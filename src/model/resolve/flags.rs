//! `too-many-names`: more conditions or more traits in a workspace than the region algebra tells
//! apart ([`MAX_FLAGS`] of each: the bits of a mask). Past the limit a name could not be told from
//! having none, so the workspace is refused rather than answered wrongly.

use super::*;
use crate::dim::MAX_FLAGS;

/// Calls `f` with each value of `dim` that `sel` names.
fn named(sel: &Sel, dim: Dim, f: &mut impl FnMut(Sym)) {
    sel.visit(&mut |d, v| {
        if d == dim {
            f(v)
        }
    });
}

/// Calls `note` with each value of `dim` that circular `c` names, with the clause that names
/// it, in the order of its clauses.
fn mentions(c: &Circular, dim: Dim, note: &mut impl FnMut(Sym, Span)) {
    if dim == Dim::Condition {
        c.conditions.iter().for_each(|k| note(k.name, k.span));
        c.rules
            .iter()
            .filter_map(|r| r.when)
            .for_each(|w| note(w.name, w.span));
    }
    for e in &c.exempt {
        named(&e.selector, dim, &mut |v| note(v, e.span));
    }
    for p in &c.priorities {
        named(&p.selector, dim, &mut |v| note(v, p.span));
    }
    for r in &c.rules {
        if let Some(sel) = &r.selector {
            named(sel, dim, &mut |v| note(v, r.span));
        }
        for (sel, span) in r.except.iter() {
            named(sel, dim, &mut |v| note(v, *span));
        }
    }
}

/// The first mention of each value of a yes/no dimension in some circulars, in their order:
/// the dimension, the value and where.
pub(super) type FlagMentions = Vec<(Dim, Sym, FileId, Span)>;

/// Adds to `out` the first mention in `circulars` of each value of a yes/no dimension.
pub(super) fn first_mentions(circulars: &[Circular], out: &mut FlagMentions) {
    for dim in Dim::FLAGGED {
        let mut seen: HashSet<Sym> = HashSet::default();
        for c in circulars {
            mentions(c, dim, &mut |sym, span| {
                if seen.insert(sym) {
                    out.push((dim, sym, c.file, span));
                }
            });
        }
    }
}

impl Resolver {
    /// One `too-many-names` for each yes/no dimension of which the circulars name more than
    /// [`MAX_FLAGS`] values, at the first mention of the first name past the limit in file
    /// order, with the first mention of the first name as a second label. It reads the first
    /// mentions each file's circulars gave as they were resolved ([`first_mentions`]), in file
    /// order.
    pub(super) fn too_many_names(&mut self) {
        let mentioned = std::mem::take(&mut self.flag_mentions);
        for dim in Dim::FLAGGED {
            // Each name once, with the clause that first mentions it, in file order.
            let mut seen: HashSet<Sym> = HashSet::default();
            let order: Vec<(Sym, FileId, Span)> = mentioned
                .iter()
                .filter(|m| m.0 == dim && seen.insert(m.1))
                .map(|&(_, sym, file, span)| (sym, file, span))
                .collect();
            if order.len() <= MAX_FLAGS {
                continue;
            }
            let noun = dim.info().noun;
            let (first, past) = (order[0], order[MAX_FLAGS]);
            let name = self.interner.resolve(past.0).to_string();
            let nouns = || crate::text!("dim-nouns", kind = noun);
            let mut d = Diagnostic::of(
                Code::TooManyNames,
                past.1,
                past.2,
                crate::text!(
                    "too-many-names",
                    count = order.len(),
                    nouns = nouns(),
                    max = MAX_FLAGS
                ),
            )
            .with_label_text(crate::text!(
                "too-many-names-label",
                name = name,
                noun = crate::text!("dim-noun", kind = noun),
                number = MAX_FLAGS + 1
            ))
            .with_help_text(crate::text!("too-many-names-help", nouns = nouns()));
            if (first.1, first.2) != (past.1, past.2) {
                let first_name = self.interner.resolve(first.0);
                d = d.with_secondary_text(
                    first.1,
                    first.2,
                    crate::text!(
                        "too-many-names-first",
                        noun = crate::text!("dim-noun", kind = noun),
                        name = first_name
                    ),
                );
            }
            self.push(d);
        }
    }
}

//! Selectors: `not` over `and` over `or`, their atoms and the values they name.

use super::{Lowerer, P, kids};
use crate::diagnostic::Code;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::parser::Rule;

/// Deepest selector nesting (parentheses and `not`) the lowering follows; deeper is a syntax
/// error, never a stack overflow.
use crate::syntax::scan::MAX_NESTING;

impl<'a> Lowerer<'a> {
    pub(super) fn selector(&mut self, pair: P<'a>, depth: usize) -> Selector {
        // Most selectors are one atom under the levels of the grammar (`selector`, `sel_and`,
        // `sel_not`): pass through those without a span or a list.
        let mut pair = pair;
        while matches!(
            pair.as_rule(),
            Rule::selector | Rule::sel_and | Rule::sel_not
        ) {
            let mut inner =
                kids(pair.clone()).filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and));
            match (inner.next(), inner.next()) {
                (Some(only), None) if only.as_rule() != Rule::selector => pair = only,
                _ => break,
            }
        }
        let whole = self.span(&pair);
        if depth > MAX_NESTING {
            let message = crate::text!("selector-too-deep", most = MAX_NESTING);
            self.error_text(Code::Syntax, whole, message)
                .set_help_text(crate::text!("selector-too-deep-help"));
            return Spanned::new(SelectorKind::All, whole);
        }
        let rule = pair.as_rule();
        let mut parts: Vec<P<'a>> = kids(pair)
            .filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and))
            .collect();
        match rule {
            // `depth` counts what nests: parentheses and `not`s, not the levels of the grammar.
            Rule::selector | Rule::sel_and => {
                if parts.len() == 1 {
                    return self.selector(parts.pop().expect("one part"), depth);
                }
                let lowered: Vec<Selector> =
                    parts.into_iter().map(|p| self.selector(p, depth)).collect();
                let kind = if rule == Rule::selector {
                    SelectorKind::Or(lowered)
                } else {
                    SelectorKind::And(lowered)
                };
                Spanned::new(kind, whole)
            }
            Rule::sel_not => {
                let atom = parts.pop().expect("an atom");
                let nots: Vec<Span> = parts.iter().map(|p| self.span(p)).collect();
                if depth + nots.len() > MAX_NESTING {
                    let message = crate::text!("selector-too-deep", most = MAX_NESTING);
                    let help = crate::text!("nots-in-a-row", count = nots.len());
                    self.error_text(Code::Syntax, whole, message)
                        .set_help_text(help);
                    return Spanned::new(SelectorKind::All, whole);
                }
                let inner = depth + nots.len() + usize::from(atom.as_rule() == Rule::selector);
                let mut sel = self.selector(atom, inner);
                for not in nots.into_iter().rev() {
                    let s = not.to(sel.span);
                    sel = Spanned::new(SelectorKind::Not(Box::new(sel)), s);
                }
                sel
            }
            Rule::sel_all => Spanned::new(SelectorKind::All, whole),
            Rule::sel_sector => {
                let name = self.ident(parts.pop().expect("a name"));
                Spanned::new(SelectorKind::Sector(name), whole)
            }
            Rule::sel_unit | Rule::sel_domicile | Rule::sel_office | Rule::sel_gov => {
                let values = self.values(parts, whole);
                let kind = match rule {
                    Rule::sel_unit => SelectorKind::Unit(values),
                    Rule::sel_domicile => SelectorKind::Domicile(values),
                    Rule::sel_office => SelectorKind::Office(values),
                    _ => SelectorKind::Gov(values),
                };
                Spanned::new(kind, whole)
            }
            Rule::sel_function | Rule::sel_trait => {
                let mut names = Vec::new();
                for p in parts {
                    match p.as_rule() {
                        Rule::ident => names.push(self.ident(p)),
                        Rule::ident_list => {
                            names.extend(kids(p).map(|i| self.ident(i)));
                        }
                        _ => {}
                    }
                }
                let kind = if rule == Rule::sel_trait {
                    SelectorKind::Trait(names)
                } else {
                    SelectorKind::Function(names)
                };
                Spanned::new(kind, whole)
            }
            _ => {
                // Unreachable with the grammar; never read an unknown form as `all`.
                self.unread(whole, "this selector");
                Spanned::new(SelectorKind::All, whole)
            }
        }
    }

    pub(super) fn values(&mut self, parts: Vec<P<'a>>, whole: Span) -> Values {
        for p in parts {
            match p.as_rule() {
                Rule::string => return Values::One(self.string(p)),
                Rule::string_list => return Values::List(self.string_list(p)),
                Rule::set_name => {
                    let ident = kids(p).next().map(|i| self.ident(i));
                    if let Some(ident) = ident {
                        return Values::Named(ident);
                    }
                }
                _ => {}
            }
        }
        self.unread(whole, "the values of this selector");
        Values::List(Vec::new())
    }
}

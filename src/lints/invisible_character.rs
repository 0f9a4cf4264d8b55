//! `invisible-character` (warning)
//!
//! **What it finds:** a unit, place or government name that holds a character nobody can see: a
//! zero-width space, a zero-width joiner or non-joiner, a byte order mark or a soft hyphen inside
//! the quotes, a mark of writing direction (such as a right-to-left override), a tab, an escape
//! or another control character. The warning points at the character and names it.
//!
//! **Why it matters:** such characters come with text copied from a word processor, a PDF or a
//! web page, and they cannot be seen: `"BPKAD"` with a zero-width space at its end looks like
//! `"BPKAD"` and is another string. edaran leaves the zero-width and formatting characters out when it compares names,
//! so the rule still applies to BPKAD, but other programs reading the file, and people searching
//! it, do not. A control character (a tab, an escape) is kept: the name then matches no name
//! written without it, and an escape can change what a terminal shows. edaran always prints such
//! characters escaped (`\u{200b}`, `\u{1b}`).
//!
//! **Example:** `sector essential = ["BPKAD"]`, with a zero-width space after `BPKAD`.
//!
//! **Fix:** delete the character (write a space where a tab stands between two words).

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use crate::syntax::ast::{
    self, ClauseKind, Dimension, Item, QueryKind, Scope, Selector, SelectorKind, Values,
};
use crate::text::{code_point, invisible, is_ignorable, normalize_name};

/// "zero-width space (U+200B)".
pub fn describe(c: char) -> Option<String> {
    invisible(c).map(|name| format!("{name} ({})", code_point(c)))
}

/// The invisible characters of `name` with their byte offsets in `name`.
fn found(name: &str) -> Vec<(usize, char)> {
    if name.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Vec::new();
    }
    name.char_indices()
        // A carriage return in a string is already a syntax error.
        .filter(|&(_, c)| c != '\r' && invisible(c).is_some())
        .collect()
}

/// The note of a question naming `what` (`unit`, `government`, ...) `value` with invisible
/// characters.
pub fn question_note(what: &str, value: &str) -> Option<crate::msg::Text> {
    let chars = found(value);
    let &(_, first) = chars.first()?;
    let named = describe(first).unwrap_or_default();
    let a = article(&named);
    let more = chars.len() - 1;
    Some(if chars.iter().all(|&(_, c)| is_ignorable(c)) {
        crate::text!(
            "note-invisible-read-as",
            what = what,
            value = value,
            a = a,
            named = named,
            more = more,
            read = normalize_name(value).into_owned()
        )
    } else {
        crate::text!(
            "note-invisible-matches-only",
            what = what,
            value = value,
            a = a,
            named = named,
            more = more
        )
    })
}

pub(super) fn check(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) {
    let mut c = Check { file, out };
    for item in &tree.items {
        match item {
            Item::Set(def) => c.strs(&def.members),
            Item::Circular(circular) => {
                for clause in &circular.clauses {
                    match &clause.node {
                        ClauseKind::Set(def) => c.strs(&def.members),
                        ClauseKind::Scope(Scope::Govs(govs)) => c.strs(govs),
                        other => other.selectors().for_each(|s| c.selector(s)),
                    }
                }
            }
            Item::Test(t) => {
                t.given.iter().for_each(|d| c.dimension(d));
                for e in &t.expects {
                    if let QueryKind::Wfo(s) | QueryKind::Explain(s) | QueryKind::Priority(s) =
                        &e.query.kind
                    {
                        c.literal(&s.unit.node, s.unit.span);
                        s.dims.iter().for_each(|d| c.dimension(d));
                    }
                }
            }
            Item::Baseline(_) | Item::Holiday(_) | Item::Workweek(_) | Item::CalendarNone(_) => {}
        }
    }
}

struct Check<'o> {
    file: FileId,
    out: &'o mut Vec<Diagnostic>,
}

impl Check<'_> {
    fn strs(&mut self, list: &[ast::Str]) {
        list.iter().for_each(|s| self.literal(&s.node, s.span));
    }

    fn values(&mut self, v: &Values) {
        match v {
            Values::One(s) => self.literal(&s.node, s.span),
            Values::List(list) => self.strs(list),
            Values::Named(_) => {}
        }
    }

    fn selector(&mut self, s: &Selector) {
        match &s.node {
            SelectorKind::Or(parts) | SelectorKind::And(parts) => {
                parts.iter().for_each(|p| self.selector(p))
            }
            SelectorKind::Not(inner) => self.selector(inner),
            SelectorKind::Unit(v)
            | SelectorKind::Domicile(v)
            | SelectorKind::Office(v)
            | SelectorKind::Gov(v) => self.values(v),
            SelectorKind::All
            | SelectorKind::Sector(_)
            | SelectorKind::Function(_)
            | SelectorKind::Trait(_) => {}
        }
    }

    /// `domicile "X"`: the string ends the dimension's span.
    fn dimension(&mut self, d: &crate::span::Spanned<Dimension>) {
        let (Dimension::Domicile(v) | Dimension::Office(v) | Dimension::Gov(v)) = &d.node else {
            return;
        };
        if found(v).is_empty() {
            return;
        }
        let written = v.len() + escapes(v);
        let start = d.span.end().saturating_sub(written + 2);
        self.name(v, start + 1);
    }

    /// A string literal: its span holds the quotes.
    fn literal(&mut self, value: &str, span: Span) {
        if !found(value).is_empty() {
            self.name(value, span.start() + 1);
        }
    }

    /// A name whose text starts at byte `inner` of the file.
    fn name(&mut self, value: &str, inner: usize) {
        let chars = found(value);
        let Some(&(first_at, first)) = chars.first() else {
            return;
        };
        // `\"` and `\\` are written with two bytes for one.
        let at = |offset: usize, c: char| {
            let start = inner + offset + escapes(&value[..offset]);
            Span::new(start, start + c.len_utf8())
        };
        let named = describe(first).unwrap_or_default();
        let a = article(&named);
        let message = if chars.len() > 1 {
            crate::text!(
                "invisible-many",
                value = value,
                n = chars.len(),
                a = a,
                named = named.clone()
            )
        } else if is_ignorable(first) {
            crate::text!(
                "invisible-unseen",
                value = value,
                a = a,
                named = named.clone()
            )
        } else {
            crate::text!("invisible-one", value = value, a = a, named = named.clone())
        };
        let help = if chars.iter().all(|&(_, c)| is_ignorable(c)) {
            crate::text!(
                "invisible-delete-help",
                n = chars.len(),
                read = normalize_name(value).into_owned()
            )
        } else if chars.iter().all(|&(_, c)| c == '\t') {
            crate::text!("invisible-tab-help")
        } else {
            crate::text!("invisible-character-help")
        };
        let mut d = Diagnostic::of(
            Code::InvisibleCharacter,
            self.file,
            at(first_at, first),
            message,
        )
        .with_label_text(crate::text!("arg", arg = named))
        .with_help_text(help);
        for &(offset, c) in &chars[1..] {
            let named = describe(c).unwrap_or_default();
            d = d.with_secondary_text(self.file, at(offset, c), crate::text!("arg", arg = named));
        }
        self.out.push(d);
    }
}

/// "a" or "an", before a character's name.
fn article(named: &str) -> &'static str {
    if named.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// How many characters of `s` are written escaped in a string literal (`\"`, `\\`).
fn escapes(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'"' || b == b'\\').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_named_with_their_code_point() {
        assert_eq!(
            describe('\u{200b}').as_deref(),
            Some("zero-width space (U+200B)")
        );
        assert_eq!(
            describe('\u{1b}').as_deref(),
            Some("escape character (U+001B)")
        );
        assert_eq!(describe('a'), None);
    }

    #[test]
    fn only_invisible_characters_are_found() {
        assert!(found("Dinas Kesehatan").is_empty());
        assert!(found("Dinas Pariwisata Khé").is_empty());
        assert_eq!(found("BPKAD\u{200b}"), [(5, '\u{200b}')]);
        assert_eq!(found("a\tb\u{feff}"), [(1, '\t'), (3, '\u{feff}')]);
    }

    #[test]
    fn a_question_note_says_how_the_name_is_read() {
        assert_eq!(question_note("unit", "BPKAD"), None);
        let en = |t: Option<crate::msg::Text>| t.map(|t| t.render(crate::Lang::En));
        assert_eq!(
            en(question_note("unit", "BPKAD\u{200b}")).as_deref(),
            Some(
                "the unit `BPKAD\u{200b}` of the question holds a zero-width space (U+200B): it is read as `BPKAD`"
            )
        );
        assert!(
            en(question_note("government", "A\u{1b}"))
                .unwrap()
                .contains("matches only a name written with the same character")
        );
    }
}

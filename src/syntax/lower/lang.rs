//! The language of a file or a question, read from its keywords; the mixing of two languages;
//! the word orders that differ between them (`wfh priority` and `prioritas wfh`, `in force on`
//! and `berlaku pada`).
//!
//! The grammar accepts the keywords of both languages everywhere (one grammar: each keyword
//! rule has both spellings). The first word that belongs to one language only sets the
//! language; words of the other language after it are one `mixed-language` diagnostic, at the
//! first of them. Words both languages write alike (`unit`, `wfo`) belong to neither.

use super::{Lowerer, P, is_keyword, kids};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::span::Span;
use crate::syntax::ast::Level;
use crate::syntax::keywords;
use crate::syntax::parser::Rule;

/// The language a word of the grammar belongs to, if it belongs to one only.
fn language(pair: &P<'_>) -> Option<Lang> {
    let rule = pair.as_rule();
    let text = pair.as_str();
    if is_keyword(rule) || rule == Rule::duration_unit {
        return keywords::language_of(text);
    }
    match rule {
        Rule::working_days => keywords::language_of(text.split(' ').next().unwrap_or(text)),
        Rule::day_off => Some(if text == "day-off" {
            Lang::En
        } else {
            Lang::Id
        }),
        Rule::level => Level::language_of(text),
        Rule::weekday => crate::calendar::parse_weekday_in(text).map(|(_, lang)| lang),
        _ => None,
    }
}

/// The word that means `pair`'s in `to`: `rule` for `aturan`, `friday` for `jumat`.
fn counterpart(pair: &P<'_>, to: Lang) -> Option<String> {
    let text = pair.as_str();
    match pair.as_rule() {
        Rule::day_off => Some(["day-off", "libur"][to as usize].to_string()),
        Rule::working_days => Some(["working days", "hari kerja"][to as usize].to_string()),
        Rule::level => Level::from_name(text).map(|l| l.word(to).to_string()),
        Rule::weekday => crate::calendar::parse_weekday(text)
            .map(|d| crate::calendar::weekday_word(d, to).to_string()),
        _ => keywords::translate(text, to).map(str::to_string),
    }
}

impl<'a> Lowerer<'a> {
    /// The language of `pair` (a file, a question, a `given` line): the language of its first
    /// word that has one. Reports `mixed-language` when words of the other language follow, and
    /// a word order of the other language.
    pub(crate) fn language(&mut self, pair: &P<'a>, what: &str) -> Lang {
        let mut first: Option<(Lang, Span)> = None;
        let mut strays: Vec<P<'a>> = Vec::new();
        for p in pair.clone().into_inner().flatten() {
            match p.as_rule() {
                Rule::priority | Rule::q_priority => self.priority_order(&p),
                Rule::q_in_force => self.in_force_words(&p),
                _ => {}
            }
            let Some(lang) = language(&p) else { continue };
            match first {
                None => first = Some((lang, self.span(&p))),
                Some((file, _)) if file != lang => strays.push(p),
                Some(_) => {}
            }
        }
        let Some((lang, at)) = first else {
            return Lang::En;
        };
        if let Some(stray) = strays.first() {
            let word = stray.as_str();
            let other = lang.other();
            let mut help = match counterpart(stray, lang) {
                Some(w) => format!("write `{w}`: "),
                None => String::new(),
            };
            help.push_str(&format!(
                "a {what} is written in one language; `edaran fmt --lang {}` writes a file all in {}",
                lang.code(),
                lang.adjective()
            ));
            let more = match strays.len() - 1 {
                0 => String::new(),
                1 => format!(" (and 1 more {} word)", other.adjective()),
                n => format!(" (and {n} more {} words)", other.adjective()),
            };
            let d = Diagnostic::new(
                Code::MixedLanguage,
                self.file,
                self.span(stray),
                format!(
                    "`{word}` is {}, but this {what} is written in {}{more}",
                    other.adjective(),
                    lang.adjective()
                ),
            )
            .with_label(format!("{} word", other.adjective()))
            .with_secondary(self.file, at, format!("{} from here", lang.adjective()))
            .with_help(help);
            self.diagnostics.push(d);
        }
        lang
    }

    /// `wfh priority` in English, `prioritas wfh` in Indonesian: the order of the language of
    /// `priority`.
    fn priority_order(&mut self, pair: &P<'a>) {
        let mut words = kids(pair.clone()).take(2);
        let (Some(a), Some(b)) = (words.next(), words.next()) else {
            return;
        };
        let (wfh_first, priority) = match a.as_rule() {
            Rule::kw_wfh => (true, b.clone()),
            _ => (false, a.clone()),
        };
        let Some(lang) = keywords::language_of(priority.as_str()) else {
            return;
        };
        let right = match lang {
            Lang::En => wfh_first,
            Lang::Id => !wfh_first,
        };
        if !right {
            let s = Span::new(self.span(&a).start(), self.span(&b).end());
            let words = match lang {
                Lang::En => "wfh priority",
                Lang::Id => "prioritas wfh",
            };
            self.error(
                Code::Syntax,
                s,
                format!("in {} this is written `{words}`", lang.adjective()),
            )
            .help = Some(format!("write `{words}`"));
        }
    }

    /// `in force on DATE` in English, `berlaku pada DATE` (without `dalam`) in Indonesian.
    fn in_force_words(&mut self, pair: &P<'a>) {
        let words: Vec<P<'a>> = kids(pair.clone())
            .take_while(|p| matches!(p.as_rule(), Rule::kw_in | Rule::kw_force))
            .collect();
        let Some(force) = words.last() else { return };
        let with_in = words.len() == 2;
        let (lang, right) = match keywords::language_of(force.as_str()) {
            Some(Lang::Id) => (Lang::Id, !with_in),
            _ => (Lang::En, with_in),
        };
        if !right {
            let s = Span::new(self.span(&words[0]).start(), self.span(force).end());
            let (message, help) = match lang {
                Lang::En => ("expected `in force`", "write `in force on DATE`"),
                Lang::Id => (
                    "in Indonesian this is written `berlaku`, without `dalam`",
                    "write `berlaku pada DATE`",
                ),
            };
            self.error(Code::Syntax, s, message).help = Some(help.into());
        }
    }
}

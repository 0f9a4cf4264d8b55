//! The language of a file or a question, read from its keywords; the mixing of two languages;
//! the word orders that differ between them (`wfh priority` and `prioritas wfh`, `in force on`
//! and `berlaku pada`).
//!
//! The grammar accepts the keywords of both languages everywhere (one grammar: each keyword
//! rule has both spellings). The first word that belongs to one language only sets the
//! language; words of the other language after it are one `mixed-language` diagnostic, at the
//! first of them. Words both languages write alike (`unit`, `wfo`) belong to neither.

use super::{Lowerer, P, kids};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::span::Span;
use crate::syntax::ast::Level;
use crate::syntax::keywords;
use crate::syntax::parser::Rule;
use crate::text;
use std::sync::LazyLock;

/// The words of a language in a file, a part of one or a question ([`Lowerer::words`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Words {
    /// The first word of a language, and where it is.
    pub first: Option<(Lang, Span)>,
    /// The first word of the other language, and where it is.
    pub stray: Option<(Rule, Span)>,
    /// How many words of the other language there are.
    pub strays: usize,
}

impl Words {
    /// The language the words say: that of the first, English when none has one.
    pub fn lang(&self) -> Lang {
        self.first.map_or(Lang::En, |(lang, _)| lang)
    }

    /// The words of a file whose later part `next` is (read with this part's language known).
    pub fn then(self, next: Words) -> Words {
        Words {
            first: self.first.or(next.first),
            stray: self.stray.or(next.stray),
            strays: self.strays + next.strays,
        }
    }
}

/// What the walk does with a pair of a rule: most rules are skipped at the cost of one load.
#[derive(Clone, Copy)]
enum Kind {
    /// No word of a language, or one both write alike (`unit`, `wfo`).
    Skip,
    /// A keyword whose English spelling has this length and this byte at `at`, and whose
    /// Indonesian spelling has not both: the language is told without comparing words.
    Keyword { len: usize, at: usize, byte: u8 },
    /// A weekday, a level, a duration unit or `day-off`: read through their tables.
    Word,
}

/// The kind of each rule, by its index.
static KINDS: LazyLock<Vec<Kind>> = LazyLock::new(|| {
    // `EOI` is a rule outside `all_rules`: the last index, skipped like the others.
    let size = Rule::all_rules()
        .iter()
        .map(|r| *r as usize + 1)
        .max()
        .unwrap_or(0);
    let mut kinds = vec![Kind::Skip; size.max(Rule::EOI as usize + 1)];
    for &rule in Rule::all_rules() {
        let name = format!("{rule:?}");
        kinds[rule as usize] = match rule {
            Rule::duration_unit
            | Rule::working_days
            | Rule::day_off
            | Rule::level
            | Rule::weekday => Kind::Word,
            _ => match name.strip_prefix("kw_").and_then(keywords::by_english) {
                Some(k) if k.text != k.id => {
                    let (en, id) = (k.text.as_bytes(), k.id.as_bytes());
                    // Where the two differ when they are as long; otherwise the length tells.
                    let at = match en.len() == id.len() {
                        true => en.iter().zip(id).position(|(a, b)| a != b).unwrap_or(0),
                        false => 0,
                    };
                    Kind::Keyword {
                        len: en.len(),
                        at,
                        byte: en[at],
                    }
                }
                _ => Kind::Skip,
            },
        };
    }
    kinds
});

/// The language of a word of `Kind::Word`, if it belongs to one only.
fn word_language(rule: Rule, text: &str) -> Option<Lang> {
    match rule {
        Rule::duration_unit => keywords::language_of(text),
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

/// The word of rule `rule` written `text` in `to`: `rule` for `aturan`, `friday` for `jumat`.
fn counterpart(rule: Rule, text: &str, to: Lang) -> Option<String> {
    match rule {
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
    /// word that has one. Reports `mixed-language` when words of the other language follow.
    pub(crate) fn language(&mut self, pair: &P<'a>, what: &str) -> Lang {
        let words = self.words(pair, None);
        self.report_mixing(&words, what);
        words.lang()
    }

    /// The words of a language in `pair`: the first, and those of the other language than
    /// `known` (when given: the file's, read from an earlier part) or than the first.
    ///
    /// It reads the tokens of the pairs, not the pairs (which cost two reference counts each),
    /// and tells a keyword's language by its length and one byte ([`Kind::Keyword`]): parsing
    /// English files stays within a few percent of its speed before the second language.
    pub(crate) fn words(&self, pair: &P<'a>, known: Option<Lang>) -> Words {
        use pest::Token;
        let text = self.text.as_bytes();
        let mut words = Words {
            first: None,
            stray: None,
            strays: 0,
        };
        let mut open = 0;
        let kinds: &[Kind] = &KINDS;
        for token in pair.clone().tokens() {
            let (rule, end) = match token {
                Token::Start { pos, .. } => {
                    open = self.pos(pos.pos());
                    continue;
                }
                Token::End { rule, pos } => (rule, self.pos(pos.pos())),
            };
            let lang = match kinds[rule as usize] {
                Kind::Skip => continue,
                Kind::Keyword { len, at, byte } => {
                    if end - open == len && text[open + at] == byte {
                        Lang::En
                    } else {
                        Lang::Id
                    }
                }
                Kind::Word => match word_language(rule, &self.text[open..end]) {
                    Some(lang) => lang,
                    None => continue,
                },
            };
            let at = Span::new(open, end);
            if words.first.is_none() {
                words.first = Some((lang, at));
            }
            let expected = known.or(words.first.map(|(l, _)| l));
            if expected != Some(lang) {
                words.strays += 1;
                words.stray.get_or_insert((rule, at));
            }
        }
        words
    }

    /// Reports the mixing of languages in `words` (of a file, a question, a `given` line),
    /// at the first stray word.
    pub(crate) fn report_mixing(&mut self, words: &Words, what: &str) {
        let (Some((lang, at)), Some((rule, stray))) = (words.first, words.stray) else {
            return;
        };
        let word = stray.text(self.text);
        let (code, other) = (lang.code(), lang.other().code());
        let help = match counterpart(rule, word, lang) {
            Some(w) => text!(
                "mixed-language-help-word",
                word = w,
                what = what,
                lang = code
            ),
            None => text!("mixed-language-help", what = what, lang = code),
        };
        let more = words.strays - 1;
        let message = text!(
            "mixed-language",
            word = word,
            other = other,
            what = what,
            lang = code,
            more = more
        );
        let d = Diagnostic::of(Code::MixedLanguage, self.file, stray, message)
            .with_label_text(text!("mixed-language-label", other = other))
            .with_secondary_text(
                self.file,
                at,
                text!("mixed-language-from-here", lang = code),
            )
            .with_help_text(help);
        self.diagnostics.push(d);
    }

    /// `wfh priority` in English, `prioritas wfh` in Indonesian: the order of the language of
    /// `priority`.
    pub(super) fn priority_order(&mut self, pair: &P<'a>) {
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
    pub(super) fn in_force_words(&mut self, pair: &P<'a>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The length and one byte of a keyword tell its English spelling from its Indonesian one.
    #[test]
    fn a_length_and_a_byte_tell_the_languages_apart() {
        let mut keywords_seen = 0;
        for &rule in Rule::all_rules() {
            let Kind::Keyword { len, at, byte } = KINDS[rule as usize] else {
                continue;
            };
            let name = format!("{rule:?}");
            let k = keywords::by_english(&name[3..]).expect("a keyword");
            let is_english = |w: &str| w.len() == len && w.as_bytes()[at] == byte;
            assert!(is_english(k.text) && !is_english(k.id), "{name}");
            keywords_seen += 1;
        }
        let written_apart = keywords::TABLE
            .iter()
            .filter(|k| k.text != k.id && !k.at(keywords::Place::Duration))
            .count();
        assert_eq!(keywords_seen, written_apart);
    }
}

//! Turns pest's errors into `syntax` diagnostics that say what was expected, in the user's words.

use super::keywords::Place::{Clause, Item, Modifier};
use super::parser::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::msg::{Arg, Text};
use crate::span::{FileId, Span};
use crate::text;
use pest::error::{Error, ErrorVariant, InputLocation};
use std::collections::{BTreeMap, BTreeSet};

// The keyword lists live in the table; `CLAUSE_KEYWORDS` is also read here by the resolver.
pub use super::keywords::CLAUSE_KEYWORDS;
use super::keywords::{self, KEYWORDS, QUESTIONS};

/// A keyword written in `lang` (`rule`, `aturan`), from its English spelling.
fn kw(english: &str, lang: Lang) -> String {
    keywords::by_english(english).map_or(english.to_string(), |k| k.spelling(lang).to_string())
}

/// `` `word` ``.
fn quoted(word: impl Into<String>) -> Text {
    text!("quoted", text = word.into())
}

/// What a rule stands for in an "expected ..." list, or `None` to leave it out; keywords in the
/// language of the file.
fn describe(rule: Rule, lang: Lang) -> Option<Text> {
    let name = format!("{rule:?}");
    if let Some(keyword) = name.strip_prefix("kw_") {
        return Some(quoted(kw(keyword, lang)));
    }
    let punctuation = match rule {
        Rule::arrow => Some("=>"),
        Rule::dots => Some(".."),
        Rule::colon => Some(":"),
        Rule::lbrace => Some("{"),
        Rule::rbrace => Some("}"),
        Rule::lbracket => Some("["),
        Rule::rbracket => Some("]"),
        Rule::comma => Some(","),
        Rule::lparen => Some("("),
        Rule::rparen => Some(")"),
        Rule::equals => Some("="),
        _ => None,
    };
    if let Some(p) = punctuation {
        return Some(quoted(p));
    }
    let levels = crate::syntax::ast::Level::ALL.map(|l| l.word(lang));
    let durations = match lang {
        Lang::En => ["days", "weeks", "months"],
        Lang::Id => ["hari", "minggu", "bulan"],
    };
    Some(match rule {
        Rule::string => text!("expect-string"),
        Rule::date => text!("expect-date"),
        Rule::percent => text!("expect-percent"),
        Rule::integer => text!("expect-integer"),
        Rule::ident | Rule::set_name | Rule::sel_sector => text!("expect-name"),
        Rule::level => text!(
            "expect-level",
            national = levels[0],
            provincial = levels[1],
            local = levels[2]
        ),
        Rule::duration_unit => text!(
            "expect-duration-unit",
            days = durations[0],
            weeks = durations[1],
            months = durations[2]
        ),
        Rule::mode => text!("expect-mode"),
        Rule::string_list => text!("expect-string-list"),
        Rule::ident_list => text!("expect-ident-list"),
        Rule::EOI => text!("end-of-line"),
        Rule::expected => text!(
            "expect-answer",
            at_most = format!("{} {}", kw("at", lang), kw("most", lang)),
            baseline = kw("baseline", lang),
            exempt = kw("exempt", lang),
            none = kw("none", lang)
        ),
        _ => return None,
    })
}

/// The word (or character) found at `offset` of `text`, for "found ...".
fn found_at(text: &str, offset: usize) -> (Text, String) {
    let rest = text.get(offset..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with(['\n', '\r']) {
        return (text!("end-of-line"), String::new());
    }
    let word: String = if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '%'))
            .take(30)
            .collect()
    } else if rest.starts_with("=>") || rest.starts_with("..") {
        rest[..2].to_string()
    } else {
        rest.chars().take(1).collect()
    };
    (quoted(word.clone()), word)
}

/// Joins items as "a, b or c".
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The closest keyword to `word`, if close enough to suggest.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(d, c)| d <= 2 && d < c.len().max(word.len()) / 2 + 1)
        .min()
        .map(|(_, c)| c)
}

/// Where a piece of text was reparsed: decides the wording of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// The top level of a file.
    Item,
    /// Inside a `circular` block.
    Clause,
    /// Inside a `test` block.
    TestItem,
    /// A query.
    Query,
}

/// Converts a pest error on `text` (which starts at byte `offset` of the file) into a
/// diagnostic; `lang` is the language of the file's keywords, which its lists and "did you
/// mean" offer.
pub fn from_pest(
    error: Error<Rule>,
    file: FileId,
    text: &str,
    offset: usize,
    context: Context,
    lang: Lang,
) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let (found, word) = found_at(text, at);
    let positives: Vec<Rule> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let expected = Expectation::of(&positives, lang);
    let groups = &expected.groups;
    // The span starts at the found word (after blanks) and covers it.
    let rest = text.get(at..).unwrap_or("");
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let span = Span::new(offset + at + blanks, offset + at + blanks + word.len());
    let list = |short| Arg::OneOf {
        items: groups.clone(),
        short,
    };
    let message = |found: Text| {
        if groups.is_empty() {
            text!("unexpected-found", found = found)
        } else {
            text!("expected-found", expected = list(false), found = found)
        }
    };
    let label = if groups.is_empty() {
        text!("not-expected-here")
    } else {
        text!("expected-label", expected = list(true))
    };
    if let Some(slip) = slip(text, at + blanks, &positives, lang) {
        let span = Span::new(offset + slip.start, offset + slip.end);
        let (message, label) = match slip.message {
            Some(own) => own,
            None => (message(quoted(&text[slip.start..slip.end])), label),
        };
        return Diagnostic::of(Code::Syntax, file, span, message)
            .with_label_text(label)
            .with_help_text(slip.help);
    }
    let diagnostic =
        Diagnostic::of(Code::Syntax, file, span, message(found)).with_label_text(label);
    match help(context, &word, &expected, defines_name(&text[..at])) {
        Some(help) => diagnostic.with_help_text(help),
        None => diagnostic,
    }
}

/// What pest expected where it stopped, in the user's words.
struct Expectation<'p> {
    /// The rules pest tried there.
    positives: &'p [Rule],
    /// The keywords among them, in the file's language.
    keywords: BTreeSet<String>,
    /// What to say was expected: the kinds of thing (a clause, a selector, ...) and then the
    /// single tokens outside them.
    groups: Vec<Text>,
    is_clause: bool,
    is_item: bool,
    is_modifier: bool,
    lang: Lang,
}

/// The keywords at `place` in `lang`, each quoted, for a list of a message.
fn listed(place: keywords::Place, lang: Lang) -> Arg {
    Arg::OneOf {
        items: keywords::offered_in(place, lang).map(quoted).collect(),
        short: false,
    }
}

impl<'p> Expectation<'p> {
    fn of(positives: &'p [Rule], lang: Lang) -> Expectation<'p> {
        let mut keywords: BTreeSet<String> = BTreeSet::new();
        // By their English, so that the order of a list is the same in both languages.
        let mut expected: BTreeMap<String, Text> = BTreeMap::new();
        // pest reports either the selector's first keywords or, where a selector was expected
        // and nothing of it matched, the enclosing `sel_not`.
        let is_selector = (positives.contains(&Rule::kw_unit)
            && positives.contains(&Rule::kw_function))
            || positives.contains(&Rule::sel_not);
        let is_clause = positives.contains(&Rule::kw_title) && positives.contains(&Rule::kw_rule);
        let is_item =
            positives.contains(&Rule::kw_circular) && positives.contains(&Rule::kw_baseline);
        let is_query =
            positives.contains(&Rule::kw_explain) && positives.contains(&Rule::kw_conflicts);
        // After a rule's arrangement: its modifiers.
        let is_modifier = [Rule::kw_except, Rule::kw_overrides, Rule::kw_during]
            .iter()
            .all(|r| positives.contains(r));
        for rule in positives {
            let name = format!("{rule:?}");
            if let Some(k) = name.strip_prefix("kw_") {
                keywords.insert(kw(k, lang));
            }
            let selector_start = matches!(
                rule,
                Rule::kw_all
                    | Rule::kw_unit
                    | Rule::kw_function
                    | Rule::kw_domicile
                    | Rule::kw_office
                    | Rule::kw_gov
                    | Rule::kw_trait
                    | Rule::kw_not
                    | Rule::lparen
                    | Rule::ident
                    | Rule::sel_sector
                    | Rule::kw_otherwise
            );
            if is_selector && selector_start {
                continue;
            }
            if (is_clause || is_item || is_query) && name.starts_with("kw_") {
                continue;
            }
            if is_modifier
                && matches!(
                    rule,
                    Rule::kw_except
                        | Rule::kw_overrides
                        | Rule::kw_during
                        | Rule::kw_every
                        | Rule::kw_when
                        | Rule::dots
                )
            {
                continue;
            }
            if let Some(d) = describe(*rule, Lang::En) {
                let english = d.render(Lang::En);
                expected.insert(english, describe(*rule, lang).unwrap_or(d));
            }
        }
        let mut groups: Vec<Text> = Vec::new();
        if is_item {
            groups.push(text!("group-item", list = listed(Item, lang)));
        } else if is_clause {
            groups.push(text!("group-clause"));
        } else if is_query {
            let questions = QUESTIONS
                .iter()
                .map(|q| quoted(q.phrase_in(lang)))
                .collect();
            let list = Arg::OneOf {
                items: questions,
                short: false,
            };
            groups.push(text!("group-question", list = list));
        }
        if is_selector {
            groups.push(text!("group-selector"));
        }
        if is_modifier {
            groups.push(text!("group-modifier", list = listed(Modifier, lang)));
        }
        groups.extend(expected.into_values());
        Expectation {
            positives,
            keywords,
            groups,
            is_clause,
            is_item,
            is_modifier,
            lang,
        }
    }
}

/// The help of a diagnostic without a [`Slip`], for the `word` found where `expected` was.
fn help(context: Context, word: &str, expected: &Expectation<'_>, defining: bool) -> Option<Text> {
    let positives = expected.positives;
    if positives.contains(&Rule::percent)
        && !word.is_empty()
        && word.chars().all(|c| c.is_ascii_digit())
    {
        return Some(text!("help-percent-sign", word = word));
    }
    if let Some(help) = help_for(context, word, expected, defining) {
        return Some(help);
    }
    let lang = expected.lang;
    if expected.is_modifier {
        return Some(text!(
            "help-modifiers",
            except = kw("except", lang),
            overrides = kw("overrides", lang),
            during = kw("during", lang),
            to = kw("to", lang),
            every = kw("every", lang),
            when = kw("when", lang)
        ));
    }
    if positives.contains(&Rule::ident) && (KEYWORDS.contains(&word) || keywords::is_reserved(word))
    {
        return Some(text!("keyword-as-name-help", word = word));
    }
    None
}

fn help_for(
    context: Context,
    word: &str,
    expected: &Expectation<'_>,
    defining: bool,
) -> Option<Text> {
    let lang = expected.lang;
    let (is_clause, is_item) = (expected.is_clause, expected.is_item);
    let clauses: Vec<&str> = keywords::offered_in(Clause, lang).collect();
    let items: Vec<&str> = keywords::offered_in(Item, lang).collect();
    let modifiers: Vec<&str> = keywords::offered_in(Modifier, lang).collect();
    if is_item && clauses.contains(&word) && !items.contains(&word) {
        return Some(text!(
            "help-clause-outside",
            word = word,
            circular = kw("circular", lang)
        ));
    }
    if context == Context::Clause && word == kw("expect", lang) {
        return Some(text!(
            "help-expect-outside",
            expect = word,
            test = kw("test", lang)
        ));
    }
    if is_clause {
        // A misspelt modifier ends the rule, and its word is then read as the start of a clause.
        if let Some(k) = closest(word, clauses.iter().copied())
            .or_else(|| closest(word, modifiers.iter().copied()))
        {
            return Some(text!("did-you-mean", word = k));
        }
        return Some(text!("help-clause-start", list = listed(Clause, lang)));
    }
    if is_item && let Some(k) = closest(word, items.iter().copied()) {
        return Some(text!("did-you-mean", word = k));
    }
    let keywords = &expected.keywords;
    if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() && keywords.is_empty() {
        return Some(text!("help-percent-sign", word = word));
    }
    if !keywords.is_empty()
        && word.chars().all(|c| c.is_alphabetic() || c == '_')
        && let Some(k) = closest(word, keywords.iter().map(String::as_str))
    {
        return Some(text!("did-you-mean", word = k));
    }
    if word.chars().any(|c| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        let name = word.to_lowercase().replace('-', "_");
        if defining {
            return Some(text!("help-names-lowercase-define", name = name));
        }
        return Some(text!("help-names-lowercase", name = name, word = word));
    }
    None
}

/// Whether the text before an error ends with a keyword that defines a name (`sector`,
/// `region`, `rule`).
fn defines_name(before: &str) -> bool {
    let before = before.trim_end();
    ["sector", "region", "rule"].iter().any(|k| {
        before
            .strip_suffix(k)
            .is_some_and(|b| !b.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    })
}

mod slips;
use slips::slip;

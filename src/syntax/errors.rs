//! Turns pest's errors into `syntax` diagnostics that say what was expected, in the user's words.

use super::parser::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use pest::error::{Error, ErrorVariant, InputLocation};
use std::collections::BTreeSet;
use std::ops::ControlFlow;

// The keyword lists live in the table; `CLAUSE_KEYWORDS` is also read here by the resolver.
pub use super::keywords::CLAUSE_KEYWORDS;
use super::keywords::{self, ITEM_KEYWORDS, KEYWORDS, MODIFIER_KEYWORDS, QUESTIONS};

/// What a rule stands for in an "expected ..." list, or `None` to leave it out.
fn describe(rule: Rule) -> Option<String> {
    let name = format!("{rule:?}");
    if let Some(keyword) = name.strip_prefix("kw_") {
        return Some(format!("`{keyword}`"));
    }
    let text = match rule {
        Rule::arrow => "`=>`",
        Rule::dots => "`..`",
        Rule::colon => "`:`",
        Rule::lbrace => "`{`",
        Rule::rbrace => "`}`",
        Rule::lbracket => "`[`",
        Rule::rbracket => "`]`",
        Rule::comma => "`,`",
        Rule::lparen => "`(`",
        Rule::rparen => "`)`",
        Rule::equals => "`=`",
        Rule::string => "a quoted string",
        Rule::date => "a date `YYYY-MM-DD`",
        Rule::percent => "a percentage such as `50%`",
        Rule::integer => "a whole number",
        Rule::ident | Rule::set_name | Rule::sel_sector => "a name",
        Rule::level => "a level (`national`, `provincial` or `local`)",
        Rule::duration_unit => "`days`, `weeks` or `months`",
        Rule::mode => "`wfo`, `wfh` or `wfa`",
        Rule::string_list => "a list `[\"...\", ...]`",
        Rule::ident_list => "a list `[name, ...]`",
        Rule::EOI => "the end of the line",
        Rule::expected => "an answer such as `50%`, `at most 25%`, `baseline`, `exempt` or `none`",
        _ => return None,
    };
    Some(text.to_string())
}

/// The word (or character) found at `offset` of `text`, for "found ...".
fn found_at(text: &str, offset: usize) -> String {
    let rest = text.get(offset..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with(['\n', '\r']) {
        return "the end of the line".to_string();
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
    format!("`{word}`")
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

/// Converts a pest error on `text` (which starts at byte `offset` of the file) into a diagnostic.
pub fn from_pest(
    error: Error<Rule>,
    file: FileId,
    text: &str,
    offset: usize,
    context: Context,
) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = found_at(text, at);
    let word = found.trim_matches('`');
    let positives: Vec<Rule> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let expected = Expectation::of(&positives);
    let groups = &expected.groups;
    // The span starts at the found word (after blanks) and covers it.
    let rest = text.get(at..).unwrap_or("");
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let len = if found.starts_with('`') {
        word.len()
    } else {
        0
    };
    let span = Span::new(offset + at + blanks, offset + at + blanks + len);
    let message = if groups.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", one_of(groups))
    };
    let label = if groups.is_empty() {
        "not expected here".to_string()
    } else {
        format!("expected {}", shorten(groups))
    };
    if let Some(slip) = slip(text, at + blanks, &positives) {
        let span = Span::new(offset + slip.start, offset + slip.end);
        let (message, label) = match slip.message {
            Some(own) => own,
            None => {
                let found = format!("`{}`", &text[slip.start..slip.end]);
                (format!("expected {}, found {found}", one_of(groups)), label)
            }
        };
        return Diagnostic::new(Code::Syntax, file, span, message)
            .with_label(label)
            .with_help(slip.help);
    }
    let diagnostic = Diagnostic::new(Code::Syntax, file, span, message).with_label(label);
    match help(context, word, &expected, defines_name(&text[..at])) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// What pest expected where it stopped, in the user's words.
struct Expectation<'p> {
    /// The rules pest tried there.
    positives: &'p [Rule],
    /// The keywords among them.
    keywords: BTreeSet<String>,
    /// What to say was expected: the kinds of thing (a clause, a selector, ...) and then the
    /// single tokens outside them.
    groups: Vec<String>,
    is_clause: bool,
    is_item: bool,
    is_modifier: bool,
}

impl<'p> Expectation<'p> {
    fn of(positives: &'p [Rule]) -> Expectation<'p> {
        let mut keywords: BTreeSet<String> = BTreeSet::new();
        let mut expected: BTreeSet<String> = BTreeSet::new();
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
                keywords.insert(k.to_string());
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
            if let Some(d) = describe(*rule) {
                expected.insert(d);
            }
        }
        let mut groups: Vec<String> = Vec::new();
        if is_item {
            groups.push(format!(
                "a top-level item ({})",
                backticked(ITEM_KEYWORDS.iter().copied())
            ));
        } else if is_clause {
            groups.push("a clause".into());
        } else if is_query {
            let questions: Vec<String> = QUESTIONS.iter().map(|q| q.phrase()).collect();
            groups.push(format!(
                "a question ({})",
                backticked(questions.iter().map(String::as_str))
            ));
        }
        if is_selector {
            groups.push("a selector".into());
        }
        if is_modifier {
            groups.push(format!(
                "a modifier ({})",
                backticked(MODIFIER_KEYWORDS.iter().copied())
            ));
        }
        groups.extend(expected);
        Expectation {
            positives,
            keywords,
            groups,
            is_clause,
            is_item,
            is_modifier,
        }
    }
}

/// The help of a diagnostic without a [`Slip`], for the `word` found where `expected` was.
fn help(
    context: Context,
    word: &str,
    expected: &Expectation<'_>,
    defining: bool,
) -> Option<String> {
    let positives = expected.positives;
    if positives.contains(&Rule::percent)
        && !word.is_empty()
        && word.chars().all(|c| c.is_ascii_digit())
    {
        return Some(format!("percentages take a percent sign: `{word}%`"));
    }
    if let Some(help) = help_for(
        context,
        word,
        &expected.keywords,
        expected.is_clause,
        expected.is_item,
        defining,
    ) {
        return Some(help);
    }
    if expected.is_modifier {
        return Some(
            "after its arrangement a rule takes only `except SELECTOR`, `overrides RULE`, \
             `during DATE to DATE`, `every WEEKDAY` and `when CONDITION`"
                .into(),
        );
    }
    if positives.contains(&Rule::ident) && KEYWORDS.contains(&word) {
        return Some(format!(
            "`{word}` is a keyword and cannot be a name: choose another name"
        ));
    }
    None
}

fn shorten(groups: &[String]) -> String {
    if groups.len() > 3 {
        format!("{} or ...", groups[..3].join(", "))
    } else {
        one_of(groups)
    }
}

fn help_for(
    context: Context,
    word: &str,
    keywords: &BTreeSet<String>,
    is_clause: bool,
    is_item: bool,
    defining: bool,
) -> Option<String> {
    if is_item && CLAUSE_KEYWORDS.contains(&word) && !ITEM_KEYWORDS.contains(&word) {
        return Some(format!(
            "a `{word}` clause belongs inside a `circular \"NUMBER\" {{ ... }}` block"
        ));
    }
    if context == Context::Clause && word == "expect" {
        return Some("`expect` belongs inside a `test \"NAME\" { ... }` block".into());
    }
    if is_clause {
        if let Some(k) = closest(word, CLAUSE_KEYWORDS.iter().copied()) {
            return Some(format!("did you mean `{k}`?"));
        }
        // A misspelt modifier ends the rule, and its word is then read as the start of a clause.
        if let Some(k) = closest(word, MODIFIER_KEYWORDS.iter().copied()) {
            return Some(format!("did you mean `{k}`?"));
        }
        return Some(format!(
            "a clause starts with one of {}",
            backticked(CLAUSE_KEYWORDS.iter().copied())
        ));
    }
    if is_item {
        if let Some(k) = closest(word, ITEM_KEYWORDS.iter().copied()) {
            return Some(format!("did you mean `{k}`?"));
        }
    }
    if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() && keywords.is_empty() {
        return Some(format!("percentages take a percent sign: `{word}%`"));
    }
    if !keywords.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '_') {
        if let Some(k) = closest(word, keywords.iter().map(String::as_str)) {
            return Some(format!("did you mean `{k}`?"));
        }
    }
    if word.chars().any(|c| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        let name = word.to_lowercase().replace('-', "_");
        if defining {
            return Some(format!(
                "names are lowercase: write `{name}`, here and where it is used"
            ));
        }
        return Some(format!(
            "names are lowercase (`{name}`); unit and place names are quoted strings (`\"{word}\"`)"
        ));
    }
    None
}

/// A slip drafters make, recognised where pest stopped: its span in `text` and what to write.
struct Slip {
    start: usize,
    end: usize,
    /// The message and the label, when the usual "expected ..., found ..." does not fit.
    message: Option<(String, String)>,
    help: String,
}

/// The amounts an arrangement takes, for the help of a misspelt `wfo`, `wfh` or `wfa`.
const AMOUNTS: &str = "`wfo 50%`, `wfo at most 25%`, `wfo at least 50%` or `wfo 25%..50%` \
     (or the same with `wfh`, the share working from home, or `wfa`, from anywhere)";

/// The modes of an arrangement.
const MODES: [&str; 3] = ["wfo", "wfh", "wfa"];

/// Recognises the slips of [`Slip`] at byte `at` of `text` (only on the error path): each
/// recogniser in turn either decides (a slip, or none at all) or passes to the next.
fn slip(text: &str, at: usize, positives: &[Rule]) -> Option<Slip> {
    let stop = Stop {
        text,
        at,
        rest: text.get(at..)?,
        positives,
    };
    let recognisers: [fn(&Stop<'_>) -> Found; 6] = [
        unclosed_string,
        dashed_name,
        decimal_comma,
        written_date,
        duration_word,
        arrangement_word,
    ];
    for recognise in recognisers {
        if let ControlFlow::Break(found) = recognise(&stop) {
            return found;
        }
    }
    None
}

/// What a recogniser of slips says: `Break` with the slip (or `None`, no slip at all) when it
/// decides, `Continue` to ask the next one.
type Found = ControlFlow<Option<Slip>>;

/// Where pest stopped: the text, the offset, the text from there, and what pest tried.
struct Stop<'a> {
    text: &'a str,
    at: usize,
    rest: &'a str,
    positives: &'a [Rule],
}

impl Stop<'_> {
    /// A slip over the next `len` bytes, with the usual message.
    fn slip(&self, len: usize, help: String) -> Found {
        ControlFlow::Break(Some(Slip {
            start: self.at,
            end: self.at + len,
            message: None,
            help,
        }))
    }

    /// The text before the stop.
    fn before(&self) -> &str {
        &self.text[..self.at]
    }
}

/// The length of the run of characters `ok` accepts that starts `s`.
fn run(s: &str, ok: fn(char) -> bool) -> usize {
    s.find(|c: char| !ok(c)).unwrap_or(s.len())
}

fn digits(s: &str) -> usize {
    run(s, |c| c.is_ascii_digit())
}

/// An unclosed string: the line ends before its closing quote.
fn unclosed_string(p: &Stop<'_>) -> Found {
    if p.rest.starts_with('"') && !closes(&p.rest[1..]) {
        return ControlFlow::Break(Some(Slip {
            start: p.at,
            end: p.at + 1,
            message: Some((
                "this string is not closed".into(),
                "the string opens here".into(),
            )),
            help: "close it with `\"` on the same line".into(),
        }));
    }
    ControlFlow::Continue(())
}

/// A name written with `-` (`non-esensial`): names join words with `_`.
fn dashed_name(p: &Stop<'_>) -> Found {
    let (rest, at) = (p.rest, p.at);
    let before = p.before();
    let word_before = &before[before.len() - run_back(before)..];
    if rest.starts_with('-')
        && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        && word_before.starts_with(|c: char| c.is_ascii_alphabetic())
        && !KEYWORDS.contains(&word_before)
    {
        let tail = run(rest, |c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        let name = format!("{word_before}{}", &rest[..tail]);
        let fixed = name.to_lowercase().replace('-', "_");
        return ControlFlow::Break(Some(Slip {
            start: at - word_before.len(),
            end: at + tail,
            message: Some((
                format!("a name cannot contain `-`: `{name}`"),
                "names join words with `_`".into(),
            )),
            help: format!("write `{fixed}`"),
        }));
    }
    ControlFlow::Continue(())
}

/// A decimal comma: `33,5%` is thirty-three and a half percent.
fn decimal_comma(p: &Stop<'_>) -> Found {
    let rest = p.rest;
    if p.positives.contains(&Rule::percent) {
        let whole = digits(rest);
        if whole > 0 && rest[whole..].starts_with(',') {
            let frac = digits(&rest[whole + 1..]);
            if frac > 0 {
                let end = whole + 1 + frac;
                let end = end + usize::from(rest[end..].starts_with('%'));
                let fixed = format!("{}.{}%", &rest[..whole], &rest[whole + 1..whole + 1 + frac]);
                return p.slip(end, format!("decimals are written with a point: `{fixed}`"));
            }
        }
    }
    ControlFlow::Continue(())
}

/// A date written day first (`01-02-2024`, as in Indonesian letters) or with `/` or `.`.
fn written_date(p: &Stop<'_>) -> Found {
    let rest = p.rest;
    if !p.positives.contains(&Rule::date) {
        return ControlFlow::Continue(());
    }
    let parts: Vec<&str> = rest
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .next()
        .unwrap_or("")
        .split(['-', '/', '.'])
        .collect();
    let [a, b, c] = parts[..] else {
        return ControlFlow::Continue(());
    };
    if ![a, b, c].iter().all(|p| !p.is_empty() && p.len() <= 4) {
        return ControlFlow::Continue(());
    }
    let len = a.len() + b.len() + c.len() + 2;
    let (y, m, d) = if c.len() == 4 && a.len() <= 2 {
        (c, b, a)
    } else if a.len() == 4 && rest[..len].contains(['/', '.']) {
        (a, b, c)
    } else {
        // Three numbers, but no date written another way: no slip at all.
        return ControlFlow::Break(None);
    };
    let date = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => chrono::NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    };
    let how = if c.len() == 4 {
        "dates are written year first, `YYYY-MM-DD`"
    } else {
        "dates are written with `-`, `YYYY-MM-DD`"
    };
    let help = match date {
        Some(date) => format!("{how}: `{}`", date.format("%Y-%m-%d")),
        None => how.to_string(),
    };
    p.slip(len, help)
}

/// A duration in years (`(1 year)`, `(1 tahun)`) or misspelt.
fn duration_word(p: &Stop<'_>) -> Found {
    if !p.positives.contains(&Rule::duration_unit) {
        return ControlFlow::Continue(());
    }
    let rest = p.rest;
    let before = p.before();
    let len = run(rest, |c| c.is_alphabetic());
    let word = rest[..len].to_lowercase();
    let count: u32 = before.trim_end()[before.trim_end().len() - run_back(before.trim_end())..]
        .parse()
        .unwrap_or(1);
    let (count, unit) = match word.as_str() {
        "pekan" => (count, "week"),
        "year" | "years" | "tahun" => (count.saturating_mul(12), "month"),
        _ => match closest(&word, keywords::all_at(keywords::Place::Duration)) {
            Some(unit) => (count, unit.trim_end_matches('s')),
            None => (count, ""),
        },
    };
    let help = if unit.is_empty() {
        "a duration is counted in `days`, `weeks` or `months`: `(1 month)`".to_string()
    } else {
        let plural = if count == 1 { "" } else { "s" };
        format!("a duration is counted in days, weeks or months: `({count} {unit}{plural})`")
    };
    p.slip(len, help)
}

/// A misspelt arrangement (`wof`, `wfh100%`).
fn arrangement_word(p: &Stop<'_>) -> Found {
    if !p.positives.contains(&Rule::mode) {
        return ControlFlow::Continue(());
    }
    let rest = p.rest;
    let len = run(rest, |c| {
        c.is_alphanumeric() || matches!(c, '_' | '%' | '.')
    });
    let word = &rest[..len];
    let lower = word.to_lowercase();
    let help = if let Some(k) = MODES
        .into_iter()
        .find(|k| lower.starts_with(k) && lower[3..].starts_with(|c: char| c.is_ascii_digit()))
    {
        format!("put a space after `{k}`: `{k} {}`", &word[3..])
    } else {
        let guess = match lower.as_str() {
            "wfo" | "wfh" | "wfa" => Some(lower.as_str()),
            _ => closest(&lower, MODES).filter(|k| {
                // Only when one of them is closer than the others.
                let d = strsim::damerau_levenshtein(&lower, k);
                MODES
                    .iter()
                    .filter(|o| *o != k)
                    .all(|o| d < strsim::damerau_levenshtein(&lower, o))
            }),
        };
        match guess {
            Some(k) => format!("did you mean `{k}`? write {AMOUNTS}"),
            None => format!("write {AMOUNTS}"),
        }
    };
    p.slip(len, help)
}

/// The length of the run of name characters that ends `text`.
fn run_back(text: &str) -> usize {
    text.len()
        - text
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
            .len()
}

/// Whether the inside of a string, starting after its opening quote, closes on its line.
fn closes(inside: &str) -> bool {
    let mut escaped = false;
    for c in inside.chars() {
        match c {
            '\n' => return false,
            '"' if !escaped => return true,
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
    false
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

/// Words joined as "`a`, `b` or `c`".
fn backticked<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let words: Vec<String> = words.into_iter().map(|w| format!("`{w}`")).collect();
    one_of(&words)
}

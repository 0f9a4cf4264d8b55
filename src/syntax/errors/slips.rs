//! The slips drafters make, recognised where pest stopped (only on the error path): a decimal
//! comma, a date written day first, a duration in years, a misspelt arrangement, ... Each
//! recogniser either decides (a slip, or none at all) or passes to the next.

use super::{closest, kw};
use crate::lang::Lang;
use crate::msg::Text;
use crate::syntax::ast::DurationUnit;
use crate::syntax::keywords::{self, KEYWORDS};
use crate::syntax::parser::Rule;
use crate::text;
use std::ops::ControlFlow;

/// A slip drafters make, recognised where pest stopped: its span in `text` and what to write.
pub(super) struct Slip {
    pub start: usize,
    pub end: usize,
    /// The message and the label, when the usual "expected ..., found ..." does not fit.
    pub message: Option<(Text, Text)>,
    pub help: Text,
}

/// The amounts an arrangement takes, for the help of a misspelt `wfo`, `wfh` or `wfa`.
fn amounts(lang: Lang) -> Text {
    text!(
        "amounts",
        at_most = format!("{} {}", kw("at", lang), kw("most", lang)),
        at_least = format!("{} {}", kw("at", lang), kw("least", lang))
    )
}

/// The modes of an arrangement.
const MODES: [&str; 3] = ["wfo", "wfh", "wfa"];

/// Recognises the slips of [`Slip`] at byte `at` of `text` (only on the error path): each
/// recogniser in turn either decides (a slip, or none at all) or passes to the next.
pub(super) fn slip(text: &str, at: usize, positives: &[Rule], lang: Lang) -> Option<Slip> {
    let stop = Stop {
        text,
        at,
        rest: text.get(at..)?,
        positives,
        lang,
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
    /// The language of the file's keywords.
    lang: Lang,
}

impl Stop<'_> {
    /// A slip over the next `len` bytes, with the usual message.
    fn slip(&self, len: usize, help: Text) -> Found {
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
            message: Some((text!("slip-unclosed-string"), text!("slip-string-opens"))),
            help: text!("slip-close-string"),
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
                text!("slip-dashed-name", name = name),
                text!("slip-dashed-name-label"),
            )),
            help: text!("write", text = fixed),
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
                return p.slip(end, text!("slip-decimal-comma", fixed = fixed));
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
    let how = if c.len() == 4 { "year-first" } else { "dashes" };
    let help = match date {
        Some(date) => {
            let date = date.format("%Y-%m-%d").to_string();
            text!("slip-date-fixed", how = how, date = date)
        }
        None => text!("slip-date", how = how),
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
        "pekan" => (count, Some(DurationUnit::Week)),
        "year" | "years" | "tahun" => (count.saturating_mul(12), Some(DurationUnit::Month)),
        _ => match closest(&word, keywords::all_at(keywords::Place::Duration)) {
            Some(unit) => (count, unit_of(unit)),
            None => (count, None),
        },
    };
    let [days, weeks, months] = match p.lang {
        Lang::En => ["days", "weeks", "months"],
        Lang::Id => ["hari", "minggu", "bulan"],
    };
    let help = match unit {
        None => {
            let example = duration(1, DurationUnit::Month, p.lang);
            text!(
                "slip-duration-units",
                days = days,
                weeks = weeks,
                months = months,
                example = example
            )
        }
        Some(unit) => text!("slip-duration", example = duration(count, unit, p.lang)),
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
        text!("slip-space-after", mode = k, rest = &word[3..])
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
            Some(k) => text!("slip-mode-guess", mode = k, amounts = amounts(p.lang)),
            None => text!("slip-mode", amounts = amounts(p.lang)),
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

/// The unit of a duration keyword (`weeks`, `bulan`).
fn unit_of(word: &str) -> Option<DurationUnit> {
    match word.trim_end_matches('s') {
        "day" | "hari" => Some(DurationUnit::Day),
        "week" | "minggu" => Some(DurationUnit::Week),
        "month" | "bulan" => Some(DurationUnit::Month),
        _ => None,
    }
}

/// A duration as a file in `lang` writes it, without parentheses: `12 months`, `12 bulan`.
fn duration(count: u32, unit: DurationUnit, lang: Lang) -> String {
    let (en, id) = match unit {
        DurationUnit::Day | DurationUnit::WorkingDay => ("day", "hari"),
        DurationUnit::Week => ("week", "minggu"),
        DurationUnit::Month => ("month", "bulan"),
    };
    match lang {
        Lang::En if count == 1 => format!("{count} {en}"),
        Lang::En => format!("{count} {en}s"),
        Lang::Id => format!("{count} {id}"),
    }
}

//! Literals: strings, names, numbers, levels, durations, dates and percentages, validated.

use super::{Lowerer, P, kids, unescape};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::errors;
use crate::syntax::keywords;
use crate::syntax::parser::Rule;
use chrono::NaiveDate;

impl<'a> Lowerer<'a> {
    pub(super) fn string(&mut self, pair: P<'a>) -> Str {
        let s = self.span(&pair);
        let inner = kids(pair).next().map(|p| p.as_str()).unwrap_or("");
        if let Some(at) = inner.find('\r') {
            let at = s.start() + 1 + at;
            self.error(
                Code::Syntax,
                Span::new(at, at + 1),
                "a string cannot hold a line break",
            )
            .help = Some("close the string on the line where it opens".into());
        }
        Spanned::new(unescape(inner), s)
    }

    pub(super) fn string_list(&mut self, pair: P<'a>) -> Vec<Str> {
        kids(pair)
            .filter(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(p))
            .collect()
    }

    pub(super) fn ident(&mut self, pair: P<'a>) -> Ident {
        let s = self.span(&pair);
        let word = pair.as_str();
        if crate::syntax::keywords::is_reserved(word) {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::Syntax,
                    self.file,
                    s,
                    format!("expected a name, found `{word}`"),
                )
                .with_label("expected a name")
                .with_help(match keywords::language_of(word) {
                    Some(lang) if lang != self.lang => format!(
                        "`{word}` is a keyword in {} and cannot be a name, so that the file can be \
                         written in either language: choose another name",
                        lang.adjective()
                    ),
                    _ => format!("`{word}` is a keyword and cannot be a name: choose another name"),
                }),
            );
        }
        Spanned::new(word.to_string(), s)
    }

    pub(super) fn integer(&mut self, pair: &P<'a>) -> Option<Spanned<u32>> {
        let s = self.span(pair);
        match pair.as_str().parse::<u32>() {
            Ok(n) => Some(Spanned::new(n, s)),
            Err(_) => {
                self.error(
                    Code::Syntax,
                    s,
                    format!("the number `{}` is too large", pair.as_str()),
                );
                None
            }
        }
    }

    pub(super) fn level(&mut self, pair: P<'a>) -> Spanned<Option<Level>> {
        let s = self.span(&pair);
        let word = pair.as_str();
        let level = Level::from_name(word);
        if level.is_none() {
            let lang = self.lang;
            let names = Level::ALL.map(|l| l.word(lang));
            let help = match errors::closest(word, names) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!(
                    "a level is `{}`, `{}` or `{}`",
                    names[0], names[1], names[2]
                ),
            };
            self.error(Code::Syntax, s, format!("unknown level `{word}`"))
                .help = Some(help);
        }
        Spanned::new(level, s)
    }

    pub(super) fn duration(&mut self, pair: P<'a>) -> Option<Spanned<Duration>> {
        let s = self.span(&pair);
        let mut it = kids(pair);
        let count = self.integer(&it.next()?)?.node;
        let unit_pair = it.next()?;
        if unit_pair.as_rule() == Rule::working_days {
            let unit = DurationUnit::WorkingDay;
            return Some(Spanned::new(Duration { count, unit }, s));
        }
        let unit = match unit_pair.as_str().trim_end_matches('s') {
            "day" | "hari" => DurationUnit::Day,
            "week" | "minggu" => DurationUnit::Week,
            _ => DurationUnit::Month,
        };
        Some(Spanned::new(Duration { count, unit }, s))
    }

    /// The weekdays of `every friday` or `every [wednesday, friday]` (a `weekday` or a
    /// `weekday_list` pair); an empty list is reported.
    pub(super) fn weekdays(&mut self, pair: P<'a>) -> Vec<WeekdayLit> {
        if pair.as_rule() == Rule::weekday {
            return vec![self.weekday(pair)];
        }
        let s = self.span(&pair);
        let days: Vec<WeekdayLit> = kids(pair)
            .filter(|p| p.as_rule() == Rule::weekday)
            .map(|p| self.weekday(p))
            .collect();
        if days.is_empty() {
            self.error(Code::Syntax, s, "the list of weekdays is empty".to_string())
                .help = Some("name at least one weekday, such as `[wednesday, friday]`".into());
        }
        days
    }

    /// Validates a weekday name (`monday` ... `sunday`, `senin` ... `minggu`), with "did you
    /// mean" for a slip, among the names of the file's language.
    pub(super) fn weekday(&mut self, pair: P<'a>) -> WeekdayLit {
        let s = self.span(&pair);
        let word = pair.as_str();
        let day = crate::calendar::parse_weekday(word);
        if day.is_none() {
            let lang = self.lang;
            let names: Vec<&str> = crate::calendar::WEEK
                .iter()
                .map(|d| crate::calendar::weekday_word(*d, lang))
                .collect();
            let help = match errors::closest(word, names.iter().copied()) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("a weekday is one of {}", names.join(", ")),
            };
            self.error(Code::Syntax, s, format!("`{word}` is not a weekday"))
                .help = Some(help);
        }
        Spanned::new(day, s)
    }

    /// `holiday DATE [to DATE] STRING`.
    pub(super) fn holiday(&mut self, pair: P<'a>) -> Option<Spanned<HolidayDef>> {
        let s = self.span(&pair);
        let mut dates = Vec::new();
        let mut name = None;
        for p in kids(pair) {
            match p.as_rule() {
                Rule::date => dates.push(self.date(p)),
                Rule::string => name = Some(self.string(p)),
                _ => {}
            }
        }
        let mut dates = dates.into_iter();
        let from = dates.next()?;
        let to = dates.next();
        let def = HolidayDef {
            from,
            to,
            name: name?,
        };
        if let Some(to) = &def.to {
            self.check_order(&def.from, to, "the holiday");
        }
        Some(Spanned::new(def, s))
    }

    /// `workweek DAY to DAY`.
    pub(super) fn workweek(&mut self, pair: P<'a>) -> Option<Spanned<WorkweekDef>> {
        let s = self.span(&pair);
        let mut days = kids(pair).filter(|p| p.as_rule() == Rule::weekday);
        let first = self.weekday(days.next()?);
        let last = self.weekday(days.next()?);
        Some(Spanned::new(WorkweekDef { first, last }, s))
    }

    /// Validates a date literal (`invalid-date`).
    pub(super) fn date(&mut self, pair: P<'a>) -> DateLit {
        let s = self.span(&pair);
        let text = pair.as_str();
        let parts: Vec<u32> = text.split('-').filter_map(|p| p.parse().ok()).collect();
        let [y, m, d] = parts[..] else {
            self.error(Code::InvalidDate, s, format!("`{text}` is not a date"));
            return Spanned::new(None, s);
        };
        match NaiveDate::from_ymd_opt(y as i32, m, d) {
            Some(date) if !YEARS.contains(&y) => {
                let year = &text[..4];
                let help = if y < 100 {
                    format!(
                        "edaran accepts the years {} to {}, and `{year}` looks like a typo: write the year in full, such as `{}`",
                        YEARS.start(),
                        YEARS.end(),
                        NaiveDate::from_ymd_opt(2000 + y as i32, m, d)
                            .unwrap_or(date)
                            .format("%Y-%m-%d")
                    )
                } else {
                    format!(
                        "edaran accepts the years {} to {}: check the year",
                        YEARS.start(),
                        YEARS.end()
                    )
                };
                self.error(
                    Code::InvalidDate,
                    s,
                    format!("`{text}` is not a plausible date: the year `{year}` is out of range"),
                )
                .help = Some(help);
                Spanned::new(None, s)
            }
            Some(date) => {
                if text.len() != 10 {
                    self.error(
                        Code::InvalidDate,
                        s,
                        format!("dates are written `YYYY-MM-DD`, not `{text}`"),
                    )
                    .help = Some(format!("write `{}`", date.format("%Y-%m-%d")));
                }
                Spanned::new(Some(date), s)
            }
            None => {
                let help = if (1..=12).contains(&m) {
                    let last = last_day_of_month(y as i32, m);
                    format!(
                        "{} has {last} days",
                        NaiveDate::from_ymd_opt(y as i32, m, 1)
                            .map(|f| f.format("%B %Y").to_string())
                            .unwrap_or_default()
                    )
                } else {
                    format!("there is no month {m}: months go from 01 to 12")
                };
                self.error(Code::InvalidDate, s, format!("`{text}` is not a date"))
                    .help = Some(help);
                Spanned::new(None, s)
            }
        }
    }

    pub(super) fn check_order(&mut self, from: &DateLit, to: &DateLit, what: &str) {
        if let (Some(a), Some(b)) = (from.node, to.node) {
            if b < a {
                let file = self.file;
                let d = self.error(
                    Code::EmptyPeriod,
                    from.span,
                    format!("{what} ends on {b} before it starts on {a}"),
                );
                d.label = Some(format!("starts on {a}"));
                d.labels.push(crate::diagnostic::Label {
                    file,
                    span: to.span,
                    message: format!("ends on {b}"),
                    text: None,
                });
                d.help = Some("swap the two dates".into());
            }
        }
    }

    /// Validates a percentage literal (`invalid-percent`).
    pub(super) fn percent(&mut self, pair: P<'a>) -> PctLit {
        let s = self.span(&pair);
        let text = pair.as_str().trim_end_matches('%');
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        if frac.len() > 2 {
            let rounded: f64 = text.parse().unwrap_or(0.0);
            self.error(
                Code::InvalidPercent,
                s,
                format!("`{text}%` has more than two decimals"),
            )
            .help = Some(format!("write `{:.2}%`", rounded));
            return Spanned::new(None, s);
        }
        let whole: u64 = whole.parse().unwrap_or(u64::MAX);
        let frac: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let hundredths = whole.saturating_mul(100).saturating_add(frac);
        if hundredths > 10000 {
            self.error(
                Code::InvalidPercent,
                s,
                format!("`{text}%` is more than 100%"),
            )
            .help = Some("a share of staff is between 0% and 100%".into());
            return Spanned::new(None, s);
        }
        Spanned::new(Some(Pct(hundredths as u16)), s)
    }
}

/// The years a date may have: an earlier or later one is a typo (`0023` for `2023`), and the
/// region algebra's days start well before the first.
pub const YEARS: std::ops::RangeInclusive<u32> = 1900..=2199;

/// The number of days of month `m` of year `y`.
pub fn last_day_of_month(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some())
        .unwrap_or(28)
}

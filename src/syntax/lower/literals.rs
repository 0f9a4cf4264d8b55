//! Literals: strings, names, numbers, levels, durations, dates and percentages, validated.

use super::{Lowerer, P, kids, unescape};
use crate::calendar::weekday_word;
use crate::diagnostic::Code;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::errors;
use crate::syntax::keywords;
use crate::syntax::parser::Rule;
use crate::text;
use chrono::NaiveDate;
use chrono::Weekday;

impl<'a> Lowerer<'a> {
    pub(super) fn string(&mut self, pair: P<'a>) -> Str {
        let s = self.span(&pair);
        let inner = kids(pair).next().map(|p| p.as_str()).unwrap_or("");
        if let Some(at) = inner.find('\r') {
            let at = s.start() + 1 + at;
            self.error_text(
                Code::Syntax,
                Span::new(at, at + 1),
                text!("string-line-break"),
            )
            .set_help_text(text!("string-line-break-help"));
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
            let help = match keywords::language_of(word) {
                Some(lang) if lang != self.lang => {
                    text!(
                        "keyword-as-name-other-help",
                        word = word,
                        lang = lang.code()
                    )
                }
                _ => text!("keyword-as-name-help", word = word),
            };
            let d = self.error_text(Code::Syntax, s, text!("keyword-as-name", word = word));
            d.set_label_text(text!("keyword-as-name-label"));
            d.set_help_text(help);
        }
        Spanned::new(word.to_string(), s)
    }

    pub(super) fn integer(&mut self, pair: &P<'a>) -> Option<Spanned<u32>> {
        let s = self.span(pair);
        match pair.as_str().parse::<u32>() {
            Ok(n) => Some(Spanned::new(n, s)),
            Err(_) => {
                let number = pair.as_str();
                self.error_text(Code::Syntax, s, text!("number-too-large", number = number));
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
                Some(k) => text!("did-you-mean", word = k),
                None => text!(
                    "level-help",
                    national = names[0],
                    provincial = names[1],
                    local = names[2]
                ),
            };
            self.error_text(Code::Syntax, s, text!("unknown-level", word = word))
                .set_help_text(help);
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
            let example = [Weekday::Wed, Weekday::Fri].map(|d| weekday_word(d, self.lang));
            let example = format!("[{}]", example.join(", "));
            self.error_text(Code::Syntax, s, text!("weekdays-empty"))
                .set_help_text(text!("weekdays-empty-help", example = example));
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
                Some(k) => text!("did-you-mean", word = k),
                None => text!("weekday-help", names = names.join(", ")),
            };
            self.error_text(Code::Syntax, s, text!("not-a-weekday", word = word))
                .set_help_text(help);
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
            self.check_order(&def.from, to, "holiday");
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
            self.error_text(Code::InvalidDate, s, text!("not-a-date", date = text));
            return Spanned::new(None, s);
        };
        match NaiveDate::from_ymd_opt(y as i32, m, d) {
            Some(date) if !YEARS.contains(&y) => {
                let year = &text[..4];
                let (first, last) = (YEARS.start().to_string(), YEARS.end().to_string());
                let help = if y < 100 {
                    let full = NaiveDate::from_ymd_opt(2000 + y as i32, m, d).unwrap_or(date);
                    let full = full.format("%Y-%m-%d").to_string();
                    text!(
                        "year-typo-help",
                        first = first,
                        last = last,
                        year = year,
                        full = full
                    )
                } else {
                    text!("year-range-help", first = first, last = last)
                };
                let message = text!("implausible-date", date = text, year = year);
                self.error_text(Code::InvalidDate, s, message)
                    .set_help_text(help);
                Spanned::new(None, s)
            }
            Some(date) => {
                if text.len() != 10 {
                    let date = date.format("%Y-%m-%d").to_string();
                    self.error_text(Code::InvalidDate, s, text!("date-form", date = text))
                        .set_help_text(text!("write", text = date));
                }
                Spanned::new(Some(date), s)
            }
            None => {
                let help = if (1..=12).contains(&m) {
                    let days = last_day_of_month(y as i32, m);
                    text!("month-days", month = m, year = y.to_string(), days = days)
                } else {
                    text!("no-such-month", month = m)
                };
                self.error_text(Code::InvalidDate, s, text!("not-a-date", date = text))
                    .set_help_text(help);
                Spanned::new(None, s)
            }
        }
    }

    /// Reports a period that ends before it starts; `what` is `validity`, `during`, `holiday`
    /// or `period` (a question's).
    pub(super) fn check_order(&mut self, from: &DateLit, to: &DateLit, what: &'static str) {
        if let (Some(a), Some(b)) = (from.node, to.node) {
            if b < a {
                let file = self.file;
                let (a, b) = (a.to_string(), b.to_string());
                let message = text!("empty-period", what = what, from = &a, to = &b);
                let d = self.error_text(Code::EmptyPeriod, from.span, message);
                d.set_label_text(text!("starts-on", date = a));
                d.push_secondary_text(file, to.span, text!("ends-on", date = b));
                d.set_help_text(text!("empty-period-help"));
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
            let rounded = format!("{rounded:.2}%");
            self.error_text(
                Code::InvalidPercent,
                s,
                text!("percent-decimals", percent = text),
            )
            .set_help_text(text!("write", text = rounded));
            return Spanned::new(None, s);
        }
        let whole: u64 = whole.parse().unwrap_or(u64::MAX);
        let frac: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let hundredths = whole.saturating_mul(100).saturating_add(frac);
        if hundredths > 10000 {
            self.error_text(
                Code::InvalidPercent,
                s,
                text!("percent-above-100", percent = text),
            )
            .set_help_text(text!("percent-above-100-help"));
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

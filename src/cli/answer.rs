//! Rendering answers ([`Reply`], from [`Engine::ask`]): the human text, and the JSON of
//! docs/language.md section 13. Both read the same answer; neither asks the engine anything
//! the answer does not hold, beyond names and dates of circulars and rules.

use super::l10n;
use super::lang::Lang;
use edaran::eval::ask::{AnsweredCase, Asking, Cases, Reply};
use edaran::eval::query::{Axis, Case};
use edaran::eval::{
    Answer, CircularOutcome, CircularTrace, Engine, Explanation, LeftOut, RuleOutcome, Status,
    case_lines_in, render_case_condition_in,
};
use edaran::region;
use serde_json::{Map, Value, json};

mod in_force;
mod reasons;
use in_force::{in_force_period_json, in_force_period_text};
use reasons::{circular_reason, dropped_with_circular, rule_reason};
use std::fmt::Write as _;

// -------------------------------------------------------------------------------------------------
// Human text

/// The human text of an answer, starting with the question as shown, escaped for a terminal.
pub fn reply_text(engine: &Engine<'_>, shown: &str, reply: &Reply) -> String {
    let mut out = format!("{shown}\n");
    match reply {
        Reply::InForce(ids) => {
            if ids.is_empty() {
                let _ = writeln!(out, "  {}", tr!("answer-none-in-force"));
            }
            for &i in ids {
                let c = engine.circular(i);
                let to = c.valid_to.map(|t| t.to_string());
                let line = tr!(
                    "answer-in-force",
                    id = c.id,
                    level = c.level.as_str(),
                    from = c.valid_from.to_string(),
                    to = to.unwrap_or_else(|| tr!("answer-revocation"))
                );
                let _ = writeln!(out, "  {line}");
            }
        }
        Reply::InForcePeriod(period) => in_force_period_text(engine, period, &mut out),
        Reply::Conflicts(findings) => {
            if findings.is_empty() {
                let _ = writeln!(out, "  {}", tr!("answer-no-conflict"));
            }
            for d in findings {
                let d = d.in_language(words());
                let file = &engine.ws.sources[d.file.0 as usize].name;
                let _ = writeln!(out, "  {file} [{}] {}", d.code, d.message);
                if let Some(w) = &d.witness {
                    let _ = writeln!(out, "    {}: {w}", tr!("witness"));
                }
            }
        }
        Reply::Cases(cases) => cases_reply_text(engine, cases, &mut out),
    }
    for_terminal(out)
}

/// A day with its weekday: "Monday 2023-08-28".
fn day_text(day: region::Day) -> String {
    l10n::with_weekday(region::date(day))
}

/// "a to b".
fn range(from: impl ToString, to: impl ToString) -> String {
    tr!("range", from = from.to_string(), to = to.to_string())
}

/// "a", "a and b", "a, b and c", in the run's language.
fn joined(items: &[String]) -> String {
    edaran::msg::all_of(items, words())
}

/// "  note: NOTE" under `indent`.
fn note_line(out: &mut String, indent: &str, note: &str) {
    let _ = writeln!(out, "{indent}{}", tr!("answer-note", note = note));
}

/// The language of the run, for the words of the library.
fn words() -> edaran::Lang {
    l10n::lang().keywords()
}

/// A text of the library in the run's language.
fn shown(text: &edaran::msg::Text) -> String {
    text.render(words())
}

/// The question's own notes, once, then its cases (explained, for `explain`).
fn cases_reply_text(engine: &Engine<'_>, reply: &Cases, out: &mut String) {
    for note in &reply.notes {
        note_line(out, "  ", &shown(note));
    }
    let cases = &reply.cases;
    if reply.asking != Asking::Explain {
        out.push_str(&cases_text(engine, cases, reply.asking == Asking::Priority));
        return;
    }
    for (k, c) in cases.iter().enumerate() {
        if cases.len() > 1 {
            let line = tr!(
                "answer-case",
                case = k + 1,
                cases = cases.len(),
                condition = render_case_condition_in(engine, &c.case, words()),
                days = region::describe_days_in(c.case.from, c.case.to, c.case.days, words())
            );
            let _ = writeln!(out, "  {line}");
        }
        if let Some(e) = &c.explanation {
            out.push_str(&explanation_text(engine, e));
        }
    }
}

fn rules_text(engine: &Engine<'_>, answer: &Answer) -> String {
    let names: Vec<String> = answer
        .decided_by
        .iter()
        .map(|r| {
            let c = engine.circular(r.circular);
            let rule = engine.ws.rule_name(c, &c.rules[r.rule]);
            tr!("answer-rule-of", rule = rule, circular = c.id)
        })
        .collect();
    names.join(", ")
}

/// One line for an answer: "WFO at most 25% (rule `essential` of 045.2103/VII/POSKO/2021)".
pub fn answer_line(engine: &Engine<'_>, answer: &Answer, priority_only: bool) -> String {
    if priority_only {
        return match answer.wfh_priority {
            Some(n) => tr!("answer-priority", rank = n.to_string()),
            None => tr!("answer-no-priority"),
        };
    }
    let mut line = answer.summary_in(words());
    if !answer.decided_by.is_empty() {
        let _ = write!(line, " ({})", rules_text(engine, answer));
    }
    if let Some(n) = answer.wfh_priority {
        let _ = write!(line, "; {}", tr!("answer-priority", rank = n.to_string()));
    }
    line
}

fn range_text(case: &Case) -> String {
    region::describe_days_in(case.from, case.to, case.days, words())
}

/// The days off of a question's period, in one line: "Saturdays and Sundays, Thursday
/// 2026-05-14 (Kenaikan Yesus Kristus)".
fn days_off_text(off: &[&Case]) -> String {
    // The holidays' days: a weekend day that is one is named with its holiday.
    let holiday = |d: region::Day| {
        off.iter()
            .any(|c| c.days.is_all() && c.from <= d && d <= c.to)
    };
    let mut parts: Vec<(region::Day, String)> = Vec::new();
    for c in off {
        let reason = c.answer.day_off.clone().unwrap_or_default();
        if !c.days.is_all() && c.to - c.from < 7 {
            // A few days outside the working week: each by name, in date order.
            parts.extend(
                (c.from..=c.to)
                    .filter(|&d| c.days.contains(region::weekday(d)) && !holiday(d))
                    .map(|d| (d, day_text(d))),
            );
        } else if !c.days.is_all() {
            // The weekdays outside the working week: their plural is the reason.
            let (from, to) = (
                region::date(c.from).to_string(),
                region::date(c.to).to_string(),
            );
            let text = tr!("answer-days-from-to", days = reason, from = from, to = to);
            parts.push((c.from, text));
        } else {
            let dates = if c.from == c.to {
                day_text(c.from)
            } else {
                range(day_text(c.from), day_text(c.to))
            };
            let text = if reason == edaran::calendar::weekday_name(region::weekday(c.from)) {
                dates
            } else {
                format!("{dates} ({reason})")
            };
            parts.push((c.from, text));
        }
    }
    parts.sort_by_key(|(d, _)| *d);
    let texts: Vec<String> = parts.into_iter().map(|(_, t)| t).collect();
    texts.join(", ")
}

/// The human text of the cases of one question: the working days' cases by date range, then
/// the days off in one line.
pub fn cases_text(engine: &Engine<'_>, cases: &[AnsweredCase], priority_only: bool) -> String {
    let (off, cases): (Vec<&Case>, Vec<&Case>) = cases
        .iter()
        .map(|c| &c.case)
        .partition(|c| c.answer.status == Status::DayOff);
    let mut out = String::new();
    if cases.is_empty() {
        match off.as_slice() {
            [one] if one.from == one.to => {
                let _ = writeln!(out, "  {}", one.answer.summary_in(words()));
            }
            _ => {
                let days = days_off_text(&off);
                let _ = writeln!(out, "  {}", tr!("answer-every-day-off", days = days));
            }
        }
        return out;
    }
    let key = |c: &Case| (c.from, c.to, c.days);
    let mut i = 0;
    while i < cases.len() {
        // The cases of one date range.
        let here = key(cases[i]);
        let j = cases[i..]
            .iter()
            .position(|c| key(c) != here)
            .map_or(cases.len(), |k| i + k);
        let group = &cases[i..j];
        let several_ranges =
            cases.first().map(|c| key(c)) != cases.last().map(|c| key(c)) || !off.is_empty();
        let indent = if several_ranges {
            let _ = writeln!(out, "  {}:", range_text(group[0]));
            "    "
        } else {
            "  "
        };
        let lines = case_lines_in(engine, group, words());
        for (condition, k) in lines {
            let case = group[k];
            let condition = if group.len() == 1 {
                String::new()
            } else if k == group.len() - 1 {
                format!("{}: ", tr!("answer-otherwise"))
            } else {
                format!("{condition}: ")
            };
            let _ = writeln!(
                out,
                "{indent}{condition}{}",
                answer_line(engine, &case.answer, priority_only)
            );
            for note in &case.answer.notes {
                note_line(&mut out, &format!("{indent}  "), &shown(note));
            }
        }
        i = j;
    }
    if !off.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            tr!("answer-days-off", days = days_off_text(&off))
        );
    }
    out
}

/// The human text of an explanation.
pub fn explanation_text(engine: &Engine<'_>, e: &Explanation) -> String {
    let mut out = String::new();
    let answer = answer_line(engine, &e.answer, false);
    let _ = writeln!(out, "  {}", tr!("answer-answer", answer = answer));
    // The notes that are not principles (those are given below, in their place): "no circular
    // names this government", which an explanation that lists no circular must not hide.
    for note in e
        .answer
        .notes
        .iter()
        .filter(|n| !e.principles.iter().any(|p| &p.text == *n))
    {
        note_line(&mut out, "  ", &shown(note));
    }
    for t in &e.circulars {
        circular_text(engine, t, &mut out);
    }
    if !e.left_out.is_empty() {
        let _ = writeln!(out, "  {}", tr!("answer-not-listed"));
        for &(group, n) in &e.left_out {
            let _ = writeln!(out, "    {}", left_out_text(group, n, e.day));
        }
    }
    for p in &e.principles {
        let _ = writeln!(out, "  {}", shown(&p.text));
    }
    if e.answer.status == Status::DayOff {
        let _ = writeln!(out, "  {}", tr!("answer-no-rule-on-day-off"));
    } else if e.answer.decided_by.is_empty() {
        let line = tr!(
            "answer-baseline",
            reason = baseline_reason(e.answer.status),
            wfo = engine.ws.baseline.to_string()
        );
        let _ = writeln!(out, "  {line}");
    }
    for (c, duty) in &e.duties {
        let line = tr!(
            "answer-duty",
            circular = engine.circular(*c).id,
            duty = duty
        );
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// Why the baseline answers, when no rule decides.
fn baseline_reason(status: Status) -> String {
    match status {
        Status::Exempt => tr!("answer-exempt-no-rule"),
        _ => tr!("answer-no-rule"),
    }
}

/// The lines of one circular of an explanation: whether it applies, and what became of each
/// of its rules.
fn circular_text(engine: &Engine<'_>, t: &CircularTrace, out: &mut String) {
    let ws = engine.ws;
    let c = engine.circular(t.circular);
    let lang = l10n::lang();
    let why = match circular_reason(lang, engine, c, &t.outcome) {
        None => tr!("answer-applies"),
        Some(reason) => tr!("answer-does-not-apply", reason = reason),
    };
    let line = tr!(
        "answer-circular",
        id = c.id,
        level = c.level.as_str(),
        signed = c.signed.to_string(),
        why = why
    );
    let _ = writeln!(out, "  {line}");
    // Every candidate rule is listed (docs/language.md section 9), also those of a circular that
    // does not apply: they drop out with it.
    if let Some(reason) = dropped_with_circular(lang, engine, &t.outcome) {
        for rule in &c.rules {
            let rule = ws.rule_name(c, rule);
            let line = tr!("answer-rule-dropped", rule = rule, reason = reason);
            let _ = writeln!(out, "    {line}");
        }
    }
    for (r, outcome) in &t.rules {
        let rule = &c.rules[*r];
        let name = ws.rule_name(c, rule);
        let line = match rule_reason(lang, engine, c, *r, outcome) {
            None => tr!(
                "answer-rule-decides",
                rule = name,
                wfo = rule.wfo.shown_in(words())
            ),
            Some(reason) => tr!("answer-rule-dropped", rule = name, reason = reason),
        };
        let _ = writeln!(out, "    {line}");
    }
    let line = match t.constraint {
        Some(Some(iv)) => tr!("answer-circular-requires", wfo = iv.shown_in(words())),
        Some(None) => tr!("answer-circular-conflict"),
        None => return,
    };
    let _ = writeln!(out, "    {line}");
}

/// One line for a group of circulars an explanation does not list: "12 earlier circulars for
/// this government, ended before 2021-05-01".
fn left_out_text(group: LeftOut, n: usize, day: region::Day) -> String {
    let date = region::date(day).to_string();
    match group {
        LeftOut::OtherGovernments => tr!("left-out-other-governments", circulars = n),
        LeftOut::Ended => tr!("left-out-ended", circulars = n, date = date),
        LeftOut::Revoked => tr!("left-out-revoked", circulars = n, date = date),
        LeftOut::NotYetInForce => tr!("left-out-not-yet", circulars = n, date = date),
    }
}

/// Human text for a terminal: the control and invisible characters of names and texts from the
/// files (or the question) escaped (`\u{1b}`). JSON is left exact.
pub fn for_terminal(text: String) -> String {
    match edaran::text::escape(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

// -------------------------------------------------------------------------------------------------
// JSON

/// The entry of `answers` for an answer.
pub fn reply_json(engine: &Engine<'_>, shown: &str, reply: &Reply) -> Value {
    match reply {
        Reply::InForce(ids) => {
            let list: Vec<Value> = ids
                .iter()
                .map(|&i| {
                    let c = engine.circular(i);
                    let to = c.valid_to.map(|t| t.to_string());
                    json!({"id": c.id, "valid_from": c.valid_from.to_string(), "valid_to": to})
                })
                .collect();
            json!({"query": shown, "circulars": list})
        }
        Reply::InForcePeriod(period) => in_force_period_json(engine, shown, period),
        Reply::Conflicts(findings) => {
            let list: Vec<Value> = findings
                .iter()
                .map(|d| {
                    let file = &engine.ws.sources[d.file.0 as usize].name;
                    json!({"code": d.code.as_str(), "message": d.message, "file": file, "witness": d.witness})
                })
                .collect();
            json!({"query": shown, "conflicts": list})
        }
        Reply::Cases(reply) => {
            let cases: Vec<Value> = reply
                .cases
                .iter()
                .map(|c| {
                    let mut v = case_json(engine, &c.case, c.explanation.as_ref());
                    if reply.asking == Asking::Priority {
                        // A `wfh priority` question is about the rank only: cases are split by
                        // it, so the other parts of the answer are not the case's.
                        if let Some(o) = v.as_object_mut() {
                            for key in ["status", "wfo", "decided_by", "notes"] {
                                o.remove(key);
                            }
                        }
                    }
                    v
                })
                .collect();
            let mut json = json!({"query": shown, "cases": cases});
            if !reply.notes.is_empty() {
                json["notes"] = json!(
                    reply
                        .notes
                        .iter()
                        .map(|n| n.render(edaran::Lang::En))
                        .collect::<Vec<_>>()
                );
            }
            json
        }
    }
}

/// The JSON of one case.
pub fn case_json(engine: &Engine<'_>, case: &Case, explanation: Option<&Explanation>) -> Value {
    let ws = engine.ws;
    let mut when = Map::new();
    for (axis, set) in &case.when {
        let dim = match *axis {
            Axis::Classes(dim) => dim,
            Axis::Flag(dim, flag) => {
                // `"trait": {"pregnant": true}`, `"condition": {"urgent": false}`.
                let name = engine
                    .universe
                    .value(dim, flag)
                    .map_or("?", |s| ws.interner.resolve(s));
                let entry = when
                    .entry(dim.info().noun.to_string())
                    .or_insert_with(|| json!({}));
                entry[name] = json!(set.contains(1));
                continue;
            }
        };
        let set = engine.universe.normalize(dim, set);
        let names: Vec<String> = set
            .items()
            .iter()
            .filter(|&&c| c != engine.universe.named(dim))
            .map(|&c| engine.universe.class_name(dim, c, &ws.interner))
            .collect();
        let key = if set.is_negated() { "not_in" } else { "in" };
        when.insert(dim.keyword().to_string(), json!({ key: names }));
    }
    let a = &case.answer;
    let mut v = json!({
        "when": when,
        "from": region::date(case.from).to_string(),
        "to": region::date(case.to).to_string(),
        "status": a.status.as_str(),
        "wfo": a.wfo.map(wfo_json),
        "wfh_priority": a.wfh_priority,
        "decided_by": a.decided_by.iter().map(|r| {
            let c = engine.circular(r.circular);
            json!({"circular": c.id, "rule": ws.rule_name(c, &c.rules[r.rule])})
        }).collect::<Vec<_>>(),
        "notes": a.notes.iter().map(|n| n.render(edaran::Lang::En)).collect::<Vec<_>>(),
    });
    // The calendar's words, only where they say something: the weekdays of a case that holds
    // on some of them, and why a day is off.
    if !case.days.is_all() {
        v["weekdays"] = json!(
            case.days
                .days()
                .map(|d| edaran::calendar::weekday_name(d).to_ascii_lowercase())
                .collect::<Vec<_>>()
        );
    }
    if let Some(reason) = &a.day_off {
        v["day_off"] = json!(reason);
    }
    if let Some(e) = explanation {
        v["explanation"] = explanation_json(engine, e);
        v["duties"] = json!(e.duties.iter().map(|(_, d)| d).collect::<Vec<_>>());
        v["not_listed"] = json!(
            e.left_out
                .iter()
                .map(|&(group, n)| json!({"group": group.as_str(), "circulars": n}))
                .collect::<Vec<_>>()
        );
    }
    v
}

/// The steps of an explanation as data, in the order of its text (docs/language.md section
/// 13): each circular listed, each group not listed, each principle applied, and the baseline
/// when no rule decides. Each step says what it is in `step`.
fn explanation_json(engine: &Engine<'_>, e: &Explanation) -> Value {
    let mut steps: Vec<Value> = e
        .circulars
        .iter()
        .map(|t| circular_json(engine, t))
        .collect();
    steps.extend(
        e.left_out.iter().map(
            |&(group, n)| json!({"step": "not_listed", "group": group.as_str(), "circulars": n}),
        ),
    );
    steps.extend(
        e.principles.iter().map(
            |p| json!({"step": "principle", "principle": p.principle.as_str(), "text": p.text.render(edaran::Lang::En)}),
        ),
    );
    if e.answer.status == Status::DayOff {
        steps.push(json!({"step": "day_off", "reason": e.answer.day_off}));
    } else if e.answer.decided_by.is_empty() {
        let baseline = engine.ws.baseline;
        steps.push(json!({
            "step": "baseline",
            "status": e.answer.status.as_str(),
            "wfo": wfo_json(edaran::syntax::ast::Interval::home(baseline, baseline)),
        }));
    }
    json!(steps)
}

/// One circular of an explanation: whether it applies and why not, and each of its rules.
fn circular_json(engine: &Engine<'_>, t: &CircularTrace) -> Value {
    let ws = engine.ws;
    let c = engine.circular(t.circular);
    let rule = |r: usize, outcome: &str, reason: Option<String>, by: &[usize]| {
        let rule = &c.rules[r];
        json!({
            "rule": ws.rule_name(c, rule),
            "outcome": outcome,
            "reason": reason,
            "wfo": wfo_json(rule.wfo),
            "overridden_by": by.iter().map(|&b| ws.rule_name(c, &c.rules[b])).collect::<Vec<_>>(),
        })
    };
    let mut rules: Vec<Value> = Vec::new();
    if let Some(reason) = dropped_with_circular(Lang::En, engine, &t.outcome) {
        for r in 0..c.rules.len() {
            rules.push(rule(
                r,
                "circular_does_not_apply",
                Some(reason.clone()),
                &[],
            ));
        }
    }
    for (r, outcome) in &t.rules {
        let by = match outcome {
            RuleOutcome::OverriddenBy(by) => by.as_slice(),
            _ => &[],
        };
        rules.push(rule(
            *r,
            outcome.as_str(),
            rule_reason(Lang::En, engine, c, *r, outcome),
            by,
        ));
    }
    let revoked_by = match t.outcome {
        CircularOutcome::RevokedBy(by) => Some(&engine.circular(by).id),
        _ => None,
    };
    json!({
        "step": "circular",
        "circular": c.id,
        "level": c.level.as_str(),
        "signed": c.signed.to_string(),
        "valid_from": c.valid_from.to_string(),
        "valid_to": c.valid_to.map(|t| t.to_string()),
        "outcome": t.outcome.as_str(),
        "reason": circular_reason(Lang::En, engine, c, &t.outcome),
        "revoked_by": revoked_by,
        "rules": rules,
        "requires": t.constraint.flatten().map(wfo_json),
        "conflict": t.constraint == Some(None),
    })
}

/// A range of shares and where the others work: `{"min", "max", "remote"}`.
fn wfo_json(iv: edaran::syntax::ast::Interval) -> Value {
    json!({"min": pct(iv.min), "max": pct(iv.max), "remote": iv.remote.as_str()})
}

/// A share as a JSON number: whole percentages as integers, others with their decimals.
pub fn pct(p: edaran::syntax::ast::Pct) -> Value {
    if p.0 % 100 == 0 {
        json!(p.0 / 100)
    } else {
        json!(p.0 as f64 / 100.0)
    }
}

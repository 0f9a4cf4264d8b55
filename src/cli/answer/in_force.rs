//! The answer of `in force from DATE to DATE` (`eval::InForcePeriod`), as text and as JSON.

use super::{day_text, joined, range};
use edaran::eval::{Engine, InForcePeriod};
use edaran::region;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// The timeline of `in force from DATE to DATE`: one line per circular, by first day in force:
/// "SE-X (provincial): Monday 2024-03-01 to Thursday 2024-03-14, 14 days; revoked by SE-Y from
/// Friday 2024-03-15".
pub(super) fn in_force_period_text(engine: &Engine<'_>, period: &InForcePeriod, out: &mut String) {
    if period.circulars.is_empty() {
        let _ = writeln!(out, "  {}", tr!("answer-none-in-force-period"));
    }
    for span in &period.circulars {
        let c = engine.circular(span.circular);
        let runs: Vec<String> = span
            .windows
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    day_text(a)
                } else {
                    range(day_text(a), day_text(b))
                }
            })
            .collect();
        let days = span.days();
        let level = c.level.as_str();
        let line = tr!(
            "answer-in-force-days",
            id = c.id,
            level = level,
            windows = joined(&runs),
            days = days
        );
        let _ = write!(out, "  {line}");
        if let Some((from, by)) = span.revoked {
            let by = &engine.circular(by).id;
            let _ = write!(
                out,
                "; {}",
                tr!("answer-revoked-from", by = by, from = day_text(from))
            );
        }
        out.push('\n');
    }
}

/// The entry of `answers` for `in force from DATE to DATE`: `{"query", "from", "to",
/// "circulars": [{"id", "level", "windows": [{"from", "to", "days"}], "days", "revoked_by",
/// "revoked_from"}]}`, the circulars by first day in force; `revoked_by` and `revoked_from` are
/// `null` unless a revocation takes effect within the period.
pub(super) fn in_force_period_json(
    engine: &Engine<'_>,
    shown: &str,
    period: &InForcePeriod,
) -> Value {
    let date = |d: region::Day| region::date(d).to_string();
    let list: Vec<Value> = period
        .circulars
        .iter()
        .map(|span| {
            let c = engine.circular(span.circular);
            let windows: Vec<Value> = span
                .windows
                .iter()
                .map(|&(a, b)| json!({"from": date(a), "to": date(b), "days": b - a + 1}))
                .collect();
            json!({
                "id": c.id,
                "level": c.level.as_str(),
                "windows": windows,
                "days": span.days(),
                "revoked_by": span.revoked.map(|(_, by)| &engine.circular(by).id),
                "revoked_from": span.revoked.map(|(d, _)| date(d)),
            })
        })
        .collect();
    json!({
        "query": shown,
        "from": date(period.from),
        "to": date(period.to),
        "circulars": list,
    })
}

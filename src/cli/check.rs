//! `edaran check`, and the cap on the diagnostics any command prints.
//!
//! Every finding is found and counted, but only the first `--max-diagnostics` of them are
//! rendered: a small hostile file can give hundreds of thousands of findings, and rendering each
//! (its snippet, its JSON) is what would take the memory (docs/robustness.md).

use super::{FINDINGS, Format, OK, USAGE};
use edaran::check;
use edaran::diagnostic::{Diagnostic, Severity};
use edaran::model::Workspace;
use edaran::span::LineIndex;
use serde_json::{Value, json};
use std::cell::OnceCell;
use std::path::PathBuf;

/// How many diagnostics are printed unless `--max-diagnostics` says otherwise (docs/robustness.md
/// says why 200).
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 200;

/// How many of `total` diagnostics are shown under the cap `max` (`0`: no cap).
pub fn shown(total: usize, max: usize) -> usize {
    if max == 0 { total } else { total.min(max) }
}

/// The line after the shown diagnostics when some are left out: how many, of which kind, and
/// how to see them all (`how`: the option, or the command to run, in words).
pub fn omitted_line<'a>(left_out: impl IntoIterator<Item = &'a Diagnostic>, how: &str) -> String {
    let (mut errors, mut warnings) = (0, 0);
    for d in left_out {
        if d.is_error() {
            errors += 1;
        } else {
            warnings += 1;
        }
    }
    let problems = errors + warnings;
    tr!(
        "omitted",
        problems = problems,
        errors = errors,
        warnings = warnings,
        how = how
    ) + "\n"
}

/// Runs `edaran check`; `max` is `--max-diagnostics`.
pub fn run(paths: &[PathBuf], format: Format, deny_warnings: bool, color: bool, max: usize) -> i32 {
    let Some(sources) = super::files::load_as(paths, format) else {
        return USAGE;
    };
    let files = sources.len();
    let ws = check::load(sources);
    let errors = ws.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = ws.diagnostics.len() - errors;
    let out = match format {
        Format::Json => serde_json::to_string_pretty(&to_json(&ws, max)).expect("JSON") + "\n",
        Format::Human => human(&ws, files, (errors, warnings), color, max),
    };
    // The process ends right after: freeing a national corpus's model one allocation at a time
    // would cost more than the rest of the output (about 15 ms for 10 MB), so it is left to the
    // operating system.
    std::mem::forget(ws);
    if !super::print(&out) {
        return USAGE;
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        FINDINGS
    } else {
        OK
    }
}

fn human(ws: &Workspace, files: usize, counts: (usize, usize), color: bool, max: usize) -> String {
    let (errors, warnings) = counts;
    let renderer = super::renderer(&ws.sources, color);
    let mut out = String::new();
    let (shown, left_out) = ws.diagnostics.split_at(shown(ws.diagnostics.len(), max));
    for d in shown {
        out.push_str(&renderer.render(d));
        out.push('\n');
    }
    if !left_out.is_empty() {
        out.push_str(&omitted_line(left_out, &tr!("omitted-how-check")));
    }
    if errors == 0 && warnings == 0 {
        out.push_str(&tr!("check-clean", files = files));
    } else {
        let summary = tr!(
            "check-summary",
            files = files,
            errors = errors,
            warnings = warnings
        );
        out.push_str(&summary);
    }
    out.push('\n');
    out
}

/// The JSON of diagnostics, as in the document of docs/language.md section 13.
pub fn diagnostics_json<'a>(
    ws: &Workspace,
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) -> Vec<Value> {
    // Lines are indexed only in the files a diagnostic points into.
    let indexes: Vec<OnceCell<LineIndex>> = ws.sources.iter().map(|_| OnceCell::new()).collect();
    let diagnostic = |d: &Diagnostic| {
        let source = &ws.sources[d.file.0 as usize];
        let index = indexes[d.file.0 as usize].get_or_init(|| LineIndex::new(&source.text));
        let (line, column) = index.line_col(&source.text, d.span.start());
        let mut v = json!({
            "code": d.code.as_str(),
            "severity": d.severity.as_str(),
            "message": d.message,
            "file": source.name,
            "line": line,
            "column": column,
        });
        if let Some(help) = &d.help {
            v["help"] = json!(help);
        }
        if let Some(witness) = &d.witness {
            v["witness"] = json!(witness);
        }
        v
    };
    diagnostics.into_iter().map(diagnostic).collect()
}

/// The JSON document of docs/language.md section 13, with the first `max` diagnostics (`0`:
/// all); `errors` and `warnings` count them all, and `omitted` (present only then) says how many
/// were left out.
pub fn to_json(ws: &Workspace, max: usize) -> Value {
    let errors = ws
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let shown = shown(ws.diagnostics.len(), max);
    let mut doc = json!({
        "diagnostics": diagnostics_json(ws, &ws.diagnostics[..shown]),
        "errors": errors,
        "warnings": ws.diagnostics.len() - errors,
    });
    if shown < ws.diagnostics.len() {
        doc["omitted"] = json!(ws.diagnostics.len() - shown);
    }
    doc
}

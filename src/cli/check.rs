//! `edaran check`.

use super::{FINDINGS, Format, OK, USAGE};
use edaran::check;
use edaran::diagnostic::{Diagnostic, Severity};
use edaran::model::Workspace;
use edaran::render::Renderer;
use edaran::span::LineIndex;
use serde_json::{Value, json};
use std::cell::OnceCell;
use std::path::PathBuf;

pub fn run(paths: &[PathBuf], format: Format, deny_warnings: bool, color: bool) -> i32 {
    let Some(sources) = super::files::load_as(paths, format) else {
        return USAGE;
    };
    let files = sources.len();
    let ws = check::load(sources);
    let errors = ws.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = ws.diagnostics.len() - errors;
    let out = match format {
        Format::Json => serde_json::to_string_pretty(&to_json(&ws)).expect("JSON") + "\n",
        Format::Human => human(&ws, files, errors, warnings, color),
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

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn human(ws: &Workspace, files: usize, errors: usize, warnings: usize, color: bool) -> String {
    let renderer = Renderer::new(&ws.sources, color);
    let mut out = String::new();
    for d in &ws.diagnostics {
        out.push_str(&renderer.render(d));
        out.push('\n');
    }
    let checked = plural(files, "file");
    if errors == 0 && warnings == 0 {
        out.push_str(&format!("checked {checked}: no problems found\n"));
    } else {
        out.push_str(&format!(
            "checked {checked}: {}, {}\n",
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
    }
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

/// The JSON document of docs/language.md section 13.
pub fn to_json(ws: &Workspace) -> Value {
    let errors = ws
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    json!({
        "diagnostics": diagnostics_json(ws, &ws.diagnostics),
        "errors": errors,
        "warnings": ws.diagnostics.len() - errors,
    })
}

//! `edaran test`.

use super::{FINDINGS, Format, OK, USAGE};
use edaran::eval::{Engine, expect};
use edaran::span::LineIndex;
use serde_json::json;
use std::path::PathBuf;

pub fn run(paths: &[PathBuf], format: Format, color: bool) -> i32 {
    let ws = match super::query::load_workspace(paths, color, format) {
        Ok(ws) => ws,
        Err(status) => return status,
    };
    let engine = Engine::new(&ws);
    let outcomes = expect::run(&engine);
    let passed = outcomes.iter().filter(|o| o.passed()).count();
    let failed = outcomes.len() - passed;
    let text = match format {
        Format::Json => {
            let tests: Vec<_> = outcomes
                .iter()
                .map(|o| {
                    let source = &ws.sources[o.file.0 as usize];
                    let index = LineIndex::new(&source.text);
                    json!({
                        "name": o.name,
                        "file": source.name,
                        "passed": o.passed(),
                        "failures": o.failures.iter().map(|f| {
                            let (line, _) = index.line_col(&source.text, f.span.start());
                            format!("line {line}: {}", f.message())
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(
                &json!({"tests": tests, "passed": passed, "failed": failed}),
            )
            .expect("JSON")
                + "\n"
        }
        Format::Human => {
            let renderer = super::renderer(&ws.sources, color);
            let mut out = String::new();
            for o in &outcomes {
                let file = &ws.sources[o.file.0 as usize].name;
                let name = format!("{:?}", o.name);
                if o.passed() {
                    out.push_str(&tr!("test-ok", name = name, file = file));
                    out.push('\n');
                    continue;
                }
                out.push_str(&tr!("test-failed", name = name, file = file));
                out.push('\n');
                for f in &o.failures {
                    // A failed expectation is shown like a diagnostic, pointing at the `expect`.
                    out.push_str(&renderer.render_failure(
                        o.file,
                        f.span,
                        &f.message_in(super::l10n::lang().keywords()),
                        &tr!(
                            "test-expected",
                            expected = f.expected_in(super::l10n::lang().keywords())
                        ),
                    ));
                }
            }
            out.push('\n');
            out.push_str(&tr!("test-summary", passed = passed, failed = failed));
            out.push('\n');
            out
        }
    };
    if !super::print(&text) {
        return USAGE;
    }
    if failed > 0 { FINDINGS } else { OK }
}

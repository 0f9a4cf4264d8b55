//! `edaran query`.

use super::answer::{reply_json, reply_text};
use super::{FINDINGS, Format, OK, USAGE};
use edaran::eval::ask::{AskError, Purpose, Reply};
use edaran::eval::{Detail, Engine};
use edaran::model::{Source, Workspace};
use edaran::render::Renderer;
use edaran::span::FileId;
use edaran::syntax::ast::Dimension;
use serde_json::{Value, json};
use std::io::{BufRead, IsTerminal as _, Write as _};
use std::path::PathBuf;

/// The diagnostics that make a workspace unfit for questions.
pub fn blocking(ws: &Workspace) -> Vec<&edaran::Diagnostic> {
    ws.diagnostics
        .iter()
        .filter(|d| d.code.is_resolution_error())
        .collect()
}

/// Loads a workspace for answering questions: `Err(status)` when it cannot be read or does not
/// parse and resolve (its errors are printed on stderr, and under `--format json` as the
/// document of input errors on stdout).
pub fn load_workspace(paths: &[PathBuf], color: bool, format: Format) -> Result<Workspace, i32> {
    let sources = super::files::load_as(paths, format).ok_or(USAGE)?;
    // Questions need only the errors of parsing and resolution: the conflict analysis would
    // compile the circulars a first time, and the caller compiles them for its answers.
    let ws = edaran::check::load_for_questions(sources);
    let blocking = blocking(&ws);
    if !blocking.is_empty() {
        let renderer = Renderer::new(&ws.sources, color);
        let mut err = std::io::stderr().lock();
        for d in &blocking {
            let _ = write!(err, "{}", renderer.render(d));
        }
        let _ = writeln!(
            err,
            "error: the workspace does not parse and resolve ({} error{}): fix them first (`edaran check`)",
            blocking.len(),
            if blocking.len() == 1 { "" } else { "s" }
        );
        if format == Format::Json {
            super::print_input_errors(super::check::diagnostics_json(&ws, blocking));
        }
        return Err(USAGE);
    }
    Ok(ws)
}

/// The outcome of one question, as the REPL reads it.
pub enum Outcome {
    /// The answer, in human text (starting with the question).
    Answered { text: String },
    /// A bad question: the rendered diagnostics.
    Bad { text: String },
}

/// Answers one line of query text; `explain` lists the circulars that concern the point and
/// counts the others.
pub fn answer(engine: &Engine<'_>, text: &str, given: &[Dimension], color: bool) -> Outcome {
    match reply(engine, text, given, color, Detail::Concerning) {
        Replied::Answered { shown, reply } => Outcome::Answered {
            text: reply_text(engine, &shown, &reply),
        },
        Replied::Bad { text, .. } => Outcome::Bad { text },
    }
}

/// The outcome of one question, with the JSON of a bad one.
enum Replied {
    /// The question as shown (trimmed), and its answer.
    Answered { shown: String, reply: Reply },
    /// A bad question: the rendered diagnostics, and the entry of `answers` that stands in the
    /// question's place: `{"query", "errors": [{"code", "severity", "message", "column"?,
    /// "help"?}]}`, the column 1-based in the question as `query` shows it.
    Bad { text: String, json: Value },
}

/// The entry of `answers` for a bad question.
fn bad_json(text: &str, diagnostics: &[edaran::Diagnostic]) -> Value {
    let shown = text.trim();
    let lead = text.len() - text.trim_start().len();
    let mut errors: Vec<Value> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let start = d.span.start().clamp(lead, text.len());
            let column = text.get(lead..start).map_or(1, |t| t.chars().count() + 1);
            let mut v = json!({
                "code": d.code.as_str(),
                "severity": d.severity.as_str(),
                "message": d.message,
                "column": column,
            });
            if let Some(help) = &d.help {
                v["help"] = json!(help);
            }
            v
        })
        .collect();
    if errors.is_empty() {
        // Never an entry without a reason (the parser reports every refusal; this is a guard).
        errors.push(json!({
            "code": "syntax",
            "severity": "error",
            "message": "this question cannot be answered",
        }));
    }
    json!({"query": shown, "errors": errors})
}

/// Parses one line of query text and asks it ([`Engine::ask`]).
fn reply(
    engine: &Engine<'_>,
    text: &str,
    given: &[Dimension],
    color: bool,
    detail: Detail,
) -> Replied {
    let (query, diagnostics) = edaran::syntax::parse_query(FileId(0), text);
    let bad = |diagnostics: &[edaran::Diagnostic]| {
        let source = [Source {
            name: "query".into(),
            text: text.to_string(),
        }];
        let renderer = Renderer::new(&source, color);
        Replied::Bad {
            text: diagnostics.iter().map(|d| renderer.render(d)).collect(),
            json: bad_json(text, diagnostics),
        }
    };
    let Some(query) = query else {
        return bad(&diagnostics);
    };
    let shown = text.trim().to_string();
    let purpose = Purpose::Show {
        detail,
        conflicts: edaran::analysis::conflicts,
    };
    match engine.ask(&query.kind, given, purpose) {
        Ok(reply) => Replied::Answered { shown, reply },
        // The parser has said why.
        Err(AskError::InvalidDate | AskError::NoPeriod | AskError::ConflictsInExpect) => {
            bad(&diagnostics)
        }
        Err(AskError::TooBroad(e)) => Replied::Bad {
            text: format!("error: {e}\n"),
            json: json!({"query": shown, "errors": [{
                "code": "too-broad",
                "severity": "error",
                "message": e.to_string(),
            }]}),
        },
    }
}

/// Runs `edaran query`; with `all`, `explain` lists every circular of the workspace.
pub fn run(paths: &[PathBuf], exprs: &[String], format: Format, color: bool, all: bool) -> i32 {
    let ws = match load_workspace(paths, color, format) {
        Ok(ws) => ws,
        Err(status) => return status,
    };
    let engine = Engine::new(&ws);
    let lines: Vec<String> = if exprs.is_empty() {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            eprintln!(
                "reading questions from standard input, one per line; end with Ctrl-D \
                 (or give one with `-e QUERY`)"
            );
        }
        stdin
            .lock()
            .lines()
            .map_while(Result::ok)
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
            .collect()
    } else {
        exprs.to_vec()
    };
    if lines.is_empty() {
        let message = "no question: give one with `-e QUERY`, or one per line on stdin";
        eprintln!("error: {message}");
        if format == Format::Json {
            super::print_input_errors(vec![json!({
                "code": "no-question",
                "severity": "error",
                "message": message,
            })]);
        }
        return USAGE;
    }
    let mut status = OK;
    let mut answers = Vec::new();
    let mut out = String::new();
    for line in &lines {
        let detail = if all {
            Detail::Every
        } else {
            Detail::Concerning
        };
        match reply(&engine, line, &[], color, detail) {
            Replied::Answered { shown, reply } => {
                if reply.is_conflict() && status == OK {
                    status = FINDINGS;
                }
                match format {
                    Format::Human => out.push_str(&reply_text(&engine, &shown, &reply)),
                    Format::Json => answers.push(reply_json(&engine, &shown, &reply)),
                }
            }
            Replied::Bad { text, json } => {
                eprint!("{text}");
                // In its place: the answers line up one to one with the questions.
                answers.push(json);
                status = USAGE;
            }
        }
    }
    let text = match format {
        Format::Human => out,
        Format::Json => {
            serde_json::to_string_pretty(&json!({ "answers": answers })).expect("JSON") + "\n"
        }
    };
    if !super::print(&text) {
        return USAGE;
    }
    status
}

//! `edaran query`.

use super::answer::{case_json, cases_text, explanation_text, for_terminal, question_notes};
use super::{FINDINGS, Format, OK, USAGE};
use edaran::eval::query::{Focus, Spec};
use edaran::eval::{Detail, Engine, Status};
use edaran::model::{Source, Workspace};
use edaran::region;
use edaran::render::Renderer;
use edaran::span::FileId;
use edaran::syntax::ast::{Dimension, QueryKind};
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
    /// Human text, JSON, and whether an answer is a conflict.
    #[allow(dead_code)] // the REPL prints the text only
    Answered(String, Value, bool),
    /// A bad question: the rendered diagnostics.
    Bad(String),
}

/// Answers one line of query text; `explain` lists the circulars that concern the point and
/// counts the others.
pub fn answer(engine: &Engine<'_>, text: &str, given: &[Dimension], color: bool) -> Outcome {
    answer_with(engine, text, given, color, Detail::Concerning)
}

/// Answers one line of query text; `explain` lists the circulars `detail` says.
pub fn answer_with(
    engine: &Engine<'_>,
    text: &str,
    given: &[Dimension],
    color: bool,
    detail: Detail,
) -> Outcome {
    match reply(engine, text, given, color, detail) {
        Reply::Answered(human, value, conflict) => Outcome::Answered(human, value, conflict),
        Reply::Bad(human, _) => Outcome::Bad(human),
    }
}

/// The outcome of one question, with the JSON of a bad one.
enum Reply {
    /// Human text, JSON, and whether an answer is a conflict.
    Answered(String, Value, bool),
    /// A bad question: the rendered diagnostics, and the entry of `answers` that stands in the
    /// question's place: `{"query", "errors": [{"code", "severity", "message", "column"?,
    /// "help"?}]}`, the column 1-based in the question as `query` shows it.
    Bad(String, Value),
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

/// Answers one line of query text.
fn reply(
    engine: &Engine<'_>,
    text: &str,
    given: &[Dimension],
    color: bool,
    detail: Detail,
) -> Reply {
    let (query, diagnostics) = edaran::syntax::parse_query(FileId(0), text);
    let bad = |diagnostics: &[edaran::Diagnostic]| {
        let source = [Source {
            name: "query".into(),
            text: text.to_string(),
        }];
        let renderer = Renderer::new(&source, color);
        Reply::Bad(
            diagnostics.iter().map(|d| renderer.render(d)).collect(),
            bad_json(text, diagnostics),
        )
    };
    let Some(query) = query else {
        return bad(&diagnostics);
    };
    let shown = text.trim().to_string();
    match &query.kind {
        QueryKind::InForce(date) => {
            let Some(d) = date.node else {
                return bad(&diagnostics);
            };
            let ids = engine.in_force(region::day(d));
            let mut human = format!("{shown}\n");
            if ids.is_empty() {
                human.push_str("  no circular is in force\n");
            }
            let mut list = Vec::new();
            for i in ids {
                let c = engine.circular(i);
                let to = c.valid_to.map(|t| t.to_string());
                human.push_str(&format!(
                    "  {} ({}, valid {} to {})\n",
                    c.id,
                    c.level.as_str(),
                    c.valid_from,
                    to.clone().unwrap_or_else(|| "revocation".into())
                ));
                list.push(
                    json!({"id": c.id, "valid_from": c.valid_from.to_string(), "valid_to": to}),
                );
            }
            Reply::Answered(
                for_terminal(human),
                json!({"query": shown, "circulars": list}),
                false,
            )
        }
        QueryKind::Conflicts => {
            let findings = edaran::analysis::conflicts(engine);
            let mut human = format!("{shown}\n");
            if findings.is_empty() {
                human.push_str("  no conflict\n");
            }
            let source_of = |d: &edaran::Diagnostic| &engine.ws.sources[d.file.0 as usize].name;
            let mut list = Vec::new();
            for d in &findings {
                human.push_str(&format!("  {} [{}] {}\n", source_of(d), d.code, d.message));
                if let Some(w) = &d.witness {
                    human.push_str(&format!("    witness: {w}\n"));
                }
                list.push(json!({"code": d.code.as_str(), "message": d.message, "file": source_of(d), "witness": d.witness}));
            }
            let any = findings.iter().any(|d| d.is_error());
            Reply::Answered(
                for_terminal(human),
                json!({"query": shown, "conflicts": list}),
                any,
            )
        }
        QueryKind::Wfo(subject) | QueryKind::Explain(subject) | QueryKind::Priority(subject) => {
            let Some(spec) = Spec::new(subject, given) else {
                return bad(&diagnostics);
            };
            let explain = matches!(query.kind, QueryKind::Explain(_));
            let priority = matches!(query.kind, QueryKind::Priority(_));
            let focus = if explain {
                Focus::All
            } else if priority {
                Focus::Priority
            } else {
                Focus::Wfo
            };
            let cases = match engine.cases_with(&spec, focus) {
                Ok(mut cases) => {
                    if focus == Focus::Wfo {
                        // A `wfo` question is not split by the WFH priority, which the split
                        // leaves out; a case still carries it where it is the same throughout.
                        for case in &mut cases {
                            let part = Spec {
                                from: case.from,
                                to: case.to,
                                ..spec.clone()
                            };
                            if let Ok(p) = engine.cases_with(&part, Focus::Priority) {
                                if let [one] = p.as_slice() {
                                    case.answer.wfh_priority = one.answer.wfh_priority;
                                }
                            }
                        }
                    }
                    cases
                }
                Err(e) => {
                    let entry = json!({"query": shown, "errors": [{
                        "code": "too-broad",
                        "severity": "error",
                        "message": e.to_string(),
                    }]});
                    return Reply::Bad(format!("error: {e}\n"), entry);
                }
            };
            // A name of the question with an invisible character is answered for the name
            // without it (or with it, for a control character), and the answer says so.
            // So does a value no circular names (with the closest one a circular does name).
            let mut notes = question_notes(subject, given);
            notes.extend(engine.name_notes(&spec));
            let cases: Vec<_> = cases
                .into_iter()
                .map(|c| {
                    let e = explain.then(|| engine.explain_with(&c.point, detail));
                    (c, e)
                })
                .collect();
            let conflict = cases
                .iter()
                .any(|(c, _)| c.answer.status == Status::Conflict);
            // The question's own notes, once, before its cases.
            let mut human = format!("{shown}\n");
            for note in &notes {
                human.push_str(&format!("  note: {note}\n"));
            }
            let plain: Vec<_> = cases.iter().map(|(c, _)| c.clone()).collect();
            if explain {
                for (k, (case, e)) in cases.iter().enumerate() {
                    if cases.len() > 1 {
                        human.push_str(&format!(
                            "  case {} of {}: {}, {}\n",
                            k + 1,
                            cases.len(),
                            edaran::eval::render_case_condition(engine, case),
                            region::describe_dates(case.from, case.to)
                        ));
                    }
                    if let Some(e) = e {
                        human.push_str(&explanation_text(engine, e));
                    }
                }
            } else {
                human.push_str(&cases_text(engine, &plain, priority));
            }
            let json_cases: Vec<Value> = cases
                .iter()
                .map(|(c, e)| {
                    let mut v = case_json(engine, c, e.as_ref());
                    if priority {
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
            let mut json = json!({"query": shown, "cases": json_cases});
            if !notes.is_empty() {
                json["notes"] = json!(notes);
            }
            Reply::Answered(for_terminal(human), json, conflict)
        }
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
            Reply::Answered(human, value, conflict) => {
                if conflict && status == OK {
                    status = FINDINGS;
                }
                out.push_str(&human);
                answers.push(value);
            }
            Reply::Bad(text, value) => {
                eprint!("{text}");
                // In its place: the answers line up one to one with the questions.
                answers.push(value);
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

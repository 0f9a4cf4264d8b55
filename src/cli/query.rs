//! `edaran query`.

use super::answer::{reply_json, reply_text};
use super::lang::Lang;
use super::{FINDINGS, Format, OK, USAGE, check};
use edaran::eval::ask::{AskError, Purpose, Reply};
use edaran::eval::{Detail, Engine};
use edaran::model::{Source, Workspace};
use edaran::span::FileId;
use edaran::syntax::ast::Dimension;
use serde_json::{Value, json};
use std::io::{BufRead, IsTerminal as _, Write as _};
use std::path::PathBuf;

/// How many of the errors that stop `query`, `test` and `timeline` are printed: `check`'s default
/// (`edaran check --max-diagnostics 0` shows them all).
const MAX_DIAGNOSTICS: usize = check::DEFAULT_MAX_DIAGNOSTICS;

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
        // Only the first ones are rendered, as `check` does by default: each costs its snippet.
        let (shown, left_out) = blocking.split_at(check::shown(blocking.len(), MAX_DIAGNOSTICS));
        let renderer = super::renderer(&ws.sources, color);
        let mut err = std::io::stderr().lock();
        for d in shown {
            let _ = write!(err, "{}", renderer.render(d));
        }
        if !left_out.is_empty() {
            let how = tr!("omitted-how-query");
            let _ = write!(
                err,
                "{}",
                check::omitted_line(left_out.iter().copied(), &how)
            );
        }
        let message = tr!("query-does-not-resolve", errors = blocking.len());
        let _ = writeln!(err, "{}", super::l10n::error(message));
        if format == Format::Json {
            let entries = check::diagnostics_json(&ws, shown.iter().copied());
            if left_out.is_empty() {
                super::print_input_errors(entries);
            } else {
                let doc = json!({ "input_errors": entries, "omitted": left_out.len() });
                super::print(&(serde_json::to_string_pretty(&doc).expect("JSON") + "\n"));
            }
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
        let renderer = super::renderer(&source, color);
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
            text: super::l10n::error(e.text().render(super::l10n::lang().keywords())) + "\n",
            json: json!({"query": shown, "errors": [{
                "code": "too-broad",
                "severity": "error",
                "message": e.to_string(),
            }]}),
        },
    }
}

/// Runs `edaran query`; with `all`, `explain` lists every circular of the workspace.
///
/// Each question is answered as soon as it is read, and its answer written out before the next
/// line is waited for: a program on the other end of a pipe gets one answer per question it
/// writes, and the memory stays that of one answer however many questions come. Questions that
/// arrived together (a file on stdin) have their answers written together, in one write for
/// many answers rather than one each.
pub fn run(paths: &[PathBuf], exprs: &[String], format: Format, color: bool, all: bool) -> i32 {
    let ws = match load_workspace(paths, color, format) {
        Ok(ws) => ws,
        Err(status) => return status,
    };
    let engine = Engine::new(&ws);
    let detail = if all {
        Detail::Every
    } else {
        Detail::Concerning
    };
    let mut out = Answers {
        format,
        count: 0,
        status: OK,
        out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()),
    };
    if exprs.is_empty() {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            eprintln!("{}", tr!("query-reading-stdin"));
        }
        // Its own buffer, to tell whether more input has already come (`buffer`).
        let mut input = std::io::BufReader::with_capacity(64 * 1024, stdin);
        let mut line = String::new();
        loop {
            line.clear();
            // A line that is not UTF-8 ends the input, as it always has.
            match input.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let text = line.strip_suffix('\n').unwrap_or(&line);
            let text = text.strip_suffix('\r').unwrap_or(text);
            if text.trim().is_empty() || text.trim_start().starts_with("//") {
                continue;
            }
            if !out.answer(&engine, text, color, detail) {
                return USAGE;
            }
            // Nothing more has come yet: the answers so far go out before the next line is
            // waited for.
            if input.buffer().is_empty() && !out.flush() {
                return USAGE;
            }
        }
    } else {
        for line in exprs {
            if !out.answer(&engine, line, color, detail) {
                return USAGE;
            }
        }
    }
    if !out.flush() {
        return USAGE;
    }
    if out.count == 0 {
        eprintln!("{}", super::l10n::error(tr!("query-no-question")));
        if format == Format::Json {
            super::print_input_errors(vec![json!({
                "code": "no-question",
                "severity": "error",
                "message": tr_in!(Lang::En, "query-no-question"),
            })]);
        }
        return USAGE;
    }
    if format == Format::Json && !super::print("\n  ]\n}\n") {
        return USAGE;
    }
    out.status
}

/// The answers written so far. Under `--format json` the output is the one document
/// `{"answers": [...]}`, written by hand around each entry (serialised by serde_json and
/// indented to its place), byte for byte what serialising the whole document at once would
/// give; its opening is written with the first answer, so that a run without any question can
/// still print the document of input errors instead.
struct Answers {
    format: Format,
    /// The questions answered so far.
    count: usize,
    /// The exit status so far: 1 once an answer is a conflict, 2 once a question is bad.
    status: i32,
    /// Where the answers go: written out by [`Answers::flush`].
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Answers {
    /// Answers one question and writes its answer; false when the output cannot be written.
    fn answer(&mut self, engine: &Engine<'_>, line: &str, color: bool, detail: Detail) -> bool {
        let json = match reply(engine, line, &[], color, detail) {
            Replied::Answered { shown, reply } => {
                if reply.is_conflict() && self.status == OK {
                    self.status = FINDINGS;
                }
                match self.format {
                    Format::Human => {
                        self.count += 1;
                        return self.write(&reply_text(engine, &shown, &reply));
                    }
                    Format::Json => reply_json(engine, &shown, &reply),
                }
            }
            Replied::Bad { text, json } => {
                // After the answers before it, where both go to one terminal.
                if !self.flush() {
                    return false;
                }
                super::eprint(&text);
                self.status = USAGE;
                // In its place: the answers line up one to one with the questions.
                json
            }
        };
        self.count += 1;
        if self.format == Format::Human {
            return true;
        }
        let lead = if self.count == 1 {
            "{\n  \"answers\": [\n"
        } else {
            ",\n"
        };
        let entry = serde_json::to_string_pretty(&json).expect("JSON");
        // serde_json escapes every line feed inside a string, so each line of the text is one
        // line of the document, indented by two levels.
        let mut text = String::from(lead);
        for (i, line) in entry.lines().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str("    ");
            text.push_str(line);
        }
        self.write(&text)
    }

    /// Adds `text` to the output; false when the output cannot be written.
    fn write(&mut self, text: &str) -> bool {
        let written = self.out.write_all(text.as_bytes());
        super::written(written)
    }

    /// Writes out the answers so far; false when the output cannot be written.
    fn flush(&mut self) -> bool {
        let flushed = self.out.flush();
        super::written(flushed)
    }
}

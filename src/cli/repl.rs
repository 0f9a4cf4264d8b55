//! `edaran repl`: questions, one per line, on a workspace that can be reloaded.

mod complete;

use super::l10n::{error, warning};
use super::query::{Outcome, answer};
use super::{OK, USAGE};
use complete::Completion;
use edaran::eval::Engine;
use edaran::model::{Source, Workspace};
use edaran::span::FileId;
use edaran::syntax::ast::Dimension;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};
use std::cell::OnceCell;
use std::collections::VecDeque;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// The REPL's state, but for the workspace (see [`serve`]).
struct Session {
    paths: Vec<PathBuf>,
    given: Vec<Dimension>,
    /// The dimensions of `given` as written, to show them again.
    given_text: String,
}

/// What a line asks of the loop around it.
enum Step {
    /// Text for standard output and standard error.
    Print(String, String),
    /// A workspace read again replaces the current one; the text is for standard output.
    Replace(Box<Workspace>, String),
    /// Leave.
    Quit,
}

impl Session {
    /// Reads and resolves every file of the workspace: the workspace and a line saying what was
    /// loaded, or the errors.
    fn load(&self) -> Result<(Workspace, String), String> {
        let (result, skipped) = super::files::gather(&self.paths);
        for s in &skipped {
            eprintln!("{}", super::l10n::warning(s));
        }
        match result {
            Ok(sources) => {
                let ws = edaran::check::load(sources);
                let errors = ws.error_count();
                let (files, circulars) = (ws.sources.len(), ws.circulars.len());
                let mut message = tr!("repl-loaded", files = files, circulars = circulars);
                if errors > 0 {
                    message = tr!("repl-loaded-errors", loaded = message, errors = errors);
                }
                Ok((ws, message + "\n"))
            }
            Err(errors) => Err(errors
                .iter()
                .map(|e| super::l10n::error(e) + "\n")
                .collect()),
        }
    }

    /// Handles one line on the workspace `ws`, whose engine is compiled at its first question
    /// and kept in `engine` until the workspace is replaced. An answer starts with its question
    /// when `echo` is set.
    fn line<'w>(
        &mut self,
        line: &str,
        ws: Option<&'w Workspace>,
        engine: &OnceCell<Engine<'w>>,
        color: bool,
        echo: bool,
    ) -> Step {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            return Step::Print(String::new(), String::new());
        }
        if let Some(command) = line.strip_prefix(':') {
            let (name, rest) = command
                .split_once(char::is_whitespace)
                .unwrap_or((command, ""));
            let rest = rest.trim();
            return match name {
                "q" | "quit" | "exit" => Step::Quit,
                "h" | "help" => Step::Print(tr!("repl-help") + "\n", String::new()),
                "reload" => match self.load() {
                    Ok((ws, message)) => Step::Replace(Box::new(ws), message),
                    Err(errors) => Step::Print(errors, String::new()),
                },
                "load" if !rest.is_empty() => {
                    self.paths.push(PathBuf::from(rest));
                    match self.load() {
                        Ok((ws, message)) => Step::Replace(Box::new(ws), message),
                        Err(errors) => {
                            self.paths.pop();
                            Step::Print(String::new(), errors)
                        }
                    }
                }
                "load" => Step::Print(String::new(), line_of(error(tr!("repl-load-path")))),
                "check" => Step::Print(check(ws, color), String::new()),
                "given" => {
                    if rest.is_empty() {
                        let text = if self.given.is_empty() {
                            tr!("repl-given-none")
                        } else {
                            tr!("repl-given", given = self.given_text)
                        };
                        return Step::Print(line_of(text), String::new());
                    }
                    if rest == "clear" {
                        self.given.clear();
                        self.given_text.clear();
                        return Step::Print(line_of(tr!("repl-given-cleared")), String::new());
                    }
                    // `given` in the language of the dimensions written after it (`:given
                    // instansi "..."` is `dengan instansi "..."`).
                    let first = rest.split_whitespace().next().unwrap_or_default();
                    let lang = edaran::syntax::keywords::language_of(first).unwrap_or_default();
                    let text = format!("{} {rest}", edaran::syntax::keywords::word("given", lang));
                    let (dims, diagnostics) = edaran::syntax::parse_given(FileId(0), &text);
                    if diagnostics.iter().any(|d| d.is_error()) {
                        let source = [Source {
                            name: ":given".into(),
                            text,
                        }];
                        let r = super::renderer(&source, color);
                        return Step::Print(
                            String::new(),
                            diagnostics.iter().map(|d| r.render(d)).collect(),
                        );
                    }
                    self.given = dims;
                    self.given_text = rest.to_string();
                    Step::Print(line_of(tr!("repl-given", given = rest)), String::new())
                }
                other => Step::Print(
                    String::new(),
                    line_of(error(tr!("repl-unknown-command", command = other))),
                ),
            };
        }
        let Some(ws) = ws else {
            return Step::Print(String::new(), line_of(error(tr!("repl-no-workspace-load"))));
        };
        // A workspace that does not parse and resolve is not answered from: its broken
        // circulars are left out of the model, so the answers would silently ignore them.
        let blocking = super::query::blocking(ws).len();
        if blocking > 0 {
            let message = tr!("repl-does-not-resolve", errors = blocking);
            return Step::Print(String::new(), line_of(error(message)));
        }
        // Compiled once per workspace: a national corpus takes tens of milliseconds to compile,
        // and a question on it a microsecond or so.
        let engine = engine.get_or_init(|| Engine::new(ws));
        match answer(engine, line, &self.given, color) {
            Outcome::Answered { text: human } if echo => Step::Print(human, String::new()),
            Outcome::Answered { text: human } => {
                // The answer's first line is the question, already on the screen.
                let asked = format!("{line}\n");
                let text = human.strip_prefix(&asked).map(str::to_string);
                Step::Print(text.unwrap_or(human), String::new())
            }
            Outcome::Bad { text } => Step::Print(String::new(), text),
        }
    }
}

/// Answers the lines `next` gives, on `ws` and the workspaces that replace it, until `next` has
/// no more or a line says to quit. `next` is given the current workspace (for completion) and
/// whether it is new since the last call. What `next` gives may hold several lines (pasted at
/// once): each is answered in turn, and each answer then starts with its question; otherwise an
/// answer starts with its question when `echo` is set.
fn serve(
    session: &mut Session,
    mut ws: Option<Workspace>,
    color: bool,
    echo: bool,
    mut next: impl FnMut(Option<&Workspace>, bool) -> Option<String>,
    mut emit: impl FnMut(&str, &str),
) {
    let mut pending: VecDeque<(String, bool)> = VecDeque::new();
    let mut fresh = true;
    loop {
        let engine = OnceCell::new();
        let replacement = loop {
            let Some((line, echo)) = pending.pop_front() else {
                let Some(input) = next(ws.as_ref(), std::mem::take(&mut fresh)) else {
                    return;
                };
                let lines: Vec<&str> = input.split('\n').filter(|l| !l.trim().is_empty()).collect();
                let several = lines.len() > 1;
                pending.extend(lines.into_iter().map(|l| (l.to_string(), echo || several)));
                continue;
            };
            match session.line(&line, ws.as_ref(), &engine, color, echo) {
                Step::Print(out, err) => emit(&out, &err),
                Step::Replace(new, message) => {
                    emit(&message, "");
                    break new;
                }
                Step::Quit => return,
            }
        };
        // The engine borrows the workspace it was compiled from: it goes first.
        drop(engine);
        ws = Some(*replacement);
        fresh = true;
    }
}

/// The text of `:check`.
fn check(ws: Option<&Workspace>, color: bool) -> String {
    let Some(ws) = ws else {
        return line_of(tr!("repl-no-workspace"));
    };
    let renderer = super::renderer(&ws.sources, color);
    let mut out: String = ws
        .diagnostics
        .iter()
        .map(|d| renderer.render(d) + "\n")
        .collect();
    let errors = ws.error_count();
    let warnings = ws.diagnostics.len() - errors;
    out.push_str(&line_of(tr!(
        "repl-check-summary",
        errors = errors,
        warnings = warnings
    )));
    out
}

/// `text` as a line.
fn line_of(text: String) -> String {
    text + "\n"
}

fn history_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".edaran_history")))
}

/// The history file, if it can be kept: a regular file under the size limit, or none yet (it is
/// made on leaving). The line editor reads a history file to its end, so `/dev/zero` or a named
/// pipe would never let the REPL start: anything else is a warning and no history.
fn usable_history(path: PathBuf) -> Option<PathBuf> {
    let problem = match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(path),
        Err(e) => super::files::ReadError::Io(path.clone(), e),
        Ok(_) => match super::files::read_limited(&path) {
            Ok(_) => return Some(path),
            Err(e) => e,
        },
    };
    eprintln!(
        "{}",
        warning(tr!("repl-no-history", problem = problem.to_string()))
    );
    None
}

pub fn run(paths: &[PathBuf], history: Option<PathBuf>) -> i32 {
    let mut session = Session {
        paths: if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        },
        given: Vec::new(),
        given_text: String::new(),
    };
    let (ws, loaded) = match session.load() {
        Ok((ws, message)) => (Some(ws), message),
        Err(errors) => (None, errors),
    };
    let interactive = std::io::stdin().is_terminal();
    let color =
        interactive && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    if !interactive {
        // Plain lines from a pipe: no prompt, no history, and each answer starts with its
        // question (which is not on the screen).
        let mut out = std::io::stdout().lock();
        let mut err = std::io::stderr().lock();
        if ws.is_none() {
            let _ = err.write_all(loaded.as_bytes());
        }
        let mut lines = std::io::stdin().lock().lines();
        serve(
            &mut session,
            ws,
            false,
            true,
            |_, _| lines.next()?.ok(),
            |o, e| {
                let _ = out.write_all(o.as_bytes());
                let _ = out.flush();
                let _ = err.write_all(e.as_bytes());
            },
        );
        return OK;
    }
    print!("edaran {}: {loaded}", env!("CARGO_PKG_VERSION"));
    println!("{}", tr!("repl-banner"));
    // Several names: list them all (the default cycles through them, one at a time).
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .build();
    let mut editor: Editor<Completion, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{}", error(tr!("repl-no-editor", reason = e.to_string())));
            return USAGE;
        }
    };
    let history = history_path(history).and_then(usable_history);
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    serve(
        &mut session,
        ws,
        color,
        false,
        |ws, fresh| {
            if fresh {
                editor.set_helper(Some(Completion::new(ws)));
            }
            loop {
                match editor.readline("edaran> ") {
                    Ok(input) => {
                        // Lines pasted at once come as one input: one history entry each.
                        for line in input.lines().filter(|l| !l.trim().is_empty()) {
                            let _ = editor.add_history_entry(line);
                        }
                        return Some(input);
                    }
                    Err(ReadlineError::Interrupted) => continue,
                    Err(ReadlineError::Eof) => return None,
                    Err(e) => {
                        eprintln!("{}", error(e));
                        return None;
                    }
                }
            }
        },
        |o, e| {
            print!("{o}");
            eprint!("{e}");
        },
    );
    if let Some(h) = &history {
        if let Err(e) = editor.save_history(h) {
            let (path, reason) = (h.display().to_string(), e.to_string());
            eprintln!(
                "{}",
                warning(tr!("repl-history-not-saved", path = path, reason = reason))
            );
        }
    }
    OK
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session {
            paths: vec![PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples"
            ))],
            given: Vec::new(),
            given_text: String::new(),
        }
    }

    /// The engine is compiled at the first question and kept for the next ones; commands do
    /// not compile it, and `:reload` hands back a new workspace for a new engine.
    #[test]
    fn the_engine_is_compiled_once_per_workspace() {
        let mut s = session();
        let (ws, _) = s.load().expect("the examples load");
        let engine = OnceCell::new();
        let ask = |s: &mut Session, line: &str| match s.line(line, Some(&ws), &engine, false, true)
        {
            Step::Print(out, err) => (out, err),
            _ => panic!("`{line}` is answered in place"),
        };
        let (out, _) = ask(&mut s, ":help");
        assert!(out.contains(":reload"));
        assert!(
            engine.get().is_none(),
            "a command does not compile the workspace"
        );
        let question = r#"wfo "Dinas Kesehatan" gov "Pemprov Banten" on 2022-02-10"#;
        let (first, err) = ask(&mut s, question);
        assert_eq!(err, "");
        let compiled: *const Engine<'_> = engine.get().expect("compiled at the first question");
        let (second, _) = ask(&mut s, question);
        assert_eq!(first, second);
        assert!(std::ptr::eq(compiled, engine.get().unwrap()));
        assert!(matches!(
            s.line(":reload", Some(&ws), &engine, false, true),
            Step::Replace(..)
        ));
        assert!(matches!(
            s.line(":quit", Some(&ws), &engine, false, true),
            Step::Quit
        ));
    }

    /// `:given` alone shows what is given, `:given clear` gives nothing again.
    #[test]
    fn given_shows_and_clears() {
        let mut s = session();
        let (ws, _) = s.load().expect("the examples load");
        let engine = OnceCell::new();
        let mut ask = |line: &str| match s.line(line, Some(&ws), &engine, false, false) {
            Step::Print(out, err) => format!("{out}{err}"),
            _ => panic!("`{line}` is answered in place"),
        };
        assert!(ask(":given").starts_with("given: none"));
        assert_eq!(
            ask(":given gov \"Pemprov Banten\"  function admin"),
            "given: gov \"Pemprov Banten\"  function admin\n"
        );
        assert_eq!(
            ask(":given"),
            "given: gov \"Pemprov Banten\"  function admin\n"
        );
        // Given, the question has one answer; it does not repeat the question on a terminal.
        let answer = ask("wfo \"BPKAD\" on 2023-09-01");
        assert!(
            answer.starts_with("  note: no circular names function `admin`")
                && answer.contains("\n  WFO 50%"),
            "{answer}"
        );
        assert_eq!(ask(":given clear"), "given: cleared\n");
        assert!(ask(":given").starts_with("given: none"));
        let split = ask("wfo \"BPKAD\" on 2023-09-01");
        assert!(split.contains("otherwise"), "{split}");
        // A bad `:given` keeps what was given.
        ask(":given function admin");
        assert!(ask(":given gov").contains("expected a quoted string"));
        assert_eq!(ask(":given"), "given: function admin\n");
    }
}

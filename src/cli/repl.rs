//! `edaran repl`: questions, one per line, on a workspace that can be reloaded.

use super::query::{Outcome, answer};
use super::{OK, USAGE};
use edaran::eval::Engine;
use edaran::model::{Source, Workspace};
use edaran::render::Renderer;
use edaran::span::FileId;
use edaran::syntax::ast::Dimension;
use edaran::syntax::errors::KEYWORDS;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Context, Editor, Helper, Highlighter, Hinter, Validator};
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

const HELP: &str = "\
Questions (LANGUAGE.md section 6):
  wfo \"UNIT\" [function F] [domicile \"P\"] [office \"P\"] [gov \"G\"] on DATE
  wfo \"UNIT\" ... from DATE to DATE
  explain \"UNIT\" ... on DATE
  wfh priority \"UNIT\" ... on DATE
  in force on DATE
  conflicts
Commands:
  :load PATH     add a file or directory to the workspace
  :reload        read every file again
  :check         show the workspace's diagnostics
  :given DIMS    fill left-out dimensions of the following questions (`:given` alone clears)
  :help          this text
  :quit          leave (also Ctrl-D)
";

/// The REPL's state, but for the workspace (see [`serve`]).
struct Session {
    paths: Vec<PathBuf>,
    given: Vec<Dimension>,
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
        match super::files::find(&self.paths).and_then(|f| super::files::read(&f)) {
            Ok(sources) => {
                let ws = edaran::model::load(sources);
                let errors = ws.error_count();
                let message = format!(
                    "loaded {} file{}, {} circular{}{}\n",
                    ws.sources.len(),
                    if ws.sources.len() == 1 { "" } else { "s" },
                    ws.circulars.len(),
                    if ws.circulars.len() == 1 { "" } else { "s" },
                    if errors > 0 {
                        format!(
                            " ({errors} error{}: see `:check`)",
                            if errors == 1 { "" } else { "s" }
                        )
                    } else {
                        String::new()
                    }
                );
                Ok((ws, message))
            }
            Err(errors) => Err(errors.iter().map(|e| format!("error: {e}\n")).collect()),
        }
    }

    /// Handles one line on the workspace `ws`, whose engine is compiled at its first question
    /// and kept in `engine` until the workspace is replaced.
    fn line<'w>(
        &mut self,
        line: &str,
        ws: Option<&'w Workspace>,
        engine: &OnceCell<Engine<'w>>,
        color: bool,
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
                "h" | "help" => Step::Print(HELP.to_string(), String::new()),
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
                "load" => Step::Print(String::new(), "error: `:load` takes a path\n".into()),
                "check" => Step::Print(check(ws, color), String::new()),
                "given" => {
                    let text = format!("given {rest}");
                    if rest.is_empty() {
                        self.given.clear();
                        return Step::Print("given: cleared\n".into(), String::new());
                    }
                    let (dims, diagnostics) = edaran::syntax::parse_given(FileId(0), &text);
                    if diagnostics.iter().any(|d| d.is_error()) {
                        let source = [Source {
                            name: ":given".into(),
                            text,
                        }];
                        let r = Renderer::new(&source, color);
                        return Step::Print(
                            String::new(),
                            diagnostics.iter().map(|d| r.render(d)).collect(),
                        );
                    }
                    self.given = dims;
                    Step::Print(format!("given: {rest}\n"), String::new())
                }
                other => Step::Print(
                    String::new(),
                    format!("error: unknown command `:{other}` (`:help` lists them)\n"),
                ),
            };
        }
        let Some(ws) = ws else {
            return Step::Print(
                String::new(),
                "error: no workspace is loaded: `:load PATH`\n".into(),
            );
        };
        // A workspace that does not parse and resolve is not answered from: its broken
        // circulars are left out of the model, so the answers would silently ignore them.
        let blocking = super::query::blocking(ws).len();
        if blocking > 0 {
            return Step::Print(
                String::new(),
                format!(
                    "error: the workspace does not parse and resolve ({blocking} error{}): fix them and `:reload` (`:check` shows them)\n",
                    if blocking == 1 { "" } else { "s" }
                ),
            );
        }
        // Compiled once per workspace: a national corpus takes tens of milliseconds to compile,
        // and a question on it a microsecond or so.
        let engine = engine.get_or_init(|| Engine::new(ws));
        match answer(engine, line, &self.given, color) {
            Outcome::Answered(human, _, _) => Step::Print(human, String::new()),
            Outcome::Bad(text) => Step::Print(String::new(), text),
        }
    }
}

/// Answers the lines `next` gives, on `ws` and the workspaces that replace it, until `next` has
/// no more or a line says to quit. `next` is given the current workspace (for completion).
fn serve(
    session: &mut Session,
    mut ws: Option<Workspace>,
    color: bool,
    mut next: impl FnMut(Option<&Workspace>) -> Option<String>,
    mut emit: impl FnMut(&str, &str),
) {
    loop {
        let engine = OnceCell::new();
        let replacement = loop {
            let Some(line) = next(ws.as_ref()) else {
                return;
            };
            match session.line(&line, ws.as_ref(), &engine, color) {
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
    }
}

/// The text of `:check`.
fn check(ws: Option<&Workspace>, color: bool) -> String {
    let Some(ws) = ws else {
        return "no workspace is loaded\n".into();
    };
    let renderer = Renderer::new(&ws.sources, color);
    let mut out: String = ws
        .diagnostics
        .iter()
        .map(|d| renderer.render(d) + "\n")
        .collect();
    let errors = ws.error_count();
    out.push_str(&format!(
        "{errors} error{}, {} warning{}\n",
        if errors == 1 { "" } else { "s" },
        ws.diagnostics.len() - errors,
        if ws.diagnostics.len() - errors == 1 {
            ""
        } else {
            "s"
        }
    ));
    out
}

/// Words for tab completion: keywords, set names, and every quoted name the workspace uses.
fn words(ws: Option<&Workspace>) -> BTreeSet<String> {
    let mut words: BTreeSet<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
    for c in [":load", ":reload", ":check", ":given", ":help", ":quit"] {
        words.insert(c.to_string());
    }
    let Some(ws) = ws else { return words };
    for i in 0..ws.interner.len() {
        let s = ws.interner.resolve(edaran::model::Sym(i as u32));
        words.insert(format!("\"{s}\""));
    }
    words.extend(ws.names.iter().cloned());
    words
}

/// Tab completion over a fixed list of words.
#[derive(Helper, Highlighter, Hinter, Validator)]
struct Completion {
    words: BTreeSet<String>,
}

impl Completer for Completion {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        // A quoted name may hold spaces: complete from the last unmatched quote.
        let quotes = before.matches('"').count();
        let start = if quotes % 2 == 1 {
            before.rfind('"').unwrap_or(0)
        } else {
            before
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |i| i + 1)
        };
        let prefix = &before[start..];
        let candidates = self
            .words
            .iter()
            .filter(|w| w.starts_with(prefix) && !prefix.is_empty())
            .map(|w| Pair {
                display: w.clone(),
                replacement: w.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

fn history_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".edaran_history")))
}

pub fn run(paths: &[PathBuf], history: Option<PathBuf>) -> i32 {
    let mut session = Session {
        paths: if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        },
        given: Vec::new(),
    };
    let (ws, loaded) = match session.load() {
        Ok((ws, message)) => (Some(ws), message),
        Err(errors) => (None, errors),
    };
    let interactive = std::io::stdin().is_terminal();
    let color =
        interactive && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    if !interactive {
        // Plain lines from a pipe: no prompt, no history.
        let mut out = std::io::stdout().lock();
        let mut err = std::io::stderr().lock();
        if loaded.starts_with("error") {
            let _ = err.write_all(loaded.as_bytes());
        }
        let mut lines = std::io::stdin().lock().lines();
        serve(
            &mut session,
            ws,
            false,
            |_| lines.next()?.ok(),
            |o, e| {
                let _ = out.write_all(o.as_bytes());
                let _ = out.flush();
                let _ = err.write_all(e.as_bytes());
            },
        );
        return OK;
    }
    print!("edaran {}: {loaded}", env!("CARGO_PKG_VERSION"));
    println!("`:help` lists the questions and commands; Ctrl-D leaves");
    let mut editor: Editor<Completion, DefaultHistory> = match Editor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: cannot start the line editor: {e}");
            return USAGE;
        }
    };
    let history = history_path(history);
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    serve(
        &mut session,
        ws,
        color,
        |ws| {
            editor.set_helper(Some(Completion { words: words(ws) }));
            loop {
                match editor.readline("edaran> ") {
                    Ok(line) => {
                        if !line.trim().is_empty() {
                            let _ = editor.add_history_entry(line.as_str());
                        }
                        return Some(line);
                    }
                    Err(ReadlineError::Interrupted) => continue,
                    Err(ReadlineError::Eof) => return None,
                    Err(e) => {
                        eprintln!("error: {e}");
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
            eprintln!("warning: cannot save the history to `{}`: {e}", h.display());
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
        }
    }

    /// The engine is compiled at the first question and kept for the next ones; commands do
    /// not compile it, and `:reload` hands back a new workspace for a new engine.
    #[test]
    fn the_engine_is_compiled_once_per_workspace() {
        let mut s = session();
        let (ws, _) = s.load().expect("the examples load");
        let engine = OnceCell::new();
        let ask = |s: &mut Session, line: &str| match s.line(line, Some(&ws), &engine, false) {
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
            s.line(":reload", Some(&ws), &engine, false),
            Step::Replace(..)
        ));
        assert!(matches!(
            s.line(":quit", Some(&ws), &engine, false),
            Step::Quit
        ));
    }
}

//! `edaran repl`: questions, one per line, on a workspace that can be reloaded.

use super::query::{Outcome, answer};
use super::{OK, USAGE};
use edaran::eval::Engine;
use edaran::model::{GovScope, Sel, Source, Workspace};
use edaran::render::Renderer;
use edaran::span::FileId;
use edaran::syntax::ast::{Dimension, QueryKind};
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Context, Editor, Helper, Highlighter, Hinter, Validator};
use std::cell::OnceCell;
use std::collections::{BTreeSet, VecDeque};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

const HELP: &str = "\
Questions (docs/language.md explains them):
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
  :given DIMS    fill what the next questions leave out, for example
                 `:given gov \"Pemprov Banten\" function admin`
  :given         show the dimensions given
  :given clear   give none again
  :help          this text
  :quit          leave (also Ctrl-D)
Tab completes what can come next; lines pasted at once are answered one by one.
";

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
        match super::files::find(&self.paths).and_then(|f| super::files::read(&f)) {
            Ok(sources) => {
                let ws = edaran::check::load(sources);
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
                    if rest.is_empty() {
                        return Step::Print(
                            if self.given.is_empty() {
                                "given: none (`:given gov \"Pemprov Banten\"`, for example, gives one)\n".into()
                            } else {
                                format!("given: {}\n", self.given_text)
                            },
                            String::new(),
                        );
                    }
                    if rest == "clear" {
                        self.given.clear();
                        self.given_text.clear();
                        return Step::Print("given: cleared\n".into(), String::new());
                    }
                    let text = format!("given {rest}");
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
                    self.given_text = rest.to_string();
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
            Outcome::Answered(human, _, _) if echo => Step::Print(human, String::new()),
            Outcome::Answered(human, _, _) => {
                // The answer's first line is the question, already on the screen.
                let asked = format!("{line}\n");
                let text = human.strip_prefix(&asked).map(str::to_string);
                Step::Print(text.unwrap_or(human), String::new())
            }
            Outcome::Bad(text) => Step::Print(String::new(), text),
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

/// The names a question can use, by where they go, for tab completion.
#[derive(Debug, Default)]
struct Names {
    units: BTreeSet<String>,
    functions: BTreeSet<String>,
    /// Domiciles and offices.
    places: BTreeSet<String>,
    govs: BTreeSet<String>,
}

impl Names {
    /// Every name the circulars of `ws` write in a selector or a scope, `except` included, and
    /// every name its tests ask about.
    fn of(ws: &Workspace) -> Names {
        let mut names = Names::default();
        for c in &ws.circulars {
            if let GovScope::Govs(govs) = &c.scope {
                for g in govs {
                    names.govs.insert(ws.interner.resolve(*g).to_string());
                }
            }
            for s in c.selectors() {
                names.add(ws, s);
            }
        }
        // The tests ask the questions a user asks: their units, functions and places count too.
        for (_, t) in &ws.tests {
            for d in &t.given {
                names.dimension(&d.node);
            }
            for e in &t.expects {
                if let QueryKind::Wfo(s) | QueryKind::Explain(s) | QueryKind::Priority(s) =
                    &e.query.kind
                {
                    names.units.insert(s.unit.node.clone());
                    for d in &s.dims {
                        names.dimension(&d.node);
                    }
                }
            }
        }
        names
    }

    fn dimension(&mut self, d: &Dimension) {
        let (set, name) = match d {
            Dimension::Function(n) => (&mut self.functions, n),
            Dimension::Domicile(n) | Dimension::Office(n) => (&mut self.places, n),
            Dimension::Gov(n) => (&mut self.govs, n),
        };
        set.insert(name.clone());
    }

    fn add(&mut self, ws: &Workspace, sel: &Sel) {
        let (set, syms) = match sel {
            Sel::All => return,
            Sel::Unit(s) => (&mut self.units, s),
            Sel::Function(s) => (&mut self.functions, s),
            Sel::Domicile(s) | Sel::Office(s) => (&mut self.places, s),
            Sel::Gov(s) => (&mut self.govs, s),
            Sel::And(parts) | Sel::Or(parts) => {
                for p in parts {
                    self.add(ws, p);
                }
                return;
            }
            Sel::Not(s) => return self.add(ws, s),
        };
        for sym in syms {
            let name = ws.interner.resolve(*sym);
            if !set.contains(name) {
                set.insert(name.to_string());
            }
        }
    }
}

/// What a line can start with: the questions, then the commands.
const STARTS: &[&str] = &[
    "wfo ",
    "explain ",
    "wfh priority ",
    "in force on ",
    "conflicts",
    ":load ",
    ":reload",
    ":check",
    ":given ",
    ":help",
    ":quit",
];

/// The words of a question that can follow a unit: dimensions and times.
const DIMENSIONS: &[&str] = &["function ", "domicile ", "office ", "gov "];
const TIMES: &[&str] = &["on ", "from "];

/// The words of `line` with where each starts: a quoted string is one word, closed or not.
fn words_of(line: &str) -> Vec<(usize, &str)> {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if bytes[i] == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else {
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'"' {
                i += 1;
            }
        }
        words.push((start, &line[start..i]));
    }
    words
}

/// True for a word that opens a string it does not close.
fn open_string(word: &str) -> bool {
    let Some(inner) = word.strip_prefix('"') else {
        return false;
    };
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return false,
            _ => escaped = false,
        }
    }
    true
}

/// A name written as a string, with its closing quote and a space after it.
fn quoted(name: &str) -> String {
    format!("\"{}\" ", name.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Tab completion by what can come next: question words and commands at the start of a line,
/// then the names the workspace uses where each kind goes (function names after `function`,
/// places after `domicile` and `office`, governments after `gov`, units after a question's
/// keyword), and paths after `:load`.
#[derive(Helper, Highlighter, Hinter, Validator)]
struct Completion {
    names: Names,
    files: FilenameCompleter,
}

impl Completion {
    fn new(ws: Option<&Workspace>) -> Completion {
        Completion {
            names: ws.map(Names::of).unwrap_or_default(),
            files: FilenameCompleter::new(),
        }
    }

    /// The candidates for the end of `text`, a line without its line break, and where they start.
    fn candidates(&self, text: &str) -> (usize, Vec<Pair>) {
        let words = words_of(text);
        // The word being written, or an empty one after a space.
        let current = match words.last() {
            Some(&(start, w)) if open_string(w) || start + w.len() == text.len() => (start, w),
            _ => (text.len(), ""),
        };
        let before: Vec<&str> = words
            .iter()
            .filter(|(start, _)| *start < current.0)
            .map(|(_, w)| *w)
            .collect();
        let (start, prefix) = current;
        let keywords = |list: &[&str]| -> Vec<String> {
            list.iter()
                .filter(|k| k.starts_with(prefix))
                .map(|k| k.to_string())
                .collect()
        };
        let names = |set: &BTreeSet<String>, quote: bool| -> Vec<String> {
            let p = prefix.strip_prefix('"').unwrap_or(prefix).to_lowercase();
            set.iter()
                .filter(|n| n.to_lowercase().starts_with(&p))
                .map(|n| if quote { quoted(n) } else { format!("{n} ") })
                .collect()
        };
        let first = before.first().copied();
        let previous = before.last().copied();
        let found = match (first, previous) {
            (None, _) => keywords(STARTS),
            (Some(":load"), _) => {
                let (at, pairs) = self
                    .files
                    .complete_path(text, text.len())
                    .unwrap_or((start, Vec::new()));
                return (at, pairs);
            }
            (Some(f), _) if f.starts_with(':') && f != ":given" => Vec::new(),
            (_, Some("function")) => names(&self.names.functions, false),
            (_, Some("domicile" | "office")) => names(&self.names.places, true),
            (_, Some("gov")) => names(&self.names.govs, true),
            (Some("wfo" | "explain"), Some("wfo" | "explain")) => names(&self.names.units, true),
            (Some("wfh"), Some("wfh")) => keywords(&["priority "]),
            (Some("wfh"), Some("priority")) => names(&self.names.units, true),
            (Some("in"), Some("in")) => keywords(&["force "]),
            (Some("in"), Some("force")) => keywords(&["on "]),
            (Some(":given"), _) => keywords(DIMENSIONS),
            (Some("wfo" | "explain" | "wfh"), Some("on" | "from" | "to")) => Vec::new(),
            (Some("wfo" | "explain" | "wfh"), _)
                if before.len() >= 2 && before[before.len() - 2] == "from" =>
            {
                keywords(&["to "])
            }
            (Some("wfo" | "explain" | "wfh"), _) => keywords(&[DIMENSIONS, TIMES].concat()),
            _ => Vec::new(),
        };
        let pairs = found
            .into_iter()
            .map(|r| Pair {
                display: r.trim_end().to_string(),
                replacement: r,
            })
            .collect();
        (start, pairs)
    }
}

impl Completer for Completion {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        // A pasted block: only its last line is being written.
        let base = line[..pos].rfind('\n').map_or(0, |i| i + 1);
        let (start, pairs) = self.candidates(&line[base..pos]);
        Ok((base + start, pairs))
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
        if loaded.starts_with("error") {
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
    println!("`:help` lists the questions and commands; Ctrl-D leaves");
    // Several names: list them all (the default cycles through them, one at a time).
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .build();
    let mut editor: Editor<Completion, DefaultHistory> = match Editor::with_config(config) {
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

    /// The completions offered at the end of `text` on the examples: their replacements.
    fn complete(c: &Completion, text: &str) -> Vec<String> {
        let (start, pairs) = c.candidates(text);
        pairs
            .into_iter()
            .map(|p| format!("{}{}", &text[..start], p.replacement))
            .collect()
    }

    fn examples() -> Completion {
        let (ws, _) = session().load().expect("the examples load");
        Completion::new(Some(&ws))
    }

    #[test]
    fn a_line_starts_with_a_question_or_a_command() {
        let c = examples();
        let all = complete(&c, "");
        assert_eq!(
            all,
            [
                "wfo ",
                "explain ",
                "wfh priority ",
                "in force on ",
                "conflicts",
                ":load ",
                ":reload",
                ":check",
                ":given ",
                ":help",
                ":quit"
            ]
        );
        assert_eq!(complete(&c, "w"), ["wfo ", "wfh priority "]);
        assert_eq!(complete(&c, ":g"), [":given "]);
        assert_eq!(complete(&c, "wfh "), ["wfh priority "]);
        assert_eq!(complete(&c, "in "), ["in force "]);
        assert_eq!(complete(&c, "in force "), ["in force on "]);
        assert!(complete(&c, "   x").is_empty());
    }

    #[test]
    fn each_place_of_a_question_offers_its_own_names() {
        let c = examples();
        // Units after the question's keyword, inside the string or before it.
        let units = complete(&c, "wfo \"Dinas K");
        assert_eq!(
            units,
            [
                "wfo \"Dinas Kesehatan\" ",
                "wfo \"Dinas Kesehatan/UPT Labkesda\" "
            ]
        );
        assert_eq!(complete(&c, "wfo \"dinas k"), units, "case does not matter");
        assert!(complete(&c, "wfo ").contains(&"wfo \"BPKAD\" ".to_string()));
        assert_eq!(complete(&c, "explain \"BPK"), ["explain \"BPKAD\" "]);
        assert_eq!(
            complete(&c, "wfh priority \"BPK"),
            ["wfh priority \"BPKAD\" "]
        );
        // Functions after `function`, bare: written in a rule, an `except`, an exemption or a test.
        let functions = complete(&c, "wfo \"BPKAD\" function ");
        for f in ["admin", "service", "teaching"] {
            assert!(
                functions.contains(&format!("wfo \"BPKAD\" function {f} ")),
                "{f} in {functions:?}"
            );
        }
        assert!(
            !functions.iter().any(|f| f.ends_with("\"BPKAD\" ")),
            "no unit among the functions: {functions:?}"
        );
        assert!(!functions.iter().any(|f| f.contains("Pemprov")));
        // Governments after `gov`, places after `domicile` and `office`.
        assert_eq!(
            complete(&c, "wfo \"BPKAD\" gov \"Pemprov B"),
            ["wfo \"BPKAD\" gov \"Pemprov Banten\" "]
        );
        let govs = complete(&c, "wfo \"BPKAD\" gov ");
        assert!(govs.contains(&"wfo \"BPKAD\" gov \"Pemprov Lampung\" ".to_string()));
        assert!(!govs.iter().any(|g| g.contains("BPKAD\" gov \"BPKAD")));
        assert_eq!(
            complete(&c, "wfo \"BPKAD\" domicile \"Bog"),
            ["wfo \"BPKAD\" domicile \"Bogor\" "]
        );
        assert_eq!(
            complete(&c, "wfo \"BPKAD\" office \"Kota S"),
            ["wfo \"BPKAD\" office \"Kota Serang\" "]
        );
        // After a unit: the dimensions and the times; after `from DATE`, `to`.
        assert_eq!(
            complete(&c, "wfo \"BPKAD\" "),
            [
                "wfo \"BPKAD\" function ",
                "wfo \"BPKAD\" domicile ",
                "wfo \"BPKAD\" office ",
                "wfo \"BPKAD\" gov ",
                "wfo \"BPKAD\" on ",
                "wfo \"BPKAD\" from "
            ]
        );
        assert_eq!(
            complete(&c, "wfo \"BPKAD\" from 2023-01-01 "),
            ["wfo \"BPKAD\" from 2023-01-01 to "]
        );
        assert!(complete(&c, "wfo \"BPKAD\" on ").is_empty(), "a date");
        // `:given` takes dimensions.
        assert_eq!(complete(&c, ":given g"), [":given gov "]);
        assert_eq!(
            complete(&c, ":given gov \"Pemprov L"),
            [":given gov \"Pemprov Lampung\" "]
        );
        // A pasted block: the line being written is the last one.
        let (start, pairs) = c.candidates("wfo \"BPKAD\" gov \"Pemprov B");
        let pasted = "in force on 2020-03-20\nwfo \"BPKAD\" gov \"Pemprov B";
        let (at, again) = c
            .complete(pasted, pasted.len(), &Context::new(&DefaultHistory::new()))
            .unwrap();
        assert_eq!(at, start + "in force on 2020-03-20\n".len());
        assert_eq!(
            again.iter().map(|p| &p.replacement).collect::<Vec<_>>(),
            pairs.iter().map(|p| &p.replacement).collect::<Vec<_>>()
        );
    }

    #[test]
    fn load_completes_paths() {
        let c = examples();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/banten-2022");
        let got = complete(&c, &format!(":load {dir}"));
        assert_eq!(got, [format!(":load {dir}-wfh-covid.se")]);
    }

    #[test]
    fn quoted_names_are_escaped_and_strings_are_read_whole() {
        assert_eq!(quoted("A \"B\" \\ C"), "\"A \\\"B\\\" \\\\ C\" ");
        assert_eq!(
            words_of("wfo \"A \\\" B\" gov \"X"),
            [(0, "wfo"), (4, "\"A \\\" B\""), (13, "gov"), (17, "\"X")]
        );
        assert!(open_string("\"X"));
        assert!(open_string("\"X \\\""));
        assert!(!open_string("\"X\""));
        assert!(!open_string("wfo"));
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

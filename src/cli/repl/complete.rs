//! Tab completion in the REPL: what can come next at the end of a line.
//!
//! The question words, dimensions and times come from the keyword table
//! (`edaran::syntax::keywords`); the names come from the workspace.

use edaran::Lang;
use edaran::model::{GovScope, Sel, Workspace};
use edaran::region::Dim;
use edaran::syntax::ast::{Dimension, QueryKind};
use edaran::syntax::keywords::{self, Place, QUESTIONS, Then};
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::{Context, Helper, Highlighter, Hinter, Validator};
use std::collections::BTreeSet;

/// The names a question can use, by where they go, for tab completion.
#[derive(Debug, Default)]
pub(super) struct Names {
    units: BTreeSet<String>,
    functions: BTreeSet<String>,
    /// Domiciles and offices.
    places: BTreeSet<String>,
    govs: BTreeSet<String>,
    conditions: BTreeSet<String>,
    traits: BTreeSet<String>,
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
            for k in &c.conditions {
                names
                    .conditions
                    .insert(ws.interner.resolve(k.name).to_string());
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

    /// The names completed for the values of a dimension.
    fn vocabulary(&mut self, dim: Dim) -> &mut BTreeSet<String> {
        match dim {
            Dim::Unit => &mut self.units,
            Dim::Function => &mut self.functions,
            Dim::Domicile | Dim::Office => &mut self.places,
            Dim::Gov => &mut self.govs,
            Dim::Condition => &mut self.conditions,
            Dim::Trait => &mut self.traits,
        }
    }

    fn dimension(&mut self, d: &Dimension) {
        let (dim, name, _) = edaran::eval::query::dimension(d);
        self.vocabulary(dim).insert(name.to_string());
    }

    fn add(&mut self, ws: &Workspace, sel: &Sel) {
        let (set, syms) = match sel {
            Sel::All => return,
            Sel::In(dim, s) => (self.vocabulary(*dim), s),
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

/// The commands a line can start with, after the questions.
const COMMANDS: &[&str] = &[":load ", ":reload", ":check", ":given ", ":help", ":quit"];

/// What a line can start with: the questions in English, then in Indonesian, then the
/// commands.
fn starts() -> Vec<String> {
    let questions = Lang::ALL.into_iter().flat_map(|lang| {
        QUESTIONS.iter().map(move |q| match q.then {
            Then::Nothing => q.phrase_in(lang),
            Then::Subject | Then::Date => format!("{} ", q.phrase_in(lang)),
        })
    });
    let mut out: Vec<String> = Vec::new();
    for q in questions.chain(COMMANDS.iter().map(|c| c.to_string())) {
        if !out.contains(&q) {
            out.push(q);
        }
    }
    out
}

/// The words of a question that can follow a unit: its dimensions, then (with `times`) the
/// words that start its time.
fn dimensions(times: bool) -> Vec<String> {
    let times = keywords::all_at(Place::Time).filter(|_| times);
    keywords::all_at(Place::Dimension)
        .chain(times)
        .map(|k| format!("{k} "))
        .collect()
}

/// The words of a line read in English, and the language of its keywords: an Indonesian
/// question is completed like the English one, and offered its own words.
fn in_english<'a>(words: &[&'a str]) -> (Vec<&'a str>, Lang) {
    let lang = words
        .iter()
        .find_map(|w| keywords::language_of(w))
        .unwrap_or(Lang::En);
    if lang == Lang::En {
        return (words.to_vec(), lang);
    }
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        match (i, *w) {
            // `berlaku pada`, `berlaku mulai`: the question `in force`.
            (0, "berlaku") => out.extend(["in", "force"]),
            // `prioritas wfh`: `wfh priority`.
            (0, "prioritas") => out.push("wfh"),
            (1, "wfh") if out == ["wfh"] => out.push("priority"),
            _ => out.push(keywords::translate(w, Lang::En).unwrap_or(w)),
        }
    }
    (out, lang)
}

/// A keyword offered (`"not "`, `"on "`) as a line in `lang` writes it.
fn spelled(keyword: &str, lang: Lang) -> String {
    let word = keyword.trim_end();
    let shown = keywords::by_english(word).map_or(word, |k| k.spelling(lang));
    format!("{shown}{}", &keyword[word.len()..])
}

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
pub(super) struct Completion {
    names: Names,
    files: FilenameCompleter,
}

impl Completion {
    pub(super) fn new(ws: Option<&Workspace>) -> Completion {
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
        let written: Vec<&str> = words
            .iter()
            .filter(|(start, _)| *start < current.0)
            .map(|(_, w)| *w)
            .collect();
        let (before, lang) = in_english(&written);
        let (start, prefix) = current;
        let keywords = |list: &[&str]| -> Vec<String> {
            list.iter()
                .map(|k| spelled(k, lang))
                .filter(|k| k.starts_with(prefix))
                .collect()
        };
        let offer = |list: Vec<String>| -> Vec<String> {
            list.into_iter()
                .map(|k| {
                    if k.starts_with(':') {
                        k
                    } else {
                        spelled(&k, lang)
                    }
                })
                .filter(|k| k.starts_with(prefix))
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
            (None, _) => offer(starts()),
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
            (_, Some("when")) => {
                let mut found = keywords(&["not "]);
                found.extend(names(&self.names.conditions, false));
                found
            }
            (_, Some("not")) if before.len() >= 2 && before[before.len() - 2] == "when" => {
                names(&self.names.conditions, false)
            }
            (_, Some("trait")) => names(&self.names.traits, false),
            (Some("wfo" | "explain" | "wfh" | ":given"), Some("not")) => keywords(&["trait "]),
            (Some("wfo" | "explain"), Some("wfo" | "explain")) => names(&self.names.units, true),
            (Some("wfh"), Some("wfh")) => keywords(&["priority "]),
            (Some("wfh"), Some("priority")) => names(&self.names.units, true),
            (Some("in"), Some("in")) => keywords(&["force "]),
            (Some("in"), Some("force")) => keywords(&["on ", "from "]),
            (Some("in"), _) if before.len() == 4 && before[2] == "from" => keywords(&["to "]),
            (Some(":given"), _) => offer(dimensions(false)),
            (Some("wfo" | "explain" | "wfh"), Some("on" | "from" | "to")) => Vec::new(),
            (Some("wfo" | "explain" | "wfh"), _)
                if before.len() >= 2 && before[before.len() - 2] == "from" =>
            {
                keywords(&["to "])
            }
            (Some("wfo" | "explain" | "wfh"), _) => offer(dimensions(true)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use rustyline::history::DefaultHistory;
    use std::path::PathBuf;

    /// The completions offered at the end of `text` on the examples: their replacements.
    fn complete(c: &Completion, text: &str) -> Vec<String> {
        let (start, pairs) = c.candidates(text);
        pairs
            .into_iter()
            .map(|p| format!("{}{}", &text[..start], p.replacement))
            .collect()
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
                "jelaskan ",
                "prioritas wfh ",
                "berlaku pada ",
                "konflik",
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
        assert_eq!(
            complete(&c, "in force "),
            ["in force on ", "in force from "]
        );
        assert_eq!(complete(&c, "in force f"), ["in force from "]);
        assert_eq!(
            complete(&c, "in force from 2023-08-20 "),
            ["in force from 2023-08-20 to "]
        );
        assert!(complete(&c, "in force from 2023-08-20 to ").is_empty());
        assert!(complete(&c, "   x").is_empty());
    }

    /// A question begun in Indonesian is offered the Indonesian words.
    #[test]
    fn an_indonesian_question_is_offered_its_words() {
        let c = examples();
        assert_eq!(complete(&c, "j"), ["jelaskan "]);
        assert_eq!(
            complete(&c, "jelaskan \"BPKAD\" p"),
            ["jelaskan \"BPKAD\" pada "]
        );
        let after_unit = complete(&c, "wfo \"BPKAD\" fungsi admin ");
        assert!(after_unit.contains(&"wfo \"BPKAD\" fungsi admin pada ".to_string()));
        assert!(after_unit.contains(&"wfo \"BPKAD\" fungsi admin instansi ".to_string()));
        assert!(
            !after_unit.iter().any(|w| w.ends_with(" on ")),
            "{after_unit:?}"
        );
        assert_eq!(
            complete(&c, "berlaku mulai 2026-04-01 "),
            ["berlaku mulai 2026-04-01 sampai "]
        );
        assert_eq!(
            complete(&c, "prioritas wfh \"Dinas K"),
            [
                "prioritas wfh \"Dinas Kesehatan\" ",
                "prioritas wfh \"Dinas Kesehatan/UPT Labkesda\" "
            ]
        );
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
        // Conditions after `when` (and `not`), traits after `trait`.
        assert_eq!(
            complete(&c, "wfo \"Dishub\" when "),
            [
                "wfo \"Dishub\" when not ",
                "wfo \"Dishub\" when emergency ",
                "wfo \"Dishub\" when urgent "
            ]
        );
        assert_eq!(
            complete(&c, "wfo \"Dishub\" when not u"),
            ["wfo \"Dishub\" when not urgent "]
        );
        assert_eq!(
            complete(&c, "wfo \"Setda\" trait echelon_"),
            [
                "wfo \"Setda\" trait echelon_2 ",
                "wfo \"Setda\" trait echelon_3 "
            ]
        );
        assert_eq!(
            complete(&c, "wfo \"Setda\" not "),
            ["wfo \"Setda\" not trait "]
        );
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
                "wfo \"BPKAD\" when ",
                "wfo \"BPKAD\" trait ",
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

    fn examples() -> Completion {
        let session = super::super::Session {
            paths: vec![PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples"
            ))],
            given: Vec::new(),
            given_text: String::new(),
        };
        let (ws, _) = session.load().expect("the examples load");
        Completion::new(Some(&ws))
    }
}

//! The messages of both languages against each other and against the code that asks for them.

use super::*;
use fluent_syntax::ast::Entry;
use std::collections::BTreeSet;
use std::path::Path;

/// The ids of the messages of one file.
fn ids(text: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(text).expect("the file parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.to_string()),
            Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect()
}

/// One lookup in the code: the id and the names of the arguments it passes.
#[derive(Debug)]
struct Call {
    at: String,
    id: String,
    args: Vec<String>,
}

/// The top-level comma-separated pieces of the arguments of a macro call that opens at `text`'s
/// start (just after its `(`), up to its closing parenthesis.
fn pieces(text: &str) -> Vec<String> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut out, mut piece) = (Vec::new(), String::new());
    for c in text.chars() {
        if in_string {
            piece.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut piece));
                continue;
            }
            _ => {}
        }
        piece.push(c);
    }
    out.push(piece);
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every `tr!` and `tr_in!` of the `.rs` files under `dir` (comments left out; the definitions
/// of the macros, whose id is not a literal, too).
fn calls(dir: &Path, out: &mut Vec<Call>) {
    for entry in std::fs::read_dir(dir).expect("src/cli is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            calls(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        for (macro_name, skip) in [("tr!(", 0), ("tr_in!(", 1)] {
            for (at, _) in code.match_indices(macro_name) {
                // `tr!(` inside `tr_in!(` is not a call of `tr!`.
                if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let args = pieces(&code[at + macro_name.len()..]);
                let Some(id) = args
                    .get(skip)
                    .and_then(|a| a.strip_prefix('"')?.strip_suffix('"'))
                else {
                    continue;
                };
                let names = args[skip + 1..]
                    .iter()
                    .map(|a| a.split('=').next().unwrap_or("").trim().to_string())
                    .collect();
                out.push(Call {
                    at: format!(
                        "{}: {}",
                        path.display(),
                        &code[at..].lines().next().unwrap()
                    ),
                    id: id.to_string(),
                    args: names,
                });
            }
        }
    }
}

fn all_calls() -> Vec<Call> {
    let mut out = Vec::new();
    calls(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli"),
        &mut out,
    );
    assert!(out.len() > 100, "the scan finds the calls: {}", out.len());
    out
}

#[test]
fn both_languages_have_the_same_messages() {
    let [(_, _, en), (_, _, id)] = FTL;
    let (en, id) = (ids(en), ids(id));
    assert_eq!(
        en.difference(&id).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in English only"
    );
    assert_eq!(
        id.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in Indonesian only"
    );
}

#[test]
fn every_message_the_code_asks_for_formats_in_both_languages() {
    for call in all_calls() {
        for (lang, tag, _) in FTL {
            let bundle = bundle(lang);
            let message = bundle.get_message(&call.id);
            let pattern = message.and_then(|m| m.value());
            let pattern =
                pattern.unwrap_or_else(|| panic!("{tag}: no `{}` ({})", call.id, call.at));
            let mut args = FluentArgs::new();
            for name in &call.args {
                args.set(name.as_str(), FluentValue::from(3));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{tag}: {errors:?} ({})", call.at);
            assert!(
                !text.contains(['\u{2068}', '\u{2069}']),
                "{tag}: isolation marks"
            );
        }
    }
}

#[test]
fn every_message_is_used() {
    let used: BTreeSet<String> = all_calls().into_iter().map(|c| c.id).collect();
    let [(_, _, en), _] = FTL;
    for id in ids(en) {
        // A count is used by the messages that reference it (`{ n-files }`).
        let referenced = en.contains(&format!("{{ {id} }}"));
        assert!(used.contains(&id) || referenced, "`{id}` is never used");
    }
}

#[test]
fn counts_are_plural_in_english_and_plain_in_indonesian() {
    let summary = |lang, errors: usize| {
        let warnings = 1;
        tr_in!(
            lang,
            "check-summary",
            files = 2,
            errors = errors,
            warnings = warnings
        )
    };
    assert_eq!(summary(Lang::En, 1), "checked 2 files: 1 error, 1 warning");
    assert_eq!(summary(Lang::En, 3), "checked 2 files: 3 errors, 1 warning");
    assert_eq!(
        summary(Lang::Id, 1),
        "2 berkas diperiksa: 1 kesalahan, 1 peringatan"
    );
    assert_eq!(
        summary(Lang::Id, 3),
        "2 berkas diperiksa: 3 kesalahan, 1 peringatan"
    );
}

/// clap's own checks of the command (run in the language of the tests, English: the messages
/// of both languages are checked above, and the command line's tests run `--lang id --help`).
#[test]
fn the_help_builds() {
    use clap::CommandFactory;
    super::super::Cli::command().debug_assert();
}

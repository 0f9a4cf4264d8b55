//! Imports run one way: the layers at the bottom of the library (the syntax, the model, the
//! region algebra and the small modules beside them) import nothing from the layers that use
//! them (the check wing, the evaluator, the analysis, the checks of the tree, the renderer, the
//! command line), and the checks of the tree read the syntax alone, not the model. These are
//! the crate boundaries ARCHITECTURE.md names: a cut along them must compile.
//!
//! The test reads `src/` and collects, per top-level module, the modules its code names through
//! `crate::` paths (`crate::eval::Engine`, `use crate::{eval, lints}`) and through `super::`
//! paths that climb out of it to the crate root. Comments are left out: a doc link is no import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules nothing at the bottom may use.
const UPPER: &[&str] = &["check", "eval", "analysis", "lints", "cli", "render"];

/// The bottom layers, and the modules each may not use besides [`UPPER`].
const RULES: &[(&str, &[&str])] = &[
    ("syntax", &["model", "region"]),
    ("model", &["region"]),
    ("region", &[]),
    ("text", &["syntax", "model", "region"]),
    ("span", &["syntax", "model", "region"]),
    ("diagnostic", &["syntax", "model", "region"]),
    ("calendar", &["model", "region"]),
    // The table of dimensions is below everything, so that the syntax may read it.
    (
        "dim",
        &[
            "syntax",
            "model",
            "region",
            "text",
            "span",
            "diagnostic",
            "calendar",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `src/model/resolve.rs` is `["model", "resolve"]`,
/// `src/model/mod.rs` is `["model"]`, `src/lib.rs` is `[]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// The lines of `source` that are code: comment lines (`//`, `///`, `//!`) are left out, so a
/// doc link is no import. (The sources write no import after code on a line, nor in a block
/// comment.)
fn code_of(source: &str) -> String {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers that follow `prefix` in `code`, including each name of a `{a, b::c}` group.
fn names_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        // `edaran::crate::` does not occur; `$crate::` (a macro) names this crate too.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: those after `{` or a `,` at depth zero.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        start = false;
                        names.push(ident(&group[i..]));
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident(rest));
        }
    }
    names
}

/// Per top-level module, the other top-level modules its code names.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("below src");
        let path = module_path(relative);
        let Some(top) = path.first().cloned() else {
            continue; // the crate root declares the modules
        };
        let code = code_of(&std::fs::read_to_string(&file).expect("a source file"));
        let mut named = names_after(&code, "crate::");
        // `super::` climbing to the crate root from the file's own module (an inline
        // `mod tests` climbs one less: counting from the file errs towards reporting).
        named.extend(names_after(&code, &"super::".repeat(path.len())));
        let entry = uses.entry(top.clone()).or_default();
        entry.extend(named.into_iter().filter(|n| !n.is_empty() && *n != top));
    }
    uses
}

#[test]
fn imports_run_one_way() {
    let uses = imports();
    let mut problems = Vec::new();
    for (module, also) in RULES {
        let Some(named) = uses.get(*module) else {
            problems.push(format!("src/{module} was not found"));
            continue;
        };
        for forbidden in UPPER.iter().chain(also.iter()) {
            if named.contains(*forbidden) {
                problems.push(format!("`{module}` uses `{forbidden}`"));
            }
        }
    }
    // The checks of the tree read the syntax tree, not the model: they also run on circulars
    // left out of the model.
    let lints = uses.get("lints").cloned().unwrap_or_default();
    for forbidden in [
        "model", "region", "eval", "analysis", "check", "cli", "render",
    ] {
        if lints.contains(forbidden) {
            problems.push(format!("`lints` uses `{forbidden}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "imports that run upward:\n{}",
        problems.join("\n")
    );
}

/// The scanner sees what it is meant to: a path, a group, a `super::` that leaves the module,
/// and not a comment.
#[test]
fn the_scanner_finds_paths_and_groups_but_not_comments() {
    let code = code_of(
        "use crate::{eval::Engine, lints};\n  /// [`crate::cli`]\nlet x = crate::model::load;\n$crate::region::x;\n",
    );
    let names = names_after(&code, "crate::");
    assert_eq!(names, ["eval", "lints", "model", "region"]);
    assert_eq!(
        names_after("use super::super::check;", "super::super::"),
        ["check"]
    );
    assert_eq!(
        module_path(Path::new("model/resolve/circular.rs")),
        ["model", "resolve", "circular"]
    );
    assert_eq!(module_path(Path::new("model/mod.rs")), ["model"]);
}

/// A source file longer than this is doing several jobs (ARCHITECTURE.md, "Sizes").
const MAX_FILE_LINES: usize = 700;
/// A function longer than this is several steps that want names.
const MAX_FN_LINES: usize = 120;

/// The functions of `source` longer than [`MAX_FN_LINES`], as (first line, name, length). A
/// function starts at a line whose code begins with `fn`, `pub fn`, `pub(crate) fn`, ... and
/// ends at the first later line that is its closing brace at the same indentation (rustfmt's
/// layout, which CI enforces).
fn long_functions(source: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let Some(after) = code
            .split_once("fn ")
            .filter(|(before, _)| {
                before.split_whitespace().all(|w| {
                    matches!(w, "pub" | "const" | "async" | "unsafe" | "extern")
                        || w.starts_with("pub(")
                })
            })
            .map(|(_, after)| after)
        else {
            continue;
        };
        if code.ends_with(';') {
            continue; // a declaration in a trait
        }
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            let length = end + 2;
            if length > MAX_FN_LINES {
                long.push((i + 1, name, length));
            }
        }
    }
    long
}

/// No file of `src/` over [`MAX_FILE_LINES`] lines and no function over [`MAX_FN_LINES`]
/// (the test files are lists of independent cases and are not held to it).
#[test]
fn source_files_and_functions_stay_small() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("a source file");
        let name = file
            .strip_prefix(&src)
            .expect("below src")
            .display()
            .to_string();
        let lines = source.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("src/{name}: {lines} lines"));
        }
        for (at, function, length) in long_functions(&source) {
            problems.push(format!("src/{name}:{at}: fn {function} is {length} lines"));
        }
    }
    assert!(
        problems.is_empty(),
        "split these (or say in ARCHITECTURE.md why not, and raise the limit here):\n{}",
        problems.join("\n")
    );
}

/// The measure of a function sees a function, its end, and not a call or a declaration.
#[test]
fn long_functions_are_measured_from_fn_to_the_closing_brace() {
    let body = "    x();\n".repeat(MAX_FN_LINES);
    let source = format!(
        "pub(crate) fn long() {{\n{body}}}\nfn short() {{\n    let f = |x| x; fn_call();\n}}\ntrait T {{\n    fn declared(&self);\n}}\n"
    );
    assert_eq!(
        long_functions(&source),
        [(1, "long".to_string(), MAX_FN_LINES + 2)]
    );
}

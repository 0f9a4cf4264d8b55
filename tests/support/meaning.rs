//! What a workspace means, for the tests that compare two texts of it (the formatter's layout,
//! the other language's keywords): the `.se` files of a folder, the questions of its `expect`s,
//! the outcomes of its `test` blocks.

use edaran::eval::Engine;
use edaran::eval::query::Spec;
use edaran::model::Workspace;
use edaran::syntax::ast::QueryKind;
use std::path::{Path, PathBuf};

/// Every `.se` file under `dir`, recursively, sorted.
pub fn se_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(se_files(&path));
        } else if path.extension().is_some_and(|e| e == "se") {
            out.push(path);
        }
    }
    out
}

/// The questions of every `expect` of a workspace (with their test's `given`).
pub fn questions(ws: &Workspace) -> Vec<Spec> {
    let mut out = Vec::new();
    for (_, t) in &ws.tests {
        let given: Vec<_> = t.given.iter().map(|d| d.node.clone()).collect();
        for e in &t.expects {
            if let QueryKind::Wfo(s) | QueryKind::Explain(s) | QueryKind::Priority(s) =
                &e.query.kind
            {
                out.extend(Spec::new(s, &given));
            }
        }
    }
    out
}

/// A test outcome without its positions: file, name, expectations, failures.
pub type OutcomeKey = (u32, String, usize, Vec<(String, String)>);

/// The outcome of each `test` block, the texts of its failures read through `text`.
pub fn outcomes(engine: &Engine<'_>, text: impl Fn(&str) -> String) -> Vec<OutcomeKey> {
    edaran::eval::expect::run(engine)
        .into_iter()
        .map(|o| {
            let failures = o
                .failures
                .iter()
                .map(|f| (text(&f.expected()), text(&f.actual())))
                .collect();
            (o.file.0, o.name, o.expectations, failures)
        })
        .collect()
}

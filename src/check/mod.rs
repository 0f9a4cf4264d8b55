//! The check wing: drives the pipeline over a workspace, from the text of each file to the
//! resolved [`Workspace`] and every diagnostic.
//!
//! The steps, and who does each: each file is parsed ([`crate::syntax`]) and checked where its
//! tree alone tells ([`crate::lints::check_file`]) on every core; then, in file order, resolved
//! on the calling thread ([`crate::model::Resolver`]); once every file is resolved, the checks
//! across files ([`crate::lints::AcrossFiles`]) run beside the conflict and overlap analysis
//! ([`crate::analysis`], on the circulars compiled by [`crate::eval::Engine`]).
//!
//! [`load`] is one full check; a [`Session`] keeps what each file gave, for an editor that
//! checks again after each change to one file.
//!
//! It sits above the layers it drives, so that they import nothing upward: the model only
//! resolves, and the lints read the syntax tree alone.

mod kept;
mod session;

pub use session::Session;

use crate::diagnostic::Diagnostic;
use crate::eval::Engine;
use crate::model::{Resolver, Source, Workspace};
use crate::span::FileId;
use crate::syntax::{self, ast};
use std::collections::BTreeSet;

/// Parses and resolves every source, then runs the checks. The diagnostics are sorted by file and
/// position.
///
/// Files stream through: each is parsed, and checked where its tree alone tells, on as many
/// threads as the machine has; then, in file order, resolved on this thread, and its tree is
/// dropped (but for its `test` blocks). A syntax tree is about six times its source, so only
/// the trees of the few files in flight are alive at once. The checks across files read small
/// per-file facts, and the conflict analysis runs last, on the resolved circulars alone.
///
/// A large file streams the same way, in parts ([`syntax::Parts`]: cut before circulars), so
/// that a national corpus written as one file takes no more memory than one written as many.
/// A part is resolved alone only when what it gives is what its whole file would give: when
/// some part of a file has a set defined at the top or words of the other language, or a name
/// reported unknown is on a bad line of a later part, the files are loaded again whole (a mistake in a large file costs a second pass,
/// never a different answer; `tests/parts.rs` compares the two).
pub fn load(sources: Vec<Source>) -> Workspace {
    load_impl(sources, true, syntax::PART_LEN)
}

/// [`load`] with the large files cut into parts of at least `part_len` bytes (`1`: before
/// every circular that may start one; `usize::MAX`: every file whole), for the tests that the
/// parts change nothing.
#[doc(hidden)]
pub fn load_in_parts(sources: Vec<Source>, part_len: usize) -> Workspace {
    load_impl(sources, true, part_len)
}

/// [`load`] without the conflict and overlap analysis: for answering questions, where the caller
/// compiles its own engine and only the mistakes of parsing and resolution matter
/// ([`crate::diagnostic::Code::is_resolution_error`]). The `conflicts` question runs the
/// analysis on that engine. This saves compiling the circulars twice.
pub fn load_for_questions(sources: Vec<Source>) -> Workspace {
    load_impl(sources, false, syntax::PART_LEN)
}

fn load_impl(sources: Vec<Source>, analyse: bool, part_len: usize) -> Workspace {
    match load_streaming(&sources, part_len) {
        Some(loaded) => finish_load(sources, loaded, analyse),
        None => {
            let loaded = load_files(&sources, &[], None).expect("whole files are never refused");
            finish_load(sources, loaded, analyse)
        }
    }
}

/// What loading the files gives before the workspace is finished.
struct Loaded {
    resolver: Resolver,
    across: crate::lints::AcrossFiles,
    diagnostics: Vec<Diagnostic>,
    tests: Vec<(FileId, ast::TestBlock)>,
    names: BTreeSet<String>,
}

/// Loads with the large files in parts ([`syntax::Parts`]): each part is parsed, checked and
/// resolved as it comes and its tree dropped, so that a national corpus written as one file
/// takes the memory of one part, not of its whole tree. `None` when a file in parts turned out
/// to need what only its whole tree tells (see [`needs_whole`]): the caller loads again with
/// every file whole.
fn load_streaming(sources: &[Source], part_len: usize) -> Option<Loaded> {
    let parts: Vec<Option<syntax::Parts<'_>>> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| syntax::Parts::with_len(FileId(i as u32), &s.text, part_len))
        .collect();
    if parts.iter().all(Option::is_none) {
        return load_files(sources, &parts, None);
    }
    let refused = std::sync::atomic::AtomicBool::new(false);
    load_files(sources, &parts, Some(&refused))
}

/// Whether a part of a file, resolved alone, could be resolved otherwise than within its whole
/// file. The resolution of a circular reads of its file: the errors of parsing within the
/// circular (a part has them all), the words on the lines of any syntax error (the resolver
/// gathers them over the parts, and says when a later part's would have kept it from reporting
/// a name unknown: `Resolver::needs_whole_file`), the sets defined at the top, and the
/// `mixed-language` error, which only the whole file reports. The last two are refused here.
fn needs_whole(parsed: &syntax::Parsed, part: usize) -> bool {
    parsed.mixed
        || part > 0
            && parsed
                .tree
                .items
                .iter()
                .any(|item| matches!(item, ast::Item::Set(_)))
}

/// Parses, checks and resolves every file in file order; a file with `Some` in `parts` goes
/// part by part. `None` when `refused` was set: a part needed its whole file.
fn load_files(
    sources: &[Source],
    parts: &[Option<syntax::Parts<'_>>],
    refused: Option<&std::sync::atomic::AtomicBool>,
) -> Option<Loaded> {
    use std::sync::atomic::Ordering;
    // The units of work: a whole file, or one part of a file.
    let units: Vec<(usize, Option<usize>)> = (0..sources.len())
        .flat_map(|i| match parts.get(i).and_then(Option::as_ref) {
            Some(p) => (0..p.len()).map(|k| (i, Some(k))).collect::<Vec<_>>(),
            None => vec![(i, None)],
        })
        .collect();
    let is_refused = || refused.is_some_and(|r| r.load(Ordering::Relaxed));
    let mut loaded = Loaded {
        resolver: Resolver::new(),
        across: crate::lints::AcrossFiles::default(),
        diagnostics: Vec::new(),
        tests: Vec::new(),
        names: BTreeSet::new(),
    };
    crate::par::stream(
        units.len(),
        |u| {
            let (i, part) = units[u];
            let file = FileId(i as u32);
            if is_refused() {
                return None;
            }
            let mut checks = Vec::new();
            let (tree, parsing, whole, facts) = match (part, parts.get(i).and_then(Option::as_ref))
            {
                (Some(k), Some(p)) => {
                    let parsed = p.parse(file, k);
                    let whole = needs_whole(&parsed, k);
                    let shared = if k > 0 { p.sets() } else { &[] };
                    let facts = crate::lints::check_part(file, &parsed.tree, shared, &mut checks);
                    (parsed.tree, parsed.diagnostics, whole, facts)
                }
                _ => {
                    let (tree, parsing) = syntax::parse_file(file, &sources[i].text);
                    let facts = crate::lints::check_file(file, &tree, &mut checks);
                    (tree, parsing, false, facts)
                }
            };
            let names = crate::model::names_in(&tree);
            Some((tree, parsing, checks, facts, names, whole))
        },
        |u, produced| {
            let (i, _) = units[u];
            let file = FileId(i as u32);
            let (mut tree, parsing, checks, facts, file_names, whole) = produced?;
            if whole && let Some(refused) = refused {
                refused.store(true, Ordering::Relaxed);
            }
            if is_refused() {
                return Some(tree);
            }
            // Only the mistakes of parsing keep a circular out of the model: the checks of the
            // tree report, they do not exclude.
            loaded
                .resolver
                .file(file, &sources[i].text, &tree, &parsing);
            if let Some(refused) = refused.filter(|_| loaded.resolver.needs_whole_file()) {
                refused.store(true, Ordering::Relaxed);
            }
            loaded.across.add(facts);
            loaded
                .tests
                .extend(take_tests(&mut tree).into_iter().map(|t| (file, t)));
            loaded.names.extend(file_names);
            loaded.diagnostics.extend(parsing);
            loaded.diagnostics.extend(checks);
            // The rest of the tree is dropped on the thread that built it.
            Some(tree)
        },
    );
    (!is_refused()).then_some(loaded)
}

/// The workspace of what was loaded: resolution finished, then the checks across files and
/// the analysis.
fn finish_load(sources: Vec<Source>, loaded: Loaded, analyse: bool) -> Workspace {
    let Loaded {
        resolver,
        across,
        diagnostics,
        tests,
        names,
    } = loaded;
    // What the resolver kept to report duplicates is freed here, before the engine is built.
    let workspace = resolver.finish(sources, tests, names.into_iter().collect());
    let mut analysis = |ws: &Workspace| crate::analysis::diagnostics(&Engine::new(ws));
    complete(
        workspace,
        diagnostics,
        across,
        analyse.then_some(&mut analysis),
    )
}

/// The conflict and overlap analysis of a workspace: [`crate::analysis::diagnostics`] of its
/// [`Engine`], or what a [`Session`] makes of it with what it kept.
type Analysis<'a> = &'a mut dyn FnMut(&Workspace) -> Vec<Diagnostic>;

/// The last steps, shared with [`Session`] so that both give the same diagnostics: the checks
/// across files beside the analysis (when there is one), then every diagnostic (`diagnostics`
/// holds those of each file, in file order) sorted and deduplicated into the workspace.
fn complete(
    mut workspace: Workspace,
    mut diagnostics: Vec<Diagnostic>,
    across: crate::lints::AcrossFiles,
    analyse: Option<Analysis<'_>>,
) -> Workspace {
    // Past the names the algebra tells apart, the regions would mix them up: no analysis of a
    // workspace refused with `too-many-names`.
    let refused = workspace
        .diagnostics
        .iter()
        .any(|d| d.code == crate::diagnostic::Code::TooManyNames);
    let analyse = analyse.filter(|_| !refused);
    diagnostics.append(&mut workspace.diagnostics);
    let (analysed, across) = analyse_beside_across(&workspace, across, analyse);
    diagnostics.extend(analysed);
    diagnostics.extend(across);
    crate::diagnostic::sort(&mut diagnostics);
    // One finding per place and message, even when several rule sets lead to it.
    diagnostics.dedup_by(|a, b| {
        (a.code, a.file, a.span, &a.message) == (b.code, b.file, b.span, &b.message)
    });
    workspace.diagnostics = diagnostics;
    workspace
}

/// The conflict and overlap analysis (when there is one), on the circulars that resolved,
/// beside the checks across files (which read only the facts of each file).
fn analyse_beside_across(
    workspace: &Workspace,
    across: crate::lints::AcrossFiles,
    analyse: Option<Analysis<'_>>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    std::thread::scope(|scope| {
        let calendar = &workspace.calendar;
        let across = scope.spawn(move || {
            let mut found = Vec::new();
            across.check(calendar, &mut found);
            found
        });
        let analysed = match analyse {
            Some(analysis) => analysis(workspace),
            None => Vec::new(),
        };
        let across = across
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (analysed, across)
    })
}

/// Takes the `test` blocks out of a tree: later stages run them. The rest of the tree is
/// dropped once resolved.
fn take_tests(tree: &mut ast::File) -> Vec<ast::TestBlock> {
    let (tests, rest): (Vec<ast::Item>, Vec<ast::Item>) = std::mem::take(&mut tree.items)
        .into_iter()
        .partition(|item| matches!(item, ast::Item::Test(_)));
    tree.items = rest;
    tests
        .into_iter()
        .filter_map(|item| match item {
            ast::Item::Test(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::model::Source;

    /// Loading for questions leaves out the analysis, and nothing else.
    #[test]
    fn loading_for_questions_leaves_out_only_the_analysis() {
        let sources = vec![Source {
            name: "conflict.se".into(),
            text: include_str!("../../tests/fixtures/lints/conflict.se").into(),
        }];
        let full = super::load(sources.clone());
        let questions = super::load_for_questions(sources);
        assert!(full.diagnostics.iter().any(|d| d.code == Code::Conflict));
        let analysis = |c: Code| {
            matches!(
                c,
                Code::Conflict
                    | Code::Overlap
                    | Code::Antinomy
                    | Code::ViolatesHigherNorm
                    | Code::ImplicitRevocation
                    | Code::DeadRule
                    | Code::DeadExemption
                    | Code::TooManyCombinations
            )
        };
        let without: Vec<_> = full
            .diagnostics
            .iter()
            .filter(|d| !analysis(d.code))
            .map(|d| (d.code, d.span, &d.message))
            .collect();
        let got: Vec<_> = questions
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span, &d.message))
            .collect();
        assert_eq!(got, without);
        assert_eq!(full.circulars.len(), questions.circulars.len());
    }

    /// A rule's name is read back from its source: exactly the identifier, whatever surrounds it
    /// (a byte order mark, tabs, carriage returns, comments).
    #[test]
    fn rule_names_are_read_from_the_source() {
        let text = "\u{FEFF}circular \"A/1\" {\r\n  issuer \"X\" level national\r\n  \
            signed 2024-01-01 by \"Y\"\r\n  valid 2024-01-02 to 2024-01-31\r\n  scope all\r\n\
            \trule\tbaru_2 /* c */ : unit \"A\" => wfo 50% // d\r\n  rule z: otherwise => wfo 0%\r\n}\r\n";
        let ws = super::load(vec![Source {
            name: "a.se".into(),
            text: text.into(),
        }]);
        assert_eq!(ws.error_count(), 0, "{:?}", ws.diagnostics);
        let c = &ws.circulars[0];
        let names: Vec<&str> = c.rules.iter().map(|r| ws.rule_name(c, r)).collect();
        assert_eq!(names, ["baru_2", "z"]);
    }

    /// The names offered for completion include the functions written only in `except`, in
    /// `exempt` and in a priority.
    #[test]
    fn names_include_functions_written_only_in_except() {
        let text = "circular \"A/1\" {\n  issuer \"X\" level national\n  signed 2024-01-01 by \"Y\"\n  \
            valid 2024-01-02 to 2024-01-31\n  scope all\n  \
            rule r: function admin => wfo 50% except function guard\n  \
            exempt function nurse\n  wfh priority 1: function pregnant\n}\n";
        let ws = super::load(vec![Source {
            name: "a.se".into(),
            text: text.into(),
        }]);
        assert_eq!(ws.error_count(), 0, "{:?}", ws.diagnostics);
        assert_eq!(ws.names, ["admin", "guard", "nurse", "pregnant"]);
    }
}

//! A check kept open: what each file gave is kept, so that after a change to one file only that
//! file is read again (the library call an editor makes as the user types).
//!
//! What is kept per file: its syntax tree, the diagnostics of its parsing and of the checks of
//! its tree ([`crate::lints::check_file`]), the facts the checks across files need, the names
//! it writes, and what resolving it gave on its own ([`KeptFile`]). A change to one file parses
//! and checks that file alone; then the steps that read every file run again on what is kept:
//! resolution in file order, where only the changed file is resolved and the others add what
//! depends on the files before them (names defined in earlier files count, so a change can move
//! a `duplicate-name` to another file) and the circulars they gave last time; the checks across
//! files; and the conflict and overlap analysis, on an engine that compiles only the changed
//! circulars, where what each circular gave the last analysis on its own is reused for those
//! that did not change (`kept.rs`).
//!
//! The diagnostics after each change are exactly those of [`super::load`] on the new sources,
//! in the same order, because the last steps are the same code ([`super::complete`]);
//! `tests/session.rs` checks it on random workspaces and random edits.
//!
//! The cost: the trees of every file stay alive (about six times the source, where a full
//! check holds only those of the files in flight), and the compiled circulars and their pieces.
//! The checks across files and the pairs of circulars are what a change still costs in full;
//! `docs/performance.md` has the figures.

use super::complete;
use super::kept::{Kept, Place};
use crate::diagnostic::Diagnostic;
use crate::lints::{AcrossFiles, FileFacts};
use crate::model::{Circular, Interner, KeptFile, Resolver, Source, Workspace};
use crate::region::Universe;
use crate::span::FileId;
use crate::syntax::{self, ast};
use std::collections::BTreeSet;

/// What one file gave, kept between checks.
struct FileResult {
    /// Its syntax tree, `test` blocks included (the resolver reports test names written twice).
    tree: ast::File,
    /// The diagnostics of its parsing.
    parsing: Vec<Diagnostic>,
    /// The diagnostics of the checks of its tree.
    checks: Vec<Diagnostic>,
    /// What the checks across files need of it.
    facts: FileFacts,
    /// The names it writes, offered for completion.
    names: BTreeSet<String>,
    /// A number of its text, new for each text the session reads: what the analysis kept for
    /// its circulars is reused only for the same text ([`Kept`]).
    generation: u64,
}

impl FileResult {
    /// Parses and checks the text of file number `file`, read as text number `generation`.
    fn of(file: FileId, text: &str, generation: u64) -> FileResult {
        let (tree, parsing) = syntax::parse_file(file, text);
        let mut checks = Vec::new();
        let facts = crate::lints::check_file(file, &tree, &mut checks);
        let names = crate::model::names_in(&tree);
        FileResult {
            tree,
            parsing,
            checks,
            facts,
            names,
            generation,
        }
    }

    /// The same file under a new number, after a file before it was added or removed: its
    /// parsing diagnostics point at the new number, and the checks of its tree run again (their
    /// facts hold the number).
    fn renumber(&mut self, file: FileId) {
        for d in &mut self.parsing {
            d.file = file;
            for label in &mut d.labels {
                label.file = file;
            }
        }
        self.checks.clear();
        self.facts = crate::lints::check_file(file, &self.tree, &mut self.checks);
    }
}

/// A workspace checked once and kept, to be checked again after each change to one file.
///
/// ```
/// use edaran::check::Session;
/// use edaran::model::Source;
///
/// let text = "circular \"A/1\" {\n  issuer \"X\" level national\n  \
///     signed 2024-01-01 by \"Y\"\n  valid 2024-01-02 to 2024-01-31\n  scope all\n  \
///     rule r: otherwise => wfo 50%\n}\n";
/// let mut session = Session::new(vec![Source { name: "a.se".into(), text: text.into() }]);
/// assert!(session.diagnostics().is_empty());
/// let broken = text.replace("50%", "150%");
/// assert!(!session.update("a.se", broken).is_empty());
/// ```
pub struct Session {
    /// What each file gave, in file order.
    files: Vec<FileResult>,
    /// The workspace of the last check; it holds the sources.
    workspace: Workspace,
    /// What resolving each file gave on its own (`None`: to be resolved at the next check),
    /// in file order; its circulars are those of the workspace.
    resolved: Vec<Option<KeptFile>>,
    /// How many strings the interner held after the last check that resolved every file: the
    /// interner keeps the strings of earlier texts, and past twice as many every file is
    /// resolved again into a new one.
    interned: usize,
    /// What each circular gave the last analysis.
    kept: Kept,
    /// The generation the next text read takes.
    generation: u64,
}

impl Session {
    /// A full check of `sources`, kept: [`super::load`], with what each file gave.
    pub fn new(sources: Vec<Source>) -> Session {
        let files = crate::par::map(sources.len(), |i| {
            FileResult::of(FileId(i as u32), &sources[i].text, i as u64)
        });
        let mut session = Session {
            generation: files.len() as u64,
            resolved: vec![None; files.len()],
            interned: 0,
            files,
            workspace: empty_workspace(),
            kept: Kept::default(),
        };
        session.recheck(sources);
        session
    }

    /// Replaces the text of the file named `name` (the first of that name) and checks again:
    /// the diagnostics of the whole workspace, exactly those of [`super::load`] on the new
    /// sources. A name not in the workspace is added, as [`Session::add`] does.
    pub fn update(&mut self, name: &str, text: impl Into<String>) -> &[Diagnostic] {
        let text = text.into();
        let Some(i) = self.position(name) else {
            return self.add(Source {
                name: name.to_string(),
                text,
            });
        };
        if self.workspace.sources[i].text != text {
            self.files[i] = FileResult::of(FileId(i as u32), &text, self.next_generation());
            self.resolved[i] = None;
            let mut sources = std::mem::take(&mut self.workspace.sources);
            sources[i].text = text;
            self.recheck(sources);
        }
        self.diagnostics()
    }

    /// Adds a file before the first file whose name sorts after its own (at the end when there
    /// is none: a workspace read from folders is in name order, and stays so), and checks
    /// again. The files after it are renumbered.
    pub fn add(&mut self, source: Source) -> &[Diagnostic] {
        let mut sources = std::mem::take(&mut self.workspace.sources);
        let i = sources
            .iter()
            .position(|s| s.name > source.name)
            .unwrap_or(sources.len());
        let generation = self.next_generation();
        self.files.insert(
            i,
            FileResult::of(FileId(i as u32), &source.text, generation),
        );
        sources.insert(i, source);
        self.resolved.insert(i, None);
        self.renumber_from(i + 1);
        self.recheck(sources);
        self.diagnostics()
    }

    /// Removes the file named `name` (the first of that name) and checks again; `false`, and
    /// nothing changed, when there is no such file.
    pub fn remove(&mut self, name: &str) -> bool {
        let Some(i) = self.position(name) else {
            return false;
        };
        let mut sources = std::mem::take(&mut self.workspace.sources);
        sources.remove(i);
        self.files.remove(i);
        self.resolved.remove(i);
        self.renumber_from(i);
        self.recheck(sources);
        true
    }

    /// The diagnostics of the last check, sorted by file and position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.workspace.diagnostics
    }

    /// The workspace of the last check (its sources are the current texts).
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The workspace of the last check, ending the session.
    pub fn into_workspace(self) -> Workspace {
        self.workspace
    }

    fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation - 1
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.workspace.sources.iter().position(|s| s.name == name)
    }

    /// Gives the files from `from` on their numbers again, after one was added or removed.
    fn renumber_from(&mut self, from: usize) {
        for (i, f) in self.files.iter_mut().enumerate().skip(from) {
            f.renumber(FileId(i as u32));
            self.resolved[i] = None;
        }
    }

    /// The steps that read every file, on what each file gave: resolution in file order, the
    /// checks across files and the analysis, as [`super::load`] runs them. A file resolved at
    /// the last check and not changed since is not resolved again: its circulars are taken
    /// from the last workspace, and only what depends on the files before it is read again
    /// ([`Resolver::file_again`]).
    fn recheck(&mut self, sources: Vec<Source>) {
        debug_assert_eq!(sources.len(), self.files.len());
        let mut interner = std::mem::take(&mut self.workspace.interner);
        let renewed = interner.len() > 2 * self.interned + 4096;
        if renewed {
            interner = Interner::default();
            self.resolved.iter_mut().for_each(|r| *r = None);
        }
        let previous = std::mem::take(&mut self.workspace.circulars);
        let files = &self.files;
        let resolved = &mut self.resolved;
        // What the steps after resolution need of each file is gathered beside it.
        let (resolver, (across, diagnostics, tests, names)) = std::thread::scope(|scope| {
            let gathered = scope.spawn(|| gather(files));
            let mut resolver = Resolver::with_interner(interner);
            // The last workspace's circulars are in file order, and a file kept its number
            // since (a file renumbered is resolved again).
            let mut previous = previous.into_iter().peekable();
            for (i, f) in files.iter().enumerate() {
                let file = FileId(i as u32);
                match &resolved[i] {
                    Some(kept) => {
                        while previous.next_if(|c| c.file < file).is_some() {}
                        let own: Vec<Circular> =
                            std::iter::from_fn(|| previous.next_if(|c| c.file == file)).collect();
                        resolver.file_again(&f.tree, kept, own);
                    }
                    None => {
                        let kept = resolver.file_kept(file, &sources[i].text, &f.tree, &f.parsing);
                        resolved[i] = Some(kept);
                    }
                }
            }
            let gathered = gathered
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (resolver, gathered)
        });
        let workspace = resolver.finish(sources, tests, names.into_iter().collect());
        if renewed || self.interned == 0 {
            self.interned = workspace.interner.len();
        }
        let places: Vec<Place> = workspace
            .circulars
            .iter()
            .map(|c| (self.files[c.file.0 as usize].generation, c.span.start))
            .collect();
        if renewed {
            // What was kept is in the symbols of the interner left behind.
            self.kept = Kept::default();
        }
        let kept = &mut self.kept;
        let resolved = &self.resolved;
        let mut analysis = |ws: &Workspace| -> Vec<Diagnostic> {
            // The classes, from the values each file names (kept with it), not from a walk
            // over every selector of the workspace.
            let values = resolved
                .iter()
                .flatten()
                .flat_map(|r| r.values().iter().copied());
            let universe = Universe::of_values(values, &ws.interner);
            debug_assert!(universe.same_classes(&Universe::new(
                &ws.circulars,
                &ws.set_govs,
                &ws.interner
            )));
            let found = kept.findings(ws, universe, &places);
            found.into_iter().map(|f| f.diagnostic).collect()
        };
        self.workspace = complete(workspace, diagnostics, across, Some(&mut analysis));
    }
}

/// What the steps after resolution need of every file, in file order: the checks across files
/// fed with their facts, their diagnostics, their `test` blocks and the names they write.
fn gather(files: &[FileResult]) -> Gathered {
    let mut across = AcrossFiles::default();
    let mut diagnostics = Vec::new();
    let mut tests = Vec::new();
    let mut names = BTreeSet::new();
    for (i, f) in files.iter().enumerate() {
        let file = FileId(i as u32);
        across.add(f.facts.clone());
        tests.extend(f.tree.items.iter().filter_map(|item| match item {
            ast::Item::Test(t) => Some((file, t.clone())),
            _ => None,
        }));
        names.extend(f.names.iter().cloned());
        diagnostics.extend(f.parsing.iter().cloned());
        diagnostics.extend(f.checks.iter().cloned());
    }
    (across, diagnostics, tests, names)
}

/// What [`gather`] gives.
type Gathered = (
    AcrossFiles,
    Vec<Diagnostic>,
    Vec<(FileId, ast::TestBlock)>,
    BTreeSet<String>,
);

/// The workspace of no file, held while the first check runs.
fn empty_workspace() -> Workspace {
    Resolver::new().finish(Vec::new(), Vec::new(), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::Session;
    use crate::model::Source;

    fn circular(id: &str, share: u8) -> String {
        format!(
            "circular \"{id}\" {{\n  issuer \"X\" level provincial\n  signed 2024-01-01 by \"Y\"\n  \
             valid 2024-01-02 to 2024-01-31\n  scope \"Pemprov A\"\n  \
             rule a: unit \"A\" => wfo {share}%\n  rule b: function service => wfo 0%\n}}\n"
        )
    }

    /// After a change to one file, only its circulars are analysed again; a change that makes
    /// the workspace name a new value analyses every circular again.
    #[test]
    fn only_the_changed_circulars_are_analysed_again() {
        let sources: Vec<Source> = (0..3)
            .map(|i| Source {
                name: format!("f{i}.se"),
                text: circular(&format!("A/{i}"), 50) + &circular(&format!("B/{i}"), 75),
            })
            .collect();
        let mut session = Session::new(sources);
        assert_eq!(session.kept.computed, 6);
        assert_eq!(session.kept.compiled_anew, 6);
        let text = circular("A/1", 25) + &circular("B/1", 75);
        session.update("f1.se", text.as_str());
        assert_eq!(session.kept.computed, 2);
        assert_eq!(session.kept.compiled_anew, 2);
        session.update("f1.se", text.replace("unit \"A\"", "unit \"Q\""));
        assert_eq!(session.kept.computed, 6);
        assert_eq!(session.kept.compiled_anew, 6);
        let full = crate::check::load(session.workspace().sources.clone());
        assert_eq!(session.diagnostics(), &full.diagnostics[..]);
        assert!(
            session
                .diagnostics()
                .iter()
                .any(|d| d.code == crate::Code::Conflict)
        );
    }

    /// Only the changed file is resolved again, and the others' circulars are those of the
    /// last check; the interner, kept between checks, is started anew once it holds more than
    /// twice the strings of the last check that resolved every file, and then every file is
    /// resolved and compiled again.
    #[test]
    fn the_interner_kept_between_checks_is_renewed_when_it_has_grown() {
        let sources: Vec<Source> = (0..3)
            .map(|i| Source {
                name: format!("f{i}.se"),
                text: circular(&format!("A/{i}"), 50),
            })
            .collect();
        let mut session = Session::new(sources);
        let interned = session.workspace().interner.len();
        assert_eq!(session.interned, interned);
        let check = |session: &Session| {
            let full = crate::check::load(session.workspace().sources.clone());
            assert_eq!(session.diagnostics(), &full.diagnostics[..]);
        };
        let many: Vec<String> = (0..5000).map(|i| format!("\"U{i}\"")).collect();
        let big =
            circular("A/1", 50).replace("unit \"A\"", &format!("unit in [{}]", many.join(", ")));
        session.update("f1.se", big.as_str());
        check(&session);
        assert!(session.resolved.iter().all(Option::is_some));
        assert_eq!(
            session.kept.compiled_anew, 3,
            "new classes: everything compiled"
        );
        assert!(
            session.workspace().interner.len() >= interned + 5000,
            "{} {interned} {:?}",
            session.workspace().interner.len(),
            session
                .diagnostics()
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>()
        );
        // The next check finds the interner past twice its size, and starts it anew.
        session.update("f1.se", circular("A/1", 25));
        check(&session);
        assert_eq!(session.workspace().interner.len(), interned);
        assert_eq!(session.interned, interned);
        assert_eq!(session.kept.compiled_anew, 3);
        // And the one after keeps it again.
        session.update("f1.se", circular("A/1", 20));
        check(&session);
        assert_eq!(session.workspace().interner.len(), interned);
        assert_eq!(session.kept.compiled_anew, 1);
    }
}

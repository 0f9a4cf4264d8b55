//! Step three: a workspace of syntax trees to resolved circulars.
//!
//! The [`Resolver`] takes one file at a time, in file order, and keeps the circulars that
//! resolved; [`Resolver::finish`] links `revokes` and builds the [`Workspace`]. What a circular's
//! clauses resolve to is in [`circular`]; what the syntax errors of a file tell the resolver, in
//! [`super::syntax_errors`].

mod calendar;
mod circular;
mod flags;

use super::syntax_errors::{bad_line_starts, unreadable_words};
use super::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::msg::Text;
use crate::syntax::ast;
use crate::syntax::ast::{ClauseKind, Item, SelectorKind, SetKind, Values};
use crate::syntax::errors::closest;
use crate::text::{normalize_name, normalize_unit};
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;
use std::sync::Arc;

/// Links `revokes` to the circulars that resolved: `revoked[i]` holds the numbers circular `i`
/// revokes. Unknown numbers are the check `revokes-unknown`'s business.
fn link_revocations(circulars: &mut [Circular], revoked: &[Vec<String>]) {
    let index: HashMap<&str, CircularId> = circulars
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let links: Vec<Vec<CircularId>> = revoked
        .iter()
        .map(|numbers| {
            numbers
                .iter()
                .filter_map(|n| index.get(n.as_str()).copied())
                .collect()
        })
        .collect();
    for (c, l) in circulars.iter_mut().zip(links) {
        c.revokes = l;
    }
}

/// What one whole file gave the resolver that depends on that file alone
/// ([`Resolver::file_kept`]): the number of circulars it gave (they are in the workspace, in
/// file order), what they revoke, the diagnostics of its sets and circulars, and the governments
/// of its named sets. The files of a [`crate::check::Session`] that did not change are added
/// again from it ([`Resolver::file_again`]) instead of being resolved.
#[derive(Clone, Debug)]
pub struct KeptFile {
    file: FileId,
    /// How many circulars it gave.
    pub circulars: usize,
    revoked: Vec<Vec<String>>,
    diagnostics: Vec<Diagnostic>,
    set_govs: Vec<Sym>,
    flag_mentions: flags::FlagMentions,
    /// Every value its circulars name ([`Circular::values`]), and the governments of its
    /// named sets, each once.
    values: Vec<(Dim, Sym)>,
}

impl KeptFile {
    /// Every value its circulars and its `govs` sets name, each once: what it adds to the
    /// classes of the workspace (`region::Universe::of_values`).
    pub fn values(&self) -> &[(Dim, Sym)] {
        &self.values
    }
}

/// Every value `circulars` name and every government of `set_govs`, each once.
fn values_of(circulars: &[Circular], set_govs: &[Sym]) -> Vec<(Dim, Sym)> {
    let mut values: Vec<(Dim, Sym)> = set_govs.iter().map(|&g| (Dim::Gov, g)).collect();
    for c in circulars {
        c.values(&mut |d, v| values.push((d, v)));
    }
    values.sort_unstable();
    values.dedup();
    values.shrink_to_fit();
    values
}

/// A named set visible in a circular.
#[derive(Clone, Debug)]
pub(super) struct SetEntry {
    pub(super) kind: SetKind,
    pub(super) members: Vec<Sym>,
    pub(super) span: Span,
    pub(super) file: FileId,
}

/// Resolves files one after the other, in file order: names defined twice are reported at their
/// second definition.
///
/// The driver ([`crate::check`]) hands it each file's tree with the diagnostics of its parsing
/// ([`Resolver::file`]), then builds the workspace ([`Resolver::finish`]). It keeps the circulars
/// that resolved, and only what it needs to report duplicates: each tree can be dropped once
/// its file is resolved.
#[derive(Default)]
pub struct Resolver {
    /// The language of each file, by [`FileId`].
    langs: Vec<crate::Lang>,
    /// The circulars that resolved, in file order.
    circulars: Vec<Circular>,
    /// Per circular: the numbers it revokes, linked once every file is resolved.
    revoked: Vec<Vec<String>>,
    interner: Interner,
    /// Each distinct rule selector once.
    selectors: HashSet<Arc<Sel>>,
    /// Each distinct duty text once: circulars repeat them.
    duty_texts: HashSet<Arc<str>>,
    diagnostics: Vec<Diagnostic>,
    /// The first baseline with a value.
    baseline: Option<(Pct, FileId, Span)>,
    /// What the files say of the calendar.
    calendar: calendar::Declared,
    /// The circular numbers and test names seen so far, with where they are first written.
    circular_ids: HashMap<String, (FileId, Span)>,
    test_names: HashMap<String, (FileId, Span)>,
    /// Words on lines of the current file with syntax errors: a name defined on such a line
    /// could not be read, so using it is not reported as `unknown-name` a second time.
    unreadable: HashSet<String>,
    /// Where parsing found errors in the current file: a circular holding one is left out of
    /// the model.
    parse_errors: Vec<Span>,
    /// The members of every `govs` set, in the order defined (repeats included).
    set_govs: Vec<Sym>,
    /// The first word of each line of the current file with a syntax error, with the offset of
    /// the line: a clause written on such a line is not reported as `missing-clause` a second
    /// time.
    bad_lines: Vec<(usize, String)>,
    /// The file of the last call of [`Resolver::file`]: a file given in parts is given in
    /// calls one after the other, with the same id.
    current: Option<FileId>,
    /// The sets defined at the top of the current file.
    file_sets: HashMap<String, SetEntry>,
    /// The names reported `unknown-name` in the current file.
    unknown_names: Vec<String>,
    /// The first mention of each value of a yes/no dimension in each file, in file order (for
    /// `too-many-names`).
    flag_mentions: flags::FlagMentions,
    /// Whether a name reported unknown in an earlier part of the current file was on a line
    /// with a syntax error in a later one, where the whole file would not have reported it.
    needs_whole_file: bool,
}
impl Resolver {
    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub(super) fn duplicate(
        &mut self,
        file: FileId,
        span: Span,
        what: Text,
        first: (FileId, Span),
    ) {
        self.push(
            Diagnostic::of(
                Code::DuplicateName,
                file,
                span,
                crate::text!("defined-twice", what = what),
            )
            .with_label_text(crate::text!("defined-again-here"))
            .with_secondary_text(first.0, first.1, crate::text!("first-defined-here"))
            .with_help_text(crate::text!("defined-twice-help")),
        );
    }

    /// A resolver that has seen no file.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Resolves one file, in file order; `diagnostics` are those of its parsing. Only the
    /// mistakes of parsing keep a circular out of the model (besides its own): the checks of
    /// the tree report, they do not exclude.
    pub fn file(&mut self, file: FileId, text: &str, tree: &ast::File, diagnostics: &[Diagnostic]) {
        self.across_files(file, tree);
        self.own(file, text, tree, diagnostics);
    }

    /// Resolves one whole file, as [`Resolver::file`] does, and returns what it gave that
    /// depends on that file alone, for [`Resolver::file_again`] to add it once more without
    /// resolving it.
    pub fn file_kept(
        &mut self,
        file: FileId,
        text: &str,
        tree: &ast::File,
        diagnostics: &[Diagnostic],
    ) -> KeptFile {
        self.across_files(file, tree);
        let (d, c, g, f) = (
            self.diagnostics.len(),
            self.circulars.len(),
            self.set_govs.len(),
            self.flag_mentions.len(),
        );
        self.own(file, text, tree, diagnostics);
        KeptFile {
            file,
            circulars: self.circulars.len() - c,
            revoked: self.revoked[c..].to_vec(),
            diagnostics: self.diagnostics[d..].to_vec(),
            set_govs: self.set_govs[g..].to_vec(),
            flag_mentions: self.flag_mentions[f..].to_vec(),
            values: values_of(&self.circulars[c..], &self.set_govs[g..]),
        }
    }

    /// Adds a file resolved before by [`Resolver::file_kept`] (under the same number, with the
    /// same text, tree and diagnostics of parsing, and the symbols of the same interner: see
    /// [`Resolver::with_interner`]), giving `circulars`, the circulars it gave then. What
    /// depends on the files before it (names defined twice, the first baseline, the calendar)
    /// is read again from its tree; the rest is what `kept` holds. The workspace is that of
    /// resolving the file again.
    pub fn file_again(&mut self, tree: &ast::File, kept: &KeptFile, circulars: Vec<Circular>) {
        debug_assert_eq!(circulars.len(), kept.circulars);
        let file = kept.file;
        self.across_files(file, tree);
        self.current = Some(file);
        self.unknown_names.clear();
        self.diagnostics.extend(kept.diagnostics.iter().cloned());
        self.set_govs.extend(&kept.set_govs);
        self.flag_mentions.extend(&kept.flag_mentions);
        self.revoked.extend(kept.revoked.iter().cloned());
        self.circulars.extend(circulars);
    }

    /// A resolver that has seen no file, interning into `interner`: the symbols of the
    /// circulars a [`Resolver::file_kept`] gave stay those of the workspace (the strings a
    /// workspace interns are never numbered again; symbols no circular uses any more are left
    /// in it, and change no answer: classes are numbered by name).
    pub fn with_interner(interner: Interner) -> Resolver {
        Resolver {
            interner,
            ..Resolver::default()
        }
    }

    /// What one file adds that depends on the files before it: its language in the list, the
    /// first baseline, the calendar, and the circular numbers and test names written twice.
    fn across_files(&mut self, file: FileId, tree: &ast::File) {
        let at = file.0 as usize;
        if self.langs.len() <= at {
            self.langs.resize(at + 1, crate::Lang::En);
        }
        self.langs[at] = tree.lang;
        self.baseline(file, tree);
        self.calendar_items(file, tree);
        self.unique_circulars_and_tests(file, tree);
    }

    /// What one file (or part of one) gives on its own: its sets and circulars.
    fn own(&mut self, file: FileId, text: &str, tree: &ast::File, diagnostics: &[Diagnostic]) {
        // The words of the whole file's bad lines so far: a file in parts gives its parts in
        // turn, and a name defined on a bad line of an earlier part is not reported unknown in
        // a later one.
        let words = unreadable_words(text, diagnostics);
        let continued = self.current == Some(file);
        if continued {
            self.unreadable.extend(words);
            let unreadable = &self.unreadable;
            self.needs_whole_file |= self.unknown_names.iter().any(|n| unreadable.contains(n));
        } else {
            self.unreadable = words;
            self.unknown_names.clear();
            self.current = Some(file);
        }
        self.bad_lines = bad_line_starts(text, diagnostics);
        self.parse_errors = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.span)
            .collect();
        // A later part of a file reads the sets its first part defined at the top (the caller
        // gives a file in parts only when no later part defines one).
        let top = if continued {
            std::mem::take(&mut self.file_sets)
        } else {
            self.top_sets(file, tree)
        };
        let first = self.circulars.len();
        for item in &tree.items {
            if let Item::Circular(c) = item
                && let Some(mut circular) = self.circular(file, c, &top)
            {
                let numbers = c
                    .clauses
                    .iter()
                    .filter_map(|clause| match &clause.node {
                        ClauseKind::Revokes(numbers) => {
                            Some(numbers.iter().map(|n| n.node.clone()))
                        }
                        _ => None,
                    })
                    .flatten()
                    .collect();
                // Trimmed as it arrives, not all at the end: the freed tails are then reused by
                // the next files instead of left as holes the size of the model's slack.
                circular.shrink_to_fit();
                self.circulars.push(circular);
                self.revoked.push(numbers);
            }
        }
        flags::first_mentions(&self.circulars[first..], &mut self.flag_mentions);
        self.file_sets = top;
    }

    /// Whether a file given in parts was resolved otherwise than it would have been whole: a
    /// name reported unknown in one part was written on a line with a syntax error in a later
    /// part. The caller then resolves the file whole (`check::load`).
    pub fn needs_whole_file(&self) -> bool {
        self.needs_whole_file
    }

    /// The workspace of every file resolved: `revokes` are linked, and its diagnostics are
    /// those of resolution (the driver adds the others). What the resolver kept to report
    /// duplicates (every circular number, among others) is freed here.
    pub fn finish(
        mut self,
        sources: Vec<Source>,
        tests: Vec<(FileId, ast::TestBlock)>,
        names: Vec<String>,
    ) -> Workspace {
        let mut circulars = std::mem::take(&mut self.circulars);
        link_revocations(&mut circulars, &self.revoked);
        self.too_many_names();
        self.revoked = Vec::new();
        circulars.shrink_to_fit();
        let (baseline, baseline_at) = match self.baseline {
            Some((p, f, s)) => (p, Some((f, s))),
            None => (Pct::FULL, None),
        };
        let calendar = std::mem::take(&mut self.calendar).calendar();
        let diagnostics = std::mem::take(&mut self.diagnostics);
        let interner = std::mem::take(&mut self.interner);
        let mut langs = std::mem::take(&mut self.langs);
        langs.resize(sources.len(), crate::Lang::En);
        let mut set_govs = std::mem::take(&mut self.set_govs);
        set_govs.sort_unstable();
        set_govs.dedup();
        drop(self);
        Workspace {
            sources,
            langs,
            tests,
            names,
            circulars,
            baseline,
            baseline_at,
            interner,
            set_govs,
            diagnostics,
            calendar,
        }
    }

    fn baseline(&mut self, file: FileId, tree: &ast::File) {
        for item in &tree.items {
            let Item::Baseline(b) = item else { continue };
            let here = (file, b.span);
            match self.baseline {
                Some((_, f, s)) => {
                    self.duplicate(here.0, here.1, crate::text!("the-baseline"), (f, s))
                }
                None => {
                    if let Some(p) = b.node.node {
                        self.baseline = Some((p, here.0, here.1));
                    }
                }
            }
        }
    }

    fn unique_circulars_and_tests(&mut self, file: FileId, tree: &ast::File) {
        for item in &tree.items {
            let (name, what) = match item {
                Item::Circular(c) => (&c.id, "circular"),
                Item::Test(t) => (&t.name, "test"),
                _ => continue,
            };
            let Some(name) = name else { continue };
            let map = match item {
                Item::Circular(_) => &mut self.circular_ids,
                _ => &mut self.test_names,
            };
            if let Some(&first) = map.get(name.node.as_str()) {
                let what = crate::text!("named", kind = what, name = &name.node);
                self.duplicate(file, name.span, what, first);
            } else {
                map.insert(name.node.clone(), (file, name.span));
            }
        }
    }

    fn set_entry(&mut self, file: FileId, def: &ast::SetDef) -> SetEntry {
        let members: Vec<Sym> = def
            .members
            .iter()
            .map(|m| match def.kind {
                SetKind::Sector => self.interner.intern(&normalize_unit(&m.node)),
                SetKind::Region | SetKind::Govs => self.interner.intern(&normalize_name(&m.node)),
            })
            .collect();
        if def.kind == SetKind::Govs {
            self.set_govs.extend(&members);
        }
        SetEntry {
            kind: def.kind,
            members,
            span: def.name.span,
            file,
        }
    }

    fn top_sets(&mut self, file: FileId, ast: &ast::File) -> HashMap<String, SetEntry> {
        let mut sets: HashMap<String, SetEntry> = HashMap::default();
        for item in &ast.items {
            if let Item::Set(def) = item {
                self.define_set(file, def, &mut sets, &HashMap::default());
            }
        }
        sets
    }

    pub(super) fn define_set(
        &mut self,
        file: FileId,
        def: &ast::SetDef,
        sets: &mut HashMap<String, SetEntry>,
        outer: &HashMap<String, SetEntry>,
    ) {
        let name = &def.name.node;
        if let Some(first) = sets.get(name).or_else(|| outer.get(name)) {
            let first = (first.file, first.span);
            let what = crate::text!("the-named", kind = "set", name = name);
            self.duplicate(file, def.name.span, what, first);
            return;
        }
        let entry = self.set_entry(file, def);
        sets.insert(name.clone(), entry);
    }
    pub(super) fn unknown(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        what: &str,
        suggestion: Option<&str>,
    ) {
        if self.unreadable.contains(&name.node) {
            // Defined on a line that could not be read: already reported as `syntax`.
            return;
        }
        self.unknown_names.push(name.node.clone());
        let mut d = Diagnostic::of(
            Code::UnknownName,
            file,
            name.span,
            crate::text!("unknown-name", kind = what, name = &name.node),
        )
        .with_label_text(crate::text!("unknown-name-label", kind = what));
        d.set_help_text(match suggestion {
            Some(s) => crate::text!("did-you-mean", word = s),
            None => crate::text!("unknown-name-help", kind = what, name = &name.node),
        });
        self.push(d);
    }

    /// Resolves a set name of the expected kind to its members.
    pub(super) fn set(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        kind: SetKind,
        sets: &HashMap<String, SetEntry>,
    ) -> Vec<Sym> {
        match sets.get(&name.node) {
            Some(entry) if entry.kind == kind => entry.members.clone(),
            Some(entry) => {
                let (is, should) = (set_key(entry.kind), set_key(kind));
                let help = crate::text!("set-kind-help", kind = is, name = &name.node);
                self.push(
                    Diagnostic::of(
                        Code::UnknownName,
                        file,
                        name.span,
                        crate::text!("set-kind", name = &name.node, kind = is, expected = should),
                    )
                    .with_label_text(crate::text!("set-kind-label", expected = should))
                    .with_secondary_text(
                        entry.file,
                        entry.span,
                        crate::text!("defined-here", name = &name.node),
                    )
                    .with_help_text(help),
                );
                Vec::new()
            }
            None => {
                let candidates = sets
                    .iter()
                    .filter(|(_, e)| e.kind == kind)
                    .map(|(n, _)| n.as_str());
                let suggestion = closest(&name.node, candidates);
                self.unknown(file, name, set_key(kind), suggestion);
                Vec::new()
            }
        }
    }

    pub(super) fn values(
        &mut self,
        file: FileId,
        values: &Values,
        kind: SetKind,
        sets: &HashMap<String, SetEntry>,
    ) -> Vec<Sym> {
        fn norm(kind: SetKind, s: &str) -> Cow<'_, str> {
            match kind {
                SetKind::Sector => Cow::Owned(normalize_unit(s)),
                SetKind::Region | SetKind::Govs => normalize_name(s),
            }
        }
        match values {
            Values::One(s) => vec![self.interner.intern(&norm(kind, &s.node))],
            Values::List(list) => list
                .iter()
                .map(|s| self.interner.intern(&norm(kind, &s.node)))
                .collect(),
            Values::Named(name) => self.set(file, name, kind, sets),
        }
    }

    /// The shared copy of a rule selector.
    pub(super) fn share(&mut self, selector: Sel) -> Arc<Sel> {
        if let Some(shared) = self.selectors.get(&selector) {
            return shared.clone();
        }
        let shared = Arc::new(selector);
        self.selectors.insert(shared.clone());
        shared
    }

    pub(super) fn selector(
        &mut self,
        file: FileId,
        s: &ast::Selector,
        sets: &HashMap<String, SetEntry>,
    ) -> Sel {
        match &s.node {
            SelectorKind::All => Sel::All,
            SelectorKind::Or(parts) => {
                Sel::Or(parts.iter().map(|p| self.selector(file, p, sets)).collect())
            }
            SelectorKind::And(parts) => {
                Sel::And(parts.iter().map(|p| self.selector(file, p, sets)).collect())
            }
            SelectorKind::Not(inner) => Sel::Not(Box::new(self.selector(file, inner, sets))),
            SelectorKind::Sector(name) => Sel::In(
                Dim::Unit,
                self.set(file, name, SetKind::Sector, sets).into(),
            ),
            SelectorKind::Unit(v) => Sel::In(
                Dim::Unit,
                self.values(file, v, SetKind::Sector, sets).into(),
            ),
            SelectorKind::Domicile(v) => Sel::In(
                Dim::Domicile,
                self.values(file, v, SetKind::Region, sets).into(),
            ),
            SelectorKind::Office(v) => Sel::In(
                Dim::Office,
                self.values(file, v, SetKind::Region, sets).into(),
            ),
            SelectorKind::Gov(v) => {
                Sel::In(Dim::Gov, self.values(file, v, SetKind::Govs, sets).into())
            }
            SelectorKind::Function(names) => Sel::In(
                Dim::Function,
                names
                    .iter()
                    .map(|n| self.interner.intern(&n.node))
                    .collect(),
            ),
            SelectorKind::Trait(names) => Sel::In(
                Dim::Trait,
                names
                    .iter()
                    .map(|n| self.interner.intern(&n.node))
                    .collect(),
            ),
        }
    }
}
impl Workspace {
    /// The text of `span` in `file`.
    pub fn text(&self, file: FileId, span: Span) -> &str {
        &self.sources[file.0 as usize].text[span.start()..span.end()]
    }

    /// The name of a rule of `circular`: its identifier as written.
    pub fn rule_name(&self, circular: &Circular, rule: &Rule) -> &str {
        self.text(circular.file, rule.name_span)
    }

    /// The number of errors among the diagnostics.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// The key of a kind of set in the messages of `locales/*/model.ftl` (`$kind`).
fn set_key(kind: SetKind) -> &'static str {
    match kind {
        SetKind::Sector => "sector",
        SetKind::Region => "region",
        SetKind::Govs => "govs",
    }
}

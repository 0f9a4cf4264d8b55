//! Step three: a workspace of syntax trees to resolved circulars.

use super::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::ast::{ClauseKind, Item, Modifier, RuleSelector, SelectorKind, SetKind, Values};
use crate::syntax::errors::closest;
use crate::syntax::{self, ast};
use crate::text::normalize_name;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Parses and resolves every source, then runs the checks. The diagnostics are sorted by file and
/// position.
///
/// Files stream through: each is parsed, and checked where its tree alone tells, on as many
/// threads as the machine has; then, in file order, resolved on this thread, and its tree is
/// dropped (but for its `test` blocks). A syntax tree is about six times its source, so only
/// the trees of the few files in flight are alive at once. The checks across files read small
/// per-file facts, and the conflict analysis runs last, on the resolved circulars alone.
pub fn load(sources: Vec<Source>) -> Workspace {
    load_impl(sources, true)
}

/// [`load`] without the conflict and overlap analysis: for answering questions, where the caller
/// compiles its own engine and only the mistakes of parsing and resolution matter
/// ([`crate::diagnostic::Code::is_resolution_error`]). The `conflicts` question runs the
/// analysis on that engine. This saves compiling the circulars twice.
pub fn load_for_questions(sources: Vec<Source>) -> Workspace {
    load_impl(sources, false)
}

fn load_impl(sources: Vec<Source>, analyse: bool) -> Workspace {
    let mut resolver = Resolver::default();
    let mut across = crate::lints::AcrossFiles::default();
    let mut diagnostics = Vec::new();
    let mut circulars = Vec::new();
    let mut revoked = Vec::new();
    let mut tests = Vec::new();
    let mut names = BTreeSet::new();
    crate::par::stream(
        sources.len(),
        |i| {
            let file = FileId(i as u32);
            let (tree, parsing) = syntax::parse_file(file, &sources[i].text);
            let mut checks = Vec::new();
            let facts = crate::lints::check_file(file, &tree, &mut checks);
            let names = names_in(&tree);
            (tree, parsing, checks, facts, names)
        },
        |i, (mut tree, parsing, checks, facts, file_names)| {
            let file = FileId(i as u32);
            // Only the mistakes of parsing keep a circular out of the model: the checks of the
            // tree report, they do not exclude.
            resolver.file(file, &sources[i].text, &tree, &parsing, |mut c, numbers| {
                // Trimmed as it arrives, not all at the end: the freed tails are then reused by
                // the next files instead of left as holes the size of the model's slack.
                c.shrink_to_fit();
                circulars.push(c);
                revoked.push(numbers);
            });
            across.add(facts);
            tests.extend(take_tests(&mut tree).into_iter().map(|t| (file, t)));
            names.extend(file_names);
            diagnostics.extend(parsing);
            diagnostics.extend(checks);
            // The rest of the tree is dropped on the thread that built it.
            tree
        },
    );
    link_revocations(&mut circulars, &revoked);
    drop(revoked);
    circulars.shrink_to_fit();
    let (baseline, baseline_at) = match resolver.baseline {
        Some((p, f, s)) => (p, Some((f, s))),
        None => (Pct::FULL, None),
    };
    diagnostics.append(&mut resolver.diagnostics);
    // What the resolver kept to report duplicates (every circular number, among others) is freed
    // here, before the engine is built, not at the end.
    let interner = std::mem::take(&mut resolver.interner);
    let mut set_govs = std::mem::take(&mut resolver.set_govs);
    set_govs.sort_unstable();
    set_govs.dedup();
    drop(resolver);
    let mut workspace = Workspace {
        sources,
        tests,
        names: names.into_iter().collect(),
        circulars,
        baseline,
        baseline_at,
        interner,
        set_govs,
        diagnostics: Vec::new(),
    };
    // The conflict and overlap analysis, on the circulars that resolved, beside the checks
    // across files (which read only the facts of each file).
    let (analysed, across) = std::thread::scope(|scope| {
        let across = scope.spawn(move || {
            let mut found = Vec::new();
            across.check(&mut found);
            found
        });
        let analysed = if analyse {
            crate::analysis::diagnostics(&crate::eval::Engine::new(&workspace))
        } else {
            Vec::new()
        };
        let across = across
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (analysed, across)
    });
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

/// Takes the `test` blocks out of a tree: later stages run them. The rest of the tree is
/// dropped once resolved.
fn take_tests(tree: &mut ast::File) -> Vec<ast::TestBlock> {
    let (tests, rest): (Vec<Item>, Vec<Item>) = std::mem::take(&mut tree.items)
        .into_iter()
        .partition(|item| matches!(item, Item::Test(_)));
    tree.items = rest;
    tests
        .into_iter()
        .filter_map(|item| match item {
            Item::Test(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The names a tree writes as identifiers (sets and functions), for completion.
fn names_in(tree: &ast::File) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for item in &tree.items {
        match item {
            Item::Set(d) => {
                names.insert(d.name.node.clone());
            }
            Item::Circular(c) => {
                for clause in &c.clauses {
                    match &clause.node {
                        ClauseKind::Set(d) if !names.contains(&d.name.node) => {
                            names.insert(d.name.node.clone());
                        }
                        ClauseKind::Rule(r) => {
                            if let RuleSelector::Selector(s) = &r.selector {
                                functions(s, &mut names);
                            }
                            for m in &r.modifiers {
                                if let Modifier::Except(s) = &m.node {
                                    functions(s, &mut names);
                                }
                            }
                        }
                        ClauseKind::Exempt(s) | ClauseKind::Priority { selector: s, .. } => {
                            functions(s, &mut names)
                        }
                        _ => {}
                    }
                }
            }
            Item::Test(_) | Item::Baseline(_) => {}
        }
    }
    names
}

/// The function names a selector writes.
fn functions(s: &ast::Selector, names: &mut BTreeSet<String>) {
    match &s.node {
        SelectorKind::Function(list) => {
            for n in list {
                if !names.contains(&n.node) {
                    names.insert(n.node.clone());
                }
            }
        }
        SelectorKind::And(p) | SelectorKind::Or(p) => p.iter().for_each(|x| functions(x, names)),
        SelectorKind::Not(x) => functions(x, names),
        _ => {}
    }
}

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

/// A named set visible in a circular.
#[derive(Clone, Debug)]
struct SetEntry {
    kind: SetKind,
    members: Vec<Sym>,
    span: Span,
    file: FileId,
}

/// Resolves files one after the other, in file order: names defined twice are reported at their
/// second definition.
#[derive(Default)]
struct Resolver {
    interner: Interner,
    /// Each distinct rule selector once.
    selectors: HashSet<Arc<Sel>>,
    /// Each distinct duty text once: circulars repeat them.
    duty_texts: HashSet<Arc<str>>,
    diagnostics: Vec<Diagnostic>,
    /// The first baseline with a value.
    baseline: Option<(Pct, FileId, Span)>,
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
}

fn bad_line_starts(text: &str, diagnostics: &[Diagnostic]) -> Vec<(usize, String)> {
    diagnostics
        .iter()
        .filter(|d| d.code == Code::Syntax)
        .map(|d| {
            let at = d.span.start().min(text.len());
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let word: String = text[start..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (start, word)
        })
        .collect()
}

fn unreadable_words(text: &str, diagnostics: &[Diagnostic]) -> HashSet<String> {
    let mut words = HashSet::new();
    for d in diagnostics.iter().filter(|d| d.code == Code::Syntax) {
        let start = text[..d.span.start().min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[d.span.start().min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| i + d.span.start());
        words.extend(
            text[start..end]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
        // The name the syntax error proposes (`Kritikal` and `non-esensial` are read as
        // `kritikal` and `non_esensial`): using it is not reported either.
        words.extend(
            text[start..end]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .filter(|w| w.contains('-') || w.contains(|c: char| c.is_ascii_uppercase()))
                .map(|w| w.to_lowercase().replace('-', "_")),
        );
    }
    words
}

/// Normalises a unit path: each segment compared as a name (trimmed, in NFC, without
/// zero-width and formatting characters: [`crate::text::normalize_name`]), empty segments
/// dropped.
pub fn normalize_unit(path: &str) -> String {
    // Most paths are written normalised: copy them as they are.
    if path.split('/').all(|s| {
        !s.is_empty() && matches!(crate::text::normalize_name(s), Cow::Borrowed(n) if n == s)
    }) {
        return path.to_string();
    }
    path.split('/')
        .map(crate::text::normalize_name)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

impl Resolver {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn duplicate(&mut self, file: FileId, span: Span, what: String, first: (FileId, Span)) {
        self.push(
            Diagnostic::new(
                Code::DuplicateName,
                file,
                span,
                format!("{what} is defined twice"),
            )
            .with_label("defined again here")
            .with_secondary(first.0, first.1, "first defined here")
            .with_help("rename one of them, or remove the second"),
        );
    }

    /// Resolves one file; `diagnostics` are those of its parsing. Each circular that resolved
    /// is given to `found`, with the numbers it revokes.
    fn file(
        &mut self,
        file: FileId,
        text: &str,
        tree: &ast::File,
        diagnostics: &[Diagnostic],
        mut found: impl FnMut(Circular, Vec<String>),
    ) {
        self.unreadable = unreadable_words(text, diagnostics);
        self.bad_lines = bad_line_starts(text, diagnostics);
        self.parse_errors = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.span)
            .collect();
        self.baseline(file, tree);
        self.unique_circulars_and_tests(file, tree);
        let top = self.top_sets(file, tree);
        for item in &tree.items {
            if let Item::Circular(c) = item
                && let Some(circular) = self.circular(file, c, &top)
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
                found(circular, numbers);
            }
        }
    }

    fn baseline(&mut self, file: FileId, tree: &ast::File) {
        for item in &tree.items {
            let Item::Baseline(b) = item else { continue };
            let here = (file, b.span);
            match self.baseline {
                Some((_, f, s)) => {
                    self.duplicate(here.0, here.1, "the baseline".to_string(), (f, s))
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
                self.duplicate(file, name.span, format!("{what} `{}`", name.node), first);
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
        let mut sets: HashMap<String, SetEntry> = HashMap::new();
        for item in &ast.items {
            if let Item::Set(def) = item {
                self.define_set(file, def, &mut sets, &HashMap::new());
            }
        }
        sets
    }

    fn define_set(
        &mut self,
        file: FileId,
        def: &ast::SetDef,
        sets: &mut HashMap<String, SetEntry>,
        outer: &HashMap<String, SetEntry>,
    ) {
        let name = &def.name.node;
        if let Some(first) = sets.get(name).or_else(|| outer.get(name)) {
            let first = (first.file, first.span);
            let what = format!("the set `{name}`");
            self.duplicate(file, def.name.span, what, first);
            return;
        }
        let entry = self.set_entry(file, def);
        sets.insert(name.clone(), entry);
    }

    fn circular(
        &mut self,
        file: FileId,
        c: &ast::Circular,
        top: &HashMap<String, SetEntry>,
    ) -> Option<Circular> {
        let errors_before = self.diagnostics.len();
        let id = c.id.clone();
        let shown = id
            .as_ref()
            .map(|i| format!("circular `{}`", i.node))
            .unwrap_or_else(|| "this circular".into());

        // Single clauses, each at most once.
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        let mut issuer = None;
        let mut signed = None;
        let mut valid: Option<(&ast::Validity, Span)> = None;
        let mut scope = None;
        let mut local: HashMap<String, SetEntry> = HashMap::new();
        for clause in &c.clauses {
            let key = match &clause.node {
                ClauseKind::Title(_) => "title",
                ClauseKind::Issuer { .. } => "issuer",
                ClauseKind::Signed { .. } => "signed",
                ClauseKind::Valid(_) => "valid",
                ClauseKind::Scope(_) => "scope",
                ClauseKind::Set(def) => {
                    self.define_set(file, def, &mut local, top);
                    continue;
                }
                _ => continue,
            };
            if let Some(&first) = seen.get(key) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateName,
                        file,
                        clause.span,
                        format!("`{key}` is given twice in {shown}"),
                    )
                    .with_label("given again here")
                    .with_secondary(file, first, "first given here")
                    .with_help(match (&clause.node, &valid) {
                        (ClauseKind::Valid(second), Some((first, _))) => {
                            let periods = |v: &ast::Validity| -> Vec<crate::span::Spanned<ast::Period>> { match v {
                                ast::Validity::Windows { windows, .. } => windows.clone(),
                                ast::Validity::From(_) => Vec::new(),
                            }};
                            let (first, second): (Vec<_>, Vec<_>) = (periods(first), periods(second));
                            if first.is_empty() || second.is_empty() {
                                "a circular has one `valid` clause: remove one".to_string()
                            } else {
                                format!(
                                    "a circular has one `valid` clause; several windows go in one list: `valid {}`",
                                    list_form([first.as_slice(), second.as_slice()])
                                )
                            }
                        }
                        _ => format!("a circular has one `{key}` clause: remove one"),
                    }),
                );
                continue;
            }
            seen.insert(key, clause.span);
            match &clause.node {
                ClauseKind::Issuer { name, level } => issuer = Some((name, level, clause.span)),
                ClauseKind::Signed { date, .. } => signed = Some(date),
                ClauseKind::Valid(v) => valid = Some((v, clause.span)),
                ClauseKind::Scope(s) => scope = Some(s),
                _ => {}
            }
        }
        let mut sets = top.clone();
        sets.extend(local);

        // A clause on a line that could not be read was written: it is reported as `syntax`.
        let unreadable_clause = |what: &str| {
            self.bad_lines.iter().any(|(at, word)| {
                (c.span.start()..c.span.end()).contains(at)
                    && (word == what
                        || closest(word, syntax::errors::CLAUSE_KEYWORDS.iter().copied())
                            == Some(what))
            })
        };
        // The required clauses that are absent, each with its form and what to fill in: the
        // placeholders, never a government, date or share the circular does not write.
        let mut absent: Vec<(&str, &str, &str)> = Vec::new();
        let mut missing_clauses = Vec::new();
        let level = match issuer {
            None => {
                if !unreadable_clause("issuer") {
                    absent.push((
                        "issuer",
                        "issuer \"NAME\" level LEVEL",
                        "the office that issued it; LEVEL is `national`, `provincial` or `local`",
                    ));
                }
                None
            }
            Some((name, None, span)) => {
                missing_clauses.push(
                    Diagnostic::new(
                        Code::MissingClause,
                        file,
                        span,
                        format!("the issuer of {shown} has no level"),
                    )
                    .with_label("`level` missing")
                    .with_help(format!(
                        "write `issuer \"{}\" level LEVEL`, where LEVEL is `national`, `provincial` or `local`",
                        name.node
                    )),
                );
                None
            }
            Some((_, Some(level), _)) => level.node,
        };
        if signed.is_none() && !unreadable_clause("signed") {
            absent.push(("signed", "signed YYYY-MM-DD", "the day it was signed"));
        }
        if valid.is_none() && !unreadable_clause("valid") {
            absent.push((
                "valid",
                "valid YYYY-MM-DD to YYYY-MM-DD",
                "its first and last day, or `valid from YYYY-MM-DD`",
            ));
        }
        if scope.is_none() && !unreadable_clause("scope") {
            absent.push((
                "scope",
                "scope \"GOVERNMENT\"",
                "the government it binds, or `scope all` for every government",
            ));
        }
        let has_rule = c
            .clauses
            .iter()
            .any(|cl| matches!(cl.node, ClauseKind::Rule(_)));
        // A circular without rules (duties only, or only exemptions or priorities) is valid: it
        // sets no share, and says so as a warning.
        let no_rule = !has_rule && !unreadable_clause("rule");
        let exempts = c
            .clauses
            .iter()
            .any(|cl| matches!(cl.node, ClauseKind::Exempt(_)));
        // One diagnostic per circular, however many clauses it lacks.
        match absent.as_slice() {
            [] => {}
            [(what, form, fill)] => missing_clauses.push(
                Diagnostic::new(
                    Code::MissingClause,
                    file,
                    c.keyword,
                    format!("{shown} has no `{what}` clause"),
                )
                .with_label(format!("`{what}` missing"))
                .with_help(format!("add `{form}`: {fill}")),
            ),
            [init @ .., (last, _, _)] => {
                let init: Vec<String> = init.iter().map(|(w, _, _)| format!("`{w}`")).collect();
                let list = format!("{} and `{last}`", init.join(", "));
                let forms: Vec<String> = absent
                    .iter()
                    .map(|(_, form, fill)| format!("{form}  ({fill})"))
                    .collect();
                missing_clauses.push(
                    Diagnostic::new(
                        Code::MissingClause,
                        file,
                        c.keyword,
                        format!("{shown} has no {list} clauses"),
                    )
                    .with_label(format!("{list} missing"))
                    .with_help(format!("add:\n{}", forms.join("\n"))),
                );
            }
        }
        self.diagnostics.extend(missing_clauses);
        if no_rule {
            self.push(
                Diagnostic::new(
                    Code::NoRule,
                    file,
                    c.keyword,
                    format!("{shown} has no rule: it sets no WFO share"),
                )
                .with_label("no `rule` in this circular")
                .with_help(format!(
                    "{}; if the circular states a share, add it as a rule: `rule NAME: SELECTOR => wfo N%`",
                    if exempts {
                        "where no other circular decides, those it exempts are answered `exempt` and the others keep the baseline"
                    } else {
                        "where no other circular decides, its staff keep the baseline"
                    }
                )),
            );
        }

        // Rules, names first so that `overrides` can point forward.
        let rule_asts: Vec<&ast::RuleDef> = c
            .clauses
            .iter()
            .filter_map(|cl| match &cl.node {
                ClauseKind::Rule(r) => Some(&**r),
                _ => None,
            })
            .collect();
        let rule_spans: Vec<Span> = c
            .clauses
            .iter()
            .filter(|cl| matches!(cl.node, ClauseKind::Rule(_)))
            .map(|cl| cl.span)
            .collect();
        let mut rule_index: HashMap<&str, RuleId> = HashMap::new();
        for (i, r) in rule_asts.iter().enumerate() {
            if let Some(&first) = rule_index.get(r.name.node.as_str()) {
                let first_span = rule_asts[first].name.span;
                self.duplicate(
                    file,
                    r.name.span,
                    format!("the rule `{}`", r.name.node),
                    (file, first_span),
                );
            } else {
                rule_index.insert(&r.name.node, i);
            }
        }
        let mut rules = Vec::new();
        for (i, r) in rule_asts.iter().enumerate() {
            let selector = match &r.selector {
                RuleSelector::Otherwise(_) => None,
                RuleSelector::Selector(s) => {
                    let selector = self.selector(file, s, &sets);
                    Some(self.share(selector))
                }
            };
            let mut except = Vec::new();
            let mut overrides = Vec::new();
            let mut during = None;
            for m in &r.modifiers {
                match &m.node {
                    Modifier::Except(s) => except.push((self.selector(file, s, &sets), m.span)),
                    Modifier::Overrides(names) => {
                        for n in names {
                            match rule_index.get(n.node.as_str()) {
                                Some(&target) => overrides.push((target, n.span)),
                                None => {
                                    let names = rule_index.keys().copied();
                                    self.unknown(file, n, "rule", closest(&n.node, names))
                                }
                            }
                        }
                    }
                    Modifier::During(periods) => {
                        if let Some((_, first)) = &during {
                            self.push(
                                Diagnostic::new(
                                    Code::DuplicateName,
                                    file,
                                    m.span,
                                    format!("rule `{}` has two `during` modifiers", r.name.node),
                                )
                                .with_label("a second `during`")
                                .with_secondary(file, *first, "the first `during`")
                                .with_help(format!(
                                    "a rule has one `during`; several periods go in one list: `during {}`",
                                    list_form(r.modifiers.iter().filter_map(|m| match &m.node {
                                        Modifier::During(p) => Some(p.as_slice()),
                                        _ => None,
                                    }))
                                )),
                            );
                            continue;
                        }
                        // Invalid dates are reported by the lowering (and keep the circular out).
                        if let Some(days) = periods
                            .iter()
                            .map(|p| p.node.dates())
                            .collect::<Option<Vec<_>>>()
                        {
                            during = Some((super::windows(days), m.span));
                        }
                    }
                }
            }
            let Some(wfo) = r.arrangement.node.wfo_interval() else {
                continue;
            };
            rules.push(Rule {
                span: rule_spans[i],
                name_span: r.name.span,
                selector,
                except: except.into(),
                wfo,
                arrangement_span: r.arrangement.span,
                overrides: overrides.into(),
                overrides_all: SmallList::default(),
                during,
            });
        }
        close_overrides(&mut rules);

        let mut exempt = Vec::new();
        let mut priorities = Vec::new();
        let mut duties = Vec::new();
        for clause in &c.clauses {
            match &clause.node {
                ClauseKind::Exempt(s) => exempt.push(Exemption {
                    selector: self.selector(file, s, &sets),
                    span: clause.span,
                }),
                ClauseKind::Priority { rank, selector } => priorities.push(Priority {
                    rank: rank.node,
                    selector: self.selector(file, selector, &sets),
                    span: clause.span,
                }),
                ClauseKind::Duty(d) => {
                    let text = match self.duty_texts.get(d.node.as_str()) {
                        Some(t) => t.clone(),
                        None => {
                            let t: Arc<str> = d.node.as_str().into();
                            self.duty_texts.insert(t.clone());
                            t
                        }
                    };
                    duties.push(text);
                }
                _ => {}
            }
        }

        let scope = match scope? {
            ast::Scope::All => GovScope::All,
            ast::Scope::Govs(govs) => GovScope::Govs(
                govs.iter()
                    .map(|g| self.interner.intern(&normalize_name(&g.node)))
                    .collect(),
            ),
        };
        // A circular with any error is left out of the model: its mistakes are reported, and
        // nothing computed from a half-understood circular is shown.
        let own_errors = self.diagnostics[errors_before..]
            .iter()
            .any(|d| d.is_error());
        let parse_errors = self
            .parse_errors
            .iter()
            .any(|s| s.start >= c.span.start && s.start <= c.span.end);
        if own_errors || parse_errors || rules.len() != rule_asts.len() {
            return None;
        }
        let (valid, valid_span) = valid?;
        let (valid_from, valid_to, windows) = match valid {
            ast::Validity::Windows { windows, .. } => {
                let days = ast::Period::all_dates(windows)?;
                let runs = super::windows(days);
                let (first, last) = (runs.first()?.0, runs.last()?.1);
                (first, Some(last), runs)
            }
            ast::Validity::From(from) => (from.node?, None, Windows::default()),
        };
        let id = id?;
        Some(Circular {
            file,
            span: c.span,
            id: id.node,
            id_span: id.span,
            level: level?,
            signed: signed?.node?,
            signed_span: signed?.span,
            valid_from,
            valid_to,
            windows,
            valid_span,
            scope,
            revokes: Vec::new(),
            exempt,
            rules,
            priorities,
            duties: duties.into(),
        })
    }

    fn unknown(&mut self, file: FileId, name: &ast::Ident, what: &str, suggestion: Option<&str>) {
        if self.unreadable.contains(&name.node) {
            // Defined on a line that could not be read: already reported as `syntax`.
            return;
        }
        let mut d = Diagnostic::new(
            Code::UnknownName,
            file,
            name.span,
            format!("unknown {what} `{}`", name.node),
        )
        .with_label(format!("no {what} of this name"));
        d.help = Some(match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "define it in the circular or at the top of the file, e.g. `{}`",
                match what {
                    "sector" => format!("sector {} = [\"UNIT\", ...]", name.node),
                    "region" => format!("region {} = [\"PLACE\", ...]", name.node),
                    "set of governments" => {
                        format!("govs {} = [\"GOVERNMENT\", ...]", name.node)
                    }
                    _ => format!("rule {}: SELECTOR => wfo N%", name.node),
                }
            ),
        });
        self.push(d);
    }

    /// Resolves a set name of the expected kind to its members.
    fn set(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        kind: SetKind,
        sets: &HashMap<String, SetEntry>,
    ) -> Vec<Sym> {
        match sets.get(&name.node) {
            Some(entry) if entry.kind == kind => entry.members.clone(),
            Some(entry) => {
                let (is, should) = (entry.kind.noun(), kind.noun());
                let help = match entry.kind {
                    SetKind::Region => format!(
                        "a region is a set of places: use it as `domicile in {0}` or `office in {0}`",
                        name.node
                    ),
                    SetKind::Sector => format!(
                        "a sector is a set of units: use it as `{0}` or `unit in {0}`",
                        name.node
                    ),
                    SetKind::Govs => format!(
                        "a `govs` set is a set of governments: use it as `gov in {0}`",
                        name.node
                    ),
                };
                self.push(
                    Diagnostic::new(
                        Code::UnknownName,
                        file,
                        name.span,
                        format!("`{}` is a {is}, not a {should}", name.node),
                    )
                    .with_label(format!("a {should} is expected here"))
                    .with_secondary(
                        entry.file,
                        entry.span,
                        format!("`{}` is defined here", name.node),
                    )
                    .with_help(help),
                );
                Vec::new()
            }
            None => {
                let candidates = sets
                    .iter()
                    .filter(|(_, e)| e.kind == kind)
                    .map(|(n, _)| n.as_str());
                let suggestion = closest(&name.node, candidates);
                self.unknown(file, name, kind.noun(), suggestion);
                Vec::new()
            }
        }
    }

    fn values(
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
    fn share(&mut self, selector: Sel) -> Arc<Sel> {
        if let Some(shared) = self.selectors.get(&selector) {
            return shared.clone();
        }
        let shared = Arc::new(selector);
        self.selectors.insert(shared.clone());
        shared
    }

    fn selector(
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
        }
    }
}

/// Periods as one list, in the order written: `2026-03-16 to 2026-03-17, 2026-03-25 to
/// 2026-03-27` (the dates as read; an invalid one as `YYYY-MM-DD`).
fn list_form<'a>(
    lists: impl IntoIterator<Item = &'a [crate::span::Spanned<ast::Period>]>,
) -> String {
    let shown = |d: &ast::DateLit| d.node.map_or("YYYY-MM-DD".to_string(), |d| d.to_string());
    lists
        .into_iter()
        .flat_map(|list| list.iter())
        .map(|p| format!("{} to {}", shown(&p.node.from), shown(&p.node.to)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fills `overrides_all` with the transitive closure of `overrides`.
fn close_overrides(rules: &mut [Rule]) {
    let direct: Vec<Vec<RuleId>> = rules
        .iter()
        .map(|r| r.overrides.iter().map(|&(t, _)| t).collect())
        .collect();
    for (i, rule) in rules.iter_mut().enumerate() {
        let mut seen: HashSet<RuleId> = HashSet::new();
        let mut stack: Vec<RuleId> = direct[i].clone();
        while let Some(r) = stack.pop() {
            if r < direct.len() && seen.insert(r) {
                stack.extend(&direct[r]);
            }
        }
        let mut all: Vec<RuleId> = seen.into_iter().collect();
        all.sort_unstable();
        rule.overrides_all = all.into();
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

    /// The names offered for completion include the functions written only in `except`.
    #[test]
    fn names_include_functions_written_only_in_except() {
        let text = "circular \"A/1\" {\n  issuer \"X\" level national\n  signed 2024-01-01 by \"Y\"\n  \
            valid 2024-01-02 to 2024-01-31\n  scope all\n  \
            rule r: function admin => wfo 50% except function guard\n}\n";
        let ws = super::load(vec![Source {
            name: "a.se".into(),
            text: text.into(),
        }]);
        assert_eq!(ws.error_count(), 0, "{:?}", ws.diagnostics);
        assert_eq!(ws.names, ["admin", "guard"]);
    }

    /// The fast path (a path already normal is copied) agrees with the definition.
    #[test]
    fn normalize_unit_trims_segments_and_drops_empty_ones() {
        let slow = |p: &str| {
            p.split('/')
                .map(|s| {
                    let kept: String = s
                        .chars()
                        .filter(|&c| !crate::text::is_ignorable(c))
                        .collect();
                    unicode_normalization::UnicodeNormalization::nfc(kept.trim())
                        .collect::<String>()
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("/")
        };
        for p in [
            "",
            "/",
            "a",
            "a/b",
            " a/b",
            "a//b",
            "a/ b",
            "a/b/",
            "  ",
            "a /b",
            "Dinas X/UPTD 1",
            "\tBapenda",
            "Bapenda\u{a0}/x",
            "ä/ö",
            "a\u{308}/o\u{308} ",
            "BPKAD\u{200b}/UPTD",
            "\u{200b}/x",
            "a\u{1b}/b",
        ] {
            assert_eq!(super::normalize_unit(p), slow(p), "{p:?}");
        }
    }
}

//! The lint catalogue, checked two ways.
//!
//! - Fixtures: `tests/fixtures/lints/<code>.se` holds hits and near misses of one code, each line
//!   marked `// hit` or `// not a hit`. Every fixture is loaded on its own; its rendered
//!   diagnostics are an insta snapshot named after the code, and the marks are checked without
//!   the snapshot: a `// hit` line has a diagnostic of the code starting on it, a `// not a hit`
//!   line has none, and no diagnostic of the code starts on an unmarked line.
//! - Docs: `docs/lints.md` has a section per code of `Code::ALL`, in catalogue order. For each
//!   implemented code the first ```` ```se ```` block of its section (the example) reports the
//!   code and the second (the fix) reports nothing, so the page cannot drift from the checks.
//!
//! Run `INSTA_UPDATE=always cargo test --test lints` to rewrite the snapshots after a deliberate
//! change to a message, and review the `.snap` files.

use edaran::Code;
use edaran::check::load;
use edaran::model::{Source, Workspace};
use edaran::render::Renderer;
use edaran::span::LineIndex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The codes `edaran check` reports today. A code of the catalogue not listed here is documented
/// as planned (see [`PLANNED`]); today every code is reported.
const IMPLEMENTED: &[Code] = &[
    Code::Syntax,
    Code::MixedLanguage,
    Code::InvalidDate,
    Code::InvalidPercent,
    Code::EmptyPeriod,
    Code::MissingClause,
    Code::UnknownName,
    Code::DuplicateName,
    Code::TooManyNames,
    Code::OverrideCycle,
    Code::Conflict,
    Code::Antinomy,
    Code::ViolatesHigherNorm,
    Code::ImplicitRevocation,
    Code::OverlappingSectors,
    Code::Overlap,
    Code::DeadRule,
    Code::DeadExemption,
    Code::TooManyCombinations,
    Code::NoRule,
    Code::RuleOutsideValidity,
    Code::RevokesUnknown,
    Code::Retroactive,
    Code::PeriodMismatch,
    Code::RuleOnDaysOff,
    Code::EveryOutsideValidity,
    Code::NearDuplicateName,
    Code::InvisibleCharacter,
];

/// The line `docs/lints.md` writes under the heading of a code that is not reported yet.
const PLANNED: &str = "Status: planned, not yet reported by edaran check.";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_dir() -> PathBuf {
    root().join("tests/fixtures/lints")
}

fn load_one(name: &str, text: &str) -> Workspace {
    load(vec![Source {
        name: name.to_string(),
        text: text.to_string(),
    }])
}

fn codes(ws: &Workspace) -> BTreeSet<&'static str> {
    ws.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// Every diagnostic of `ws`, as `edaran check` shows it without colour.
fn render(ws: &Workspace) -> String {
    let renderer = Renderer::new(&ws.sources, false);
    ws.diagnostics
        .iter()
        .map(|d| renderer.render(d))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the comment of a fixture line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Hit,
    NotHit,
}

/// The 1-based lines of `text` marked `// hit` or `// not a hit`.
fn marks(text: &str) -> Vec<(usize, Mark)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let mark = if line.contains("// not a hit") {
                Mark::NotHit
            } else if line.contains("// hit") {
                Mark::Hit
            } else {
                return None;
            };
            Some((i + 1, mark))
        })
        .collect()
}

/// Loads `tests/fixtures/lints/<code>.se`, snapshots its rendered diagnostics and checks its
/// marks. `also` lists the other codes that may appear, each only on a line whose comment names
/// it in backticks; the caller says why. Each of them must appear: an allowance that is no longer
/// needed is removed rather than left to hide a new diagnostic.
fn check_fixture(code: Code, also: &[Code]) {
    let name = format!("{code}.se");
    let path = fixture_dir().join(&name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let ws = load_one(&name, &text);
    insta::assert_snapshot!(code.as_str(), render(&ws));

    let index = LineIndex::new(&text);
    let line_of = |d: &edaran::Diagnostic| index.line_col(&text, d.span.start()).0;
    let lines: Vec<&str> = text.lines().collect();
    let marks = marks(&text);
    assert!(
        marks.iter().any(|&(_, m)| m == Mark::Hit) && marks.iter().any(|&(_, m)| m == Mark::NotHit),
        "{name}: a fixture holds both hits and near misses"
    );

    let mut problems = Vec::new();
    let hit_lines: BTreeSet<usize> = ws
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(line_of)
        .collect();
    for &(line, mark) in &marks {
        match mark {
            Mark::Hit if !hit_lines.contains(&line) => problems.push(format!(
                "line {line} is marked `// hit` but has no `{code}`"
            )),
            Mark::NotHit if hit_lines.contains(&line) => problems.push(format!(
                "line {line} is marked `// not a hit` but has a `{code}`"
            )),
            _ => {}
        }
    }
    for d in &ws.diagnostics {
        let line = line_of(d);
        let text_of_line = lines.get(line - 1).copied().unwrap_or("");
        if d.code == code {
            if !marks.contains(&(line, Mark::Hit)) {
                problems.push(format!(
                    "line {line} has a `{code}` but is not marked `// hit`: {}",
                    d.message
                ));
            }
        } else if !(also.contains(&d.code) && text_of_line.contains(&format!("`{}`", d.code))) {
            problems.push(format!(
                "line {line} has a `{}`, which this fixture must not produce: {}",
                d.code, d.message
            ));
        }
    }
    for other in also {
        if !ws.diagnostics.iter().any(|d| d.code == *other) {
            problems.push(format!(
                "`{other}` is allowed in this fixture but no longer appears: remove it from `also`"
            ));
        }
    }
    assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
}

macro_rules! fixtures {
    ($($test:ident: $code:expr $(, also $also:expr)?;)*) => {
        $(
            #[test]
            fn $test() {
                #[allow(unused_mut, unused_assignments)]
                let mut also: &[Code] = &[];
                $(also = $also;)?
                check_fixture($code, also);
            }
        )*
    };
}

fixtures! {
    syntax: Code::Syntax;
    mixed_language: Code::MixedLanguage;
    invalid_date: Code::InvalidDate;
    invalid_percent: Code::InvalidPercent;
    empty_period: Code::EmptyPeriod;
    // An empty block lacks the required clauses and has no rule: both are said.
    missing_clause: Code::MissingClause, also &[Code::NoRule];
    // A rule on a line that could not be read was written: only the `syntax` error is reported.
    no_rule: Code::NoRule, also &[Code::Syntax];
    unknown_name: Code::UnknownName;
    duplicate_name: Code::DuplicateName;
    too_many_names: Code::TooManyNames;
    override_cycle: Code::OverrideCycle;
    rule_outside_validity: Code::RuleOutsideValidity;
    revokes_unknown: Code::RevokesUnknown;
    retroactive: Code::Retroactive;
    period_mismatch: Code::PeriodMismatch;
    rule_on_days_off: Code::RuleOnDaysOff;
    every_outside_validity: Code::EveryOutsideValidity;
    near_duplicate_name: Code::NearDuplicateName;
    invisible_character: Code::InvisibleCharacter;
    // Two sector names sharing a unit is what `overlapping-sectors` warns about; the clash of
    // their rules is a `conflict` all the same, since rules clash on regions, not on names.
    conflict: Code::Conflict, also &[Code::OverlappingSectors, Code::Overlap];
    // The boundary of `antinomy`: where lex posterior and lex specialis agree (the later
    // circular is as general as the earlier one, or more special), the later one prevails and
    // only the warning `implicit-revocation` is left.
    antinomy: Code::Antinomy, also &[Code::ImplicitRevocation];
    violates_higher_norm: Code::ViolatesHigherNorm;
    implicit_revocation: Code::ImplicitRevocation;
    overlapping_sectors: Code::OverlappingSectors;
    overlap: Code::Overlap;
    dead_rule: Code::DeadRule;
    dead_exemption: Code::DeadExemption;
    too_many_combinations: Code::TooManyCombinations;
}

#[test]
fn every_implemented_code_has_a_fixture_and_every_fixture_a_code() {
    let mut files: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(fixture_dir()).expect("the fixture directory") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "se") {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            files.insert(stem.to_string());
        }
    }
    let expected: BTreeSet<String> = IMPLEMENTED.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        files, expected,
        "one fixture per implemented code, named after it"
    );
}

// ---------------------------------------------------------------------------------------------
// docs/lints.md

/// One `## `code`` section of the docs page.
struct Section {
    code: String,
    body: String,
}

fn sections(page: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for line in page.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            let code = heading
                .strip_prefix('`')
                .and_then(|h| h.strip_suffix('`'))
                .unwrap_or_else(|| panic!("a section heading is exactly ## `code`: {line}"));
            out.push(Section {
                code: code.to_string(),
                body: String::new(),
            });
        } else if let Some(section) = out.last_mut() {
            section.body.push_str(line);
            section.body.push('\n');
        }
    }
    out
}

/// The fenced blocks of `body` whose info string is exactly `lang`.
fn blocks(body: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for line in body.lines() {
        match current.as_mut() {
            None => {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    current = Some((info.trim() == lang, String::new()));
                }
            }
            Some((keep, text)) => {
                if line.trim_start().starts_with("```") {
                    if *keep {
                        out.push(std::mem::take(text));
                    }
                    current = None;
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    assert!(current.is_none(), "a fenced block is not closed");
    out
}

fn docs_page() -> String {
    let path = root().join("docs/lints.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn docs_cover_every_code() {
    let page = docs_page();
    let sections = sections(&page);
    let headings: Vec<&str> = sections.iter().map(|s| s.code.as_str()).collect();
    let catalogue: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        headings, catalogue,
        "docs/lints.md has one `## `code`` section per code, in catalogue order"
    );

    let mut problems = Vec::new();
    for (section, &code) in sections.iter().zip(Code::ALL) {
        let first_line = section.body.lines().find(|l| !l.trim().is_empty());
        let severity = format!("Severity: {}", code.severity());
        if first_line.map(str::trim) != Some(severity.as_str()) {
            problems.push(format!("`{code}`: the first line is `{severity}`"));
        }
        let planned = section.body.contains(PLANNED);
        let examples = blocks(&section.body, "se");
        let name = |what: &str| format!("docs/lints.md#{code}-{what}.se");
        if IMPLEMENTED.contains(&code) {
            if planned {
                problems.push(format!("`{code}` is reported: remove `{PLANNED}`"));
            }
            let [example, fix, ..] = examples.as_slice() else {
                problems.push(format!("`{code}`: an example and a fix, in ```se blocks"));
                continue;
            };
            let ws = load_one(&name("example"), example);
            if !ws.diagnostics.iter().any(|d| d.code == code) {
                problems.push(format!(
                    "`{code}`: the example does not report it; it reports {:?}",
                    codes(&ws)
                ));
            }
            // The fix reports nothing at all: a fix that trades one mistake for another teaches
            // the wrong thing.
            let ws = load_one(&name("fix"), fix);
            if !ws.diagnostics.is_empty() {
                problems.push(format!("`{code}`: the fix is not clean:\n{}", render(&ws)));
            }
        } else {
            if !planned {
                problems.push(format!("`{code}` is not reported yet: say `{PLANNED}`"));
            }
            if !examples.is_empty() {
                problems.push(format!(
                    "`{code}` is not reported yet: write its examples as ```se-planned blocks"
                ));
            }
            let planned_blocks = blocks(&section.body, "se-planned");
            if planned_blocks.len() < 2 {
                problems.push(format!(
                    "`{code}`: an example and a fix, in ```se-planned blocks"
                ));
            }
            for (i, block) in planned_blocks.iter().enumerate() {
                // The planned examples are well-formed circulars today, so that they can become
                // ```se blocks unchanged when the code is reported.
                let ws = load_one(&name(&format!("planned-{i}")), block);
                let found: Vec<&str> = ws
                    .diagnostics
                    .iter()
                    .filter(|d| IMPLEMENTED.contains(&d.code))
                    .map(|d| d.code.as_str())
                    .collect();
                if !found.is_empty() {
                    problems.push(format!(
                        "`{code}`: planned block {i} does not load cleanly: {found:?}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "docs/lints.md:\n{}",
        problems.join("\n")
    );
}

/// The `**What it finds:**` paragraph of a lint module's doc comment.
fn what_it_finds(module: &str) -> Option<String> {
    let doc: Vec<&str> = module
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let start = doc
        .iter()
        .position(|l| l.starts_with("**What it finds:**"))?;
    let paragraph: Vec<&str> = doc[start..]
        .iter()
        .take_while(|l| !l.is_empty())
        .copied()
        .collect();
    Some(paragraph.join(" "))
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The module doc of a source file: its leading `//!` lines, without the marker.
fn module_doc(source: &str) -> Vec<&str> {
    source
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect()
}

/// The codes named in backticks in `text` (other backticked words are skipped).
fn codes_in(text: &str) -> Vec<Code> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(Code::from_name)
        .collect()
}

/// Where the source documents each code: a module of `src/lints/` (a check of the tree) or of
/// `src/analysis/` (a finding of the conflict analysis) opens with
/// `//! `code` (severity[, principle])` and a `What it finds` paragraph that `docs/lints.md`
/// repeats, and the page's section must name the principle; the codes of the front end are named
/// in the doc of `src/lints/mod.rs`. Every code is documented in exactly one of these places.
/// (The analysis's other modules, the partition and the sweep it shares, open otherwise.)
#[test]
fn lint_module_docs_agree_with_the_page() {
    let page = docs_page();
    let sections = sections(&page);
    let mut problems = Vec::new();
    let mut homes: Vec<(Code, String)> = Vec::new();
    for (dir, every_file_a_code) in [("src/lints", true), ("src/analysis", false)] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
            .expect("a source directory")
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        paths.sort();
        for path in paths {
            if path.file_name().is_some_and(|n| n == "mod.rs") || path.is_dir() {
                continue;
            }
            let module = std::fs::read_to_string(&path).expect("a lint module");
            let shown = Path::new(dir).join(path.file_name().expect("a file name"));
            let Some(first) = module.lines().next().and_then(|l| l.strip_prefix("//! `")) else {
                if every_file_a_code {
                    problems.push(format!(
                        "{}: opens with //! `code` (severity)",
                        shown.display()
                    ));
                }
                continue;
            };
            let Some((name, rest)) = first.split_once('`') else {
                continue;
            };
            let Some(code) = Code::from_name(name) else {
                problems.push(format!("{}: `{name}` is no code", shown.display()));
                continue;
            };
            homes.push((code, shown.display().to_string()));
            if !IMPLEMENTED.contains(&code) {
                continue; // work in progress: checked once the code is reported
            }
            let head = rest
                .trim()
                .strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .unwrap_or("");
            let (severity, principle) = match head.split_once(',') {
                Some((severity, principle)) => (severity.trim(), Some(principle.trim())),
                None => (head.trim(), None),
            };
            if severity != code.severity().as_str() {
                problems.push(format!(
                    "{}: the severity is {}",
                    shown.display(),
                    code.severity()
                ));
            }
            let Some(section) = sections.iter().find(|s| s.code == name) else {
                continue; // `docs_cover_every_code` reports it
            };
            if let Some(principle) = principle
                && !section.body.to_lowercase().contains(principle)
            {
                problems.push(format!(
                    "{}: `{name}` applies {principle}, which its section of docs/lints.md does not name",
                    shown.display()
                ));
            }
            match what_it_finds(&module) {
                Some(what)
                    if normalize_space(&section.body).contains(&normalize_space(&what)) => {}
                Some(what) => problems.push(format!(
                    "{}: its `What it finds` paragraph is not in the `{name}` section of docs/lints.md: {what}",
                    shown.display()
                )),
                None => problems.push(format!(
                    "{}: has no `**What it finds:**` paragraph",
                    shown.display()
                )),
            }
        }
    }

    // The front end: "Codes found while reading and resolving (`syntax`, ...)".
    let lints = std::fs::read_to_string(root().join("src/lints/mod.rs")).expect("src/lints/mod.rs");
    let doc = module_doc(&lints).join(" ");
    match doc
        .split_once("Codes found while reading and resolving (")
        .and_then(|(_, rest)| rest.split_once(')'))
    {
        Some((list, _)) => {
            for code in codes_in(list) {
                homes.push((code, "src/lints/mod.rs".to_string()));
            }
        }
        None => problems.push(
            "src/lints/mod.rs: its doc names the codes found while reading and resolving"
                .to_string(),
        ),
    }

    for &code in Code::ALL {
        let places: Vec<&str> = homes
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, p)| p.as_str())
            .collect();
        if places.len() != 1 {
            problems.push(format!(
                "`{code}` is documented in the source in one place, not {places:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks that read the trees report; they never keep a circular out of the model (only
/// mistakes of reading and resolving it do), so the analysis still compares it with the others.
#[test]
fn a_circular_with_an_error_found_by_a_check_of_the_tree_stays_in_the_model() {
    let path = fixture_dir().join("rule-outside-validity.se");
    let text = std::fs::read_to_string(&path).unwrap();
    let ws = load_one("rule-outside-validity.se", &text);
    assert!(codes(&ws).contains("rule-outside-validity"));
    let ids: Vec<&str> = ws.circulars.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.contains(&"OUT/1/2023"), "{ids:?}");
}

/// A circular without rules is valid: the warning `no-rule`, no error, and it is in the model,
/// where it answers `exempt` for those it exempts, `baseline` for the others, and gives its WFH
/// priorities.
#[test]
fn a_circular_without_rules_is_in_the_model_and_answers() {
    let text = r#"
circular "DUTY/1/2024" {
  issuer "Gubernur Jawa Timur" level provincial
  signed 2024-05-01
  valid  2024-05-02 to 2024-05-31
  scope  "Pemprov Jatim"
  duty "Memastikan pelayanan publik tetap berjalan"
}

circular "EXEMPT/1/2024" {
  issuer "Bupati Sleman" level local
  signed 2024-05-01
  valid  2024-05-02 to 2024-05-31
  scope  "Pemkab Sleman"
  exempt unit "RSUD Sleman"
  wfh priority 1: domicile "Kabupaten Sleman"
}

test "no rule, no share" {
  expect wfo "Dinas Kesehatan" gov "Pemprov Jatim" on 2024-05-14 = baseline
  expect wfo "RSUD Sleman" gov "Pemkab Sleman" on 2024-05-14 = exempt
  expect wfo "Dinas Pendidikan" gov "Pemkab Sleman" on 2024-05-14 = baseline
  expect wfh priority "Dinas Pendidikan" gov "Pemkab Sleman" domicile "Kabupaten Sleman" on 2024-05-14 = 1
  expect in force on 2024-05-14 = ["DUTY/1/2024", "EXEMPT/1/2024"]
}

test "the answers are not made up" {
  expect wfo "RSUD Sleman" gov "Pemkab Sleman" on 2024-05-14 = baseline
  expect wfo "Dinas Kesehatan" gov "Pemprov Jatim" on 2024-05-14 = 50%
}
"#;
    let ws = load_one("no-rule-answers.se", text);
    let found: Vec<&str> = ws.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(found, ["no-rule", "no-rule"], "{}", render(&ws));
    assert!(ws.diagnostics.iter().all(|d| !d.is_error()));
    assert!(
        ws.diagnostics
            .iter()
            .all(|d| d.help.as_deref().is_some_and(|h| !h.contains("50%"))),
        "the help proposes no share"
    );
    let ids: Vec<&str> = ws.circulars.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["DUTY/1/2024", "EXEMPT/1/2024"]);
    let engine = edaran::eval::Engine::new(&ws);
    let outcomes = edaran::eval::expect::run(&engine);
    let summary: Vec<(&str, usize, usize)> = outcomes
        .iter()
        .map(|o| (o.name.as_str(), o.expectations, o.failures.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("no rule, no share", 5, 0),
            ("the answers are not made up", 2, 2)
        ],
        "{:?}",
        outcomes.iter().map(|o| &o.failures).collect::<Vec<_>>()
    );
}

/// The byte ranges of the circulars of a fixture: from a line starting with `circular` to the
/// next line that is a lone `}` (or a one-line block).
fn circular_blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let end = at + line.len();
        if line.starts_with("circular ") {
            if line.trim_end().ends_with('}') || line.contains("{}") {
                out.push((at, end));
            } else {
                start = Some(at);
            }
        } else if line.trim_end() == "}"
            && let Some(s) = start.take()
        {
            out.push((s, end));
        }
        at = end;
    }
    out
}

/// The numbers written before a `%` in `text`: `25%..75%` gives `25` and `75`.
fn shares(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '%' {
            continue;
        }
        let start = chars[..i]
            .iter()
            .rposition(|c| !(c.is_ascii_digit() || *c == '.'))
            .map_or(0, |p| p + 1);
        let number: String = chars[start..i].iter().collect();
        let number = number.trim_start_matches('.').to_string();
        if !number.is_empty() {
            out.push(number);
        }
    }
    out
}

/// No help proposes a government, a name or a share the file does not write: every quoted
/// string in a help is a placeholder in capitals (`"NAME"`) or written in the fixture, and so is
/// every share (`50%`). Dates are left out: a help may compute one from the file's own dates
/// (`end the validity on 2023-09-27`).
#[test]
fn no_help_invents_a_government_or_a_share() {
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(fixture_dir()).expect("the fixture directory") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "se") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let full = std::fs::read_to_string(&path).unwrap();
        let ws = load_one(&name, &full);
        let blocks = circular_blocks(&full);
        for d in &ws.diagnostics {
            let Some(help) = d.help.as_deref() else {
                continue;
            };
            // What the help may draw on: the circulars it points at, and what stands outside
            // every circular (top-level sets, tests), not the other circulars of the fixture.
            let points: Vec<usize> = std::iter::once(d.span.start())
                .chain(d.labels.iter().map(|l| l.span.start()))
                .collect();
            let mut text = String::new();
            let mut last = 0;
            for &(a, b) in &blocks {
                text.push_str(&full[last..a]);
                if points.iter().any(|p| (a..b).contains(p)) {
                    text.push_str(&full[a..b]);
                }
                last = b;
            }
            text.push_str(&full[last..]);
            // A quote mark shown as itself (`"`) is punctuation, not a quoted word.
            let help_words = help.replace("`\"`", "`QUOTE`");
            for quoted in help_words.split('"').skip(1).step_by(2) {
                let placeholder = !quoted.is_empty()
                    && quoted
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '.' || c == '_');
                // The user's own word, quoted as it should be written, is written in the file.
                if !placeholder && !text.contains(quoted) {
                    problems.push(format!(
                        "{name}: `{}` proposes \"{quoted}\": {help}",
                        d.code
                    ));
                }
            }
            for share in shares(help) {
                if !text.contains(&share) && !text.contains(&format!("{share} ")) {
                    problems.push(format!("{name}: `{}` proposes {share}%: {help}", d.code));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Issue 17: conflicts that share their cause are one finding. Five rules for one unit, each
/// requiring another share, decide together; a general rule meets four exceptions, each on its
/// own unit. Three rules or fewer stay pair by pair (the fixture of `conflict`).
#[test]
fn conflicts_with_one_cause_are_one_finding() {
    let text = r#"circular "GROUP/1/2024" {
  issuer "Gubernur" level provincial
  signed 2024-01-02 by "Gubernur"
  valid 2024-01-08 to 2024-03-31
  scope "Pemprov Banten"
  rule a: unit "Dinkes" => wfo 10%
  rule b: unit "Dinkes" => wfo 20%
  rule c: unit "Dinkes" => wfo 30%
  rule d: unit "Dinkes" => wfo 40%
  rule e: unit "Dinkes" => wfo 50%
}

circular "STAR/1/2024" {
  issuer "Gubernur" level provincial
  signed 2024-01-02 by "Gubernur"
  valid 2024-04-01 to 2024-06-30
  scope "Pemprov Banten"
  sector all_units = ["Dishub", "Bapenda", "Disdik", "Dinsos"]
  rule general: all_units => wfo at most 50%
  rule dishub: unit "Dishub" => wfo 75%
  rule bapenda: unit "Bapenda" => wfo 80%
  rule disdik: unit "Disdik" => wfo 100%
  rule dinsos: unit "Dinsos" => wfo 60%
}
"#;
    let ws = load_one("group.se", text);
    let conflicts = ws
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Conflict)
        .count();
    assert_eq!(conflicts, 2, "{}", render(&ws));
    insta::assert_snapshot!("conflict_grouped", render(&ws));
}

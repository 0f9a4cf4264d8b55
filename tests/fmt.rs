//! Tests of the formatter, `edaran fmt` (docs/formatting.md).
//!
//! - Snapshots: the formatted text of each messy fixture of `tests/fixtures/fmt/`, as the insta
//!   snapshot `tests/snapshots/fmt__NAME.snap` (each reviewed against docs/formatting.md).
//! - Lossless: every comment of the input is in the output, in the same order.
//! - Idempotence and meaning, on the examples, the fixtures and random workspaces made messy
//!   (random spacing, line breaks and comments between any two tokens, CRLF line ends, `test`
//!   blocks): formatting twice changes nothing, and the formatted text gives the same
//!   diagnostics (as multisets: positions change), the same `test` outcomes and the same answers
//!   to the same questions.
//! - The command line, on temporary directories: in place, `--check`, standard input, syntax
//!   errors, permissions, symbolic links, temporary files, unreadable paths.
//!
//! On a failure of a random workspace, the messy text is printed: save it as a `.se` file and
//! run `edaran fmt -` on it to reproduce.

#[allow(dead_code)]
#[path = "support/generate.rs"]
mod generate;
#[path = "support/meaning.rs"]
mod meaning;

use assert_cmd::Command;
use edaran::FileId;
use edaran::check::load;
use edaran::eval::Engine;
use edaran::eval::query::Spec;
use edaran::model::{Source, Workspace};
use edaran::region::{self, Dim};
use generate::config;
use generate::{FUNCTIONS, GOVS, PLACES, UNITS};
use meaning::{outcomes, questions, se_files};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

use edaran::corpus::Rng;
#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, run};

// -------------------------------------------------------------------------------------------------
// Helpers

/// The package root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixtures, relative to the package root.
const FIXTURES: &str = "tests/fixtures/fmt";

/// Every fixture of [`FIXTURES`] (without `.se`); each has a snapshot test below.
const FIXTURE_NAMES: &[&str] = &[
    "arrangements",
    "comments",
    "only-comments",
    "selectors",
    "spacing",
    "tests",
    "top-level",
    "wrapping",
];

fn fixture(name: &str) -> String {
    let path = root().join(FIXTURES).join(format!("{name}.se"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The examples: `examples/**/*.se`, named relative to the root.
fn examples() -> Vec<Source> {
    se_files(&root().join("examples"))
        .into_iter()
        .map(|path| Source {
            name: path
                .strip_prefix(root())
                .expect("under the root")
                .display()
                .to_string(),
            text: std::fs::read_to_string(&path).expect("an example is UTF-8"),
        })
        .collect()
}

/// The fixtures, one source each.
fn fixtures() -> Vec<Source> {
    FIXTURE_NAMES
        .iter()
        .map(|name| Source {
            name: format!("{FIXTURES}/{name}.se"),
            text: fixture(name),
        })
        .collect()
}

/// Formats a text that must have no syntax error.
fn format(name: &str, text: &str) -> String {
    edaran::fmt::format(text).unwrap_or_else(|diagnostics| {
        let messages: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
        panic!("{name}: not formatted, syntax errors {messages:?} in\n{text}")
    })
}

/// A comment as the lossless check compares it: line ends normalised to `\n`, trailing
/// whitespace of each line dropped (the formatter trims it; it carries nothing).
fn normalize_comment(comment: &str) -> String {
    comment
        .replace("\r\n", "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The comments of a text, in order, as the parser keeps them.
fn comments(text: &str) -> Vec<String> {
    let (file, _) = edaran::syntax::parse_file(FileId(0), text);
    file.comments
        .iter()
        .map(|c| normalize_comment(&c.node))
        .collect()
}

fn assert_lossless(name: &str, input: &str, output: &str) {
    let before = comments(input);
    let after = comments(output);
    assert_eq!(
        before, after,
        "{name}: the comments of the output differ from those of the input\n\
         ----- input\n{input}\n----- output\n{output}"
    );
}

/// Where two texts first differ: the line number and both lines.
fn first_difference(a: &str, b: &str) -> String {
    let (mut la, mut lb) = (a.lines(), b.lines());
    for k in 1.. {
        match (la.next(), lb.next()) {
            (None, None) => break,
            (x, y) if x != y => return format!("line {k}: {x:?} became {y:?}"),
            _ => {}
        }
    }
    "only the line ends differ".into()
}

fn assert_idempotent(name: &str, once: &str) {
    let twice = format(name, once);
    assert!(
        once == twice,
        "{name}: formatting the formatted text changed it ({})\n----- once\n{once}\n----- twice\n{twice}",
        first_difference(once, &twice)
    );
}

/// What every formatted text looks like, whatever the input: no trailing whitespace, no tab, no
/// two blank lines in a row, no blank line at the start or end of the file or of a block, one
/// final newline.
fn assert_layout(name: &str, out: &str) {
    if out.is_empty() {
        return;
    }
    let context = || format!("{name}: bad layout in\n{out}");
    assert!(
        out.ends_with('\n') && !out.ends_with("\n\n"),
        "{}",
        context()
    );
    assert!(!out.starts_with('\n'), "{}", context());
    assert!(!out.contains("\n\n\n"), "{}", context());
    assert!(!out.contains('\t'), "{}", context());
    assert!(!out.contains('\r'), "{}", context());
    let lines: Vec<&str> = out.lines().collect();
    for (k, line) in lines.iter().enumerate() {
        assert_eq!(
            *line,
            line.trim_end(),
            "{name}: trailing whitespace on line {}\n{out}",
            k + 1
        );
        if line.is_empty() {
            let before = lines[k - 1];
            let after = lines[k + 1];
            assert!(
                !before.ends_with('{') && !after.starts_with('}'),
                "{name}: blank line at the start or end of a block, line {}\n{out}",
                k + 1
            );
        }
    }
}

/// Formats, and checks idempotence, losslessness and layout.
fn check_format(name: &str, input: &str) -> String {
    let out = format(name, input);
    assert_idempotent(name, &out);
    assert_lossless(name, input, &out);
    assert_layout(name, &out);
    out
}

// -------------------------------------------------------------------------------------------------
// Meaning: diagnostics, test outcomes and answers

/// A diagnostic without its positions.
type DiagnosticKey = (u32, String, String, String, Option<String>, Option<String>);

/// The diagnostics of a workspace as a sorted multiset, positions left out (they change).
fn diagnostics(ws: &Workspace) -> Vec<DiagnosticKey> {
    let mut out: Vec<DiagnosticKey> = ws
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.file.0,
                d.code.as_str().to_string(),
                format!("{:?}", d.severity),
                d.message.clone(),
                d.help.clone(),
                d.witness.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn assert_same_meaning(name: &str, before: Vec<Source>, after: Vec<Source>, extra: &[Spec]) {
    let context = || {
        let texts: Vec<String> = before
            .iter()
            .zip(&after)
            .map(|(b, a)| format!("----- {}\n{}\n----- formatted\n{}", b.name, b.text, a.text))
            .collect();
        format!("{name}:\n{}", texts.join("\n"))
    };
    let ws_before = load(before.clone());
    let ws_after = load(after.clone());
    assert_eq!(
        diagnostics(&ws_before),
        diagnostics(&ws_after),
        "diagnostics differ in {}",
        context()
    );
    assert_eq!(
        ws_before.circulars.len(),
        ws_after.circulars.len(),
        "{}",
        context()
    );
    let (e_before, e_after) = (Engine::new(&ws_before), Engine::new(&ws_after));
    assert_eq!(
        outcomes(&e_before, str::to_string),
        outcomes(&e_after, str::to_string),
        "test outcomes differ in {}",
        context()
    );
    let mut specs = questions(&ws_before);
    assert_eq!(
        specs,
        questions(&ws_after),
        "expect questions differ in {}",
        context()
    );
    specs.extend(extra.iter().cloned());
    for spec in &specs {
        assert_eq!(
            e_before.cases(spec),
            e_after.cases(spec),
            "the answers to {spec:?} differ in {}",
            context()
        );
        for day in [spec.from, spec.to] {
            assert_eq!(
                e_before.in_force(day),
                e_after.in_force(day),
                "{}",
                context()
            );
        }
    }
}

fn formatted_sources(sources: &[Source]) -> Vec<Source> {
    sources
        .iter()
        .map(|s| Source {
            name: s.name.clone(),
            text: format(&s.name, &s.text),
        })
        .collect()
}

// -------------------------------------------------------------------------------------------------
// 1. Snapshots of the fixtures

fn snapshot(name: &str) {
    let input = fixture(name);
    let out = check_format(name, &input);
    insta::with_settings!({
        description => format!("`edaran fmt {FIXTURES}/{name}.se`"),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, out);
    });
}

#[test]
fn snapshot_spacing() {
    snapshot("spacing");
}

#[test]
fn snapshot_comments() {
    snapshot("comments");
}

#[test]
fn snapshot_only_comments() {
    snapshot("only-comments");
}

#[test]
fn snapshot_wrapping() {
    snapshot("wrapping");
}

#[test]
fn snapshot_selectors() {
    snapshot("selectors");
}

#[test]
fn snapshot_arrangements() {
    snapshot("arrangements");
}

#[test]
fn snapshot_tests() {
    snapshot("tests");
}

#[test]
fn snapshot_top_level() {
    snapshot("top-level");
}

/// A fixture added to the directory gets a snapshot test.
#[test]
fn every_fixture_has_a_snapshot_test() {
    let mut found: Vec<String> = se_files(&root().join(FIXTURES))
        .iter()
        .map(|p| {
            p.file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    found.sort();
    assert_eq!(found, FIXTURE_NAMES);
}

/// Layout rules of docs/formatting.md that the snapshots show, checked on their own so that a
/// snapshot accepted by mistake cannot hide them.
#[test]
fn layout_rules_hold_in_the_fixtures() {
    let wrapping = format("wrapping", &fixture("wrapping"));
    // Aligned rules that would pass 100 columns once padded wrap their modifiers.
    assert!(
        wrapping.contains(
            "  rule short: all              => wfo 50%\n    except function admin\n    overrides general\n"
        ),
        "{wrapping}"
    );
    // A wrapped set: one level deeper, filled, trailing comma, `=` aligned.
    assert!(
        wrapping.contains("  sector critical                  = [\n    \"RSUD\", "),
        "{wrapping}"
    );
    assert!(wrapping.contains("\"Dinas Sosial\",\n  ]\n"), "{wrapping}");
    // ... also when only the padding of the alignment pushes it past 100 columns.
    assert!(
        wrapping.contains("  sector s                         = [\n    \"Aaaa"),
        "{wrapping}"
    );
    // Lists of header clauses wrap under their first value.
    assert!(
        wrapping.contains("\"Pemkot Contoh Barat\",\n           \"Pemkot Contoh Timur\""),
        "{wrapping}"
    );
    // Only lines that cannot be broken pass 100 columns: long strings and long selectors.
    for line in wrapping.lines().filter(|l| l.len() > 100) {
        assert!(
            line.starts_with("  title ") || line.starts_with("  rule "),
            "too long: {line}"
        );
    }

    let selectors = format("selectors", &fixture("selectors"));
    for expected in [
        "not (a or b) ",
        "(a or b) and c ",
        "not (a and b) ",
        "a or (b and c) ",
        "(not a) and b ",
        "rule whole: a or b ",
        "rule doubled: (a or b) and c ",
        "rule not_not: not not a ",
        "or function service or function in [service, field] or",
        "exempt unit \"Inspektorat\"\n",
    ] {
        assert!(selectors.contains(expected), "{expected:?} in\n{selectors}");
    }

    let arrangements = format("arrangements", &fixture("arrangements"));
    for expected in [
        "wfo 33.33%\n",
        "wfo 50.5%\n",
        "wfo 50%..100%\n",
        "wfo 25%..50%\n",
        "wfh at least 50%\n",
        "(1 month)\n",
        "(2 weeks)\n",
        "(14 days)\n",
        "(1 day)\n",
        "valid   from 2024-02-01\n",
        r#"title   "Tanda \"kutip\" dan garis miring \\ di dalam string""#,
        r#"sector s2 = ["B \"kutip\"", "C\\D"]"#,
        "  duty \"Lihat https://contoh.go.id /* bukan komentar */\"\n",
    ] {
        assert!(
            arrangements.contains(expected),
            "{expected:?} in\n{arrangements}"
        );
    }

    let comments = format("comments", &fixture("comments"));
    for expected in [
        // inside a header: before the block; after `{`: stays there
        "/* inside the header */\ncircular \"COMMENTS/1/2024\" { // after the opening brace\n",
        "  issuer  \"Gubernur Contoh\" level provincial // after a header clause\n",
        "  // inside a set\n  sector essential = [\"BPKAD\", \"Bapenda\"]\n",
        "  // inside a selector\n  rule health: ",
        "  /* and a block comment too */\n} // after the closing brace\n",
        "/* inside given */\ntest \"comments\" given gov \"Pemprov Contoh\" {\n",
        "  /* inside a subject */\n  expect wfo \"BPKAD\" function admin on 2024-01-10 = at most 25% // after\n",
    ] {
        assert!(comments.contains(expected), "{expected:?} in\n{comments}");
    }
}

/// Smaller cases of the layout, each with its exact output.
#[test]
fn small_cases() {
    let cases: &[(&str, &str)] = &[
        // An empty file, and one of blank lines only.
        ("", ""),
        ("\n\n  \n", ""),
        // CRLF line ends become LF, inside block comments too.
        (
            "baseline wfo 50%\r\n/* a\r\n   b */\r\n",
            "baseline wfo 50%\n/* a\n   b */\n",
        ),
        // No final newline.
        ("baseline   wfo 50% // x", "baseline wfo 50% // x\n"),
        // A `{` inside a comment of a header is no brace.
        (
            "test \"t\" /* { */ { expect wfo \"A\" on 2024-01-01 = 50% }",
            "/* { */\ntest \"t\" {\n  expect wfo \"A\" on 2024-01-01 = 50%\n}\n",
        ),
        // A block of comments only: no blank line at its start or end.
        (
            "test \"t\" { // x\n\n  // c\n\n}\n",
            "test \"t\" { // x\n  // c\n}\n",
        ),
        // A multi-line block comment at the end of a clause is no blank line.
        (
            "circular \"A\" {\n  duty \"a\" /* x\n  y */\n  duty \"b\"\n}\n",
            "circular \"A\" {\n  duty \"a\" /* x\n  y */\n  duty \"b\"\n}\n",
        ),
        // A blank line inside a clause is no blank line between clauses: it neither shows nor
        // breaks the alignment (it did, and the second run aligned differently).
        (
            "circular \"A\" {\n  issuer \"I\" level national\n  valid\n\n  /* c */ 2024-01-01 to 2024-01-31\n  scope all\n}\n",
            "circular \"A\" {\n  issuer  \"I\" level national\n  /* c */\n  valid   2024-01-01 to 2024-01-31\n  scope   all\n}\n",
        ),
        // A comment between a dimension and its value is printed once, before the line (it was
        // also kept inside the line, and added again on every run).
        (
            "test \"t\" given gov /* g */ \"A\" {\n expect wfo \"U\" function // h\n admin on 2024-01-05 = 50% }",
            "/* g */\ntest \"t\" given gov \"A\" {\n  // h\n  expect wfo \"U\" function admin on 2024-01-05 = 50%\n}\n",
        ),
        // Blank lines: several become one, kept around comments.
        (
            "circular \"A\" {\n\n\n  duty \"a\"\n\n\n\n  // c\n\n\n  duty \"b\"\n\n}\n",
            "circular \"A\" {\n  duty \"a\"\n\n  // c\n\n  duty \"b\"\n}\n",
        ),
    ];
    for (input, expected) in cases {
        let out = check_format("small case", input);
        assert_eq!(&out, expected, "formatting {input:?}");
    }
}

/// The limits of the layout, at their boundaries.
#[test]
fn widths_at_their_limits() {
    let block = |clauses: &str| format!("circular \"A\" {{\n{clauses}}}\n");
    // A rule whose `rule NAME: SELECTOR` part has 56 characters is aligned; 57: not.
    for (len, aligned) in [(41, true), (42, false)] {
        let unit = "u".repeat(len);
        let long = format!("rule b: unit \"{unit}\"");
        assert_eq!(long.len(), len + 15);
        let out = check_format(
            "align",
            &block(&format!("rule a: all => wfo 50%\n{long} => wfo 25%\n")),
        );
        let pad = if aligned {
            " ".repeat(long.len() - "rule a: all".len())
        } else {
            String::new()
        };
        assert_eq!(
            out,
            block(&format!(
                "  rule a: all{pad} => wfo 50%\n  {long} => wfo 25%\n"
            )),
            "a part of {} characters",
            long.len()
        );
    }
    // A top-level set of 100 columns stays on one line; 101: wrapped. Inside a block, the same at
    // 100 columns with the indentation.
    for (indent, name_len) in [(0, 85), (2, 83)] {
        for extra in [0, 1] {
            let member = format!("\"{}\"", "m".repeat(name_len + extra));
            let line = format!("sector s = [{member}]");
            assert_eq!(indent + line.len(), 100 + extra);
            let input = if indent == 0 {
                format!("{line}\n")
            } else {
                block(&format!("{line}\n"))
            };
            let out = check_format("set", &input);
            let pad = " ".repeat(indent);
            let expected = if extra == 0 {
                format!("{pad}{line}\n")
            } else {
                format!("{pad}sector s = [\n{pad}  {member},\n{pad}]\n")
            };
            let expected = if indent == 0 {
                expected
            } else {
                block(&expected)
            };
            assert_eq!(out, expected, "a set of {} columns", indent + line.len());
        }
    }
    // A rule of 100 columns stays on one line; 101: its modifiers wrap.
    for extra in [0, 1] {
        let line = format!(
            "rule r: all => wfo 50% except unit \"{}\"",
            "x".repeat(61 + extra)
        );
        assert_eq!(2 + line.len(), 100 + extra);
        let out = check_format("rule", &block(&format!("{line}\n")));
        let expected = if extra == 0 {
            format!("  {line}\n")
        } else {
            format!(
                "  rule r: all => wfo 50%\n    except unit \"{}\"\n",
                "x".repeat(62)
            )
        };
        assert_eq!(out, block(&expected));
    }
}

// -------------------------------------------------------------------------------------------------
// 2. Lossless, 3. idempotent and meaning-preserving: fixtures and examples

#[test]
fn fixtures_keep_every_comment_in_order() {
    for s in fixtures() {
        let out = format(&s.name, &s.text);
        assert_lossless(&s.name, &s.text, &out);
    }
}

#[test]
fn examples_keep_every_comment_in_order() {
    let examples = examples();
    assert!(examples.len() >= 5, "the examples are found");
    for s in &examples {
        match edaran::fmt::format(&s.text) {
            Ok(out) => assert_lossless(&s.name, &s.text, &out),
            Err(diagnostics) => panic!("{}: syntax errors {diagnostics:?}", s.name),
        }
    }
}

#[test]
fn fixtures_and_examples_format_idempotently() {
    for s in fixtures().iter().chain(&examples()) {
        check_format(&s.name, &s.text);
    }
}

#[test]
fn examples_are_formatted() {
    for s in examples() {
        assert_eq!(
            format(&s.name, &s.text),
            s.text,
            "{} is not in the canonical layout: run `edaran fmt {}`",
            s.name,
            s.name
        );
    }
}

#[test]
fn fixtures_keep_their_meaning() {
    for s in fixtures() {
        let name = s.name.clone();
        let after = formatted_sources(std::slice::from_ref(&s));
        assert_same_meaning(&name, vec![s], after, &[]);
    }
}

#[test]
fn examples_keep_their_meaning() {
    // As one workspace: some tests need several files.
    let before = examples();
    let after = formatted_sources(&before);
    assert_same_meaning("examples", before, after, &[]);
}

/// The fixtures hold their `test` blocks true before and after (so the meaning check compares
/// real answers, not only failures).
#[test]
fn fixture_tests_pass() {
    for name in ["tests", "spacing"] {
        let text = fixture(name);
        for text in [text.clone(), format(name, &text)] {
            let ws = load(vec![Source {
                name: format!("{name}.se"),
                text,
            }]);
            let engine = Engine::new(&ws);
            for o in edaran::eval::expect::run(&engine) {
                assert!(
                    o.passed(),
                    "{name}: test {:?} fails: {:?}",
                    o.name,
                    o.failures
                );
            }
        }
    }
}

// -------------------------------------------------------------------------------------------------
// 3. Random workspaces, made messy

/// Picking from a list, on the library's deterministic random source (seeded by proptest).
trait Pick {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str;
}

impl Pick for Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Punctuation tokens: no whitespace is needed next to them.
fn is_punct(token: &str) -> bool {
    matches!(
        token,
        "[" | "]" | "(" | ")" | "," | ":" | "{" | "}" | "=" | "=>" | ".."
    )
}

/// The tokens of a text without comments: strings, punctuation, and words (keywords, names,
/// dates, numbers, percentages).
fn tokens(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let stop = |i: usize| {
        b[i].is_ascii_whitespace() || b"[](),:{}=\"".contains(&b[i]) || text[i..].starts_with("..")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if text[i..].starts_with("=>") || text[i..].starts_with("..") {
            i += 2;
        } else if b"[](),:{}=".contains(&b[i]) {
            i += 1;
        } else {
            while i < b.len() && !stop(i) {
                i += 1;
            }
        }
        out.push(&text[start..i.min(b.len())]);
    }
    out
}

/// What goes between two tokens: whitespace of every kind, and comments of every kind (each
/// with a unique number, so that their order can be checked).
fn separator(rng: &mut Rng, n: &mut usize, tight: bool) -> String {
    *n += 1;
    let n = *n;
    match rng.below(100) {
        0..=39 => " ".into(),
        40..=47 if tight => String::new(),
        40..=47 => "  ".into(),
        48..=57 => "\n".into(),
        58..=60 => "\n\n\n".into(),
        61..=64 => "\t".into(),
        65..=68 => "\n        ".into(),
        69..=76 => format!(" /* c{n} */ "),
        77..=83 => format!(" // c{n}\n"),
        84..=86 => format!("// c{n}\n  "),
        87..=89 => format!("\n/* c{n}\n      spans lines */\n"),
        90..=93 => format!("\n\n  // c{n}\n\n"),
        94..=96 => format!("/*c{n}*/"),
        _ => format!(" /* c{n} */\n\n"),
    }
}

/// The same text with random whitespace and comments between its tokens.
fn messify(text: &str, rng: &mut Rng) -> String {
    let mut n = 0;
    let mut out = String::new();
    if rng.chance(30) {
        out.push_str("// the head of the file\n\n");
    }
    let tokens = tokens(text);
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            let tight = is_punct(tokens[k - 1]) || is_punct(t);
            out.push_str(&separator(rng, &mut n, tight));
        }
        out.push_str(t);
    }
    if rng.chance(30) {
        out.push_str(" // the end");
    }
    if rng.chance(80) {
        out.push('\n');
    }
    if rng.chance(10) {
        out = out.replace('\n', "\r\n");
    }
    out
}

/// A date of the generated range, as written.
fn date(rng: &mut Rng) -> String {
    generate::day_at(rng.below(91) as u64).to_string()
}

/// Some of the dimensions gov, function, domicile, office, in a random order, as written.
fn dimensions(rng: &mut Rng) -> Vec<String> {
    let mut dims = Vec::new();
    let mut order = vec![0, 1, 2, 3];
    for k in (1..order.len()).rev() {
        order.swap(k, rng.below(k + 1));
    }
    for d in order {
        if !rng.chance(60) {
            continue;
        }
        dims.push(match d {
            0 => format!("gov \"{}\"", rng.pick(&GOVS)),
            1 => format!("function {}", rng.pick(&FUNCTIONS)),
            2 => format!("domicile \"{}\"", rng.pick(&PLACES)),
            _ => format!("office \"{}\"", rng.pick(&PLACES)),
        });
    }
    dims
}

/// A subject: a unit, some dimensions and a date or period (sometimes before the dimensions).
fn subject(rng: &mut Rng, period: bool) -> String {
    let unit = rng.pick(&UNITS);
    let time = if period {
        let (a, b) = (rng.below(91), rng.below(91));
        format!(
            "from {} to {}",
            generate::day_at(a.min(b) as u64),
            generate::day_at(a.max(b) as u64)
        )
    } else {
        format!("on {}", date(rng))
    };
    let dims = dimensions(rng).join(" ");
    if rng.chance(20) {
        format!("\"{unit}\" {time} {dims}")
    } else {
        format!("\"{unit}\" {dims} {time}")
    }
}

/// A `test` block of random expectations about a generated workspace.
fn test_block(rng: &mut Rng, index: usize, circulars: usize) -> String {
    let mut out = format!("test \"t{index} \\\"quoted\\\" \\\\ name\"");
    let given = dimensions(rng);
    if !given.is_empty() {
        out.push_str(" given ");
        out.push_str(&given.join(" "));
    }
    out.push_str(" {\n");
    for _ in 0..1 + rng.below(5) {
        let line = match rng.below(6) {
            0 | 1 => {
                let expected = rng.pick(&[
                    "50%",
                    "0%",
                    "100%",
                    "at most 25%",
                    "at least 75%",
                    "25%..50%",
                    "baseline",
                    "exempt",
                    "conflict",
                ]);
                format!("expect wfo {} = {expected}", subject(rng, false))
            }
            2 => format!(
                "expect wfo {} = {}",
                subject(rng, true),
                rng.pick(&["50%", "baseline"])
            ),
            3 => format!(
                "expect wfh priority {} = {}",
                subject(rng, false),
                rng.pick(&["1", "2", "none"])
            ),
            4 => {
                let ids: Vec<String> = (0..circulars)
                    .filter(|_| rng.chance(50))
                    .map(|i| format!("\"{}\"", generate::circular_id(i)))
                    .collect();
                format!("expect in force on {} = [{}]", date(rng), ids.join(", "))
            }
            _ => format!(
                "expect explain {} = {}",
                subject(rng, false),
                rng.pick(&["50%", "exempt"])
            ),
        };
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str("}\n");
    out
}

/// Questions about a generated workspace: a unit, some dimensions, a day or a short period.
fn generated_questions(rng: &mut Rng) -> Vec<Spec> {
    (0..4)
        .map(|_| {
            let mut values: [Option<String>; 5] = Default::default();
            values[Dim::Unit.index()] = Some(rng.pick(&UNITS).to_string());
            let choices: [(Dim, &[&str]); 4] = [
                (Dim::Gov, &GOVS),
                (Dim::Function, &FUNCTIONS),
                (Dim::Domicile, &PLACES),
                (Dim::Office, &PLACES),
            ];
            for (dim, options) in choices {
                if rng.chance(60) {
                    values[dim.index()] = Some(rng.pick(options).to_string());
                }
            }
            let from = generate::day_at(rng.below(91) as u64);
            let to = generate::day_at(rng.below(91) as u64).min(from + chrono::Days::new(10));
            let to = to.max(from);
            let mut flags = Vec::new();
            if rng.chance(30) {
                flags.push((
                    Dim::Trait,
                    rng.pick(&generate::TRAITS).to_string(),
                    rng.chance(50),
                ));
            }
            if rng.chance(30) {
                flags.push((Dim::Condition, "urgent".to_string(), rng.chance(50)));
            }
            Spec {
                values,
                flags,
                from: region::day(from),
                to: region::day(to),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(config(500))]

    /// Random workspaces with `test` blocks, made messy: the formatted text is stable, keeps every
    /// comment in order, has the canonical layout, and means the same.
    #[test]
    fn generated_workspaces_format_losslessly_idempotently_and_keep_their_meaning(
        g in generate::workspace(3, 4),
        seed in any::<u64>(),
    ) {
        let mut rng = Rng(seed);
        let mut sources = g.sources();
        let files = sources.len();
        for (i, s) in sources.iter_mut().enumerate() {
            if rng.chance(70) {
                s.text.push_str(&test_block(&mut rng, i, g.circulars.len()));
            }
            if i + 1 == files && rng.chance(30) {
                s.text.push_str("sector trailing_set = [\"A\", \"C\"]\nbaseline wfo 50.50%\n");
            }
        }
        let messy: Vec<Source> = sources
            .iter()
            .map(|s| Source {
                name: s.name.clone(),
                text: messify(&s.text, &mut rng),
            })
            .collect();
        let formatted: Vec<Source> = messy
            .iter()
            .map(|s| Source {
                name: s.name.clone(),
                text: check_format(&s.name, &s.text),
            })
            .collect();
        let extra = generated_questions(&mut rng);
        assert_same_meaning("a generated workspace", messy, formatted, &extra);
    }
}

/// `text` with every comment replaced by a space (strings are kept whole).
fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            let end = rest[1..]
                .char_indices()
                .scan(false, |escaped, (i, c)| {
                    let at = (!*escaped && c == '"').then_some(i + 2);
                    *escaped = !*escaped && c == '\\';
                    Some(at)
                })
                .flatten()
                .next()
                .unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if let Some(r) = rest.strip_prefix("//") {
            rest = r.find('\n').map_or("", |i| &r[i..]);
            out.push(' ');
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]);
            out.push(' ');
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The fixtures made messy: the same tokens once their comments are gone (the messy texts of
/// the property are the same source), and formatted well: stable, lossless, in the layout, with
/// the same meaning. Also covers what the generator does not write (titles, durations, duties,
/// top-level sets, strings with escapes).
#[test]
fn messy_fixtures_format_well() {
    for s in fixtures() {
        let text = strip_comments(&s.text);
        for seed in 0..12 {
            let messy = messify(&text, &mut Rng(seed));
            assert_eq!(
                tokens(&text),
                tokens(&strip_comments(&messy)),
                "{}: messy text\n{messy}",
                s.name
            );
            let out = check_format(&s.name, &messy);
            let source = |text: &str| Source {
                name: s.name.clone(),
                text: text.to_string(),
            };
            assert_same_meaning(&s.name, vec![source(&messy)], vec![source(&out)], &[]);
        }
    }
}

// -------------------------------------------------------------------------------------------------
// 4. The command line

/// `edaran`, with no colour.
fn edaran() -> Command {
    let mut cmd = Command::cargo_bin("edaran").expect("the edaran binary is built");
    cmd.in_english()
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// A messy file, its formatted text, and an already formatted file.
const MESSY: &str = "circular   \"CLI/1/2024\"{\n  issuer \"Gubernur\"   level provincial\n  signed 2024-01-02\nvalid 2024-01-08 to 2024-01-31\n scope \"Pemprov Contoh\" // the scope\n  rule r:all=>wfo 50.50%\n}\n";
const BROKEN: &str = "circular \"CLI/3/2024\" {\n  isuer \"Gubernur\" level provincial\n  rule r: all => wfo 50%\n}\n";

fn formatted_messy() -> String {
    format("messy", MESSY)
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every file under `dir`, recursively, relative to it, sorted (hidden ones too).
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        let name = path
            .strip_prefix(dir)
            .expect("inside")
            .display()
            .to_string();
        if path.is_dir() && !path.is_symlink() {
            out.extend(listing(&path).into_iter().map(|n| format!("{name}/{n}")));
        } else {
            out.push(name);
        }
    }
    out.sort();
    out
}

/// A temporary directory holding `messy.se`, `sub/deeper.se` (messy too) and `formatted.se`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    write(&dir.path().join("messy.se"), MESSY);
    write(
        &dir.path().join("sub/deeper.se"),
        &MESSY.replace("CLI/1/2024", "CLI/2/2024"),
    );
    write(
        &dir.path().join("formatted.se"),
        &formatted_messy().replace("CLI/1", "CLI/0"),
    );
    dir
}

const FILES: [&str; 3] = ["formatted.se", "messy.se", "sub/deeper.se"];

#[test]
fn fmt_rewrites_a_directory_in_place_and_reports() {
    let dir = workspace();
    let formatted_before = read(&dir.path().join("formatted.se"));
    #[cfg(unix)]
    let inode = |p: &str| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(dir.path().join(p))
            .expect("metadata")
            .ino()
    };
    #[cfg(unix)]
    let untouched = inode("formatted.se");
    let r = run(edaran().arg("fmt").arg(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("formatted 2 files"), "{}", r.stderr);
    assert_eq!(read(&dir.path().join("messy.se")), formatted_messy());
    assert_eq!(
        read(&dir.path().join("sub/deeper.se")),
        formatted_messy().replace("CLI/1/2024", "CLI/2/2024")
    );
    assert_eq!(read(&dir.path().join("formatted.se")), formatted_before);
    // A file already in the layout is not written at all.
    #[cfg(unix)]
    assert_eq!(inode("formatted.se"), untouched);
    assert_eq!(listing(dir.path()), FILES, "no temporary file is left");

    // A second run has nothing to do.
    let r = run(edaran().arg("fmt").arg(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("formatted"), "{}", r.stderr);
    let r = run(edaran().args(["fmt", "--check"]).arg(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn fmt_without_paths_formats_the_current_directory() {
    let dir = workspace();
    let r = run(edaran().arg("fmt").current_dir(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&dir.path().join("messy.se")), formatted_messy());
    assert_eq!(listing(dir.path()), FILES);
}

#[test]
fn fmt_a_single_file() {
    let dir = workspace();
    let file = dir.path().join("messy.se");
    let r = run(edaran().arg("fmt").arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("formatted 1 file\n"), "{}", r.stderr);
    assert_eq!(read(&file), formatted_messy());
    // The other messy file was not named: untouched.
    assert_eq!(
        read(&dir.path().join("sub/deeper.se")),
        MESSY.replace("CLI/1", "CLI/2")
    );
}

#[cfg(unix)]
#[test]
fn fmt_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let file = dir.path().join("messy.se");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let deeper = dir.path().join("sub/deeper.se");
    std::fs::set_permissions(&deeper, std::fs::Permissions::from_mode(0o604)).expect("chmod");
    let r = run(edaran().arg("fmt").arg(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&file), formatted_messy());
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o7777;
    assert_eq!(mode(&file), 0o640);
    assert_eq!(mode(&deeper), 0o604);
    assert_eq!(listing(dir.path()), FILES);
}

#[cfg(unix)]
#[test]
fn fmt_follows_symbolic_links() {
    let dir = workspace();
    let target = dir.path().join("messy.se");
    let link = dir.path().join("sub/link.se");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let r = run(edaran().arg("fmt").arg(&link));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("metadata")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(read(&target), formatted_messy(), "the target is formatted");
    assert_eq!(
        listing(dir.path()),
        ["formatted.se", "messy.se", "sub/deeper.se", "sub/link.se"]
    );
}

#[test]
fn fmt_check_changes_nothing_and_lists_what_would_change() {
    let dir = workspace();
    let before: Vec<String> = FILES.iter().map(|f| read(&dir.path().join(f))).collect();
    let r = run(edaran().args(["fmt", "--check"]).arg(dir.path()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let mut listed: Vec<&str> = r.stdout.lines().collect();
    listed.sort();
    let messy = dir.path().join("messy.se").display().to_string();
    let deeper = dir.path().join("sub/deeper.se").display().to_string();
    let mut expected = vec![messy.as_str(), deeper.as_str()];
    expected.sort();
    assert_eq!(listed, expected, "stdout: {}", r.stdout);
    assert!(
        r.stderr.contains("2 files would be reformatted"),
        "{}",
        r.stderr
    );
    let after: Vec<String> = FILES.iter().map(|f| read(&dir.path().join(f))).collect();
    assert_eq!(before, after, "--check changes nothing");
    assert_eq!(listing(dir.path()), FILES);

    // On formatted files only: exit 0, nothing listed.
    let formatted = dir.path().join("formatted.se");
    let r = run(edaran().args(["fmt", "--check"]).arg(&formatted));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn fmt_stdin_to_stdout() {
    let r = run(edaran().args(["fmt", "-"]).write_stdin(MESSY));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, formatted_messy());

    let r = run(edaran().args(["fmt", "--check", "-"]).write_stdin(MESSY));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let r = run(edaran()
        .args(["fmt", "--check", "-"])
        .write_stdin(formatted_messy()));
    assert_eq!(r.code, 0, "{}", r.stderr);

    // A syntax error: nothing on stdout, the error on stderr, exit 1.
    let r = run(edaran().args(["fmt", "-"]).write_stdin(BROKEN));
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("isuer"), "{}", r.stderr);
    assert!(r.stderr.contains("was not formatted"), "{}", r.stderr);

    // Not UTF-8: a usage error.
    let r = edaran()
        .args(["fmt", "-"])
        .write_stdin(vec![b'b', 0xff, 0xfe, b'\n'])
        .output()
        .expect("edaran runs");
    assert_eq!(r.status.code(), Some(2));
}

#[test]
fn fmt_leaves_a_file_with_syntax_errors_alone_and_formats_the_others() {
    let dir = workspace();
    let broken = dir.path().join("broken.se");
    write(&broken, BROKEN);
    let r = run(edaran().arg("fmt").arg(dir.path()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(std::fs::read(&broken).expect("read"), BROKEN.as_bytes());
    assert!(r.stderr.contains("broken.se"), "{}", r.stderr);
    assert!(r.stderr.contains("expected a clause"), "{}", r.stderr);
    assert!(
        r.stderr.contains("has syntax errors and was not formatted"),
        "{}",
        r.stderr
    );
    assert_eq!(read(&dir.path().join("messy.se")), formatted_messy());
    assert_eq!(
        read(&dir.path().join("sub/deeper.se")),
        formatted_messy().replace("CLI/1/2024", "CLI/2/2024")
    );
    assert_eq!(
        listing(dir.path()),
        ["broken.se", "formatted.se", "messy.se", "sub/deeper.se"]
    );

    // --check reports it the same way.
    let r = run(edaran().args(["fmt", "--check"]).arg(&broken));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(std::fs::read(&broken).expect("read"), BROKEN.as_bytes());
}

#[test]
fn fmt_a_missing_path_is_a_usage_error() {
    let dir = workspace();
    let missing = dir.path().join("missing.se");
    let r = run(edaran().arg("fmt").arg(&missing));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.se"), "{}", r.stderr);
    assert!(r.stderr.contains("no such file"), "{}", r.stderr);
    // With another path in the same run: nothing is written.
    let r = run(edaran()
        .arg("fmt")
        .arg(dir.path().join("messy.se"))
        .arg(&missing));
    assert_eq!(r.code, 2);
    assert_eq!(read(&dir.path().join("messy.se")), MESSY);
    assert_eq!(listing(dir.path()), FILES);
}

#[test]
fn fmt_a_file_that_is_not_utf8_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("latin1.se");
    std::fs::write(&file, b"// caf\xe9\n").expect("write");
    let r = run(edaran().arg("fmt").arg(&file));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not UTF-8"), "{}", r.stderr);
    assert_eq!(std::fs::read(&file).expect("read"), b"// caf\xe9\n");
}

#[cfg(unix)]
#[test]
fn fmt_an_unreadable_file_is_a_usage_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let file = dir.path().join("messy.se");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&file).is_ok() {
        // Running as root: permissions do not stop reading; nothing to test.
        return;
    }
    let r = run(edaran().arg("fmt").arg(dir.path()));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("permission denied"), "{}", r.stderr);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    assert_eq!(read(&file), MESSY);
}

/// `wfa` and the modes of expected shares print back as written.
#[test]
fn wfa_and_the_modes_of_expectations_print_back() {
    let text = r#"circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-02-09
  valid 2026-03-16 to 2026-03-17
  scope all
  rule flexible: all => wfa at most 100%
  rule admin: function admin => wfa 25%..50% overrides flexible
}

test "where" {
  expect wfo "BPKAD" on 2026-03-16 = wfa at most 100%
  expect wfo "BPKAD" function admin on 2026-03-16 = wfa 25%..50%
  expect wfo "BPKAD" function admin on 2026-03-16 = wfh 25%..50%
  expect wfo "BPKAD" function admin on 2026-03-16 = wfo 50%..75%
  expect wfo "BPKAD" function admin on 2026-03-16 = 50%..75%
}
"#;
    let out = check_format("wfa", text);
    for line in [
        "  rule flexible: all         => wfa at most 100%\n",
        "  rule admin: function admin => wfa 25%..50% overrides flexible\n",
        "= wfa at most 100%\n",
        "= wfa 25%..50%\n",
        "= wfh 25%..50%\n",
        "= wfo 50%..75%\n",
        "on 2026-03-16 = 50%..75%\n",
    ] {
        assert!(out.contains(line), "no `{line}` in:\n{out}");
    }
}

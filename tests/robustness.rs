//! Hostile input gets a diagnostic, never a panic, a hang or a stack overflow. Each case also
//! runs every stage after parsing (resolution, every check, the analysis, the formatter).

use edaran::Code;
use edaran::check::load;
use edaran::model::{Source, Workspace};

fn check(text: &str) -> Workspace {
    let ws = load(vec![Source {
        name: "hostile.se".into(),
        text: text.to_string(),
    }]);
    for d in &ws.diagnostics {
        assert!(d.span.end() <= text.len(), "span out of the text: {d:?}");
        assert!(text.is_char_boundary(d.span.start()) && text.is_char_boundary(d.span.end()));
    }
    let _ = edaran::fmt::format(text);
    ws
}

fn codes(ws: &Workspace) -> Vec<Code> {
    ws.diagnostics.iter().map(|d| d.code).collect()
}

const HEADER: &str = "circular \"X\" {\n  issuer \"I\" level national\n  signed 2024-01-01\n  valid 2024-01-01 to 2024-01-31\n  scope all\n";

/// Found by the fuzzer `parse`: a carriage return left inside a string (closed or not) on a line
/// that is no item ended the parse of the whole file ("the file could not be read"), with a span
/// that split the first character. It is one bad line now, and the rest is read.
#[test]
fn a_carriage_return_inside_a_string_of_a_bad_line_is_one_bad_line() {
    for text in [
        "\u{bc}T\"govs\r\u{1a}",
        "\"a\r\nb",
        "x \"a\rb\"\n",
        &format!("x \"a\r\n{HEADER}  rule r: all => wfo 50%\n}}\n"),
    ] {
        let ws = check(text);
        assert!(
            ws.diagnostics
                .iter()
                .all(|d| !d.message.contains("could not be read")),
            "{text:?}: {:?}",
            ws.diagnostics
        );
        assert!(codes(&ws).contains(&Code::Syntax), "{text:?}");
    }
    // The circular after the bad line is read.
    let ws = check(&format!("x \"a\r\n{HEADER}  rule r: all => wfo 50%\n}}\n"));
    assert_eq!(ws.circulars.len(), 1, "{:?}", ws.diagnostics);
}

#[test]
fn thousands_of_nested_parentheses_are_an_error_not_a_stack_overflow() {
    for depth in [100, 10_000, 100_000] {
        let text = format!(
            "{HEADER}  rule r: {}all{} => wfo 50%\n}}\n",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        let ws = check(&text);
        assert!(codes(&ws).contains(&Code::Syntax), "depth {depth}");
    }
}

#[test]
fn unclosed_parentheses_are_an_error() {
    let text = format!("{HEADER}  rule r: {} => wfo 50%\n}}\n", "(".repeat(50_000));
    assert!(codes(&check(&text)).contains(&Code::Syntax));
}

#[test]
fn deep_not_chains_are_an_error_not_a_stack_overflow() {
    let text = format!(
        "{HEADER}  rule r: {}all => wfo 50%\n}}\n",
        "not ".repeat(20_000)
    );
    let ws = check(&text);
    assert!(!ws.diagnostics.is_empty());
}

#[test]
fn a_very_long_line_and_string_are_read() {
    let title = "a".repeat(2_000_000);
    let text = format!("{HEADER}  title \"{title}\"\n  rule r: all => wfo 50%\n}}\n");
    let ws = check(&text);
    assert!(ws.diagnostics.is_empty(), "{:?}", codes(&ws));
    let junk = "x".repeat(1_000_000);
    let ws = check(&format!("{HEADER}  {junk}\n  rule r: all => wfo 50%\n}}\n"));
    assert_eq!(codes(&ws), [Code::Syntax]);
}

#[test]
fn unterminated_strings_and_comments_are_errors() {
    for text in [
        format!("{HEADER}  title \"never closed\n  rule r: all => wfo 50%\n}}\n"),
        format!("{HEADER}  rule r: all => wfo 50%\n}}\n/* never closed"),
        "circular \"X\" {".to_string(),
        "\"".to_string(),
        "}}}}".to_string(),
    ] {
        let ws = check(&text);
        assert!(
            codes(&ws)
                .iter()
                .any(|&c| c == Code::Syntax || c == Code::MissingClause)
        );
    }
}

#[test]
fn garbage_text_is_one_error_per_line() {
    let lines: Vec<String> = (0..2_000)
        .map(|i| {
            (0..60)
                .map(|j| {
                    char::from_u32(0x21 + ((i * 61 + j * 7919) % 0x2000) as u32).unwrap_or('?')
                })
                .collect()
        })
        .collect();
    let text = lines.join("\n");
    let ws = check(&text);
    assert!(!ws.diagnostics.is_empty());
    assert!(ws.diagnostics.len() <= lines.len() + 1);
}

#[test]
fn control_characters_and_odd_unicode_are_handled() {
    let text = format!(
        "\u{feff}{HEADER}  rule r\u{0}: all => wfo 50%\n  rule \u{202e}s: all => wfo 50%\n}}\n\u{7f}\u{1b}[31m"
    );
    let ws = check(&text);
    assert!(codes(&ws).contains(&Code::Syntax));
}

#[test]
fn one_huge_circular_is_read() {
    let mut text = String::from(HEADER);
    for i in 0..5_000 {
        text.push_str(&format!(
            "  rule r{i}: unit \"Dinas {i}\" and function f{} => wfo {}%\n",
            i % 7,
            (i % 5) * 25
        ));
    }
    text.push_str("}\n");
    let ws = check(&text);
    assert_eq!(ws.circulars.len(), 1);
    assert_eq!(ws.circulars[0].rules.len(), 5_000);
}

#[test]
fn numbers_too_large_for_any_type_are_errors() {
    let text = format!(
        "{HEADER}  rule r: all => wfo 99999999999999999999999999%\n  wfh priority 99999999999999999999: all\n}}\n"
    );
    let ws = check(&text);
    assert!(codes(&ws).contains(&Code::InvalidPercent));
    assert!(codes(&ws).contains(&Code::Syntax));
}

#[test]
fn dates_far_away_are_valid_or_errors_never_panics() {
    for date in [
        "0000-01-01",
        "9999-12-31",
        "2024-13-01",
        "2024-00-10",
        "2024-02-30",
    ] {
        let text = format!(
            "circular \"X\" {{\n  issuer \"I\" level national\n  signed {date}\n  valid {date} to 9999-12-31\n  scope all\n  rule r: all => wfo 50% during {date} to 9999-12-31\n}}\n"
        );
        let ws = check(&text);
        let engine = edaran::eval::Engine::new(&ws);
        let day = edaran::region::day("9999-12-31".parse().unwrap());
        let _ = engine.answer(&engine.point(day, [None, Some("U"), None, None, None]));
    }
}

#[test]
fn hostile_questions_get_a_diagnostic() {
    for q in [
        "",
        "wfo",
        "wfo \"",
        "wfo \"A\" on 2024-02-30",
        "wfo \"A\" from 2024-03-01 to 2024-01-01",
        "wfo \"A\" on 2024-01-01 on 2024-01-02",
        "explain \"A\" function function on 2024-01-01",
        "in force on",
        &"(".repeat(10_000),
        &format!("wfo \"{}\" on 2024-01-01", "a".repeat(100_000)),
    ] {
        let (query, diagnostics) = edaran::syntax::parse_query(edaran::FileId(0), q);
        assert!(
            query.is_some() || !diagnostics.is_empty(),
            "no answer and no diagnostic for {q:?}"
        );
        for d in diagnostics {
            assert!(d.span.end() <= q.len());
        }
    }
}

#[test]
fn a_carriage_return_inside_a_string_is_an_error_and_crlf_files_are_read() {
    let text = format!("{HEADER}  title \"Ab\rc\"\n  rule r: all => wfo 50%\n}}\n");
    let ws = check(&text);
    assert_eq!(codes(&ws), vec![Code::Syntax], "{:?}", ws.diagnostics);
    let crlf = format!("{HEADER}  title \"Abc\" // note\n  rule r: all => wfo 50%\n}}\n")
        .replace('\n', "\r\n");
    let ws = check(&crlf);
    assert!(ws.diagnostics.is_empty(), "{:?}", codes(&ws));
}

#[test]
fn parentheses_nested_too_deeply_do_not_change_the_next_circular() {
    let deep = format!(
        "{HEADER}  rule r: {}all{} => wfo 50%\n}}\n",
        "(".repeat(100),
        ")".repeat(100)
    );
    let fine = "circular \"Y\" {\n  issuer \"I\" level national\n  signed 2024-01-01\n  valid 2024-01-01 to 2024-01-31\n  scope all\n  rule s: ((all)) => wfo 50%\n}\n";
    let ws = check(&format!("{deep}{fine}"));
    assert_eq!(codes(&ws), vec![Code::Syntax], "{:?}", ws.diagnostics);
    assert_eq!(
        ws.circulars.len(),
        1,
        "the second circular is read as written"
    );
    assert_eq!(ws.circulars[0].id, "Y");
}

/// The budget of each hostile class of issue 17: `check`, `query` and `fmt` of each input run
/// under a memory limit (`ulimit -v`, at most two malloc arenas), with a time-out only as a guard
/// against a hang. The work is bounded, the seconds are not measured: before the fixes, each of
/// these took minutes or gigabytes (docs/robustness.md has the figures).
#[cfg(unix)]
#[path = "support/bin.rs"]
mod bin;

#[cfg(unix)]
mod budget {
    use super::bin::{InEnglish, Run, root, run};
    use std::path::Path;
    use std::time::Duration;

    /// The memory limit of every run, in kilobytes of address space.
    const LIMIT: u64 = 600_000;

    const HEADER: &str = "circular \"C\" {\n  issuer \"I\" level national\n  signed 2024-01-01\n  valid 2024-01-01 to 2024-01-31\n  scope all\n";

    /// `edaran ARGS` under the memory limit, with `stdin` on its standard input.
    fn bounded(args: &[&dyn AsRef<std::ffi::OsStr>], stdin: &Path) -> Run {
        let mut cmd = assert_cmd::Command::new("sh");
        cmd.in_english()
            .current_dir(root())
            .env("NO_COLOR", "1")
            .env("MALLOC_ARENA_MAX", "2")
            .arg("-c")
            .arg(format!("ulimit -v {LIMIT}; exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_edaran"))
            .timeout(Duration::from_secs(600))
            .pipe_stdin(stdin)
            .unwrap();
        for a in args {
            cmd.arg(a);
        }
        run(&mut cmd)
    }

    /// `check`, `query` (the question `question`, or the questions of `questions` on standard
    /// input) and `fmt -` of `text`, each within the budget; returns the runs.
    fn within_budget(text: &str, question: &str, questions: Option<&str>) -> [Run; 3] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hostile.se");
        std::fs::write(&file, text).unwrap();
        let asked = dir.path().join("questions.txt");
        std::fs::write(&asked, questions.unwrap_or("")).unwrap();
        let check = bounded(&[&"check", &file], &file);
        assert!(check.code <= 1, "check: {}", check.stderr);
        let query = match questions {
            Some(_) => bounded(&[&"query", &file], &asked),
            None => bounded(&[&"query", &file, &"-e", &question], &file),
        };
        // 1: an answer is a conflict.
        assert!(query.code <= 1, "query: {}", query.stderr);
        let fmt = bounded(&[&"fmt", &"-"], &file);
        assert_eq!(fmt.code, 0, "fmt: {}", fmt.stderr);
        [check, query, fmt]
    }

    #[test]
    fn a_thousand_clashing_rules() {
        let mut text = HEADER.to_string();
        for i in 0..1000 {
            text.push_str(&format!("  rule r{i}: unit \"U\" => wfo {}%\n", i % 101));
        }
        text.push_str("}\n");
        let [check, query, _] = within_budget(&text, "wfo \"U\" on 2024-01-05", None);
        assert!(
            check.stdout.ends_with("1 error, 0 warnings\n"),
            "{}",
            check.stdout
        );
        assert!(query.stdout.contains("conflict"), "{}", query.stdout);
    }

    #[test]
    fn an_or_of_44690_terms() {
        // 626 KB, as the reproducer: it took 32.8 s; terms of two dimensions took far longer.
        let terms: Vec<String> = (0..44_690)
            .map(|k| match k % 2 {
                0 => format!("unit \"U{k}\""),
                _ => format!("function f{k}"),
            })
            .collect();
        let text = format!("{HEADER}  rule r: {} => wfo 50%\n}}\n", terms.join(" or "));
        let [check, query, fmt] = within_budget(&text, "wfo \"U44688\" on 2024-01-05", None);
        assert!(
            check.stdout.contains("no problems found"),
            "{}",
            check.stdout
        );
        assert!(query.stdout.contains("WFO 50%"), "{}", query.stdout);
        assert!(fmt.stdout.contains("U44688"));
    }

    /// Circulars each scoped to their own government, `n` of them.
    fn governments(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "circular \"C{i}\" {{\n  issuer \"I\" level local\n  signed 2024-01-01\n  \
                     valid 2024-01-01 to 2024-01-31\n  scope \"G{i}\"\n  rule r: unit \"U\" => wfo \
                     {}%\n}}\n",
                    25 * (i % 3)
                )
            })
            .collect()
    }

    #[test]
    fn ten_thousand_governments_and_a_question_for_any_of_them() {
        // A question that leaves the government out has a case per government: it took minutes
        // for 10,000 (each case split the whole question again).
        let [check, query, _] =
            within_budget(&governments(10_000), "wfo \"U\" on 2024-01-05", None);
        assert!(
            check.stdout.contains("no problems found"),
            "{}",
            check.stdout
        );
        let cases = query
            .stdout
            .lines()
            .filter(|l| l.starts_with("  gov \"G"))
            .count();
        assert!(cases >= 9_999, "{cases} cases:\n{}", &query.stdout[..500]);
    }

    #[test]
    fn twenty_thousand_government_names_alike() {
        // `Pemerintah Kabupaten G1` beside `G0`: `near-duplicate-name` compared every two such
        // names and remembered every pair (25,000 took 218 s and 2.6 GB).
        let text: String = (0..20_000)
            .map(|i| {
                format!(
                    "circular \"C{i}\" {{\n  issuer \"I\" level local\n  signed 2024-01-01\n  \
                     valid 2024-01-01 to 2024-01-31\n  scope \"Pemerintah Kabupaten G{i}\"\n  \
                     rule r: unit \"U\" => wfo 50%\n}}\n"
                )
            })
            .collect();
        let [check, _, _] = within_budget(
            &text,
            "wfo \"U\" gov \"Pemerintah Kabupaten G7\" on 2024-01-05",
            None,
        );
        assert!(
            check.stdout.ends_with("0 errors, 19999 warnings\n"),
            "{}",
            &check.stdout[check.stdout.len().saturating_sub(300)..]
        );
    }

    #[test]
    fn many_questions_with_a_left_out_dimension() {
        let questions: String = (0..5_000)
            .map(|k| format!("wfo \"U\" on 2024-01-{:02}\n", 1 + k % 28))
            .collect();
        let [_, query, _] = within_budget(&governments(50), "", Some(&questions));
        assert_eq!(query.stdout.matches("wfo \"U\" on").count(), 5_000);
    }
}

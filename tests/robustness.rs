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

//! The formatter never panics, is idempotent, keeps every comment, and converts a file to the
//! other language and back to the same text (`edaran fmt --lang`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(once) = edaran::fmt::format(text) else { return };
    let twice = edaran::fmt::format(&once).expect("formatted text parses");
    assert_eq!(once, twice, "not idempotent");
    let comments = |t: &str| -> Vec<String> {
        edaran::syntax::parse_file(edaran::FileId(0), t)
            .0
            .comments
            .into_iter()
            // The spaces at the ends of lines are removed, inside block comments too
            // (docs/formatting.md); nothing else of a comment changes.
            .map(|c| {
                let lines: Vec<&str> = c.node.lines().map(str::trim_end).collect();
                lines.join("\n").trim_end().to_string()
            })
            .collect()
    };
    assert_eq!(comments(text), comments(&once), "a comment was lost or moved out of order");
    let lang = edaran::syntax::parse_file(edaran::FileId(0), &once).0.lang;
    let there =
        edaran::fmt::format_as(&once, Some(lang.other())).expect("a formatted file converts");
    let back = edaran::fmt::format_as(&there, Some(lang)).expect("a converted file parses");
    assert_eq!(once, back, "converting there and back changed the file");
});

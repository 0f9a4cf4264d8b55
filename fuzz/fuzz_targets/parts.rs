//! A file read in parts is read as a whole: the tree and the diagnostics of the parse, and the
//! workspace a check loads (tests/parts.rs does the same on the fixtures and random files).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let id = edaran::FileId(0);
    let (whole, d1) = edaran::syntax::parse_in_parts(id, text, usize::MAX);
    let (parts, d2) = edaran::syntax::parse_in_parts(id, text, 1);
    assert_eq!(format!("{whole:?}"), format!("{parts:?}"));
    assert_eq!(d1, d2);
    let sources = vec![edaran::model::Source { name: "f.se".into(), text: text.into() }];
    let whole = edaran::check::load_in_parts(sources.clone(), usize::MAX);
    let parts = edaran::check::load_in_parts(sources, 1);
    assert_eq!(whole.diagnostics, parts.diagnostics);
    assert_eq!(format!("{:?}", whole.circulars), format!("{:?}", parts.circulars));
});

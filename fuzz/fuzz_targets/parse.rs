//! The parser never panics, and every diagnostic's span lies within the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (_, diagnostics) = edaran::syntax::parse_file(edaran::FileId(0), text);
    for d in diagnostics {
        assert!(d.span.end() <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.span.start()) && text.is_char_boundary(d.span.end()));
    }
});

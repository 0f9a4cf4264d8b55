//! Resolution, every check and the conflict analysis never panic on any parsed input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ws = edaran::check::load(vec![edaran::model::Source {
        name: "fuzz.se".into(),
        text: text.to_string(),
    }]);
    for d in &ws.diagnostics {
        assert!(d.span.end() <= text.len(), "{d:?}");
    }
    // The tests of the file run too: the evaluator on whatever resolved.
    let engine = edaran::eval::Engine::new(&ws);
    let _ = edaran::eval::expect::run(&engine);
});

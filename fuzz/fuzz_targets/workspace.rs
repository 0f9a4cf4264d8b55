//! Whole workspaces, structure-aware: the input seeds the generator of the property tests
//! (`tests/support/generate.rs`: circulars, sectors, rules with `except`, `overrides`, `during`
//! and `every`, exemptions, priorities, revocations, holidays, `workweek`, `calendar none`), and
//! the fast conflict analysis must equal the exhaustive oracle (`tests/support/oracle.rs`), whose
//! every explanation is checked against the reference interpreter. The fuzzer's mutations move
//! the seed, so it explores workspaces the fixed cases of `cargo test` do not draw.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

#[path = "../../tests/support/mod.rs"]
mod support;

fuzz_target!(|data: &[u8]| {
    let mut seed = [0u8; 32];
    for (k, b) in data.iter().take(32).enumerate() {
        seed[k] = *b;
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let Ok(tree) = support::generate::workspace(4, 5).new_tree(&mut runner) else {
        return;
    };
    let ws = tree.current().load();
    let engine = edaran::eval::Engine::new(&ws);
    if let Err(e) = support::oracle::compare_analysis(&engine) {
        panic!("{e}\nworkspace:\n{}", tree.current().text());
    }
});

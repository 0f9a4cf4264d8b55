//! Any question, asked of the example workspace (as `edaran query` asks it, and split into
//! cases), gets an answer or a diagnostic: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn workspace() -> &'static edaran::model::Workspace {
    static WS: OnceLock<edaran::model::Workspace> = OnceLock::new();
    WS.get_or_init(|| {
        let sources = [
            ("banten-2022.se", include_str!("../../examples/banten-2022-wfh-covid.se")),
            ("banten-2023.se", include_str!("../../examples/banten-2023-wfh-air-pollution.se")),
            ("lampung-2021.se", include_str!("../../examples/lampung-2021-ppkm-darurat.se")),
            ("tangerang-2023.se", include_str!("../../examples/tangerang-raya-2023-wfh.se")),
        ];
        edaran::check::load(
            sources
                .iter()
                .map(|(name, text)| edaran::model::Source {
                    name: name.to_string(),
                    text: text.to_string(),
                })
                .collect(),
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (query, diagnostics) = edaran::syntax::parse_query(edaran::FileId(0), text);
    for d in &diagnostics {
        assert!(d.span.end() <= text.len(), "{d:?}");
    }
    let Some(query) = query else { return };
    let engine = edaran::eval::Engine::new(workspace());
    // As `edaran query` asks it: the answer with its notes and, for `wfo`, its WFH priority.
    let purpose = edaran::eval::ask::Purpose::Show {
        detail: edaran::eval::Detail::Concerning,
        conflicts: edaran::analysis::conflicts,
    };
    let _ = engine.ask(&query.kind, &[], purpose);
    if let edaran::syntax::ast::QueryKind::Wfo(s)
    | edaran::syntax::ast::QueryKind::Explain(s)
    | edaran::syntax::ast::QueryKind::Priority(s) = &query.kind
    {
        if let Some(spec) = edaran::eval::query::Spec::new(s, &[]) {
            if let Ok(cases) = engine.cases(&spec) {
                for c in cases.iter().take(3) {
                    let _ = engine.explain(&c.point);
                }
            }
        }
    }
});

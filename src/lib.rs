//! edaran: the language and toolchain of Indonesian government circulars (Surat Edaran) on work
//! arrangements.
//!
//! The pipeline, each layer using only those before it:
//!
//! - [`syntax`] reads the text of a file into a typed tree (parsing never fails: a bad clause is
//!   one diagnostic, and the rest of the file is read);
//! - [`model`] resolves the trees of a workspace into circulars whose names point at what they
//!   mean;
//! - [`region`] is the algebra of who and when a selector covers, on which everything after
//!   resolution is computed;
//! - [`eval`] compiles the circulars into regions once ([`eval::Engine`]) and answers questions
//!   at a point, or split into cases;
//! - [`check`] drives the pipeline over a workspace: parsing, the checks of each tree
//!   ([`lints`]), resolution, the checks across files and the conflict and overlap analysis
//!   ([`analysis`], on the engine's regions).
//!
//! The core does no I/O: callers hand it the text of each file ([`model::Source`]) and get data
//! back (a [`model::Workspace`] with its [`Diagnostic`]s, answers). The `edaran` binary reads the
//! files and renders what comes back.
//!
//! ```
//! use edaran::eval::ask::{Purpose, Reply};
//! use edaran::eval::{Engine, Status};
//! use edaran::model::Source;
//! use edaran::{Code, FileId};
//!
//! let text = r#"
//! circular "800/1/2024" {
//!   issuer "Gubernur Banten" level provincial
//!   signed 2024-03-01
//!   valid  2024-03-04 to 2024-03-29
//!   scope  "Pemprov Banten"
//!   rule general: all => wfo 50%
//!   rule health:  unit "Dinkes" => wfo 100% overrides general
//! }
//! "#;
//! // Load: parse, resolve and check (no finding here).
//! let ws = edaran::check::load(vec![Source { name: "banten.se".into(), text: text.into() }]);
//! assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
//!
//! // Ask: a question as a drafter writes it, parsed and answered by the one dispatcher.
//! let engine = Engine::new(&ws);
//! let (question, errors) = edaran::syntax::parse_query(
//!     FileId(0),
//!     r#"wfo "Dinkes" gov "Pemprov Banten" on 2024-03-13"#,
//! );
//! assert!(errors.is_empty());
//! let Ok(Reply::Cases(reply)) = engine.ask(&question.unwrap().kind, &[], Purpose::Check) else {
//!     panic!("a wfo question is answered in cases");
//! };
//! let answer = &reply.cases[0].case.answer;
//! assert_eq!(answer.status, Status::Ruled);
//! assert_eq!(answer.wfo.map(|wfo| wfo.to_string()), Some("100%".to_string()));
//!
//! // Check: without `overrides`, the two rules clash for the health office.
//! let clash = text.replace(" overrides general", "");
//! let ws = edaran::check::load(vec![Source { name: "banten.se".into(), text: clash }]);
//! let codes: Vec<Code> = ws.diagnostics.iter().map(|d| d.code).collect();
//! assert_eq!(codes, [Code::Conflict]);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod diagnostic;
pub mod span;
pub mod syntax;
pub mod text;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use lang::Lang;
pub use span::{FileId, Span, Spanned};
pub mod analysis;
pub mod calendar;
pub mod check;
/// Internal: the synthetic corpora of the benchmarks, the examples and some tests. Not part of
/// the library's interface (it is public only so that they can reach it).
#[doc(hidden)]
pub mod corpus;
pub mod dim;
pub mod eval;
pub mod fmt;
pub mod lang;
pub mod lints;
pub mod model;
pub mod msg;
pub(crate) mod par;
pub mod region;
#[cfg(feature = "cli")]
pub mod render;

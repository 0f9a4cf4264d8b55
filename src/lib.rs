//! edaran: the language and toolchain of Indonesian government circulars (Surat Edaran) on work
//! arrangements.
//!
//! The pipeline: [`syntax`] reads text into a typed tree, [`model`] resolves a workspace of files
//! into circulars with resolved names, and [`lints`] checks them. The core does no I/O: callers
//! hand it the text of each file, and get data back.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod diagnostic;
pub mod span;
pub mod syntax;
pub mod text;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use span::{FileId, Span, Spanned};
pub mod analysis;
pub mod calendar;
pub mod check;
pub mod corpus;
pub mod eval;
pub mod fmt;
pub mod lints;
pub mod model;
pub mod par;
pub mod region;
#[cfg(feature = "cli")]
pub mod render;

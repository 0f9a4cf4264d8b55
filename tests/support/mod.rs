//! Shared helpers of the integration tests.
//!
//! - [`generate`]: a proptest generator of random `.se` workspaces, as text.
//! - [`oracle`]: the exhaustive oracle of the conflict analysis.
//! - [`reference`]: a reference interpreter of docs/language.md section 8, independent of the region
//!   algebra.

#![allow(dead_code)]

pub mod generate;
pub mod oracle;
pub mod reference;

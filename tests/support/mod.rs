//! Shared helpers of the integration tests.
//!
//! - [`generate`]: a proptest generator of random `.se` workspaces, as text.
//! - [`reference`]: a reference interpreter of LANGUAGE.md section 5, independent of the region
//!   algebra.

#![allow(dead_code)]

pub mod generate;
pub mod reference;

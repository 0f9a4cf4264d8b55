//! The parser derived from `grammar/edaran.pest`.

#![allow(missing_docs)]

/// The pest parser of `.se` files and queries.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/edaran.pest"]
pub struct EdaranParser;

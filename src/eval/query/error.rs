//! Why a question cannot be answered: it leaves too much open.

use super::MAX_OPEN_FLAGS;
use crate::msg::{Arg, Text};
use crate::region::Dim;
use crate::syntax::keywords::word;
use crate::text;

/// Why a question cannot be answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// Too many points to evaluate.
    TooBroad(usize),
    /// The answer depends on more than [`MAX_OPEN_FLAGS`] conditions and traits the question
    /// leaves open: each as a question says it holds, and as it says it does not.
    TooManyFlags(Vec<(String, String)>),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().render(crate::Lang::En))
    }
}

impl QueryError {
    /// What is wrong, in either language.
    pub fn text(&self) -> Text {
        match self {
            QueryError::TooBroad(n) => {
                // The dimensions a question may give, in the order a witness names them.
                let dims: Vec<&'static str> = Dim::subject_first()
                    .filter(|d| !d.info().required)
                    .map(|d| d.keyword())
                    .collect();
                let dims = Arg::each(|lang| {
                    let quoted: Vec<String> = dims
                        .iter()
                        .map(|d| format!("`{}`", word(d, lang)))
                        .collect();
                    match quoted.split_last() {
                        Some((last, init)) if !init.is_empty() => {
                            format!("{} {} {last}", init.join(", "), word("or", lang))
                        }
                        _ => quoted.concat(),
                    }
                });
                text!("query-too-broad", n = *n, dims = dims)
            }
            QueryError::TooManyFlags(flags) => {
                let more = flags.len().saturating_sub(3);
                text!(
                    "query-too-many-flags",
                    n = flags.len(),
                    max = MAX_OPEN_FLAGS,
                    flags = Arg::each(|lang| {
                        let shown: Vec<String> = flags
                            .iter()
                            .take(3)
                            .map(|(yes, no)| format!("`{yes}` {} `{no}`", word("or", lang)))
                            .collect();
                        shown.join(", ")
                    }),
                    more = more
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::QueryError;

    #[test]
    fn a_too_broad_question_names_the_dimensions_it_may_give() {
        assert_eq!(
            QueryError::TooBroad(7).to_string(),
            "the question leaves too much open (7 combinations): give `function`, `domicile`, `office` or `gov`, or a shorter period"
        );
        let flags = (0..13)
            .map(|k| (format!("trait t{k}"), format!("not trait t{k}")))
            .collect();
        assert_eq!(
            QueryError::TooManyFlags(flags).to_string(),
            "the answer depends on 13 conditions and traits the question leaves open, more than the 12 edaran splits an answer on: say some of them in the question (`trait t0` or `not trait t0`, `trait t1` or `not trait t1`, `trait t2` or `not trait t2`, and 10 more)"
        );
    }
}

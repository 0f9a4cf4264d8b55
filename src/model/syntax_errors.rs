//! What the syntax errors of a file tell the resolver: the lines that could not be read.
//!
//! A name defined on such a line, or a clause written on one, is already reported as `syntax`;
//! the resolver uses these facts not to report it a second time as `unknown-name` or
//! `missing-clause` (one mistake, one diagnostic).

use crate::diagnostic::{Code, Diagnostic};
use foldhash::HashSet;

/// The first word of each line with a syntax error, with the offset of the line.
pub(super) fn bad_line_starts(text: &str, diagnostics: &[Diagnostic]) -> Vec<(usize, String)> {
    diagnostics
        .iter()
        .filter(|d| d.code == Code::Syntax)
        .map(|d| {
            let at = d.span.start().min(text.len());
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let word: String = text[start..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (start, word)
        })
        .collect()
}

/// The words on the lines with a syntax error, and the names the errors propose for them.
pub(super) fn unreadable_words(text: &str, diagnostics: &[Diagnostic]) -> HashSet<String> {
    let mut words = HashSet::default();
    for d in diagnostics.iter().filter(|d| d.code == Code::Syntax) {
        let start = text[..d.span.start().min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[d.span.start().min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| i + d.span.start());
        words.extend(
            text[start..end]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
        // The name the syntax error proposes (`Kritikal` and `non-esensial` are read as
        // `kritikal` and `non_esensial`): using it is not reported either.
        words.extend(
            text[start..end]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .filter(|w| w.contains('-') || w.contains(|c: char| c.is_ascii_uppercase()))
                .map(|w| w.to_lowercase().replace('-', "_")),
        );
    }
    words
}

//! Equality of the nodes that keep a bare `Span` beside their parts.
//!
//! `Spanned<T>` leaves its span out of equality (ARCHITECTURE.md), so two trees of the same text
//! written with other spacing are equal. The nodes below keep spans that are not a `Spanned`
//! (the whole block, a keyword, the word `otherwise`) for messages and the formatter; their
//! equality leaves those out too, so that it means the same everywhere in the tree.

use super::*;

/// `PartialEq` for a struct by the fields named, leaving out its bare spans.
macro_rules! eq_by {
    ($ty:ty: $($field:ident),+) => {
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                $(self.$field == other.$field)&&+
            }
        }
    };
}

// Leaves out `span` and `keyword`.
eq_by!(Circular: id, clauses);
// Leaves out `span`.
eq_by!(SetDef: kind, name, members);
// Leaves out `span` and `keyword`.
eq_by!(TestBlock: name, given, expects);
// Leaves out `span`.
eq_by!(Expect: query, expected);
// Leaves out `span`.
eq_by!(Query: kind);

impl PartialEq for RuleSelector {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (RuleSelector::Otherwise(_), RuleSelector::Otherwise(_)) => true,
            (RuleSelector::Selector(a), RuleSelector::Selector(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::span::FileId;
    use crate::syntax::parse_file;

    /// The same file with other spacing, comments and line breaks parses to an equal tree.
    #[test]
    fn trees_of_the_same_text_laid_out_otherwise_are_equal() {
        let a = "sector s = [\"A\"]\ncircular \"1\" {\n  rule r: otherwise => wfo 50%\n}\n\
                 test \"t\" {\n  expect wfo \"A\" on 2024-01-01 = 50%\n}\n";
        let b = "// a comment\nsector  s = [ \"A\" ]\n\ncircular   \"1\"   {\n\
                 rule r :  otherwise  =>  wfo 50%\n}\n\n\
                 test  \"t\"  {\nexpect  wfo  \"A\"  on  2024-01-01  =  50%\n}\n";
        let (ta, da) = parse_file(FileId(0), a);
        let (tb, db) = parse_file(FileId(0), b);
        assert!(da.is_empty() && db.is_empty(), "{da:?} {db:?}");
        assert_eq!(ta.items, tb.items);
        let (tc, _) = parse_file(FileId(0), &a.replace("50%", "25%"));
        assert_ne!(ta.items, tc.items);
    }
}

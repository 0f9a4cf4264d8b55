//! The names a file writes as identifiers, offered for completion ([`super::Workspace::names`]).
//!
//! Read off the syntax tree, on the thread that parsed it, so that the tree can be dropped as
//! soon as its file is resolved: the sets a file defines and the functions its selectors name,
//! `except` included ([`ast::Circular::selectors`]).

use crate::syntax::ast::{self, ClauseKind, Item, SelectorKind};
use std::collections::BTreeSet;

/// The names a tree writes as identifiers (sets and functions), for completion.
pub fn names_in(tree: &ast::File) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for item in &tree.items {
        match item {
            Item::Set(d) => {
                names.insert(d.name.node.clone());
            }
            Item::Circular(c) => {
                for clause in &c.clauses {
                    if let ClauseKind::Set(d) = &clause.node
                        && !names.contains(&d.name.node)
                    {
                        names.insert(d.name.node.clone());
                    }
                }
                c.selectors().for_each(|s| functions(s, &mut names));
            }
            Item::Test(_)
            | Item::Baseline(_)
            | Item::Holiday(_)
            | Item::Workweek(_)
            | Item::CalendarNone(_) => {}
        }
    }
    names
}

/// The function names a selector writes.
fn functions(s: &ast::Selector, names: &mut BTreeSet<String>) {
    match &s.node {
        SelectorKind::Function(list) => {
            for n in list {
                if !names.contains(&n.node) {
                    names.insert(n.node.clone());
                }
            }
        }
        SelectorKind::And(p) | SelectorKind::Or(p) => p.iter().for_each(|x| functions(x, names)),
        SelectorKind::Not(x) => functions(x, names),
        _ => {}
    }
}

//! Walks over the tree: the circulars of a file and every selector of a circular, written once
//! for the checks of the tree and the names offered for completion.

use super::*;

impl File {
    /// The circulars of the file.
    pub fn circulars(&self) -> impl Iterator<Item = &Circular> {
        self.items.iter().filter_map(|i| match i {
            Item::Circular(c) => Some(c),
            _ => None,
        })
    }
}

impl Circular {
    /// Every selector the circular writes, in source order: each `exempt`, each `wfh priority`,
    /// and each rule's selector followed by its `except`s. The one walk over "every selector of
    /// a circular" for the checks and the names of the tree.
    pub fn selectors(&self) -> impl Iterator<Item = &Selector> {
        self.clauses
            .iter()
            .flat_map(|clause| clause.node.selectors())
    }
}

impl ClauseKind {
    /// The selectors this clause writes (none for most clauses): see [`Circular::selectors`].
    pub fn selectors(&self) -> impl Iterator<Item = &Selector> {
        let (first, rule) = match self {
            ClauseKind::Exempt(s) | ClauseKind::Priority { selector: s, .. } => (Some(s), None),
            ClauseKind::Rule(r) => match &r.selector {
                RuleSelector::Selector(s) => (Some(s), Some(r)),
                RuleSelector::Otherwise(_) => (None, Some(r)),
            },
            _ => (None, None),
        };
        let excepts = rule
            .into_iter()
            .flat_map(|r| r.modifiers.iter())
            .filter_map(|m| match &m.node {
                Modifier::Except(s) => Some(s),
                _ => None,
            });
        first.into_iter().chain(excepts)
    }
}

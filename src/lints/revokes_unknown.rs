//! `revokes-unknown` (warning)
//!
//! **What it finds:** a `revokes` clause naming a circular number that no file of the workspace
//! defines. The help suggests a close number of another circular.
//!
//! **Why it matters:** the revocation has no effect on the analysis: if the number is mistyped, the
//! old circular stays in force and may clash with the new one. If the revoked circular is simply
//! not in the workspace, add its file to check the two together.
//!
//! **Example:** `revokes "800/258-BKD/2021"` in a workspace that holds `"800/258-BKD/2022"`.
//!
//! **Fix:** correct the number, or add the revoked circular's file to the workspace.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use crate::syntax::ast;
use crate::syntax::ast::ClauseKind;
use crate::syntax::errors::closest;
use foldhash::HashSet;

/// What this check needs of one file: the circulars' numbers, and the numbers each revokes.
#[derive(Clone, Debug, Default)]
pub(super) struct Facts {
    /// The numbers of the file's circulars.
    ids: Vec<String>,
    /// For each circular that revokes: its own number, and the numbers it revokes.
    revokes: Vec<(FileId, Option<String>, Vec<ast::Ident>)>,
}

impl Facts {
    pub(super) fn of(file: FileId, tree: &ast::File) -> Facts {
        let mut facts = Facts::default();
        for c in tree.circulars() {
            let own = c.id.as_ref().map(|i| i.node.clone());
            facts.ids.extend(own.clone());
            let numbers: Vec<ast::Ident> = c
                .clauses
                .iter()
                .filter_map(|clause| match &clause.node {
                    ClauseKind::Revokes(numbers) => Some(numbers.iter().cloned()),
                    _ => None,
                })
                .flatten()
                .collect();
            if !numbers.is_empty() {
                facts.revokes.push((file, own, numbers));
            }
        }
        facts
    }
}

/// The facts of every file, gathered in file order.
#[derive(Debug, Default)]
pub(super) struct Workspace {
    known: HashSet<String>,
    revokes: Vec<(FileId, Option<String>, Vec<ast::Ident>)>,
}

impl Workspace {
    pub(super) fn add(&mut self, facts: Facts) {
        self.known.extend(facts.ids);
        self.revokes.extend(facts.revokes);
    }
}

pub(super) fn check(facts: &Workspace, out: &mut Vec<Diagnostic>) {
    let known = &facts.known;
    for (file, own, numbers) in &facts.revokes {
        let file = *file;
        for n in numbers {
            if known.contains(n.node.as_str()) {
                continue;
            }
            let mut d = Diagnostic::of(
                Code::RevokesUnknown,
                file,
                n.span,
                crate::text!("revokes-unknown", name = &n.node),
            )
            .with_label_text(crate::text!("revokes-unknown-label"));
            // A circular does not revoke itself: never suggest its own number.
            let others = known
                .iter()
                .map(String::as_str)
                .filter(|k| Some(*k) != own.as_deref());
            d.set_help_text(match closest(&n.node, others) {
                Some(s) => crate::text!("did-you-mean", word = s),
                None => crate::text!("revokes-unknown-help"),
            });
            out.push(d);
        }
    }
}

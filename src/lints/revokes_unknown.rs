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
use crate::syntax::ast;
use crate::syntax::ast::ClauseKind;
use crate::syntax::errors::closest;
use std::collections::HashSet;

pub(super) fn check(files: &[ast::File], out: &mut Vec<Diagnostic>) {
    let known: HashSet<&str> = super::circular_asts(files)
        .filter_map(|(_, c)| c.id.as_ref().map(|i| i.node.as_str()))
        .collect();
    for (file, c) in super::circular_asts(files) {
        for clause in &c.clauses {
            let ClauseKind::Revokes(numbers) = &clause.node else {
                continue;
            };
            for n in numbers {
                if known.contains(n.node.as_str()) {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::RevokesUnknown,
                    file,
                    n.span,
                    format!("`{}` is not a circular of this workspace", n.node),
                )
                .with_label("revoked here");
                // A circular does not revoke itself: never suggest its own number.
                let own = c.id.as_ref().map(|i| i.node.as_str());
                let others = known.iter().copied().filter(|k| Some(*k) != own);
                d.help = Some(match closest(&n.node, others) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => {
                        "correct the number, or add the revoked circular's file to the workspace"
                            .to_string()
                    }
                });
                out.push(d);
            }
        }
    }
}

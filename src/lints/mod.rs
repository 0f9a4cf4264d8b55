//! The checks of LANGUAGE.md section 8 that run after resolution, one module each.
//!
//! Each module opens with the same sections as `docs/lints.md`: what it finds, why it matters, an
//! example and the fix. Codes found while reading and resolving (`syntax`, `invalid-date`,
//! `invalid-percent`, `empty-period`, `missing-clause`, `unknown-name`, `duplicate-name`) are
//! reported by [`crate::syntax`] and [`crate::model`], where the facts are known.
//!
//! The checks here read the syntax tree where a mistake is visible in the text alone, so that
//! they also run on circulars left out of the model because of another error: one run reports
//! every mistake of a draft.

mod near_duplicate_name;
mod overlapping_sectors;
mod override_cycle;
mod period_mismatch;
mod retroactive;
mod revokes_unknown;
mod rule_outside_validity;

use crate::diagnostic::Diagnostic;
use crate::model::Workspace;
use crate::span::FileId;
use crate::syntax::ast;

/// Runs every check on a resolved workspace.
pub fn check(ws: &Workspace) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    override_cycle::check(ws, &mut out);
    rule_outside_validity::check(ws, &mut out);
    revokes_unknown::check(ws, &mut out);
    retroactive::check(ws, &mut out);
    period_mismatch::check(ws, &mut out);
    near_duplicate_name::check(ws, &mut out);
    overlapping_sectors::check(ws, &mut out);
    // The conflict and overlap analysis, on the circulars that resolved.
    let engine = crate::eval::Engine::new(ws);
    out.extend(crate::analysis::diagnostics(&engine));
    out
}

impl Workspace {
    /// Every circular of every file as written, with its file.
    pub fn circular_asts(&self) -> impl Iterator<Item = (FileId, &ast::Circular)> {
        self.files
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.circulars().map(move |c| (FileId(i as u32), c)))
    }
}

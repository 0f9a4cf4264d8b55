//! The checks of LANGUAGE.md section 8 that read the syntax trees, one module each. They need
//! nothing resolved, so `model::load` runs them on a second thread beside the resolution.
//!
//! Each module opens with the same sections as `docs/lints.md`: what it finds, why it matters, an
//! example and the fix. Codes found while reading and resolving (`syntax`, `invalid-date`,
//! `invalid-percent`, `empty-period`, `missing-clause`, `unknown-name`, `duplicate-name`) are
//! reported by [`crate::syntax`] and [`crate::model`], where the facts are known.
//!
//! The checks here read the syntax trees where a mistake is visible in the text alone, so that
//! they also run on circulars left out of the model because of another error: one run reports
//! every mistake of a draft. The conflict and overlap analysis ([`crate::analysis`]) runs after
//! them, on the resolved circulars.

mod near_duplicate_name;
mod overlapping_sectors;
mod override_cycle;
mod period_mismatch;
mod retroactive;
mod revokes_unknown;
mod rule_outside_validity;

use crate::diagnostic::Diagnostic;
use crate::span::FileId;
use crate::syntax::ast;

/// Runs every check that reads the syntax trees (`files[i]` is the tree of file `i`). They need
/// nothing resolved, so they run beside the resolution.
pub fn check(files: &[ast::File]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    override_cycle::check(files, &mut out);
    rule_outside_validity::check(files, &mut out);
    revokes_unknown::check(files, &mut out);
    retroactive::check(files, &mut out);
    period_mismatch::check(files, &mut out);
    near_duplicate_name::check(files, &mut out);
    overlapping_sectors::check(files, &mut out);
    out
}

/// Every circular of every file as written, with its file.
fn circular_asts(files: &[ast::File]) -> impl Iterator<Item = (FileId, &ast::Circular)> {
    files
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.circulars().map(move |c| (FileId(i as u32), c)))
}

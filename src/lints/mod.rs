//! The checks of docs/language.md section 11 that read the syntax trees, one module each. They
//! need nothing resolved: the check wing ([`crate::check`]) runs the checks of one file on the
//! thread that parsed it ([`check_file`]), and the checks across files ([`AcrossFiles`]) on the
//! small facts of each file, beside the analysis once every file is resolved.
//!
//! Each module opens with the same sections as `docs/lints.md`: what it finds, why it matters, an
//! example and the fix. Codes found while reading and resolving (`syntax`, `mixed-language`, `invalid-date`,
//! `invalid-percent`, `empty-period`, `missing-clause`, `unknown-name`, `duplicate-name`,
//! `too-many-names`, and the warning `no-rule`) are reported by [`crate::syntax`] and [`crate::model`], where the facts are
//! known; the codes of the conflict and overlap analysis by [`crate::analysis`], one module each
//! too.
//!
//! The checks here read the syntax trees where a mistake is visible in the text alone, so that
//! they also run on circulars left out of the model because of another error: one run reports
//! every mistake of a draft. They use neither the model nor anything above it
//! (`tests/architecture.rs`).

mod invisible_character;
mod near_duplicate_name;
mod overlapping_sectors;
mod override_cycle;
mod period_mismatch;
mod retroactive;
mod revokes_unknown;
mod rule_outside_validity;

pub use invisible_character::question_note;

use crate::calendar::Calendar;
use crate::diagnostic::Diagnostic;
use crate::span::FileId;
use crate::syntax::ast;

/// Runs the checks that read one file's tree alone (`file` is its id), and gathers what the
/// checks across files need of it. They need nothing resolved, so they run while the files are
/// parsed and resolved, and the tree can be dropped at once.
pub fn check_file(file: FileId, tree: &ast::File, out: &mut Vec<Diagnostic>) -> FileFacts {
    check_part(file, tree, &[], out)
}

/// [`check_file`] of one part of a file (`syntax::Parts`); `shared` are the sets its first
/// part defined at the top, which every circular of the file reads.
pub fn check_part(
    file: FileId,
    tree: &ast::File,
    shared: &[ast::SetDef],
    out: &mut Vec<Diagnostic>,
) -> FileFacts {
    override_cycle::check(file, tree, out);
    rule_outside_validity::check(file, tree, out);
    retroactive::check(file, tree, out);
    let mut working_day_claims = Vec::new();
    period_mismatch::check(file, tree, out, &mut working_day_claims);
    overlapping_sectors::check(file, tree, shared, out);
    invisible_character::check(file, tree, out);
    FileFacts {
        names: near_duplicate_name::Names::of(file, tree),
        revokes: revokes_unknown::Facts::of(file, tree),
        working_day_claims,
    }
}

/// What the checks across files need of one file: the names it writes, and the circular
/// numbers it defines and revokes. Much smaller than its tree.
#[derive(Clone, Debug)]
pub struct FileFacts {
    names: near_duplicate_name::Names,
    revokes: revokes_unknown::Facts,
    working_day_claims: Vec<period_mismatch::WorkingDayClaim>,
}

/// The checks across files (`near-duplicate-name`, `revokes-unknown`, and `period-mismatch` of
/// the claims in working days, which need the calendar every file may add to), fed with the
/// facts of every file.
#[derive(Debug, Default)]
pub struct AcrossFiles {
    names: near_duplicate_name::Names,
    revokes: revokes_unknown::Workspace,
    working_day_claims: Vec<period_mismatch::WorkingDayClaim>,
}

impl AcrossFiles {
    /// Adds the facts of one more file.
    pub fn add(&mut self, facts: FileFacts) {
        self.names.merge(facts.names);
        self.revokes.add(facts.revokes);
        self.working_day_claims.extend(facts.working_day_claims);
    }

    /// Runs the checks on every file added; `calendar` is the workspace's.
    pub fn check(&self, calendar: &Calendar, out: &mut Vec<Diagnostic>) {
        revokes_unknown::check(&self.revokes, out);
        period_mismatch::check_working_days(&self.working_day_claims, calendar, out);
        near_duplicate_name::check(&self.names, out);
    }
}

use super::features::{NumberKey, Repeat, report_repeats};
use crate::analysis::WorkspaceContext;
use crate::analysis::workspace::WorkspaceRule;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Two feature folders of one specs directory that carry the same
    /// number (`specs/004-meal-export` and `specs/004-pantry-sync`), the
    /// same duplicates `speckit list` shows. Layouts number independently:
    /// `specs/001-…` and `.claude/spec-kit/specs/001-…` do not clash. The
    /// finding sits on the spec title (else plan, else tasks) of the folder
    /// that sorts later, once per folder after the first.
    ///
    /// ## Why it matters
    /// The number is how commands, branches and people name a feature.
    /// `speckit` commands given the number stop because it matches two
    /// folders, as spec-kit's own scripts did from v0.0.67 to v0.9, and a
    /// `004-…` branch or a "see feature 004" no longer says which feature
    /// it means.
    ///
    /// ## Example
    /// ```text
    /// specs/004-meal-export/
    /// specs/004-pantry-sync/
    /// ```
    /// Use instead: give the later folder the next free number
    /// (`specs/007-pantry-sync/`) and update its branch and references.
    pub(crate) DuplicateFeatureNumber {
        code: "X030",
        name: "duplicate-feature-number",
        summary: "Two feature folders share a number",
        severity: Error,
        fix: Never,
        target: Workspace,
    }
}

impl WorkspaceRule for DuplicateFeatureNumber {
    type Facts = ();

    // Numbers and names are known before any document is read: the rule
    // takes nothing of a feature.
    fn run(&self, _facts: &[Option<&()>], cx: &mut WorkspaceContext<'_>) {
        report_repeats(
            cx,
            |feature| Some(NumberKey::of(feature)),
            |feature, earlier| Repeat {
                message: format!(
                    "feature number {} is also used by `{}`",
                    feature.number, earlier.dir_name
                ),
                help: format!(
                    "give `{}` the next free number and rename its branch; a number that names two folders makes commands and references ambiguous",
                    feature.dir_name
                ),
                label: format!("`{}` has the same number", earlier.dir_name),
            },
        );
    }
}

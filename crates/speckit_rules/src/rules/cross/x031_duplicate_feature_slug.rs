use super::features::{Repeat, report_repeats};
use crate::analysis::WorkspaceContext;
use crate::analysis::workspace::WorkspaceRule;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Two feature folders of one specs directory with the same slug under
    /// different numbers (`specs/003-user-auth` and `specs/011-user-auth`),
    /// compared without case. The finding sits on the spec title (else
    /// plan, else tasks) of the later folder, once per folder after the
    /// first.
    ///
    /// ## Why it matters
    /// One name for two folders usually means the feature was started
    /// again instead of continued: requirements, decisions and tasks are
    /// split between two places, and the older folder still reads as
    /// current. If they are really two features, the name says nothing
    /// about how they differ.
    ///
    /// ## Example
    /// ```text
    /// specs/003-user-auth/
    /// specs/011-user-auth/
    /// ```
    /// Use instead: continue in `003-user-auth`, or name the second feature
    /// for what it adds (`011-user-auth-sso`).
    pub(crate) DuplicateFeatureSlug {
        code: "X031",
        name: "duplicate-feature-slug",
        summary: "Two feature folders share a slug",
        severity: Warning,
        fix: Never,
        target: Workspace,
    }
}

impl WorkspaceRule for DuplicateFeatureSlug {
    type Facts = ();

    // Numbers and names are known before any document is read: the rule
    // takes nothing of a feature.
    fn run(&self, _facts: &[Option<&()>], cx: &mut WorkspaceContext<'_>) {
        report_repeats(
            cx,
            |feature| {
                let slug = feature.slug.trim_matches('-');
                (!slug.is_empty()).then(|| slug.to_lowercase())
            },
            |feature, earlier| {
                Repeat {
                message: format!(
                    "`{}` repeats the name of `{}`",
                    feature.dir_name, earlier.dir_name
                ),
                help: "continue the earlier feature instead of starting it again, or give this one a name that says what it adds".to_string(),
                label: format!("`{}` has the same slug", earlier.dir_name),
            }
            },
        );
    }
}

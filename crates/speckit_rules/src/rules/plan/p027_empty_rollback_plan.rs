use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A `## Rollout Strategy` without a `### Rollback Plan`, or with one that
    /// holds nothing but comments and empty bullets.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The rollback plan is written before it is needed because nobody has
    /// time to think when a release is failing: which flag to turn off,
    /// whether the migration can be undone, where the backup is.
    ///
    /// ## Example
    /// ```markdown
    /// ### Rollback Plan
    ///
    /// -
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Rollback Plan
    ///
    /// - Turn `saved_searches` OFF; the screens disappear, data stays.
    /// - Run the down migration `0007` if the table must go.
    /// ```
    pub(crate) EmptyRollbackPlan {
        code: "P027",
        name: "empty-rollback-plan",
        summary: "The Rollback Plan is missing or empty",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl EmptyRollbackPlan {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(rollout) = &plan.rollout else {
            return;
        };
        match &rollout.rollback_plan {
            None => drop(
                cx.report(
                    rollout.section.heading_span,
                    "the Rollout Strategy has no Rollback Plan",
                )
                .help("add `### Rollback Plan` with the steps that undo the release"),
            ),
            Some(rollback) if rollback.section.blank => drop(
                cx.report(rollback.section.heading_span, "the Rollback Plan is empty")
                    .help("list the steps that undo the release: flags, migrations, backups"),
            ),
            Some(_) => {}
        }
    }
}

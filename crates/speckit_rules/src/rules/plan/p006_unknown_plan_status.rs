use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_choice, is_placeholder, is_seed};

/// `Draft` is the only value the seed template shows; the others are the
/// usual later stages of a plan's life.
const STATUSES: &[&str] = &[
    "Draft",
    "In Review",
    "Under Review",
    "Review",
    "Approved",
    "Final",
    "In Progress",
    "Complete",
    "Completed",
    "Done",
    "Implemented",
    "Superseded",
    "Deprecated",
    "Archived",
];

declare_rule! {
    /// ## What it checks
    /// A seed-template plan whose `**Status**` is not a plan status. The
    /// template shows `Draft`; `In Review`, `Approved`, `Final`,
    /// `In Progress`, `Complete`, `Completed`, `Done`, `Implemented`,
    /// `Superseded`, `Deprecated` and `Archived` are accepted as the later
    /// stages of a plan (any letter case, emoji and a trailing `(…)` note
    /// ignored).
    ///
    /// ## Why it matters
    /// Status tells readers whether the plan can be built from. A value like
    /// `WIP?` or `Drfat` is read by no tool and says little to people.
    ///
    /// ## Example
    /// ```markdown
    /// **Status**: mostly there
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Status**: In Review
    /// ```
    pub(crate) UnknownPlanStatus {
        code: "P006",
        name: "unknown-plan-status",
        summary: "The plan's Status is not a known plan status",
        severity: Info,
        fix: Never,
        target: Plan,
    }
}

impl UnknownPlanStatus {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(status) = plan.header.status else {
            return;
        };
        let value = status.value;
        if value.value.trim().is_empty()
            || is_placeholder(value)
            || is_choice(value.value, STATUSES)
        {
            return;
        }
        drop(
            cx.report(
                value.span,
                format!("`{}` is not a plan status", value.value),
            )
            .help("use Draft (the template's value), In Review, Approved, In Progress or Complete"),
        );
    }
}

use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{
    RISK_STATUSES, is_any_unchosen, is_choice, is_placeholder, is_seed,
};

declare_rule! {
    /// ## What it checks
    /// A row of `## Risk Mitigation` whose Status is not `Not Started`,
    /// `In Progress` or `Complete` (letter case, emphasis, a leading emoji
    /// such as `🟡` and a trailing `(…)` note are ignored). Blank rows are
    /// P010's and the template's `Not Started/In Progress/Complete` is P008's.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The status says whether a mitigation exists yet. Values outside the
    /// template's set (`ok`, `Mitigated?`) cannot be counted by the analyze
    /// command or compared between plans.
    ///
    /// ## Example
    /// ```markdown
    /// | Search index grows too large | Prune old entries nightly | started |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Search index grows too large | Prune old entries nightly | In Progress |
    /// ```
    pub(crate) InvalidRiskStatus {
        code: "P031",
        name: "invalid-risk-status",
        summary: "A risk's Status is not Not Started, In Progress or Complete",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl InvalidRiskStatus {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(risks) = &plan.risks else {
            return;
        };
        for row in risks.rows.iter().filter(|row| !row.blank) {
            let value = row.status;
            if is_choice(value.value, RISK_STATUSES)
                || is_any_unchosen(value.value)
                || is_placeholder(value)
            {
                continue;
            }
            let (span, message) = if value.value.trim().is_empty() {
                (row.span, "the risk has no Status".to_string())
            } else {
                (
                    value.span,
                    format!(
                        "risk Status `{}` is not Not Started, In Progress or Complete",
                        value.value
                    ),
                )
            };
            drop(
                cx.report(span, message)
                    .help("use Not Started, In Progress or Complete"),
            );
        }
    }
}

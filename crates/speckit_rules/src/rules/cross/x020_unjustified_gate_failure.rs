use super::gates::{failed_gates, filled_check, has_justification};
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A gate that a spec-kit plan's `## Constitution Check` marks as not
    /// passed — a verdict cell or field value opening with `❌`, `FAIL`,
    /// `Violation`, `Deviation` or `Non-compliant`, `No` in a pass column,
    /// or an unchecked box among ticked ones — while the plan justifies
    /// nothing: `## Complexity Tracking` is missing, empty, holds only the
    /// template's example row or says there is nothing to justify. Rows
    /// that name a deviation but leave its reasons blank are P036's.
    ///
    /// ## Why it matters
    /// spec-kit's plan command lets a plan go on past a failed gate only
    /// when the violation is justified in Complexity Tracking, together with
    /// the simpler alternative that was rejected. A failure with no such
    /// record is an unexplained breach of the constitution that reviewers
    /// and the tasks inherit.
    ///
    /// ## Example
    /// ```markdown
    /// | III. Runs on a Small Box | ❌ FAIL | adds a Redis queue |
    /// ```
    /// with `## Complexity Tracking` left at its template. Use instead: add
    /// the row
    /// ```markdown
    /// | Redis queue (Principle III) | Imports must survive a restart | SQLite polling missed the 1 s target |
    /// ```
    /// or change the plan so that the gate passes.
    pub(crate) UnjustifiedGateFailure {
        code: "X020",
        name: "unjustified-gate-failure",
        summary: "A failed Constitution Check gate has no Complexity Tracking entry",
        severity: Error,
        fix: Never,
        target: Feature,
    }
}

impl UnjustifiedGateFailure {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((plan_document, plan)) = feature.plan() else {
            return;
        };
        let text = &plan_document.text;
        let Some((_, check)) = filled_check(plan, text) else {
            return;
        };
        let base = plan
            .constitution_check
            .as_ref()
            .map_or(0, |check| check.section.span.start);
        let failed = failed_gates(check, base);
        if failed.is_empty() {
            return;
        }
        cx.evaluated(feature, failed.len());
        if has_justification(plan, text) {
            return;
        }
        for gate in failed {
            let label = gate.label.trim();
            let what = if label.is_empty() {
                "a gate".to_string()
            } else {
                format!("`{}`", label.replace('`', ""))
            };
            drop(
                cx.report(
                    plan_document,
                    gate.span,
                    format!("the Constitution Check fails {what}, but Complexity Tracking justifies no deviation"),
                )
                .help("add a Complexity Tracking row: the violation, why it is needed, and the simpler alternative rejected — or change the plan so that the gate passes"),
            );
        }
    }
}

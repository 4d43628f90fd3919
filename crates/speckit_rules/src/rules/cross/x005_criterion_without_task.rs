use speckit_model::spec::RequirementKind;

use super::x004_requirement_without_task::report_untasked;
use crate::analysis::trace::is_business_outcome;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A success criterion (`SC-…`) that describes the product — a time, a
    /// limit, an availability figure — and that no task mentions by ID or by
    /// enough of its distinctive words (as X004 matches requirements). Criteria about people after
    /// launch (satisfaction, adoption, conversion, retention, revenue,
    /// support tickets, surveys) are not expected to have tasks and are
    /// skipped. As for X004, only features whose tasks cite at least half
    /// of the spec's requirements by ID are checked, a criterion worded as a
    /// phase's goal or checkpoint is accounted for, and prohibitions
    /// (`never blocks`, `does not run`) are traced by ID only.
    ///
    /// ## Why it matters
    /// A measurable criterion nobody builds or tests for is a claim, not a
    /// goal: the feature ships without anyone knowing whether it is met.
    ///
    /// ## Example
    /// ```markdown
    /// - **SC-002**: Generating a shopping list takes under 1 second for 30 recipes
    /// ```
    /// with no task that builds or measures list generation speed. Use
    /// instead: a benchmark or test task citing `SC-002`.
    pub(crate) CriterionWithoutTask {
        code: "X005",
        name: "criterion-without-task",
        summary: "A buildable success criterion has no task",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl CriterionWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        report_untasked(feature, cx, |kind, text| {
            kind == RequirementKind::SuccessCriterion && !is_business_outcome(text)
        });
    }
}

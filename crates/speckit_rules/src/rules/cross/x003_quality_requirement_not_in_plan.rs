use speckit_model::spec::RequirementKind;

use super::x002_requirement_not_in_plan::report_unplanned;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A non-functional (`NFR-n`) or technical (`TR-n`) requirement of the
    /// spec that the plan never mentions, by ID or by enough of the
    /// distinctive words of its name in one passage (60%, three for long
    /// names, at least two). Checked for plans
    /// written on the seed plan template.
    ///
    /// ## Why it matters
    /// Performance, security and platform constraints shape the design;
    /// when the plan ignores them they are discovered after the code is
    /// written, when meeting them costs a rewrite.
    ///
    /// ## Example
    /// ```markdown
    /// 1. **NFR-1**: Search results appear within 300 ms
    /// ```
    /// with no performance section, benchmark or decision about search in
    /// the plan. Use instead: a Performance Considerations item or benchmark
    /// row naming `NFR-1`.
    pub(crate) QualityRequirementNotInPlan {
        code: "X003",
        name: "quality-requirement-not-in-plan",
        summary: "A non-functional or technical requirement is not considered by the plan",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl QualityRequirementNotInPlan {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        report_unplanned(feature, cx, |kind| {
            matches!(
                kind,
                RequirementKind::NonFunctional | RequirementKind::Technical
            )
        });
    }
}

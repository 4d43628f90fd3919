use speckit_model::Generation;
use speckit_model::spec::RequirementKind;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A functional requirement (`FR-n`) of the spec that the plan never
    /// mentions: neither its ID nor enough of the distinctive words of its
    /// name (60%, three for long names, at least two) appear in one
    /// paragraph, list item, table row or heading of the plan. Checked for plans written on the seed plan template, which
    /// address requirements one by one; spec-kit plans describe the design
    /// as a whole and are traced through their tasks instead (X004).
    ///
    /// ## Why it matters
    /// A requirement the plan does not address is a requirement nobody
    /// designed. It surfaces late, as a missing feature or as improvised
    /// code that does not fit the chosen architecture.
    ///
    /// ## Example
    /// ```markdown
    /// 1. **FR-3**: Share a meal plan by link
    /// ```
    /// in the spec, while the plan's decisions, phases and files never speak
    /// of sharing. Use instead: add a decision, phase item or file for it —
    /// citing `FR-3` makes the link explicit.
    pub(crate) RequirementNotInPlan {
        code: "X002",
        name: "requirement-not-in-plan",
        summary: "A functional requirement is not addressed by the plan",
        severity: Error,
        fix: Never,
        target: Feature,
    }
}

impl RequirementNotInPlan {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        report_unplanned(feature, cx, |kind| kind == RequirementKind::Functional);
    }
}

/// Reports each requirement of a kind accepted by `wanted` that the plan
/// does not mention (plugin-generation plans only).
pub(crate) fn report_unplanned(
    feature: &AnalysisFeature<'_>,
    cx: &mut AnalysisContext<'_>,
    wanted: impl Fn(RequirementKind) -> bool,
) {
    let (Some((spec_document, spec)), Some((_, plan))) = (feature.spec(), feature.plan()) else {
        return;
    };
    if plan.generation != Generation::Plugin {
        return;
    }
    let trace = feature.trace();
    let mut evaluated = 0;
    for item in &trace.requirements {
        let requirement = &spec.requirements[item.index];
        if !wanted(requirement.kind) {
            continue;
        }
        let Some(plan_mention) = &item.plan else {
            continue;
        };
        evaluated += 1;
        if plan_mention.is_empty() {
            drop(
                cx.report(
                    spec_document,
                    requirement.id.span,
                    format!("`{}` is not addressed by the plan", requirement.id.value),
                )
                .help(format!(
                    "cite `{}` where the plan designs it (a decision, phase item or file)",
                    requirement.id.value
                )),
            );
        }
    }
    cx.evaluated(feature, evaluated);
}

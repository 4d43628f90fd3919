use speckit_model::Principle;

use super::gates::{CheckText, filled_check, is_binding};
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A binding principle of the constitution (one that states a `MUST` or
    /// `MUST NOT`, or is marked `(NON-NEGOTIABLE)`) that a spec-kit plan's
    /// filled-in `## Constitution Check` never names: neither its number
    /// (`III.`, `Principle 3`, `§III`), nor its name, nor half of the
    /// significant words of its name. A check that names none of the
    /// binding principles gets one finding. Empty and template checks are
    /// left to P034; principles that only say `SHOULD` are not gates.
    ///
    /// ## Why it matters
    /// The Constitution Check is the gate that proves the plan was held
    /// against every non-negotiable rule of the project. A principle it
    /// skips was never checked: a violation of it reaches the tasks
    /// unnoticed, and spec-kit's analyze treats any conflict with a `MUST`
    /// principle as critical.
    ///
    /// ## Example
    /// ```markdown
    /// ### IV. Accessible by Default
    /// - Every screen MUST meet WCAG 2.1 level AA.
    /// ```
    /// in the constitution, while the plan's check table has rows for
    /// principles I–III and V only. Use instead: add the row
    /// ```markdown
    /// | IV. Accessible by Default | PASS | Forms reuse the accessible controls |
    /// ```
    pub(crate) PrincipleNotChecked {
        code: "X019",
        name: "principle-not-checked",
        summary: "The Constitution Check does not address a binding principle",
        severity: Error,
        fix: Never,
        target: Feature,
    }
}

impl PrincipleNotChecked {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((_, constitution)) = feature.constitution else {
            return;
        };
        let Some((plan_document, plan)) = feature.plan() else {
            return;
        };
        let Some((heading, text)) = filled_check(plan, &plan_document.text) else {
            return;
        };
        let binding: Vec<&Principle<'_>> = constitution
            .principles
            .iter()
            .filter(|principle| is_binding(principle))
            .collect();
        if binding.is_empty() {
            return;
        }
        cx.evaluated(feature, binding.len());
        let check = CheckText::new(text);
        let missing: Vec<&Principle<'_>> = binding
            .iter()
            .copied()
            .filter(|principle| !check.mentions(principle))
            .collect();
        if missing.len() == binding.len() && binding.len() > 1 {
            drop(
                cx.report(
                    plan_document,
                    heading,
                    format!(
                        "the Constitution Check names none of the constitution's {} binding principles",
                        binding.len()
                    ),
                )
                .help("check the plan against each principle of the current constitution, one gate per principle"),
            );
            return;
        }
        for principle in missing {
            drop(
                cx.report(
                    plan_document,
                    heading,
                    format!(
                        "the Constitution Check does not address principle `{}`",
                        principle.heading.value.trim()
                    ),
                )
                .help("add a gate for it: whether the plan complies, and how"),
            );
        }
    }
}

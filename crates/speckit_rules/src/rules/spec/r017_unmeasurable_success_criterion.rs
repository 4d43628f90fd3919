use speckit_model::Spec;

use super::{MetricProblem, criterion_unmeasurable, definitions, metric_problem};
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A success criterion (`SC-###`) that states nothing countable: no
    /// number and no quantity word such as `no`, `every`, `all`, `zero`,
    /// `exactly` or `passes`. For the plugin's Success Metrics, a metric
    /// whose `Target:` has no number, or that has sub-bullets but no
    /// `Target:` at all.
    ///
    /// ## Why it matters
    /// Success criteria decide whether the feature worked. "Users are happy
    /// with search" cannot be checked after release; "9 of 10 test users
    /// find a named recipe on the first try" can.
    ///
    /// ## Example
    /// ```markdown
    /// - **SC-002**: Search feels responsive
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **SC-002**: 95% of searches show results within 300 ms of the last keystroke
    /// ```
    pub(crate) UnmeasurableSuccessCriterion {
        code: "R017",
        name: "unmeasurable-success-criterion",
        summary: "A success criterion has no number or measurable quantity",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl UnmeasurableSuccessCriterion {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        for requirement in definitions(spec) {
            if criterion_unmeasurable(requirement) {
                drop(
                    cx.report(
                        requirement.id.span,
                        format!("`{}` states nothing that can be counted", requirement.id.value),
                    )
                    .help("give a number with a unit, a percentage or a yes/no check (`no …`, `every …`)"),
                );
            }
        }
        for metric in &spec.success_metrics {
            let name = metric.label.map_or(metric.name.value, |label| label.value);
            match metric_problem(metric) {
                Some(MetricProblem::VagueTarget(target)) => drop(
                    cx.report(
                        target.value.span,
                        format!("the target of `{name}` has no number"),
                    )
                    .help("give a number with a unit or a percentage: `70% or more`"),
                ),
                Some(MetricProblem::NoTarget) => drop(
                    cx.report(
                        metric.label.map_or(metric.name.span, |label| label.span),
                        format!("`{name}` has no `Target:`"),
                    )
                    .help("add a `- Target:` sub-bullet with a number"),
                ),
                None => {}
            }
        }
    }
}

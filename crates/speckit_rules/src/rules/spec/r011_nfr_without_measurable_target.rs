use speckit_model::Spec;

use super::{NfrProblem, definitions, nfr_problem};
use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::vague_words;

declare_rule! {
    /// ## What it checks
    /// A non-functional requirement that cannot be measured. In the
    /// plugin's form (`1. **NFR-2**: Name` with `- Metric:` and `- Target:`
    /// sub-bullets) the `Target` must hold a number (`2 s or less`, `0`,
    /// `99.9%`); an NFR with sub-bullets but no `Target` is reported too.
    /// A one-line spec-kit NFR is reported when it has no number at all and
    /// relies on a vague word (`SHOULD be fast`).
    ///
    /// ## Why it matters
    /// A non-functional requirement is only useful as a threshold a test or
    /// a dashboard can check. "Should be fast" passes every review and every
    /// test, so it constrains nothing.
    ///
    /// ## Example
    /// ```markdown
    /// 2. **NFR-2**: List generation time
    ///    - Metric: Time from pressing "Make list" until the list is shown
    ///    - Target: Should be fast
    /// ```
    /// Use instead:
    /// ```markdown
    /// 2. **NFR-2**: List generation time
    ///    - Metric: Time from pressing "Make list" until the list is shown
    ///    - Target: 400 ms or less at the 95th percentile
    /// ```
    pub(crate) NfrWithoutMeasurableTarget {
        code: "R011",
        name: "nfr-without-measurable-target",
        summary: "A non-functional requirement has no measurable target",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl NfrWithoutMeasurableTarget {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        for requirement in definitions(spec) {
            let Some(problem) = nfr_problem(spec, requirement) else {
                continue;
            };
            let id = requirement.id.value;
            match problem {
                NfrProblem::VagueTarget(target) => {
                    let target_text = target.value.value;
                    let vague = vague_words(target_text)
                        .next()
                        .and_then(|found| target_text.get(found.start..found.end))
                        .map(|word| format!(" (`{word}` without a number)"))
                        .unwrap_or_default();
                    drop(
                        cx.report(
                            target.value.span,
                            format!("the target of `{id}` is not measurable{vague}"),
                        )
                        .label(requirement.id.span, "requirement defined here")
                        .help("give a number and a unit: `400 ms or less at the 95th percentile`"),
                    );
                }
                NfrProblem::NoTarget => drop(
                    cx.report(requirement.id.span, format!("`{id}` has no `Target:`"))
                        .help("add a `- Target:` sub-bullet with a number and a unit"),
                ),
                NfrProblem::VagueText => {
                    let text = requirement.text.value;
                    let word = vague_words(text)
                        .next()
                        .and_then(|found| text.get(found.start..found.end))
                        .unwrap_or("");
                    drop(
                        cx.report(
                            requirement.id.span,
                            format!("`{id}` says `{word}` but gives no number"),
                        )
                        .help("state the threshold: `p95 response time under 200 ms`"),
                    );
                }
            }
        }
    }
}

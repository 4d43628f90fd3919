use speckit_model::Generation;

use crate::analysis::mention::token_set;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A phase under the plan's `## Implementation Phases` with no phase of
    /// the same number in tasks.md and none whose title carries the
    /// distinctive words of its name (every word of the shorter of the two
    /// names must appear in the other: `Launch` matches `Polish and
    /// Launch`). Checked for plans written on the seed plan template, when
    /// tasks.md has phases.
    ///
    /// ## Why it matters
    /// The tasks are the plan's phases broken down. A plan phase that has
    /// no counterpart was dropped when the tasks were written, and its goal
    /// and deliverables are assigned to nobody.
    ///
    /// ## Example
    /// ```markdown
    /// ### Phase 4: Launch
    /// ```
    /// in the plan, while tasks.md stops at `## Phase 3: Polish`. Use
    /// instead: a `## Phase 4: Launch` with its tasks, or merge the phase
    /// into an earlier one in the plan as well.
    pub(crate) PlanPhaseWithoutTasks {
        code: "X009",
        name: "plan-phase-without-tasks",
        summary: "An implementation phase of the plan has no phase in tasks.md",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl PlanPhaseWithoutTasks {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((_, tasks))) = (feature.plan(), feature.tasks())
        else {
            return;
        };
        if plan.generation != Generation::Plugin || tasks.phases.is_empty() {
            return;
        }
        let Some(phases) = &plan.implementation_phases else {
            return;
        };
        let task_numbers: Vec<&str> = tasks
            .phases
            .iter()
            .filter_map(|phase| phase.number.map(|number| number_key(number.value)))
            .collect();
        let task_names: Vec<Vec<u64>> = tasks
            .phases
            .iter()
            .map(|phase| token_set(phase.name.value))
            .collect();
        let mut evaluated = 0;
        for phase in &phases.phases {
            evaluated += 1;
            let by_number = phase
                .number
                .is_some_and(|number| task_numbers.contains(&number_key(number.value)));
            let name = token_set(phase.name.value);
            let by_name = task_names
                .iter()
                .any(|task_name| same_name(&name, task_name));
            if by_number || by_name {
                continue;
            }
            drop(
                cx.report(
                    plan_document,
                    phase.section.heading_span,
                    format!(
                        "the plan's phase \"{}\" has no phase in tasks.md with its number or name",
                        phase.section.title.value.trim()
                    ),
                )
                .help("add the phase and its tasks to tasks.md, or fold it into another phase in the plan"),
            );
        }
        cx.evaluated(feature, evaluated);
    }
}

/// A phase number without leading zeros (`01` → `1`).
fn number_key(number: &str) -> &str {
    let trimmed = number.trim().trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

/// True when every token of the shorter name is in the longer one; two
/// names without tokens never match.
fn same_name(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|token| long.contains(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(plan: &str, task: &str) -> bool {
        same_name(&token_set(plan), &token_set(task))
    }

    #[test]
    fn names_match_when_the_shorter_is_inside_the_longer() {
        assert!(check("Launch", "Polish and Launch"));
        assert!(check("Core Features", "Core features"));
        assert!(!check("Launch", "Polish"));
        assert!(!check("", ""));
        assert_eq!(number_key("03"), "3");
        assert_eq!(number_key("0"), "0");
    }
}

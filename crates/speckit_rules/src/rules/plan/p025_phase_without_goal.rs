use speckit_model::{MetaField, Plan};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_seed, join_words};

declare_rule! {
    /// ## What it checks
    /// A phase of `## Implementation Phases` (`### Phase N: …`) without a
    /// `**Goal**` or a `**Duration Estimate**`, or with one of them empty.
    /// `Goals`/`Objective` and `Duration`/`Estimate` are accepted as labels.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The goal says when a phase is done and the estimate lets the team
    /// plan around it; the plan command asks for both, and the tasks command
    /// copies them into the task list.
    ///
    /// ## Example
    /// ```markdown
    /// ### Phase 2: Core Features
    ///
    /// - [ ] Saved-search endpoints
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### Phase 2: Core Features
    /// **Goal**: Members can save, list and delete searches.
    /// **Duration Estimate**: 2-3 days
    ///
    /// - [ ] Saved-search endpoints
    /// ```
    pub(crate) PhaseWithoutGoal {
        code: "P025",
        name: "phase-without-goal",
        summary: "An implementation phase has no Goal or no Duration Estimate",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl PhaseWithoutGoal {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(phases) = &plan.implementation_phases else {
            return;
        };
        for phase in &phases.phases {
            let missing: Vec<&str> = [("Goal", phase.goal), ("Duration Estimate", phase.duration)]
                .into_iter()
                .filter(|(_, field)| !has_value(*field))
                .map(|(label, _)| label)
                .collect();
            if missing.is_empty() {
                continue;
            }
            drop(
                cx.report(
                    phase.section.heading_span,
                    format!(
                        "phase `{}` has no {}",
                        phase.section.title.value,
                        join_words(&missing, "or")
                    ),
                )
                .help("write `**Goal**: …` and `**Duration Estimate**: …` under the phase heading"),
            );
        }
    }
}

fn has_value(field: Option<MetaField<'_>>) -> bool {
    field.is_some_and(|field| !field.value.value.trim().is_empty())
}

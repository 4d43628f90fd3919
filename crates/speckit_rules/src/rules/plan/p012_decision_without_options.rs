use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// An architectural decision that lists fewer than two options under
    /// `Options Considered` (the plan command asks for two or three).
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// With one option there was no choice, and reviewers cannot see what was
    /// rejected or why. Naming the runner-up is what makes the Rationale
    /// checkable.
    ///
    /// ## Example
    /// ```markdown
    /// - **Options Considered**:
    ///   1. Option A: SQLite
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **Options Considered**:
    ///   1. Option A: SQLite
    ///   2. Option B: PostgreSQL (rejected: a second server to run)
    /// ```
    pub(crate) DecisionWithoutOptions {
        code: "P012",
        name: "decision-without-options",
        summary: "A decision lists fewer than two options",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl DecisionWithoutOptions {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(architecture) = &plan.architecture else {
            return;
        };
        for decision in &architecture.decisions {
            let count = decision
                .options
                .iter()
                .filter(|option| !option.text.value.is_empty())
                .count();
            if count >= 2 {
                continue;
            }
            let span = decision
                .options_field()
                .map_or(decision.section.heading_span, |field| field.label.span);
            let title = if decision.title.value.is_empty() {
                decision.section.title.value
            } else {
                decision.title.value
            };
            let what = match count {
                0 => "no options".to_string(),
                _ => "only one option".to_string(),
            };
            drop(
                cx.report(span, format!("decision `{title}` lists {what}"))
                    .help("list the alternatives you considered under Options Considered, at least two"),
            );
        }
    }
}

use speckit_model::Plan;
use speckit_model::plan::{Decision, Field};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::is_seed;
use crate::rules::plan::shared::join_words;

declare_rule! {
    /// ## What it checks
    /// An architectural decision (`#### Decision N: …` under Architecture
    /// Overview) without a Context, a Rationale or Consequences, or with one
    /// of them left empty. A field followed by a list instead of a value
    /// (`**Rationale**:` then bullets) counts as written.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// A decision record is only useful with its why: Context says what
    /// forced the choice, Rationale why this option won, Consequences what
    /// the team accepts in return. Without them nobody can tell later whether
    /// the decision still holds.
    ///
    /// ## Example
    /// ```markdown
    /// #### Decision 1: Storage engine
    /// - **Options Considered**:
    ///   1. Option A: SQLite
    ///   2. Option B: PostgreSQL
    /// - **Decision**: Option A: SQLite
    /// ```
    /// Use instead:
    /// ```markdown
    /// #### Decision 1: Storage engine
    /// - **Context**: The app runs on one small server per household.
    /// - **Options Considered**:
    ///   1. Option A: SQLite
    ///   2. Option B: PostgreSQL
    /// - **Decision**: Option A: SQLite
    /// - **Rationale**: No separate server to run or back up.
    /// - **Consequences**: One writer at a time; fine for a household.
    /// ```
    pub(crate) DecisionMissingField {
        code: "P011",
        name: "decision-missing-field",
        summary: "A decision lacks its Context, Rationale or Consequences",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl DecisionMissingField {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(architecture) = &plan.architecture else {
            return;
        };
        for decision in &architecture.decisions {
            let checks: [(&str, Option<&Field<'_>>); 3] = [
                ("Context", decision.context()),
                ("Rationale", decision.rationale()),
                ("Consequences", decision.consequences()),
            ];
            let mut missing = Vec::new();
            let mut empty = Vec::new();
            for (label, field) in checks {
                match field {
                    None => missing.push(label),
                    Some(field) if is_empty(field) => empty.push((label, field.label.span)),
                    Some(_) => {}
                }
            }
            if !missing.is_empty() {
                drop(
                    cx.report(
                        decision.section.heading_span,
                        format!(
                            "decision `{}` has no {}",
                            title(decision),
                            join_words(&missing, "or")
                        ),
                    )
                    .help("a decision record needs Context, Options Considered, Decision, Rationale and Consequences"),
                );
            }
            for (label, span) in empty {
                drop(
                    cx.report(
                        span,
                        format!("the {label} of decision `{}` is empty", title(decision)),
                    )
                    .help(format!("write the {label} after the label")),
                );
            }
        }
    }
}

fn is_empty(field: &Field<'_>) -> bool {
    field.value.value.trim().is_empty()
        && field.code.is_none()
        && field
            .items
            .iter()
            .all(speckit_model::plan::Bullet::is_empty)
}

fn title<'a>(decision: &Decision<'a>) -> &'a str {
    if decision.title.value.is_empty() {
        decision.section.title.value
    } else {
        decision.title.value
    }
}

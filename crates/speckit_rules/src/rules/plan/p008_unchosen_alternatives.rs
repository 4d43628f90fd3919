use speckit_model::{Plan, Text};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{
    HTTP_METHODS, LEVEL_CHOICES, ON_OFF, RISK_STATUSES, YES_NO, is_seed, is_unchosen,
};

declare_rule! {
    /// ## What it checks
    /// A value of the seed template that still lists all the choices instead
    /// of one: `Low/Med/High` (Complexity, Impact), `Yes/No` (Reversible),
    /// `Yes | No` (Auth Required), `ON/OFF` (Default State),
    /// `Not Started/In Progress/Complete` (risk Status),
    /// `GET | POST | PUT | DELETE | PATCH` (Method).
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The template writes the allowed values where the answer goes. Left as
    /// is, the plan does not say how risky a file is, whether an endpoint
    /// needs a login or whether a flag starts on.
    ///
    /// ## Example
    /// ```markdown
    /// | `src/search/index.ts` | Search entry point | Low/Med/High |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | `src/search/index.ts` | Search entry point | Low |
    /// ```
    pub(crate) UnchosenAlternatives {
        code: "P008",
        name: "unchosen-alternatives",
        summary: "A template value still lists every alternative instead of one",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl UnchosenAlternatives {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let mut values: Vec<(Text<'_>, &[&str], &str)> = Vec::new();
        if let Some(files) = &plan.file_structure {
            for row in files.files_to_create.iter().flat_map(|table| &table.rows) {
                values.push((row.complexity, LEVEL_CHOICES, "Complexity"));
            }
            for row in files.files_to_modify.iter().flat_map(|table| &table.rows) {
                values.push((row.impact, LEVEL_CHOICES, "Impact"));
            }
        }
        if let Some(database) = &plan.database {
            for row in database.migrations.iter().flat_map(|table| &table.rows) {
                values.push((row.reversible, YES_NO, "Reversible"));
            }
        }
        if let Some(rollout) = &plan.rollout {
            for row in rollout.feature_flags.iter().flat_map(|table| &table.rows) {
                values.push((row.default_state, ON_OFF, "Default State"));
            }
        }
        for row in plan.risks.iter().flat_map(|table| &table.rows) {
            values.push((row.status, RISK_STATUSES, "Status"));
        }
        for endpoint in plan.api_contracts.iter().flat_map(|api| &api.endpoints) {
            if let Some(method) = endpoint.method {
                values.push((method.value, HTTP_METHODS, "Method"));
            }
            if let Some(auth) = endpoint.auth_required {
                values.push((auth.value, YES_NO, "Auth Required"));
            }
        }
        for (value, allowed, label) in values {
            if is_unchosen(value.value, allowed) {
                drop(
                    cx.report(
                        value.span,
                        format!("{label} still lists every choice: `{}`", value.value),
                    )
                    .help("keep the one value that applies"),
                );
            }
        }
    }
}

use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{YES_NO, is_any_unchosen, is_choice, is_placeholder, is_seed};

declare_rule! {
    /// ## What it checks
    /// An endpoint of `## API Contracts` whose `**Auth Required**` is not
    /// `Yes` or `No` (letter case, emphasis and a trailing `(…)` note are
    /// ignored: `Yes (household admin)` is fine). The template's `Yes | No`
    /// is left to P008.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Whether an endpoint needs a session is a security decision. An empty
    /// or vague answer ("depends") tends to be implemented as "no".
    ///
    /// ## Example
    /// ```markdown
    /// **Auth Required**: depends
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Auth Required**: Yes (admins only)
    /// ```
    pub(crate) InvalidAuthRequired {
        code: "P030",
        name: "invalid-auth-required",
        summary: "An endpoint's Auth Required is not Yes or No",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl InvalidAuthRequired {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(api) = &plan.api_contracts else {
            return;
        };
        for endpoint in &api.endpoints {
            // `**Authentication**: Bearer token` describes the scheme, not
            // whether auth is required.
            let Some(auth) = endpoint
                .auth_required
                .filter(|auth| auth.label.value.eq_ignore_ascii_case("Auth Required"))
            else {
                continue;
            };
            let value = auth.value;
            if is_choice(value.value, YES_NO)
                || is_any_unchosen(value.value)
                || is_placeholder(value)
            {
                continue;
            }
            let name = endpoint.name.value;
            let (span, message) = if value.value.trim().is_empty() {
                (
                    auth.label.span,
                    format!("endpoint `{name}` does not say whether it needs auth"),
                )
            } else {
                (
                    value.span,
                    format!(
                        "Auth Required `{}` of endpoint `{name}` is not Yes or No",
                        value.value
                    ),
                )
            };
            drop(
                cx.report(span, message)
                    .help("write Yes or No, with a note in parentheses if needed"),
            );
        }
    }
}

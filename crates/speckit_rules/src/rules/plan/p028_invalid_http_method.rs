use speckit_model::Plan;
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{HTTP_METHODS, is_any_unchosen, is_placeholder, is_seed, plain};

declare_rule! {
    /// ## What it checks
    /// An endpoint of `## API Contracts` whose `**Method**` is not one of
    /// `GET`, `POST`, `PUT`, `DELETE`, `PATCH`, written in capitals.
    /// Back-ticks and emphasis are ignored; the template's
    /// `GET | POST | PUT | DELETE | PATCH` is left to P008.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Methods are case-sensitive in HTTP and the template's set is what the
    /// rest of the plan (auth, errors, tests) is written against; `FETCH` or
    /// `get/post` leaves the contract undecided.
    ///
    /// ## Example
    /// ```markdown
    /// **Method**: Post
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Method**: POST
    /// ```
    ///
    /// ## Fix
    /// Safe when the value is one of the five methods in another letter
    /// case: it is rewritten in capitals.
    pub(crate) InvalidHttpMethod {
        code: "P028",
        name: "invalid-http-method",
        summary: "An endpoint's Method is not GET, POST, PUT, DELETE or PATCH",
        severity: Warning,
        fix: Sometimes,
        target: Plan,
    }
}

impl InvalidHttpMethod {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(api) = &plan.api_contracts else {
            return;
        };
        for endpoint in &api.endpoints {
            let Some(method) = endpoint.method else {
                continue;
            };
            let value = plain(method.value);
            if HTTP_METHODS.contains(&value.value)
                || is_any_unchosen(value.value)
                || is_placeholder(value)
            {
                continue;
            }
            let name = endpoint.name.value;
            if value.value.is_empty() {
                drop(
                    cx.report(
                        method.label.span,
                        format!("endpoint `{name}` has no Method"),
                    )
                    .help("write GET, POST, PUT, DELETE or PATCH"),
                );
                continue;
            }
            let report = cx
                .report(
                    value.span,
                    format!(
                        "Method `{}` of endpoint `{name}` is not GET, POST, PUT, DELETE or PATCH",
                        value.value
                    ),
                )
                .help("write GET, POST, PUT, DELETE or PATCH");
            match HTTP_METHODS
                .iter()
                .find(|known| value.value.eq_ignore_ascii_case(known))
            {
                Some(known) => drop(report.safe_fix(
                    format!("write `{known}`"),
                    vec![Edit::replace(value.span, *known)],
                )),
                None => drop(report),
            }
        }
    }
}

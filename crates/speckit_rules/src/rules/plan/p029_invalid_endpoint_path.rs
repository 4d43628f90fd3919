use speckit_model::Plan;
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_placeholder, is_seed, plain};

declare_rule! {
    /// ## What it checks
    /// An endpoint of `## API Contracts` whose `**Path**` does not start with
    /// `/` once back-ticks are removed: a relative path, a full URL, or a
    /// method written into the path (`GET /api/items`).
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The path is matched against routes and called by clients as written;
    /// the template's form is a root-relative path with `{param}`
    /// placeholders (`/api/v1/items/{id}`), with the host left to
    /// configuration.
    ///
    /// ## Example
    /// ```markdown
    /// **Path**: `api/v1/searches/{id}`
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Path**: `/api/v1/searches/{id}`
    /// ```
    ///
    /// ## Fix
    /// Safe when the path is a plain relative path (letters, digits, `-`,
    /// `_`, `.`, `/` and `{param}` only): a `/` is put in front. URLs and
    /// paths with a method need a person.
    pub(crate) InvalidEndpointPath {
        code: "P029",
        name: "invalid-endpoint-path",
        summary: "An endpoint's Path does not start with /",
        severity: Warning,
        fix: Sometimes,
        target: Plan,
    }
}

impl InvalidEndpointPath {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(api) = &plan.api_contracts else {
            return;
        };
        for endpoint in &api.endpoints {
            let Some(path) = endpoint.path else {
                continue;
            };
            let value = plain(path.value);
            if value.value.starts_with('/') || is_placeholder(value) {
                continue;
            }
            let name = endpoint.name.value;
            if value.value.is_empty() {
                drop(
                    cx.report(path.label.span, format!("endpoint `{name}` has no Path"))
                        .help("write the path, starting with `/`"),
                );
                continue;
            }
            let report = cx
                .report(
                    value.span,
                    format!(
                        "Path `{}` of endpoint `{name}` does not start with `/`",
                        value.value
                    ),
                )
                .help("write the path from the root of the API, such as `/api/v1/items/{id}`");
            if is_plain_relative(value.value) {
                drop(report.safe_fix(
                    "put `/` in front",
                    vec![Edit::insert(value.span.start, "/")],
                ));
            } else {
                drop(report);
            }
        }
    }
}

fn is_plain_relative(path: &str) -> bool {
    path.starts_with(|c: char| c.is_ascii_alphanumeric())
        && path.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/' | b'{' | b'}' | b':')
        })
        && !path.contains("://")
        && path.contains('/')
}

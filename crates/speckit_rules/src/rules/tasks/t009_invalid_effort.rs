use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{is_one_of, placeholders};

declare_rule! {
    /// ## What it checks
    /// A task's `**Estimated Effort**` that is not one of the legend's sizes
    /// `XS`, `S`, `M`, `L`, `XL` (a note in parentheses may follow:
    /// `M (1 day)`).
    ///
    /// ## Why it matters
    /// The critical path and the total effort are computed from the sizes;
    /// free text such as `a few hours` or the template's `{XS/S/M/L/XL}` is
    /// counted as the default size, so the estimate is silently wrong.
    ///
    /// ## Example
    /// ```markdown
    /// - **Estimated Effort**: a couple of days
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **Estimated Effort**: L (2 days)
    /// ```
    pub(crate) InvalidEffort {
        code: "T009",
        name: "invalid-effort",
        summary: "A task's Estimated Effort is not XS, S, M, L or XL",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl InvalidEffort {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(field) = task.effort() else { continue };
            // Real files also write hours (`2時間`, `30 min`); only sizes are checked.
            if field.label.value.eq_ignore_ascii_case("Estimated Effort")
                && !is_one_of(field.value.value, &["XS", "S", "M", "L", "XL"])
                // A value still in template form is T021's finding.
                && placeholders(field.value).is_empty()
            {
                let span = if field.value.value.is_empty() {
                    field.label.span
                } else {
                    field.value.span
                };
                drop(
                    cx.report(
                        span,
                        format!(
                            "effort `{}` of task `{}` is not a size",
                            field.value.value, task.id.value
                        ),
                    )
                    .help("use XS, S, M, L or XL, optionally followed by a note: `M (1 day)`"),
                );
            }
        }
    }
}

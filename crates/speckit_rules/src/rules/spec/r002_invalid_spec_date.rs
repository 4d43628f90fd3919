use speckit_model::{Spec, parse_iso_date};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::report_date;

declare_rule! {
    /// ## What it checks
    /// A `**Created**` or `**Last Updated**` header value, or the date of a
    /// `### Session YYYY-MM-DD` clarification heading, that is not a real
    /// ISO date. Template slots (`[DATE]`, `YYYY-MM-DD`) are left to R015.
    ///
    /// ## Why it matters
    /// Dates order the specs of a project and its clarification sessions.
    /// `March 4` or `2026-02-30` cannot be compared, and `04/03/2026` means
    /// two different days depending on the reader.
    ///
    /// ## Example
    /// ```markdown
    /// **Created**: 2026-3-4
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Created**: 2026-03-04
    /// ```
    ///
    /// ## Fix
    /// A date written with one-digit month or day, or with `/` or `.`
    /// separators in year-month-day order (`2026-3-4`, `2026/03/04`), is
    /// rewritten as `2026-03-04`. Other spellings are left for a person.
    pub(crate) InvalidSpecDate {
        code: "R002",
        name: "invalid-spec-date",
        summary: "A spec date is not a valid YYYY-MM-DD date",
        severity: Warning,
        fix: Sometimes,
        target: Spec,
    }
}

impl InvalidSpecDate {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        for field in [spec.created(), spec.last_updated()].into_iter().flatten() {
            let label = field.label.value;
            report_date(cx, label, field.value, Some(field.label.span));
        }
        for session in &spec.clarifications {
            if let Some(date) = session.date
                && parse_iso_date(date.value).is_none()
            {
                drop(
                    cx.report(
                        date.span,
                        format!("clarification session date `{}` does not exist", date.value),
                    )
                    .help("title each session `### Session YYYY-MM-DD` with a real date"),
                );
            }
        }
    }
}

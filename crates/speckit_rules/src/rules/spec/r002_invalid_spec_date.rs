use speckit_model::{Spec, parse_iso_date};
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{DateValue, read_date};

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
            match read_date(field.value) {
                DateValue::Invalid { text, fix } => {
                    let report = cx
                        .report(
                            text.span,
                            format!("`**{label}**` is `{}`, not a YYYY-MM-DD date", text.value),
                        )
                        .help("write the date as YYYY-MM-DD");
                    drop(match fix {
                        Some(iso) => report.safe_fix(
                            format!("write `{iso}`"),
                            vec![Edit::replace(text.span, iso)],
                        ),
                        None => report,
                    });
                }
                DateValue::Empty => drop(
                    cx.report(field.label.span, format!("`**{label}**` has no date"))
                        .help("write the date as YYYY-MM-DD"),
                ),
                DateValue::Valid(_) | DateValue::Placeholder => {}
            }
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

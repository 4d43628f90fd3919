use speckit_model::Checklist;
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{DateValue, read_date};

declare_rule! {
    /// ## What it checks
    /// A checklist header date (`**Created**`, spec-kit; `**Date**`, the
    /// plugin; also `**Updated**`, `**Last Updated**`) that is not a real
    /// ISO date. Template slots (`[DATE]`, `YYYY-MM-DD`) are left to K004.
    ///
    /// ## Why it matters
    /// The date tells when the requirements were last reviewed against the
    /// checklist; `12/03` or `2026-02-30` cannot be compared with the spec's
    /// dates.
    ///
    /// ## Example
    /// ```markdown
    /// **Created**: 2026-3-9
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Created**: 2026-03-09
    /// ```
    ///
    /// ## Fix
    /// A date written with one-digit month or day, or with `/` or `.`
    /// separators in year-month-day order, is rewritten as `YYYY-MM-DD`.
    pub(crate) InvalidChecklistDate {
        code: "K009",
        name: "invalid-checklist-date",
        summary: "A checklist date is not a valid YYYY-MM-DD date",
        severity: Warning,
        fix: Sometimes,
        target: Checklist,
    }
}

const DATE_LABELS: [&str; 4] = ["Created", "Date", "Updated", "Last Updated"];

impl InvalidChecklistDate {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        for field in &checklist.metadata {
            let label = field.label.value;
            if !DATE_LABELS
                .iter()
                .any(|known| label.eq_ignore_ascii_case(known))
            {
                continue;
            }
            if let DateValue::Invalid { text, fix } = read_date(field.value) {
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
        }
    }
}

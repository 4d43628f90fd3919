use speckit_model::Checklist;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::report_date;

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
            report_date(cx, label, field.value, None);
        }
    }
}

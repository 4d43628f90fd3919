use speckit_model::{MetaField, Plan, parse_iso_date};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_placeholder, plain};

declare_rule! {
    /// ## What it checks
    /// A plan header date that is not a real `YYYY-MM-DD` date: `**Created**`
    /// and `**Last Updated**` of seed-template plans, `**Date**` of spec-kit
    /// plans. A note after the date (`2026-03-06 (revised)`) is allowed;
    /// the template's own `YYYY-MM-DD` and `[DATE]` are left to P007.
    ///
    /// ## Why it matters
    /// Dates are compared (Created ≤ Last Updated) and sorted by tools;
    /// `06/03/2026` or `2026-02-30` cannot be read reliably.
    ///
    /// ## Example
    /// ```markdown
    /// **Created**: 6 March 2026
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Created**: 2026-03-06
    /// ```
    pub(crate) InvalidHeaderDate {
        code: "P004",
        name: "invalid-header-date",
        summary: "A plan header date is not a valid YYYY-MM-DD date",
        severity: Error,
        fix: Never,
        target: Plan,
    }
}

impl InvalidHeaderDate {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let header = &plan.header;
        for field in [header.created, header.last_updated, header.date]
            .into_iter()
            .flatten()
        {
            if header_date(field).is_none()
                && !field.value.value.trim().is_empty()
                && !is_placeholder(field.value)
            {
                drop(
                    cx.report(
                        field.value.span,
                        format!(
                            "`**{}**` is not a valid date: `{}`",
                            field.label.value, field.value.value
                        ),
                    )
                    .help("write the date as YYYY-MM-DD, for example 2026-03-06"),
                );
            }
        }
    }
}

/// The date a header field holds: its first word, as `YYYY-MM-DD`.
pub(crate) fn header_date(field: MetaField<'_>) -> Option<(u16, u8, u8)> {
    let value = plain(field.value).value;
    let first = value
        .split(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .next()
        .unwrap_or("");
    parse_iso_date(speckit_model::strip_markup(first))
}

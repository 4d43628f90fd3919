use speckit_model::Constitution;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::report_date;

declare_rule! {
    /// ## What it checks
    /// A `**Ratified**`, `**Last Amended**` or `**Last Updated**` value in
    /// the constitution's version line that is not a real ISO date.
    /// Template slots (`[RATIFICATION_DATE]`, `YYYY-MM-DD`) and deferrals
    /// (`TODO(RATIFICATION_DATE)`) are left to C006 and C007.
    ///
    /// ## Why it matters
    /// spec-kit requires ISO dates so that amendments can be ordered and
    /// compared with plans. `Feb 10` or `10/02/2026` cannot be.
    ///
    /// ## Example
    /// ```markdown
    /// **Version**: 1.2.0 | **Ratified**: 2026-2-10 | **Last Amended**: March 2026
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Version**: 1.2.0 | **Ratified**: 2026-02-10 | **Last Amended**: 2026-03-01
    /// ```
    ///
    /// ## Fix
    /// A date written with one-digit month or day, or with `/` or `.`
    /// separators in year-month-day order, is rewritten as `YYYY-MM-DD`.
    pub(crate) InvalidConstitutionDate {
        code: "C003",
        name: "invalid-constitution-date",
        summary: "A constitution date is not a valid YYYY-MM-DD date",
        severity: Warning,
        fix: Sometimes,
        target: Constitution,
    }
}

impl InvalidConstitutionDate {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        let Some(line) = &constitution.version else {
            return;
        };
        let dates = [
            ("Ratified", line.ratified),
            ("Last Amended", line.last_amended),
            ("Last Updated", line.last_updated),
        ];
        for (label, value) in dates {
            let Some(value) = value else {
                continue;
            };
            report_date(cx, label, value, Some(line.span));
        }
    }
}

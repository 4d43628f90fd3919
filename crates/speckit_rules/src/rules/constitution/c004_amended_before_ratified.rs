use speckit_model::Constitution;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{DateValue, read_date};

declare_rule! {
    /// ## What it checks
    /// A constitution whose `**Last Amended**` date is earlier than its
    /// `**Ratified**` date.
    ///
    /// ## Why it matters
    /// Ratification is the original adoption; every amendment comes after
    /// it. An amendment dated before ratification means one of the dates
    /// is wrong, and plans checked "against the constitution as of" a date
    /// cannot be trusted.
    ///
    /// ## Example
    /// ```markdown
    /// **Version**: 1.2.0 | **Ratified**: 2026-02-10 | **Last Amended**: 2026-01-28
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Version**: 1.2.0 | **Ratified**: 2026-01-10 | **Last Amended**: 2026-01-28
    /// ```
    pub(crate) AmendedBeforeRatified {
        code: "C004",
        name: "amended-before-ratified",
        summary: "Last Amended is earlier than Ratified",
        severity: Error,
        fix: Never,
        target: Constitution,
    }
}

impl AmendedBeforeRatified {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        let Some(line) = &constitution.version else {
            return;
        };
        let (Some(ratified), Some(amended)) = (line.ratified, line.last_amended) else {
            return;
        };
        let (DateValue::Valid(ratified_date), DateValue::Valid(amended_date)) =
            (read_date(ratified), read_date(amended))
        else {
            return;
        };
        if amended_date < ratified_date {
            drop(
                cx.report(
                    amended.span,
                    format!(
                        "Last Amended ({}) is earlier than Ratified ({})",
                        amended.value, ratified.value
                    ),
                )
                .label(ratified.span, "ratified here")
                .help("Ratified is the original adoption date; correct whichever date is wrong"),
            );
        }
    }
}

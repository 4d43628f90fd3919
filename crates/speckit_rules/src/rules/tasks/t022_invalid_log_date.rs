use speckit_model::{TaskList, parse_iso_date};

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `## Progress Log` subsection whose heading is not a real ISO date
    /// (`### 2026-03-14`).
    ///
    /// ## Why it matters
    /// The log is read (and appended to by `speckit tasks …`) by date; a
    /// heading like `### Monday` or `### 2026-02-30` cannot be ordered or
    /// matched, so new entries start a duplicate day.
    ///
    /// ## Example
    /// ```markdown
    /// ### 2026-3-4
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### 2026-03-04
    /// ```
    pub(crate) InvalidLogDate {
        code: "T022",
        name: "invalid-log-date",
        summary: "A Progress Log heading is not a valid YYYY-MM-DD date",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl InvalidLogDate {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        let Some(log) = &tasks.progress_log else {
            return;
        };
        for day in &log.days {
            let date = day.date.value.trim();
            if parse_iso_date(date).is_none() {
                drop(
                    cx.report(day.heading_span, format!("`{date}` is not a valid date"))
                        .help("title each log day `### YYYY-MM-DD` with a real date"),
                );
            }
        }
    }
}

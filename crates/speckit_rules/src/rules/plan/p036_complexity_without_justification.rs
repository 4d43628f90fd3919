use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_blank_value, is_placeholder, join_words};

declare_rule! {
    /// ## What it checks
    /// A row of spec-kit's `## Complexity Tracking` table that names a
    /// Violation but leaves `Why Needed` or `Simpler Alternative Rejected
    /// Because` empty (`-`, `TBD`, `N/A` count as empty). Rows saying there
    /// is no violation (`None`, `N/A`), the template's example row (left to
    /// P007) and tables with fewer than the template's three columns are
    /// skipped.
    ///
    /// ## Why it matters
    /// Complexity Tracking is where a plan justifies breaking the
    /// constitution. A deviation without its reason, or without the simpler
    /// option that was rejected, is an unexplained exception.
    ///
    /// ## Example
    /// ```markdown
    /// | Fourth project (`worker/`) | | |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Fourth project (`worker/`) | Imports must not block requests | An in-process queue loses jobs on restart |
    /// ```
    pub(crate) ComplexityWithoutJustification {
        code: "P036",
        name: "complexity-without-justification",
        summary: "A Complexity Tracking row has no justification",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl ComplexityWithoutJustification {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let Some(tracking) = &plan.complexity_tracking else {
            return;
        };
        // A table of another shape (`| Item | Assessment |`) records
        // something else.
        if tracking.table.header.len() < 3 {
            return;
        }
        for row in tracking.table.rows.iter().filter(|row| !row.blank) {
            let violation = row.violation;
            if is_blank_value(violation.value)
                || is_placeholder(violation)
                || is_template_example(violation.value)
                || speckit_model::strip_markup(violation.value).eq_ignore_ascii_case("none")
            {
                continue;
            }
            let missing: Vec<&str> = [
                ("Why Needed", row.why_needed),
                (
                    "Simpler Alternative Rejected Because",
                    row.simpler_alternative,
                ),
            ]
            .into_iter()
            .filter(|(_, cell)| is_blank_value(cell.value))
            .map(|(label, _)| label)
            .collect();
            if missing.is_empty() {
                continue;
            }
            drop(
                cx.report(
                    row.span,
                    format!(
                        "the deviation `{}` has no {}",
                        violation.value.replace('`', ""),
                        join_words(&missing, "or")
                    ),
                )
                .help("say why the deviation is needed and which simpler option was rejected, and why"),
            );
        }
    }
}

/// The template's example cells: a whole-cell bracketed sentence.
fn is_template_example(value: &str) -> bool {
    let value = value.trim();
    value.starts_with('[') && value.ends_with(']') && !value.contains("](")
}

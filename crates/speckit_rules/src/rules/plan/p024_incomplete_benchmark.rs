use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_blank_value, is_seed, join_words};

declare_rule! {
    /// ## What it checks
    /// A row of `### Benchmarks` (Performance Considerations) with a Metric
    /// but no Target or no Measurement Method. `-`, `TBD`, `TODO` and `N/A`
    /// count as missing. Blank rows are left to P010.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// A benchmark without a target cannot fail, and one without a method
    /// cannot be repeated: neither tells the team when performance work is
    /// done.
    ///
    /// ## Example
    /// ```markdown
    /// | Search response time | TBD | |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Search response time | p95 ≤ 300 ms | k6 run against staging, 50 users |
    /// ```
    pub(crate) IncompleteBenchmark {
        code: "P024",
        name: "incomplete-benchmark",
        summary: "A benchmark row has no Target or no Measurement Method",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl IncompleteBenchmark {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(table) = plan
            .performance
            .as_ref()
            .and_then(|performance| performance.benchmarks.as_ref())
        else {
            return;
        };
        for row in table.rows.iter().filter(|row| !row.blank) {
            let missing: Vec<&str> = [("Target", row.target), ("Measurement Method", row.method)]
                .into_iter()
                .filter(|(_, cell)| is_blank_value(cell.value))
                .map(|(label, _)| label)
                .collect();
            if missing.is_empty() {
                continue;
            }
            let metric = speckit_model::strip_markup(row.metric.value);
            let metric = if metric.is_empty() {
                "(unnamed)"
            } else {
                metric
            };
            drop(
                cx.report(
                    row.span,
                    format!("benchmark `{metric}` has no {}", join_words(&missing, "or")),
                )
                .help("give a number to meet and the way it is measured"),
            );
        }
    }
}

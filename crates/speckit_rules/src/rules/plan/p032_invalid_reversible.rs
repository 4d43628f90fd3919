use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{YES_NO, is_any_unchosen, is_choice, is_placeholder, is_seed};

declare_rule! {
    /// ## What it checks
    /// A row of `### Schema Migrations` whose Reversible cell is not `Yes` or
    /// `No` (letter case, emphasis and a trailing `(…)` note are ignored).
    /// Blank rows are P010's and the template's `Yes/No` is P008's.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Whether a migration can be undone decides the Rollback Plan. "Partly"
    /// or an empty cell hides the answer that matters most when a release
    /// goes wrong.
    ///
    /// ## Example
    /// ```markdown
    /// | `0007_saved_searches` | Schema | New table | probably |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | `0007_saved_searches` | Schema | New table | Yes (down script drops it) |
    /// ```
    pub(crate) InvalidReversible {
        code: "P032",
        name: "invalid-reversible",
        summary: "A migration's Reversible value is not Yes or No",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl InvalidReversible {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(table) = plan
            .database
            .as_ref()
            .and_then(|database| database.migrations.as_ref())
        else {
            return;
        };
        for row in table.rows.iter().filter(|row| !row.blank) {
            let value = row.reversible;
            if is_choice(value.value, YES_NO)
                || is_any_unchosen(value.value)
                || is_placeholder(value)
            {
                continue;
            }
            let migration = speckit_model::strip_markup(row.migration.value);
            let (span, message) = if value.value.trim().is_empty() {
                (
                    row.span,
                    format!("migration `{migration}` does not say whether it is reversible"),
                )
            } else {
                (
                    value.span,
                    format!(
                        "Reversible `{}` of migration `{migration}` is not Yes or No",
                        value.value
                    ),
                )
            };
            drop(cx.report(span, message).help("write Yes or No"));
        }
    }
}

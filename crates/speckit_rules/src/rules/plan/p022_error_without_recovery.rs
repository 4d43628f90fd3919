use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::names::loose;
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A member of an Error Types enum (`enum …ErrorCode { KEY = 'VALUE' }`)
    /// without a row in the `### Error Recovery Strategies` table. A row
    /// matches a member when its Error Type names the key or the value,
    /// ignoring case, `_`, `-` and spaces (`Not found` matches `NOT_FOUND`);
    /// a cell may name several (`NOT_FOUND, UNAUTHORIZED`) or qualify the
    /// key (`FeatureErrorCode.NOT_FOUND`). A table with only blank rows is
    /// left to P010.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Every error the feature can return needs a recovery and a message the
    /// user sees; one without a row is the error nobody designed the screen
    /// for.
    ///
    /// ## Example
    /// ```typescript
    /// enum SearchErrorCode { INVALID_QUERY = 'SEARCH_INVALID_QUERY', TIMEOUT = 'SEARCH_TIMEOUT' }
    /// ```
    /// with only an `INVALID_QUERY` row. Add:
    /// ```markdown
    /// | `TIMEOUT` | Retry once after 1 s | "Search is slow, trying again" |
    /// ```
    pub(crate) ErrorWithoutRecovery {
        code: "P022",
        name: "error-without-recovery",
        summary: "An error type has no row in Error Recovery Strategies",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl ErrorWithoutRecovery {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(handling) = &plan.error_handling else {
            return;
        };
        let Some(types) = &handling.error_types else {
            return;
        };
        if types.enums.is_empty() {
            return;
        }
        let recovery = handling.recovery.as_ref();
        if recovery
            .is_some_and(|table| !table.rows.is_empty() && table.rows.iter().all(|row| row.blank))
        {
            return;
        }
        let mut known: Vec<String> = Vec::new();
        for row in recovery.iter().flat_map(|table| &table.rows) {
            for name in row.error_type.value.split([',', '/', ';']) {
                let name = speckit_model::strip_markup(name.trim());
                let name = name.rsplit('.').next().unwrap_or(name);
                if !name.is_empty() {
                    known.push(loose(name));
                }
            }
        }
        let heading = recovery.map(|table| table.section.heading_span);
        for error_enum in &types.enums {
            for member in &error_enum.members {
                let key = loose(member.key.value);
                let value = member.value.map(|value| loose(value.value));
                let covered = known
                    .iter()
                    .any(|name| *name == key || value.as_ref() == Some(name));
                if covered {
                    continue;
                }
                let mut report = cx
                    .report(
                        member.key.span,
                        format!(
                            "error type `{}` of `{}` has no row in Error Recovery Strategies",
                            member.key.value, error_enum.name.value
                        ),
                    )
                    .help("add a row with its recovery strategy and what the user sees");
                if let Some(heading) = heading {
                    report = report.label(heading, "recovery strategies are listed here");
                }
                drop(report);
            }
        }
    }
}

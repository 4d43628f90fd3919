use speckit_model::Plan;
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{ON_OFF, choice, is_any_unchosen, is_placeholder, is_seed};

declare_rule! {
    /// ## What it checks
    /// A row of `### Feature Flags` (Rollout Strategy) whose Default State is
    /// not `ON` or `OFF`. A trailing note in parentheses is allowed
    /// (`OFF (ON in staging)`). Blank rows are P010's and the template's
    /// `ON/OFF` is P008's.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The default decides what users get when the release ships. `maybe`,
    /// `true` or an empty cell leave that to whoever writes the config.
    ///
    /// ## Example
    /// ```markdown
    /// | `saved_searches` | Shows the Save button | off |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | `saved_searches` | Shows the Save button | OFF |
    /// ```
    ///
    /// ## Fix
    /// Safe when the value is `on` or `off` in another letter case: the word
    /// is rewritten in capitals, the rest of the cell is kept. Other values
    /// need a person to choose.
    pub(crate) InvalidFlagDefault {
        code: "P026",
        name: "invalid-flag-default",
        summary: "A feature flag's Default State is not ON or OFF",
        severity: Warning,
        fix: Sometimes,
        target: Plan,
    }
}

impl InvalidFlagDefault {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(table) = plan
            .rollout
            .as_ref()
            .and_then(|rollout| rollout.feature_flags.as_ref())
        else {
            return;
        };
        for row in table.rows.iter().filter(|row| !row.blank) {
            let value = row.default_state;
            let cleaned = choice(value.value);
            if ON_OFF.contains(&cleaned) || is_any_unchosen(value.value) || is_placeholder(value) {
                continue;
            }
            let flag = speckit_model::strip_markup(row.name.value);
            if cleaned.is_empty() {
                drop(
                    cx.report(row.span, format!("flag `{flag}` has no Default State"))
                        .help("write ON or OFF"),
                );
                continue;
            }
            let report = cx
                .report(
                    value.span,
                    format!(
                        "Default State `{}` of flag `{flag}` is not ON or OFF",
                        value.value
                    ),
                )
                .help("write ON or OFF");
            let word = value.span.of_subslice(value.value, cleaned);
            let fix = ON_OFF
                .iter()
                .find(|allowed| cleaned.eq_ignore_ascii_case(allowed));
            match fix {
                Some(allowed) => drop(report.safe_fix(
                    format!("write `{allowed}`"),
                    vec![Edit::replace(word, *allowed)],
                )),
                None => drop(report),
            }
        }
    }
}

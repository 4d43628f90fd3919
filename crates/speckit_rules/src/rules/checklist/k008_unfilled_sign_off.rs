use speckit_model::Checklist;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A line of the plugin checklist's `## Sign-off` block whose name or
    /// date is still blank: underscores, nothing, or a template slot
    /// (`**QA**: ___________ Date: _______`).
    ///
    /// ## Why it matters
    /// The sign-off records who accepted the feature and when. While it is
    /// blank the checklist has not been approved, however many boxes are
    /// ticked; this is expected during work, hence the low severity.
    ///
    /// ## Example
    /// ```markdown
    /// **Tech Lead**: ___________________ Date: _______
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Tech Lead**: Jonas Weber Date: 2026-03-09
    /// ```
    pub(crate) UnfilledSignOff {
        code: "K008",
        name: "unfilled-sign-off",
        summary: "A sign-off line has no name or date",
        severity: Info,
        fix: Never,
        target: Checklist,
    }
}

impl UnfilledSignOff {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        for entry in &checklist.sign_off {
            if entry.filled {
                continue;
            }
            drop(
                cx.report(
                    entry.span,
                    format!("the `{}` sign-off is not filled in", entry.role.value),
                )
                .help("write the reviewer's name and the date once they accept the feature"),
            );
        }
    }
}

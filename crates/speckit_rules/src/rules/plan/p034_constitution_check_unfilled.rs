use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::is_spec_kit;

declare_rule! {
    /// ## What it checks
    /// A spec-kit plan whose `## Constitution Check` still holds the
    /// template's `[Gates determined based on constitution file]`, or holds
    /// nothing but the `*GATE: …*` line, comments and empty bullets.
    ///
    /// ## Why it matters
    /// The Constitution Check is the gate before research and again after
    /// design: it records, principle by principle, that the plan obeys the
    /// constitution or why a deviation is justified. Left empty, the plan
    /// claims a check that never happened.
    ///
    /// ## Example
    /// ```markdown
    /// ## Constitution Check
    ///
    /// *GATE: Must pass before Phase 0 research. Re-check after Phase 1 design.*
    ///
    /// [Gates determined based on constitution file]
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Constitution Check
    ///
    /// *GATE: Must pass before Phase 0 research. Re-check after Phase 1 design.*
    ///
    /// | Principle | Result | Notes |
    /// |-----------|--------|-------|
    /// | I. Test-First | PASS | Contract tests precede each endpoint |
    /// ```
    pub(crate) ConstitutionCheckUnfilled {
        code: "P034",
        name: "constitution-check-unfilled",
        summary: "The Constitution Check is empty or still the template's",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl ConstitutionCheckUnfilled {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_spec_kit(plan) {
            return;
        }
        let Some(check) = &plan.constitution_check else {
            return;
        };
        if let Some(placeholder) = check.placeholder {
            drop(
                cx.report(
                    placeholder,
                    "the Constitution Check still holds the template's placeholder",
                )
                .help("list the gates from the constitution and whether the plan passes each"),
            );
        } else if check.blank {
            drop(
                cx.report(
                    check.section.heading_span,
                    "the Constitution Check is empty",
                )
                .help("list the gates from the constitution and whether the plan passes each"),
            );
        }
    }
}

use speckit_model::Spec;

use super::definitions;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two requirements or success criteria defined with the same ID in one
    /// spec (`FR-014` twice). IDs quoted in a status report or retrospective
    /// section are not definitions and are not counted.
    ///
    /// ## Why it matters
    /// Plans, tasks, checklists (`[Spec §FR-014]`) and analysis refer to
    /// requirements by ID. With two `FR-014`s every such reference is
    /// ambiguous, and coverage of one of them cannot be checked.
    ///
    /// ## Example
    /// ```markdown
    /// - **FR-014**: Users MUST be able to tag documents
    /// - **FR-014**: Tags MUST have a colour
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **FR-014**: Users MUST be able to tag documents
    /// - **FR-015**: Tags MUST have a colour
    /// ```
    pub(crate) DuplicateRequirementId {
        code: "R008",
        name: "duplicate-requirement-id",
        summary: "Two requirements share an ID",
        severity: Error,
        fix: Never,
        target: Spec,
    }
}

impl DuplicateRequirementId {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let mut defined: Vec<_> = definitions(spec).collect();
        // A stable sort keeps each ID's first definition first.
        defined.sort_by_key(|requirement| requirement.id.value);
        let mut first_of_run: Option<&&speckit_model::spec::Requirement<'_>> = None;
        for requirement in &defined {
            match first_of_run {
                Some(first) if first.id.value == requirement.id.value => drop(
                    cx.report(
                        requirement.id.span,
                        format!("requirement ID `{}` is already defined", requirement.id.value),
                    )
                    .label(first.id.span, "first defined here")
                    .help("give each requirement its own ID; references to the second one need the new ID too"),
                ),
                _ => first_of_run = Some(requirement),
            }
        }
    }
}

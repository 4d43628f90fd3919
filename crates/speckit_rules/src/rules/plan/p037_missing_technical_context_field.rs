use speckit_model::Plan;
use speckit_model::plan::TechKey;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_spec_kit, join_words};

declare_rule! {
    /// ## What it checks
    /// A spec-kit plan whose `## Technical Context` lacks some of the
    /// template's nine fields: Language/Version, Primary Dependencies,
    /// Storage, Testing, Target Platform, Project Type, Performance Goals,
    /// Constraints, Scale/Scope (each `**Label**: value`; the short labels
    /// `Language`, `Dependencies`, `Platform`, `Scale` and translated labels
    /// count). A field that does not apply should say `N/A`. A Technical
    /// Context with fewer than five of the nine fields is taken to follow
    /// another format and is skipped.
    ///
    /// ## Why it matters
    /// The plan command fills each field or marks it `NEEDS CLARIFICATION`,
    /// and later steps (research, tasks, the agent context file) read them
    /// by label. A missing field is a question nobody asked.
    ///
    /// ## Example
    /// ```markdown
    /// **Language/Version**: TypeScript 5.6
    /// **Primary Dependencies**: Fastify 5
    /// ```
    /// Use instead: all nine fields, for example
    /// ```markdown
    /// **Storage**: N/A (stateless)
    /// ```
    pub(crate) MissingTechnicalContextField {
        code: "P037",
        name: "missing-technical-context-field",
        summary: "Technical Context lacks some of the template's nine fields",
        severity: Info,
        fix: Never,
        target: Plan,
    }
}

impl MissingTechnicalContextField {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_spec_kit(plan) {
            return;
        }
        let Some(context) = &plan.technical_context else {
            return;
        };
        let missing: Vec<&str> = TechKey::ALL
            .iter()
            .filter(|key| context.get(**key).is_none())
            .map(|key| key.label())
            .collect();
        // With fewer than five of the nine, the section follows another
        // format on purpose; only a template plan with gaps is reported.
        if missing.is_empty() || missing.len() > 4 {
            return;
        }
        let quoted: Vec<String> = missing.iter().map(|label| format!("`{label}`")).collect();
        let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
        let list = join_words(&quoted, "and");
        let noun = if missing.len() == 1 {
            "field"
        } else {
            "fields"
        };
        drop(
            cx.report(
                context.section.heading_span,
                format!("Technical Context lacks the {list} {noun}"),
            )
            .help("write each field as `**Label**: value`, `N/A` when it does not apply"),
        );
    }
}

use speckit_model::{Constitution, Generation};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{has_cjk, placeholders};

declare_rule! {
    /// ## What it checks
    /// A spec-kit principle that states no rule: no `MUST`, `MUST NOT`,
    /// `SHOULD` or `SHOULD NOT` in its heading or body, and not even a
    /// lower-case `must`, `should`, `shall`, `never`, `always` or
    /// `required`. The plugin's principles are written as plain bullets and
    /// are not checked; neither are principles written in Chinese or
    /// Japanese, nor ones still holding template placeholders (C006 reports
    /// those).
    ///
    /// ## Why it matters
    /// spec-kit's plan step checks every plan against the principles
    /// ("Constitution Check"), and analyze treats a violated `MUST` as
    /// critical. A principle that only describes ("We value simplicity")
    /// cannot be violated, so it cannot be checked.
    ///
    /// ## Example
    /// ```markdown
    /// ### III. Simplicity
    ///
    /// We like small, simple designs.
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### III. Simplicity
    ///
    /// - New dependencies MUST be justified in the plan's Complexity Tracking table.
    /// - A feature SHOULD add at most one new service.
    /// ```
    pub(crate) PrincipleWithoutRule {
        code: "C005",
        name: "principle-without-rule",
        summary: "A principle states no MUST or SHOULD rule",
        severity: Warning,
        fix: Never,
        target: Constitution,
    }
}

/// Words that make a sentence a rule even without RFC 2119 capitals.
const RULE_WORDS: [&str; 6] = ["must", "should", "shall", "never", "always", "required"];

impl PrincipleWithoutRule {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        if !matches!(
            constitution.generation,
            Generation::SpecKit | Generation::SpecKitLegacy
        ) {
            return;
        }
        for principle in &constitution.principles {
            if !principle.statements.is_empty()
                || has_cjk(principle.body.value)
                || has_rule_word(principle.heading.value)
                || has_rule_word(principle.body.value)
                // A principle still in template form is C006's finding.
                || !placeholders(principle.name).is_empty()
                || !placeholders(principle.body).is_empty()
            {
                continue;
            }
            drop(
                cx.report(
                    principle.heading_span,
                    format!("principle `{}` states no rule", principle.name.value),
                )
                .help("say what MUST or SHOULD happen, so that plans can be checked against it"),
            );
        }
    }
}

fn has_rule_word(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|word| {
        RULE_WORDS
            .iter()
            .any(|rule| word.eq_ignore_ascii_case(rule))
    })
}

use speckit_model::{Constitution, Generation};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec-kit constitution without a `## Governance` section, or with
    /// an empty one. The plugin's template has no Governance section (its
    /// `## Evolution` plays that part) and is not checked.
    ///
    /// ## Why it matters
    /// Governance says how the constitution is amended, how versions are
    /// bumped and how compliance is reviewed. Without it, amendments happen
    /// by whoever edits the file last, and the version line means nothing.
    ///
    /// ## Example
    /// A constitution whose last section is `## Development Workflow`.
    ///
    /// Use instead:
    /// ```markdown
    /// ## Governance
    ///
    /// Amendments are made by pull request and need two maintainers'
    /// approval. Versions follow semantic versioning.
    /// ```
    pub(crate) MissingGovernance {
        code: "C008",
        name: "missing-governance",
        summary: "The constitution has no Governance section",
        severity: Warning,
        fix: Never,
        target: Constitution,
    }
}

impl MissingGovernance {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        if !matches!(
            constitution.generation,
            Generation::SpecKit | Generation::SpecKitLegacy
        ) {
            return;
        }
        match &constitution.governance {
            None => {
                let span = constitution.title.map_or(Span::empty(0), |title| title.span);
                drop(
                    cx.report(span, "the constitution has no `## Governance` section")
                        .help("add `## Governance`: how amendments are made, how the version is bumped, how compliance is reviewed"),
                );
            }
            Some(section) if section.blank => drop(
                cx.report(section.heading_span, "`## Governance` is empty")
                    .help("say how amendments are made, how the version is bumped and how compliance is reviewed"),
            ),
            Some(_) => {}
        }
    }
}

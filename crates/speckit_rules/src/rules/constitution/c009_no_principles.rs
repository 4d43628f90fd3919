use speckit_model::Constitution;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A constitution without principles: no `## Core Principles` section,
    /// or one without `###` principle headings under it.
    ///
    /// ## Why it matters
    /// The principles are what plans are checked against. A constitution
    /// without them gives the Constitution Check of every plan nothing to
    /// check.
    ///
    /// ## Example
    /// ```markdown
    /// ## Core Principles
    ///
    /// Keep it simple and test everything.
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Core Principles
    ///
    /// ### I. Simplicity
    /// A feature MUST NOT add a service without a Complexity Tracking entry.
    ///
    /// ### II. Test-First
    /// Every behaviour change MUST start with a failing test.
    /// ```
    pub(crate) NoPrinciples {
        code: "C009",
        name: "no-principles",
        summary: "The constitution has no principles",
        severity: Warning,
        fix: Never,
        target: Constitution,
    }
}

impl NoPrinciples {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        if !constitution.principles.is_empty() {
            return;
        }
        match &constitution.core_principles {
            Some(section) => drop(
                cx.report(
                    section.heading_span,
                    "`## Core Principles` holds no `###` principles",
                )
                .help("give each principle its own `### I. Name` heading with its rules below"),
            ),
            None => {
                let span = constitution
                    .title
                    .map_or(Span::empty(0), |title| title.span);
                drop(
                    cx.report(span, "the constitution has no `## Core Principles` section")
                        .help(
                            "add `## Core Principles` with one `### I. Name` heading per principle",
                        ),
                );
            }
        }
    }
}

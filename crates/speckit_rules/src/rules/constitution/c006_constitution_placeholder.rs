use speckit_md::lex;
use speckit_model::{Constitution, Generation};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{PlaceholderKind, placeholders};

declare_rule! {
    /// ## What it checks
    /// Template slots left in a constitution: spec-kit's `[PROJECT_NAME]`,
    /// `[PRINCIPLE_1_NAME]`, `[SECTION_2_CONTENT]`, `[GOVERNANCE_RULES]`,
    /// `[CONSTITUTION_VERSION]`, `[RATIFICATION_DATE]`, …; the plugin's
    /// `YYYY-MM-DD` in the footer and `{…}` slots. Code and HTML comments
    /// (the template's guidance, the Sync Impact Report) are not read.
    ///
    /// ## Why it matters
    /// Every plan is checked against the constitution. A principle called
    /// `[PRINCIPLE_3_NAME]` is a rule nobody wrote, and agents fill such
    /// gaps with whatever they guess.
    ///
    /// ## Example
    /// ```markdown
    /// ### [PRINCIPLE_2_NAME]
    /// [PRINCIPLE_2_DESCRIPTION]
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### II. Test-First (NON-NEGOTIABLE)
    /// Every behaviour change MUST start with a failing test.
    /// ```
    pub(crate) ConstitutionPlaceholder {
        code: "C006",
        name: "constitution-placeholder",
        summary: "Template placeholder text is left in the constitution",
        severity: Warning,
        fix: Never,
        target: Constitution,
    }
}

impl ConstitutionPlaceholder {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        let document = cx.document;
        // The template's guidance lives in comments and examples in code.
        let skipped: Vec<Span> = document.tree.code_and_html_spans();
        let footer = constitution.version.as_ref().map(|line| line.span);
        let plugin = constitution.generation == Generation::Plugin;
        let whole = Span::new(0, u32::try_from(document.text.len()).unwrap_or(u32::MAX));
        for line in lex::lines(&document.text, whole) {
            for placeholder in placeholders(line) {
                let at = placeholder.text.span.start;
                let in_footer = footer.is_some_and(|span| span.contains(at));
                let wanted = match placeholder.kind {
                    // `feature/[###-name]` describes branch names here.
                    PlaceholderKind::Bracket => !placeholder.text.value.starts_with("[###"),
                    PlaceholderKind::Token => true,
                    PlaceholderKind::Date => in_footer,
                    PlaceholderKind::Curly => plugin,
                };
                if !wanted || skipped.iter().any(|span| span.contains(at)) {
                    continue;
                }
                drop(
                    cx.report(
                        placeholder.text.span,
                        format!("`{}` is template text", placeholder.text.value),
                    )
                    .help("replace it with the project's own wording, or remove it"),
                );
            }
        }
    }
}

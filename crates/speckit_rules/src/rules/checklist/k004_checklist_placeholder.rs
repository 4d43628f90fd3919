use speckit_model::{Checklist, Text};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{PlaceholderKind, placeholders};

declare_rule! {
    /// ## What it checks
    /// Template text left in a checklist's title, header fields or items:
    /// `[CHECKLIST TYPE]`, `[FEATURE NAME]`, `[DATE]`, the plugin's
    /// `{Feature Name}`, `{Name}` and `YYYY-MM-DD`. In item texts only
    /// spec-kit's `[ALL CAPS]` slots count, since items legitimately quote
    /// `{id}`-style paths and formats. The sign-off block has a rule of its
    /// own (K008).
    ///
    /// ## Why it matters
    /// A checklist that still says `**Reviewed By**: {Name}` looks reviewed
    /// to anyone skimming it, but nobody signed it.
    ///
    /// ## Example
    /// ```markdown
    /// # Quality Checklist: {Feature Name}
    ///
    /// **Reviewed By**: {Name}
    /// ```
    /// Use instead:
    /// ```markdown
    /// # Quality Checklist: Shared Shopping List
    ///
    /// **Reviewed By**: Lena Hoffmann
    /// ```
    pub(crate) ChecklistPlaceholder {
        code: "K004",
        name: "checklist-placeholder",
        summary: "Template placeholder text is left in the checklist",
        severity: Warning,
        fix: Never,
        target: Checklist,
    }
}

impl ChecklistPlaceholder {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        let header = checklist
            .title
            .into_iter()
            .chain(checklist.metadata.iter().map(|field| field.value));
        for text in header {
            for placeholder in placeholders(text) {
                report(cx, placeholder.text);
            }
        }
        for item in &checklist.items {
            for placeholder in placeholders(item.text) {
                if placeholder.kind == PlaceholderKind::Bracket {
                    report(cx, placeholder.text);
                }
            }
        }
    }
}

fn report(cx: &mut RuleContext<'_>, slot: Text<'_>) {
    drop(
        cx.report(slot.span, format!("`{}` is template text", slot.value))
            .help("replace it with the real value"),
    );
}

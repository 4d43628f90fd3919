use speckit_model::Checklist;
use speckit_model::checklist::ChecklistKind;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

/// spec-kit's soft cap on items per generated checklist.
const MAX_ITEMS: usize = 40;

declare_rule! {
    /// ## What it checks
    /// A generated spec-kit checklist (one with `CHK` IDs) holding more than
    /// 40 items. The plugin's quality checklist, which is long by design,
    /// is not checked.
    ///
    /// ## Why it matters
    /// spec-kit caps a checklist at about 40 items and asks to merge
    /// near-duplicates and prioritise by risk. A longer list gets ticked
    /// without being read, which defeats its purpose.
    ///
    /// ## Example
    /// A `checklists/security.md` with `CHK001` … `CHK058`.
    ///
    /// Use instead: merge items that ask the same question, drop low-risk
    /// ones, or split the checklist by domain (`security.md`, `privacy.md`).
    pub(crate) TooManyItems {
        code: "K005",
        name: "too-many-items",
        summary: "A generated checklist has more than 40 items",
        severity: Info,
        fix: Never,
        target: Checklist,
    }
}

impl TooManyItems {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        let count = checklist.items.len();
        if checklist.kind != ChecklistKind::Custom || count <= MAX_ITEMS {
            return;
        }
        let span = checklist.title.map_or(Span::empty(0), |title| title.span);
        drop(
            cx.report(
                span,
                format!("the checklist has {count} items; spec-kit keeps at most {MAX_ITEMS}"),
            )
            .help("merge near-duplicates, drop low-risk items or split the checklist by domain"),
        );
    }
}

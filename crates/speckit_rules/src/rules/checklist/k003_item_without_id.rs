use speckit_model::Checklist;
use speckit_model::checklist::ChecklistKind;
use speckit_text::Edit;

use super::chk_number;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An item without a `CHK` ID in a checklist whose other items have
    /// one (spec-kit's generated domain checklists). The built-in
    /// `requirements.md` and the plugin's quality checklist have no IDs and
    /// are not checked.
    ///
    /// ## Why it matters
    /// The ID is how reviews, notes and later runs refer to an item, and
    /// spec-kit appends new items after the largest ID. An item without one
    /// cannot be referred to and is usually a hand-added line.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] CHK006 - Is the retry limit specified? [Gap]
    /// - [ ] Are timeouts defined for the import? [Completeness]
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] CHK006 - Is the retry limit specified? [Gap]
    /// - [ ] CHK007 - Are timeouts defined for the import? [Completeness]
    /// ```
    ///
    /// ## Fix
    /// Each item without an ID gets the next free one after the largest ID
    /// of the file, in file order, written the way the file's other items
    /// write theirs (`CHK007 - ` or `CHK007 `). Existing IDs are not
    /// touched, as spec-kit's append rule asks.
    pub(crate) ItemWithoutId {
        code: "K003",
        name: "item-without-id",
        summary: "A checklist item has no CHK ID",
        severity: Warning,
        fix: Always,
        target: Checklist,
    }
}

impl ItemWithoutId {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        if checklist.kind != ChecklistKind::Custom {
            return;
        }
        let mut next = checklist
            .items
            .iter()
            .filter_map(|item| chk_number(item.id?.value))
            .max()
            .unwrap_or(0);
        // Follow the file's own style: `CHK001 - text` or `CHK001 text`.
        let dashed = checklist.items.iter().find_map(|item| {
            let id = item.id?;
            let after = cx.document.text.get(id.span.end as usize..)?;
            Some(after.starts_with(" - ") || after.starts_with(" – ") || after.starts_with(" — "))
        });
        let separator = if dashed.unwrap_or(true) { " - " } else { " " };
        for item in &checklist.items {
            if item.id.is_some() {
                continue;
            }
            next += 1;
            let id = format!("CHK{next:03}");
            drop(
                cx.report(item.span, "this item has no `CHK` ID")
                    .help(format!("give it the next free ID, `{id}`"))
                    .safe_fix(
                        format!("number it `{id}`"),
                        vec![Edit::insert(
                            item.text.span.start,
                            format!("{id}{separator}"),
                        )],
                    ),
            );
        }
    }
}

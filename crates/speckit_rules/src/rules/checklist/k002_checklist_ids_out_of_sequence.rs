use speckit_model::{Checklist, Text};

use super::chk_number;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `CHK` IDs that skip numbers (`CHK004` followed by `CHK007`) or go
    /// backwards through the file (`CHK003` after `CHK012`). Each gap is
    /// reported once, going backwards once per file; repeated IDs are K001's.
    ///
    /// ## Why it matters
    /// spec-kit numbers items from `CHK001` in file order and appends after
    /// the largest ID. A gap usually means a deleted item; going backwards
    /// means items were merged from two runs, and the next free ID is easy
    /// to get wrong. Neither breaks anything, hence the low severity.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] CHK004 - Is the retry limit specified? [Gap]
    /// - [ ] CHK007 - Are error messages defined? [Completeness]
    /// ```
    /// Use instead: number the items `CHK004`, `CHK005`, … in file order.
    pub(crate) ChecklistIdsOutOfSequence {
        code: "K002",
        name: "checklist-ids-out-of-sequence",
        summary: "Checklist IDs skip numbers or go backwards",
        severity: Info,
        fix: Never,
        target: Checklist,
    }
}

impl ChecklistIdsOutOfSequence {
    fn run(&self, checklist: &Checklist<'_>, cx: &mut RuleContext<'_>) {
        let numbered: Vec<(Text<'_>, u32)> = checklist
            .items
            .iter()
            .filter_map(|item| {
                let id = item.id?;
                Some((id, chk_number(id.value)?))
            })
            .collect();
        let mut highest: Option<(Text<'_>, u32)> = None;
        for &(id, number) in &numbered {
            match highest {
                Some((top, top_number)) if number < top_number => {
                    drop(
                        cx.report(
                            id.span,
                            format!("`{}` comes after `{}`", id.value, top.value),
                        )
                        .label(top.span, "higher ID earlier")
                        .help("number the items in file order"),
                    );
                    break;
                }
                Some((_, top_number)) if number <= top_number => {}
                _ => highest = Some((id, number)),
            }
        }
        let mut numbers: Vec<u32> = numbered.iter().map(|&(_, number)| number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        for pair in numbers.windows(2) {
            let [before, after] = pair else {
                continue;
            };
            if after - before <= 1 {
                continue;
            }
            let Some(&(id, _)) = numbered.iter().find(|&&(_, number)| number == *after) else {
                continue;
            };
            let missing = if after - before == 2 {
                format!("`CHK{:03}` is missing", before + 1)
            } else {
                format!(
                    "`CHK{:03}` to `CHK{:03}` are missing",
                    before + 1,
                    after - 1
                )
            };
            drop(
                cx.report(
                    id.span,
                    format!(
                        "the IDs skip from `CHK{before:03}` to `{}`: {missing}",
                        id.value
                    ),
                )
                .help("renumber the items so that the IDs follow each other"),
            );
        }
    }
}

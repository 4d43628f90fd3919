use speckit_model::Spec;
use speckit_model::spec::{Requirement, RequirementKind};

use super::definitions;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Requirement or success-criterion IDs of one kind that skip numbers
    /// (`FR-004` followed by `FR-007`, with `FR-005` and `FR-006` nowhere) or
    /// that go backwards through the document (`FR-020` after `FR-057`).
    /// Each gap is reported once, and going backwards once per kind.
    /// Suffixed IDs (`FR-010a`) count as their number, and a jump of several
    /// numbers to a multiple of ten (`FR-061` → `FR-100`) starts a new block.
    ///
    /// ## Why it matters
    /// A gap usually means a requirement was deleted or never written, and
    /// readers cannot tell which; going backwards means requirements were
    /// moved or added by hand, so the next free ID is easy to get wrong.
    /// Neither breaks anything, hence the low severity.
    ///
    /// ## Example
    /// ```markdown
    /// - **FR-004**: Users MUST be able to delete a recipe
    /// - **FR-007**: Users MUST be able to search recipes
    /// ```
    /// Use instead: number them `FR-004`, `FR-005`, or keep the withdrawn
    /// ones struck through (`~~**FR-005**: …~~`) so the gap is explained.
    pub(crate) RequirementIdsOutOfSequence {
        code: "R009",
        name: "requirement-ids-out-of-sequence",
        summary: "Requirement IDs skip numbers or go backwards",
        severity: Info,
        fix: Never,
        target: Spec,
    }
}

const KINDS: [RequirementKind; 4] = [
    RequirementKind::Functional,
    RequirementKind::NonFunctional,
    RequirementKind::Technical,
    RequirementKind::SuccessCriterion,
];

/// `FR-012` → (`FR-`, 12, 3 digits); `FR-010a` → (`FR-`, 10, 3).
fn split_id(id: &str) -> Option<(&str, u32, usize)> {
    let dash = id.find('-')?;
    let prefix = id.get(..=dash)?;
    let digits = id.get(dash + 1..)?;
    let width = digits.bytes().take_while(u8::is_ascii_digit).count();
    let number = digits.get(..width)?.parse().ok()?;
    Some((prefix, number, width))
}

impl RequirementIdsOutOfSequence {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        for kind in KINDS {
            let numbered: Vec<(&Requirement<'_>, &str, u32, usize)> = definitions(spec)
                .filter(|requirement| requirement.kind == kind)
                .filter_map(|requirement| {
                    let (prefix, number, width) = split_id(requirement.id.value)?;
                    Some((requirement, prefix, number, width))
                })
                .collect();
            self.backwards(&numbered, cx);
            self.gaps(&numbered, cx);
        }
    }

    fn backwards(
        &self,
        numbered: &[(&Requirement<'_>, &str, u32, usize)],
        cx: &mut RuleContext<'_>,
    ) {
        let mut highest: Option<(&Requirement<'_>, u32)> = None;
        for &(requirement, _, number, _) in numbered {
            match highest {
                Some((top, top_number)) if number < top_number => {
                    drop(
                        cx.report(
                            requirement.id.span,
                            format!("`{}` comes after `{}`", requirement.id.value, top.id.value),
                        )
                        .label(top.id.span, "higher ID earlier")
                        .help("keep IDs in document order; later additions go at the end"),
                    );
                    return;
                }
                Some((_, top_number)) if number <= top_number => {}
                _ => highest = Some((requirement, number)),
            }
        }
    }

    fn gaps(&self, numbered: &[(&Requirement<'_>, &str, u32, usize)], cx: &mut RuleContext<'_>) {
        let mut numbers: Vec<u32> = numbered.iter().map(|&(_, _, number, _)| number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        for pair in numbers.windows(2) {
            let [before, after] = pair else {
                continue;
            };
            // Jumping to a round number (`FR-061` → `FR-100`) starts a new
            // block of IDs on purpose.
            if after - before <= 1 || (after % 10 == 0 && after - before > 2) {
                continue;
            }
            let Some(&(requirement, prefix, _, width)) =
                numbered.iter().find(|&&(_, _, number, _)| number == *after)
            else {
                continue;
            };
            let first_missing = before + 1;
            let last_missing = after - 1;
            let missing = if first_missing == last_missing {
                format!("`{prefix}{first_missing:0width$}` is missing")
            } else {
                format!(
                    "`{prefix}{first_missing:0width$}` to `{prefix}{last_missing:0width$}` are missing"
                )
            };
            drop(
                cx.report(
                    requirement.id.span,
                    format!("the IDs skip from `{prefix}{before:0width$}` to `{}`: {missing}", requirement.id.value),
                )
                .help("renumber, or keep withdrawn requirements struck through so the gap is explained"),
            );
        }
    }
}

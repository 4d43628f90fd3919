use speckit_model::Plan;
use speckit_model::plan::KnownSection;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// Seed-template sections (plugin layout) that appear out of the
    /// template's order. The sections kept in place are the longest run that
    /// is already in order; the others are reported, each with the section it
    /// should come before.
    ///
    /// ## Why it matters
    /// Every plugin plan has the same shape, so readers and reviewers know
    /// where to look. Tools find sections by name, so this is about reading,
    /// not parsing.
    ///
    /// ## Example
    /// ```markdown
    /// ## Architecture Overview
    /// ## Data Models
    /// ## File Structure
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## Architecture Overview
    /// ## File Structure
    /// ## Data Models
    /// ```
    pub(crate) SeedSectionOutOfOrder {
        code: "P002",
        name: "seed-section-out-of-order",
        summary: "Seed template sections are not in the template's order",
        severity: Info,
        fix: Never,
        target: Plan,
    }
}

impl SeedSectionOutOfOrder {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        // First occurrence of each seed section; duplicates are another rule's.
        let mut seen = [false; 20];
        let mut sections: Vec<(usize, &KnownSection<'_>)> = Vec::with_capacity(20);
        for known in plan.seed_sections() {
            let Some(index) = known.key.seed_index() else {
                continue;
            };
            if let Some(slot) = seen.get_mut(index)
                && !*slot
            {
                *slot = true;
                sections.push((index, known));
            }
        }
        let keep = longest_increasing(&sections);
        for (position, (index, known)) in sections.iter().enumerate() {
            if keep.get(position).copied().unwrap_or(true) {
                continue;
            }
            // The first kept section that the template puts after this one.
            let before = sections
                .iter()
                .zip(&keep)
                .find(|((other, _), kept)| **kept && other > index)
                .map(|((_, other), _)| other.key.title());
            let help = match before {
                Some(title) => format!("move it before `## {title}`"),
                None => "move it after the other template sections".to_string(),
            };
            drop(
                cx.report(
                    known.section.heading_span,
                    format!(
                        "`## {}` is out of the seed template's order (it is section {} there)",
                        known.key.title(),
                        index + 1
                    ),
                )
                .help(help),
            );
        }
    }
}

/// Marks the members of one longest strictly increasing run of template
/// positions (at most twenty sections, so the quadratic search is cheap).
fn longest_increasing(sections: &[(usize, &KnownSection<'_>)]) -> Vec<bool> {
    let count = sections.len();
    let mut length = vec![1usize; count];
    let mut previous: Vec<Option<usize>> = vec![None; count];
    for current in 0..count {
        for earlier in 0..current {
            let (Some((a, _)), Some((b, _))) = (sections.get(earlier), sections.get(current))
            else {
                continue;
            };
            let candidate = length.get(earlier).copied().unwrap_or(1) + 1;
            if a < b && candidate > length.get(current).copied().unwrap_or(1) {
                if let Some(slot) = length.get_mut(current) {
                    *slot = candidate;
                }
                if let Some(slot) = previous.get_mut(current) {
                    *slot = Some(earlier);
                }
            }
        }
    }
    let mut keep = vec![false; count];
    let mut cursor = length
        .iter()
        .enumerate()
        .max_by_key(|&(index, len)| (*len, std::cmp::Reverse(index)))
        .map(|(index, _)| index);
    while let Some(index) = cursor {
        if let Some(slot) = keep.get_mut(index) {
            *slot = true;
        }
        cursor = previous.get(index).copied().flatten();
    }
    keep
}

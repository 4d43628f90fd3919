use std::cmp::Ordering;

use speckit_model::{Constitution, Principle};

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two principles with the same name (compared ignoring ASCII case) or
    /// the same number (`### III.` twice).
    ///
    /// ## Why it matters
    /// Plans and analysis refer to principles by number and name
    /// ("violates Constitution III"). With two of them, such a reference is
    /// ambiguous, and usually one of the two is a leftover from an edit.
    ///
    /// ## Example
    /// ```markdown
    /// ### III. Simplicity
    /// …
    /// ### III. Observability
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### III. Simplicity
    /// …
    /// ### IV. Observability
    /// ```
    pub(crate) DuplicatePrinciple {
        code: "C010",
        name: "duplicate-principle",
        summary: "Two principles share a name or a number",
        severity: Warning,
        fix: Never,
        target: Constitution,
    }
}

fn compare_names(left: &Principle<'_>, right: &Principle<'_>) -> Ordering {
    let left = left
        .name
        .value
        .trim()
        .bytes()
        .map(|byte| byte.to_ascii_lowercase());
    let right = right
        .name
        .value
        .trim()
        .bytes()
        .map(|byte| byte.to_ascii_lowercase());
    left.cmp(right)
}

impl DuplicatePrinciple {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        let principles = &constitution.principles;
        let mut by_name: Vec<&Principle<'_>> = principles.iter().collect();
        // Stable sorts keep the first principle of each name or number first.
        by_name.sort_by(|left, right| compare_names(left, right));
        for pair in by_name.windows(2) {
            if let [first, second] = pair
                && !first.name.value.trim().is_empty()
                && compare_names(first, second) == Ordering::Equal
            {
                drop(
                    cx.report(
                        second.heading_span,
                        format!(
                            "principle `{}` is already defined",
                            second.name.value.trim()
                        ),
                    )
                    .label(first.heading_span, "first defined here")
                    .help("merge the two principles, or rename one"),
                );
            }
        }
        let mut by_number: Vec<(u32, &Principle<'_>)> = principles
            .iter()
            .filter_map(|principle| Some((principle.ordinal?, principle)))
            .collect();
        by_number.sort_by_key(|(ordinal, _)| *ordinal);
        for pair in by_number.windows(2) {
            if let [(first_number, first), (second_number, second)] = pair
                && first_number == second_number
                && compare_names(first, second) != Ordering::Equal
            {
                let number = second.number.map_or("", |number| number.value);
                drop(
                    cx.report(
                        second.heading_span,
                        format!("principle number {number} is already used"),
                    )
                    .label(first.heading_span, "first used here")
                    .help("number the principles I, II, III, … without repeats"),
                );
            }
        }
    }
}

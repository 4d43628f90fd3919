use speckit_model::Model;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two sibling sections with the same heading text (for example two
    /// `### Edge Cases` under one `##`).
    ///
    /// ## Why it matters
    /// Usually a copy-paste slip or a merge left both versions. Readers and
    /// tools that look a section up by name see only the first one, so the
    /// second is silently ignored.
    ///
    /// ## Example
    /// ```markdown
    /// ## Risks
    /// …
    /// ## Risks
    /// ```
    /// Use instead: merge the two sections, or give them distinct titles.
    ///
    /// OpenSpec delta headings (`## ADDED Requirements`, `## MODIFIED
    /// Requirements`, …) may repeat: a change that touches several
    /// capabilities writes one delta block per capability.
    pub(crate) DuplicateHeading {
        code: "S008",
        name: "duplicate-heading",
        summary: "Two sibling sections have the same heading",
        severity: Warning,
        fix: Never,
        target: Any,
    }
}

impl DuplicateHeading {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let document = cx.document;
        let tree = &document.tree;
        let mut found = Vec::new();
        // Cleared for each parent: one buffer for the whole document.
        let mut seen: Vec<(&str, speckit_md::SectionId)> = Vec::new();
        for (index, _) in tree.sections().iter().enumerate() {
            let parent = speckit_md::SectionId(u32::try_from(index).unwrap_or(0));
            seen.clear();
            for child in tree.child_sections(parent) {
                let title = document.section_title(child).value.trim();
                if title.is_empty() || is_delta_heading(title) {
                    continue;
                }
                match seen
                    .iter()
                    .find(|(other, _)| other.eq_ignore_ascii_case(title))
                {
                    Some((_, first)) => found.push((child, *first, title)),
                    None => seen.push((title, child)),
                }
            }
        }
        for (duplicate, first, title) in found {
            let span = document.section_heading_span(duplicate);
            let first_span = document.section_heading_span(first);
            drop(
                cx.report(
                    span,
                    format!("`{}` appears twice in the same section", shown(title)),
                )
                .label(first_span, "first here")
                .help("merge the two sections or rename one"),
            );
        }
    }
}

/// A title as the message quotes it: a heading written as code (`` `GET
/// /items` ``) would otherwise be quoted twice.
fn shown(title: &str) -> std::borrow::Cow<'_, str> {
    if title.contains('`') {
        title.replace('`', "").into()
    } else {
        title.into()
    }
}

/// The delta section names of `OpenSpec` changes.
fn is_delta_heading(title: &str) -> bool {
    // Every verb starts with `A`, `M` or `R`: most titles stop here.
    if !matches!(title.as_bytes().first(), Some(b'A' | b'M' | b'R')) {
        return false;
    }
    ["ADDED", "MODIFIED", "REMOVED", "RENAMED"]
        .iter()
        .any(|verb| {
            title
                .strip_prefix(verb)
                .is_some_and(|rest| rest.trim().eq_ignore_ascii_case("Requirements"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_in_a_title_is_quoted_once() {
        assert_eq!(shown("`GET /api/items`"), "GET /api/items");
        assert_eq!(shown("The `items` table"), "The items table");
        assert_eq!(shown("Edge Cases"), "Edge Cases");
    }

    #[test]
    fn delta_headings_are_the_four_verbs_before_requirements() {
        for (title, delta) in [
            ("ADDED Requirements", true),
            ("MODIFIED requirements", true),
            ("REMOVED  Requirements ", true),
            ("RENAMED Requirements", true),
            ("RENAMEDRequirements", true),
            ("Added Requirements", false),
            ("ADDED", false),
            ("Overview", false),
            ("", false),
            ("éADDED Requirements", false),
        ] {
            assert_eq!(is_delta_heading(title), delta, "{title}");
        }
    }
}

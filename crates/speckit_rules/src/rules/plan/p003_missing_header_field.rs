use speckit_model::{MetaField, Plan};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_seed, join_words};

declare_rule! {
    /// ## What it checks
    /// A seed-template plan (plugin layout) whose header lacks one of its five
    /// fields, or leaves one empty: `**Spec Reference**`, `**Status**`,
    /// `**Author**`, `**Created**`, `**Last Updated**`.
    ///
    /// ## Why it matters
    /// The header ties the plan to its spec and says who wrote it and when;
    /// `speckit status` and the analyze command read these fields.
    ///
    /// ## Example
    /// ```markdown
    /// # Implementation Plan: Saved Searches
    ///
    /// **Spec Reference**: [spec.md](./spec.md)
    /// **Status**: Draft
    /// ```
    /// Use instead:
    /// ```markdown
    /// # Implementation Plan: Saved Searches
    ///
    /// **Spec Reference**: [spec.md](./spec.md)
    /// **Status**: Draft
    /// **Author**: Dana Ito
    /// **Created**: 2026-04-02
    /// **Last Updated**: 2026-04-02
    /// ```
    pub(crate) MissingHeaderField {
        code: "P003",
        name: "missing-plan-header-field",
        summary: "A header field of the seed plan is missing or empty",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl MissingHeaderField {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let header = &plan.header;
        let fields: [(&str, Option<MetaField<'_>>); 5] = [
            ("Spec Reference", header.spec_reference),
            ("Status", header.status),
            ("Author", header.author),
            ("Created", header.created),
            ("Last Updated", header.last_updated),
        ];
        let title = plan
            .title
            .map_or(speckit_text::Span::empty(0), |title| title.span);
        let mut missing = Vec::new();
        for (label, field) in fields {
            match field {
                None => missing.push(label),
                Some(field) if field.value.value.trim().is_empty() => drop(
                    cx.report(field.label.span, format!("`**{label}**` has no value"))
                        .help("fill it in as the seed template's header shows"),
                ),
                Some(_) => {}
            }
        }
        if !missing.is_empty() {
            let quoted: Vec<String> = missing
                .iter()
                .map(|label| format!("`**{label}**`"))
                .collect();
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            let list = join_words(&quoted, "and");
            let noun = if missing.len() == 1 {
                "field"
            } else {
                "fields"
            };
            drop(
                cx.report(title, format!("the plan header lacks the {list} {noun}"))
                    .help("the seed header is Spec Reference, Status, Author, Created and Last Updated, one per line under the title"),
            );
        }
    }
}

use speckit_model::{Plan, Text};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{LEVELS, is_any_unchosen, is_choice, is_placeholder, is_seed};

declare_rule! {
    /// ## What it checks
    /// A `Complexity` cell of Files to Create or an `Impact` cell of Files to
    /// Modify that is not `Low`, `Med` or `High` (`Medium` is accepted too;
    /// letter case, emphasis and a trailing `(…)` note are ignored). Blank
    /// rows are P010's and the template's `Low/Med/High` is P008's.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Complexity and impact are compared across files to plan reviews and
    /// order tasks; a free-text or missing value cannot be compared.
    ///
    /// ## Example
    /// ```markdown
    /// | `src/search/index.ts` | Search entry point | easy |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | `src/search/index.ts` | Search entry point | Low |
    /// ```
    pub(crate) InvalidFileComplexity {
        code: "P017",
        name: "invalid-file-complexity",
        summary: "A Complexity or Impact value is not Low, Med or High",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl InvalidFileComplexity {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(files) = &plan.file_structure else {
            return;
        };
        let mut cells: Vec<(Text<'_>, speckit_text::Span, &str, &str)> = Vec::new();
        for row in files.files_to_create.iter().flat_map(|table| &table.rows) {
            if !row.blank {
                cells.push((row.complexity, row.span, "Complexity", row.path.value));
            }
        }
        for row in files.files_to_modify.iter().flat_map(|table| &table.rows) {
            if !row.blank {
                cells.push((row.impact, row.span, "Impact", row.path.value));
            }
        }
        for (value, row, label, path) in cells {
            let text = value.value;
            if is_choice(text, LEVELS) || is_any_unchosen(text) || is_placeholder(value) {
                continue;
            }
            let path = speckit_model::strip_markup(path);
            let message = if text.trim().is_empty() {
                format!("`{path}` has no {label}")
            } else {
                format!("{label} `{text}` of `{path}` is not Low, Med or High")
            };
            let span = if text.trim().is_empty() {
                row
            } else {
                value.span
            };
            drop(cx.report(span, message).help("use Low, Med or High"));
        }
    }
}

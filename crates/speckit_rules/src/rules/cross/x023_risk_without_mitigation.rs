use speckit_md::{MdTree, NodeId, NodeKind, SectionId};
use speckit_model::{DocKind, Text, strip_markup};
use speckit_text::Spanned;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A row of a risk table — a table of the feature's spec, plan, tasks
    /// or research with a `Risk` column and a `Mitigation` (or `Mitigation
    /// Strategy`) column, such as the seed plan's Risk Mitigation, the
    /// plugin spec's Risks and Mitigation or the tasks' Risk Register —
    /// that names a risk but leaves its mitigation empty, a dash, `TBD`,
    /// `TODO` or `?`. Rows without a risk (blank template rows) are left to
    /// the document rules.
    ///
    /// ## Why it matters
    /// A risk written down without a mitigation is a known problem nobody
    /// planned for: when it happens, the team improvises under pressure,
    /// and reviewers cannot judge whether the plan accepted it on purpose.
    ///
    /// ## Example
    /// ```markdown
    /// | Risk | Mitigation Strategy | Status |
    /// |------|---------------------|--------|
    /// | Two members tick the same item offline | TBD | Not Started |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Two members tick the same item offline | Last write wins; the other sees a notice | Not Started |
    /// ```
    pub(crate) RiskWithoutMitigation {
        code: "X023",
        name: "risk-without-mitigation",
        summary: "A risk has no mitigation",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl RiskWithoutMitigation {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let mut evaluated = 0;
        for (document, _) in &feature.view.documents {
            if !matches!(
                document.kind,
                DocKind::Spec | DocKind::Plan | DocKind::Tasks | DocKind::Research
            ) {
                continue;
            }
            let tree = &document.tree;
            for block in tree.section_all_blocks(SectionId::DOCUMENT) {
                // The header decides: only a risk table is read whole.
                if !matches!(tree.kind(block), NodeKind::Table { .. }) {
                    continue;
                }
                let Some((risk_column, mitigation_column)) =
                    risk_columns(&table_header(tree, &document.text, block))
                else {
                    continue;
                };
                let Some(table) = tree.table(&document.text, block) else {
                    continue;
                };
                for row in &table.rows {
                    let risk = row.cell(risk_column);
                    if is_empty_cell(risk) || risk.starts_with(['{', '[']) {
                        continue;
                    }
                    evaluated += 1;
                    if !is_empty_cell(row.cell(mitigation_column)) {
                        continue;
                    }
                    drop(
                        cx.report(
                            document,
                            row.span,
                            format!(
                                "the risk \"{}\" has no mitigation",
                                strip_markup(risk).replace('`', "")
                            ),
                        )
                        .help("say how the risk is avoided, reduced or accepted, and by whom"),
                    );
                }
            }
        }
        cx.evaluated(feature, evaluated);
    }
}

/// The header cells of the table at `table`, as `MdTree::table` reads them.
fn table_header<'a>(tree: &MdTree, text: &'a str, table: NodeId) -> Vec<Text<'a>> {
    let mut header = Vec::new();
    for part in tree.children(table) {
        if tree.kind(part) == NodeKind::TableHead {
            header = tree
                .children(part)
                .filter(|&cell| tree.kind(cell) == NodeKind::TableCell)
                .map(|cell| Spanned::slice(text, tree.span(cell)).trim())
                .collect();
        }
    }
    header
}

/// The Risk and Mitigation columns of a table header.
fn risk_columns(header: &[speckit_model::Text<'_>]) -> Option<(usize, usize)> {
    let names: Vec<String> = header
        .iter()
        .map(|cell| strip_markup(cell.value).to_ascii_lowercase())
        .collect();
    let risk = names.iter().position(|name| name.starts_with("risk"))?;
    let mitigation = names
        .iter()
        .position(|name| name.starts_with("mitigation") || name == "how mitigated")?;
    (risk != mitigation).then_some((risk, mitigation))
}

/// Empty, a dash, `TBD`, `TODO`, `?`.
fn is_empty_cell(cell: &str) -> bool {
    let value = strip_markup(cell).trim();
    value.is_empty()
        || matches!(value, "-" | "—" | "–" | "?" | "??" | "???" | "...")
        || ["TBD", "TODO", "TBC"]
            .iter()
            .any(|word| value.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use speckit_text::Span;

    use super::*;

    #[test]
    fn columns_and_empty_cells() {
        let header = |names: &[&'static str]| -> Vec<speckit_model::Text<'static>> {
            names
                .iter()
                .map(|name| Spanned::new(*name, Span::default()))
                .collect()
        };
        assert_eq!(
            risk_columns(&header(&["Risk", "Impact", "Mitigation Strategy"])),
            Some((0, 2))
        );
        assert_eq!(
            risk_columns(&header(&["**Risk**", "Likelihood", "Mitigation", "Owner"])),
            Some((0, 2))
        );
        assert_eq!(risk_columns(&header(&["Risk", "Impact"])), None);
        assert!(is_empty_cell(" **TBD** "));
        assert!(is_empty_cell("—"));
        assert!(!is_empty_cell("Accept: low impact"));
    }
}

use speckit_md::{NodeId, NodeKind};
use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A table row whose cells are all blank, such as the seed template's
    /// empty rows under New Dependencies, Benchmarks or Error Recovery
    /// Strategies.
    ///
    /// ## Why it matters
    /// A blank row is a prompt that was never answered: the plan looks as if
    /// it lists dependencies or benchmarks when it lists none. If the table
    /// does not apply, say so instead.
    ///
    /// ## Example
    /// ```markdown
    /// | Package | Version | Purpose | Bundle Impact |
    /// |---------|---------|---------|---------------|
    /// |         |         |         |               |
    /// ```
    /// Use instead:
    /// ```markdown
    /// None: the feature only uses packages that are already installed.
    /// ```
    pub(crate) BlankTableRow {
        code: "P010",
        name: "blank-table-row",
        summary: "A table row has only blank cells",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl BlankTableRow {
    fn run(&self, _plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let doc = cx.document;
        let tree = &doc.tree;
        // Body rows only (the header is a `TableHead`), read straight from
        // the tree: building each table's cells would cost more than the test.
        for (index, node) in tree.nodes().iter().enumerate() {
            if node.kind != NodeKind::TableRow {
                continue;
            }
            let Ok(index) = u32::try_from(index) else {
                continue;
            };
            let blank = tree
                .children(NodeId(index))
                .filter(|&cell| tree.kind(cell) == NodeKind::TableCell)
                .all(|cell| cx.text(tree.span(cell)).trim().is_empty());
            if blank {
                drop(
                    cx.report(node.span, "blank table row").help(
                        "fill the row in, or delete it (write why the table is empty if it is)",
                    ),
                );
            }
        }
    }
}

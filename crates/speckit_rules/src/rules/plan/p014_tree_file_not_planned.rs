use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::files::{PathIndex, created, modified, tree_files};
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A file drawn in the `## File Structure` tree that is not listed under
    /// `### Files to Create` (nor under Files to Modify). Paths are compared
    /// from the tree's root down; a table path that ends with the tree path
    /// (or the other way round) matches. Entries with placeholders or a
    /// comment saying they already exist (`# existing`, `# modified`) are
    /// skipped, and so is a plan whose Files to Create table is empty.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The table is where each new file gets its purpose and complexity, and
    /// the tasks command builds tasks from it. A file only in the tree is
    /// easily built without anyone having thought about what it is for.
    ///
    /// ## Example
    /// ```markdown
    /// src/
    /// └── search/
    ///     ├── index.ts
    ///     └── ranking.ts
    /// ```
    /// with only `src/search/index.ts` under Files to Create. Add the row:
    /// ```markdown
    /// | `src/search/ranking.ts` | Orders results by relevance | Med |
    /// ```
    pub(crate) TreeFileNotPlanned {
        code: "P014",
        name: "tree-file-not-planned",
        summary: "A file in the File Structure tree is missing from Files to Create",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl TreeFileNotPlanned {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(files) = &plan.file_structure else {
            return;
        };
        let Some(tree) = &files.tree else {
            return;
        };
        let created = created(files);
        if created.is_empty() {
            return;
        }
        let planned = PathIndex::new(created.iter().map(|(path, _)| *path).chain(modified(files)));
        for file in tree_files(tree) {
            if planned.contains(&file.path) {
                continue;
            }
            drop(
                cx.report(
                    file.span,
                    format!(
                        "`{}` is in the File Structure tree but not in Files to Create",
                        file.path
                    ),
                )
                .help("add a Files to Create row with its purpose and complexity, or remove it from the tree"),
            );
        }
    }
}

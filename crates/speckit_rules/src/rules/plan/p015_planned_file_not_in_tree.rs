use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::files::{PathIndex, created, leaf_directories, tree_files};
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A path under `### Files to Create` that the `## File Structure` tree
    /// does not show. Paths match as in P014; a file inside a directory that
    /// the tree draws without children (`migrations/`) counts as shown.
    /// Plans without a tree are skipped.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The tree is the picture of the new code that reviewers look at; a
    /// file missing from it is usually one that was added to the table late
    /// and never placed, or one whose path in the table is mistyped.
    ///
    /// ## Example
    /// ```markdown
    /// | `src/search/ranker.ts` | Orders results by relevance | Med |
    /// ```
    /// while the tree shows `src/search/ranking.ts`. Make the two agree:
    /// ```markdown
    /// | `src/search/ranking.ts` | Orders results by relevance | Med |
    /// ```
    pub(crate) PlannedFileNotInTree {
        code: "P015",
        name: "planned-file-not-in-tree",
        summary: "A file in Files to Create is missing from the File Structure tree",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl PlannedFileNotInTree {
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
        let drawn = tree_files(tree);
        let index = PathIndex::new(drawn.iter().map(|file| file.path.as_str()));
        if index.is_empty() {
            return;
        }
        let leaves = leaf_directories(tree);
        for (path, span) in created {
            let in_leaf = leaves
                .iter()
                .any(|dir| path.starts_with(dir.as_str()) || path.contains(&format!("/{dir}")));
            if index.contains(path) || in_leaf {
                continue;
            }
            drop(
                cx.report(
                    span,
                    format!("`{path}` is in Files to Create but not in the File Structure tree"),
                )
                .help("draw it in the tree, or correct the path if it is mistyped"),
            );
        }
    }
}

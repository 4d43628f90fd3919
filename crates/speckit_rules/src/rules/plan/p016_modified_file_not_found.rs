use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::files::cell_path;
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A path under `### Files to Modify` that does not exist in the
    /// repository. Paths are read relative to the repository root, without
    /// back-ticks, a leading `./` or `/`, and a trailing `:12` or `#L12`.
    /// Cells that are not a single path (globs, several words, placeholders)
    /// are skipped.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Files to Modify lists existing code the feature changes. A path that
    /// does not exist is a typo, a file that was moved, or a file that really
    /// belongs under Files to Create; tasks built from it point nowhere.
    ///
    /// ## Example
    /// ```markdown
    /// | `src/server/events/bus.ts` | Add the item-changed event | Med |
    /// ```
    /// when the bus lives in `src/server/bus.ts`. Use the real path:
    /// ```markdown
    /// | `src/server/bus.ts` | Add the item-changed event | Med |
    /// ```
    pub(crate) ModifiedFileNotFound {
        code: "P016",
        name: "modified-file-not-found",
        summary: "A Files to Modify path does not exist in the repository",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl ModifiedFileNotFound {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(table) = plan
            .file_structure
            .as_ref()
            .and_then(|files| files.files_to_modify.as_ref())
        else {
            return;
        };
        // Without a repository around the plan nothing can be looked up.
        if !cx.files.exists(&cx.document.path) {
            return;
        }
        for row in &table.rows {
            let Some(path) = cell_path(row.path.value).map(without_location) else {
                continue;
            };
            if !cx.files.exists(path) {
                drop(
                    cx.report(
                        row.path.span,
                        format!("`{path}` does not exist in the repository"),
                    )
                    .help("correct the path, or move the file to Files to Create if it is new"),
                );
            }
        }
    }
}

/// `src/app.ts:42` and `src/app.ts#L42` → `src/app.ts`.
fn without_location(path: &str) -> &str {
    let path = path.split('#').next().unwrap_or(path);
    match path.rsplit_once(':') {
        Some((head, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => path,
    }
}

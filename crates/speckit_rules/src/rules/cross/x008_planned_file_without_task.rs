use speckit_model::Generation;
use speckit_text::Span;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;
use crate::rules::plan::files::cell_path;

declare_rule! {
    /// ## What it checks
    /// A path in the plan's `### Files to Create` or `### Files to Modify`
    /// table that no task names: tasks.md never writes the file's name, in
    /// a task's files or anywhere in its text (paths are compared by file
    /// name, since tables and tasks may start them at different roots). Cells that are not one path (globs, placeholders,
    /// several words) and directories are skipped. Checked for plans
    /// written on the seed plan template.
    ///
    /// ## Why it matters
    /// The file tables are the plan's promise of what will change in the
    /// repository. A file no task creates or touches is work the plan
    /// counted on and nobody was given: the feature arrives without it,
    /// or someone improvises it outside the plan.
    ///
    /// ## Example
    /// ```markdown
    /// | `src/server/lists/merge.ts` | Merge quantities of one ingredient | Med |
    /// ```
    /// in Files to Create, while no task mentions `merge.ts`. Use instead:
    /// list the file under the `**Files to Create/Modify:**` of the task
    /// that writes it.
    pub(crate) PlannedFileWithoutTask {
        code: "X008",
        name: "planned-file-without-task",
        summary: "A file the plan creates or modifies is named by no task",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl PlannedFileWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((_, tasks))) = (feature.plan(), feature.tasks())
        else {
            return;
        };
        if plan.generation != Generation::Plugin || tasks.tasks.is_empty() {
            return;
        }
        let Some(structure) = &plan.file_structure else {
            return;
        };
        let Some(files) = feature.task_files() else {
            return;
        };
        let mut planned: Vec<(&str, Span, &str)> = Vec::new();
        for row in structure
            .files_to_create
            .iter()
            .flat_map(|table| &table.rows)
        {
            if let Some(path) = cell_path(row.path.value) {
                planned.push((path, row.path.span, "creates"));
            }
        }
        for row in structure
            .files_to_modify
            .iter()
            .flat_map(|table| &table.rows)
        {
            if let Some(path) = cell_path(row.path.value) {
                planned.push((path, row.path.span, "modifies"));
            }
        }
        let mut evaluated = 0;
        for (path, span, verb) in planned {
            if path.ends_with('/') {
                continue;
            }
            evaluated += 1;
            if !files.covers(path) {
                drop(
                    cx.report(
                        plan_document,
                        span,
                        format!("the plan {verb} `{path}`, but no task names it"),
                    )
                    .help(format!(
                        "list `{path}` under the files of the task that {} it, or drop the row",
                        if verb == "creates" {
                            "writes"
                        } else {
                            "changes"
                        }
                    )),
                );
            }
        }
        cx.evaluated(feature, evaluated);
    }
}

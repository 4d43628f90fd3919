use speckit_model::{Document, Generation, TaskList};
use speckit_text::Span;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;
use crate::rules::plan::files::{PathIndex, cell_path};

declare_rule! {
    /// ## What it checks
    /// A path in the plan's `### Files to Create` or `### Files to Modify`
    /// table that no task names: no task lists it (or a path ending with
    /// it) under its files or in its text, and tasks.md never writes the
    /// file's name. Cells that are not one path (globs, placeholders,
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

/// The files the tasks of a feature name, for look-up by path.
pub(crate) struct TaskFiles<'a> {
    paths: PathIndex<'a>,
    text: &'a str,
}

impl<'a> TaskFiles<'a> {
    pub(crate) fn new(document: &'a Document, tasks: &'a TaskList<'a>) -> Self {
        TaskFiles {
            paths: PathIndex::new(
                tasks
                    .tasks
                    .iter()
                    .flat_map(|task| &task.files)
                    .filter_map(|file| cell_path(file.value)),
            ),
            text: &document.text,
        }
    }

    /// True when a task names `path`, or tasks.md writes its file name.
    pub(crate) fn covers(&self, path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.paths.contains(path) || self.text.contains(path) || self.text.contains(name)
    }
}

impl PlannedFileWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((tasks_document, tasks))) =
            (feature.plan(), feature.tasks())
        else {
            return;
        };
        if plan.generation != Generation::Plugin || tasks.tasks.is_empty() {
            return;
        }
        let Some(structure) = &plan.file_structure else {
            return;
        };
        let files = TaskFiles::new(tasks_document, tasks);
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

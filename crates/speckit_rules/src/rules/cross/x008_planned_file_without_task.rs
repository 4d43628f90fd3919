use std::collections::HashSet;

use speckit_model::{Document, Generation, TaskList};
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

/// The file names tasks.md writes, for look-up by path: the files of
/// every task and every path-like word of the document, by file name.
pub(crate) struct TaskFiles<'a> {
    names: HashSet<&'a str>,
}

impl<'a> TaskFiles<'a> {
    pub(crate) fn new(document: &'a Document, tasks: &'a TaskList<'a>) -> Self {
        let mut names: HashSet<&'a str> = tasks
            .tasks
            .iter()
            .flat_map(|task| &task.files)
            .map(|file| file_name(file.value))
            .collect();
        let words = document.text.split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '`' | '(' | ')' | '[' | ']' | ',' | ';' | '"' | '\'' | '*' | '|'
                )
        });
        names.extend(
            words
                .filter(|word| word.contains(['.', '/']))
                .map(file_name)
                .filter(|name| !name.is_empty()),
        );
        TaskFiles { names }
    }

    /// True when tasks.md names the file of `path` (by its file name: trees,
    /// tables and tasks may start paths at different roots).
    pub(crate) fn covers(&self, path: &str) -> bool {
        self.names.contains(file_name(path))
    }
}

/// The last part of a path, without a trailing `:12`, `#L12` or
/// sentence punctuation.
fn file_name(path: &str) -> &str {
    let path = path.split('#').next().unwrap_or(path);
    let path = path.trim_end_matches(['.', ':', '!', '?']);
    let path = match path.rsplit_once(':') {
        Some((head, line)) if line.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => path,
    };
    path.rsplit('/').next().unwrap_or(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_folders_and_locations() {
        assert_eq!(file_name("src/notes/pins.ts"), "pins.ts");
        assert_eq!(file_name("src/notes/pins.ts:42"), "pins.ts");
        assert_eq!(file_name("pins.ts#L4"), "pins.ts");
        assert_eq!(file_name("see pins.ts."), "see pins.ts");
        assert_eq!(file_name("src/notes/"), "");
    }
}

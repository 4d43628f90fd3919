use rustc_hash::FxHashMap as HashMap;
use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two tasks marked `[P]` in the same phase that name the same file.
    ///
    /// ## Why it matters
    /// `[P]` promises the tasks can run at the same time, by different people
    /// or agents. Two of them editing one file will conflict: one overwrites
    /// the other, or their merge breaks.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T012 [P] Add the create route in src/routes/recipes.ts
    /// - [ ] T013 [P] Add the delete route in src/routes/recipes.ts
    /// ```
    /// Use instead: drop `[P]` from the second task (it then runs after the
    /// first), or split the file.
    ///
    /// Only names of files a task can edit count. The feature's own design
    /// documents that tasks cite as sources (`per data-model.md §2`,
    /// `contracts/api.md`), API routes (`/api/v1/items/:id`), folders and
    /// glob patterns are not reported.
    pub(crate) ParallelSameFile {
        code: "T008",
        name: "parallel-tasks-same-file",
        summary: "Two [P] tasks in one phase touch the same file",
        severity: Warning,
        fix: Never,
        target: Tasks,
    }
}

impl ParallelSameFile {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        // Per phase and edited file, the first parallel task touching it.
        let mut first_with: HashMap<(usize, &str), usize> =
            HashMap::with_capacity_and_hasher(tasks.tasks.len(), rustc_hash::FxBuildHasher);
        for (index, task) in tasks.tasks.iter().enumerate() {
            let Some(phase) = task.phase.filter(|_| task.parallel) else {
                continue;
            };
            let edited = || task.files.iter().filter(|file| is_edited_file(file.value));
            // The earliest parallel task of the phase that shares a file
            // (files first seen here now name this task).
            let other = edited()
                .map(|file| *first_with.entry((phase, file.value)).or_insert(index))
                .filter(|&first| first != index)
                .min()
                .and_then(|other| tasks.tasks.get(other));
            if let Some(other) = other
                && let Some(file) = edited()
                    .find(|file| other.files.iter().any(|theirs| theirs.value == file.value))
            {
                drop(
                    cx.report(
                        file.span,
                        format!(
                            "`{}` and `{}` are both [P] and both touch `{}`",
                            other.id.value, task.id.value, file.value
                        ),
                    )
                    .label(other.id.span, "the other parallel task")
                    .help("remove [P] from one of them so they run one after the other"),
                );
            }
        }
    }
}

const DESIGN_DOCUMENTS: [&str; 7] = [
    "spec.md",
    "plan.md",
    "research.md",
    "data-model.md",
    "quickstart.md",
    "tasks.md",
    "constitution.md",
];

/// Whether `path` names one file that a task would edit: not a folder, a
/// glob, a pattern or an API route, and not one of the feature's design
/// documents.
fn is_edited_file(path: &str) -> bool {
    let path = path.strip_prefix("./").unwrap_or(path);
    let name = memchr::memrchr(b'/', path.as_bytes())
        .and_then(|slash| path.get(slash + 1..))
        .unwrap_or(path);
    let Some(extension) = memchr::memrchr(b'.', name.as_bytes())
        .filter(|&dot| dot > 0)
        .and_then(|dot| name.get(dot + 1..))
    else {
        return false;
    };
    let pattern = path
        .bytes()
        .any(|byte| matches!(byte, b'*' | b'^' | b'\\' | b'$' | b'{' | b':'));
    // Design documents are Markdown: other names need no comparison.
    let design_document = extension.eq_ignore_ascii_case("md")
        && (DESIGN_DOCUMENTS.contains(&name)
            || ["contracts/", "checklists/"]
                .iter()
                .any(|folder| path.starts_with(folder)));
    !pattern && !design_document
}

//! Task commands over a workspace: progress per feature, and status changes
//! written to disk under a lock.

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::FileId;
use speckit_model::Document;
use speckit_model::tasks::{TaskList, TaskStatus};
use speckit_tasks::status::{ChangeOptions, StatusChange, StatusError, change_status};
use speckit_text::LineIndex;
use speckit_workspace::{Feature, Layout, Workspace, WorkspaceError, fs};

use crate::load::LoadError;

/// A failure of a task command.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TaskCommandError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("feature {dir} has no tasks.md")]
    NoTasks { dir: String },
    #[error(transparent)]
    Status(#[from] StatusError),
}

/// Reads and parses a feature's `tasks.md`, if it has one.
pub fn load_tasks(
    workspace: &Workspace,
    feature: &Feature,
) -> Result<Option<Document>, TaskCommandError> {
    let Some(entry) = feature.document("tasks.md") else {
        return Ok(None);
    };
    let bytes = fs::read_file(&workspace.path(&entry.path))?;
    Ok(Some(Document::parse(FileId(0), entry.path.clone(), bytes)))
}

/// Counts of tasks by status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Counts {
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub blocked: usize,
    pub todo: usize,
    pub skipped: usize,
}

impl Counts {
    fn add(&mut self, status: TaskStatus) {
        self.total += 1;
        match status {
            TaskStatus::Done => self.done += 1,
            TaskStatus::InProgress => self.in_progress += 1,
            TaskStatus::Blocked => self.blocked += 1,
            TaskStatus::Skipped => self.skipped += 1,
            TaskStatus::Todo | TaskStatus::Unknown => self.todo += 1,
        }
    }

    /// Done (and skipped) as a whole percentage of all tasks.
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        u32::try_from((self.done + self.skipped) * 100 / self.total).unwrap_or(100)
    }
}

/// Progress of one phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PhaseProgress {
    pub number: Option<String>,
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// Progress of one feature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FeatureProgress {
    pub layout: Layout,
    pub number: String,
    pub slug: String,
    pub dir: String,
    /// The tasks file, when the feature has one.
    pub tasks_file: Option<String>,
    #[serde(flatten)]
    pub counts: Counts,
    pub percent: u32,
    pub phases: Vec<PhaseProgress>,
    /// Tasks outside any phase heading.
    pub unphased: Counts,
}

/// Progress of each feature, read in parallel.
pub fn progress(
    workspace: &Workspace,
    features: &[&Feature],
) -> Result<Vec<FeatureProgress>, TaskCommandError> {
    features
        .par_iter()
        .map(|feature| feature_progress(workspace, feature))
        .collect()
}

fn feature_progress(
    workspace: &Workspace,
    feature: &Feature,
) -> Result<FeatureProgress, TaskCommandError> {
    let document = load_tasks(workspace, feature)?;
    let mut progress = FeatureProgress {
        layout: feature.layout,
        number: feature.number.clone(),
        slug: feature.slug.clone(),
        dir: feature.dir.clone(),
        tasks_file: document.as_ref().map(|document| document.path.clone()),
        counts: Counts::default(),
        percent: 0,
        phases: Vec::new(),
        unphased: Counts::default(),
    };
    let Some(document) = document else {
        return Ok(progress);
    };
    let list = TaskList::parse(&document);
    progress.phases = list
        .phases
        .iter()
        .map(|phase| PhaseProgress {
            number: phase.number.map(|number| number.value.to_string()),
            name: phase.name.value.to_string(),
            counts: Counts::default(),
        })
        .collect();
    for task in &list.tasks {
        progress.counts.add(task.status);
        match task.phase.and_then(|index| progress.phases.get_mut(index)) {
            Some(phase) => phase.counts.add(task.status),
            None => progress.unphased.add(task.status),
        }
    }
    progress.percent = progress.counts.percent();
    Ok(progress)
}

/// What a status change did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatusOutcome {
    pub path: String,
    pub task: String,
    pub from: TaskStatus,
    pub to: TaskStatus,
    /// False when the task already had that status.
    pub changed: bool,
    /// 1-based lines of the file that the change touched (before the edit).
    pub lines: Vec<u32>,
}

/// Changes a task's status in the feature's tasks file. The file is locked
/// for the read-compute-write cycle, so concurrent changes never lose each
/// other's edits; the write is atomic.
pub fn set_task_status(
    workspace: &Workspace,
    feature: &Feature,
    id: &str,
    change: StatusChange,
    options: ChangeOptions<'_>,
) -> Result<StatusOutcome, TaskCommandError> {
    let entry = feature
        .document("tasks.md")
        .ok_or_else(|| TaskCommandError::NoTasks {
            dir: feature.dir.clone(),
        })?;
    let path = workspace.path(&entry.path);
    let _lock = fs::FileLock::acquire(&path)?;
    let bytes = fs::read_file(&path)?;
    let document = Document::parse(FileId(0), entry.path.clone(), bytes);
    let list = TaskList::parse(&document);
    let edit = change_status(&document, &list, id, change, options)?;
    let index = LineIndex::new(&document.text);
    let mut lines: Vec<u32> = edit
        .edits
        .iter()
        .map(|edit| index.line_col(&document.text, edit.span.start).line)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let changed = !edit.edits.is_empty();
    if changed {
        fs::edit_file(&path, document.bytes(), &edit.edits)?;
    }
    Ok(StatusOutcome {
        path: entry.path.clone(),
        task: edit.task_id,
        from: edit.from,
        to: edit.to,
        changed,
        lines,
    })
}

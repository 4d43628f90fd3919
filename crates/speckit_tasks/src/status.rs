//! Status changes as lossless edits.
//!
//! One change updates every place that states the task's status and nothing
//! else:
//! - spec-kit lines: the checkbox mark (`[ ]` to do, `[~]` in progress, `[!]`
//!   blocked, `[X]` done — `x` if the file writes its done marks that way);
//! - plugin blocks: the `**Status**` value (emoji and words in the file's own
//!   style; a Status bullet is added if the block has none), the phase row and
//!   the total row of the Task Summary table (Completed and Remaining move by
//!   the change, so the file's own numbers stay consistent), and a Progress Log
//!   entry under today's date.
//!
//! A note (`--note`) becomes a sub-bullet of a spec-kit task and part of the
//! Progress Log entry of a plugin task.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::tasks::{
    Task, TaskFormat, TaskList, TaskStatus, normalize_task_id, status_from_items,
};
use speckit_model::{Document, MetaField};
use speckit_text::{Edit, Span};

/// The status commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatusChange {
    Start,
    Done,
    Block,
    Reset,
}

impl StatusChange {
    pub const fn target(self) -> TaskStatus {
        match self {
            StatusChange::Start => TaskStatus::InProgress,
            StatusChange::Done => TaskStatus::Done,
            StatusChange::Block => TaskStatus::Blocked,
            StatusChange::Reset => TaskStatus::Todo,
        }
    }
}

/// Settings of one change.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChangeOptions<'a> {
    pub note: Option<&'a str>,
    /// Today's date as `YYYY-MM-DD` (passed in: this crate reads no clock).
    pub today: &'a str,
    /// Mark done even when dependencies are not done.
    pub force: bool,
}

/// The edits of one status change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusEdit {
    pub task_id: String,
    pub from: TaskStatus,
    pub to: TaskStatus,
    pub edits: Vec<Edit>,
}

/// Why a change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    #[error("no task `{id}` in {path}{}", suggestion(.similar))]
    UnknownTask {
        id: String,
        path: String,
        similar: Vec<String>,
    },
    #[error("task `{id}` is defined {count} times in {path}; make the IDs unique first")]
    DuplicateTask {
        id: String,
        path: String,
        count: usize,
    },
    #[error("task `{id}` depends on tasks that are not done: {}; use --force to mark it done anyway", .waiting.join(", "))]
    DependenciesNotDone { id: String, waiting: Vec<String> },
    #[error("{path} is not valid UTF-8; speckit does not edit it")]
    NotUtf8 { path: String },
}

fn suggestion(similar: &[String]) -> String {
    if similar.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", similar.join(", "))
    }
}

/// Finds the task the user named, accepting IDs as written in the file in
/// any case (`t001`, `Task 1.2`, `**T004a**`).
pub fn find_task<'t, 'a>(
    document: &Document,
    list: &'t TaskList<'a>,
    id: &str,
) -> Result<&'t Task<'a>, StatusError> {
    let wanted = normalize_task_id(id);
    let matches: Vec<&Task<'a>> = list
        .tasks
        .iter()
        .filter(|task| normalize_task_id(task.id.value) == wanted)
        .collect();
    match matches.as_slice() {
        [task] => Ok(task),
        [] => {
            let similar = list
                .tasks
                .iter()
                .map(|task| task.id.value)
                .filter(|candidate| {
                    let normalized = normalize_task_id(candidate);
                    normalized.starts_with(&wanted)
                        || wanted.starts_with(&normalized)
                        || edit_distance(&normalized, &wanted) <= 1
                })
                .take(3)
                .map(str::to_string)
                .collect();
            Err(StatusError::UnknownTask {
                id: id.to_string(),
                path: document.path.clone(),
                similar,
            })
        }
        many => Err(StatusError::DuplicateTask {
            id: id.to_string(),
            path: document.path.clone(),
            count: many.len(),
        }),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b_chars: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b_chars.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, b_char) in b_chars.iter().enumerate() {
            let substitution =
                previous.get(j).copied().unwrap_or(0) + usize::from(a_char != *b_char);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// Computes the edits that move task `id` to the status of `change`.
pub fn change_status(
    document: &Document,
    list: &TaskList<'_>,
    id: &str,
    change: StatusChange,
    options: ChangeOptions<'_>,
) -> Result<StatusEdit, StatusError> {
    if document.is_lossy() {
        return Err(StatusError::NotUtf8 {
            path: document.path.clone(),
        });
    }
    let task = find_task(document, list, id)?;
    let to = change.target();
    if change == StatusChange::Done && !options.force {
        let waiting = undone_dependencies(list, task);
        if !waiting.is_empty() {
            return Err(StatusError::DependenciesNotDone {
                id: task.id.value.to_string(),
                waiting,
            });
        }
    }
    let newline = if document.text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut edits = Vec::new();
    if task.status == to && options.note.is_none() {
        // Already there: nothing to write (running a command twice is harmless).
        return Ok(StatusEdit {
            task_id: task.id.value.to_string(),
            from: task.status,
            to,
            edits,
        });
    }
    match list.format {
        TaskFormat::Checklist => line_edits(document, list, task, to, options, newline, &mut edits),
        TaskFormat::Blocks => {
            block_edits(document, list, task, change, options, newline, &mut edits);
        }
    }
    Ok(StatusEdit {
        task_id: task.id.value.to_string(),
        from: task.status,
        to,
        edits,
    })
}

/// Dependencies of `task` that are not done (or do not exist), as `ID (status)`.
pub fn undone_dependencies(list: &TaskList<'_>, task: &Task<'_>) -> Vec<String> {
    let mut waiting: Vec<String> = Vec::new();
    for dependency in &task.dependencies {
        if dependency.id == task.id.value {
            continue;
        }
        let label = match list.task(dependency.id) {
            Some(target) if target.status.is_closed() => continue,
            Some(target) => format!("{} ({})", dependency.id, target.status.as_str()),
            None => format!("{} (no such task)", dependency.id),
        };
        if !waiting.contains(&label) {
            waiting.push(label);
        }
    }
    waiting
}

/// The mark this file uses for done tasks: `x` when most done tasks use it.
fn done_mark(list: &TaskList<'_>) -> char {
    let (mut lower, mut upper) = (0usize, 0usize);
    for task in &list.tasks {
        match task.checkbox.map(|check| check.mark) {
            Some('x') => lower += 1,
            Some('X') => upper += 1,
            _ => {}
        }
    }
    if lower > upper { 'x' } else { 'X' }
}

fn mark_for(list: &TaskList<'_>, status: TaskStatus) -> char {
    match status {
        TaskStatus::Done => done_mark(list),
        TaskStatus::InProgress => '~',
        TaskStatus::Blocked => '!',
        TaskStatus::Skipped => '-',
        TaskStatus::Todo | TaskStatus::Unknown => ' ',
    }
}

fn line_edits(
    document: &Document,
    list: &TaskList<'_>,
    task: &Task<'_>,
    to: TaskStatus,
    options: ChangeOptions<'_>,
    newline: &str,
    edits: &mut Vec<Edit>,
) {
    let Some(checkbox) = task.checkbox else {
        return;
    };
    let mark = mark_for(list, to);
    let keep_done_mark = to == TaskStatus::Done && matches!(checkbox.mark, 'x' | 'X');
    if !keep_done_mark && checkbox.mark != mark {
        edits.push(Edit::replace(checkbox.mark_span, mark.to_string()));
    }
    if let Some(note) = options.note.map(str::trim).filter(|note| !note.is_empty()) {
        // A sub-bullet right under the task line, indented past its marker.
        let line = document.text.get(task.line.range()).unwrap_or("");
        let indent = line.len() - line.trim_start().len();
        let marker_width = line.trim_start().find(' ').map_or(2, |at| at + 1);
        let label = match to {
            TaskStatus::Blocked => "Blocked",
            TaskStatus::Done => "Done",
            TaskStatus::InProgress => "Started",
            _ => "Note",
        };
        let text = format!(
            "{newline}{}- {label} ({}): {}",
            " ".repeat(indent + marker_width),
            options.today,
            single_line(note)
        );
        edits.push(Edit::insert(task.line.end, text));
    }
}

/// Keeps a note on one line so it cannot break the Markdown around it.
fn single_line(note: &str) -> String {
    note.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The plugin's status words, with or without the emoji.
fn status_value(status: TaskStatus, with_emoji: bool) -> &'static str {
    match (status, with_emoji) {
        (TaskStatus::Done, true) => "✅ Complete",
        (TaskStatus::Done, false) => "Complete",
        (TaskStatus::InProgress, true) => "🟡 In Progress",
        (TaskStatus::InProgress, false) => "In Progress",
        (TaskStatus::Blocked, true) => "🔴 Blocked",
        (TaskStatus::Blocked, false) => "Blocked",
        (TaskStatus::Skipped, true) => "⏭️ Skipped",
        (TaskStatus::Skipped, false) => "Skipped",
        (TaskStatus::Todo | TaskStatus::Unknown, true) => "⬜ Not Started",
        (TaskStatus::Todo | TaskStatus::Unknown, false) => "Not Started",
    }
}

/// Whether the file writes status values with emoji: judged from the task's
/// own value, else from the other tasks; emoji by default (the template's style).
fn uses_emoji(list: &TaskList<'_>, field: Option<MetaField<'_>>) -> bool {
    let starts_with_symbol =
        |value: &str| value.chars().next().is_some_and(|c| !c.is_alphanumeric());
    if let Some(field) = field.filter(|field| !field.value.value.is_empty()) {
        return starts_with_symbol(field.value.value);
    }
    list.tasks
        .iter()
        .filter_map(|task| task.status_field)
        .find(|field| !field.value.value.is_empty())
        .is_none_or(|field| starts_with_symbol(field.value.value))
}

fn block_edits(
    document: &Document,
    list: &TaskList<'_>,
    task: &Task<'_>,
    change: StatusChange,
    options: ChangeOptions<'_>,
    newline: &str,
    edits: &mut Vec<Edit>,
) {
    let to = change.target();
    let value = status_value(to, uses_emoji(list, task.status_field));
    if let Some(span) = removable_status_line(document, task, to) {
        // Undo speckit's own insertion, so that start-then-reset restores the file.
        edits.push(Edit::delete(span));
        summary_edits(list, task, to, edits);
        progress_log_edit(document, list, task, change, options, newline, edits);
        return;
    }
    match task.status_field {
        Some(field) if field.value.value.is_empty() => {
            // `**Status**:` with nothing after it: the value goes after the colon.
            edits.push(Edit::insert(
                after_colon(document, field.label.span.end),
                format!(" {value}"),
            ));
        }
        Some(field) if field.value.value != value => {
            edits.push(Edit::replace(field.value.span, value));
        }
        Some(_) => {}
        None => {
            // After the heading line: a Status bullet and a blank line, so
            // that a paragraph below is not pulled into the list.
            let at = line_end_with_newline(document, task.line.end);
            edits.push(Edit::insert(
                at,
                format!("- **Status**: {value}{newline}{newline}"),
            ));
        }
    }
    summary_edits(list, task, to, edits);
    progress_log_edit(document, list, task, change, options, newline, edits);
}

/// A block whose status is told by its own checkboxes has no Status field;
/// `start` inserts one as a one-item list right under the heading. When the
/// task goes back to the status its checkboxes tell anyway, that inserted
/// line (and the blank line after it) is removed instead of rewritten.
fn removable_status_line(document: &Document, task: &Task<'_>, to: TaskStatus) -> Option<Span> {
    let field = task.status_field?;
    if to != status_from_items(&task.work_items) {
        return None;
    }
    let line_start = line_end_with_newline(document, task.line.end);
    let rest = document.text.get(line_start as usize..)?;
    let first_line_len = rest.find('\n').map(|at| at + 1)?;
    let first_line = rest.get(..first_line_len)?;
    // The Status field must be the one on this line.
    let on_this_line = field.label.span.start >= line_start
        && field.label.span.start < line_start + u32::try_from(first_line_len).unwrap_or(0);
    if !(first_line.trim_start().starts_with("- **Status**:") && on_this_line) {
        return None;
    }
    let after = rest.get(first_line_len..)?;
    let blank_len = after
        .find('\n')
        .map(|at| at + 1)
        .filter(|&len| after.get(..len).is_some_and(|line| line.trim().is_empty()))?;
    Some(Span::new(
        line_start,
        line_start + u32::try_from(first_line_len + blank_len).ok()?,
    ))
}

/// The offset right after `**Status**:` (the value slot), given the label's end.
fn after_colon(document: &Document, label_end: u32) -> u32 {
    let rest = document.text.get(label_end as usize..).unwrap_or("");
    let skip = rest.find(':').map_or(0, |at| at + 1);
    label_end + u32::try_from(skip).unwrap_or(0)
}

/// The start of the line after `offset`'s line.
fn line_end_with_newline(document: &Document, offset: u32) -> u32 {
    let rest = document.text.get(offset as usize..).unwrap_or("");
    match rest.find('\n') {
        Some(at) => offset + u32::try_from(at + 1).unwrap_or(0),
        None => Span::from_range(0..document.text.len()).end,
    }
}

fn summary_edits(list: &TaskList<'_>, task: &Task<'_>, to: TaskStatus, edits: &mut Vec<Edit>) {
    let Some(summary) = &list.summary else { return };
    let was_done = task.status == TaskStatus::Done;
    let is_done = to == TaskStatus::Done;
    let delta: i64 = match (was_done, is_done) {
        (false, true) => 1,
        (true, false) => -1,
        _ => return,
    };
    let phase_number = task
        .phase
        .and_then(|index| list.phases.get(index))
        .and_then(|phase| phase.number);
    for row in &summary.rows {
        let applies =
            row.is_total || (phase_number.is_some_and(|number| row.phase == Some(number.value)));
        if !applies {
            continue;
        }
        if let Some(completed) = row.completed {
            edits.push(Edit::replace(
                completed.span,
                shifted(completed.value, delta).to_string(),
            ));
        }
        if let Some(remaining) = row.remaining {
            edits.push(Edit::replace(
                remaining.span,
                shifted(remaining.value, -delta).to_string(),
            ));
        }
    }
}

fn shifted(value: u32, delta: i64) -> u32 {
    u32::try_from((i64::from(value) + delta).max(0)).unwrap_or(value)
}

fn progress_log_edit(
    document: &Document,
    list: &TaskList<'_>,
    task: &Task<'_>,
    change: StatusChange,
    options: ChangeOptions<'_>,
    newline: &str,
    edits: &mut Vec<Edit>,
) {
    let Some(log) = &list.progress_log else {
        return;
    };
    let verb = match change {
        StatusChange::Start => "Started",
        StatusChange::Done => "Completed",
        StatusChange::Block => "Blocked",
        StatusChange::Reset => "Reset",
    };
    let mut entry = format!(
        "- {verb} Task {}: {}",
        task.id.value,
        single_line(task.title.value)
    );
    if let Some(note) = options.note.map(str::trim).filter(|note| !note.is_empty()) {
        entry.push_str(" — ");
        entry.push_str(&single_line(note));
    }
    match log.days.iter().find(|day| day.date.value == options.today) {
        Some(day) => {
            let at = day.entries.last().map_or(day.heading_span.end, |last| {
                // The end of the last entry's line.
                let rest = document.text.get(last.span.end as usize..).unwrap_or("");
                last.span.end
                    + u32::try_from(rest.find(['\r', '\n']).unwrap_or(rest.len())).unwrap_or(0)
            });
            let separator = if day.entries.is_empty() {
                format!("{newline}{newline}")
            } else {
                newline.to_string()
            };
            edits.push(Edit::insert(at, format!("{separator}{entry}")));
        }
        None => {
            // A new day goes after the log's last visible content.
            let body = document.text.get(log.span.range()).unwrap_or("");
            let visible = trim_log_end(body);
            let at = log.span.start + u32::try_from(visible.len()).unwrap_or(0);
            edits.push(Edit::insert(
                at,
                format!(
                    "{newline}{newline}### {}{newline}{newline}{entry}",
                    options.today
                ),
            ));
        }
    }
}

/// The log section without its trailing blank lines and `---` separator.
fn trim_log_end(body: &str) -> &str {
    let mut end = body.trim_end();
    while let Some(stripped) = end.strip_suffix("---") {
        end = stripped.trim_end();
    }
    end
}

#[cfg(test)]
mod tests;

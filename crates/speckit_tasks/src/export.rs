//! Exports of a task list: JSON records, CSV, and GitHub issue payloads.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::tasks::{Criterion, Task, TaskList};

/// One task as exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TaskRecord {
    pub id: String,
    pub title: String,
    pub status: String,
    /// `3`, `3.1`, `A` of the task's phase.
    pub phase: Option<String>,
    pub phase_name: Option<String>,
    pub parallel: bool,
    pub stories: Vec<String>,
    pub labels: Vec<String>,
    pub priority: Option<String>,
    pub complexity: Option<String>,
    pub effort: Option<String>,
    pub assignee: Option<String>,
    pub dependencies: Vec<String>,
    pub files: Vec<String>,
    pub requirements: Vec<String>,
    pub description: Option<String>,
    pub acceptance_criteria: Vec<String>,
    /// 1-based line of the task in its file.
    pub line: u32,
}

/// Builds the records; `line_of` maps a byte offset to a 1-based line.
pub fn records(list: &TaskList<'_>, line_of: impl Fn(u32) -> u32) -> Vec<TaskRecord> {
    list.tasks
        .iter()
        .map(|task| record(list, task, &line_of))
        .collect()
}

fn texts<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.iter().any(|seen| seen == item) {
            out.push(item.to_string());
        }
    }
    out
}

fn record(list: &TaskList<'_>, task: &Task<'_>, line_of: &impl Fn(u32) -> u32) -> TaskRecord {
    let phase = task.phase.and_then(|index| list.phases.get(index));
    let field = |labels: &[&str]| {
        task.field(labels)
            .map(|field| field.value.value.to_string())
    };
    TaskRecord {
        id: task.id.value.to_string(),
        title: task.title.value.to_string(),
        status: task.status.as_str().to_string(),
        phase: phase
            .and_then(|phase| phase.number)
            .map(|number| number.value.to_string()),
        phase_name: phase.map(|phase| phase.name.value.to_string()),
        parallel: task.parallel,
        stories: texts(task.stories.iter().map(|story| story.value)),
        labels: texts(task.labels.iter().map(|label| label.value)),
        priority: task.priority().map(|field| field.value.value.to_string()),
        complexity: task.complexity().map(|field| field.value.value.to_string()),
        effort: task.effort().map(|field| field.value.value.to_string()),
        assignee: field(&["Assigned To", "Assignee", "Owner"]),
        dependencies: texts(task.dependencies.iter().map(|dependency| dependency.id)),
        files: texts(task.files.iter().map(|file| file.value)),
        requirements: texts(
            task.requirements
                .iter()
                .map(|requirement| requirement.value),
        ),
        description: task
            .description
            .map(|description| description.value.to_string()),
        acceptance_criteria: task
            .acceptance_criteria
            .iter()
            .map(|criterion: &Criterion<'_>| criterion.text.value.to_string())
            .collect(),
        line: line_of(task.line.start),
    }
}

/// CSV (RFC 4180): a header row, then one row per task; lists are joined
/// with `; `.
pub fn to_csv(records: &[TaskRecord]) -> String {
    let mut out = String::from(
        "id,title,status,phase,parallel,stories,priority,effort,dependencies,files,requirements,line\r\n",
    );
    for record in records {
        let cells = [
            record.id.clone(),
            record.title.clone(),
            record.status.clone(),
            record.phase.clone().unwrap_or_default(),
            record.parallel.to_string(),
            record.stories.join("; "),
            record.priority.clone().unwrap_or_default(),
            record.effort.clone().unwrap_or_default(),
            record.dependencies.join("; "),
            record.files.join("; "),
            record.requirements.join("; "),
            record.line.to_string(),
        ];
        let row: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// The body of a `POST /repos/{owner}/{repo}/issues` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GithubIssue {
    pub title: String,
    pub body: String,
    pub labels: Vec<String>,
}

/// One issue per task that is not done: title `ID: description`, a body with
/// the description, acceptance criteria as checkboxes, dependencies, files
/// and a pointer to the source line; labels for phase, priority and stories.
pub fn github_issues(
    records: &[TaskRecord],
    source_path: &str,
    include_done: bool,
) -> Vec<GithubIssue> {
    records
        .iter()
        .filter(|record| include_done || record.status != "done")
        .map(|record| {
            let mut body = String::new();
            if let Some(description) = &record.description {
                body.push_str(description.trim());
                body.push_str("\n\n");
            } else {
                body.push_str(&record.title);
                body.push_str("\n\n");
            }
            if !record.acceptance_criteria.is_empty() {
                body.push_str("### Acceptance criteria\n\n");
                for criterion in &record.acceptance_criteria {
                    let _ = writeln!(body, "- [ ] {criterion}");
                }
                body.push('\n');
            }
            if !record.dependencies.is_empty() {
                let _ = write!(
                    body,
                    "**Depends on:** {}\n\n",
                    record.dependencies.join(", ")
                );
            }
            if !record.files.is_empty() {
                let files: Vec<String> = record
                    .files
                    .iter()
                    .map(|file| format!("`{file}`"))
                    .collect();
                let _ = write!(body, "**Files:** {}\n\n", files.join(", "));
            }
            if !record.requirements.is_empty() {
                let _ = write!(
                    body,
                    "**Requirements:** {}\n\n",
                    record.requirements.join(", ")
                );
            }
            let _ = writeln!(
                body,
                "_From `{source_path}` line {} (exported by speckit)._",
                record.line
            );
            let mut labels = vec!["speckit".to_string()];
            if let Some(phase) = &record.phase {
                labels.push(format!("phase:{phase}"));
            }
            if let Some(priority) = &record.priority {
                labels.push(format!("priority:{}", priority.to_lowercase()));
            }
            labels.extend(record.stories.iter().map(|story| format!("story:{story}")));
            GithubIssue {
                title: format!("{}: {}", record.id, strip_markup(&record.title)),
                body,
                labels,
            }
        })
        .collect()
}

/// Titles read better without Markdown emphasis and code ticks.
fn strip_markup(text: &str) -> String {
    text.replace("**", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use speckit_model::Document;

    use super::*;

    const TEXT: &str = "## Phase 1: Setup
- [ ] T001 [P] [US1] Create \"model\", fast, in `src/a.rs` (depends on T000) for FR-001
- [x] T002 Done already
";

    fn export() -> Vec<TaskRecord> {
        let document = Document::parse_str("tasks.md", TEXT);
        let list = TaskList::parse(&document);
        records(&list, |offset| {
            u32::try_from(TEXT[..offset as usize].lines().count()).unwrap() + 1
        })
    }

    #[test]
    fn csv_quotes_cells() {
        let csv = to_csv(&export());
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "id,title,status,phase,parallel,stories,priority,effort,dependencies,files,requirements,line"
        );
        assert_eq!(
            lines[1],
            "T001,\"Create \"\"model\"\", fast, in `src/a.rs` (depends on T000) for FR-001\",todo,1,true,US1,,,T000,src/a.rs,FR-001,2"
        );
        assert_eq!(lines[2], "T002,Done already,done,1,false,,,,,,,3");
    }

    #[test]
    fn github_payloads_skip_done_tasks() {
        let issues = github_issues(&export(), "specs/001-x/tasks.md", false);
        assert_eq!(issues.len(), 1);
        let issue = &issues[0];
        assert_eq!(
            issue.title,
            "T001: Create \"model\", fast, in src/a.rs (depends on T000) for FR-001"
        );
        assert_eq!(issue.labels, ["speckit", "phase:1", "story:US1"]);
        assert!(issue.body.contains("**Depends on:** T000"));
        assert!(issue.body.contains("**Files:** `src/a.rs`"));
        assert!(
            issue
                .body
                .ends_with("_From `specs/001-x/tasks.md` line 2 (exported by speckit)._\n")
        );
        let all = github_issues(&export(), "x", true);
        assert_eq!(all.len(), 2);
    }
}

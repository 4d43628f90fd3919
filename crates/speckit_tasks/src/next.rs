//! Which tasks can be worked on now, and why the others cannot.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::tasks::{TaskFormat, TaskStatus};

use crate::graph::TaskGraph;

/// A task that can start now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReadyTask {
    pub id: String,
    pub title: String,
    pub parallel: bool,
    pub files: Vec<String>,
    /// 1-based line of the task in the tasks file.
    pub line: u32,
    #[serde(skip)]
    pub index: usize,
}

/// A task that cannot start yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WaitingTask {
    pub id: String,
    /// Open tasks it waits for (explicitly or through phase order).
    pub waiting_on: Vec<String>,
    /// One sentence for people.
    pub reason: String,
}

/// The answer of `tasks next`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NextTasks {
    /// Open tasks whose prerequisites are all done, in document order.
    pub ready: Vec<ReadyTask>,
    /// The ready tasks split into groups whose members can run at the same
    /// time: all `[P]` (or in different phases, or plugin tasks) and
    /// touching no common file. IDs, in order.
    pub parallel_groups: Vec<Vec<String>>,
    pub in_progress: Vec<String>,
    pub blocked: Vec<String>,
    pub waiting: Vec<WaitingTask>,
    pub done: usize,
    pub total: usize,
}

/// Computes the next tasks. `line_of` turns a byte offset into a 1-based line.
pub fn next_tasks(graph: &TaskGraph<'_, '_>, line_of: impl Fn(u32) -> u32) -> NextTasks {
    let list = graph.list;
    let mut next = NextTasks {
        ready: Vec::new(),
        parallel_groups: Vec::new(),
        in_progress: Vec::new(),
        blocked: Vec::new(),
        waiting: Vec::new(),
        done: list
            .tasks
            .iter()
            .filter(|task| task.status.is_closed())
            .count(),
        total: list.tasks.len(),
    };
    for (index, task) in list.tasks.iter().enumerate() {
        let id = task.id.value.to_string();
        match task.status {
            TaskStatus::Done | TaskStatus::Skipped => continue,
            TaskStatus::InProgress => {
                next.in_progress.push(id);
                continue;
            }
            TaskStatus::Blocked => {
                next.blocked.push(id);
                continue;
            }
            TaskStatus::Todo | TaskStatus::Unknown => {}
        }
        let open: Vec<usize> = graph
            .prerequisites(index)
            .into_iter()
            .filter(|&other| {
                other != index
                    && list
                        .tasks
                        .get(other)
                        .is_some_and(|task| !task.status.is_closed())
            })
            .collect();
        let missing: Vec<&str> = graph
            .missing
            .iter()
            .filter(|missing| missing.task == task.id.value)
            .map(|missing| missing.missing.as_str())
            .collect();
        if open.is_empty() && missing.is_empty() {
            next.ready.push(ReadyTask {
                id,
                title: task.title.value.to_string(),
                parallel: task.parallel,
                files: task
                    .files
                    .iter()
                    .map(|file| file.value.to_string())
                    .collect(),
                line: line_of(task.line.start),
                index,
            });
            continue;
        }
        let mut waiting_on: Vec<String> = open
            .iter()
            .filter_map(|&other| list.tasks.get(other))
            .map(|task| task.id.value.to_string())
            .collect();
        let mut reasons = Vec::new();
        if !open.is_empty() {
            reasons.push(format!("waits for {}", summarize(&waiting_on)));
        }
        if !missing.is_empty() {
            reasons.push(format!(
                "depends on {} which does not exist",
                missing.join(", ")
            ));
            waiting_on.extend(missing.iter().map(|id| (*id).to_string()));
        }
        next.waiting.push(WaitingTask {
            id,
            waiting_on,
            reason: reasons.join("; "),
        });
    }
    next.parallel_groups = group(graph, &next.ready);
    next
}

/// `T001, T002, T003 and 4 more`.
fn summarize(ids: &[String]) -> String {
    const SHOWN: usize = 4;
    if ids.len() <= SHOWN {
        ids.join(", ")
    } else {
        format!(
            "{} and {} more",
            ids.get(..SHOWN).unwrap_or(ids).join(", "),
            ids.len() - SHOWN
        )
    }
}

/// Greedy first-fit grouping in document order.
fn group(graph: &TaskGraph<'_, '_>, ready: &[ReadyTask]) -> Vec<Vec<String>> {
    let list = graph.list;
    let mut groups: Vec<Vec<&ReadyTask>> = Vec::new();
    for task in ready {
        let fits = |members: &Vec<&ReadyTask>| {
            members.iter().all(|member| {
                let shares_file = member.files.iter().any(|file| task.files.contains(file));
                let phase_of = |index: usize| list.tasks.get(index).and_then(|task| task.phase);
                let different_phases = phase_of(member.index) != phase_of(task.index);
                let parallel_ok = list.format == TaskFormat::Blocks
                    || different_phases
                    || (member.parallel && task.parallel);
                parallel_ok && !shares_file
            })
        };
        match groups.iter_mut().find(|members| fits(members)) {
            Some(members) => members.push(task),
            None => groups.push(vec![task]),
        }
    }
    groups
        .into_iter()
        .map(|members| members.into_iter().map(|task| task.id.clone()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use speckit_model::Document;
    use speckit_model::tasks::TaskList;

    use super::*;

    fn next_of(text: &str) -> NextTasks {
        let document = Document::parse_str("tasks.md", text);
        let list = TaskList::parse(&document);
        let graph = TaskGraph::build(&list);
        next_tasks(&graph, |offset| {
            u32::try_from(text[..offset as usize].lines().count()).unwrap() + 1
        })
    }

    #[test]
    fn ready_groups_and_reasons() {
        let next = next_of(
            "## Phase 1: Setup
- [x] T001 Create project
## Phase 2: Foundational
- [ ] T002 [P] Schema in db/schema.sql
- [ ] T003 [P] Logging in src/log.rs
- [ ] T004 [P] Migration in db/schema.sql
- [ ] T005 Wire everything
## Phase 3: User Story 1 - A (Priority: P1)
- [ ] T006 [US1] Endpoint
- [~] T007 [US1] Started already
- [!] T008 [US1] Blocked one
- [ ] T009 x (depends on T099)
",
        );
        let ready: Vec<&str> = next.ready.iter().map(|task| task.id.as_str()).collect();
        assert_eq!(ready, ["T002", "T003", "T004"]);
        assert_eq!(next.ready[0].line, 4);
        // T004 shares db/schema.sql with T002, so it goes to a second group.
        assert_eq!(
            next.parallel_groups,
            vec![vec!["T002", "T003"], vec!["T004"]]
        );
        assert_eq!(next.in_progress, ["T007"]);
        assert_eq!(next.blocked, ["T008"]);
        let waiting: Vec<(&str, &str)> = next
            .waiting
            .iter()
            .map(|w| (w.id.as_str(), w.reason.as_str()))
            .collect();
        assert_eq!(
            waiting,
            [
                ("T005", "waits for T004"),
                ("T006", "waits for T002, T003, T004, T005"),
                (
                    "T009",
                    "waits for T002, T003, T004, T005; depends on T099 which does not exist"
                ),
            ]
        );
        assert_eq!((next.done, next.total), (1, 9));
    }

    #[test]
    fn plugin_tasks_group_unless_files_clash() {
        let next = next_of(
            "### Task 1.1: A
- **Status**: ⬜ Not Started

**Files to Create/Modify:**
- `src/a.ts` - a

### Task 1.2: B
- **Status**: ⬜ Not Started

**Files to Create/Modify:**
- `src/a.ts` - also a

### Task 1.3: C
- **Status**: ⬜ Not Started
- **Dependencies**: Task 1.1
",
        );
        assert_eq!(next.parallel_groups, vec![vec!["1.1"], vec!["1.2"]]);
        assert_eq!(next.waiting[0].reason, "waits for 1.1");
    }
}

// Tests of status edits: the edited text, exactly.
use speckit_model::Document;
use speckit_model::tasks::TaskList;
use speckit_text::apply_edits;

use super::*;

const TODAY: &str = "2026-11-25";

fn run(
    text: &str,
    id: &str,
    change: StatusChange,
    note: Option<&str>,
    force: bool,
) -> Result<String, StatusError> {
    let document = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&document);
    let edit = change_status(
        &document,
        &list,
        id,
        change,
        ChangeOptions {
            note,
            today: TODAY,
            force,
        },
    )?;
    Ok(apply_edits(text, &edit.edits).unwrap())
}

fn apply(text: &str, id: &str, change: StatusChange) -> String {
    run(text, id, change, None, false).unwrap()
}

const SPEC_KIT: &str = "# Tasks: X

## Phase 1: Setup

- [x] T001 Create the project
- [ ] T002 [P] Add linting in .eslintrc
- [ ] T003 Wire CI (depends on T002)
- [x] T004 Write the README
";

#[test]
fn checkbox_marks() {
    let started = apply(SPEC_KIT, "t002", StatusChange::Start);
    assert_eq!(started, SPEC_KIT.replace("- [ ] T002", "- [~] T002"));
    let blocked = apply(SPEC_KIT, "T002", StatusChange::Block);
    assert_eq!(blocked, SPEC_KIT.replace("- [ ] T002", "- [!] T002"));
    // The file writes lower-case x for done tasks; speckit follows it.
    let done = apply(SPEC_KIT, "T002", StatusChange::Done);
    assert_eq!(done, SPEC_KIT.replace("- [ ] T002", "- [x] T002"));
}

#[test]
fn start_then_reset_restores_the_bytes() {
    let started = apply(SPEC_KIT, "T002", StatusChange::Start);
    assert_eq!(apply(&started, "T002", StatusChange::Reset), SPEC_KIT);
    let reset = apply(SPEC_KIT, "T001", StatusChange::Reset);
    assert_eq!(apply(&reset, "T001", StatusChange::Done), SPEC_KIT);
}

#[test]
fn same_status_is_a_no_op() {
    assert_eq!(apply(SPEC_KIT, "T001", StatusChange::Done), SPEC_KIT);
}

#[test]
fn done_waits_for_dependencies_unless_forced() {
    let error = run(SPEC_KIT, "T003", StatusChange::Done, None, false).unwrap_err();
    assert_eq!(
        error.to_string(),
        "task `T003` depends on tasks that are not done: T002 (todo); use --force to mark it done anyway"
    );
    let forced = run(SPEC_KIT, "T003", StatusChange::Done, None, true).unwrap();
    assert_eq!(forced, SPEC_KIT.replace("- [ ] T003", "- [x] T003"));
    // Starting is always allowed.
    assert!(run(SPEC_KIT, "T003", StatusChange::Start, None, false).is_ok());
}

#[test]
fn notes_become_sub_bullets() {
    let blocked = run(
        SPEC_KIT,
        "T003",
        StatusChange::Block,
        Some("waiting for\nCI credentials"),
        false,
    )
    .unwrap();
    assert_eq!(
        blocked,
        SPEC_KIT.replace(
            "- [ ] T003 Wire CI (depends on T002)",
            "- [!] T003 Wire CI (depends on T002)\n  - Blocked (2026-11-25): waiting for CI credentials"
        )
    );
    // The note is a child of the task, not a new task or loose item.
    let document = Document::parse_str("tasks.md", &blocked);
    let list = TaskList::parse(&document);
    assert_eq!(list.tasks.len(), 4);
    assert_eq!(list.tasks[2].status, TaskStatus::Blocked);
}

#[test]
fn crlf_is_kept() {
    let text = SPEC_KIT.replace('\n', "\r\n");
    let blocked = run(&text, "T002", StatusChange::Block, Some("x"), false).unwrap();
    assert!(
        blocked
            .contains("- [!] T002 [P] Add linting in .eslintrc\r\n  - Blocked (2026-11-25): x\r\n")
    );
    assert!(!blocked.replace("\r\n", "").contains('\n'));
}

#[test]
fn unknown_and_duplicate_ids() {
    let error = run(SPEC_KIT, "T02", StatusChange::Done, None, false).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no task `T02` in tasks.md (did you mean T002?)"
    );
    let duplicated = format!("{SPEC_KIT}- [ ] T003 Again\n");
    let error = run(&duplicated, "T003", StatusChange::Start, None, false).unwrap_err();
    assert_eq!(
        error.to_string(),
        "task `T003` is defined 2 times in tasks.md; make the IDs unique first"
    );
}

const PLUGIN: &str = "# Tasks: Search

## Task Summary

| Phase | Total Tasks | Completed | Remaining |
|-------|-------------|-----------|-----------|
| Phase 1 | 2 | 1 | 1 |
| Phase 2 | 1 | 0 | 1 |
| **Total** | **3** | **1** | **2** |

---

## Phase 1: Foundation

### Task 1.1: Index documents
- **Status**: ✅ Complete
- **Dependencies**: None

### Task 1.2: Query endpoint
- **Status**: 🟡 In Progress
- **Dependencies**: Task 1.1

## Phase 2: Launch

### Task 2.1: Roll out
- **Dependencies**: Task 1.2

## Progress Log

### 2026-11-20
- Started Phase 1
- Completed Task 1.1: Index documents

---

## Effort Estimates Legend

- **S**: 2-4 hours
";

#[test]
fn plugin_done_updates_status_summary_and_log() {
    let done = run(PLUGIN, "1.2", StatusChange::Done, None, false).unwrap();
    let expected = PLUGIN
        .replace("- **Status**: 🟡 In Progress", "- **Status**: ✅ Complete")
        .replace("| Phase 1 | 2 | 1 | 1 |", "| Phase 1 | 2 | 2 | 0 |")
        .replace("| **Total** | **3** | **1** | **2** |", "| **Total** | **3** | **2** | **1** |")
        .replace(
            "- Completed Task 1.1: Index documents\n",
            "- Completed Task 1.1: Index documents\n\n### 2026-11-25\n\n- Completed Task 1.2: Query endpoint\n",
        );
    assert_eq!(done, expected);
    // A second change the same day goes under the same date.
    let reset = run(
        &done,
        "Task 1.2",
        StatusChange::Reset,
        Some("reopened"),
        false,
    )
    .unwrap();
    assert!(reset.contains(
        "- Completed Task 1.2: Query endpoint\n- Reset Task 1.2: Query endpoint — reopened\n"
    ));
    assert!(reset.contains("- **Status**: ⬜ Not Started"));
    assert!(
        reset.contains("| Phase 1 | 2 | 1 | 1 |")
            && reset.contains("| **Total** | **3** | **1** | **2** |")
    );
}

#[test]
fn plugin_block_without_status_gets_one() {
    let started = run(PLUGIN, "2.1", StatusChange::Start, None, true).unwrap();
    assert!(started.contains(
        "### Task 2.1: Roll out\n- **Status**: 🟡 In Progress\n\n- **Dependencies**: Task 1.2"
    ));
    let document = Document::parse_str("tasks.md", &started);
    let list = TaskList::parse(&document);
    assert_eq!(
        list.task("2.1").map(|task| task.status),
        Some(TaskStatus::InProgress)
    );
    // The summary does not move: the task is not done either way.
    assert!(started.contains("| Phase 2 | 1 | 0 | 1 |"));
}

#[test]
fn plugin_words_only_style_is_followed() {
    let text = PLUGIN
        .replace("✅ Complete", "Complete")
        .replace("🟡 In Progress", "In Progress");
    let done = run(&text, "1.2", StatusChange::Done, None, false).unwrap();
    assert!(done.contains("### Task 1.2: Query endpoint\n- **Status**: Complete\n"));
}

#[test]
fn lossy_documents_are_not_edited() {
    let mut bytes = SPEC_KIT.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\n");
    let document = Document::parse(speckit_diagnostics::FileId(0), "tasks.md", bytes);
    let list = TaskList::parse(&document);
    let options = ChangeOptions {
        note: None,
        today: TODAY,
        force: false,
    };
    let error = change_status(&document, &list, "T002", StatusChange::Start, options).unwrap_err();
    assert_eq!(
        error,
        StatusError::NotUtf8 {
            path: "tasks.md".into()
        }
    );
}

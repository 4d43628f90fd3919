use std::fmt::Write as _;

use super::*;

/// One line per task: `id status [P] stories labels phase deps files | title`.
fn render(text: &str) -> Vec<String> {
    let doc = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&doc);
    list.tasks
        .iter()
        .map(|task| {
            let mut out = format!("{} {}", task.id.value, task.status.as_str());
            if task.parallel {
                out.push_str(" [P]");
            }
            for story in &task.stories {
                let _ = write!(out, " {}", story.value);
            }
            for label in &task.labels {
                let _ = write!(out, " <{}>", label.value);
            }
            if let Some(phase) = task.phase {
                let number = list.phases[phase].number.map_or("-", |n| n.value);
                let _ = write!(out, " phase={number}");
            }
            if !task.dependencies.is_empty() {
                let deps: Vec<&str> = task.dependencies.iter().map(|d| d.id).collect();
                let _ = write!(out, " deps={}", deps.join(","));
            }
            if !task.files.is_empty() {
                let files: Vec<&str> = task.files.iter().map(|f| f.value).collect();
                let _ = write!(out, " files={}", files.join(","));
            }
            let _ = write!(out, " | {}", task.title.value);
            // Every span must slice back to its value.
            assert_eq!(&text[task.id.span.range()], task.id.value);
            assert_eq!(&text[task.title.span.range()], task.title.value);
            out
        })
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    let got = render(text);
    assert_eq!(got, expected, "\n{got:#?}");
}

#[test]
fn spec_kit_canonical_lines() {
    check(
        "# Tasks: Login

## Phase 1: Setup

- [ ] T001 Create project structure in src/
- [x] T002 [P] Configure linting in .eslintrc.json

## Phase 3: User Story 1 - Sign in (Priority: P1) 🎯 MVP

- [X] T010 [P] [US1] Create User model in src/models/user.py
- [ ] T011 [US1] Implement UserService in src/services/user_service.py (depends on T010)
",
        &[
            "T001 todo phase=1 files=src/ | Create project structure in src/",
            "T002 done [P] phase=1 files=.eslintrc.json | Configure linting in .eslintrc.json",
            "T010 done [P] US1 phase=3 files=src/models/user.py | Create User model in src/models/user.py",
            "T011 todo US1 phase=3 deps=T010 files=src/services/user_service.py | Implement UserService in src/services/user_service.py (depends on T010)",
        ],
    );
}

#[test]
fn real_world_id_variants() {
    check(
        "## Phase 3.1: Setup
- [x] **T001** [SETUP] Check out the branch
- [x] **T002 [P]** Contract test in `tests/contract/a.test.ts`:
- [ ] T004a Split the handler
- [ ] T012.1: Follow-up for T012
- [~] TASK-001 [US1][US2] Shared types — `src/types.ts`
- [-] Task 1.1 Dropped idea
- ［ ］ T020 ［P］ Full-width brackets
",
        &[
            "T001 done <SETUP> phase=3.1 | Check out the branch",
            "T002 done [P] phase=3.1 files=tests/contract/a.test.ts | Contract test in `tests/contract/a.test.ts`:",
            "T004a todo phase=3.1 | Split the handler",
            "T012.1 todo phase=3.1 | Follow-up for T012",
            "TASK-001 in-progress US1 US2 phase=3.1 files=src/types.ts | Shared types — `src/types.ts`",
            "1.1 skipped phase=3.1 | Dropped idea",
            "T020 todo [P] phase=3.1 | Full-width brackets",
        ],
    );
}

#[test]
fn full_width_checkbox_in_list() {
    // A full-width box is not a GFM list item marker problem: the line is
    // still a `- ` bullet.
    check(
        "- ［ ］ T020 ［P］ Full-width brackets\n",
        &["T020 todo [P] | Full-width brackets"],
    );
}

#[test]
fn phase_variants() {
    check(
        "## Phase A: Groundwork
- [ ] T001 a
## Phase N: Polish & Cross-Cutting Concerns
- [ ] T002 b
## 実装
### フェーズ2: 基盤
- [ ] T003 c
",
        &[
            "T001 todo phase=A | a",
            "T002 todo phase=N | b",
            "T003 todo phase=2 | c",
        ],
    );
    let doc = Document::parse_str(
        "tasks.md",
        "## Phase N: Polish\n- [ ] T1 x\n## Phase 2: Foundational (Blocking)\n",
    );
    let list = TaskList::parse(&doc);
    let kinds: Vec<PhaseKind> = list.phases.iter().map(|phase| phase.kind).collect();
    assert_eq!(kinds, vec![PhaseKind::Polish, PhaseKind::Foundational]);
    assert_eq!(list.phases[0].tasks, 0..1);
    assert_eq!(list.phases[1].tasks, 0..0);
}

#[test]
fn story_phase_reads_number_and_priority() {
    let text = "## Phase 4: User Story 2 - Export (Priority: P2)\n\n**Goal**: Export data\n\n- [ ] T001 [US2] x\n";
    let doc = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&doc);
    let phase = &list.phases[0];
    assert_eq!(phase.kind, PhaseKind::Story);
    assert_eq!(phase.story, Some(2));
    assert_eq!(phase.priority.map(|p| p.value), Some("P2"));
    assert_eq!(
        phase.field(&["Goal"]).map(|f| f.value.value),
        Some("Export data")
    );
}

#[test]
fn legacy_ordering_bullets() {
    check(
        "## Phase 3.2: Tests
- [ ] T004 a
- [ ] T005 b
## Phase 3.3: Core
- [ ] T006 c
- [ ] T007 d
## Dependencies
- T006 blocks T007
- Tests (T004-T005) before implementation (T006-T007)
",
        &[
            "T004 todo phase=3.2 | a",
            "T005 todo phase=3.2 | b",
            "T006 todo phase=3.3 deps=T004,T005 | c",
            "T007 todo phase=3.3 deps=T006,T004,T005 | d",
        ],
    );
}

#[test]
fn inline_dependency_ranges_expand_to_existing_tasks() {
    check(
        "- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n- [ ] T004 Verify (after T001–T003)\n- [ ] T005 x (depends on T009)\n",
        &[
            "T001 todo | a",
            "T002 todo | b",
            "T003 todo | c",
            "T004 todo deps=T001,T002,T003 | Verify (after T001–T003)",
            "T005 todo deps=T009 | x (depends on T009)",
        ],
    );
}

#[test]
fn checkboxes_without_ids() {
    let text = "## Phase 1: Setup\n- [ ] T001 a\n  - [x] sub step\n- [ ] stray item\n## Notes\n- [ ] not a task\n";
    let doc = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&doc);
    assert_eq!(list.tasks.len(), 1);
    assert_eq!(list.tasks[0].work_items.len(), 1);
    let loose: Vec<&str> = list
        .loose_items
        .iter()
        .map(|item| item.text.value)
        .collect();
    assert_eq!(loose, vec!["stray item"]);
}

#[test]
fn phases_restated_outside_the_task_list() {
    // A validation checklist and parallel examples that repeat the phase
    // headings are neither phases nor places for tasks.
    let text = "## Phase 1: Setup
- [ ] T001 a
## Validation Checklist
### Phase 1: Setup
- [x] Tables created
## Parallel Execution Examples
### Phase 1.2: Database (run T001 alone)
```bash
Task T001
```
";
    let doc = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&doc);
    let phases: Vec<&str> = list.phases.iter().map(|phase| phase.title.value).collect();
    assert_eq!(phases, vec!["Phase 1: Setup"]);
    assert!(list.loose_items.is_empty());
}

#[test]
fn capital_letter_suffix_ids() {
    check(
        "## Phase 5.5: Planner
- [x] T068A [P] Add the interfaces
- [x] T068B Wire it (depends on T068A)
",
        &[
            "T068A done [P] phase=5.5 | Add the interfaces",
            "T068B done phase=5.5 deps=T068A | Wire it (depends on T068A)",
        ],
    );
    check(
        "- [~] T028 — REVERTED: shared block
- [~] T028'  — REVERTED: template edit
",
        &[
            "T028 in-progress | REVERTED: shared block",
            "T028' in-progress | REVERTED: template edit",
        ],
    );
}

#[test]
fn line_endings_bom_front_matter() {
    let text = "\u{feff}---\r\n\r\ndescription: \"Task list\"\r\n---\r\n# Tasks: X\r\n\r\n- [X] T001 Done thing\r\n- [ ] T002 Open thing";
    check(text, &["T001 done | Done thing", "T002 todo | Open thing"]);
    let doc = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&doc);
    assert!(list.front_matter.is_some());
    assert_eq!(list.title.map(|t| t.value), Some("Tasks: X"));
}

const PLUGIN: &str = "# Tasks: Saved Searches

**Plan Reference**: [plan.md](./plan.md)
**Status**: In Progress
**Created**: 2025-03-01
**Last Updated**: 2025-03-04

## Task Summary

| Phase | Total Tasks | Completed | Remaining |
|-------|-------------|-----------|-----------|
| Phase 1 | 2 | 1 | 1 |
| Phase 2 | 1 | 0 | 1 |
| **Total** | **3** | **1** | **2** |

## Task Dependencies

```
Phase 1: Foundation
  ├─ Task 1.1 (foundation)
  └─ Task 1.2 (setup) → depends on 1.1
Phase 2: Core Features
  └─ Task 2.1 (core) → depends on 1.1, 1.2
```

---

## Phase 1: Foundation

**Goal**: Store searches

### Task 1.1: Create the table
- **Status**: ✅ Complete
- **Priority**: High
- **Complexity**: Low
- **Estimated Effort**: S
- **Dependencies**: None
- **Assigned To**: Dana

**Description:**
Add the saved_searches table.

**Acceptance Criteria:**
- [x] Migration applies
- [x] Migration reverts

**Files to Create/Modify:**
- `db/migrations/001_saved.sql` - the table

**Testing Requirements:**
- [x] Migration test

---

### Task 1.2: Repository
- **Status**: 🟡 In Progress
- **Priority**: Medium
- **Estimated Effort**: M (1 day)
- **Dependencies**: Task 1.1 (table)

**Acceptance Criteria:**
- [ ] CRUD works

---

## Phase 2: Core Features

### Task 2.1: API
- **Status**: ⬜ Not Started | 🟡 In Progress | ✅ Complete
- **Dependencies**: Task 1.2

## Progress Log

### 2025-03-02
- Started Phase 1
- Completed Task 1.1
";

#[test]
fn plugin_blocks() {
    check(
        PLUGIN,
        &[
            "1.1 done phase=1 files=db/migrations/001_saved.sql | Create the table",
            "1.2 in-progress phase=1 deps=1.1 | Repository",
            "2.1 unknown phase=2 deps=1.2,1.1 | API",
        ],
    );
    let doc = Document::parse_str("tasks.md", PLUGIN);
    let list = TaskList::parse(&doc);
    assert_eq!(list.format, TaskFormat::Blocks);
    assert_eq!(list.generation, Generation::Plugin);
    let first = &list.tasks[0];
    assert_eq!(first.priority().map(|f| f.value.value), Some("High"));
    assert_eq!(first.effort().map(|f| f.value.value), Some("S"));
    assert_eq!(
        first.description.map(|d| d.value),
        Some("Add the saved_searches table.")
    );
    assert_eq!(first.acceptance_criteria.len(), 2);
    assert_eq!(first.testing_requirements.len(), 1);
    assert_eq!(
        list.tasks[1].dependencies[0].source,
        DependencySource::Field
    );
    assert_eq!(list.tasks[2].dependencies[1].source, DependencySource::Tree);

    let summary = list.summary.as_ref().unwrap();
    let rows: Vec<_> = summary
        .rows
        .iter()
        .map(|row| {
            (
                row.phase,
                row.is_total,
                row.total.map(|n| n.value),
                row.completed.map(|n| n.value),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (Some("1"), false, Some(2), Some(1)),
            (Some("2"), false, Some(1), Some(0)),
            (None, true, Some(3), Some(1))
        ]
    );
    let total = summary.rows[2].total.unwrap();
    assert_eq!(&PLUGIN[total.span.range()], "3");

    assert_eq!(list.dependency_tree.len(), 3);
    assert_eq!(
        list.dependency_tree[2].category.map(|c| c.value),
        Some("core")
    );
    let log = list.progress_log.as_ref().unwrap();
    assert_eq!(log.days[0].date.value, "2025-03-02");
    assert_eq!(log.days[0].entries.len(), 2);
}

#[test]
fn japanese_blocks() {
    check(
        "# 実装タスク: X

### フェーズ1: セットアップ (P1)

#### タスク 1.1: 初期化
**優先度**: P1  
**依存関係**: なし

**実施内容**:
- [x] `infrastructure/` を作成
- [x] 依存関係をインストール

#### タスク 1.2: スタック
**依存関係**: タスク 1.1

**実施内容**:
- [x] a
- [ ] b
",
        &[
            "1.1 done phase=1 | 初期化",
            "1.2 in-progress phase=1 deps=1.1 | スタック",
        ],
    );
}

#[test]
fn status_words() {
    for (value, expected) in [
        ("✅ Complete", TaskStatus::Done),
        ("Complete", TaskStatus::Done),
        ("🟡 In Progress", TaskStatus::InProgress),
        ("⬜ Not Started", TaskStatus::Todo),
        ("Blocked: waiting for API keys", TaskStatus::Blocked),
        (
            "⬜ Not Started | 🟡 In Progress | ✅ Complete",
            TaskStatus::Unknown,
        ),
        ("whatever", TaskStatus::Unknown),
    ] {
        assert_eq!(TaskStatus::from_field(value), expected, "{value}");
    }
}

#[test]
fn user_ids_normalise() {
    assert_eq!(normalize_task_id("t001"), "T001");
    assert_eq!(normalize_task_id("Task 1.2"), "1.2");
    assert_eq!(normalize_task_id("**T004a**"), "T004A");
    assert_eq!(normalize_task_id("task-001"), "TASK-001");
}

#[test]
fn struck_through_ids_are_withdrawn_tasks() {
    check(
        "# Tasks: Cash sessions

## Phase 2: Foundational

- [ ] T011 Wrap the sessions API in src/sessions.ts
- [ ] ~~T012~~ **Deleted** — the API now returns names, nothing to map
- [x] ~~T013~~ [P] [US2] ~~Register the close tool~~ — removed in review
- [ ] T014 Show the session chip (depends on T011)
",
        &[
            "T011 todo phase=2 files=src/sessions.ts | Wrap the sessions API in src/sessions.ts",
            "T012 skipped phase=2 | **Deleted** — the API now returns names, nothing to map",
            "T013 skipped [P] US2 phase=2 | ~~Register the close tool~~ — removed in review",
            "T014 todo phase=2 deps=T011 | Show the session chip (depends on T011)",
        ],
    );
}

#[test]
fn bracketed_phase_numbered_ids() {
    check(
        "# Tasks: Sidebars

## Phase 0: Setup & Prerequisites

- [X] [SETUP-001] P1 Install dnd-kit dependencies
- [ ] [MIG1-002] [P] Move the drawer state in src/layout/drawer.ts
- [ ] [FR-001] is a requirement, not a task
- [ ] [US1] [P] a story label without an ID

## Phase 3: User Story 1 - Dual drawers (Priority: P1)

- [ ] [US1-010] P2 Switch page content on icon click
",
        &[
            "SETUP-001 done phase=0 | P1 Install dnd-kit dependencies",
            "MIG1-002 todo [P] phase=0 files=src/layout/drawer.ts | Move the drawer state in src/layout/drawer.ts",
            "US1-010 todo US1 phase=3 | P2 Switch page content on icon click",
        ],
    );
}

#[test]
fn task_by_id_finds_the_first_of_duplicates() {
    let text = "# Tasks\n\n## Phase 1\n\n- [ ] T001 First\n- [x] T002 Second\n- [ ] T001 Again\n";
    let doc = Document::parse_str("tasks.md", text);
    let mut list = TaskList::parse(&doc);
    assert_eq!(
        list.task("T001").map(|task| task.title.value),
        Some("First")
    );
    assert_eq!(
        list.task("T002").map(|task| task.status),
        Some(TaskStatus::Done)
    );
    assert!(list.task("T003").is_none());
    // A list changed after parsing is still answered from its tasks.
    list.tasks.remove(0);
    assert_eq!(
        list.task("T001").map(|task| task.title.value),
        Some("Again")
    );
    assert_eq!(
        list.task("T002").map(|task| task.title.value),
        Some("Second")
    );
}

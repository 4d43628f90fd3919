// Graph, cycle and critical-path tests over both formats.
use speckit_model::Document;
use speckit_model::tasks::TaskList;

use super::*;
use crate::critical::{WeightUnit, critical_path, effort_hours};

fn with_graph<T>(text: &str, f: impl FnOnce(&TaskGraph<'_, '_>) -> T) -> T {
    let document = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&document);
    let graph = TaskGraph::build(&list);
    f(&graph)
}

fn prerequisites(graph: &TaskGraph<'_, '_>, id: &str) -> Vec<String> {
    let index = graph
        .list
        .tasks
        .iter()
        .position(|task| task.id.value == id)
        .unwrap();
    graph
        .prerequisites(index)
        .iter()
        .map(|&i| graph.list.tasks[i].id.value.to_string())
        .collect()
}

const SPEC_KIT: &str = "# Tasks: X

## Phase 1: Setup
- [x] T001 Create project
- [ ] T002 [P] Lint config
## Phase 2: Foundational
- [ ] T003 Database schema
- [ ] T004 Auth middleware
- [ ] T005 [P] Logging
## Phase 3: User Story 1 - A (Priority: P1)
- [ ] T006 [US1] Model A
- [ ] T007 [US1] Endpoint A (depends on T006)
## Phase 4: User Story 2 - B (Priority: P2)
- [ ] T008 [US2] Model B
## Phase 5: Polish & Cross-Cutting Concerns
- [ ] T009 Docs
";

#[test]
fn implicit_phase_and_sequence_ordering() {
    with_graph(SPEC_KIT, |graph| {
        assert_eq!(prerequisites(graph, "T001"), Vec::<String>::new());
        assert_eq!(prerequisites(graph, "T002"), Vec::<String>::new());
        // Phase 2 waits for phase 1; T004 also for T003 (sequential), T005 is [P].
        assert_eq!(prerequisites(graph, "T003"), ["T001", "T002"]);
        assert_eq!(prerequisites(graph, "T004"), ["T001", "T002", "T003"]);
        assert_eq!(prerequisites(graph, "T005"), ["T001", "T002"]);
        // Stories wait for Foundational, not for each other.
        assert_eq!(prerequisites(graph, "T006"), ["T003", "T004", "T005"]);
        assert_eq!(prerequisites(graph, "T008"), ["T003", "T004", "T005"]);
        // Explicit dependency replaces the sequential one.
        assert_eq!(
            prerequisites(graph, "T007"),
            ["T003", "T004", "T005", "T006"]
        );
        // Polish waits for every story.
        assert_eq!(prerequisites(graph, "T009"), ["T006", "T007", "T008"]);
        assert!(graph.cycles().is_empty());
    });
}

#[test]
fn spec_kit_critical_path_counts_tasks() {
    with_graph(SPEC_KIT, |graph| {
        let path = critical_path(graph);
        assert_eq!(path.unit, WeightUnit::Tasks);
        assert_eq!(path.tasks, ["T001", "T003", "T004", "T006", "T007", "T009"]);
        assert_eq!(path.length, 6);
    });
}

#[test]
fn cycles_are_reported_with_their_path() {
    let text = "- [ ] T001 a (depends on T003)\n- [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on T002)\n- [ ] T004 d (depends on T004)\n- [ ] T005 e (depends on T009)\n";
    with_graph(text, |graph| {
        assert_eq!(
            graph.cycles(),
            vec![vec!["T001", "T002", "T003", "T001"], vec!["T004", "T004"]]
        );
        assert_eq!(graph.missing.len(), 1);
        assert_eq!(graph.missing[0].missing, "T009");
        // The critical path is still computed, ignoring the edge that closes the cycle.
        let path = critical_path(graph);
        assert_eq!(path.tasks, ["T001", "T002", "T003"]);
    });
}

#[test]
fn phase_ordering_can_close_a_cycle() {
    let text =
        "## Phase 1: Setup\n- [ ] T001 a (depends on T002)\n## Phase 2: Core\n- [ ] T002 b\n";
    with_graph(text, |graph| {
        assert_eq!(
            graph.cycles(),
            vec![vec!["T001", "end of Phase 1", "T002", "T001"]]
        );
    });
}

const PLUGIN: &str = "# Tasks: X

## Phase 1: Foundation

### Task 1.1: Schema
- **Status**: ✅ Complete
- **Estimated Effort**: S
- **Dependencies**: None

### Task 1.2: Repository
- **Status**: ⬜ Not Started
- **Estimated Effort**: M (1 day)
- **Dependencies**: Task 1.1

### Task 1.3: Seed data
- **Estimated Effort**: XS
- **Dependencies**: Task 1.1

## Phase 2: Core

### Task 2.1: API
- **Estimated Effort**: L
- **Dependencies**: Task 1.2, Task 1.3

### Task 2.2: Docs
- **Estimated Effort**: XL
- **Dependencies**: Task 1.3
";

#[test]
fn plugin_critical_path_weighs_effort() {
    with_graph(PLUGIN, |graph| {
        // No implicit ordering in the plugin format.
        assert_eq!(prerequisites(graph, "2.2"), ["1.3"]);
        let path = critical_path(graph);
        assert_eq!(path.unit, WeightUnit::Hours);
        // 1.1 (3) → 1.3 (1) → 2.2 (28) = 32 beats 1.1 → 1.2 (6) → 2.1 (12) = 21.
        assert_eq!(path.tasks, ["1.1", "1.3", "2.2"]);
        assert_eq!(path.length, 32);
    });
}

#[test]
fn effort_values() {
    assert_eq!(effort_hours("M (1 day)"), Some(6));
    assert_eq!(effort_hours("xl"), Some(28));
    assert_eq!(effort_hours("**S**"), Some(3));
    assert_eq!(effort_hours("{XS/S/M/L/XL}"), None);
    assert_eq!(effort_hours(""), None);
}

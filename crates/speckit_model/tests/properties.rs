//! Properties of the typed models on arbitrary input: building any model from
//! any bytes never panics, and the original bytes are always kept.

use proptest::prelude::*;
use speckit_diagnostics::FileId;
use speckit_model::{Checklist, Constitution, Document, Plan, Spec, TaskList};

fn documentish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"# Tasks: X\n".to_vec()),
        Just(b"## Phase 2: Core\n".to_vec()),
        Just(b"### Task 1.2: Build\n".to_vec()),
        Just(b"- **Status**: \xe2\x9c\x85 Complete\n".to_vec()),
        Just(b"- **Dependencies**: Task 1.1, 1.3\n".to_vec()),
        Just(b"- [ ] T001 [P] [US1] Do it in src/a.rs (depends on T000-T009)\n".to_vec()),
        Just(b"- [X] **T002 [P]** x\n".to_vec()),
        Just(b"| Phase | Total Tasks | Completed | Remaining |\n|---|---|---|---|\n| Phase 1 | 2 | 1 | 1 |\n".to_vec()),
        Just(b"## Task Summary\n".to_vec()),
        Just(b"```\n  \xe2\x94\x9c\xe2\x94\x80 Task 1.2 (core) \xe2\x86\x92 depends on 1.1\n```\n".to_vec()),
        Just(b"**Version**: 1.0.0 | **Ratified**: 2025-01-01 | **Last Amended**: x\n".to_vec()),
        Just(b"### User Story 1 - A (Priority: P1)\n".to_vec()),
        Just(b"- **FR-001**: System MUST work\n".to_vec()),
        Just(b"#### Decision 1: Store\n- **Options Considered**:\n  1. Option A: x\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(vec![0xff, 0xfe]),
        Just(vec![0]),
        prop::collection::vec(any::<u8>(), 0..8),
        "[a-zA-Z0-9 *_`|:\\[\\]()#.-]{0,16}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn models_never_panic_and_bytes_are_kept(bytes in documentish()) {
        let document = Document::parse(FileId(0), "tasks.md", bytes.clone());
        prop_assert_eq!(document.bytes(), bytes.as_slice());
        let _ = document.model();
        let _ = TaskList::parse(&document);
        let _ = Spec::parse(&document);
        let _ = Plan::parse(&document);
        let _ = Constitution::parse(&document);
        let _ = Checklist::parse(&document);
        let tasks = TaskList::parse(&document);
        for task in &tasks.tasks {
            prop_assert_eq!(document.text.get(task.id.span.range()), Some(task.id.value));
            prop_assert!(document.text.get(task.span.range()).is_some());
        }
    }
}

//! Status edits over every `tasks.md` of the shared corpus (read-only):
//! `start` then `reset` restores the original bytes, and `done` changes only
//! the lines that state the task's status.

#![allow(
    clippy::print_stdout,
    reason = "the corpus test reports what it covered"
)]

use speckit_diagnostics::FileId;
use speckit_model::Document;
use speckit_model::tasks::{TaskFormat, TaskList, TaskStatus};
use speckit_tasks::status::{ChangeOptions, StatusChange, change_status};
use speckit_testkit::{corpus, files_under};
use speckit_text::apply_edits;

const OPTIONS: ChangeOptions<'static> = ChangeOptions {
    note: None,
    today: "2026-11-25",
    force: true,
};

fn change(text: &str, id: &str, change: StatusChange) -> String {
    let document = Document::parse_str("tasks.md", text);
    let list = TaskList::parse(&document);
    let edit = change_status(&document, &list, id, change, OPTIONS).unwrap();
    apply_edits(text, &edit.edits).unwrap()
}

/// Lines (1-based) that differ between two texts with the same line count.
fn changed_lines(before: &str, after: &str) -> Vec<usize> {
    let (a, b): (Vec<&str>, Vec<&str>) =
        (before.split('\n').collect(), after.split('\n').collect());
    assert_eq!(
        a.len(),
        b.len(),
        "a status change must not add or remove lines here"
    );
    a.iter()
        .zip(&b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(index, _)| index + 1)
        .collect()
}

#[test]
fn status_edits_round_trip_on_every_corpus_tasks_file() {
    let Some(corpus) = corpus() else { return };
    let files = files_under(&corpus, |path| path.ends_with("tasks.md"));
    let (mut open_checked, mut done_checked, mut without_tasks) = (0, 0, 0);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let name = path.strip_prefix(&corpus).unwrap().display().to_string();
        let document = Document::parse(FileId(0), name.clone(), bytes);
        if document.is_lossy() {
            continue;
        }
        let text = document.text.clone();
        let list = TaskList::parse(&document);
        let unique = |status: TaskStatus| {
            list.tasks.iter().find(|task| {
                task.status == status
                    && list
                        .tasks
                        .iter()
                        .filter(|other| other.id.value == task.id.value)
                        .count()
                        == 1
            })
        };
        let line_of = |offset: u32| text[..offset as usize].matches('\n').count() + 1;
        if let Some(task) = unique(TaskStatus::Todo) {
            let id = task.id.value.to_string();
            let started = change(&text, &id, StatusChange::Start);
            assert_ne!(started, text, "{name}: start changed nothing");
            assert_eq!(
                change(&started, &id, StatusChange::Reset),
                text,
                "{name}: start then reset of {id}"
            );
            if list.format == TaskFormat::Checklist {
                let done = change(&text, &id, StatusChange::Done);
                assert_eq!(
                    changed_lines(&text, &done),
                    [line_of(task.line.start)],
                    "{name}: done {id}"
                );
            }
            open_checked += 1;
        }
        if let Some(task) =
            unique(TaskStatus::Done).filter(|_| list.format == TaskFormat::Checklist)
        {
            let id = task.id.value.to_string();
            let reset = change(&text, &id, StatusChange::Reset);
            assert_eq!(
                changed_lines(&text, &reset),
                [line_of(task.line.start)],
                "{name}: reset {id}"
            );
            assert_eq!(
                change(&reset, &id, StatusChange::Done),
                text,
                "{name}: reset then done of {id}"
            );
            done_checked += 1;
        }
        if list.tasks.is_empty() {
            without_tasks += 1;
        }
    }
    println!(
        "status edits: {} tasks.md files; start/reset round trip on an open task in {open_checked}, reset/done and start/done round trips on a done task in {done_checked}; {without_tasks} files hold no speckit tasks (Kiro/OpenSpec formats)",
        files.len()
    );
    assert!(open_checked + done_checked > 100);
}

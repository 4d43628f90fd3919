//! Tests over the shared corpus of real documents (`../shared/corpus`,
//! read-only). Skipped, with a printed reason, when the folder is absent.

#![allow(
    clippy::print_stdout,
    reason = "the corpus tests report what they covered"
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use speckit::diagnostics::FileId;
use speckit::model::{Checklist, Constitution, Document, Plan, Spec, TaskList, TaskStatus};
use speckit::text::apply_edits;
use speckit::workspace::{Layout, Workspace, parse_feature_dir_name};
use speckit_testkit::{corpus, files_under, is_markdown};

fn repos(corpus: &Path) -> Vec<PathBuf> {
    let mut repos: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    repos.sort();
    repos
}

#[test]
fn every_corpus_file_parses_and_round_trips() {
    let Some(corpus) = corpus() else { return };
    let files = files_under(&corpus, is_markdown);
    let mut lossy = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let relative = path.strip_prefix(&corpus).unwrap().display().to_string();
        let document = Document::parse(FileId(0), relative.clone(), bytes.clone());
        // Parse → no edit → write is byte-identical.
        assert_eq!(document.bytes(), bytes.as_slice(), "{relative}");
        if document.is_lossy() {
            lossy += 1;
        } else {
            assert_eq!(
                apply_edits(&document.text, &[]).unwrap().as_bytes(),
                bytes.as_slice(),
                "{relative}"
            );
        }
        assert!(!document.tree.parser_panicked(), "{relative}");
        // Every model builds on every file, whatever its kind, and serialises.
        let json = serde_json::to_string(&document.model()).unwrap();
        assert!(!json.is_empty());
        let _ = TaskList::parse(&document);
        let _ = Spec::parse(&document);
        let _ = Plan::parse(&document);
        let _ = Constitution::parse(&document);
        let _ = Checklist::parse(&document);
        for node in document.tree.nodes() {
            assert!(
                document.text.get(node.span.range()).is_some(),
                "{relative}: bad node span {:?}",
                node.span
            );
        }
    }
    println!(
        "corpus round trip: {} Markdown files parsed and written back byte-identical ({lossy} not UTF-8)",
        files.len()
    );
    assert!(
        files.len() > 2000,
        "expected the whole corpus, found {} files",
        files.len()
    );
}

/// Feature folders on disk, counted without speckit's own code.
fn folders_on_disk(specs: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(specs) else {
        return 0;
    };
    entries
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.path().is_dir())
        .filter(|entry| {
            let name = entry.file_name().into_string().unwrap();
            let digits = name.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && name.as_bytes().get(digits) == Some(&b'-') && name.len() > digits + 1
        })
        .count()
}

#[test]
fn list_finds_every_feature_folder() {
    let Some(corpus) = corpus() else { return };
    let manifest = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap();
    let mut expected_from_manifest = BTreeMap::new();
    for line in manifest.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.get(4) == Some(&"speckit") {
            expected_from_manifest.insert(cells[0].to_string(), cells[5].parse::<usize>().unwrap());
        }
    }
    let mut checked = 0;
    for repo in repos(&corpus) {
        let name = repo.file_name().unwrap().to_str().unwrap().to_string();
        let speckit_specs = repo.join("specs");
        let plugin_specs = repo.join(".claude/spec-kit/specs");
        if !speckit_specs.is_dir() && !plugin_specs.is_dir() {
            continue;
        }
        let workspace = Workspace::open(&repo).unwrap_or_else(|error| panic!("{name}: {error}"));
        let count = |layout| {
            workspace
                .features
                .iter()
                .filter(|feature| feature.layout == layout)
                .count()
        };
        assert_eq!(
            count(Layout::Speckit),
            folders_on_disk(&speckit_specs),
            "{name}: spec-kit features"
        );
        assert_eq!(
            count(Layout::Plugin),
            folders_on_disk(&plugin_specs),
            "{name}: plugin features"
        );
        if let Some(expected) = expected_from_manifest.get(&name) {
            assert_eq!(
                workspace.features.len(),
                *expected,
                "{name}: MANIFEST feature count"
            );
        }
        for feature in &workspace.features {
            assert!(parse_feature_dir_name(&feature.dir_name).is_some());
        }
        checked += 1;
    }
    println!("list: checked feature counts of {checked} spec-kit/plugin repositories");
    assert_eq!(checked, expected_from_manifest.len());
}

#[test]
fn duplicate_numbers_are_reported_not_collapsed() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["specs/001-a", "specs/001-b", "specs/1-c", "specs/002-d"] {
        std::fs::create_dir_all(dir.path().join(name)).unwrap();
    }
    let workspace = Workspace::open(dir.path()).unwrap();
    assert_eq!(workspace.features.len(), 4);
    let duplicates = workspace.duplicate_numbers();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(
        duplicates[0].dirs,
        vec!["specs/001-a", "specs/001-b", "specs/1-c"]
    );
}

#[derive(Default)]
struct TaskTally {
    files: usize,
    tasks: usize,
    done: usize,
    open: usize,
    other: usize,
    with_dependencies: usize,
}

#[test]
fn task_parsing_report_per_repository() {
    let Some(corpus) = corpus() else { return };
    let mut report = String::new();
    for repo in repos(&corpus) {
        if !repo.join("specs").is_dir() {
            continue;
        }
        let workspace = Workspace::open(&repo).unwrap();
        let mut tally = TaskTally::default();
        for feature in &workspace.features {
            let Some(entry) = feature.document("tasks.md") else {
                continue;
            };
            let bytes = std::fs::read(workspace.path(&entry.path)).unwrap();
            let document = Document::parse(FileId(0), entry.path.clone(), bytes);
            let list = TaskList::parse(&document);
            tally.files += 1;
            tally.tasks += list.tasks.len();
            for task in &list.tasks {
                assert!(!task.id.value.is_empty());
                match task.status {
                    TaskStatus::Done => tally.done += 1,
                    TaskStatus::Todo => tally.open += 1,
                    _ => tally.other += 1,
                }
                tally.with_dependencies += usize::from(!task.dependencies.is_empty());
            }
        }
        let name = repo.file_name().unwrap().to_string_lossy();
        writeln!(
            report,
            "{name}: {} tasks.md, {} tasks ({} done, {} open, {} other), {} with dependencies",
            tally.files, tally.tasks, tally.done, tally.open, tally.other, tally.with_dependencies
        )
        .unwrap();
    }
    println!("{report}");
    insta::assert_snapshot!(report);
}

fn tasks_of(corpus: &Path, path: &str) -> (usize, usize, usize, usize, Vec<String>) {
    let bytes = std::fs::read(corpus.join(path)).unwrap();
    let document = Document::parse(FileId(0), path, bytes);
    let list = TaskList::parse(&document);
    let done = list.count(TaskStatus::Done);
    let with_dependencies = list
        .tasks
        .iter()
        .filter(|task| !task.dependencies.is_empty())
        .count();
    let ids = list
        .tasks
        .iter()
        .map(|task| task.id.value.to_string())
        .collect();
    (
        list.tasks.len(),
        done,
        with_dependencies,
        list.phases.len(),
        ids,
    )
}

/// Exact counts checked by hand against the files (grep and reading), one
/// file per ID style.
#[test]
fn hand_checked_task_counts() {
    let Some(corpus) = corpus() else { return };
    // Plain `T001`; a `- [P]` legend line is not a task.
    let (tasks, done, deps, phases, ids) = tasks_of(
        &corpus,
        "0mega__worldtides/specs/001-support-heights-api/tasks.md",
    );
    assert_eq!((tasks, done, deps, phases), (31, 31, 0, 5));
    assert_eq!(ids.first().map(String::as_str), Some("T001"));
    // Bold `**T001**` and `**T002 [P]**`; a closing checklist without IDs is not tasks.
    let (tasks, done, deps, phases, _) = tasks_of(
        &corpus,
        "0riva__oriva-platform/specs/004-events-notifications-system/tasks.md",
    );
    assert_eq!((tasks, done, deps, phases), (43, 43, 0, 7));
    // Bold IDs with `*(depends on T001)*` and `| R001` requirement tails.
    let (tasks, done, deps, phases, _) = tasks_of(
        &corpus,
        "alfredoperez__speckit-companion/specs/051-explorer-viewer-fixes/tasks.md",
    );
    assert_eq!((tasks, done, deps, phases), (11, 11, 2, 1));
    // Japanese plugin-style blocks `#### タスク 1.2a:` with `**依存関係**: タスク 1.2`.
    let (tasks, done, deps, phases, ids) = tasks_of(
        &corpus,
        "goataka__attendance-kit/specs/1-aws-clock-table-cicd/tasks.md",
    );
    assert_eq!((tasks, done, deps, phases), (13, 0, 12, 5));
    assert_eq!(&ids[..5], ["1.1", "1.2", "1.2a", "1.2b", "1.3"]);
    // `**T001** [SETUP]` labels.
    let (tasks, done, deps, phases, _) = tasks_of(
        &corpus,
        "wingarc-ktq__speckit-workshop/specs/001-user-auth/tasks.md",
    );
    assert_eq!((tasks, done, deps, phases), (47, 47, 0, 10));
    // Chinese descriptions, `[x]` and `[ ]` mixed.
    let (tasks, done, deps, phases, _) = tasks_of(
        &corpus,
        "1264459640__ModularGodot.Core/specs/003-mnt-d-godotprojects/tasks.md",
    );
    assert_eq!((tasks, done, deps, phases), (29, 20, 0, 5));
    // `[US1][US2]` adjacent story labels.
    let (tasks, done, _, _, _) = tasks_of(
        &corpus,
        "alfredoperez__speckit-companion/specs/563-companion-default-workflow/tasks.md",
    );
    assert_eq!((tasks, done), (8, 8));
}

use std::collections::HashSet;

use speckit::model::{DocKind, Document, Generation, Model, TaskFormat, TaskList};

use super::*;

const SEED: u64 = 0x5EED;
const LAYOUTS: [Layout; 2] = [Layout::Speckit, Layout::Plugin];

fn parse(feature: &GeneratedFeature, name: &str, text: &str) -> Document {
    Document::parse_str(&format!("{}/{name}", feature.dir), text)
}

/// Stories as the outline shows them: `### User Story n - …` (spec-kit) or
/// `#### Story n` (plugin).
fn count_stories(spec: &Document) -> usize {
    let Model::Spec(model) = spec.model() else {
        panic!("{} is not a spec", spec.path);
    };
    model
        .outline
        .iter()
        .filter(|entry| match entry.level {
            3 => entry.title.value.starts_with("User Story "),
            4 => entry.title.value.starts_with("Story "),
            _ => false,
        })
        .count()
}

fn check_feature(feature: &GeneratedFeature) {
    let spec = parse(feature, "spec.md", &feature.spec);
    let plan = parse(feature, "plan.md", &feature.plan);
    let tasks_doc = parse(feature, "tasks.md", &feature.tasks);
    assert_eq!(spec.kind, DocKind::Spec, "{}", feature.dir);
    assert_eq!(plan.kind, DocKind::Plan, "{}", feature.dir);
    assert_eq!(tasks_doc.kind, DocKind::Tasks, "{}", feature.dir);
    assert!(matches!(plan.model(), Model::Plan(_)));
    assert_eq!(count_stories(&spec), feature.n_stories, "{}", feature.dir);

    let tasks = TaskList::parse(&tasks_doc);
    assert_eq!(tasks.tasks.len(), feature.n_tasks, "{}", feature.dir);
    let ids: HashSet<&str> = tasks.tasks.iter().map(|task| task.id.value).collect();
    assert_eq!(
        ids.len(),
        tasks.tasks.len(),
        "duplicate task IDs in {}",
        feature.dir
    );
    for task in &tasks.tasks {
        assert!(
            task.phase.is_some(),
            "{} has no phase in {}",
            task.id.value,
            feature.dir
        );
        for dependency in &task.dependencies {
            assert!(
                ids.contains(dependency.id),
                "{} depends on missing {}",
                task.id.value,
                dependency.id
            );
        }
    }
    match feature.layout {
        Layout::Speckit => {
            assert_eq!(tasks.format, TaskFormat::Checklist);
            assert_eq!(tasks.generation, Generation::SpecKit);
            assert!(tasks.loose_items.is_empty(), "{:?}", tasks.loose_items);
            // Story phases, plus Setup, Foundational and Polish.
            assert_eq!(tasks.phases.len(), feature.n_stories + 3);
            for task in &tasks.tasks {
                for story in &task.stories {
                    let number: usize = story.value.trim_start_matches("US").parse().unwrap();
                    assert!((1..=feature.n_stories).contains(&number), "{}", story.value);
                }
            }
        }
        Layout::Plugin => {
            assert_eq!(tasks.format, TaskFormat::Blocks);
            assert_eq!(tasks.generation, Generation::Plugin);
            let summary = tasks.summary.as_ref().expect("a Task Summary table");
            let total = summary.rows.iter().find(|row| row.is_total).unwrap();
            assert_eq!(total.total.unwrap().value as usize, feature.n_tasks);
            assert_eq!(tasks.dependency_tree.len(), feature.n_tasks);
            for task in &tasks.tasks {
                assert!(task.acceptance_criteria.len() >= 3, "{}", task.id.value);
            }
        }
    }
}

#[test]
fn every_document_parses_into_the_expected_model() {
    for layout in LAYOUTS {
        for number in 1..=12 {
            check_feature(&generate_feature(SEED, number, layout));
        }
    }
}

#[test]
fn same_seed_same_output_and_features_differ() {
    for layout in LAYOUTS {
        let first = generate_feature(SEED, 5, layout);
        let again = generate_feature(SEED, 5, layout);
        assert_eq!(first.spec, again.spec);
        assert_eq!(first.plan, again.plan);
        assert_eq!(first.tasks, again.tasks);
        let other_seed = generate_feature(SEED + 1, 5, layout);
        assert_ne!(first.spec, other_seed.spec);
        let other_feature = generate_feature(SEED, 6, layout);
        assert_ne!(first.plan, other_feature.plan);
        assert_ne!(first.tasks, other_feature.tasks);
    }
    assert_eq!(
        generate_constitution(SEED, Layout::Speckit),
        generate_constitution(SEED, Layout::Speckit)
    );
}

#[test]
fn sizes_stay_within_a_quarter_of_their_targets() {
    let within = |size: usize, target: usize| size >= target * 3 / 4 && size <= target * 5 / 4;
    for layout in LAYOUTS {
        for number in 1..=40 {
            let feature = generate_feature(SEED, number, layout);
            let sizes = [
                (feature.spec.len(), SPEC_BYTES, "spec"),
                (feature.plan.len(), PLAN_BYTES, "plan"),
                (feature.tasks.len(), TASKS_BYTES, "tasks"),
                (
                    feature.spec.len() + feature.plan.len() + feature.tasks.len(),
                    SPEC_BYTES + PLAN_BYTES + TASKS_BYTES,
                    "feature",
                ),
            ];
            for (size, target, what) in sizes {
                assert!(
                    within(size, target),
                    "{what} of {} is {size} bytes, target {target}",
                    feature.dir
                );
            }
        }
    }
}

#[test]
fn constitutions_are_detected_as_such() {
    for layout in LAYOUTS {
        let (path, text) = generate_constitution(SEED, layout);
        let document = Document::parse_str(path, &text);
        assert_eq!(document.kind, DocKind::Constitution, "{path}");
    }
}

#[test]
fn mixed_layout_alternates() {
    assert_eq!(LayoutChoice::Mixed.layout_of(1), Layout::Speckit);
    assert_eq!(LayoutChoice::Mixed.layout_of(2), Layout::Plugin);
    assert_eq!(LayoutChoice::Plugin.layout_of(1), Layout::Plugin);
    let feature = generate_feature(SEED, 2, Layout::Plugin);
    assert!(
        feature.dir.starts_with(".claude/spec-kit/specs/002-"),
        "{}",
        feature.dir
    );
}

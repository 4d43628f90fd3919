//! Every built-in template, rendered and read back with `speckit_model`.

use std::collections::BTreeSet;

use speckit_model::tasks::PhaseKind;
use speckit_model::{DocKind, Document, TaskFormat, TaskList};

use super::*;
use crate::context::{Requirement, Story, TemplateContext};
use crate::render::render_builtin;

fn sample() -> TemplateContext {
    TemplateContext {
        feature_name: Some("Saved Searches".into()),
        feature_number: Some("004".into()),
        slug: Some("saved-searches".into()),
        branch: Some("004-saved-searches".into()),
        date: Some("2026-11-25".into()),
        author: Some("Ada Lovelace".into()),
        spec_link: Some("./spec.md".into()),
        plan_link: Some("./plan.md".into()),
        project_name: Some("Atlas".into()),
        layout: Some(Layout::Speckit),
        description: Some("Let people keep a search and run it again later".into()),
        stories: vec![
            Story::new(1, "Save a search", 1),
            Story::new(2, "Rerun a saved search", 2),
            Story::new(3, "Share a search", 3),
        ],
        requirements: vec![
            Requirement::new("FR-001", "Users MUST be able to save the current search"),
            Requirement::new("FR-002", "Saved searches MUST keep filters | sort order"),
        ],
        checklist_type: Some("Security".into()),
    }
}

fn contexts() -> [(&'static str, TemplateContext); 2] {
    [("empty", TemplateContext::default()), ("full", sample())]
}

fn rendered(name: TemplateName, layout: Layout, context: &TemplateContext) -> String {
    render_builtin(name, layout, context).unwrap_or_else(|error| panic!("{layout}/{name}: {error}"))
}

/// Parsed under a file name that says nothing, so the kind comes from the title.
fn parsed(text: &str) -> Document {
    Document::parse_str("notes/draft.md", text)
}

fn expected_kind(name: TemplateName) -> DocKind {
    match name {
        TemplateName::Constitution => DocKind::Constitution,
        TemplateName::Spec => DocKind::Spec,
        TemplateName::Plan => DocKind::Plan,
        TemplateName::Tasks => DocKind::Tasks,
        TemplateName::Checklist => DocKind::Checklist,
    }
}

fn headings(doc: &Document, level: u8) -> Vec<String> {
    doc.outline(&[])
        .iter()
        .filter(|entry| entry.level == level)
        .map(|entry| entry.title.value.to_string())
        .collect()
}

#[test]
fn every_template_renders_cleanly() {
    for (label, context) in contexts() {
        for layout in Layout::ALL {
            for name in TemplateName::ALL {
                let text = rendered(name, layout, &context);
                let at = format!("{layout}/{name} ({label})");
                assert!(text.ends_with('\n'), "{at}: no final newline");
                assert!(!text.ends_with("\n\n"), "{at}: trailing blank line");
                for marker in ["{{", "{%", "{#", "\n\n\n"] {
                    assert!(!text.contains(marker), "{at}: contains {marker:?}");
                }
                assert!(
                    !text.contains("none"),
                    "{at}: a missing value printed as `none`"
                );
                assert!(!text.starts_with('\n'), "{at}: starts with a blank line");
            }
        }
    }
}

#[test]
fn every_template_parses_as_its_kind() {
    for (label, context) in contexts() {
        for layout in Layout::ALL {
            for name in TemplateName::ALL {
                let doc = parsed(&rendered(name, layout, &context));
                assert_eq!(doc.kind, expected_kind(name), "{layout}/{name} ({label})");
                assert_eq!(headings(&doc, 1).len(), 1, "{layout}/{name}: one H1");
            }
        }
    }
}

#[test]
fn task_lists_have_their_format_and_every_dependency_exists() {
    for (label, context) in contexts() {
        for layout in Layout::ALL {
            let doc = parsed(&rendered(TemplateName::Tasks, layout, &context));
            let tasks = TaskList::parse(&doc);
            let at = format!("{layout} ({label})");
            let format = match layout {
                Layout::Speckit => TaskFormat::Checklist,
                Layout::Plugin => TaskFormat::Blocks,
            };
            assert_eq!(tasks.format, format, "{at}");
            let ids: Vec<&str> = tasks.tasks.iter().map(|task| task.id.value).collect();
            let unique: BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!(unique.len(), ids.len(), "{at}: duplicate IDs {ids:?}");
            let n_dependencies: usize = tasks.tasks.iter().map(|t| t.dependencies.len()).sum();
            assert!(n_dependencies > 0, "{at}: no dependencies at all");
            for task in &tasks.tasks {
                for dependency in &task.dependencies {
                    assert!(
                        unique.contains(dependency.id),
                        "{at}: {} depends on missing {}",
                        task.id.value,
                        dependency.id
                    );
                }
                assert!(
                    task.phase.is_some(),
                    "{at}: {} is outside a phase",
                    task.id.value
                );
            }
            for entry in &tasks.dependency_tree {
                assert!(
                    unique.contains(entry.id.value),
                    "{at}: tree names {}",
                    entry.id.value
                );
                for dependency in &entry.depends_on {
                    assert!(
                        unique.contains(dependency.value),
                        "{at}: tree needs {}",
                        dependency.value
                    );
                }
            }
            for phase in &tasks.phases {
                assert!(
                    !phase.tasks.is_empty(),
                    "{at}: `{}` is empty",
                    phase.title.value
                );
            }
            assert!(tasks.loose_items.is_empty(), "{at}: checkboxes without IDs");
        }
    }
}

#[test]
fn plugin_task_summary_matches_the_blocks() {
    for (label, context) in contexts() {
        let doc = parsed(&rendered(TemplateName::Tasks, Layout::Plugin, &context));
        let tasks = TaskList::parse(&doc);
        let summary = tasks
            .summary
            .as_ref()
            .unwrap_or_else(|| panic!("{label}: no summary"));
        let mut total = 0;
        for row in summary.rows.iter().filter(|row| !row.is_total) {
            let phase = tasks
                .phases
                .iter()
                .find(|phase| phase.number.map(|n| n.value) == row.phase)
                .unwrap_or_else(|| panic!("{label}: no phase for {:?}", row.label.value));
            let count = u32::try_from(phase.tasks.len()).unwrap_or(u32::MAX);
            assert_eq!(
                row.total.map(|n| n.value),
                Some(count),
                "{label}: {:?}",
                row.phase
            );
            assert_eq!(row.remaining.map(|n| n.value), Some(count));
            total += count;
        }
        let total_row = summary.rows.iter().find(|row| row.is_total);
        assert_eq!(
            total_row.and_then(|row| row.total).map(|n| n.value),
            Some(total)
        );
        assert_eq!(tasks.tasks.len(), total as usize, "{label}");
        assert_eq!(tasks.dependency_tree.len(), tasks.tasks.len(), "{label}");
    }
}

#[test]
fn stories_become_story_phases_with_labels() {
    let context = sample();
    let doc = parsed(&rendered(TemplateName::Tasks, Layout::Speckit, &context));
    let tasks = TaskList::parse(&doc);
    let story_phases: Vec<Option<u32>> = tasks
        .phases
        .iter()
        .filter(|phase| phase.kind == PhaseKind::Story)
        .map(|phase| phase.story)
        .collect();
    assert_eq!(story_phases, [Some(1), Some(2), Some(3)]);
    for task in &tasks.tasks {
        let phase = task.phase.and_then(|index| tasks.phases.get(index));
        let labels: Vec<&str> = task.stories.iter().map(|label| label.value).collect();
        match phase.and_then(|phase| phase.story) {
            Some(story) => assert_eq!(labels, [format!("US{story}")], "{}", task.id.value),
            None => assert!(labels.is_empty(), "{} has {labels:?}", task.id.value),
        }
    }
    let kinds: Vec<PhaseKind> = tasks.phases.iter().map(|phase| phase.kind).collect();
    assert_eq!(kinds.first(), Some(&PhaseKind::Setup));
    assert_eq!(kinds.get(1), Some(&PhaseKind::Foundational));
    assert_eq!(kinds.last(), Some(&PhaseKind::Polish));

    let plugin = parsed(&rendered(TemplateName::Tasks, Layout::Plugin, &context));
    let names: Vec<String> = TaskList::parse(&plugin)
        .phases
        .iter()
        .map(|phase| phase.name.value.to_string())
        .collect();
    assert_eq!(
        names,
        [
            "Foundation",
            "Story 1 - Save a search",
            "Story 2 - Rerun a saved search",
            "Story 3 - Share a search",
            "Polish and Launch",
        ]
    );
}

#[test]
fn stories_become_spec_sections() {
    let context = sample();
    let doc = parsed(&rendered(TemplateName::Spec, Layout::Speckit, &context));
    let stories: Vec<String> = headings(&doc, 3)
        .into_iter()
        .filter(|title| title.starts_with("User Story"))
        .collect();
    assert_eq!(
        stories,
        [
            "User Story 1 - Save a search (Priority: P1)",
            "User Story 2 - Rerun a saved search (Priority: P2)",
            "User Story 3 - Share a search (Priority: P3)",
        ]
    );
    let plugin = parsed(&rendered(TemplateName::Spec, Layout::Plugin, &context));
    let stories: Vec<String> = headings(&plugin, 4)
        .into_iter()
        .filter(|title| title.starts_with("Story"))
        .collect();
    assert_eq!(
        stories,
        [
            "Story 1: Save a search",
            "Story 2: Rerun a saved search",
            "Story 3: Share a search"
        ]
    );
}

#[test]
fn requirements_become_rows_and_items() {
    let context = sample();
    let plan = rendered(TemplateName::Plan, Layout::Speckit, &context);
    assert!(plan.contains("| FR-002 | Saved searches MUST keep filters \\| sort order | |"));
    let plugin_plan = rendered(TemplateName::Plan, Layout::Plugin, &context);
    assert!(plugin_plan.contains("- [ ] FR-001: Users MUST be able to save the current search"));
    let plugin_checklist = rendered(TemplateName::Checklist, Layout::Plugin, &context);
    assert!(plugin_checklist.contains("- [ ] FR-002 is implemented and shown to work"));

    let checklist = rendered(TemplateName::Checklist, Layout::Speckit, &context);
    assert!(checklist.contains("[Clarity, Spec §FR-001]"));
    assert!(checklist.contains("[Clarity, Spec §FR-002]"));
    for (label, context) in contexts() {
        let checklist = rendered(TemplateName::Checklist, Layout::Speckit, &context);
        let numbers: Vec<u32> = checklist
            .lines()
            .filter_map(|line| line.strip_prefix("- [ ] CHK"))
            .filter_map(|rest| rest.get(..3)?.parse().ok())
            .collect();
        let expected: Vec<u32> = (1..=u32::try_from(numbers.len()).unwrap_or(0)).collect();
        assert!(numbers.len() >= 10, "{label}: only {} items", numbers.len());
        assert_eq!(
            numbers, expected,
            "{label}: CHK numbers are not 1, 2, 3, ..."
        );
    }
}

#[test]
fn missing_values_show_the_formats_placeholders() {
    let empty = TemplateContext::default();
    let cases: [(Layout, TemplateName, &[&str]); 10] = [
        (
            Layout::Speckit,
            TemplateName::Spec,
            &[
                "# Feature Specification: [FEATURE NAME]",
                "`[###-feature-name]`",
                "**Created**: [DATE]",
                "\"$ARGUMENTS\"",
            ],
        ),
        (
            Layout::Speckit,
            TemplateName::Plan,
            &[
                "# Implementation Plan: [FEATURE]",
                "**Spec**: [link]",
                "/specs/[###-feature-name]/spec.md",
            ],
        ),
        (
            Layout::Speckit,
            TemplateName::Tasks,
            &[
                "# Tasks: [FEATURE NAME]",
                "User Story 1 - [Brief Title] (Priority: P1)",
            ],
        ),
        (
            Layout::Speckit,
            TemplateName::Checklist,
            &[
                "# [CHECKLIST TYPE] Checklist: [FEATURE NAME]",
                "**Feature**: [link]",
            ],
        ),
        (
            Layout::Speckit,
            TemplateName::Constitution,
            &[
                "# [PROJECT_NAME] Constitution",
                "**Ratified**: [RATIFICATION_DATE]",
                "[PRINCIPLE_5_NAME]",
            ],
        ),
        (
            Layout::Plugin,
            TemplateName::Spec,
            &[
                "# Specification: {Feature Name}",
                "**Author**: {Your Name}",
                "**Created**: YYYY-MM-DD",
                "[user type]",
            ],
        ),
        (
            Layout::Plugin,
            TemplateName::Plan,
            &[
                "# Implementation Plan: {Feature Name}",
                "Low/Med/High",
                "{Brief description}",
                "\n- {A rule this design follows}\n",
            ],
        ),
        (
            Layout::Plugin,
            TemplateName::Tasks,
            &["# Tasks: {Feature Name}", "{XS/S/M/L/XL}", "### YYYY-MM-DD"],
        ),
        (
            Layout::Plugin,
            TemplateName::Checklist,
            &[
                "# Quality Checklist: {Feature Name}",
                "**Reviewed By**: {Name}",
            ],
        ),
        (
            Layout::Plugin,
            TemplateName::Constitution,
            &[
                "# Project Constitution\n",
                "**Last Updated**: YYYY-MM-DD\n**Version**: 1.0\n",
            ],
        ),
    ];
    for (layout, name, needles) in cases {
        let text = rendered(name, layout, &empty);
        for needle in needles {
            assert!(text.contains(needle), "{layout}/{name} lacks {needle:?}");
        }
    }
}

#[test]
fn known_values_replace_the_header_placeholders() {
    let context = sample();
    let header_placeholders = [
        "[FEATURE NAME]",
        "[FEATURE]",
        "[###-feature-name]",
        "[DATE]",
        "[PROJECT_NAME]",
        "[CHECKLIST TYPE]",
        "{Feature Name}",
        "{Your Name}",
        "YYYY-MM-DD",
        "$ARGUMENTS",
    ];
    for layout in Layout::ALL {
        for name in TemplateName::ALL {
            let text = rendered(name, layout, &context);
            for placeholder in header_placeholders {
                assert!(
                    !text.contains(placeholder),
                    "{layout}/{name} still has {placeholder}"
                );
            }
        }
    }
}

#[test]
fn plugin_plan_keeps_every_seed_section_in_order() {
    let doc = parsed(&rendered(
        TemplateName::Plan,
        Layout::Plugin,
        &TemplateContext::default(),
    ));
    assert_eq!(
        headings(&doc, 2),
        [
            "Architecture Overview",
            "File Structure",
            "Data Models",
            "API Contracts",
            "Component Hierarchy",
            "State Management",
            "Dependencies",
            "Database Schema Changes",
            "Integration Points",
            "Error Handling",
            "Testing Strategy",
            "Security Considerations",
            "Performance Considerations",
            "Implementation Phases",
            "Rollout Strategy",
            "Monitoring and Observability",
            "Documentation Needs",
            "Risk Mitigation",
            "Dependencies and Blockers",
            "Open Questions",
        ]
    );
}

#[test]
fn spec_kit_documents_keep_their_section_order() {
    let empty = TemplateContext::default();
    let spec = parsed(&rendered(TemplateName::Spec, Layout::Speckit, &empty));
    assert_eq!(
        headings(&spec, 2),
        [
            "User Scenarios & Testing *(mandatory)*",
            "Requirements *(mandatory)*",
            "Success Criteria *(mandatory)*",
            "Assumptions",
        ]
    );
    let plan = parsed(&rendered(TemplateName::Plan, Layout::Speckit, &empty));
    assert_eq!(
        headings(&plan, 2),
        [
            "Summary",
            "Technical Context",
            "Constitution Check",
            "Project Structure",
            "Complexity Tracking",
        ]
    );
}

#[test]
fn snapshot_spec_kit_spec() {
    let mut context = sample();
    context.stories.truncate(2);
    insta::assert_snapshot!(rendered(TemplateName::Spec, Layout::Speckit, &context));
}

//! spec-kit plans: the current template's shape and the legacy one.

use super::*;

const SK_HEAD: &str = "# Implementation Plan: Tide Alerts

**Branch**: `007-tide-alerts` | **Date**: 2026-05-02 | **Spec**: [spec.md](./spec.md)

**Input**: Feature specification from `/specs/007-tide-alerts/spec.md`

## Summary

Send a push alert when the tide at a saved spot crosses a threshold.

<!-- keep this short -->

## Technical Context

**Language/Version**: Kotlin 2.1
**Primary Dependencies**: Retrofit, Moshi,
WorkManager for scheduling
**Storage**: N/A (uses the existing cache)
**Testing**: NEEDS CLARIFICATION
**Scale/Scope**: one screen
**Target Platform**: Android 10+
**Project Type**: mobile-app
**Performance Goals**: alert within 60 s
**Constraints**: battery friendly
**Owner**: mobile team

## Constitution Check

*GATE: Must pass before Phase 0 research. Re-check after Phase 1 design.*

- [x] **Kotlin-first**: yes
  - [ ] nested follow-up
- [ ] **Tests first**: pending

| Principle | Status |
|-----------|--------|
| I. Small modules | ✅ Pass |

## Project Structure

### Documentation (this feature)

```text
specs/007-tide-alerts/
├── plan.md
└── tasks.md
```

### Source Code (repository root)

```text
# [REMOVE IF UNUSED] Option 1: Single project (DEFAULT)
app/
└── alerts/
```

**Structure Decision**: Single Android app module.

## Complexity Tracking

> Fill in only for Constitution Check violations.

| Violation | Why Needed | Simpler Alternative Rejected Because |
|-----------|------------|-------------------------------------|
| Extra worker | Exact timing | Alarms drift |
";

#[test]
fn sk_head_plan() {
    with_plan(SK_HEAD, |plan| {
        assert_eq!(plan.generation, Generation::SpecKit);
        assert_eq!(
            keys(plan),
            vec![
                "summary",
                "technical-context",
                "constitution-check",
                "project-structure",
                "complexity-tracking"
            ]
        );
        let header = &plan.header;
        assert_eq!(
            header.branch.map(|f| f.value.value),
            Some("`007-tide-alerts`")
        );
        assert_eq!(header.date.map(|f| f.value.value), Some("2026-05-02"));
        assert_eq!(
            header.spec.map(|f| f.value.value),
            Some("[spec.md](./spec.md)")
        );
        assert!(header.input.is_some());
        assert_eq!(header.spec_reference, None);

        let summary = plan.summary.as_ref().unwrap();
        assert_eq!(
            summary.text.value,
            "Send a push alert when the tide at a saved spot crosses a threshold."
        );

        let context = plan.technical_context.as_ref().unwrap();
        let fields: Vec<_> = context
            .fields
            .iter()
            .map(|f| {
                (
                    f.key,
                    f.value.value,
                    f.needs_clarification,
                    f.not_applicable,
                )
            })
            .collect();
        assert_eq!(
            fields,
            vec![
                (Some(TechKey::LanguageVersion), "Kotlin 2.1", false, false),
                (
                    Some(TechKey::PrimaryDependencies),
                    "Retrofit, Moshi,\nWorkManager for scheduling",
                    false,
                    false
                ),
                (
                    Some(TechKey::Storage),
                    "N/A (uses the existing cache)",
                    false,
                    true
                ),
                (Some(TechKey::Testing), "NEEDS CLARIFICATION", true, false),
                (Some(TechKey::ScaleScope), "one screen", false, false),
                (Some(TechKey::TargetPlatform), "Android 10+", false, false),
                (Some(TechKey::ProjectType), "mobile-app", false, false),
                (
                    Some(TechKey::PerformanceGoals),
                    "alert within 60 s",
                    false,
                    false
                ),
                (Some(TechKey::Constraints), "battery friendly", false, false),
                (None, "mobile team", false, false),
            ]
        );
        assert_eq!(
            context.get(TechKey::Constraints).map(|f| f.label.value),
            Some("Constraints")
        );
    });
}

#[test]
fn sk_head_constitution_structure_and_complexity() {
    with_plan(SK_HEAD, |plan| {
        let check = plan.constitution_check.as_ref().unwrap();
        assert_eq!(
            check.gate.map(|g| g.value),
            Some("GATE: Must pass before Phase 0 research. Re-check after Phase 1 design.")
        );
        let items: Vec<_> = check
            .items
            .iter()
            .map(|i| (i.checked, i.text.value))
            .collect();
        assert_eq!(
            items,
            vec![
                (true, "**Kotlin-first**: yes"),
                (false, "nested follow-up"),
                (false, "**Tests first**: pending")
            ]
        );
        assert_eq!(check.tables[0].rows[0].cells[1].value, "✅ Pass");
        assert!(!check.blank);
        assert_eq!(check.placeholder, None);

        let structure = plan.project_structure.as_ref().unwrap();
        let documentation = structure.documentation.as_ref().unwrap();
        assert_eq!(
            documentation.trees[0].path(2),
            "specs/007-tide-alerts/tasks.md"
        );
        let source = structure.source_code.as_ref().unwrap();
        assert_eq!(source.trees[0].path(1), "app/alerts/");
        assert_eq!(
            structure.structure_decision.map(|f| f.value.value),
            Some("Single Android app module.")
        );
        let labels: Vec<&str> = structure.option_labels.iter().map(|l| l.value).collect();
        assert_eq!(
            labels,
            vec!["# [REMOVE IF UNUSED] Option 1: Single project (DEFAULT)"]
        );
        assert_eq!(structure.remove_markers.len(), 1);
        assert_eq!(
            &SK_HEAD[structure.remove_markers[0].range()],
            "[REMOVE IF UNUSED]"
        );

        let complexity = &plan.complexity_tracking.as_ref().unwrap().table;
        let row = &complexity.rows[0];
        assert_eq!(
            (
                row.violation.value,
                row.why_needed.value,
                row.simpler_alternative.value
            ),
            ("Extra worker", "Exact timing", "Alarms drift")
        );
        assert_eq!(plan.progress_tracking, None);
        assert!(plan.phase_sections.is_empty());
    });
}

#[test]
fn unfilled_constitution_check() {
    let text = "## Constitution Check\n\n*GATE: Must pass first.*\n\n[Gates determined based on constitution file]\n\n## Complexity Tracking\n\n<!-- only with violations -->\n";
    with_plan(text, |plan| {
        let check = plan.constitution_check.as_ref().unwrap();
        let placeholder = check.placeholder.unwrap();
        assert_eq!(
            &text[placeholder.range()],
            "[Gates determined based on constitution file]"
        );
        assert!(!check.blank);
        let complexity = plan.complexity_tracking.as_ref().unwrap();
        assert!(complexity.section.blank);
        assert_eq!(complexity.table.table, None);
    });
    with_plan(
        "## Constitution Check\n*GATE: x*\n<!-- fill -->\n",
        |plan| {
            assert!(plan.constitution_check.as_ref().unwrap().blank);
        },
    );
}

const LEGACY: &str = "# Implementation Plan: Event Bus Fix

**Branch**: `002-bus` | **Date**: 2025-10-05 | **Spec**: [spec.md](spec.md)  
**Input**: Feature specification from `/specs/002-bus/spec.md`

## Execution Flow (/plan command scope)
```
1. Load the spec
2. STOP
```

## Summary
Stop the leak in the event bus.

## Technical Context
**Language/Version**: C# 12  
**Storage**: N/A  

## Constitution Check
*GATE: Must pass before Phase 0 research.*

**Simplicity**:
- Fewer than four projects? yes

## Phase 0: Outline & Research
Read the R3 docs.

## Phase 1: Design & Contracts
*Prerequisites: research.md complete*

## Phase 3+: Future Implementation

## Progress Tracking
*Updated while the plan runs*

**Phase Status**:
- [x] Phase 0: Research complete
- [ ] Phase 1: Design complete

**Gate Status**:
- [x] Initial Constitution Check: PASS
- [ ] All NEEDS CLARIFICATION resolved

---
*Based on Constitution v2.1.1*
";

#[test]
fn legacy_plan() {
    with_plan(LEGACY, |plan| {
        assert_eq!(plan.generation, Generation::SpecKitLegacy);
        assert_eq!(
            keys(plan),
            vec![
                "execution-flow",
                "summary",
                "technical-context",
                "constitution-check",
                "progress-tracking"
            ]
        );
        assert_eq!(
            plan.header.spec.map(|f| f.value.value),
            Some("[spec.md](spec.md)")
        );
        let storage = plan
            .technical_context
            .as_ref()
            .unwrap()
            .get(TechKey::Storage)
            .unwrap();
        assert!(storage.not_applicable);
        let check = plan.constitution_check.as_ref().unwrap();
        let simplicity = &check.fields[0];
        assert_eq!(simplicity.label.value, "Simplicity");
        assert_eq!(
            texts(&simplicity.items),
            vec!["Fewer than four projects? yes"]
        );

        let phases: Vec<_> = plan
            .phase_sections
            .iter()
            .map(|p| (p.number.map(|n| n.value), p.name.value))
            .collect();
        assert_eq!(
            phases,
            vec![
                (Some("0"), "Outline & Research"),
                (Some("1"), "Design & Contracts"),
                (Some("3+"), "Future Implementation")
            ]
        );

        let progress = plan.progress_tracking.as_ref().unwrap();
        let phase_status: Vec<_> = progress
            .phase_status
            .as_ref()
            .unwrap()
            .items
            .iter()
            .map(|i| (i.checkbox.map(|c| c.checked), i.text.value))
            .collect();
        assert_eq!(
            phase_status,
            vec![
                (Some(true), "Phase 0: Research complete"),
                (Some(false), "Phase 1: Design complete")
            ]
        );
        assert_eq!(progress.gate_status.as_ref().unwrap().items.len(), 2);
        assert_eq!(progress.items.len(), 4);
        // Nothing but the phases of the legacy template is left unread.
        assert_eq!(unknown_sections(plan), Vec::<&str>::new());
    });
}

#[test]
fn translated_headings_and_labels() {
    let text = "# 实现计划：测试\n\n**分支**: `003-x` | **日期**: 2025-10-08\n\n## 技术上下文\n**语言/版本**: C#\n**存储**: 不适用\n\n## 进度跟踪\n**阶段状态**:\n- [x] 阶段 0: 研究完成\n";
    with_plan(text, |plan| {
        assert_eq!(plan.generation, Generation::SpecKitLegacy);
        assert_eq!(plan.header.branch.map(|f| f.value.value), Some("`003-x`"));
        let context = plan.technical_context.as_ref().unwrap();
        assert_eq!(
            context.get(TechKey::LanguageVersion).map(|f| f.value.value),
            Some("C#")
        );
        assert!(context.get(TechKey::Storage).unwrap().not_applicable);
        let progress = plan.progress_tracking.as_ref().unwrap();
        assert_eq!(progress.phase_status.as_ref().unwrap().items.len(), 1);
    });
}

#[test]
fn a_label_owns_the_list_under_it() {
    let text = "## Technical Context\n**Primary Dependencies**:\n- **Core**: React\n- **Payments**: NEEDS CLARIFICATION\n\n**Storage**: SQLite\n";
    with_plan(text, |plan| {
        let context = plan.technical_context.as_ref().unwrap();
        assert_eq!(context.fields.len(), 2);
        let dependencies = context.get(TechKey::PrimaryDependencies).unwrap();
        assert_eq!(dependencies.value.value, "");
        assert!(dependencies.needs_clarification);
        let items: Vec<_> = dependencies
            .items
            .iter()
            .map(|i| i.field.map(|f| (f.label.value, f.value.value)))
            .collect();
        assert_eq!(
            items,
            vec![
                Some(("Core", "React")),
                Some(("Payments", "NEEDS CLARIFICATION"))
            ]
        );
    });
}

/// The label look-up as first written, to check the faster one against.
fn reference_tech_key(label: &str) -> Option<TechKey> {
    fn spaced(label: &str, known: &str) -> bool {
        let mut left = label.split('/').map(str::trim);
        let mut right = known.split('/').map(str::trim);
        loop {
            match (left.next(), right.next()) {
                (None, None) => return true,
                (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
                _ => return false,
            }
        }
    }
    let has_slash = label.contains('/');
    TechKey::ALL.into_iter().find(|key| {
        key.labels().iter().any(|known| {
            if label.len() == known.len() {
                label.eq_ignore_ascii_case(known)
            } else {
                has_slash && spaced(label, known)
            }
        })
    })
}

proptest::proptest! {
    #[test]
    fn tech_labels_agree_with_the_reference(
        known in proptest::sample::select(
            TechKey::ALL.iter().flat_map(|key| key.labels().iter().copied()).collect::<Vec<_>>()
        ),
        upper in proptest::bool::ANY,
        spaces in proptest::bool::ANY,
        tail in "[a-z /]{0,2}",
    ) {
        let mut label = if upper { known.to_uppercase() } else { known.to_string() };
        if spaces {
            label = label.replace('/', " / ");
        }
        label.push_str(&tail);
        proptest::prop_assert_eq!(TechKey::from_label(&label), reference_tech_key(&label));
    }
}

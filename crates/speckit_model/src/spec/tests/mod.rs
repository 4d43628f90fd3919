use std::fmt::Write as _;

use super::*;
use crate::common::assert_spans_slice_back;

pub(super) fn opt(text: Option<Text<'_>>) -> &str {
    text.map_or("-", |text| text.value)
}

/// A line-per-fact summary of a spec, checking every span on the way.
pub(super) fn render(text: &str) -> Vec<String> {
    let doc = Document::parse_str("spec.md", text);
    let spec = Spec::parse(&doc);
    assert_spans_slice_back(text, &spec);
    let mut out = vec![format!(
        "{:?} title={} feature={}",
        spec.generation,
        opt(spec.title),
        opt(spec.feature_name)
    )];
    for field in &spec.metadata {
        out.push(format!("meta {}={}", field.label.value, field.value.value));
    }
    for section in &spec.sections {
        let blank = if section.blank { " blank" } else { "" };
        out.push(format!("section {:?}{blank}", section.key));
    }
    render_stories(&spec, &mut out);
    render_extras(&spec, &mut out);
    let unknown: Vec<&str> = spec
        .outline
        .iter()
        .filter(|entry| !entry.known)
        .map(|entry| entry.title.value)
        .collect();
    if !unknown.is_empty() {
        out.push(format!("unknown {unknown:?}"));
    }
    out
}

fn render_stories(spec: &Spec<'_>, out: &mut Vec<String>) {
    for story in &spec.stories {
        let mut line = format!(
            "story {} {} {}",
            opt(story.number),
            opt(story.title),
            opt(story.priority)
        );
        for (name, value) in [
            ("narrative", story.narrative),
            ("why", story.why_priority),
            ("test", story.independent_test),
            ("as", story.as_a),
            ("want", story.i_want),
            ("so", story.so_that),
        ] {
            if let Some(value) = value {
                let _ = write!(line, " {name}={}", value.value);
            }
        }
        out.push(line);
        for scenario in &story.scenarios {
            out.push(render_scenario(scenario));
        }
        for item in &story.acceptance_criteria {
            out.push(format!("  criterion [{}] {}", item.mark, item.text.value));
        }
    }
    if let Some(primary) = spec.primary_story {
        out.push(format!("primary {}", primary.value));
    }
    out.extend(spec.scenarios.iter().map(render_scenario));
}

fn render_extras(spec: &Spec<'_>, out: &mut Vec<String>) {
    for requirement in &spec.requirements {
        let mut line = format!(
            "req {} {:?} in {:?}: {}",
            requirement.id.value, requirement.kind, requirement.section, requirement.text.value
        );
        if requirement.struck {
            line.push_str(" (struck)");
        }
        for field in &requirement.fields {
            let _ = write!(line, " | {}={}", field.label.value, field.value.value);
        }
        out.push(line);
    }
    for entity in &spec.entities {
        out.push(format!(
            "entity {} = {}",
            opt(entity.name),
            entity.description.value
        ));
    }
    for model in &spec.data_models {
        out.push(format!(
            "model {} {} code={:?}",
            opt(model.number),
            model.name.value,
            model.code.map(|c| c.value)
        ));
    }
    for session in &spec.clarifications {
        out.push(format!(
            "session {} date={}",
            opt(session.title),
            opt(session.date)
        ));
        for entry in &session.entries {
            out.push(format!(
                "  q={} a={}",
                entry.question.value,
                opt(entry.answer)
            ));
        }
    }
    for marker in &spec.markers {
        out.push(format!(
            "marker {} in {:?}",
            opt(marker.question),
            marker.section
        ));
    }
    for (name, list) in [
        ("edge", &spec.edge_cases),
        ("assume", &spec.assumptions),
        ("out", &spec.out_of_scope),
        ("ref", &spec.references),
    ] {
        out.extend(list.iter().map(|item| format!("{name} {}", item.value)));
    }
    render_plugin_parts(spec, out);
}

fn render_plugin_parts(spec: &Spec<'_>, out: &mut Vec<String>) {
    if let Some(overview) = &spec.overview {
        out.push(format!(
            "overview problem={} solution={} goals={:?} non_goals={:?}",
            opt(overview.problem_statement),
            opt(overview.proposed_solution),
            overview.goals.iter().map(|g| g.value).collect::<Vec<_>>(),
            overview
                .non_goals
                .iter()
                .map(|g| g.value)
                .collect::<Vec<_>>()
        ));
    }
    for metric in &spec.success_metrics {
        let fields: Vec<String> = metric
            .fields
            .iter()
            .map(|f| format!("{}={}", f.label.value, f.value.value))
            .collect();
        out.push(format!(
            "metric {} {} {}",
            opt(metric.label),
            metric.name.value,
            fields.join(",")
        ));
    }
    for risk in &spec.risks {
        out.push(format!(
            "risk {} {} {} {} blank={}",
            opt(risk.risk),
            opt(risk.impact),
            opt(risk.probability),
            opt(risk.mitigation),
            risk.blank
        ));
    }
    for question in &spec.open_questions {
        out.push(format!(
            "question {:?} {} {:?}",
            question.number, question.text.value, question.priority
        ));
    }
    for (name, items) in [
        ("review", &spec.review_checklist),
        ("status", &spec.execution_status),
    ] {
        out.extend(
            items
                .iter()
                .map(|item| format!("{name} [{}] {}", item.mark, item.text.value)),
        );
    }
}

fn render_scenario(scenario: &AcceptanceScenario<'_>) -> String {
    format!(
        "  scenario {} given={} when={} then={}",
        opt(scenario.number),
        opt(scenario.given),
        opt(scenario.when),
        opt(scenario.then)
    )
}

pub(super) fn check(text: &str, expected: &[&str]) {
    let got = render(text);
    assert_eq!(got, expected, "\n{got:#?}");
}

#[test]
fn spec_kit_head_spec() {
    check(
        "# Feature Specification: Photo Albums

**Feature Branch**: `004-photo-albums`
**Created**: 2025-06-01
**Status**: Draft
**Input**: User description: \"group photos by date\"

## Clarifications

### Session 2025-06-02

- Q: How many photos per album? → A: No limit

## User Scenarios & Testing *(mandatory)*

### User Story 1 - Create an album (Priority: P1)

A person drags photos onto a new album.

**Why this priority**: Albums are the core value.

**Independent Test**: Create one album and reopen the app.

**Acceptance Scenarios**:

1. **Given** three photos, **When** the user makes an album, **Then** the album lists them
2. **Given** an empty album, **Then** it shows a hint

---

### User Story 2 — Reorder (Priority: P2)

**Acceptance Scenarios**:

1. Photos can be dragged around

### Edge Cases

- What if the disk is full?
-

## Requirements *(mandatory)*

### Functional Requirements

- **FR-001**: System MUST create albums
- **FR-002**: System MUST keep [NEEDS CLARIFICATION: how long?] of history
- ~~**FR-003**: Dropped idea~~

### Key Entities *(include if feature involves data)*

- **Album**: a named group of photos
- Photo metadata without a bold name

## Success Criteria *(mandatory)*

### Measurable Outcomes

- **SC-001**: An album is made in under 10 seconds

## Assumptions

- Photos are already on disk

## Design Notes

Free text the model does not interpret.
",
        &[
            "SpecKit title=Feature Specification: Photo Albums feature=Photo Albums",
            "meta Feature Branch=`004-photo-albums`",
            "meta Created=2025-06-01",
            "meta Status=Draft",
            "meta Input=User description: \"group photos by date\"",
            "section Clarifications",
            "section ClarificationSession",
            "section UserScenarios",
            "section UserStory",
            "section UserStory",
            "section EdgeCases",
            "section Requirements",
            "section FunctionalRequirements",
            "section KeyEntities",
            "section SuccessCriteria",
            "section MeasurableOutcomes",
            "section Assumptions",
            "story 1 Create an album P1 narrative=A person drags photos onto a new album. why=Albums are the core value. test=Create one album and reopen the app.",
            "  scenario 1 given=three photos when=the user makes an album then=the album lists them",
            "  scenario 2 given=an empty album when=- then=it shows a hint",
            "story 2 Reorder P2",
            "req FR-001 Functional in Some(FunctionalRequirements): System MUST create albums",
            "req FR-002 Functional in Some(FunctionalRequirements): System MUST keep [NEEDS CLARIFICATION: how long?] of history",
            "req FR-003 Functional in Some(FunctionalRequirements): Dropped idea (struck)",
            "req SC-001 SuccessCriterion in Some(MeasurableOutcomes): An album is made in under 10 seconds",
            "entity Album = a named group of photos",
            "entity - = Photo metadata without a bold name",
            "session Session 2025-06-02 date=2025-06-02",
            "  q=How many photos per album? a=No limit",
            "marker how long? in Some(FunctionalRequirements)",
            "edge What if the disk is full?",
            "edge ",
            "assume Photos are already on disk",
            "unknown [\"Design Notes\"]",
        ],
    );
}

#[test]
fn legacy_spec() {
    check(
        "# Feature Specification: Sync

**Feature Branch**: `002-sync`  
**Created**: 2025-02-01  
**Status**: Draft  
**Input**: User description: \"sync\"

## Execution Flow (main)
```
1. Parse description
   → If empty: ERROR \"[NEEDS CLARIFICATION: not a marker]\"
```

## User Scenarios & Testing *(mandatory)*

### Primary User Story
A user edits on two devices and sees one result.

### Acceptance Scenarios
1. **Given** two devices, **When** both edit, **Then** the last write wins
6a. **Given** one offline device, **When** it reconnects, **Then** it catches up

### Edge Cases
- Clock skew?

## Requirements *(mandatory)*

### Functional Requirements
- **FR-001**: System MUST merge edits [NEEDS CLARIFICATION]

## Review & Acceptance Checklist
### Content Quality
- [x] No implementation details
- [ ] No [NEEDS CLARIFICATION] markers remain

## Execution Status
- [x] User description parsed
",
        &[
            "SpecKitLegacy title=Feature Specification: Sync feature=Sync",
            "meta Feature Branch=`002-sync`",
            "meta Created=2025-02-01",
            "meta Status=Draft",
            "meta Input=User description: \"sync\"",
            "section ExecutionFlow",
            "section UserScenarios",
            "section PrimaryUserStory",
            "section AcceptanceScenarios",
            "section EdgeCases",
            "section Requirements",
            "section FunctionalRequirements",
            "section ReviewChecklist",
            "section ExecutionStatus",
            "primary A user edits on two devices and sees one result.",
            "  scenario 1 given=two devices when=both edit then=the last write wins",
            "  scenario 6a given=one offline device when=it reconnects then=it catches up",
            "req FR-001 Functional in Some(FunctionalRequirements): System MUST merge edits [NEEDS CLARIFICATION]",
            "marker - in Some(FunctionalRequirements)",
            "marker - in Some(ReviewChecklist)",
            "edge Clock skew?",
            "review [x] No implementation details",
            "review [ ] No [NEEDS CLARIFICATION] markers remain",
            "status [x] User description parsed",
        ],
    );
}

#[test]
fn japanese_spec_with_crlf_and_bom() {
    let text = "\u{feff}# 機能仕様: 打刻\r\n\r\n**機能ブランチ**: `1-clock`  \r\n**作成日**: 2025-12-24  \r\n\r\n## ユーザーシナリオとテスト *(mandatory)*\r\n\r\n### ユーザーストーリー 1 - 打刻する (優先度: P1)\r\n\r\n**この優先度の理由**: 基本機能\r\n\r\n1. **前提** ログイン済み、**実行** ボタンを押す、**結果** 記録される\r\n\r\n### エッジケース\r\n\r\n- 二重打刻\r\n\r\n## 要件 *(mandatory)*\r\n\r\n### 機能要件\r\n\r\n- **FR-001**: システムは打刻を保存しなければならない";
    check(
        text,
        &[
            "SpecKit title=機能仕様: 打刻 feature=打刻",
            "meta 機能ブランチ=`1-clock`",
            "meta 作成日=2025-12-24",
            "section UserScenarios",
            "section UserStory",
            "section EdgeCases",
            "section Requirements",
            "section FunctionalRequirements",
            "story 1 打刻する P1 why=基本機能",
            "  scenario 1 given=ログイン済み when=ボタンを押す then=記録される",
            "req FR-001 Functional in Some(FunctionalRequirements): システムは打刻を保存しなければならない",
            "edge 二重打刻",
        ],
    );
    let doc = Document::parse_str("spec.md", text);
    let spec = Spec::parse(&doc);
    assert_eq!(spec.branch().map(|f| f.value.value), Some("`1-clock`"));
}

#[test]
fn front_matter_and_split_scenario_bullets() {
    check(
        "---
title: x
---
# Feature Specification: Chat

## User Scenarios

### User Story 1: First chat

**Scenario 1: New user**
- **Given** a new user
- **When** they ask a question
- **Then** the bot answers
",
        &[
            "SpecKit title=Feature Specification: Chat feature=Chat",
            "section UserScenarios",
            "section UserStory",
            "story 1 First chat -",
            "  scenario - given=a new user when=they ask a question then=the bot answers",
        ],
    );
    let text = "---\ntitle: x\n---\n# Feature Specification: Chat\n";
    let doc = Document::parse_str("spec.md", text);
    assert_eq!(
        Spec::parse(&doc)
            .front_matter
            .map(|span| &text[span.range()]),
        Some("---\ntitle: x\n---\n")
    );
}

#[test]
fn clarifications_without_sessions_and_wrapped_answers() {
    check(
        "# Feature Specification: X

## Clarifications

- Q: Direct bullet? → A: yes

### From v0.1.0 Dogfooding

- Q: A long question that
  wraps onto a second line → A: and is answered
- Not a question at all
",
        &[
            "SpecKit title=Feature Specification: X feature=X",
            "section Clarifications",
            "section ClarificationSession",
            "session - date=-",
            "  q=Direct bullet? a=yes",
            "session From v0.1.0 Dogfooding date=-",
            "  q=A long question that\n  wraps onto a second line a=and is answered",
            "  q=Not a question at all a=-",
        ],
    );
}

#[test]
fn markers_skip_code_and_comments() {
    let text = "# Feature Specification: X\n\nUse `[NEEDS CLARIFICATION: code]` here.\n\n<!-- [NEEDS CLARIFICATION: comment] -->\n\nKeep [NEEDS CLARIFICATION: real one [with] brackets] and [NEEDS CLARIFICATION: unclosed\n\nnext paragraph]\n";
    let doc = Document::parse_str("spec.md", text);
    let spec = Spec::parse(&doc);
    let questions: Vec<&str> = spec.markers.iter().map(|m| opt(m.question)).collect();
    assert_eq!(questions, vec!["real one [with] brackets"]);
    let marker = spec.markers[0];
    assert_eq!(
        &text[marker.span.range()],
        "[NEEDS CLARIFICATION: real one [with] brackets]"
    );
}

#[test]
fn odd_inputs_never_panic() {
    for text in [
        "",
        "#",
        "# Feature Specification:",
        "### User Story 1 - (Priority: )",
        "- **FR-",
        "- **FR-001**",
        "[NEEDS CLARIFICATION",
        "## Clarifications\n### Session\n- Q:\n- → A:",
        "1. **Given**",
        "6a.",
        "| Risk |\n|---|\n| |",
        "## Risks\n| a |\n|---|\n||",
        "**As a**",
        "#### Model 1:",
        "\u{feff}",
        "\r\n\r\n",
    ] {
        let doc = Document::parse_str("spec.md", text);
        let spec = Spec::parse(&doc);
        assert_spans_slice_back(text, &spec);
        let _ = detect_generation(&doc);
    }
}

#[test]
fn generation_detection() {
    let cases = [
        (
            "# Feature Specification: A\n\n### User Story 1 - x (Priority: P1)\n",
            Generation::SpecKit,
        ),
        (
            "# Feature Specification: A\n\n## Execution Flow (main)\n",
            Generation::SpecKitLegacy,
        ),
        ("# Specification: A\n\n**Author**: me\n", Generation::Plugin),
        ("# Whatever\n\n**Author**: me\n", Generation::Plugin),
        (
            "# 機能仕様: A\n\n**機能ブランチ**: `1-a`\n",
            Generation::SpecKit,
        ),
        (
            "# rest-api Specification\n\n## Purpose\n",
            Generation::Unknown,
        ),
        (
            "# Spec: Fixes\n\n**Slug**: 051-fixes | **Date**: 2026-04-05\n\n## Requirements\n\n## Scenarios\n",
            Generation::Unknown,
        ),
        (
            "# Fixes\n\n## User Scenarios & Testing\n",
            Generation::SpecKit,
        ),
    ];
    for (text, expected) in cases {
        let doc = Document::parse_str("spec.md", text);
        assert_eq!(detect_generation(&doc), expected, "{text}");
        assert_eq!(Spec::parse(&doc).generation, expected);
    }
}

mod corpus;
mod plugin;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Any mix of the constructs the three models look for parses without a
    /// panic, and every value slices back out of the text.
    #[test]
    fn models_survive_markdown_soup(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "# Feature Specification: X\n", "# Quality Checklist: Y\n", "# Z Constitution\n", "## Core Principles\n",
        "### I. Name (NON-NEGOTIABLE)\n", "### User Story 1 - T (Priority: P1)\n", "#### Story 2\n",
        "## Clarifications\n", "### Session 2025-01-01\n", "- Q: a → A: b\n", "1. **Given** a, **When** b, **Then** c\n",
        "6a. **Given** x\n", "- **FR-001**: MUST do\n", "1. **FR-1**: N\n", "   - Priority: High\n", "**TR-1**: x\n",
        "- [ ] CHK001 - q? [Gap]\n", "- [x] done\n", "- [~] odd\n", "[NEEDS CLARIFICATION: q]\n", "TODO(NAME): n\n",
        "**Version**: 1.0 | **Ratified**: TODO(R)\n", "**Last Updated**: x\n", "**Developer**: __ Date: __\n",
        "## Sign-off\n", "| Risk | Impact |\n|---|---|\n| | |\n", "```\n", "<!--", "-->", "-\n", "  ", "\r\n", "\n",
        "**As a** u\n", "MUST NOT. SHOULD。", "- **Name**: d\n", "#### Model 1: M\n", "【", "é", "\u{feff}",
    ]), 0..40)) {
        let text: String = pieces.concat();
        let doc = Document::parse_str("x.md", &text);
        assert_spans_slice_back(&text, &Spec::parse(&doc));
        assert_spans_slice_back(&text, &crate::Constitution::parse(&doc));
        assert_spans_slice_back(&text, &crate::Checklist::parse(&doc));
    }
}

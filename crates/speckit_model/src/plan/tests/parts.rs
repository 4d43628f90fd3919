//! The unfilled template shape, and the building blocks one case at a time.

use super::*;
use crate::plan::layout::{Numbered, normalize_title, split_numbered};
use speckit_text::{Span, Spanned};

/// The seed's shape with its slots still empty, in our own words.
const UNFILLED: &str = "# Implementation Plan: {Feature Name}

**Spec Reference**: [spec.md](./spec.md)
**Status**: Draft
**Author**: {Your Name}
**Created**: YYYY-MM-DD
**Last Updated**: YYYY-MM-DD

## Architecture Overview

<!-- the big picture -->

### Design Principles
<!-- what guides the work -->

-
-

### Architectural Decisions

#### Decision 1: {Title}
- **Context**: {Why}
- **Options Considered**:
  1. Option A: {One}
  2. Option B: {Two}
- **Decision**: {Pick}
- **Rationale**:
- **Consequences**: {Cost}

## Data Models

### Model 1: {Name}

**Purpose**: {What}

**Relationships**:
-
-

### Model 2: {Name}

**Purpose**: {What}

## Local Notes

Something the template does not have.

## Files to Create

| File Path | Purpose | Complexity |
|-----------|---------|------------|
|           |         | Low/Med/High |

## Open Questions

<!-- unknowns -->

1. {Question 1}

---

**Next Steps:**
1. Talk it over
";

#[test]
fn unfilled_template_keeps_empty_bullets_and_placeholders() {
    with_plan(UNFILLED, |plan| {
        assert_eq!(plan.generation, Generation::Plugin);
        assert_eq!(
            plan.header.created.map(|f| f.value.value),
            Some("YYYY-MM-DD")
        );
        assert_eq!(
            plan.header.author.map(|f| f.value.value),
            Some("{Your Name}")
        );
        assert_eq!(
            keys(plan),
            vec!["architecture-overview", "data-models", "open-questions"]
        );

        let architecture = plan.architecture.as_ref().unwrap();
        let principles = architecture.design_principles.as_ref().unwrap();
        assert_eq!(texts(&principles.items), vec!["", ""]);
        assert!(principles.section.blank);
        assert!(principles.items.iter().all(Bullet::is_empty));
        let decision = &architecture.decisions[0];
        assert_eq!(decision.title.value, "{Title}");
        assert_eq!(decision.decision().map(|f| f.value.value), Some("{Pick}"));
        assert_eq!(decision.chosen_option(), None);
        // An empty field keeps an empty value at the end of its line.
        let rationale = decision.rationale().unwrap();
        assert_eq!(rationale.value.value, "");
        assert_eq!(&UNFILLED[rationale.span.range()], "- **Rationale**:");

        // `**Relationships**:` over `-` would be a setext H2 and end Data
        // Models; the model keeps both models and both empty bullets.
        let models = &plan.data_models.as_ref().unwrap().models;
        let names: Vec<&str> = models.iter().map(|model| model.name.value).collect();
        assert_eq!(names, vec!["{Name}", "{Name}"]);
        let relationships = models[0].relationships.as_ref().unwrap();
        assert_eq!(texts(&relationships.items), vec!["", ""]);
        assert!(
            plan.data_models
                .as_ref()
                .unwrap()
                .section
                .span
                .contains_span(models[1].section.span)
        );

        assert_eq!(
            texts(&plan.open_questions.as_ref().unwrap().items),
            vec!["{Question 1}"]
        );
        assert_eq!(
            texts(&plan.next_steps.as_ref().unwrap().items),
            vec!["Talk it over"]
        );

        // Unknown H2s stay in the outline, unmarked; the accidental heading
        // is not reported as an unknown section.
        assert_eq!(
            unknown_sections(plan),
            vec!["Local Notes", "Files to Create"]
        );
    });
}

#[test]
fn blank_sections_and_blank_rows() {
    let text = "# Plan\n\n## Risk Mitigation\n\n| Risk | Mitigation Strategy | Status |\n|---|---|---|\n|  |  | Not Started/In Progress/Complete |\n|  |  |  |\n\n## Open Questions\n<!-- none yet -->\n\n-\n";
    with_plan(text, |plan| {
        let risks = plan.risks.as_ref().unwrap();
        assert!(risks.table.is_some());
        let rows: Vec<_> = risks
            .rows
            .iter()
            .map(|row| (row.status.value, row.blank))
            .collect();
        assert_eq!(
            rows,
            vec![("Not Started/In Progress/Complete", false), ("", true)]
        );
        let questions = plan.open_questions.as_ref().unwrap();
        assert!(questions.section.blank);
        assert_eq!(texts(&questions.items), vec![""]);
        assert!(
            !plan
                .section(SectionKey::RiskMitigation)
                .unwrap()
                .section
                .blank
        );
    });
}

#[test]
fn blankness_looks_through_subsections() {
    let text = "## Security Considerations\n<!-- how -->\n### Authentication\n-\n### Authorization\n- [ ]\n## Monitoring and Observability\n### Metrics to Track\n-\n### Dashboards\n- Latency board\n";
    with_plan(text, |plan| {
        let security = plan.security.as_ref().unwrap();
        assert!(security.topics[0].section.blank);
        // An empty checkbox is still a written item.
        assert!(!security.topics[1].section.blank);
        assert!(!security.section.blank);
        let monitoring = plan.monitoring.as_ref().unwrap();
        assert!(monitoring.metrics.as_ref().unwrap().section.blank);
        assert!(!monitoring.section.blank);
        let blank: Vec<bool> = plan
            .sections
            .iter()
            .map(|known| known.section.blank)
            .collect();
        assert_eq!(blank, vec![false, false]);
    });
    with_plan(
        "## Open Questions\n### Later\n<!-- x -->\n\n---\n",
        |plan| {
            assert!(plan.open_questions.as_ref().unwrap().section.blank);
        },
    );
}

#[test]
fn sections_out_of_order_and_duplicated_are_listed_as_found() {
    let text = "## Open Questions\n1. a\n## Architecture Overview\n## Open Questions\n1. b\n";
    with_plan(text, |plan| {
        assert_eq!(
            keys(plan),
            vec!["open-questions", "architecture-overview", "open-questions"]
        );
        assert_eq!(
            texts(&plan.open_questions.as_ref().unwrap().items),
            vec!["a"]
        );
        assert_eq!(plan.title, None);
    });
}

#[test]
fn short_setext_underlines_are_not_sections() {
    let text = "## Rollout Strategy\n### Rollback Plan\nRevert the deploy\n-\n### Feature Flags\n";
    with_plan(text, |plan| {
        let rollout = plan.rollout.as_ref().unwrap();
        let rollback = rollout.rollback_plan.as_ref().unwrap();
        assert_eq!(texts(&rollback.items), vec![""]);
        assert!(rollout.feature_flags.is_some());
    });
}

fn check_tree(code: &str, expected: &[&str]) {
    let text = format!("## Component Hierarchy\n```\n{code}```\n");
    with_plan(&text, |plan| {
        let tree = plan
            .component_hierarchy
            .as_ref()
            .unwrap()
            .tree
            .as_ref()
            .unwrap();
        let got: Vec<String> = tree
            .entries
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let comment = entry
                    .comment
                    .map(|c| format!(" #{}", c.value))
                    .unwrap_or_default();
                format!("{} {}{comment}", entry.depth, tree.path(index))
            })
            .chain(tree.comments.iter().map(|c| format!("comment {}", c.value)))
            .collect();
        assert_eq!(got, expected, "\n{got:#?}");
    });
}

#[test]
fn trees_in_the_template_grammar() {
    check_tree(
        "src/\n├── a/\n│   ├── b.ts   # the b\n│   └── c/\n│       └── d.ts\n└── e.ts\n",
        &[
            "0 src/",
            "1 src/a/",
            "2 src/a/b.ts #the b",
            "2 src/a/c/",
            "3 src/a/c/d.ts",
            "1 src/e.ts",
        ],
    );
}

#[test]
fn trees_drawn_other_ways() {
    // ASCII connectors, narrow indents, several roots and comment lines.
    check_tree(
        "# Option 1: single project\nsrc/\n|-- lib/\n|  `-- x.rs  // entry\n+-- y.rs\n\ntests/\n└─ it.rs ← new\n",
        &[
            "0 src/",
            "1 src/lib/",
            "2 src/lib/x.rs #entry",
            "1 src/y.rs",
            "0 tests/",
            "1 tests/it.rs #new",
            "comment # Option 1: single project",
        ],
    );
    check_tree(
        "App\n  Header\n    Logo\n  Footer\n",
        &["0 App", "1 App/Header", "2 App/Header/Logo", "1 App/Footer"],
    );
    check_tree("├── orphan.ts\n│\n", &["0 orphan.ts"]);
}

fn declarations(code: &str) -> (Vec<String>, Vec<String>) {
    let text = format!(
        "## Error Handling\n### Error Types\n```ts\n{code}```\n## Data Models\n### User\n```ts\n{code}```\n"
    );
    let doc = Document::parse_str("plan.md", &text);
    let plan = Plan::parse(&doc);
    assert_spans(&text, &plan);
    let enums = &plan
        .error_handling
        .as_ref()
        .unwrap()
        .error_types
        .as_ref()
        .unwrap()
        .enums;
    let interfaces = &plan.data_models.as_ref().unwrap().models[0].interfaces;
    let interfaces = interfaces
        .iter()
        .flat_map(|interface| {
            let name = interface.name.value;
            interface.members.iter().map(move |m| {
                let optional = if m.optional { "?" } else { "" };
                let comment = m
                    .comment
                    .map(|c| format!(" //{}", c.value))
                    .unwrap_or_default();
                format!("{name}.{}{optional}: {}{comment}", m.name.value, m.ty.value)
            })
        })
        .collect();
    let enums = enums
        .iter()
        .flat_map(|item| {
            let name = item.name.value;
            item.members.iter().map(move |m| {
                format!(
                    "{name}.{}={}",
                    m.key.value,
                    m.value.map_or("-", |v| v.value)
                )
            })
        })
        .collect();
    (interfaces, enums)
}

#[test]
fn typescript_interfaces() {
    let (interfaces, _) = declarations(
        "/** A user. */\nexport interface User extends Base {\n  readonly id: string;\n  /* note */\n  address: {\n    city: string;\n  };\n  tags: Map<string, number>,  // by name\n  [key: string]: unknown;\n  greet(name: string): void\n  onChange: (value: string) => void;\n}\ntype Point = { x: number; y?: number }\nconst notADeclaration = 1;\n",
    );
    assert_eq!(
        interfaces,
        vec![
            "User.id: string",
            "User.address: {",
            "User.tags: Map<string, number> //by name",
            "User.[key: string]: unknown",
            "User.greet: void",
            "User.onChange: (value: string) => void",
            "Point.x: number",
            "Point.y?: number",
        ]
    );
}

#[test]
fn typescript_enums() {
    let (_, enums) = declarations(
        "enum Code { A = 'a,b', B = \"b\" }\nexport const enum Level {\n  Low,\n  High = 2,\n}\n",
    );
    assert_eq!(
        enums,
        vec!["Code.A=a,b", "Code.B=b", "Level.Low=-", "Level.High=2"]
    );
}

#[test]
fn numbered_headings() {
    fn check(title: &str, words: &[&str], expected: Option<(Option<&str>, &str)>) {
        let whole = Span::new(0, u32::try_from(title.len()).unwrap());
        let normalized = normalize_title(title);
        let text = Spanned::new(normalized, whole.of_subslice(title, normalized));
        let got = split_numbered(text, words).map(|Numbered { number, name }| {
            assert_eq!(&title[name.span.range()], name.value);
            (number.map(|n| n.value), name.value)
        });
        assert_eq!(got, expected, "{title}");
    }
    check(
        "Decision 1: Storage",
        &["Decision"],
        Some((Some("1"), "Storage")),
    );
    check("Decision: Storage", &["Decision"], Some((None, "Storage")));
    check("Decisions", &["Decision"], None);
    check("Decision log", &["Decision"], None);
    check(
        "Phase 0 — Research",
        &["Phase"],
        Some((Some("0"), "Research")),
    );
    check(
        "Phase 3+: Future Implementation",
        &["Phase"],
        Some((Some("3+"), "Future Implementation")),
    );
    check(
        "Phase -1: Pre-Implementation Gates",
        &["Phase"],
        Some((Some("-1"), "Pre-Implementation Gates")),
    );
    check("Table: `users`", &["Table"], Some((None, "`users`")));
    check(
        "阶段 2: 任务规划方法",
        &["阶段"],
        Some((Some("2"), "任务规划方法")),
    );
    check(
        "API 1: Accounts 🎯",
        &["API"],
        Some((Some("1"), "Accounts")),
    );
}

#[test]
fn decision_options_in_other_forms() {
    let text = "## Architecture Overview\n### Decision 4: Cache\n- **Options Considered:**\n  1. **Redis**: fast, needs ops\n  2. Option C - in-process map\n  3. Memcached\n- **Decision**: redis, for now\n";
    with_plan(text, |plan| {
        let decision = &plan.architecture.as_ref().unwrap().decisions[0];
        assert!(decision.options_field().unwrap().colon_inside);
        assert!(!decision.decision().unwrap().colon_inside);
        let options: Vec<_> = decision
            .options
            .iter()
            .map(|o| {
                (
                    o.label.map(|l| l.value),
                    o.name.value,
                    o.description.map(|d| d.value),
                )
            })
            .collect();
        assert_eq!(
            options,
            vec![
                (None, "Redis", Some("fast, needs ops")),
                (Some("C"), "in-process map", None),
                (None, "Memcached", None),
            ]
        );
        assert_eq!(decision.chosen_option(), Some(0));
    });
}

#[test]
fn generation_detection() {
    fn check(text: &str, expected: Generation) {
        let doc = Document::parse_str("specs/001-x/plan.md", text);
        assert_eq!(super::detect_generation(&doc), expected, "{text}");
        assert_eq!(Plan::parse(&doc).generation, expected, "{text}");
    }
    check("# Plan\n**Spec Reference**: x\n", Generation::Plugin);
    check("# Plan\n## Architecture Overview\n", Generation::Plugin);
    check(
        "# Plan\n**Branch**: `1-x`\n## Execution Flow (/plan command scope)\n",
        Generation::SpecKitLegacy,
    );
    check(
        "# Plan\n## Summary\n## Progress Tracking\n",
        Generation::SpecKitLegacy,
    );
    check(
        "# Plan\n## 执行流程 (/plan 命令范围)\n",
        Generation::SpecKitLegacy,
    );
    check(
        "# Plan\n**Branch**: `1-x` | **Date**: 2025-01-01\n",
        Generation::SpecKit,
    );
    check("# Plan\n## Technical Context\n", Generation::SpecKit);
    check("# 実装計画\n## 技術コンテキスト\n", Generation::SpecKit);
    check("# Plan\n\nSee spec.md.\n", Generation::Unknown);
}

proptest::proptest! {
    #[test]
    fn title_normalisation_takes_the_lexer_route(
        title in "[ \t1.A-Za-z()*_:`🎯⚠️\u{fe0f}\u{3000}]{0,12}(MVP|\\)\\*|\\)_|\\)|P|)"
    ) {
        let expected = speckit_md::lex::strip_leading_number(
            speckit_md::lex::strip_heading_decorations(&title),
        );
        let got = normalize_title(&title);
        proptest::prop_assert_eq!(got, expected);
        proptest::prop_assert_eq!(got.as_ptr(), expected.as_ptr());
    }
}

use super::*;
use crate::common::assert_spans_slice_back;

fn opt(text: Option<Text<'_>>) -> &str {
    text.map_or("-", |text| text.value)
}

/// A line-per-fact summary of a constitution, checking every span.
fn render(text: &str) -> Vec<String> {
    let doc = Document::parse_str("constitution.md", text);
    let constitution = Constitution::parse(&doc);
    assert_spans_slice_back(text, &constitution);
    let mut out = vec![format!(
        "{:?} project={} report={}",
        constitution.generation,
        opt(constitution.project_name),
        constitution.sync_impact_report.is_some()
    )];
    for principle in &constitution.principles {
        let flag = if principle.non_negotiable { " !" } else { "" };
        out.push(format!(
            "principle {} {:?} {}{flag} rationale={}",
            opt(principle.number),
            principle.ordinal,
            principle.name.value,
            opt(principle.rationale().map(|field| field.value))
        ));
        for statement in &principle.statements {
            out.push(format!("  {:?}: {}", statement.level, statement.text.value));
        }
    }
    for section in &constitution.sections {
        let blank = if section.blank { " blank" } else { "" };
        out.push(format!("section {}{blank}", section.title.value));
    }
    if let Some(governance) = &constitution.governance {
        out.push(format!("governance {}", governance.title.value));
    }
    if let Some(version) = &constitution.version {
        out.push(format!(
            "version {} ratified={} amended={} updated={} packed={} line={:?}",
            opt(version.version),
            opt(version.ratified),
            opt(version.last_amended),
            opt(version.last_updated),
            version.pipe_packed,
            &text[version.span.range()]
        ));
    }
    for deferred in &constitution.deferred {
        out.push(format!(
            "todo {} note={} comment={}",
            deferred.name.value,
            opt(deferred.note),
            deferred.in_comment
        ));
    }
    out
}

fn check(text: &str, expected: &[&str]) {
    let got = render(text);
    assert_eq!(got, expected, "\n{got:#?}");
}

#[test]
fn spec_kit_constitution() {
    check(
        "<!--
Sync Impact Report
- Version change: 1.0.0 → 1.1.0
- TODO(RATIFICATION_DATE): first adoption unknown
-->
# Harbor Constitution

## Core Principles

### I. Library-First

Every feature MUST start as a library. Libraries SHOULD stay small.

**Rationale**: Reuse beats rewrite.

### II. Test-First (NON-NEGOTIABLE)

- Tests MUST NOT be skipped
- Reviews SHOULD NOT wait a day
- lower-case must is not normative

### Principle III: Plain Data

Nothing binding here.

## Security Requirements

<!-- fill in -->

## Governance

Amendments need a review.

**Version**: 1.1.0 | **Ratified**: TODO(RATIFICATION_DATE) | **Last Amended**: 2025-07-01
",
        &[
            "SpecKit project=Harbor report=true",
            "principle I Some(1) Library-First rationale=Reuse beats rewrite.",
            "  Must: Every feature MUST start as a library.",
            "  Should: Libraries SHOULD stay small.",
            "principle II Some(2) Test-First ! rationale=-",
            "  MustNot: Tests MUST NOT be skipped",
            "  ShouldNot: Reviews SHOULD NOT wait a day",
            "principle III Some(3) Plain Data rationale=-",
            "section Security Requirements blank",
            "section Governance",
            "governance Governance",
            "version 1.1.0 ratified=TODO(RATIFICATION_DATE) amended=2025-07-01 updated=- packed=true line=\"**Version**: 1.1.0 | **Ratified**: TODO(RATIFICATION_DATE) | **Last Amended**: 2025-07-01\"",
            "todo RATIFICATION_DATE note=first adoption unknown comment=true",
            "todo RATIFICATION_DATE note=- comment=false",
        ],
    );
}

#[test]
fn plugin_constitution() {
    check(
        "# Project Constitution: Lumen

## Project Vision
Ship small, useful tools.

## Core Principles

### Technical Excellence
- Code SHOULD be reviewed
-

### Velocity and Iteration
- Prefer small releases

## Evolution
- Revisit yearly

---

**Last Updated**: 2025-12-01
**Version**: 1.0
",
        &[
            "Plugin project=Lumen report=false",
            "principle - None Technical Excellence rationale=-",
            "  Should: Code SHOULD be reviewed",
            "principle - None Velocity and Iteration rationale=-",
            "section Project Vision",
            "section Evolution",
            "version 1.0 ratified=- amended=- updated=2025-12-01 packed=false line=\"**Last Updated**: 2025-12-01\\n**Version**: 1.0\"",
        ],
    );
}

#[test]
fn template_and_variants() {
    // The unfilled template, CRLF, BOM and no final newline; a footer
    // missing Last Amended; the footer between two sections.
    check(
        "\u{feff}# [PROJECT_NAME] Constitution\r\n\r\n## Core Principles\r\n\r\n### [PRINCIPLE_1_NAME]\r\n[PRINCIPLE_1_DESCRIPTION]\r\n\r\n## Governance\r\n\r\n**Version**: 1.0.0 | **Ratified**: 2026-01-09\r\n\r\n## Learnings\r\nNotes",
        &[
            "SpecKit project=[PROJECT_NAME] report=false",
            "principle - None [PRINCIPLE_1_NAME] rationale=-",
            "section Governance",
            "section Learnings",
            "governance Governance",
            "version 1.0.0 ratified=2026-01-09 amended=- updated=- packed=true line=\"**Version**: 1.0.0 | **Ratified**: 2026-01-09\"",
        ],
    );
}

#[test]
fn front_matter_and_japanese_headings() {
    check(
        "---\nowner: team\n---\n# NotebookLM Controller Constitution\n\n## Core Principles\n\n### I. 禁止過度設計 (No Over-Engineering)\n\n抽象化は必要になるまで MUST NOT 導入する。\n\n### VII. Privacy-First (MUST)\n",
        &[
            "SpecKit project=NotebookLM Controller report=false",
            "principle I Some(1) 禁止過度設計 (No Over-Engineering) rationale=-",
            "  MustNot: 抽象化は必要になるまで MUST NOT 導入する。",
            "principle VII Some(7) Privacy-First (MUST) rationale=-",
        ],
    );
}

#[test]
fn footer_glued_to_a_list_is_still_found() {
    check(
        "# X Constitution\n\n## Governance\n\n- Bumps:\n  - PATCH: wording\n**Version**: 1.7.0 | **Ratified**: 2026-02-02 | **Last Amended**: 2026-03-12\n",
        &[
            "SpecKit project=X report=false",
            "section Governance",
            "governance Governance",
            "version 1.7.0 ratified=2026-02-02 amended=2026-03-12 updated=- packed=true line=\"**Version**: 1.7.0 | **Ratified**: 2026-02-02 | **Last Amended**: 2026-03-12\"",
        ],
    );
}

#[test]
fn roman_numerals() {
    assert_eq!(roman_value("IV"), Some(4));
    assert_eq!(roman_value("XIV"), Some(14));
    assert_eq!(roman_value("IIII"), None);
    assert_eq!(roman_value("IC"), None);
    assert_eq!(roman_value(""), None);
}

#[test]
fn odd_inputs_never_panic() {
    for text in [
        "",
        "# Constitution",
        "## Core Principles\n### \n### I.\n### Principle\n### (NON-NEGOTIABLE)",
        "**Version**:",
        "**Version**: | **Ratified**: |",
        "TODO(",
        "TODO()",
        "TODO(X",
        "TODO(NAME):",
        "`TODO(CODE): no`",
        "<!-- Sync Impact Report",
    ] {
        let doc = Document::parse_str("constitution.md", text);
        let constitution = Constitution::parse(&doc);
        assert_spans_slice_back(text, &constitution);
        let _ = detect_generation(&doc);
    }
}

/// Parses every `constitution.md` of the shared corpus and prints a summary.
/// Run with `cargo test -p speckit_model corpus -- --ignored --nocapture`.
#[test]
#[ignore = "reads the shared corpus; run by hand to eyeball real-world variants"]
#[allow(clippy::print_stdout)]
fn corpus_constitutions() {
    let Some(documents) = crate::common::corpus_documents(|path| {
        path.file_name()
            .is_some_and(|name| name == "constitution.md")
    }) else {
        return;
    };
    for doc in documents {
        let constitution = Constitution::parse(&doc);
        assert_spans_slice_back(&doc.text, &constitution);
        let principles: Vec<String> = constitution
            .principles
            .iter()
            .map(|p| {
                format!(
                    "{}:{}{}:{}",
                    opt(p.number),
                    p.name.value,
                    if p.non_negotiable { "!" } else { "" },
                    p.statements.len()
                )
            })
            .collect();
        println!(
            "{:?} project={} report={} version={:?} todo={} sections={} principles={principles:?}\t{}",
            constitution.generation,
            opt(constitution.project_name),
            constitution.sync_impact_report.is_some(),
            constitution.version.as_ref().map(|v| (
                opt(v.version),
                opt(v.ratified),
                opt(v.last_amended)
            )),
            constitution.deferred.len(),
            constitution.sections.len(),
            doc.path
        );
    }
}

use super::*;
use crate::common::assert_spans_slice_back;

fn opt(text: Option<Text<'_>>) -> &str {
    text.map_or("-", |text| text.value)
}

/// A line-per-fact summary of a checklist, checking every span.
fn render(text: &str) -> Vec<String> {
    let doc = Document::parse_str("checklists/x.md", text);
    let checklist = Checklist::parse(&doc);
    assert_spans_slice_back(text, &checklist);
    let mut out = vec![format!(
        "{:?} {:?} type={} feature={}",
        checklist.generation,
        checklist.kind,
        opt(checklist.checklist_type),
        opt(checklist.feature_name)
    )];
    for field in &checklist.metadata {
        out.push(format!("meta {}={}", field.label.value, field.value.value));
    }
    for item in &checklist.items {
        let category: Vec<&str> = item.category.iter().map(|title| title.value).collect();
        let tags: Vec<&str> = item.tags.iter().map(|tag| tag.value).collect();
        assert_eq!(&text[item.mark_span.range()], item.mark.to_string());
        out.push(format!(
            "item {} [{}] {} tags={tags:?} note={} in {}",
            opt(item.id),
            item.mark,
            item.text.value,
            opt(item.note),
            category.join(" > ")
        ));
    }
    for entry in &checklist.sign_off {
        out.push(format!(
            "sign {} name={} date={} filled={}",
            entry.role.value,
            entry.name.value,
            opt(entry.date),
            entry.filled
        ));
    }
    for note in &checklist.notes {
        out.push(format!("note {}", note.value));
    }
    out
}

fn check(text: &str, expected: &[&str]) {
    let got = render(text);
    assert_eq!(got, expected, "\n{got:#?}");
}

#[test]
fn spec_kit_custom_checklist() {
    check(
        "# UX Checklist: Photo Albums

**Purpose**: Check UX requirement quality
**Created**: 2025-06-03
**Feature**: [spec.md](../spec.md)

## Requirement Clarity

- [ ] CHK001 - Is the empty album state described? [Clarity, Spec §FR-002]
- [x] CHK002 Are drag targets sized? [Gap] [Measurability]
- [X] CHK003 - Is undo covered? [Coverage] — Resolved: added FR-009

## Notes

- Check items off as you go
-
",
        &[
            "SpecKit Custom type=UX feature=Photo Albums",
            "meta Purpose=Check UX requirement quality",
            "meta Created=2025-06-03",
            "meta Feature=[spec.md](../spec.md)",
            "item CHK001 [ ] Is the empty album state described? tags=[\"Clarity, Spec §FR-002\"] note=- in Requirement Clarity",
            "item CHK002 [x] Are drag targets sized? tags=[\"Gap\", \"Measurability\"] note=- in Requirement Clarity",
            "item CHK003 [X] Is undo covered? tags=[\"Coverage\"] note=Resolved: added FR-009 in Requirement Clarity",
            "note Check items off as you go",
            "note ",
        ],
    );
    let doc = Document::parse_str(
        "x.md",
        "# A Checklist: B\n- [ ] CHK001 x [Clarity, Spec §FR-1]\n",
    );
    let checklist = Checklist::parse(&doc);
    assert_eq!(
        checklist.items[0].tag_values().collect::<Vec<_>>(),
        vec!["Clarity", "Spec §FR-1"]
    );
    assert_eq!(
        checklist.item("CHK001").map(|item| item.text.value),
        Some("x")
    );
}

#[test]
fn spec_kit_requirements_checklist_with_crlf() {
    check(
        "# Specification Quality Checklist: Sync\r\n\r\n**Purpose**: Validate the spec\r\n\r\n## Content Quality\r\n\r\n- [x] No implementation details\r\n- [ ] No [NEEDS CLARIFICATION] markers remain\r\n\r\n## Notes\r\n\r\n- Items marked incomplete need spec updates",
        &[
            "SpecKit Requirements type=Specification Quality feature=Sync",
            "meta Purpose=Validate the spec",
            "item - [x] No implementation details tags=[] note=- in Content Quality",
            "item - [ ] No [NEEDS CLARIFICATION] markers remain tags=[] note=- in Content Quality",
            "note Items marked incomplete need spec updates",
        ],
    );
}

#[test]
fn plugin_quality_checklist() {
    check(
        "\u{feff}# Quality Checklist: {Feature Name}

**Feature**: {Feature Name}
**Date**: YYYY-MM-DD
**Reviewed By**: {Name}

## Requirements Validation

### Specification Review
- [ ] All user stories have acceptance criteria
- [~] Edge cases are listed

## Browser Compatibility
- [ ]

## Sign-off

### Reviewers
**Developer**: ___________________ Date: _______
**Tech Lead**: Ana Ruiz Date: 2025-12-02
**QA**:

## Notes
<!-- anything else -->
",
        &[
            "Plugin Quality type=Quality feature={Feature Name}",
            "meta Feature={Feature Name}",
            "meta Date=YYYY-MM-DD",
            "meta Reviewed By={Name}",
            "item - [ ] All user stories have acceptance criteria tags=[] note=- in Requirements Validation > Specification Review",
            "item - [~] Edge cases are listed tags=[] note=- in Requirements Validation > Specification Review",
            "item - [ ]  tags=[] note=- in Browser Compatibility",
            "sign Developer name=___________________ date=_______ filled=false",
            "sign Tech Lead name=Ana Ruiz date=2025-12-02 filled=true",
            "sign QA name= date=- filled=false",
        ],
    );
}

#[test]
fn japanese_title_and_front_matter() {
    check(
        "---\nid: 7\n---\n# 仕様品質チェックリスト: 打刻\n\n## 内容\n- [x] 実装の詳細がない",
        &[
            "SpecKit Other type=仕様品質 feature=打刻",
            "item - [x] 実装の詳細がない tags=[] note=- in 内容",
        ],
    );
}

#[test]
fn items_in_code_are_not_items() {
    let doc = Document::parse_str(
        "x.md",
        "# X Checklist: Y\n\n```\n- [ ] CHK001 sample\n```\n",
    );
    assert!(Checklist::parse(&doc).items.is_empty());
}

#[test]
fn odd_inputs_never_panic() {
    for text in [
        "",
        "- [ ]",
        "- [ ] CHK",
        "- [ ] [",
        "- [ ] x]",
        "- [ ] a [b] c [d",
        "## Sign-off\n**A**: Date:",
        "## Sign-off\n**A**:Date:x",
        "# Checklist:",
        "# :",
    ] {
        let doc = Document::parse_str("checklists/x.md", text);
        let checklist = Checklist::parse(&doc);
        assert_spans_slice_back(text, &checklist);
        let _ = detect_generation(&doc);
    }
}

/// Parses every checklist of the shared corpus and prints a summary.
/// Run with `cargo test -p speckit_model corpus -- --ignored --nocapture`.
#[test]
#[ignore = "reads the shared corpus; run by hand to eyeball real-world variants"]
#[allow(clippy::print_stdout)]
fn corpus_checklists() {
    let Some(documents) = crate::common::corpus_documents(|path| {
        path.parent()
            .and_then(|parent| parent.file_name())
            .is_some_and(|name| name == "checklists")
            && path.extension().is_some_and(|extension| extension == "md")
    }) else {
        return;
    };
    for doc in documents {
        let checklist = Checklist::parse(&doc);
        assert_spans_slice_back(&doc.text, &checklist);
        let ids = checklist
            .items
            .iter()
            .filter(|item| item.id.is_some())
            .count();
        let tagged = checklist
            .items
            .iter()
            .filter(|item| !item.tags.is_empty())
            .count();
        let noted = checklist
            .items
            .iter()
            .filter(|item| item.note.is_some())
            .count();
        println!(
            "{:?} {:?} type={} items={} checked={} ids={ids} tagged={tagged} noted={noted} notes={}\t{}",
            checklist.generation,
            checklist.kind,
            opt(checklist.checklist_type),
            checklist.items.len(),
            checklist.checked_count(),
            checklist.notes.len(),
            doc.path
        );
    }
}

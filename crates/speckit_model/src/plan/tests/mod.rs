//! Tests of the plan model. Every test also checks that each span in the
//! serialised model slices back to its value.

mod parts;
mod plugin;
mod speckit;

use super::*;

/// Parses `text` as `plan.md` and checks every span of the model.
fn with_plan(text: &str, check: impl FnOnce(&Plan<'_>)) {
    let doc = Document::parse_str("specs/001-x/plan.md", text);
    let plan = Plan::parse(&doc);
    assert_spans(text, &plan);
    check(&plan);
}

/// Walks the serialised model: every `{value, span}` object must slice back
/// to its value, and every span must lie on character boundaries.
fn assert_spans(text: &str, plan: &Plan<'_>) {
    let json = serde_json::to_value(plan).expect("a plan serialises");
    walk(text, &json, "plan");
}

fn walk(text: &str, value: &serde_json::Value, path: &str) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(span) = map.get("span").and_then(span_of) {
                assert!(
                    text.is_char_boundary(span.0) && text.is_char_boundary(span.1),
                    "{path}: {span:?}"
                );
                assert!(span.0 <= span.1 && span.1 <= text.len(), "{path}: {span:?}");
                if let Some(serde_json::Value::String(expected)) = map.get("value") {
                    assert_eq!(&text[span.0..span.1], expected, "{path}");
                }
            }
            for (key, child) in map {
                walk(text, child, &format!("{path}.{key}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                walk(text, child, &format!("{path}[{index}]"));
            }
        }
        _ => {}
    }
}

fn span_of(value: &serde_json::Value) -> Option<(usize, usize)> {
    let start = usize::try_from(value.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(value.get("end")?.as_u64()?).ok()?;
    Some((start, end))
}

/// Texts of a list of bullets.
fn texts<'a>(items: &[Bullet<'a>]) -> Vec<&'a str> {
    items.iter().map(|item| item.text.value).collect()
}

/// Titles of the headings the model did not read.
fn unknown_sections<'a>(plan: &Plan<'a>) -> Vec<&'a str> {
    plan.outline
        .iter()
        .filter(|entry| !entry.known)
        .map(|entry| entry.title.value)
        .collect()
}

/// The keys of the known sections, in order.
fn keys(plan: &Plan<'_>) -> Vec<&'static str> {
    plan.sections
        .iter()
        .map(|known| known.key.as_str())
        .collect()
}

#[test]
fn json_schema_names_the_public_types() {
    let schema =
        serde_json::to_value(schemars::schema_for!(Plan<'static>)).expect("a schema serialises");
    let definitions = schema
        .get("$defs")
        .and_then(serde_json::Value::as_object)
        .expect("definitions");
    for name in [
        "Decision",
        "FileTree",
        "TsInterface",
        "TechField",
        "KnownSection",
        "ConstitutionCheck",
    ] {
        assert!(
            definitions.contains_key(name),
            "{name} missing from the schema"
        );
    }
}

#[test]
fn parsing_never_panics_on_odd_input() {
    let inputs = [
        "",
        "#",
        "## Architecture Overview\n#### Decision",
        "## File Structure\n```\n├──\n│\n└── \n    ",
        "## Error Handling\n### Error Types\n```ts\nenum {\n  = 'x',\n",
        "## Data Models\n### Model\n```ts\ninterface X {\n  a: { b: string;\n",
        "**Relationships**:\n-\n-\n## Open Questions\n1.\n",
        "## API Contracts\n### Endpoint 1: X\n**Response (:**\n```json\n",
        "\u{feff}# Implementation Plan: é\r\n\r\n## Summary\r\n",
        "## Technical Context\n**Language/Version**:\n**: x\n",
        "## Project Structure\nOption 1:\nOption \n[REMOVE IF UNUSED",
    ];
    for input in inputs {
        with_plan(input, |_| {});
    }
}

/// Lines that exercise every reader when shuffled together.
const FRAGMENTS: &[&str] = &[
    "## Architecture Overview",
    "### Architectural Decisions",
    "#### Decision 1: X",
    "#### Decision: Y",
    "- **Options Considered**:",
    "  1. Option A: a",
    "**Options Considered:**",
    "1. Name - text",
    "**Relationships**:",
    "-",
    "- ",
    "- [ ] item",
    "- [x]",
    "",
    "```",
    "```typescript",
    "interface A { b?: string; // c",
    "enum E { K = 'v',",
    "}",
    "src/",
    "├── a/   # c",
    "│   └── b",
    "| A | B |",
    "|---|---|",
    "|   |   |",
    "## Data Models",
    "### Model 1: M",
    "## API Contracts",
    "**Response Success (200):**",
    "**Method**: GET",
    "## Technical Context",
    "**Language/Version**: NEEDS CLARIFICATION",
    "continued value",
    "## Constitution Check",
    "*GATE: x*",
    "## Project Structure",
    "# [REMOVE IF UNUSED] Option 1: x",
    "---",
    "**Next Steps:**",
    "<!-- note",
    "-->",
    "Text\r",
    "  ",
];

proptest::proptest! {
    #[test]
    fn any_text_parses_with_valid_spans(text in "(?s)[#*`|─├└│ \\-:\n0-9A-Za-z{}()\\[\\]=';,/]{0,300}") {
        with_plan(&text, |_| {});
    }

    #[test]
    fn shuffled_template_lines_parse_with_valid_spans(
        lines in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60)
    ) {
        with_plan(&lines.join("\n"), |_| {});
    }
}

/// The section look-up as first written (every name of every key compared in
/// turn), to check the faster one against.
fn reference_key(title: &str) -> Option<SectionKey> {
    if super::speckit::is_execution_flow(title) {
        return Some(SectionKey::ExecutionFlow);
    }
    SectionKey::SEED
        .into_iter()
        .chain(SectionKey::SPEC_KIT)
        .find(|key| {
            key.names()
                .iter()
                .any(|name| title.eq_ignore_ascii_case(name))
        })
}

#[test]
fn every_section_name_finds_its_key() {
    for key in SectionKey::SEED.into_iter().chain(SectionKey::SPEC_KIT) {
        for name in key.names() {
            for variant in [name.to_string(), name.to_uppercase(), name.to_lowercase()] {
                assert_eq!(
                    SectionKey::from_normalized(&variant),
                    Some(key),
                    "{variant}"
                );
            }
        }
    }
}

/// Every section name, for drawing titles near them.
fn all_names() -> Vec<&'static str> {
    SectionKey::SEED
        .into_iter()
        .chain(SectionKey::SPEC_KIT)
        .flat_map(|key| key.names().iter().copied())
        .collect()
}

proptest::proptest! {
    #[test]
    fn section_look_up_agrees_with_the_reference(
        name in proptest::sample::select(all_names()),
        flips in proptest::collection::vec(proptest::bool::ANY, 32),
        cut in 0usize..3,
        tail in "[a-zA-Z &]{0,2}",
    ) {
        let mut title: String = name
            .chars()
            .zip(flips.iter().chain(std::iter::repeat(&false)))
            .map(|(c, &flip)| if flip { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        for _ in 0..cut {
            title.pop();
        }
        title.push_str(&tail);
        proptest::prop_assert_eq!(SectionKey::from_normalized(&title), reference_key(&title));
    }
}

/// Reads every `plan.md` of the shared corpus (`*/specs/*/plan.md`) and
/// prints a one-line summary of each. Run with `--ignored --nocapture`.
#[test]
#[ignore = "reads the shared corpus from disk"]
#[allow(clippy::print_stderr)]
fn corpus_plans_parse() {
    let Some(corpus) = speckit_testkit::corpus() else {
        return;
    };
    // `<repo>/specs/<feature>/plan.md`
    let paths = speckit_testkit::files_under(&corpus, |path| {
        let parts: Vec<_> = path
            .strip_prefix(&corpus)
            .map(|relative| {
                relative
                    .components()
                    .map(std::path::Component::as_os_str)
                    .collect()
            })
            .unwrap_or_default();
        matches!(parts.as_slice(), [_, specs, _, plan] if *specs == "specs" && *plan == "plan.md")
    });
    assert!(!paths.is_empty());
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let doc = Document::parse(
            speckit_diagnostics::FileId(0),
            path.display().to_string(),
            bytes,
        );
        let plan = Plan::parse(&doc);
        assert_spans(&doc.text, &plan);
        let unknown = plan
            .outline
            .iter()
            .filter(|entry| entry.level == 2 && !entry.known)
            .count();
        let tech = plan
            .technical_context
            .as_ref()
            .map_or(0, |context| context.fields.len());
        let gate_items = plan
            .constitution_check
            .as_ref()
            .map_or(0, |check| check.items.len());
        let trees = plan.project_structure.as_ref().map_or(0, |structure| {
            structure.trees.len()
                + structure
                    .documentation
                    .as_ref()
                    .map_or(0, |d| d.trees.len())
                + structure.source_code.as_ref().map_or(0, |s| s.trees.len())
        });
        eprintln!(
            "{:?} {:<70} keys={:?} unknown_h2={unknown} tech={tech} gate_items={gate_items} trees={trees} phases={}",
            plan.generation,
            path.strip_prefix(&corpus).unwrap_or(path).display(),
            keys(&plan),
            plan.phase_sections.len(),
        );
    }
    eprintln!("{} plans", paths.len());
}

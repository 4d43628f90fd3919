//! Properties of the Markdown layer on arbitrary input: it never panics, and
//! every span is in bounds and on character boundaries.

use proptest::prelude::*;
use speckit_md::{MdTree, NodeId, lex};
use speckit_text::{Span, Spanned};

/// Strings made of Markdown-significant pieces, so the parser meets lists,
/// tables, fences, headings and task markers far more often than in random text.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# ".to_string()),
        Just("## Phase 1: Setup\n".to_string()),
        Just("- [ ] T001 ".to_string()),
        Just("- [x] ".to_string()),
        Just("  - ".to_string()),
        Just("1. ".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("```sql\n".to_string()),
        Just("```\n".to_string()),
        Just("---\n".to_string()),
        Just("<!-- c -->".to_string()),
        Just("**Status**: ".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("［x］".to_string()),
        "[a-zA-Z0-9 *_`|\\[\\]()#>-]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_tree(text: &str) {
    let tree = MdTree::parse(text);
    for node in tree.nodes() {
        let range = node.span.range();
        assert!(range.end <= text.len(), "span {range:?} past end");
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "span {range:?} splits a char"
        );
    }
    for section in tree.sections() {
        assert!(text.get(section.span.range()).is_some());
        assert!(text.get(section.title.range()).is_some());
    }
    for child in tree.children(NodeId::ROOT) {
        let _ = tree.table(text, child);
        let _ = tree.code_block(text, child);
    }
    let whole = Span::from_range(0..text.len());
    for line in lex::lines(text, whole) {
        let _ = lex::field(line);
        let _ = lex::checkbox(line);
        let _ = lex::pipe_fields(line);
        let _ = lex::strip_heading_decorations(line.value);
        assert_eq!(text.get(line.span.range()), Some(line.value));
    }
    let _ = lex::html_comments(text, whole);
    let _ = lex::is_blank_content(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn markdown_like_input_never_panics(text in markdown()) {
        check_tree(&text);
    }

    #[test]
    fn any_string_never_panics(text in "\\PC*") {
        check_tree(&text);
    }

    #[test]
    fn field_spans_slice_back(label in "[A-Za-z ]{1,10}", value in "[^\n\r]{0,20}") {
        let line = format!("**{label}**: {value}");
        let spanned = Spanned::new(line.as_str(), Span::from_range(0..line.len()));
        if let Some(field) = lex::field(spanned) {
            prop_assert_eq!(&line[field.label.span.range()], field.label.value);
            prop_assert_eq!(&line[field.value.span.range()], field.value.value);
        }
    }
}

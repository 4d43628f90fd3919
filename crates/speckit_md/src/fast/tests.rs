//! Unit checks of the fast scanner against the pulldown-cmark builder.

use speckit_text::Span;

use super::{NO_CONTENT, scan_fast};
use crate::build::build_nodes;
use crate::tree::{Node, NodeKind};

fn root(text: &str) -> Node {
    Node {
        kind: NodeKind::Root,
        span: Span::from_range(0..text.len()),
        content: NO_CONTENT,
        subtree_end: 1,
        parent: 0,
    }
}

/// The first node where `got` and `expected` differ, described with its text.
fn divergence(text: &str, got: &[Node], expected: &[Node]) -> Option<String> {
    let describe = |node: Option<&Node>| match node {
        Some(node) => format!(
            "{node:?} {:?}",
            text.get(node.span.range()).unwrap_or("<bad span>")
        ),
        None => "<none>".to_string(),
    };
    (0..got.len().max(expected.len()))
        .find(|&i| got.get(i) != expected.get(i))
        .map(|i| {
            format!(
                "node {i}\n  fast:     {}\n  pulldown: {}",
                describe(got.get(i)),
                describe(expected.get(i))
            )
        })
}

/// `text` is accepted and built exactly as pulldown-cmark builds it.
fn check(text: &str) {
    let expected = build_nodes(text, 0, root(text));
    let Some(got) = scan_fast(text, 0, root(text)) else {
        panic!("declined: {text:?}");
    };
    if let Some(diff) = divergence(text, &got, &expected) {
        panic!("{text:?}\n{diff}\nfast: {got:#?}\npulldown: {expected:#?}");
    }
}

/// `text` is declined.
fn declined(text: &str) {
    assert!(
        scan_fast(text, 0, root(text)).is_none(),
        "accepted: {text:?}"
    );
}

#[test]
fn headings_and_paragraphs() {
    check("# Title\n\nSome *text* and `code`.\n");
    check("  ## Indented ##  \n");
    check("# \n#\n# # #\n### a #b ##\n");
    check("\\*not emphasis\n\n# \\# x\n");
    check("para\nlazy\n# h\n");
    check("a  \nb\\\nc\n");
}

#[test]
fn lists_tight_and_loose() {
    check("- a\n- b\n");
    check("- a\n\n- b\n");
    check("- a\n  - b\n\n   c\n");
    check("1. one\n2. two\n   - [ ] sub\n   - [x] done\n");
    check("- [ ] T001 [P] x\n- [X] T002\n\n- [ ] T003\n");
    check("-\n  a\n-\n\n  b\n- [ ]\n");
    check("* a\n+ b\n1) c\n");
    check("- a\ncontinued\n- b\n");
    check("1. a\n\n   ```\n   code\n   ```\n2. b\n");
}

#[test]
fn tables() {
    check("| A | B |\n|---|---|\n| 1 | two |\n| x |\n| a | b | c |\n\ntext\n");
    check("a | b\n--|--\nc | d\ne\n");
    check("para\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    check("| `a|b` | \\| x | \\\\|y |\n|---|---|---|\n");
    check("- | a |\n  |---|\n  | b |\n");
}

#[test]
fn code_html_and_breaks() {
    check("```rust\nfn main() {}\n```\n\n~~~\nx\n~~~\n");
    check("```\nunclosed\n");
    check("<!-- one line -->\n\n<!--\nmulti\n-->\ntext\n");
    check("- item\n  <!-- c\n  d -->\n");
    check("---\n***\n- a\n\n---\n");
    check("# A\r\n\r\n- [x] done\r\n```\r\n\r\nx\r\n```\r\n<!--\r\n\r\n-->\r\n");
}

#[test]
fn inline_constructs() {
    check("See [plan](./plan.md) and ![img](a.png \"t\") <https://x.y> <b>bold</b> <!-- c -->.\n");
    check("[a [b](c) d](e) [x] y\n");
    check("`a\nb` and [multi\nline](x)\n");
    check("- [link](x)\n- `code` [P]\n");
}

#[test]
fn block_quotes() {
    check("> quote\n> more\nlazy\n\n> - a\n>\n> - b\n");
    check("- item\n  > quoted\n  > > nested\n- next\n");
    check("> ```\n> code\n\nafter\n");
    check("> | a |\n> |---|\n> | b |\nc\n");
    check(">\n> # h\n> <!-- c\n> -->\n");
    check("> [y\n> z](w)\n");
    declined("> [link\n> ](x)\n");
}

#[test]
fn unsupported_syntax_is_declined() {
    declined("\tcode\n");
    declined("    indented\n");
    declined("Title\n=====\n");
    declined("[a]: https://x\n");
    declined("text[^1]\n\n[^1]: note\n");
    declined("<div>\nx\n</div>\n");
    declined("a\rb\n");
}

//! Property tests of the fast path: on any input, when the fast scanner
//! accepts a document its tree equals the pulldown-cmark tree.
//!
//! Three generators: spec-shaped documents composed from block and inline
//! pieces (the fast path should accept most of them), a soup of
//! Markdown-significant tokens (edge cases), and arbitrary strings. Run with
//! `PROPTEST_CASES=100000` for a thorough pass.

#![allow(
    clippy::print_stdout,
    reason = "the acceptance check reports the share it measured"
)]

mod common;

use common::{Outcome, compare};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// Inline text: words, emphasis, code spans, links, HTML and escapes.
fn inline_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9]{1,8}".prop_map(|w| w),
        3 => Just(" ".to_string()),
        1 => Just("**Bold**".to_string()),
        1 => Just("*em*".to_string()),
        1 => Just("_x_".to_string()),
        1 => Just("~~s~~".to_string()),
        1 => Just("`code`".to_string()),
        1 => Just("``a`b``".to_string()),
        1 => Just("`".to_string()),
        1 => Just("[P]".to_string()),
        1 => Just("[US1]".to_string()),
        1 => Just("[plan](./plan.md)".to_string()),
        1 => Just("[t](u \"title\")".to_string()),
        1 => Just("[a [b](c) d](e)".to_string()),
        1 => Just("![alt](img.png)".to_string()),
        1 => Just("[".to_string()),
        1 => Just("]".to_string()),
        1 => Just("](x)".to_string()),
        1 => Just("<https://example.com/a>".to_string()),
        1 => Just("<a@b.co>".to_string()),
        1 => Just("<b>".to_string()),
        1 => Just("</b>".to_string()),
        1 => Just("<feature-name>".to_string()),
        1 => Just("<!-- note -->".to_string()),
        1 => Just("a < b".to_string()),
        1 => Just("x > y".to_string()),
        1 => Just("\\*".to_string()),
        1 => Just("\\`".to_string()),
        1 => Just("\\[".to_string()),
        1 => Just("\\".to_string()),
        1 => Just("&amp;".to_string()),
        1 => Just("|".to_string()),
        1 => Just("T001".to_string()),
        1 => Just("é日本".to_string()),
        1 => Just("  ".to_string()),
    ];
    prop::collection::vec(piece, 1..10).prop_map(|pieces| pieces.concat())
}

/// One block of a spec-shaped document, as lines without line ends.
fn block() -> impl Strategy<Value = Vec<String>> {
    let indent = prop_oneof![
        4 => Just(String::new()),
        1 => Just(" ".to_string()),
        1 => Just("  ".to_string()),
        1 => Just("   ".to_string()),
        1 => Just("    ".to_string()),
        1 => Just("> ".to_string()),
        1 => Just(">".to_string()),
    ];
    let marker = prop_oneof![
        Just("- ".to_string()),
        Just("* ".to_string()),
        Just("+ ".to_string()),
        Just("1. ".to_string()),
        Just("2. ".to_string()),
        Just("10) ".to_string()),
        Just("- [ ] ".to_string()),
        Just("- [x] ".to_string()),
        Just("- [X] ".to_string()),
        Just("-   ".to_string()),
        Just("-".to_string()),
    ];
    let heading = (
        "#{1,7}",
        prop_oneof![Just(" "), Just("")],
        inline_text(),
        prop_oneof![Just(""), Just(" ##"), Just(" #")],
    )
        .prop_map(|(hashes, space, text, close)| vec![format!("{hashes}{space}{text}{close}")]);
    let paragraph = prop::collection::vec(inline_text(), 1..4);
    let item = (
        indent.clone(),
        marker,
        inline_text(),
        prop::option::of(inline_text()),
    )
        .prop_map(|(indent, marker, text, more)| {
            let mut lines = vec![format!("{indent}{marker}{text}")];
            if let Some(more) = more {
                lines.push(format!("{indent}  {more}"));
            }
            lines
        });
    let list = prop::collection::vec(item, 1..5).prop_map(|items| items.concat());
    let comment = prop_oneof![
        Just(vec!["<!-- single -->".to_string()]),
        Just(vec![
            "<!--".to_string(),
            "  ACTION REQUIRED".to_string(),
            "-->".to_string()
        ]),
        Just(vec![
            "<!-- a".to_string(),
            String::new(),
            "b -->".to_string()
        ]),
    ];
    let rule = prop_oneof![Just("---"), Just("***"), Just("- - -"), Just("___")]
        .prop_map(|r| vec![r.to_string()]);
    let blank = Just(vec![String::new()]);
    let field = inline_text().prop_map(|v| vec![format!("**Status**: {v}")]);
    prop_oneof![
        3 => paragraph,
        3 => list,
        2 => heading,
        2 => blank,
        1 => table(),
        1 => fence(),
        1 => comment,
        1 => rule,
        1 => field,
    ]
    .prop_flat_map(move |lines| {
        (Just(lines), prop_oneof![4 => Just(String::new()), 1 => Just("  ".to_string()), 1 => Just("> ".to_string())])
    })
    .prop_map(|(lines, prefix)| lines.into_iter().map(|line| format!("{prefix}{line}")).collect())
}

/// A pipe table with one to three columns.
fn table() -> impl Strategy<Value = Vec<String>> {
    (
        1usize..4,
        prop::collection::vec(inline_text(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(columns, cells, outer)| {
            let pipe = if outer { "|" } else { "" };
            let header: Vec<String> = (0..columns).map(|i| format!(" H{i} ")).collect();
            let delimiter: Vec<&str> = (0..columns).map(|_| "---").collect();
            let mut lines = vec![
                format!("{pipe}{}{pipe}", header.join("|")),
                format!("{pipe}{}{pipe}", delimiter.join("|")),
            ];
            for cell in cells {
                lines.push(format!("| {cell} | x |"));
            }
            lines
        })
}

/// A fenced code block, closed or not.
fn fence() -> impl Strategy<Value = Vec<String>> {
    (
        prop_oneof![Just("```"), Just("~~~"), Just("````")],
        prop_oneof![Just(""), Just("rust"), Just("sql title")],
        prop::collection::vec("[ a-z{}();`~]{0,12}", 0..4),
        prop_oneof![Just("```"), Just("~~~"), Just("")],
    )
        .prop_map(|(open, info, body, close)| {
            let mut lines = vec![format!("{open}{info}")];
            lines.extend(body);
            lines.push(close.to_string());
            lines
        })
}

/// A spec-shaped document: blocks joined by LF or CRLF, maybe a BOM and
/// front matter, maybe no final newline.
fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(block(), 0..12),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(blocks, crlf, bom, front_matter, final_newline)| {
            let line_end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            if front_matter {
                for line in ["---", "title: x", "---"] {
                    text.push_str(line);
                    text.push_str(line_end);
                }
            }
            let lines: Vec<String> = blocks.into_iter().flatten().collect();
            text.push_str(&lines.join(line_end));
            if final_newline && !lines.is_empty() {
                text.push_str(line_end);
            }
            text
        })
}

/// Markdown-significant tokens in any order: the edge cases.
fn token_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("a"),
        Just("bc"),
        Just(" "),
        Just("  "),
        Just("    "),
        Just("\n"),
        Just("\n"),
        Just("\r\n"),
        Just("- "),
        Just("* "),
        Just("+ "),
        Just("1. "),
        Just("2) "),
        Just("> "),
        Just(">"),
        Just("# "),
        Just("## "),
        Just("#"),
        Just("```"),
        Just("~~~"),
        Just("`"),
        Just("``"),
        Just("["),
        Just("]"),
        Just("("),
        Just(")"),
        Just("!["),
        Just("<"),
        Just("<!--"),
        Just("-->"),
        Just("<b>"),
        Just("</b>"),
        Just("<a href=\"x\">"),
        Just("<https://x.y>"),
        Just("\\"),
        Just("|"),
        Just("|---|"),
        Just(":-:"),
        Just("---"),
        Just("***"),
        Just("[ ] "),
        Just("[x] "),
        Just("&amp;"),
        Just("\""),
        Just("'"),
        Just("="),
        Just("-"),
        Just(":"),
        Just("*"),
        Just("_"),
        Just("**"),
        Just("~~"),
        Just("é"),
        Just("日本"),
        Just("\u{feff}"),
        Just("[^1]"),
        Just("]("),
        Just("<x@y.z>"),
        Just("\t"),
        Just("\r"),
        Just("&#x20;"),
        Just("<?php"),
        Just("<!x>"),
    ];
    prop::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spec_shaped_documents_build_the_same_tree(text in document()) {
        compare("document", &text);
    }

    #[test]
    fn token_soup_builds_the_same_tree(text in token_soup()) {
        compare("token soup", &text);
    }

    #[test]
    fn arbitrary_strings_build_the_same_tree(text in "\\PC*") {
        compare("string", &text);
    }
}

/// The generator is only useful if the fast path accepts what it makes.
#[test]
fn most_spec_shaped_documents_take_the_fast_path() {
    let mut runner = TestRunner::deterministic();
    let strategy = document();
    let total = 500;
    let mut fast = 0;
    for _ in 0..total {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        if compare("document", &text) == Outcome::Same {
            fast += 1;
        }
    }
    println!("spec-shaped documents: {fast}/{total} took the fast path");
    assert!(fast * 10 >= total * 3, "only {fast}/{total} accepted");
}

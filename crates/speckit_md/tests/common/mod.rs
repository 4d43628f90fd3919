//! Shared helpers for the fast-path equivalence tests: compare the two
//! builders on one text and describe the first difference.

use speckit_md::{Builder, MdTree, Node};

/// What the fast path did with one text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The fast path built the tree and it equals the pulldown-cmark tree.
    Same,
    /// The fast path declined.
    Declined,
}

/// Builds `text` both ways. Panics with the first differing node if the fast
/// path accepts the text but builds a different tree.
pub(crate) fn compare(label: &str, text: &str) -> Outcome {
    let Some(fast) = MdTree::parse_with(text, Builder::Fast) else {
        return Outcome::Declined;
    };
    let pulldown = MdTree::parse_with(text, Builder::Pulldown).expect("pulldown always builds");
    if pulldown.parser_panicked() {
        return Outcome::Same;
    }
    if let Some(diff) = divergence(text, fast.nodes(), pulldown.nodes()) {
        panic!("{label}: the fast path differs from pulldown-cmark\n{diff}");
    }
    assert_eq!(
        fast.sections(),
        pulldown.sections(),
        "{label}: sections differ"
    );
    Outcome::Same
}

/// The first node where the two lists differ: index, both nodes and their text.
pub(crate) fn divergence(text: &str, fast: &[Node], pulldown: &[Node]) -> Option<String> {
    let describe = |node: Option<&Node>| match node {
        Some(node) => format!(
            "{node:?} {:?}",
            text.get(node.span.range()).unwrap_or("<bad span>")
        ),
        None => "<none>".to_string(),
    };
    let index = (0..fast.len().max(pulldown.len())).find(|&i| fast.get(i) != pulldown.get(i))?;
    let context_start = index.saturating_sub(3);
    let context: Vec<String> = (context_start..index)
        .map(|i| format!("  {i}: {}", describe(pulldown.get(i))))
        .collect();
    Some(format!(
        "first difference at node {index} (of {} fast, {} pulldown)\npreceding (pulldown):\n{}\n  fast:     {}\n  pulldown: {}",
        fast.len(),
        pulldown.len(),
        context.join("\n"),
        describe(fast.get(index)),
        describe(pulldown.get(index)),
    ))
}

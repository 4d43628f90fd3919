use speckit_md::NodeKind;
use speckit_model::Model;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A fenced code block (```` ``` ```` or `~~~`) that is never closed.
    ///
    /// ## Why it matters
    /// Markdown swallows everything after an unclosed fence into the code
    /// block: the headings, tasks and tables below it silently disappear from
    /// the rendered page and from speckit's model.
    ///
    /// ## Example
    /// ````markdown
    /// ```sql
    /// CREATE TABLE a (id int);
    ///
    /// ## Phase 2
    /// ````
    /// Use instead: close the block with a line of three backticks.
    pub(crate) UnclosedCodeFence {
        code: "S006",
        name: "unclosed-code-fence",
        summary: "A fenced code block is never closed",
        severity: Error,
        fix: Never,
        target: Any,
    }
}

impl UnclosedCodeFence {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let document = cx.document;
        for node in document.tree.nodes() {
            if node.kind != (NodeKind::CodeBlock { fenced: true }) {
                continue;
            }
            let text = document.text.get(node.span.range()).unwrap_or("");
            let opening = text.trim_start();
            let fence_char = opening.chars().next().unwrap_or('`');
            let fence_len = opening.chars().take_while(|&c| c == fence_char).count();
            let closed = text.lines().skip(1).any(|line| {
                let line = line.trim();
                line.chars().take_while(|&c| c == fence_char).count() >= fence_len
                    && line.chars().all(|c| c == fence_char)
            });
            if !closed {
                let first_line = text.find('\n').map_or(text.len(), |at| at);
                let span = node.span.subspan(0..first_line);
                drop(
                    cx.report(
                        span,
                        "this code block is never closed; everything after it is treated as code",
                    )
                    .help(format!(
                        "close it with a line of {fence_len} {}",
                        if fence_char == '`' {
                            "backticks"
                        } else {
                            "tildes"
                        }
                    )),
                );
            }
        }
    }
}

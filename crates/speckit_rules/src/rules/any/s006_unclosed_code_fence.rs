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
            // A fence inside a block quote continues on lines that repeat the
            // quote markers (`> ```bash` … `> ````): count the markers before
            // the opening fence and strip as many from every later line.
            let line_start = document
                .text
                .get(..node.span.start as usize)
                .and_then(|before| memchr::memrchr(b'\n', before.as_bytes()))
                .map_or(0, |at| at + 1);
            let n_quotes = document
                .text
                .get(line_start..node.span.start as usize)
                .map_or(0, |prefix| prefix.matches('>').count());
            let opening = text.trim_start();
            let fence_char = opening.chars().next().unwrap_or('`');
            let fence_len = opening.chars().take_while(|&c| c == fence_char).count();
            // Lines after the opening fence (the vectorised `memchr`: code
            // blocks are the longest blocks of a plan).
            let mut starts = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
            let mut next_start = starts.next();
            let mut later_lines = std::iter::from_fn(|| {
                let start = next_start.filter(|&start| start < text.len())?;
                next_start = starts.next();
                text.get(start..next_start.map_or(text.len(), |end| end - 1))
            });
            let is_closing = |line: &str| {
                let line = strip_quote_markers(line, n_quotes).trim();
                line.chars().take_while(|&c| c == fence_char).count() >= fence_len
                    && line.chars().all(|c| c == fence_char)
            };
            // A closed block ends with its closing fence: try its last line
            // before reading every line.
            let body = text.trim_end_matches('\n');
            let last_line =
                memchr::memrchr(b'\n', body.as_bytes()).and_then(|at| body.get(at + 1..));
            let closed = last_line.is_some_and(is_closing) || later_lines.any(is_closing);
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

/// `line` without its first `n` block-quote markers (`> > code` → `code`).
fn strip_quote_markers(line: &str, n: usize) -> &str {
    let mut rest = line;
    for _ in 0..n {
        match rest.trim_start().strip_prefix('>') {
            Some(after) => rest = after,
            None => break,
        }
    }
    rest
}

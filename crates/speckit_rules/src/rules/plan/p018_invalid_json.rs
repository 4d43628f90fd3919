use serde::de::IgnoredAny;
use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::code::{code_blocks, offset_of, token_span};

declare_rule! {
    /// ## What it checks
    /// A fenced code block marked `json` whose content is not valid JSON,
    /// such as the request and response bodies of API Contracts. `//` and
    /// `/* … */` comments are tolerated; empty blocks, `jsonc` and `json5`
    /// blocks are not checked. The finding points at the place the parser
    /// stopped.
    ///
    /// ## Why it matters
    /// The seed template's bodies are valid JSON, and contract tests, mock
    /// servers and agents copy them as they are. A missing comma or a
    /// trailing one, an unquoted key or a `...` in place of a value breaks
    /// every one of them.
    ///
    /// ## Example
    /// ````markdown
    /// ```json
    /// { "name": "Weekly shop", "items": [] , }
    /// ```
    /// ````
    /// Use instead:
    /// ````markdown
    /// ```json
    /// { "name": "Weekly shop", "items": [] }
    /// ```
    /// ````
    pub(crate) InvalidJson {
        code: "P018",
        name: "invalid-json",
        summary: "A json code block does not parse",
        severity: Error,
        fix: Never,
        target: Plan,
    }
}

impl InvalidJson {
    fn run(&self, _plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let doc = cx.document;
        for block in code_blocks(doc, &["json"]) {
            let code = block.content;
            if code.value.trim().is_empty() {
                continue;
            }
            let Err(error) = serde_json::from_str::<IgnoredAny>(code.value) else {
                continue;
            };
            // Comments are common in documentation examples; accept them.
            if let Some(without) = blank_comments(code.value)
                && serde_json::from_str::<IgnoredAny>(&without).is_ok()
            {
                continue;
            }
            let at = offset_of(code.value, error.line(), error.column());
            let message = error.to_string();
            let message = message
                .rfind(" at line ")
                .and_then(|cut| message.get(..cut))
                .unwrap_or(&message);
            drop(
                cx.report(
                    token_span(code, at),
                    format!("JSON does not parse: {message}"),
                )
                .help("fix the JSON so that tools and agents can use the example as it is"),
            );
        }
    }
}

/// `text` with `//` and `/* */` comments outside strings replaced by spaces
/// (offsets unchanged), or `None` when it has no comment.
fn blank_comments(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut in_string = false;
    let mut changed = false;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if in_string {
            match byte {
                b'\\' => index += 1,
                b'"' => in_string = false,
                _ => {}
            }
            index += 1;
            continue;
        }
        let next = bytes.get(index + 1).copied();
        let end = match (byte, next) {
            (b'"', _) => {
                in_string = true;
                index += 1;
                continue;
            }
            (b'/', Some(b'/')) => memchr::memchr(b'\n', bytes.get(index..).unwrap_or(&[]))
                .map_or(bytes.len(), |newline| index + newline),
            (b'/', Some(b'*')) => {
                memchr::memmem::find(bytes.get(index + 2..).unwrap_or(&[]), b"*/")
                    .map_or(bytes.len(), |close| index + 2 + close + 2)
            }
            _ => {
                index += 1;
                continue;
            }
        };
        for slot in out.get_mut(index..end).unwrap_or(&mut []) {
            if *slot != b'\n' {
                *slot = b' ';
            }
        }
        changed = true;
        index = end;
    }
    if !changed {
        return None;
    }
    // Only ASCII bytes outside strings were replaced, so the text stays UTF-8
    // unless a comment held multi-byte characters, which became spaces byte
    // by byte.
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_outside_strings() {
        let text = "{ \"url\": \"https://x\", // note é\n \"a\": 1 /* b */ }";
        let without = blank_comments(text).unwrap_or_default();
        assert_eq!(without.len(), text.len());
        assert!(serde_json::from_str::<IgnoredAny>(&without).is_ok());
        assert_eq!(blank_comments("{\"a\": \"//\"}"), None);
    }
}

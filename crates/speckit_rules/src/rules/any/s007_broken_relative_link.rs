use speckit_md::NodeKind;
use speckit_model::Model;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A relative link (`[spec](./spec.md)`, `[model](../002-x/data-model.md)`)
    /// whose target file does not exist in the repository.
    ///
    /// ## Why it matters
    /// Plans link their spec, tasks link their plan, checklists link the spec
    /// they review. A broken link usually means a file was renamed or a feature
    /// folder renumbered, and the documents no longer point at each other.
    ///
    /// ## Example
    /// ```markdown
    /// **Spec Reference**: [spec.md](./specification.md)
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Spec Reference**: [spec.md](./spec.md)
    /// ```
    pub(crate) BrokenRelativeLink {
        code: "S007",
        name: "broken-relative-link",
        summary: "A relative link points at a file that does not exist",
        severity: Warning,
        fix: Never,
        target: Any,
    }
}

impl BrokenRelativeLink {
    fn run(&self, _model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let document = cx.document;
        for node in document.tree.nodes() {
            if node.kind != NodeKind::Link {
                continue;
            }
            let Some(target) = link_target(document.text.get(node.span.range()).unwrap_or(""))
            else {
                continue;
            };
            let Some(resolved) = resolve(&document.path, target) else {
                continue;
            };
            if !cx.files.exists(&resolved) {
                drop(
                    cx.report(node.span, format!("`{target}` does not exist"))
                        .help(format!("no file at `{resolved}` in the repository")),
                );
            }
        }
    }
}

/// The destination of an inline link `[text](dest "title")`, when it is a
/// relative file path (no scheme, no absolute path, no pure anchor).
fn link_target(source: &str) -> Option<&str> {
    let open = source.rfind("](")?;
    let inner = source.get(open + 2..)?.strip_suffix(')')?.trim();
    let inner = inner
        .strip_prefix('<')
        .and_then(|i| i.split_once('>'))
        .map_or(inner, |(dest, _)| dest);
    let dest = inner.split_whitespace().next()?;
    let dest = dest.split(['#', '?']).next()?;
    let external = dest.contains("://")
        || dest.starts_with("mailto:")
        || dest.starts_with('/')
        || dest.is_empty();
    (!external).then_some(dest)
}

/// Joins `target` to the directory of `document_path`, resolving `.` and
/// `..`; `None` when it climbs above the workspace root.
fn resolve(document_path: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = document_path.split('/').collect();
    parts.pop();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_resolution() {
        assert_eq!(link_target("[spec](./spec.md)"), Some("./spec.md"));
        assert_eq!(
            link_target("[x](../a/b.md#part \"title\")"),
            Some("../a/b.md")
        );
        assert_eq!(link_target("[x](https://a.io/b.md)"), None);
        assert_eq!(link_target("[x](#anchor)"), None);
        assert_eq!(link_target("[x]"), None);
        assert_eq!(
            resolve("specs/001-a/plan.md", "./spec.md").as_deref(),
            Some("specs/001-a/spec.md")
        );
        assert_eq!(
            resolve("specs/001-a/plan.md", "../002-b/spec.md").as_deref(),
            Some("specs/002-b/spec.md")
        );
        assert_eq!(resolve("plan.md", "../../x.md"), None);
    }
}

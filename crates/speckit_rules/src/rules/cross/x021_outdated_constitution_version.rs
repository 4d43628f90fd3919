use speckit_text::Span;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A plan that says which constitution version it was checked against
    /// — the legacy footer `*Based on Constitution v2.1.1 …*`, or
    /// `Constitution v1.1.0` inside its `## Constitution Check` — when the
    /// constitution has since moved to a higher version. Only versions of
    /// two or three numbers are compared; a plan citing a newer version is
    /// left alone (the legacy template's footer carries a fixed sample).
    ///
    /// ## Why it matters
    /// Principles may have been added or sharpened after the plan was
    /// checked. The plan's Constitution Check says nothing about them, so
    /// the gate should be run again against the current text.
    ///
    /// ## Example
    /// ```markdown
    /// *Based on Constitution v1.1.0 - See `.specify/memory/constitution.md`*
    /// ```
    /// while the constitution's footer says `**Version**: 1.2.0`. Use
    /// instead: re-check the plan against 1.2.0 and update the citation.
    pub(crate) OutdatedConstitutionVersion {
        code: "X021",
        name: "outdated-constitution-version",
        summary: "The plan was checked against an older constitution version",
        severity: Info,
        fix: Never,
        target: Feature,
    }
}

impl OutdatedConstitutionVersion {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((_, constitution)) = feature.constitution else {
            return;
        };
        let Some(current) = constitution
            .version
            .as_ref()
            .and_then(|line| line.version)
            .and_then(|version| parse_version(version.value.trim().trim_start_matches(['v', 'V'])))
        else {
            return;
        };
        let Some((plan_document, plan)) = feature.plan() else {
            return;
        };
        let text = &plan_document.text;
        let check = plan
            .constitution_check
            .as_ref()
            .map(|check| check.section.span);
        let citations = citations(text, feature.plan_lower(), check);
        if citations.is_empty() {
            return;
        }
        cx.evaluated(feature, 1);
        if let Some((span, cited, _)) = citations
            .into_iter()
            .find(|(_, _, version)| *version < current)
        {
            drop(
                cx.report(
                    plan_document,
                    span,
                    format!(
                        "the plan was checked against constitution {cited}, but the constitution is now at {}",
                        format_version(current)
                    ),
                )
                .help("run the Constitution Check again against the current principles and update the version the plan cites"),
            );
        }
    }
}

type Version = (u64, u64, u64);

/// `1.2`, `1.2.3` → (1, 2, 0), (1, 2, 3).
fn parse_version(text: &str) -> Option<Version> {
    let mut parts = text.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    let patch = match parts.next() {
        Some(patch) => patch.parse().ok()?,
        None => 0,
    };
    parts.next().is_none().then_some((major, minor, patch))
}

fn format_version((major, minor, patch): Version) -> String {
    format!("{major}.{minor}.{patch}")
}

/// Versions the plan `text` (`lower` with ASCII letters lower-cased) cites
/// for its constitution: after `Based on Constitution` / `基于宪法`
/// anywhere, after `Constitution` (any case) inside the Constitution Check.
/// Each with the span of `vX.Y.Z` as written.
fn citations<'t>(text: &'t str, lower: &str, check: Option<Span>) -> Vec<(Span, &'t str, Version)> {
    let mut found = Vec::new();
    // An ASCII text holds no CJK word.
    let needles: &[&str] = if text.is_ascii() {
        &["constitution"]
    } else {
        &["constitution", "宪法", "憲法"]
    };
    for needle in needles {
        for at in memchr::memmem::find_iter(lower.as_bytes(), needle) {
            let end = at + needle.len();
            let in_check = check.is_some_and(|span| span.range().contains(&at));
            let head = lower.get(..at).unwrap_or("").trim_end();
            let based =
                head.ends_with("based on") || head.ends_with("基于") || head.ends_with("に基づく");
            if !(in_check || based) {
                continue;
            }
            if let Some((span, written, version)) = version_after(text, end) {
                found.push((span, written, version));
            }
        }
    }
    found.sort_by_key(|(span, _, _)| span.start);
    found
}

/// `  v1.2.0`, ` version 1.2`, ` (v1.2.0)` right after `at`.
fn version_after(text: &str, at: usize) -> Option<(Span, &str, Version)> {
    let rest = text.get(at..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '(', ':']).len();
    let mut start = at + skipped;
    let mut tail = text.get(start..)?;
    if let Some(after) = tail
        .strip_prefix("version ")
        .or_else(|| tail.strip_prefix("Version "))
    {
        start += tail.len() - after.len();
        tail = after;
    }
    let digits_from = usize::from(tail.starts_with(['v', 'V']));
    let body = tail.get(digits_from..)?;
    let len = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(body.len());
    let number = body.get(..len)?.trim_end_matches('.');
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let version = parse_version(number)?;
    let end = start + digits_from + number.len();
    Some((Span::from_range(start..end), text.get(start..end)?, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str, check: Option<(usize, usize)>) -> Vec<&str> {
        citations(
            text,
            &text.to_ascii_lowercase(),
            check.map(|(start, end)| Span::from_range(start..end)),
        )
        .into_iter()
        .map(|(_, written, _)| written)
        .collect()
    }

    #[test]
    fn citations_are_read_from_the_footer_and_the_check() {
        let footer = "*Based on Constitution v2.1.1 - See `/memory/constitution.md`*";
        assert_eq!(cited(footer, None), ["v2.1.1"]);
        assert_eq!(cited("*基于宪法 v2.1.1 - 参见*", None), ["v2.1.1"]);
        let text = "Exempt per Constitution v1.0.1\n## Constitution Check\nChecked against constitution version 1.2.\n";
        assert_eq!(cited(text, Some((31, text.len()))), ["1.2"]);
        assert!(cited("constitution v1.0 elsewhere", None).is_empty());
    }

    #[test]
    fn versions_compare_by_number() {
        assert!(parse_version("1.10.0") > parse_version("1.9.3"));
        assert_eq!(parse_version("1.0"), Some((1, 0, 0)));
        assert_eq!(parse_version("1.2.3.4"), None);
    }
}

use semver::VersionReq;
use speckit_model::{Plan, Text};
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_placeholder, is_seed};

declare_rule! {
    /// ## What it checks
    /// A Version in `### New Dependencies` (or a Required Version in
    /// `### Peer Dependencies`) that is not a valid semver range. npm's range
    /// syntax is accepted and read with the `semver` crate after mapping:
    ///
    /// - exact and partial versions, `^`, `~`, `>`, `>=`, `<`, `<=`, `=`,
    ///   wildcards (`1.x`, `1.2.*`, `*`), a leading `v`;
    /// - comparators separated by spaces (`>=1.2 <2`) or commas;
    /// - alternatives joined by `||` and hyphen ranges (`1.2.3 - 2.0.0`);
    /// - the usual dist-tags (`latest`, `next`, `beta`, `canary`, …) and
    ///   protocol specifiers (`npm:`, `workspace:`, `file:`, `git+…`, URLs),
    ///   which are not ranges and are not checked.
    ///
    /// Back-ticks and a trailing `(…)` note are ignored. Blank rows are left
    /// to P010.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The version column becomes `npm install pkg@<version>`. A value such as
    /// `6.2+`, `^v6.2.1.0` or `recent` installs nothing, or something other
    /// than what was reviewed.
    ///
    /// ## Example
    /// ```markdown
    /// | `idb-keyval` | 6.2+ | Offline queue | +0.6 kB |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | `idb-keyval` | ^6.2.0 | Offline queue | +0.6 kB |
    /// ```
    pub(crate) InvalidVersionRange {
        code: "P023",
        name: "invalid-version-range",
        summary: "A dependency version is not a valid semver range",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl InvalidVersionRange {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(dependencies) = &plan.dependencies else {
            return;
        };
        let mut versions: Vec<(Text<'_>, &str, Span)> = Vec::new();
        for row in dependencies.new.iter().flat_map(|table| &table.rows) {
            if !row.blank {
                versions.push((row.version, row.package.value, row.span));
            }
        }
        for row in dependencies.peer.iter().flat_map(|table| &table.rows) {
            if !row.blank {
                versions.push((row.required_version, row.package.value, row.span));
            }
        }
        for (version, package, row) in versions {
            let package = speckit_model::strip_markup(package);
            let range = version_text(version.value);
            if is_placeholder(version) {
                continue;
            }
            if range.is_empty() {
                drop(
                    cx.report(row, format!("`{package}` has no version"))
                        .help("give the range to install, such as ^1.4.0"),
                );
                continue;
            }
            if is_valid_range(range) {
                continue;
            }
            drop(
                cx.report(
                    version.span,
                    format!("`{range}` (for `{package}`) is not a valid semver range"),
                )
                .help("write an npm range such as ^1.4.0, ~1.4, >=1.4 <2 or 1.x"),
            );
        }
    }
}

/// The range written in a cell: without back-ticks, emphasis and a trailing
/// `(…)` note. Operators such as `^` and `>=` are kept.
fn version_text(cell: &str) -> &str {
    let text = speckit_model::strip_markup(cell);
    let text = match text.find(" (") {
        Some(at) => text.get(..at).unwrap_or(text),
        None => text,
    };
    speckit_model::strip_markup(text)
}

/// Whether `text` is an npm version range (see the rule's documentation).
pub(crate) fn is_valid_range(text: &str) -> bool {
    let text = text.trim();
    if is_tag_or_protocol(text) {
        return true;
    }
    text.split("||").all(|alternative| {
        let alternative = alternative.trim();
        !alternative.is_empty() && parses(alternative)
    })
}

fn is_tag_or_protocol(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "latest",
        "next",
        "beta",
        "alpha",
        "canary",
        "rc",
        "nightly",
        "experimental",
        "stable",
        "lts",
    ];
    const PROTOCOLS: &[&str] = &[
        "npm:",
        "workspace:",
        "file:",
        "link:",
        "portal:",
        "patch:",
        "catalog:",
        "git+",
        "git:",
        "github:",
        "http://",
        "https://",
    ];
    TAGS.iter().any(|tag| text.eq_ignore_ascii_case(tag))
        || PROTOCOLS.iter().any(|prefix| text.starts_with(prefix))
}

/// One alternative (no `||`): hyphen range, or comparators separated by
/// blanks or commas.
fn parses(alternative: &str) -> bool {
    if let Some((low, high)) = alternative.split_once(" - ") {
        let (low, high) = (low.trim(), high.trim());
        return !low.contains(' ')
            && !high.contains(' ')
            && VersionReq::parse(&format!(">={}, <={}", strip_v(low), strip_v(high))).is_ok();
    }
    let mut comparators: Vec<String> = Vec::new();
    let mut pending_operator: Option<&str> = None;
    for token in alternative
        .split([' ', ',', '\t'])
        .filter(|token| !token.is_empty())
    {
        if token
            .bytes()
            .all(|b| matches!(b, b'<' | b'>' | b'=' | b'^' | b'~'))
        {
            if pending_operator.is_some() {
                return false;
            }
            pending_operator = Some(token);
            continue;
        }
        let operator_len = token
            .bytes()
            .take_while(|b| matches!(b, b'<' | b'>' | b'=' | b'^' | b'~'))
            .count();
        let (operator, version) = token.split_at(operator_len);
        let operator = match pending_operator.take() {
            Some(pending) if operator.is_empty() => pending,
            Some(_) => return false,
            None => operator,
        };
        comparators.push(format!("{operator}{}", strip_v(version)));
    }
    if pending_operator.is_some() || comparators.is_empty() {
        return false;
    }
    VersionReq::parse(&comparators.join(", ")).is_ok()
}

fn strip_v(version: &str) -> &str {
    version
        .strip_prefix('v')
        .or_else(|| version.strip_prefix('V'))
        .unwrap_or(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npm_ranges() {
        assert_eq!(version_text("`>=1 <2` (lockfile)"), ">=1 <2");
        for valid in [
            "^6.2.1",
            "~1.2",
            ">=1 <2",
            ">= 1.2.3, < 2",
            "1.x",
            "1.2.*",
            "*",
            "v2.0.0",
            "1.2.3 - 2.3.4",
            "^1.0.0 || ^2.0.0",
            "latest",
            "npm:react@18",
            "workspace:*",
            "^1.0.0-beta.1",
            "=1.2.3",
        ] {
            assert!(is_valid_range(version_text(valid)), "{valid}");
        }
        for invalid in [
            "6.2+",
            "1.2.3.4",
            "^one",
            ">=",
            "1.2.3 -",
            "^1.0.0 ||",
            ">= >= 1",
            "v6 or later",
            "recent",
        ] {
            assert!(!is_valid_range(invalid), "{invalid}");
        }
    }
}

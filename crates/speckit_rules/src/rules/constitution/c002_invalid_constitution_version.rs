use speckit_model::{Constitution, Generation};
use speckit_text::Edit;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A constitution version that is not in its template's form: spec-kit
    /// uses semantic versions (`1.2.0`), the plugin two numbers (`1.0`).
    /// Template slots such as `[CONSTITUTION_VERSION]` are left to C006.
    ///
    /// ## Why it matters
    /// spec-kit amends the constitution by semantic versioning: MAJOR for
    /// removed or redefined principles, MINOR for new ones, PATCH for
    /// wording. `v2`, `1.2-draft` or `latest` cannot be compared or bumped.
    ///
    /// ## Example
    /// ```markdown
    /// **Version**: v1.2 | **Ratified**: 2026-02-10 | **Last Amended**: 2026-03-01
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Version**: 1.2.0 | **Ratified**: 2026-02-10 | **Last Amended**: 2026-03-01
    /// ```
    ///
    /// ## Fix
    /// A leading `v` is dropped and missing parts are added as zeros
    /// (`v1.2` → `1.2.0` for spec-kit, `1` → `1.0` for the plugin): the same
    /// version, written the template's way. Other values are left alone.
    pub(crate) InvalidConstitutionVersion {
        code: "C002",
        name: "invalid-constitution-version",
        summary: "The constitution version is not in the template's form",
        severity: Warning,
        fix: Sometimes,
        target: Constitution,
    }
}

impl InvalidConstitutionVersion {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        let Some(version) = constitution.version.as_ref().and_then(|line| line.version) else {
            return;
        };
        let value = speckit_model::strip_markup(version.value);
        if value.starts_with(['[', '{']) || value.starts_with("TODO") {
            return;
        }
        let value_span = version.span.of_subslice(version.value, value);
        let parts = numeric_parts(value);
        let expected = match constitution.generation {
            Generation::Plugin => 2,
            // Either form is fine when the template cannot be told.
            Generation::Unknown if matches!(parts, Some(2 | 3)) => return,
            Generation::SpecKit | Generation::SpecKitLegacy | Generation::Unknown => 3,
        };
        if parts == Some(expected) {
            return;
        }
        let form = if expected == 3 {
            "MAJOR.MINOR.PATCH"
        } else {
            "MAJOR.MINOR"
        };
        let report = cx
            .report(
                value_span,
                format!("version `{value}` is not in the form {form}"),
            )
            .help(format!("write the version as {form}, numbers only"));
        drop(match normalized(value, expected) {
            Some(fixed) => report.safe_fix(
                format!("write `{fixed}`"),
                vec![Edit::replace(value_span, fixed)],
            ),
            None => report,
        });
    }
}

/// How many dot-separated numbers `value` is made of, if only that.
fn numeric_parts(value: &str) -> Option<usize> {
    let mut count = 0;
    for part in value.split('.') {
        if part.is_empty() || !part.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// `v1.2` → `1.2.0` (three parts), `1` → `1.0` (two): only when the value is
/// numbers and dots (after an optional `v`) and has at most `parts` numbers.
fn normalized(value: &str, parts: usize) -> Option<String> {
    let bare = value.strip_prefix(['v', 'V']).unwrap_or(value);
    let count = numeric_parts(bare)?;
    if count > parts {
        return None;
    }
    let mut fixed = bare.to_string();
    for _ in count..parts {
        fixed.push_str(".0");
    }
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_forms() {
        assert_eq!(numeric_parts("1.2.0"), Some(3));
        assert_eq!(numeric_parts("1.0"), Some(2));
        assert_eq!(numeric_parts("1.2-draft"), None);
        assert_eq!(normalized("v1.2", 3).as_deref(), Some("1.2.0"));
        assert_eq!(normalized("1", 2).as_deref(), Some("1.0"));
        assert_eq!(normalized("1.2.0", 2), None);
        assert_eq!(normalized("latest", 3), None);
    }
}

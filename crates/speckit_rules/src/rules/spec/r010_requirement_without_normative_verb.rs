use speckit_model::Spec;
use speckit_model::spec::RequirementKind;
use speckit_text::Edit;

use super::{definitions, is_speckit, word_spans, words};
use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::has_cjk;

declare_rule! {
    /// ## What it checks
    /// A spec-kit functional requirement without a normative keyword:
    /// `MUST`, `MUST NOT`, `SHOULD`, `SHALL` or `MAY` in capitals (or `may`,
    /// which cannot be told apart from ordinary English), or with no text at
    /// all. Plugin requirements (names with a `Description:`
    /// sub-bullet) and requirements written in Chinese or Japanese, whose
    /// normative forms vary too much to judge, are not checked.
    ///
    /// ## Why it matters
    /// The template writes every requirement as `System MUST …` so that
    /// obligations stand out from descriptions and can be tested one by
    /// one. "The fold records plan and tasks" describes; it does not say
    /// whether anything else is allowed.
    ///
    /// ## Example
    /// ```markdown
    /// - **FR-003**: Users can export their recipes
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **FR-003**: Users MUST be able to export their recipes
    /// ```
    ///
    /// ## Fix
    /// When the requirement uses `must`, `shall` or `should` in lower case
    /// (outside quotes and code), the word is written in capitals. That
    /// changes no meaning; other requirements need a person to reword them.
    pub(crate) RequirementWithoutNormativeVerb {
        code: "R010",
        name: "requirement-without-normative-verb",
        summary: "A functional requirement has no MUST/SHOULD",
        severity: Info,
        fix: Sometimes,
        target: Spec,
    }
}

const KEYWORDS: [&str; 4] = ["MUST", "SHOULD", "SHALL", "MAY"];
const LOWER_KEYWORDS: [&str; 3] = ["must", "shall", "should"];
impl RequirementWithoutNormativeVerb {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        if !is_speckit(spec) {
            return;
        }
        for requirement in definitions(spec) {
            if requirement.kind != RequirementKind::Functional || requirement.struck {
                continue;
            }
            let text = requirement.text.value;
            if text.is_empty() {
                drop(
                    cx.report(
                        requirement.id.span,
                        format!("`{}` has no text", requirement.id.value),
                    )
                    .help("state the requirement after the ID: `System MUST …`"),
                );
                continue;
            }
            // Lower-case `may` is normative in practice (`No screen may …`)
            // but also ordinary English, so it is accepted without a fix.
            if words(text).any(|word| KEYWORDS.contains(&word) || word == "may") {
                continue;
            }
            if has_cjk(text) {
                continue;
            }
            let id = requirement.id.value;
            match lower_keyword(text) {
                Some((start, word)) => {
                    let span = requirement.text.span.subspan(start..start + word.len());
                    let upper = word.to_ascii_uppercase();
                    drop(
                        cx.report(span, format!("`{id}` writes `{word}` in lower case"))
                            .help("write the normative keyword in capitals, as RFC 2119 does")
                            .safe_fix(format!("write `{upper}`"), vec![Edit::replace(span, upper)]),
                    );
                }
                None => drop(
                    cx.report(requirement.id.span, format!("`{id}` has no MUST or SHOULD"))
                        .help("state the obligation with a capitalised keyword: `System MUST …`, `Users SHOULD …`"),
                ),
            }
        }
    }
}

/// The first lower-case `must`/`shall`/`should` of `text` that stands before
/// any quote or code, so that capitalising it cannot change quoted wording.
fn lower_keyword(text: &str) -> Option<(usize, &'static str)> {
    let (start, word) = word_spans(text).find(|(_, word)| LOWER_KEYWORDS.contains(word))?;
    let keyword = LOWER_KEYWORDS
        .iter()
        .copied()
        .find(|keyword| *keyword == word)?;
    let before = text.get(..start).unwrap_or("");
    let quoted = before.contains(['"', '`', '\'', '“', '「']);
    (!quoted).then_some((start, keyword))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_keywords() {
        assert_eq!(lower_keyword("Users must log in"), Some((6, "must")));
        assert_eq!(lower_keyword("Show \"you must log in\""), None);
        assert_eq!(lower_keyword("The mustard is shown"), None);
        assert_eq!(lower_keyword("Users can log in"), None);
    }
}

use speckit_model::Spec;
use speckit_model::spec::RequirementKind;
use speckit_text::Span;

use super::{criterion_unmeasurable, definitions, metric_problem, nfr_problem};
use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{has_cjk, vague_words};

declare_rule! {
    /// ## What it checks
    /// A requirement or success criterion that uses a vague word (`fast`,
    /// `quickly`, `scalable`, `secure`, `intuitive`, `robust`,
    /// `user-friendly`, `easy`, `simple`, `efficient`, `reliable`,
    /// `flexible`, `seamless`, `appropriate`, `as needed`, `if possible`,
    /// `etc.`) with no number in the same sentence. The requirement's text
    /// and its `Description`, `Metric` and `Target` sub-bullets are read; a
    /// `Description` is not read when the `Target` holds a number.
    /// Names such as `quick action` or `fast path` are not vague. NFRs and
    /// success criteria that R011 or R017 already report are left to them.
    /// Words outside the obligation itself are not read either: inside
    /// parentheses (`(a simple CRUD app, etc.)`), in a purpose that follows
    /// (`… for easy sharing`, `…, allowing quick advice`), or spelled out by
    /// the list right after them (`flexible pricing (free, monthly, yearly)`).
    ///
    /// ## Why it matters
    /// Nobody can test "easy" or "appropriate": the implementer decides what
    /// it means, and reviewers find out later that they meant something else.
    ///
    /// ## Example
    /// ```markdown
    /// - **FR-023**: System MUST show an appropriate error message
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **FR-023**: System MUST say which field is invalid and how to correct it
    /// ```
    pub(crate) VagueRequirement {
        code: "R014",
        name: "vague-requirement",
        summary: "A requirement uses a vague word without a number",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

const READ_FIELDS: [&str; 3] = ["Description", "Metric", "Target"];

impl VagueRequirement {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        for requirement in definitions(spec) {
            if requirement.struck
                || nfr_problem(spec, requirement).is_some()
                || criterion_unmeasurable(requirement)
            {
                continue;
            }
            // A number in the Target makes the requirement measurable,
            // however its Description words the goal.
            let measured = requirement.fields.iter().any(|field| {
                field.label.value.eq_ignore_ascii_case("Target")
                    && field.value.value.bytes().any(|byte| byte.is_ascii_digit())
            });
            let fields = requirement
                .fields
                .iter()
                .filter(|field| {
                    READ_FIELDS
                        .iter()
                        .any(|label| field.label.value.eq_ignore_ascii_case(label))
                        && !(measured && field.label.value.eq_ignore_ascii_case("Description"))
                })
                .map(|field| field.value);
            for text in std::iter::once(requirement.text).chain(fields) {
                if has_cjk(text.value) {
                    continue;
                }
                // One finding per text: the first vague word says enough.
                if let Some(found) = vague_words(text.value)
                    .find(|found| !is_aside(text.value, found.start, found.end))
                {
                    let span = text.span.subspan(found.start..found.end);
                    let what = if requirement.kind == RequirementKind::SuccessCriterion {
                        "criterion"
                    } else {
                        "requirement"
                    };
                    report(cx, span, requirement.id.value, found.word, what);
                }
            }
        }
        for metric in &spec.success_metrics {
            if metric_problem(metric).is_some() {
                continue;
            }
            for field in &metric.fields {
                if has_cjk(field.value.value) {
                    continue;
                }
                if let Some(found) = vague_words(field.value.value).next() {
                    let span = field.value.span.subspan(found.start..found.end);
                    let name = metric.label.map_or(metric.name.value, |label| label.value);
                    report(cx, span, name, found.word, "metric");
                }
            }
        }
    }
}

fn report(cx: &mut RuleContext<'_>, span: Span, id: &str, word: &str, what: &str) {
    drop(
        cx.report(span, format!("`{word}` in {what} `{id}` is not measurable"))
            .help("say how much: a number with a unit, a limit or a named standard"),
    );
}

/// Whether the vague word at `start..end` of `text` lies outside what the
/// requirement obliges: in parentheses, in a purpose clause, or before a
/// parenthesised list that spells it out.
fn is_aside(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let in_parentheses = before.matches('(').count() > before.matches(')').count();
    let lower = before.to_ascii_lowercase();
    let purpose = lower.ends_with(" for ")
        || lower.ends_with(" allowing ")
        || [", allowing ", ", so that ", ", enabling ", " in order to "]
            .iter()
            .any(|connector| lower.contains(connector));
    let after = text.get(end..).unwrap_or("");
    let spelled_out = after
        .get(..after.len().min(40))
        .or(Some(after))
        .and_then(|window| window.find('('))
        .and_then(|open| after.get(open + 1..))
        .and_then(|inside| inside.split_once(')'))
        .is_some_and(|(list, _)| list.contains(','));
    in_parentheses || purpose || spelled_out
}

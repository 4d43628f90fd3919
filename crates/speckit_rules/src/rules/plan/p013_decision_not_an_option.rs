use speckit_model::Plan;
use speckit_model::plan::Decision;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::{is_placeholder, is_seed, plain};

declare_rule! {
    /// ## What it checks
    /// An architectural decision whose `**Decision**` names none of its
    /// Options Considered. An option is named by its label (`Option A`), its
    /// number (`Option 2`) or its name (the option's text before ` - ` or
    /// `: `, or all of it), ignoring case; a Decision that is part of an
    /// option's text also counts.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The record then does not say which of the studied options was chosen,
    /// or it describes a choice nobody compared with the alternatives. Often
    /// the Decision was edited and the options were not, or the other way
    /// round.
    ///
    /// ## Example
    /// ```markdown
    /// - **Options Considered**:
    ///   1. Option A: Merge on the server
    ///   2. Option B: Merge in the browser
    /// - **Decision**: A nightly batch job
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **Decision**: Option A: Merge on the server
    /// ```
    pub(crate) DecisionNotAnOption {
        code: "P013",
        name: "decision-not-an-option",
        summary: "A decision's Decision names none of its options",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl DecisionNotAnOption {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let Some(architecture) = &plan.architecture else {
            return;
        };
        for decision in &architecture.decisions {
            let Some(field) = decision.decision() else {
                continue;
            };
            let chosen = plain(field.value);
            if chosen.value.is_empty()
                || is_placeholder(chosen)
                || decision.options.is_empty()
                || names_an_option(decision, chosen.value)
            {
                continue;
            }
            let title = if decision.title.value.is_empty() {
                decision.section.title.value
            } else {
                decision.title.value
            };
            let mut report = cx
                .report(
                    field.value.span,
                    format!("the Decision of `{title}` names none of its options"),
                )
                .help("name the chosen option (`Option A: …`), or add what was chosen to Options Considered");
            for option in &decision.options {
                report = report.label(option.line, "an option considered");
            }
            drop(report);
        }
    }
}

fn names_an_option(decision: &Decision<'_>, chosen: &str) -> bool {
    if decision.chosen_option().is_some() {
        return true;
    }
    decision.options.iter().enumerate().any(|(index, option)| {
        let letter = u8::try_from(index)
            .ok()
            .filter(|index| *index < 26)
            .map(|index| char::from(b'A' + index));
        let by_number = option
            .number
            .is_some_and(|number| says_option(chosen, &number.to_string()));
        let by_position = says_option(chosen, &(index + 1).to_string())
            || letter.is_some_and(|letter| says_option(chosen, letter.encode_utf8(&mut [0; 4])));
        let name = plain(option.name).value;
        let text = plain(option.text).value;
        let by_text = chosen.len() >= 3
            && (speckit_md::lex::contains_ignore_ascii_case(text, chosen)
                || (!name.is_empty() && speckit_md::lex::contains_ignore_ascii_case(chosen, name)));
        by_number || by_position || by_text
    })
}

/// True if `text` says `Option <label>` (whole word, ASCII case-insensitive).
fn says_option(text: &str, label: &str) -> bool {
    let mut from = 0;
    while let Some(at) = speckit_md::lex::find_ignore_ascii_case(text, "option", from) {
        let after = text.get(at + 6..).unwrap_or("").trim_start();
        if after
            .get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
            && after
                .get(label.len()..)
                .is_none_or(|tail| !tail.starts_with(char::is_alphanumeric))
        {
            return true;
        }
        from = at + 6;
    }
    false
}

use speckit_model::Spec;
use speckit_model::spec::AcceptanceScenario;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An acceptance scenario that opens with **Given** or **When** but has
    /// no **Then** (or an empty one), or whose **Given** is empty. A
    /// scenario without **When** (`**Given** a closed session, **Then** it
    /// cannot be edited`) describes a state and is accepted.
    ///
    /// ## Why it matters
    /// **Then** is the expected outcome: the part a tester checks. A
    /// scenario without it cannot pass or fail, and tasks generated from it
    /// have no acceptance check.
    ///
    /// ## Example
    /// ```markdown
    /// 1. **Given** a draft on screen, **When** the member saves it
    /// ```
    /// Use instead:
    /// ```markdown
    /// 1. **Given** a draft on screen, **When** the member saves it, **Then** the recipe is stored with its source address
    /// ```
    pub(crate) MalformedScenario {
        code: "R020",
        name: "malformed-scenario",
        summary: "An acceptance scenario has no Then outcome",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl MalformedScenario {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let scenarios = spec
            .stories
            .iter()
            .flat_map(|story| story.scenarios.iter())
            .chain(spec.scenarios.iter());
        for scenario in scenarios {
            // A paragraph that merely opens with "Given the baseline, …" is
            // prose; a scenario in the template's form has bold keywords.
            let keyword_count = [scenario.given, scenario.when, scenario.then]
                .iter()
                .flatten()
                .count();
            if keyword_count < 2 && !scenario.text.value.starts_with("**") {
                continue;
            }
            if let Some(problem) = problem(scenario) {
                drop(
                    cx.report(scenario.text.span, problem)
                        .help("write `**Given** <state>, **When** <action>, **Then** <outcome>`"),
                );
            }
        }
    }
}

fn problem(scenario: &AcceptanceScenario<'_>) -> Option<&'static str> {
    let empty =
        |part: Option<speckit_model::Text<'_>>| part.is_some_and(|part| part.value.is_empty());
    if scenario.then.is_none() {
        Some("the scenario has no **Then** outcome")
    } else if empty(scenario.then) {
        Some("the scenario's **Then** is empty")
    } else if empty(scenario.given) {
        Some("the scenario's **Given** is empty")
    } else {
        None
    }
}

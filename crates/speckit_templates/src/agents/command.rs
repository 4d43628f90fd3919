//! The workflow steps an agent runs, and their bodies.
//!
//! Bodies live in `commands/<name>.md`. Two tokens are replaced per agent:
//! `{args}` becomes the agent's argument placeholder and `{command:plan}`
//! becomes the way that agent runs the plan step (`/speckit.plan`,
//! `/speckit-plan`, `$speckit-plan`).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::Agent;
use crate::name::{UnknownName, find_by_name};

/// A workflow step with a command file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Command {
    Constitution,
    Specify,
    Clarify,
    Plan,
    Tasks,
    Analyze,
    Implement,
    Checklist,
}

impl Command {
    /// Every step, in workflow order.
    pub const ALL: [Command; 8] = [
        Command::Constitution,
        Command::Specify,
        Command::Clarify,
        Command::Plan,
        Command::Tasks,
        Command::Analyze,
        Command::Implement,
        Command::Checklist,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Command::Constitution => "constitution",
            Command::Specify => "specify",
            Command::Clarify => "clarify",
            Command::Plan => "plan",
            Command::Tasks => "tasks",
            Command::Analyze => "analyze",
            Command::Implement => "implement",
            Command::Checklist => "checklist",
        }
    }

    /// The one-line description shown in the agent's command list.
    pub const fn description(self) -> &'static str {
        match self {
            Command::Constitution => {
                "Write or amend the project constitution, the principles every feature must follow."
            }
            Command::Specify => {
                "Turn a feature description into a new numbered feature with its specification."
            }
            Command::Clarify => {
                "Ask up to five targeted questions and write the answers into the spec."
            }
            Command::Plan => {
                "Design how the feature will be built and write the implementation plan."
            }
            Command::Tasks => {
                "Break the plan into small, ordered tasks with explicit dependencies."
            }
            Command::Analyze => {
                "Report inconsistencies and gaps across spec, plan, tasks and constitution without editing them."
            }
            Command::Implement => {
                "Carry out the tasks in dependency order, recording progress with speckit."
            }
            Command::Checklist => {
                "Write a checklist that reviews the quality of the requirements for one concern."
            }
        }
    }

    /// What the user is expected to type after the command.
    pub const fn argument_hint(self) -> &'static str {
        match self {
            Command::Constitution => "[principles or changes]",
            Command::Specify => "<feature description>",
            Command::Clarify => "[area to focus on]",
            Command::Plan => "[technical preferences]",
            Command::Tasks => "[feature or how to split the work]",
            Command::Analyze => "[feature or area to focus on]",
            Command::Implement => "[feature, phase or task ID]",
            Command::Checklist => "<concern, e.g. security>",
        }
    }

    /// The name of the command as a skill: `speckit-plan`.
    pub fn skill_name(self) -> String {
        format!("speckit-{}", self.as_str())
    }

    /// The body with the agent's placeholder and invocations filled in.
    pub fn body(self, agent: &Agent) -> String {
        expand(self.source(), agent)
    }

    fn source(self) -> &'static str {
        match self {
            Command::Constitution => include_str!("../../commands/constitution.md"),
            Command::Specify => include_str!("../../commands/specify.md"),
            Command::Clarify => include_str!("../../commands/clarify.md"),
            Command::Plan => include_str!("../../commands/plan.md"),
            Command::Tasks => include_str!("../../commands/tasks.md"),
            Command::Analyze => include_str!("../../commands/analyze.md"),
            Command::Implement => include_str!("../../commands/implement.md"),
            Command::Checklist => include_str!("../../commands/checklist.md"),
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Command {
    type Err = UnknownName;

    fn from_str(input: &str) -> Result<Command, UnknownName> {
        find_by_name(
            "command",
            input,
            input.trim(),
            &Command::ALL,
            Command::as_str,
        )
    }
}

/// Replaces `{args}` and `{command:NAME}`; an unknown NAME is left as written
/// (a test makes sure no body has one).
fn expand(source: &str, agent: &Agent) -> String {
    const COMMAND: &str = "{command:";
    let source = source.replace("{args}", agent.args);
    let mut out = String::with_capacity(source.len());
    let mut rest = source.as_str();
    while let Some(at) = rest.find(COMMAND) {
        let (before, token) = rest.split_at(at);
        out.push_str(before);
        let name_and_rest = token.get(COMMAND.len()..).unwrap_or("");
        let Some(close) = name_and_rest.find('}') else {
            out.push_str(token);
            rest = "";
            break;
        };
        let name = name_and_rest.get(..close).unwrap_or("");
        match name.parse::<Command>() {
            Ok(command) => out.push_str(&agent.invocation(command)),
            Err(_) => out.push_str(token.get(..COMMAND.len() + close + 1).unwrap_or(token)),
        }
        rest = name_and_rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agents::agent;

    #[test]
    fn tokens_are_replaced_per_agent() {
        let source = "Input: {args}. Next: {command:plan}, not {command:deploy}.";
        let expected = [
            (
                "gemini",
                "Input: {{args}}. Next: /speckit.plan, not {command:deploy}.",
            ),
            (
                "claude",
                "Input: $ARGUMENTS. Next: /speckit-plan, not {command:deploy}.",
            ),
            (
                "codex",
                "Input: $ARGUMENTS. Next: $speckit-plan, not {command:deploy}.",
            ),
        ];
        for (key, want) in expected {
            let agent = agent(key).unwrap_or_else(|| panic!("no agent {key}"));
            assert_eq!(expand(source, agent), want, "{key}");
        }
    }

    #[test]
    fn bodies_use_only_known_tokens() {
        for command in Command::ALL {
            let source = command.source();
            assert!(
                source.contains("{args}"),
                "{command} never shows the user's input"
            );
            for (at, _) in source.match_indices("{command:") {
                let name = source
                    .get(at + "{command:".len()..)
                    .and_then(|rest| rest.split('}').next())
                    .unwrap_or("");
                assert!(
                    name.parse::<Command>().is_ok(),
                    "{command}: unknown `{name}`"
                );
            }
            assert!(
                source.contains("speckit "),
                "{command} names no speckit command"
            );
            assert!(source.ends_with('\n'), "{command} lacks a final newline");
        }
    }

    #[test]
    fn names_parse() {
        for command in Command::ALL {
            assert_eq!(command.as_str().parse::<Command>(), Ok(command));
        }
        assert!("deploy".parse::<Command>().is_err());
    }
}

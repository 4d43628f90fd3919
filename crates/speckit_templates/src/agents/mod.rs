//! AI-agent command files: one file per workflow step, in the folder,
//! file name and format each agent expects (FORMATS.md §E).
//!
//! The bodies are ours and the same for every agent; only the argument
//! placeholder, the way other steps are invoked and the wrapping (YAML front
//! matter, TOML, skill folder) differ. Nothing here writes files.

mod command;
mod format;
mod table;

use serde::Serialize;

pub use command::Command;

/// How an agent wants a command written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgentFormat {
    /// Markdown with YAML front matter (`description:`).
    Markdown,
    /// TOML with `description = "…"` and `prompt = '''…'''`.
    Toml,
    /// A skill folder holding `SKILL.md` with `name` and `description`.
    Skill,
}

/// One AI agent speckit can write command files for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Agent {
    /// The key used on the command line: `speckit init --ai claude`.
    pub key: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Other keys accepted for this agent (`cursor-agent` for `cursor`).
    pub aliases: &'static [&'static str],
    /// Folder of the command files, relative to the project root.
    pub dir: &'static str,
    /// File path under `dir`; `{cmd}` stands for the command name.
    pub file: &'static str,
    pub format: AgentFormat,
    /// What the agent replaces with the text the user typed after the command.
    pub args: &'static str,
    /// How a user runs a command; `{cmd}` stands for the command name.
    pub invoke: &'static str,
    /// Markdown front matter also carries `name: speckit-<cmd>`.
    pub name_in_front_matter: bool,
    /// Front matter carries `argument-hint` (Claude Code).
    pub argument_hint: bool,
    /// The agent's context file (not written by this crate).
    pub context_file: &'static str,
}

impl Agent {
    /// The path of a command's file, relative to the project root.
    pub fn path(&self, command: Command) -> String {
        format!(
            "{}/{}",
            self.dir,
            self.file.replace("{cmd}", command.as_str())
        )
    }

    /// What a user types to run `command` in this agent: `/speckit.plan`.
    pub fn invocation(&self, command: Command) -> String {
        self.invoke.replace("{cmd}", command.as_str())
    }
}

/// A file to write: a path relative to the project root and its contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GeneratedFile {
    pub path: String,
    pub contents: String,
}

/// Every agent speckit knows, in a stable order.
pub fn agents() -> &'static [Agent] {
    table::AGENTS
}

/// The agent with this key or alias (ASCII case-insensitive).
pub fn agent(key: &str) -> Option<&'static Agent> {
    let key = key.trim();
    table::AGENTS.iter().find(|agent| {
        agent.key.eq_ignore_ascii_case(key)
            || agent
                .aliases
                .iter()
                .any(|alias| alias.eq_ignore_ascii_case(key))
    })
}

/// The command files of every workflow step for `agent`, in [`Command::ALL`] order.
pub fn command_files(agent: &Agent) -> Vec<GeneratedFile> {
    Command::ALL
        .into_iter()
        .map(|command| GeneratedFile {
            path: agent.path(command),
            contents: format::command_file(agent, command),
        })
        .collect()
}

#[cfg(test)]
mod tests;

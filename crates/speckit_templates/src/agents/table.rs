//! The agent table: where each agent looks for command files and how it
//! wants them written (FORMATS.md §E.2, §E.3).
//!
//! Rule for choosing a layout: the SK-HEAD table (§E.2) wins when it lists
//! the agent; otherwise the historical table (§E.3) applies. The comment on
//! each entry says which table it came from.

use super::{Agent, AgentFormat};

/// An entry in the most common shape for its format: `speckit.<cmd>.md`
/// with `$ARGUMENTS`, `speckit-<cmd>/SKILL.md` with `$ARGUMENTS`, or
/// `speckit.<cmd>.toml` with `{{args}}`. Agents that differ override fields.
const fn entry(
    format: AgentFormat,
    key: &'static str,
    name: &'static str,
    dir: &'static str,
    context_file: &'static str,
) -> Agent {
    let (file, args, invoke) = match format {
        AgentFormat::Markdown => ("speckit.{cmd}.md", "$ARGUMENTS", "/speckit.{cmd}"),
        AgentFormat::Skill => ("speckit-{cmd}/SKILL.md", "$ARGUMENTS", "/speckit-{cmd}"),
        AgentFormat::Toml => ("speckit.{cmd}.toml", "{{args}}", "/speckit.{cmd}"),
    };
    Agent {
        key,
        name,
        aliases: &[],
        dir,
        file,
        format,
        args,
        invoke,
        name_in_front_matter: false,
        argument_hint: false,
        context_file,
    }
}

const fn markdown(
    key: &'static str,
    name: &'static str,
    dir: &'static str,
    context_file: &'static str,
) -> Agent {
    entry(AgentFormat::Markdown, key, name, dir, context_file)
}

const fn skill(
    key: &'static str,
    name: &'static str,
    dir: &'static str,
    context_file: &'static str,
) -> Agent {
    entry(AgentFormat::Skill, key, name, dir, context_file)
}

const fn toml(
    key: &'static str,
    name: &'static str,
    dir: &'static str,
    context_file: &'static str,
) -> Agent {
    entry(AgentFormat::Toml, key, name, dir, context_file)
}

pub(super) static AGENTS: &[Agent] = &[
    // SK-HEAD: Claude Code reads skills; only Claude gets `argument-hint`.
    Agent {
        argument_hint: true,
        ..skill("claude", "Claude Code", ".claude/skills", "CLAUDE.md")
    },
    // SK-HEAD default (skills), not the older `--commands` prompt files.
    skill(
        "copilot",
        "GitHub Copilot",
        ".github/skills",
        ".github/copilot-instructions.md",
    ),
    // SK-HEAD: TOML with `{{args}}`.
    toml("gemini", "Gemini CLI", ".gemini/commands", "GEMINI.md"),
    // SK-HEAD key `cursor-agent` (earlier `cursor`): skills.
    Agent {
        aliases: &["cursor-agent"],
        ..skill(
            "cursor",
            "Cursor",
            ".cursor/skills",
            ".cursor/rules/specify-rules.mdc",
        )
    },
    // SK-HEAD: skills in the shared `.agents/skills`, invoked with `$`.
    Agent {
        invoke: "$speckit-{cmd}",
        ..skill("codex", "Codex CLI", ".agents/skills", "AGENTS.md")
    },
    // Not in SK-HEAD; historical table: Markdown workflows.
    markdown(
        "windsurf",
        "Windsurf",
        ".windsurf/workflows",
        ".windsurf/rules/specify-rules.md",
    ),
    // SK-HEAD: `.opencode/commands` (the historical folder was `.opencode/command`).
    markdown("opencode", "opencode", ".opencode/commands", "AGENTS.md"),
    // SK-HEAD: Markdown (historically TOML).
    markdown("qwen", "Qwen Code", ".qwen/commands", "QWEN.md"),
    // Not in SK-HEAD; historical table.
    markdown(
        "roo",
        "Roo Code",
        ".roo/commands",
        ".roo/rules/specify-rules.md",
    ),
    // SK-HEAD: `.kilo/commands` (the historical folder was `.kilocode/workflows`).
    markdown(
        "kilocode",
        "Kilo Code",
        ".kilo/commands",
        ".kilocode/rules/specify-rules.md",
    ),
    // SK-HEAD.
    markdown("amp", "Amp", ".agents/commands", "AGENTS.md"),
    // SK-HEAD.
    markdown(
        "auggie",
        "Auggie CLI",
        ".augment/commands",
        ".augment/rules/specify-rules.md",
    ),
    // Not in SK-HEAD; historical table: Amazon Q Developer CLI prompts.
    markdown(
        "q",
        "Amazon Q Developer CLI",
        ".amazonq/prompts",
        "AGENTS.md",
    ),
    // SK-HEAD.
    markdown(
        "codebuddy",
        "CodeBuddy",
        ".codebuddy/commands",
        "CODEBUDDY.md",
    ),
    // SK-HEAD.
    markdown("shai", "SHAI", ".shai/commands", "SHAI.md"),
    // SK-HEAD: TOML like Gemini.
    toml(
        "tabnine",
        "Tabnine CLI",
        ".tabnine/agent/commands",
        "TABNINE.md",
    ),
    // SK-HEAD default (skills), not `--legacy-commands`.
    skill("bob", "IBM Bob", ".bob/skills", "AGENTS.md"),
    // SK-HEAD: Markdown with a `name` key and `{{parameters}}`, invoked with a dash.
    Agent {
        args: "{{parameters}}",
        invoke: "/speckit-{cmd}",
        name_in_front_matter: true,
        ..markdown("forge", "Forge", ".forge/commands", "AGENTS.md")
    },
    // SK-HEAD: dashed Markdown workflows with a `name` key.
    Agent {
        file: "speckit-{cmd}.md",
        invoke: "/speckit-{cmd}",
        name_in_front_matter: true,
        ..markdown(
            "cline",
            "Cline",
            ".clinerules/workflows",
            ".clinerules/specify-rules.md",
        )
    },
    // SK-HEAD: dashed Markdown commands with a `name` key.
    Agent {
        file: "speckit-{cmd}.md",
        invoke: "/speckit-{cmd}",
        name_in_front_matter: true,
        ..markdown("junie", "Junie", ".junie/commands", ".junie/AGENTS.md")
    },
    // SK-HEAD: Kiro has no argument token; the prompt says where the input comes from.
    Agent {
        aliases: &["kiro"],
        args: "(the user will provide the argument in this conversation)",
        ..markdown("kiro-cli", "Kiro CLI", ".kiro/prompts", "AGENTS.md")
    },
];

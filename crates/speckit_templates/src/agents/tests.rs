//! Every agent's command files: paths, formats and placeholders.

use std::collections::BTreeSet;

use super::*;

const REQUIRED: [&str; 13] = [
    "claude", "copilot", "gemini", "cursor", "codex", "windsurf", "opencode", "qwen", "roo",
    "kilocode", "amp", "auggie", "q",
];

/// Every argument placeholder an agent may use; a file must hold only its own.
const PLACEHOLDERS: [&str; 3] = ["$ARGUMENTS", "{{args}}", "{{parameters}}"];

/// The front matter of a Markdown file as (key, raw value) pairs, checking
/// the `---` fences and that every value is one valid double-quoted scalar.
fn front_matter(contents: &str) -> Vec<(String, String)> {
    let rest = contents
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("no opening fence in {contents:.60?}"));
    let (block, body) = rest
        .split_once("\n---\n")
        .unwrap_or_else(|| panic!("no closing fence in {contents:.60?}"));
    assert!(body.starts_with('\n') && body.len() > 100, "body too short");
    block
        .lines()
        .map(|line| {
            let (key, value) = line
                .split_once(": ")
                .unwrap_or_else(|| panic!("not `key: value`: {line:?}"));
            assert!(
                key.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "bad key {key:?}"
            );
            let inner = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or_else(|| panic!("value of {key} is not double-quoted: {value:?}"));
            let mut escaped = false;
            for c in inner.chars() {
                assert!(escaped || c != '"', "unescaped quote in {value:?}");
                escaped = !escaped && c == '\\';
            }
            assert!(!escaped, "dangling backslash in {value:?}");
            (key.to_string(), inner.to_string())
        })
        .collect()
}

#[test]
fn the_required_agents_exist_and_keys_are_unique() {
    for key in REQUIRED {
        assert!(agent(key).is_some(), "missing agent {key}");
    }
    let mut seen = BTreeSet::new();
    for agent in agents() {
        for key in std::iter::once(agent.key).chain(agent.aliases.iter().copied()) {
            assert!(seen.insert(key.to_ascii_lowercase()), "{key} is used twice");
        }
    }
    assert_eq!(agent("Cursor-Agent").map(|a| a.key), Some("cursor"));
    assert_eq!(agent(" kiro ").map(|a| a.key), Some("kiro-cli"));
    assert!(agent("emacs").is_none());
}

#[test]
fn every_agent_gets_eight_files_with_distinct_paths() {
    for agent in agents() {
        let files = command_files(agent);
        assert_eq!(files.len(), 8, "{}", agent.key);
        let paths: BTreeSet<&str> = files.iter().map(|file| file.path.as_str()).collect();
        assert_eq!(paths.len(), 8, "{}: {paths:?}", agent.key);
        for (file, command) in files.iter().zip(Command::ALL) {
            let path = &file.path;
            assert!(path.starts_with(&format!("{}/", agent.dir)), "{path}");
            assert!(!path.starts_with('/') && !path.contains(".."), "{path}");
            let expected_end = match agent.format {
                AgentFormat::Skill => format!("/speckit-{command}/SKILL.md"),
                AgentFormat::Toml => format!("/speckit.{command}.toml"),
                AgentFormat::Markdown => format!("{command}.md"),
            };
            assert!(path.ends_with(&expected_end), "{path}");
            assert!(file.contents.ends_with('\n'), "{path}");
        }
    }
}

#[test]
fn files_use_the_agents_placeholder_and_invocations() {
    for agent in agents() {
        for (file, command) in command_files(agent).iter().zip(Command::ALL) {
            let contents = &file.contents;
            assert!(
                contents.contains(agent.args),
                "{}: no {}",
                file.path,
                agent.args
            );
            for other in PLACEHOLDERS.iter().filter(|p| **p != agent.args) {
                assert!(!contents.contains(other), "{}: has {other}", file.path);
            }
            let without_own = contents.replace(agent.args, "");
            assert!(!without_own.contains("{args}"), "{}", file.path);
            assert!(!contents.contains("{command:"), "{}", file.path);
            assert!(contents.contains("speckit "), "{}", file.path);
            if command == Command::Specify {
                let clarify = agent.invocation(Command::Clarify);
                assert!(contents.contains(&clarify), "{}: no {clarify}", file.path);
            }
        }
    }
}

#[test]
fn toml_files_parse() {
    let toml_agents = agents().iter().filter(|a| a.format == AgentFormat::Toml);
    let mut n_files = 0;
    for agent in toml_agents {
        for (file, command) in command_files(agent).iter().zip(Command::ALL) {
            let table: toml::Table = toml::from_str(&file.contents)
                .unwrap_or_else(|error| panic!("{}: {error}", file.path));
            let keys: Vec<&str> = table.keys().map(String::as_str).collect();
            assert_eq!(keys, ["description", "prompt"], "{}", file.path);
            let description = table.get("description").and_then(|v| v.as_str());
            assert_eq!(description, Some(command.description()));
            let prompt = table.get("prompt").and_then(|v| v.as_str());
            assert_eq!(prompt, Some(command.body(agent).as_str()), "{}", file.path);
            n_files += 1;
        }
    }
    assert!(n_files >= 16, "only {n_files} TOML files");
}

#[test]
fn markdown_and_skill_files_start_with_valid_front_matter() {
    for agent in agents().iter().filter(|a| a.format != AgentFormat::Toml) {
        for (file, command) in command_files(agent).iter().zip(Command::ALL) {
            let fields = front_matter(&file.contents);
            let keys: Vec<&str> = fields.iter().map(|(key, _)| key.as_str()).collect();
            let mut expected = Vec::new();
            if agent.format == AgentFormat::Skill || agent.name_in_front_matter {
                expected.push("name");
            }
            expected.push("description");
            if agent.argument_hint {
                expected.push("argument-hint");
            }
            assert_eq!(keys, expected, "{}", file.path);
            let value = |key: &str| {
                fields
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_str())
            };
            assert_eq!(value("description"), Some(command.description()));
            if keys.contains(&"name") {
                assert_eq!(value("name"), Some(command.skill_name().as_str()));
            }
        }
    }
}

#[test]
fn snapshot_gemini_plan() {
    let gemini = agent("gemini").unwrap_or_else(|| panic!("no gemini"));
    let files = command_files(gemini);
    let plan = files
        .iter()
        .find(|file| file.path.ends_with("speckit.plan.toml"))
        .unwrap_or_else(|| panic!("no plan file"));
    assert_eq!(plan.path, ".gemini/commands/speckit.plan.toml");
    insta::assert_snapshot!(plan.contents);
}

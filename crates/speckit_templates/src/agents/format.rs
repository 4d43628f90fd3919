//! Wrapping a command body in each agent's file format, with the quoting
//! that keeps the YAML front matter and the TOML valid whatever the text.

use std::fmt::Write as _;

use super::{Agent, AgentFormat, Command};

/// The full contents of `command`'s file for `agent`.
pub(super) fn command_file(agent: &Agent, command: Command) -> String {
    let body = command.body(agent);
    match agent.format {
        AgentFormat::Toml => {
            let mut out = String::new();
            let _ = writeln!(out, "description = {}", toml_basic(command.description()));
            out.push('\n');
            let _ = writeln!(out, "prompt = {}", toml_multiline(&body));
            out
        }
        AgentFormat::Markdown | AgentFormat::Skill => {
            let mut out = String::from("---\n");
            if agent.format == AgentFormat::Skill || agent.name_in_front_matter {
                let _ = writeln!(out, "name: {}", yaml_string(&command.skill_name()));
            }
            let _ = writeln!(out, "description: {}", yaml_string(command.description()));
            if agent.argument_hint {
                let _ = writeln!(
                    out,
                    "argument-hint: {}",
                    yaml_string(command.argument_hint())
                );
            }
            out.push_str("---\n\n");
            out.push_str(&body);
            out
        }
    }
}

/// A double-quoted YAML scalar on one line.
fn yaml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML basic string on one line.
fn toml_basic(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    push_toml_escaped(&mut out, value, true);
    out.push('"');
    out
}

/// A TOML multi-line string: literal (`'''`, no escapes at all) when the text
/// allows it, otherwise basic (`"""`) with escapes.
fn toml_multiline(value: &str) -> String {
    let literal_ok = !value.contains("'''")
        && !value.ends_with('\'')
        && value
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control());
    if literal_ok {
        return format!("'''\n{value}'''");
    }
    let mut out = String::from("\"\"\"\n");
    push_toml_escaped(&mut out, value, false);
    out.push_str("\"\"\"");
    out
}

fn push_toml_escaped(out: &mut String, value: &str, escape_newlines: bool) {
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if !escape_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_escape_quotes_and_breaks() {
        assert_eq!(yaml_string(r#"say "hi" \ now"#), r#""say \"hi\" \\ now""#);
        assert_eq!(yaml_string("a\nb"), r#""a\nb""#);
    }

    #[test]
    fn toml_strings_parse_back_to_the_same_text() {
        let cases = [
            "plain text\n",
            "has ''' inside\n",
            "ends with a quote'",
            "quotes \"\"\" and \\ backslashes\n",
            "a bell \u{7} here\n",
        ];
        for text in cases {
            let document = format!("value = {}\n", toml_multiline(text));
            let parsed: toml::Table =
                toml::from_str(&document).unwrap_or_else(|error| panic!("{document:?}: {error}"));
            assert_eq!(parsed.get("value").and_then(|v| v.as_str()), Some(text));
            let one_line = format!("value = {}\n", toml_basic(text));
            let parsed: toml::Table =
                toml::from_str(&one_line).unwrap_or_else(|error| panic!("{one_line:?}: {error}"));
            assert_eq!(parsed.get("value").and_then(|v| v.as_str()), Some(text));
        }
    }
}

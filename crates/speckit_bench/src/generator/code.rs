//! Code blocks and file trees shared by the plan generators: TypeScript
//! interfaces, JSON bodies, SQL tables, box-drawing trees.

use super::rng::Rng;
use super::text::{Out, w};
use super::words::{Entity, Topic, camel, kebab, snake, upper_snake};

/// A ```` ```typescript ```` block: an exported interface with the entity's fields.
pub(crate) fn ts_interface(out: &mut Out, entity: &Entity) {
    w!(out, "```typescript");
    w!(out, "export interface {} {{", entity.pascal());
    w!(out, "  id: string;          // stable identifier");
    for field in &entity.fields {
        w!(
            out,
            "  {}: {};    // {}",
            camel(field.words),
            field.ts_type,
            field.words
        );
    }
    w!(out, "  createdAt: Date;");
    w!(out, "  updatedAt: Date;");
    w!(out, "}}");
    w!(out, "```");
}

/// The JSON literal for a sample value of a TypeScript type.
fn json_value(rng: &mut Rng, ts_type: &str, words: &str) -> String {
    match ts_type {
        "number" => rng.range(0, 5000).to_string(),
        "boolean" => if rng.chance(50) { "true" } else { "false" }.to_string(),
        "Date" => format!(
            "\"2025-{:02}-{:02}T{:02}:{:02}:00Z\"",
            rng.range(1, 12),
            rng.range(1, 28),
            rng.range(0, 23),
            rng.range(0, 59)
        ),
        "string[]" => format!(
            "[\"{}\", \"{}\"]",
            kebab(words),
            rng.pick(super::words::STATES)
        ),
        "Record<string, unknown>" => "{ \"source\": \"import\", \"attempt\": 1 }".to_string(),
        _ => format!("\"{} {}\"", words, rng.range(1, 999)),
    }
}

/// A JSON object body with the entity's fields, indented by `indent` spaces.
pub(crate) fn json_object(
    out: &mut Out,
    rng: &mut Rng,
    entity: &Entity,
    indent: usize,
    with_id: bool,
) {
    let pad = " ".repeat(indent);
    w!(out, "{pad}{{");
    let mut lines = Vec::new();
    if with_id {
        lines.push(format!(
            "{pad}  \"id\": \"{}_{:05}\"",
            snake(entity.name),
            rng.range(1, 99_999)
        ));
    }
    for field in &entity.fields {
        lines.push(format!(
            "{pad}  \"{}\": {}",
            camel(field.words),
            json_value(rng, field.ts_type, field.words)
        ));
    }
    let last = lines.len().saturating_sub(1);
    for (index, line) in lines.iter().enumerate() {
        let comma = if index == last { "" } else { "," };
        w!(out, "{line}{comma}");
    }
    w!(out, "{pad}}}");
}

/// Request and response blocks for one endpoint.
pub(crate) fn json_block(out: &mut Out, rng: &mut Rng, entity: &Entity, wrap_data: bool) {
    w!(out, "```json");
    if wrap_data {
        w!(out, "{{");
        w!(out, "  \"data\":");
        json_object(out, rng, entity, 2, true);
        w!(out, "}}");
    } else {
        json_object(out, rng, entity, 0, false);
    }
    w!(out, "```");
}

pub(crate) fn json_error(out: &mut Out, code: &str, message: &str) {
    w!(out, "```json");
    w!(out, "{{");
    w!(out, "  \"error\": {{");
    w!(out, "    \"code\": \"{code}\",");
    w!(out, "    \"message\": \"{message}\"");
    w!(out, "  }}");
    w!(out, "}}");
    w!(out, "```");
}

/// `CREATE TABLE` for an entity, plus its indexes when `indexes` is set.
pub(crate) fn sql_table(out: &mut Out, rng: &mut Rng, entity: &Entity, indexes: bool) {
    let table = super::words::plural(&snake(entity.name));
    w!(out, "```sql");
    w!(out, "CREATE TABLE {table} (");
    w!(out, "  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),");
    for field in &entity.fields {
        w!(out, "  {} {},", snake(field.words), field.sql_type);
    }
    w!(out, "  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),");
    w!(out, "  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()");
    w!(out, ");");
    if indexes {
        w!(out);
        for field in entity.fields.iter().take(rng.range(1, 2)) {
            let column = snake(field.words);
            w!(
                out,
                "CREATE INDEX idx_{table}_{column} ON {table}({column});"
            );
        }
    }
    w!(out, "```");
}

/// A node of a box-drawing tree (File Structure, Component Hierarchy).
#[derive(Clone, Debug)]
pub(crate) struct TreeNode {
    pub(crate) name: String,
    pub(crate) comment: Option<String>,
    pub(crate) children: Vec<TreeNode>,
}

impl TreeNode {
    pub(crate) fn leaf(name: impl Into<String>, comment: Option<String>) -> TreeNode {
        TreeNode {
            name: name.into(),
            comment,
            children: Vec::new(),
        }
    }

    pub(crate) fn dir(name: impl Into<String>, children: Vec<TreeNode>) -> TreeNode {
        TreeNode {
            name: name.into(),
            comment: None,
            children,
        }
    }
}

/// Writes `root` and its descendants with `├── ` / `└── ` connectors.
pub(crate) fn tree(out: &mut Out, root: &TreeNode) {
    w!(out, "{}", root.name);
    let mut prefix = String::new();
    tree_children(out, &root.children, &mut prefix);
}

fn tree_children(out: &mut Out, children: &[TreeNode], prefix: &mut String) {
    let last_index = children.len().saturating_sub(1);
    for (index, child) in children.iter().enumerate() {
        let last = index == last_index;
        let connector = if last { "└── " } else { "├── " };
        match &child.comment {
            Some(comment) => w!(out, "{prefix}{connector}{}  # {comment}", child.name),
            None => w!(out, "{prefix}{connector}{}", child.name),
        }
        if !child.children.is_empty() {
            let before = prefix.len();
            prefix.push_str(if last { "    " } else { "│   " });
            tree_children(out, &child.children, prefix);
            prefix.truncate(before);
        }
    }
}

/// The source tree of a feature: one directory per layer, one file per entity.
pub(crate) fn source_tree(topic: &Topic) -> TreeNode {
    let layer = |dir: &str, suffix: &str, comment: &str| {
        let files = topic
            .entities
            .iter()
            .map(|entity| {
                TreeNode::leaf(
                    format!("{}{suffix}", entity.kebab()),
                    Some(format!("{comment} {}", entity.lower())),
                )
            })
            .collect();
        TreeNode::dir(format!("{dir}/"), files)
    };
    let components = topic
        .entities
        .iter()
        .take(3)
        .map(|entity| TreeNode::leaf(format!("{}Panel.tsx", entity.pascal()), None))
        .collect();
    TreeNode::dir(
        format!("{}/", topic.module()),
        vec![
            layer("models", ".ts", "data shape of"),
            layer("services", "-service.ts", "rules for"),
            layer("api", "-routes.ts", "HTTP handlers for"),
            TreeNode::dir("components/", components),
            TreeNode::leaf("index.ts", None),
        ],
    )
}

/// An error code for the feature: `SHIPMENT_EXPORT_NOT_FOUND`.
pub(crate) fn error_code(topic: &Topic, kind: &str) -> String {
    format!("{}_{}", upper_snake(&topic.slug), upper_snake(kind))
}

//! Plugin `plan.md`: every one of the 20 H2 sections of the seed template
//! (FORMATS.md §C.1) filled in — decisions, trees, tables, TypeScript, JSON
//! and SQL blocks, phases, rollout and risks.

use super::plan_operations::{delivery, integration_and_errors, quality, risks_and_questions};
use crate::generator::Context;
use crate::generator::code::{
    TreeNode, error_code, json_block, json_error, sql_table, tree, ts_interface,
};
use crate::generator::rng::Rng;
use crate::generator::text::{Out, capability, paragraph, sentence, w, work_title};
use crate::generator::words::{ADJECTIVES, PACKAGES, camel, capitalise, kebab, pascal, plural};

const LEVELS: &[&str] = &["Low", "Med", "High"];
const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH"];

pub(crate) fn plan(rng: &mut Rng, cx: &Context, target: usize) -> String {
    let topic = &cx.topic;
    let mut out = Out::with_capacity(target + 4096);
    w!(out, "# Implementation Plan: {}", topic.name);
    w!(out);
    w!(out, "**Spec Reference**: [spec.md](./spec.md)");
    w!(out, "**Status**: Draft");
    w!(out, "**Author**: {}", cx.author);
    w!(out, "**Created**: {}", cx.created);
    w!(out, "**Last Updated**: {}", cx.updated);
    w!(out);

    architecture(rng, cx, &mut out, target);
    file_structure(rng, cx, &mut out);
    data_models(rng, cx, &mut out, target);
    api_contracts(rng, cx, &mut out, target);
    components_and_state(rng, cx, &mut out);
    dependencies_and_schema(rng, cx, &mut out);
    integration_and_errors(rng, cx, &mut out);
    quality(rng, cx, &mut out);
    delivery(rng, cx, &mut out);
    risks_and_questions(rng, cx, &mut out, target);
    out.into_string()
}

fn architecture(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Architecture Overview");
    w!(out);
    w!(out, "{}", paragraph(rng, topic, 2, 4));
    w!(out);
    w!(out, "### Design Principles");
    for _ in 0..3 {
        w!(out, "- {}", sentence(rng, topic));
    }
    w!(out);
    w!(out, "### Architectural Decisions");
    w!(out);
    let decisions_end = target * 12 / 100;
    let mut n_decisions = 0;
    while n_decisions < 2 || out.len() < decisions_end {
        n_decisions += 1;
        write_decision(rng, cx, out, n_decisions);
    }
}

fn file_structure(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## File Structure");
    w!(out);
    let files = write_file_structure(rng, cx, out);
    w!(out, "### Files to Create");
    w!(out);
    w!(out, "| File Path | Purpose | Complexity |");
    w!(out, "|-----------|---------|------------|");
    for (path, purpose) in &files {
        w!(out, "| `{path}` | {purpose} | {} |", rng.pick(LEVELS));
    }
    w!(out);
    w!(out, "### Files to Modify");
    w!(out);
    w!(out, "| File Path | Changes Needed | Impact |");
    w!(out, "|-----------|----------------|---------|");
    w!(
        out,
        "| `src/app/routes.ts` | Register the {} routes | Low |",
        topic.slug
    );
    w!(
        out,
        "| `src/db/schema.ts` | Export the new tables | {} |",
        rng.pick(LEVELS)
    );
    w!(out);
}

fn data_models(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Data Models");
    w!(out);
    let models_end = target * 22 / 100;
    let mut n_models = 0;
    for entity in &topic.entities {
        if n_models >= 2 && out.len() >= models_end {
            break;
        }
        n_models += 1;
        w!(out, "### Model {n_models}: {}", entity.name);
        w!(out);
        w!(out, "**Purpose**: {}", sentence(rng, topic));
        w!(out);
        ts_interface(out, entity);
        w!(out);
        w!(out, "**Relationships**:");
        for _ in 0..rng.range(1, 3) {
            let other = topic.entity(rng);
            w!(
                out,
                "- Belongs to one {} (`{}Id`)",
                other.lower(),
                camel(other.name)
            );
        }
        w!(out);
    }
}

fn api_contracts(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## API Contracts");
    w!(out);
    let endpoints_end = target * 36 / 100;
    let mut n_endpoints = 0;
    while n_endpoints < 2 || out.len() < endpoints_end {
        n_endpoints += 1;
        let entity = topic.entity(rng);
        let method = rng.pick(METHODS);
        w!(
            out,
            "### Endpoint {n_endpoints}: {} {}",
            capitalise(&method.to_lowercase()),
            entity.name
        );
        w!(out);
        w!(out, "**Method**: {method}");
        let collection = kebab(&entity.plural());
        if method == "POST" {
            w!(out, "**Path**: `/api/v1/{collection}`");
        } else {
            w!(out, "**Path**: `/api/v1/{collection}/{{id}}`");
        }
        w!(
            out,
            "**Auth Required**: {}",
            if rng.chance(85) { "Yes" } else { "No" }
        );
        w!(out);
        w!(out, "**Request:**");
        json_block(out, rng, entity, false);
        w!(out);
        w!(out, "**Response Success (200):**");
        json_block(out, rng, entity, true);
        w!(out);
        w!(out, "**Response Error (4xx/5xx):**");
        json_error(
            out,
            &error_code(topic, "not found"),
            &format!("No {} with this ID", entity.lower()),
        );
        w!(out);
    }
}

fn components_and_state(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Component Hierarchy");
    w!(out);
    w!(out, "```");
    let container = format!("{}Container", pascal(&topic.name));
    let panels = topic
        .entities
        .iter()
        .take(3)
        .map(|entity| {
            TreeNode::dir(
                format!("{}Panel", entity.pascal()),
                vec![
                    TreeNode::leaf(format!("{}List", entity.pascal()), None),
                    TreeNode::leaf(format!("{}Form", entity.pascal()), None),
                ],
            )
        })
        .collect();
    tree(
        out,
        &TreeNode::dir(
            "App",
            vec![TreeNode::dir(
                container,
                vec![
                    TreeNode::leaf("FeatureHeader", None),
                    TreeNode::dir("FeatureContent", panels),
                    TreeNode::leaf("FeatureFooter", None),
                ],
            )],
        ),
    );
    w!(out, "```");
    w!(out);

    w!(out, "## State Management");
    w!(out);
    w!(out, "### Global State");
    w!(out);
    w!(out, "```typescript");
    w!(out, "interface {}State {{", pascal(&topic.name));
    for entity in topic.entities.iter().take(3) {
        w!(
            out,
            "  {}: Record<string, {}>;",
            camel(&entity.plural()),
            entity.pascal()
        );
    }
    w!(out, "  selectedId: string | null;");
    w!(out, "  loading: boolean;");
    w!(out, "}}");
    w!(out, "```");
    w!(out);
    w!(
        out,
        "**Location**: {}",
        rng.pick(&["Zustand store", "React Context", "Redux Toolkit slice"])
    );
    w!(out, "**Rationale**: {}", sentence(rng, topic));
    w!(out);
    w!(out, "### Local State");
    w!(out);
    w!(
        out,
        "- Form drafts and validation messages stay in the form components"
    );
    w!(out, "- Open and closed panels stay in the container");
    w!(out);
}

fn dependencies_and_schema(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Dependencies");
    w!(out);
    w!(out, "### New Dependencies");
    w!(out);
    w!(out, "| Package | Version | Purpose | Bundle Impact |");
    w!(out, "|---------|---------|---------|---------------|");
    for _ in 0..rng.range(2, 4) {
        let (package, version) = PACKAGES
            .get(rng.below(PACKAGES.len()))
            .copied()
            .unwrap_or(("zod", "^3.23.0"));
        w!(
            out,
            "| {package} | {version} | {} | {} kB |",
            work_title(rng, topic),
            rng.range(1, 40)
        );
    }
    w!(out);
    w!(out, "### Peer Dependencies");
    w!(out);
    w!(out, "| Package | Required Version | Current Version |");
    w!(out, "|---------|-----------------|-----------------|");
    w!(out, "| react | ^18.2.0 | 18.3.1 |");
    w!(out, "| typescript | ^5.4.0 | 5.{}.2 |", rng.range(4, 6));
    w!(out);

    w!(out, "## Database Schema Changes");
    w!(out);
    w!(out, "### New Tables");
    w!(out);
    let n_tables = rng.range(2, 3);
    for entity in topic.entities.iter().take(n_tables) {
        let table = plural(&entity.snake());
        w!(out, "#### Table: `{table}`");
        sql_table(out, rng, entity, false);
        w!(out);
        w!(out, "**Indexes**:");
        w!(out, "```sql");
        w!(
            out,
            "CREATE INDEX idx_{table}_created_at ON {table}(created_at);"
        );
        w!(out, "```");
        w!(out);
    }
    w!(out, "### Schema Migrations");
    w!(out);
    w!(out, "| Migration | Type | Description | Reversible |");
    w!(out, "|-----------|------|-------------|------------|");
    for (index, entity) in topic.entities.iter().take(n_tables).enumerate() {
        w!(
            out,
            "| {:03}_create_{} | Create | Adds the {} table | Yes |",
            index + 1,
            entity.snake(),
            entity.lower()
        );
    }
    w!(out);
}

fn write_decision(rng: &mut Rng, cx: &Context, out: &mut Out, number: usize) {
    let topic = &cx.topic;
    w!(out, "#### Decision {number}: {}", work_title(rng, topic));
    w!(out, "- **Context**: {}", sentence(rng, topic));
    w!(out, "- **Options Considered**:");
    let n_options = rng.range(2, 3);
    let labels = ["A", "B", "C"];
    for (index, label) in labels.iter().take(n_options).enumerate() {
        w!(
            out,
            "  {}. Option {label}: {} {}",
            index + 1,
            capitalise(rng.pick(ADJECTIVES)),
            capability(rng, topic)
        );
    }
    let chosen = labels.get(rng.below(n_options)).copied().unwrap_or("A");
    w!(out, "- **Decision**: Option {chosen}");
    w!(
        out,
        "- **Rationale**: {} {}",
        sentence(rng, topic),
        sentence(rng, topic)
    );
    w!(out, "- **Consequences**: {}", sentence(rng, topic));
    w!(out);
}

/// Writes the File Structure tree; returns `(path, purpose)` of every file.
fn write_file_structure(rng: &mut Rng, cx: &Context, out: &mut Out) -> Vec<(String, String)> {
    let topic = &cx.topic;
    let root = format!("src/features/{}", topic.slug);
    let mut files = Vec::new();
    let mut layer = |dir: &str, names: Vec<(String, String)>| {
        let children = names
            .iter()
            .map(|(name, _)| TreeNode::leaf(name.clone(), None))
            .collect();
        for (name, purpose) in names {
            files.push((format!("{root}/{dir}/{name}"), purpose));
        }
        TreeNode::dir(format!("{dir}/"), children)
    };
    let components = layer(
        "components",
        topic
            .entities
            .iter()
            .take(3)
            .map(|entity| {
                (
                    format!("{}Panel.tsx", entity.pascal()),
                    format!("Shows and edits {}", entity.plural()),
                )
            })
            .collect(),
    );
    let services = layer(
        "services",
        topic
            .entities
            .iter()
            .map(|entity| {
                (
                    format!("{}Service.ts", camel(entity.name)),
                    format!("Rules for {}", entity.plural()),
                )
            })
            .collect(),
    );
    let hooks = layer(
        "hooks",
        vec![(
            format!("use{}.ts", pascal(&topic.name)),
            "Loads and caches the feature data".to_string(),
        )],
    );
    let tree_root = TreeNode::dir(
        "src/",
        vec![TreeNode::dir(
            "features/",
            vec![TreeNode::dir(
                format!("{}/", topic.slug),
                vec![
                    components,
                    hooks,
                    services,
                    TreeNode::leaf("types.ts", None),
                    TreeNode::leaf("index.ts", None),
                ],
            )],
        )],
    );
    w!(out, "```");
    tree(out, &tree_root);
    w!(out, "```");
    w!(out);
    files.push((
        format!("{root}/types.ts"),
        format!("Shared types, {}", rng.pick(ADJECTIVES)),
    ));
    files.push((format!("{root}/index.ts"), "Public exports".to_string()));
    files
}

//! Graphviz DOT output: a `cluster_` subgraph per group, node colours by
//! state, a bold red critical path and dashed red cycle edges.
//!
//! All text goes into double-quoted DOT strings. Graphviz reads backslash
//! sequences in labels (`\n`, `\l`, `\N`, …), so a literal backslash is doubled
//! and line breaks are written as `\n` on purpose.

use std::fmt::Write as _;

use crate::diagram::{Diagram, NodeState};

use super::text::{self, columns};
use super::{
    CRITICAL_COLOR, CYCLE_COLOR, EDGE_COLOR, group_members, group_title, palette, tooltip,
    ungrouped_nodes,
};

/// Label lines are wrapped to this many terminal columns, two lines at most,
/// so boxes stay narrow enough for a left-to-right layout.
const LABEL_COLUMNS: f64 = 32.0;
const MAX_ID_COLUMNS: f64 = 30.0;
const FONT: &str = "Helvetica,Arial,sans-serif";

/// Renders the diagram as a Graphviz `digraph`, left to right.
pub fn to_dot(diagram: &Diagram) -> String {
    let mut out = String::from("digraph tasks {\n");
    let title = text::clean(&diagram.title);
    let title_attrs = if title.is_empty() {
        String::new()
    } else {
        format!(", label=\"{}\", labelloc=t, fontsize=16", escape(&title))
    };
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"{FONT}\", nodesep=0.25, ranksep=0.6{title_attrs}];"
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"{FONT}\", fontsize=11, margin=\"0.12,0.06\"];"
    );
    let _ = writeln!(out, "  edge [color=\"{EDGE_COLOR}\", arrowsize=0.7];");
    for (group_idx, members) in group_members(diagram).iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph cluster_{group_idx} {{");
        let _ = writeln!(
            out,
            "    graph [label=\"{}\", labeljust=l, style=\"rounded,filled\", fillcolor=\"#f5f7f9\", color=\"#cfd8dc\", fontsize=12];",
            escape(&group_title(diagram, group_idx))
        );
        for &node_idx in members {
            push_node(&mut out, diagram, node_idx, "    ");
        }
        out.push_str("  }\n");
    }
    for node_idx in ungrouped_nodes(diagram) {
        push_node(&mut out, diagram, node_idx, "  ");
    }
    for (_, edge) in super::valid_edges(diagram) {
        let mut attrs = Vec::new();
        if edge.in_cycle {
            attrs.push(format!("color=\"{CYCLE_COLOR}\""));
            attrs.push("style=dashed".to_owned());
        } else if edge.critical {
            attrs.push(format!("color=\"{CRITICAL_COLOR}\""));
        }
        if edge.critical {
            attrs.push("penwidth=2.5".to_owned());
        } else if edge.in_cycle {
            attrs.push("penwidth=1.5".to_owned());
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(out, "  n{} -> n{}{attrs};", edge.from, edge.to);
    }
    out.push_str("}\n");
    out
}

fn push_node(out: &mut String, diagram: &Diagram, node_idx: usize, indent: &str) {
    let Some(node) = diagram.nodes.get(node_idx) else {
        return;
    };
    let id = text::ellipsize(&text::clean(&node.id), MAX_ID_COLUMNS, &columns);
    let label = text::clean(&node.label);
    let mut lines = Vec::new();
    if !id.is_empty() {
        lines.push(id.clone());
    }
    lines.extend(text::wrap(&label, LABEL_COLUMNS, 2, &columns));
    let label_text = lines.join("\n");
    let tooltip = tooltip(node);
    let colors = palette(node.state);
    let mut attrs = vec![
        format!("label=\"{}\"", escape(&label_text)),
        format!("tooltip=\"{}\"", escape(&tooltip)),
        format!("fillcolor=\"{}\"", colors.fill),
        format!("fontcolor=\"{}\"", colors.text),
    ];
    if node.state == NodeState::Skipped {
        attrs.push("style=\"rounded,filled,dashed\"".to_owned());
    }
    if node.critical {
        attrs.push(format!("color=\"{CRITICAL_COLOR}\""));
        attrs.push("penwidth=2.5".to_owned());
    } else {
        attrs.push(format!("color=\"{}\"", colors.stroke));
    }
    let _ = writeln!(out, "{indent}n{node_idx} [{}];", attrs.join(", "));
}

/// Escapes text for a double-quoted DOT string used as a label.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::{critical, cyclic, edge, node};

    fn check_escape(input: &str, expected: &str) {
        assert_eq!(escape(input), expected, "{input:?}");
    }

    /// The attribute list of node `n{idx}`.
    fn node_line(output: &str, node_idx: usize) -> String {
        let prefix = format!("n{node_idx} [");
        output
            .lines()
            .map(str::trim)
            .find(|line| line.starts_with(&prefix))
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn escapes_dot_strings() {
        check_escape(r#"say "hi""#, r#"say \"hi\""#);
        check_escape(r"C:\path\n", r"C:\\path\\n");
        check_escape("two\nlines\r\n", r"two\nlines\n");
        check_escape("<>&'#[]{}|", "<>&'#[]{}|");
        check_escape("日本語", "日本語");
    }

    #[test]
    fn empty_diagram_is_a_valid_digraph() {
        let output = to_dot(&Diagram::default());
        assert!(output.starts_with("digraph tasks {\n"));
        assert!(output.ends_with("}\n"));
        assert!(!output.contains("cluster_"));
        assert!(!output.contains("->"));
        assert_eq!(output.matches('{').count(), output.matches('}').count());
    }

    #[test]
    fn node_labels_hold_id_and_wrapped_label() {
        let diagram = Diagram {
            title: "Back\\slash \"plan\"".to_owned(),
            nodes: vec![
                node("T1", "Write \"docs\"\nfor C:\\temp", None),
                node(
                    "T2",
                    "データベースのスキーマを設計してマイグレーションを書く作業",
                    None,
                ),
            ],
            ..Diagram::default()
        };
        let output = to_dot(&diagram);
        assert!(output.contains(r#"label="Back\\slash \"plan\"", labelloc=t"#));
        assert!(node_line(&output, 0).contains(r#"label="T1\nWrite \"docs\" for C:\\temp""#));
        let long = node_line(&output, 1);
        assert!(
            long.contains(
                r#"label="T2\nデータベースのスキーマを設計して\nマイグレーションを書く作業""#
            ),
            "{long}"
        );
    }

    #[test]
    fn groups_become_clusters_and_stray_nodes_stay_outside() {
        let diagram = Diagram {
            groups: vec!["Setup".to_owned(), "Unused".to_owned(), String::new()],
            nodes: vec![
                node("a", "", Some(0)),
                node("b", "", Some(2)),
                node("c", "", Some(5)),
            ],
            ..Diagram::default()
        };
        let output = to_dot(&diagram);
        assert!(output.contains("subgraph cluster_0 {\n    graph [label=\"Setup\""));
        assert!(output.contains("subgraph cluster_2 {\n    graph [label=\"Group 3\""));
        assert!(!output.contains("cluster_1"));
        assert!(output.contains("\n  n2 [label=\"c\""));
    }

    #[test]
    fn states_critical_path_and_cycles_are_styled() {
        let mut nodes = vec![
            node("a", "", None),
            node("b", "", None),
            node("c", "", None),
        ];
        nodes[0].state = NodeState::Done;
        nodes[1].critical = true;
        nodes[2].state = NodeState::Skipped;
        let diagram = Diagram {
            nodes,
            edges: vec![
                critical(edge(0, 1)),
                cyclic(edge(1, 2)),
                cyclic(edge(2, 1)),
                cyclic(edge(2, 2)),
                edge(3, 0),
                edge(0, 2),
            ],
            ..Diagram::default()
        };
        let output = to_dot(&diagram);
        assert!(node_line(&output, 0).contains("fillcolor=\"#d5f2dc\""));
        assert!(node_line(&output, 1).contains("color=\"#9b1111\", penwidth=2.5"));
        assert!(node_line(&output, 2).contains("style=\"rounded,filled,dashed\""));
        for expected in [
            "n0 -> n1 [color=\"#9b1111\", penwidth=2.5];",
            "n1 -> n2 [color=\"#e53935\", style=dashed, penwidth=1.5];",
            "n2 -> n1 [color=\"#e53935\", style=dashed, penwidth=1.5];",
            "n2 -> n2 [color=\"#e53935\", style=dashed, penwidth=1.5];",
            "n0 -> n2;",
        ] {
            assert!(
                output.contains(expected),
                "missing {expected:?} in\n{output}"
            );
        }
        assert!(!output.contains("n3"));
    }
}

//! Mermaid `flowchart` output: one `subgraph` per group, state classes,
//! thick critical edges and dotted red cycle edges.
//!
//! Labels go inside `["…"]` strings and every character Mermaid could read as
//! syntax is written as a Mermaid entity (`#quot;`, `#35;`, …), which Mermaid
//! turns into the matching HTML entity when it draws the label.

use std::fmt::Write as _;

use crate::diagram::{Diagram, DiagramEdge, NodeState};

use super::text::{self, columns};
use super::{CRITICAL_COLOR, CYCLE_COLOR, group_members, group_title, palette, ungrouped_nodes};

/// Longest label kept, in terminal columns (wide characters count two).
const MAX_LABEL_COLUMNS: f64 = 60.0;
const MAX_ID_COLUMNS: f64 = 30.0;

/// Every state in the order its class is declared and applied.
const STATES: [(NodeState, &str); 6] = [
    (NodeState::Todo, "todo"),
    (NodeState::InProgress, "inProgress"),
    (NodeState::Blocked, "blocked"),
    (NodeState::Done, "done"),
    (NodeState::Skipped, "skipped"),
    (NodeState::Unknown, "unknown"),
];

/// Renders the diagram as a Mermaid flowchart, top to bottom.
pub fn to_mermaid(diagram: &Diagram) -> String {
    let mut out = String::new();
    let title = text::clean(&diagram.title);
    if !title.is_empty() {
        let _ = write!(out, "---\ntitle: \"{}\"\n---\n", yaml_escape(&title));
    }
    out.push_str("flowchart TD\n");
    push_class_defs(&mut out);
    for (group_idx, members) in group_members(diagram).iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let heading = escape(&group_title(diagram, group_idx));
        let _ = writeln!(out, "    subgraph g{group_idx}[\"{heading}\"]");
        for &node_idx in members {
            push_node(&mut out, diagram, node_idx, "        ");
        }
        out.push_str("    end\n");
    }
    for node_idx in ungrouped_nodes(diagram) {
        push_node(&mut out, diagram, node_idx, "    ");
    }
    let link_styles = push_edges(&mut out, diagram);
    push_classes(&mut out, diagram);
    for (indices, style) in link_styles {
        if !indices.is_empty() {
            let _ = writeln!(out, "    linkStyle {} {style}", indices.join(","));
        }
    }
    out
}

fn push_class_defs(out: &mut String) {
    for (state, class) in STATES {
        let colors = palette(state);
        let dash = if state == NodeState::Skipped {
            ",stroke-dasharray:4 3"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "    classDef {class} fill:{},stroke:{},color:{}{dash}",
            colors.fill, colors.stroke, colors.text
        );
    }
    // Declared last so its border wins over the state's border.
    let _ = writeln!(
        out,
        "    classDef critical stroke:{CRITICAL_COLOR},stroke-width:3px"
    );
}

fn push_node(out: &mut String, diagram: &Diagram, node_idx: usize, indent: &str) {
    let Some(node) = diagram.nodes.get(node_idx) else {
        return;
    };
    let id = text::ellipsize(&text::clean(&node.id), MAX_ID_COLUMNS, &columns);
    let label = text::ellipsize(&text::clean(&node.label), MAX_LABEL_COLUMNS, &columns);
    let content = match (id.is_empty(), label.is_empty()) {
        (true, true) => " ".to_owned(),
        (true, false) => escape(&label),
        (false, true) => format!("<b>{}</b>", escape(&id)),
        (false, false) => format!("<b>{}</b><br/>{}", escape(&id), escape(&label)),
    };
    let _ = writeln!(out, "{indent}n{node_idx}[\"{content}\"]");
}

/// Writes the edges and returns the `linkStyle` index lists they need. Mermaid
/// numbers links in the order they are declared, so the count only advances
/// for edges actually written.
fn push_edges(out: &mut String, diagram: &Diagram) -> [(Vec<String>, String); 3] {
    let mut critical = Vec::new();
    let mut cycle = Vec::new();
    let mut both = Vec::new();
    for (link_idx, (_, edge)) in super::valid_edges(diagram).enumerate() {
        let DiagramEdge { from, to, .. } = *edge;
        let arrow = match (edge.in_cycle, edge.critical) {
            (true, _) => "-.->",
            (false, true) => "==>",
            (false, false) => "-->",
        };
        let _ = writeln!(out, "    n{from} {arrow} n{to}");
        match (edge.in_cycle, edge.critical) {
            (true, true) => both.push(link_idx.to_string()),
            (true, false) => cycle.push(link_idx.to_string()),
            (false, true) => critical.push(link_idx.to_string()),
            (false, false) => {}
        }
    }
    [
        (
            critical,
            format!("stroke:{CRITICAL_COLOR},stroke-width:3px"),
        ),
        (cycle, format!("stroke:{CYCLE_COLOR},stroke-width:2px")),
        (both, format!("stroke:{CYCLE_COLOR},stroke-width:3px")),
    ]
}

fn push_classes(out: &mut String, diagram: &Diagram) {
    for (state, class) in STATES {
        let names = node_names(diagram, |node_state, _| node_state == state);
        if !names.is_empty() {
            let _ = writeln!(out, "    class {names} {class}");
        }
    }
    let names = node_names(diagram, |_, critical| critical);
    if !names.is_empty() {
        let _ = writeln!(out, "    class {names} critical");
    }
}

fn node_names(diagram: &Diagram, keep: impl Fn(NodeState, bool) -> bool) -> String {
    let names: Vec<String> = diagram
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| keep(node.state, node.critical))
        .map(|(node_idx, _)| format!("n{node_idx}"))
        .collect();
    names.join(",")
}

/// Writes characters that Mermaid's parser or its HTML labels would
/// interpret as Mermaid entities. The colon is included because Mermaid
/// pre-scans lines that look like `style …: …#…;` before parsing.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' | '[' | ']' | '{' | '}' | '(' | ')' | '|' | '`' | ':' | ';' | '%' | '\\' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            '\n' => out.push_str("<br/>"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a YAML double-quoted scalar for the front-matter title.
fn yaml_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::{critical, cyclic, edge, node};

    fn check_escape(input: &str, expected: &str) {
        assert_eq!(escape(input), expected, "{input:?}");
    }

    fn lines(output: &str) -> Vec<&str> {
        output.lines().map(str::trim).collect()
    }

    #[test]
    fn escapes_mermaid_syntax_characters() {
        check_escape(r#"a"b<c>d&e'f#g"#, "a#quot;b#lt;c#gt;d#amp;e'f#35;g");
        check_escape("[x]{y}|z`w", "#91;x#93;#123;y#125;#124;z#96;w");
        check_escape("style: x#1;", "style#58; x#35;1#59;");
        check_escape("日本語のタスク", "日本語のタスク");
    }

    #[test]
    fn empty_diagram_is_a_bare_flowchart() {
        let output = to_mermaid(&Diagram::default());
        assert!(output.starts_with("flowchart TD\n"));
        assert!(!output.contains("subgraph"));
        assert!(!output.contains("-->"));
    }

    #[test]
    fn labels_are_cleaned_escaped_and_truncated() {
        let long = "x".repeat(100);
        let diagram = Diagram {
            title: "Plan \"A\"\nv2".to_owned(),
            nodes: vec![
                node("T1", "line one\nline \"two\" <b>&#x</b>", None),
                node("T2", &long, None),
                node("T3", "", None),
            ],
            ..Diagram::default()
        };
        let output = to_mermaid(&diagram);
        assert!(output.starts_with("---\ntitle: \"Plan \\\"A\\\" v2\"\n---\n"));
        let all = lines(&output);
        assert!(all.contains(
            &"n0[\"<b>T1</b><br/>line one line #quot;two#quot; #lt;b#gt;#amp;#35;x#lt;/b#gt;\"]"
        ));
        let truncated = format!("n1[\"<b>T2</b><br/>{}…\"]", "x".repeat(59));
        assert!(all.contains(&truncated.as_str()));
        assert!(all.contains(&"n2[\"<b>T3</b>\"]"));
    }

    #[test]
    fn groups_become_subgraphs_in_group_order() {
        let diagram = Diagram {
            groups: vec![
                "Setup".to_owned(),
                "Empty".to_owned(),
                "Core [P]".to_owned(),
            ],
            nodes: vec![
                node("a", "", Some(2)),
                node("b", "", Some(0)),
                node("c", "", None),
                node("d", "", Some(9)),
            ],
            ..Diagram::default()
        };
        let output = to_mermaid(&diagram);
        let setup = output.find("subgraph g0[\"Setup\"]");
        let core = output.find("subgraph g2[\"Core #91;P#93;\"]");
        assert!(
            setup.is_some() && core.is_some() && setup < core,
            "{output}"
        );
        assert!(!output.contains("subgraph g1"));
        // Ungrouped and out-of-range nodes sit outside every subgraph.
        assert!(output.contains("\n    n2[\"<b>c</b>\"]\n"));
        assert!(output.contains("\n    n3[\"<b>d</b>\"]\n"));
    }

    #[test]
    fn edges_states_and_link_styles() {
        let mut nodes = vec![
            node("a", "", None),
            node("b", "", None),
            node("c", "", None),
        ];
        nodes[0].state = NodeState::Done;
        nodes[1].state = NodeState::InProgress;
        nodes[1].critical = true;
        let diagram = Diagram {
            nodes,
            edges: vec![
                critical(edge(0, 1)),
                edge(0, 7),
                edge(1, 2),
                cyclic(edge(2, 1)),
                critical(cyclic(edge(2, 2))),
            ],
            ..Diagram::default()
        };
        let output = to_mermaid(&diagram);
        let all = lines(&output);
        for expected in [
            "n0 ==> n1",
            "n1 --> n2",
            "n2 -.-> n1",
            "n2 -.-> n2",
            "class n0 done",
            "class n1 inProgress",
            "class n2 todo",
            "class n1 critical",
            "linkStyle 0 stroke:#9b1111,stroke-width:3px",
            "linkStyle 2 stroke:#e53935,stroke-width:2px",
            "linkStyle 3 stroke:#e53935,stroke-width:3px",
        ] {
            assert!(all.contains(&expected), "missing {expected:?} in\n{output}");
        }
        assert!(!output.contains("n7"));
    }

    #[test]
    fn repeated_ids_stay_distinct_nodes() {
        let diagram = Diagram {
            nodes: vec![node("T1", "first", None), node("T1", "second", None)],
            edges: vec![edge(0, 1)],
            ..Diagram::default()
        };
        let output = to_mermaid(&diagram);
        assert!(output.contains("n0[\"<b>T1</b><br/>first\"]"));
        assert!(output.contains("n1[\"<b>T1</b><br/>second\"]"));
        assert!(output.contains("n0 --> n1"));
    }
}

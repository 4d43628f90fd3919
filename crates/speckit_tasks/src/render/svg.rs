//! Self-contained SVG drawing of a diagram: group bands, edges, nodes and a
//! legend, positioned by [`super::layout`] and [`super::route`].
//!
//! The output uses presentation attributes rather than a stylesheet, so
//! viewers that strip or sandbox `<style>` still draw it as intended.
//! Every number is rounded to one decimal and nothing depends on hash order,
//! so one input always gives the same bytes.

use std::fmt::Write as _;

use crate::diagram::{Diagram, DiagramEdge, NodeState};

use super::layout::{self, Layout, Rect};
use super::legend::{LEGEND_HEIGHT, legend_items, push_legend};
use super::node_box::push_nodes;
use super::route::{self, Point, Route, Segment};
use super::text::{self, em_width};
use super::{CRITICAL_COLOR, CYCLE_COLOR, EDGE_COLOR, group_title, palette, valid_edges};

const MARGIN: f64 = 20.0;
const TITLE_HEIGHT: f64 = 40.0;
const LEGEND_GAP: f64 = 18.0;
/// Inset of band titles from the band's left edge.
const TEXT_PADDING: f64 = 10.0;
const BAND_FONT: f64 = 13.0;
const TITLE_FONT: f64 = 17.0;
/// Space for a diagram without nodes, so it still shows a message.
const EMPTY_WIDTH: f64 = 260.0;
const EMPTY_HEIGHT: f64 = 60.0;
const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans CJK JP', 'Hiragino Sans', 'Microsoft YaHei', sans-serif";

/// Renders the diagram as a standalone SVG document.
pub fn to_svg(diagram: &Diagram) -> String {
    let layout = layout::layout(diagram);
    let routes = route::routes(diagram, &layout);
    let title = text::clean(&diagram.title);
    let title_height = if title.is_empty() { 0.0 } else { TITLE_HEIGHT };
    let (content_width, content_height) = if diagram.nodes.is_empty() {
        (EMPTY_WIDTH, EMPTY_HEIGHT)
    } else {
        (layout.width, layout.height)
    };
    // A legend for a picture with nothing in it would explain nothing.
    let legend = if diagram.nodes.is_empty() {
        Vec::new()
    } else {
        legend_items(diagram)
    };
    let legend_width = legend.iter().map(|item| item.width).sum::<f64>();
    let legend_height = if legend.is_empty() {
        0.0
    } else {
        LEGEND_GAP + LEGEND_HEIGHT
    };
    let width = content_width.max(legend_width) + 2.0 * MARGIN;
    let height = MARGIN + title_height + content_height + legend_height + MARGIN;
    let origin = (MARGIN, MARGIN + title_height);

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"sk-title sk-desc\" font-family=\"{FONT_FAMILY}\" font-size=\"12\">",
        w = num(width),
        h = num(height),
    );
    let accessible_title = if title.is_empty() {
        "Task dependencies"
    } else {
        &title
    };
    let _ = write!(
        out,
        "<title id=\"sk-title\">{}</title>\n<desc id=\"sk-desc\">{}</desc>\n",
        xml(accessible_title),
        xml(&description(diagram))
    );
    push_defs(&mut out);
    let _ = writeln!(
        out,
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        num(width),
        num(height)
    );
    if !title.is_empty() {
        let shown = text::ellipsize(&title, width - 2.0 * MARGIN, &|c| {
            em_width(c) * TITLE_FONT * 1.06
        });
        let _ = writeln!(
            out,
            "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"{TITLE_FONT}\" font-weight=\"bold\" fill=\"#263238\">{}</text>",
            num(MARGIN),
            num(MARGIN + 18.0),
            xml(&shown)
        );
    }
    if diagram.nodes.is_empty() {
        let _ = writeln!(
            out,
            "<text class=\"empty\" x=\"{}\" y=\"{}\" fill=\"#78909c\">No tasks to show</text>",
            num(origin.0),
            num(origin.1 + EMPTY_HEIGHT / 2.0)
        );
    }
    push_bands(&mut out, diagram, &layout, origin);
    push_edges(&mut out, diagram, &routes, origin);
    push_nodes(&mut out, diagram, &layout, origin);
    if !legend.is_empty() {
        push_legend(&mut out, &legend, MARGIN, height - MARGIN - LEGEND_HEIGHT);
    }
    out.push_str("</svg>\n");
    out
}

/// One sentence for screen readers and search: what the picture contains.
fn description(diagram: &Diagram) -> String {
    let n_edges = valid_edges(diagram).count();
    let n_critical = diagram.nodes.iter().filter(|node| node.critical).count();
    let n_cycle = valid_edges(diagram)
        .filter(|(_, edge)| edge.in_cycle)
        .count();
    let n_groups = super::group_members(diagram)
        .iter()
        .filter(|members| !members.is_empty())
        .count();
    let mut sentence = format!(
        "Dependency diagram of {} in {}, with {}",
        plural(diagram.nodes.len(), "task"),
        plural(n_groups, "phase"),
        plural(n_edges, "dependency arrow"),
    );
    if n_critical > 0 {
        let _ = write!(
            sentence,
            "; {} on the critical path",
            plural(n_critical, "task")
        );
    }
    if n_cycle > 0 {
        let _ = write!(sentence, "; {} in a cycle", plural(n_cycle, "arrow"));
    }
    sentence.push_str(". An arrow points from a task to a task that depends on it.");
    sentence
}

fn plural(count: usize, noun: &str) -> String {
    match (count, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{count} {stem}ies"),
        (_, None) => format!("{count} {noun}s"),
    }
}

fn push_defs(out: &mut String) {
    out.push_str("<defs>\n");
    for (id, color) in [
        ("sk-arrow", EDGE_COLOR),
        ("sk-arrow-critical", CRITICAL_COLOR),
        ("sk-arrow-cycle", CYCLE_COLOR),
    ] {
        // User-space units keep the head the same size on thick and thin edges.
        let _ = writeln!(
            out,
            "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{color}\"/></marker>"
        );
    }
    let skipped = palette(NodeState::Skipped);
    let _ = writeln!(
        out,
        "<pattern id=\"sk-skipped\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"{}\"/><rect width=\"3\" height=\"8\" fill=\"#d5dbdf\"/></pattern>",
        skipped.fill
    );
    out.push_str("</defs>\n");
}

fn push_bands(out: &mut String, diagram: &Diagram, layout: &Layout, origin: (f64, f64)) {
    let has_groups = layout.bands.iter().any(|band| band.group.is_some());
    out.push_str("<g class=\"bands\">\n");
    for band in &layout.bands {
        let (name, fill, stroke, dash) = match band.group {
            Some(group_idx) => (group_title(diagram, group_idx), "#f3f6f8", "#d5dee4", ""),
            // A lone band of ungrouped nodes needs no frame at all.
            None if !has_groups => continue,
            None => (
                "Other tasks".to_owned(),
                "#fbfbfb",
                "#d5dee4",
                " stroke-dasharray=\"5 4\"",
            ),
        };
        let rect = shift(&band.rect, origin);
        let _ = writeln!(
            out,
            "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\"{dash}/>",
            num(rect.x),
            num(rect.y),
            num(rect.width),
            num(rect.height)
        );
        let shown = text::ellipsize(&name, rect.width - 2.0 * TEXT_PADDING, &|c| {
            em_width(c) * BAND_FONT * 1.06
        });
        let _ = writeln!(
            out,
            "<text class=\"band-title\" x=\"{}\" y=\"{}\" font-size=\"{BAND_FONT}\" font-weight=\"bold\" fill=\"#455a64\">{}</text>",
            num(rect.x + 12.0),
            num(rect.y + 24.0),
            xml(&shown)
        );
    }
    out.push_str("</g>\n");
}

fn push_edges(out: &mut String, diagram: &Diagram, routes: &[Route], origin: (f64, f64)) {
    let mut ordered: Vec<(&Route, &DiagramEdge)> = routes
        .iter()
        .filter_map(|route| Some((route, diagram.edges.get(route.edge_idx)?)))
        .collect();
    // Drawn last means drawn on top: plain edges first, the critical path last.
    ordered.sort_by_key(|(route, edge)| (edge.critical, edge.in_cycle, route.edge_idx));
    out.push_str("<g class=\"edges\" fill=\"none\">\n");
    for (route, edge) in ordered {
        let (color, marker) = if edge.in_cycle {
            (CYCLE_COLOR, "sk-arrow-cycle")
        } else if edge.critical {
            (CRITICAL_COLOR, "sk-arrow-critical")
        } else {
            (EDGE_COLOR, "sk-arrow")
        };
        let width = if edge.critical { 2.6 } else { 1.4 };
        let dash = if edge.in_cycle {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let tooltip = format!(
            "{} → {}",
            node_name(diagram, edge.from),
            node_name(diagram, edge.to)
        );
        let _ = writeln!(
            out,
            "<path class=\"edge\" data-from=\"{}\" data-to=\"{}\" d=\"{}\" stroke=\"{color}\" stroke-width=\"{width}\"{dash} marker-end=\"url(#{marker})\"><title>{}</title></path>",
            edge.from,
            edge.to,
            path_data(route, origin),
            xml(&tooltip)
        );
    }
    out.push_str("</g>\n");
}

/// SVG path data for a route, moved by `origin`.
fn path_data(route: &Route, origin: (f64, f64)) -> String {
    let point = |p: Point| format!("{},{}", num(p.x + origin.0), num(p.y + origin.1));
    let mut data = format!("M{}", point(route.start));
    for segment in &route.segments {
        match *segment {
            Segment::Line(to) => {
                let _ = write!(data, " L{}", point(to));
            }
            Segment::Cubic(first, second, to) => {
                let _ = write!(data, " C{} {} {}", point(first), point(second), point(to));
            }
        }
    }
    data
}

/// The id of a node for tooltips, or its position when it has no id.
fn node_name(diagram: &Diagram, node_idx: usize) -> String {
    let id = diagram
        .nodes
        .get(node_idx)
        .map(|node| text::clean(&node.id))
        .unwrap_or_default();
    if id.is_empty() {
        format!("#{}", node_idx + 1)
    } else {
        id
    }
}

pub(crate) fn shift(rect: &Rect, origin: (f64, f64)) -> Rect {
    Rect {
        x: rect.x + origin.0,
        y: rect.y + origin.1,
        ..*rect
    }
}

/// A coordinate rounded to one decimal, without a trailing `.0` or `-0`.
pub(crate) fn num(value: f64) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Escapes text for XML character data and attribute values alike.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry these at all, not even as references.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use roxmltree::{Document, Node};

    use super::*;
    use crate::render::fixtures::{edge, node, synthetic, three_phases};

    fn number(element: Node<'_, '_>, name: &str) -> f64 {
        element
            .attribute(name)
            .and_then(|value| value.parse().ok())
            .unwrap_or(f64::NAN)
    }

    fn rect_of(element: Node<'_, '_>) -> Rect {
        Rect {
            x: number(element, "x"),
            y: number(element, "y"),
            width: number(element, "width"),
            height: number(element, "height"),
        }
    }

    fn with_class<'a, 'input>(
        doc: &'a Document<'input>,
        tag: &'a str,
        class: &'a str,
    ) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
        doc.descendants().filter(move |element| {
            element.has_tag_name(tag) && element.attribute("class") == Some(class)
        })
    }

    /// First and last point of path data made of `M`, `L` and `C` commands.
    fn path_ends(data: &str) -> Option<(Point, Point)> {
        let numbers: Vec<f64> = data
            .split(|c: char| c.is_ascii_alphabetic() || c == ',' || c == ' ')
            .filter(|piece| !piece.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match (
            numbers.as_slice(),
            numbers.get(numbers.len().checked_sub(2)?..),
        ) {
            ([x, y, ..], Some([end_x, end_y])) => Some((
                Point { x: *x, y: *y },
                Point {
                    x: *end_x,
                    y: *end_y,
                },
            )),
            _ => None,
        }
    }

    fn near(point: Point, rect: &Rect) -> bool {
        let slack = 0.2;
        point.x >= rect.x - slack
            && point.x <= rect.right() + slack
            && point.y >= rect.y - slack
            && point.y <= rect.y + rect.height + slack
            && (point.x - rect.x < slack
                || rect.right() - point.x < slack
                || point.y - rect.y < slack
                || rect.y + rect.height - point.y < slack)
    }

    /// Renders, parses and checks what every SVG must satisfy; returns the text.
    fn check_svg(diagram: &Diagram) -> String {
        let svg = to_svg(diagram);
        let doc = match Document::parse(&svg) {
            Ok(doc) => doc,
            Err(error) => panic!("not well-formed: {error}\n{svg}"),
        };
        let root = doc.root_element();
        assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
        let (width, height) = (number(root, "width"), number(root, "height"));
        assert_eq!(
            root.attribute("viewBox"),
            Some(format!("0 0 {} {}", num(width), num(height)).as_str())
        );
        for tag in ["title", "desc"] {
            let text = root
                .children()
                .find(|child| child.has_tag_name(tag))
                .and_then(|child| child.text());
            assert!(text.is_some_and(|text| !text.is_empty()), "missing <{tag}>");
        }
        let ids: Vec<&str> = with_class(&doc, "text", "node-id")
            .filter_map(|text| text.text())
            .collect();
        let expected_ids: Vec<String> = diagram
            .nodes
            .iter()
            .map(|node| text::clean(&node.id))
            .collect();
        assert_eq!(ids, expected_ids);
        let rects: Vec<Rect> = with_class(&doc, "rect", "node").map(rect_of).collect();
        assert_eq!(rects.len(), diagram.nodes.len());
        for (idx, first) in rects.iter().enumerate() {
            for second in rects.iter().skip(idx + 1) {
                let apart = first.right() <= second.x
                    || second.right() <= first.x
                    || first.y + first.height <= second.y
                    || second.y + second.height <= first.y;
                assert!(apart, "{first:?} overlaps {second:?}");
            }
        }
        let mut n_paths = 0;
        for path in with_class(&doc, "path", "edge") {
            n_paths += 1;
            let index = |name| {
                path.attribute(name)
                    .and_then(|value| value.parse::<usize>().ok())
            };
            let ends = path.attribute("d").and_then(path_ends);
            let (Some(from), Some(to), Some((start, end))) =
                (index("data-from"), index("data-to"), ends)
            else {
                panic!("unreadable edge {path:?}");
            };
            let (Some(from_rect), Some(to_rect)) = (rects.get(from), rects.get(to)) else {
                panic!("edge to a missing node: {path:?}");
            };
            assert!(near(start, from_rect), "{start:?} is not on {from_rect:?}");
            assert!(near(end, to_rect), "{end:?} is not on {to_rect:?}");
        }
        assert_eq!(n_paths, valid_edges(diagram).count());
        assert_eq!(to_svg(&diagram.clone()), svg, "output is not deterministic");
        svg
    }

    #[test]
    fn sample_diagrams_render_valid_svg() {
        check_svg(&three_phases());
        for n_nodes in [1, 5, 40, 150] {
            check_svg(&synthetic(n_nodes));
        }
    }

    #[test]
    fn empty_diagram_is_well_formed() {
        let svg = check_svg(&Diagram::default());
        assert!(svg.contains("No tasks to show"));
        assert!(!svg.contains("class=\"legend\""));
    }

    #[test]
    fn text_is_escaped_and_survives_parsing() {
        let label = "a\"b<c>d&e'f#g[h]{i}|j\nk `l`";
        let diagram = Diagram {
            title: "Plan <\"A\"> & 'B'".to_owned(),
            groups: vec!["Phase <1> & \"more\"".to_owned()],
            nodes: vec![
                node("T<1>", label, Some(0)),
                node("T&2", "\u{1}bell\u{0}", Some(0)),
            ],
            ..Diagram::default()
        };
        let svg = check_svg(&diagram);
        let Ok(doc) = Document::parse(&svg) else {
            panic!("not well-formed");
        };
        let texts = |class| -> Vec<String> {
            with_class(&doc, "text", class)
                .filter_map(|text| text.text().map(str::to_owned))
                .collect()
        };
        assert_eq!(texts("title"), vec!["Plan <\"A\"> & 'B'"]);
        assert_eq!(texts("band-title"), vec!["Phase <1> & \"more\""]);
        assert_eq!(
            texts("node-label"),
            vec!["a\"b<c>d&e'f#g[h]{i}|j k `l`", "bell"]
        );
        assert!(svg.contains("&lt;c&gt;d&amp;e&apos;f") && svg.contains("a&quot;b"));
    }

    #[test]
    fn states_critical_path_and_cycles_are_styled() {
        let svg = check_svg(&three_phases());
        let Ok(doc) = Document::parse(&svg) else {
            panic!("not well-formed");
        };
        let rects: Vec<Node<'_, '_>> = with_class(&doc, "rect", "node").collect();
        let critical: Vec<bool> = rects
            .iter()
            .map(|rect| rect.attribute("stroke-width") == Some("3"))
            .collect();
        assert_eq!(critical, vec![true, false, true, false, true, false, true]);
        let fills: Vec<&str> = rects
            .iter()
            .filter_map(|rect| rect.attribute("fill"))
            .collect();
        assert_eq!(fills.get(1), Some(&"url(#sk-skipped)"));
        assert_eq!(fills.first(), Some(&palette(NodeState::Done).fill));
        let dashed: Vec<(Option<&str>, Option<&str>)> = with_class(&doc, "path", "edge")
            .filter(|path| path.attribute("stroke-dasharray").is_some())
            .map(|path| (path.attribute("data-from"), path.attribute("data-to")))
            .collect();
        assert_eq!(
            dashed,
            vec![
                (Some("4"), Some("5")),
                (Some("5"), Some("4")),
                (Some("1"), Some("1"))
            ]
        );
        let thick = with_class(&doc, "path", "edge")
            .filter(|path| path.attribute("stroke") == Some(CRITICAL_COLOR))
            .count();
        assert_eq!(thick, 3);
        assert!(!svg.contains("data-to=\"42\""));
    }

    #[test]
    fn repeated_ids_stay_separate_nodes() {
        let diagram = Diagram {
            nodes: vec![node("T1", "one", None), node("T1", "two", None)],
            edges: vec![edge(0, 1), edge(1, 0)],
            ..Diagram::default()
        };
        let svg = check_svg(&diagram);
        assert_eq!(svg.matches("data-index=").count(), 2);
    }

    #[test]
    fn numbers_are_rounded_to_one_decimal() {
        for (value, expected) in [
            (0.0, "0"),
            (-0.04, "0"),
            (12.0, "12"),
            (12.25, "12.2"),
            (12.26, "12.3"),
            (-3.5, "-3.5"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(num(value), expected, "{value}");
        }
    }
}

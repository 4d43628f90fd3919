//! One task box of the SVG: a rounded rectangle filled by state, the id in
//! bold and the label wrapped to two lines, with the full text as a tooltip.
//!
//! Positions come from the layout; this module only decides how the text of
//! a box is cut to fit and writes the markup.

use std::fmt::Write as _;

use crate::diagram::{Diagram, DiagramNode, NodeState};

use super::layout::Layout;
use super::svg::{num, shift, xml};
use super::text::{self, em_width};
use super::{CRITICAL_COLOR, palette, to_f64, tooltip};

const TEXT_PADDING: f64 = 10.0;
const ID_FONT: f64 = 12.5;
const LABEL_FONT: f64 = 11.5;
const LINE_HEIGHT: f64 = 15.0;
/// Bold glyphs run a little wider than regular ones.
const BOLD_FACTOR: f64 = 1.06;
const MAX_LABEL_LINES: usize = 2;

/// The text shown in a box, already cut to fit.
struct BoxText {
    id: String,
    lines: Vec<String>,
}

fn box_text(node: &DiagramNode, box_width: f64) -> BoxText {
    let inner = box_width - 2.0 * TEXT_PADDING;
    let id_measure = |c: char| em_width(c) * ID_FONT * BOLD_FACTOR;
    let label_measure = |c: char| em_width(c) * LABEL_FONT;
    BoxText {
        id: text::ellipsize(&text::clean(&node.id), inner, &id_measure),
        lines: text::wrap(
            &text::clean(&node.label),
            inner,
            MAX_LABEL_LINES,
            &label_measure,
        ),
    }
}

pub(crate) fn push_nodes(out: &mut String, diagram: &Diagram, layout: &Layout, origin: (f64, f64)) {
    out.push_str("<g class=\"nodes\">\n");
    for (node_idx, (node, rect)) in diagram.nodes.iter().zip(&layout.nodes).enumerate() {
        let rect = shift(rect, origin);
        let colors = palette(node.state);
        let BoxText { id, lines } = box_text(node, rect.width);
        let fill = if node.state == NodeState::Skipped {
            "url(#sk-skipped)"
        } else {
            colors.fill
        };
        let (stroke, stroke_width) = if node.critical {
            (CRITICAL_COLOR, 3.0)
        } else {
            (colors.stroke, 1.4)
        };
        let dash = if node.state == NodeState::Skipped {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        let tooltip = tooltip(node);
        let _ = write!(
            out,
            "<g class=\"node\" data-index=\"{node_idx}\"><title>{}</title>\n<rect class=\"node\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"{dash}/>\n",
            xml(&tooltip),
            num(rect.x),
            num(rect.y),
            num(rect.width),
            num(rect.height)
        );
        let n_lines = lines.len() + usize::from(!id.is_empty());
        let block = LINE_HEIGHT * to_f64(n_lines);
        let mut baseline = rect.y + (rect.height - block) / 2.0 + 11.5;
        let center = num(rect.x + rect.width / 2.0);
        if !id.is_empty() {
            let _ = writeln!(
                out,
                "<text class=\"node-id\" x=\"{center}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{ID_FONT}\" font-weight=\"bold\" fill=\"{}\">{}</text>",
                num(baseline),
                colors.text,
                xml(&id)
            );
            baseline += LINE_HEIGHT;
        }
        for line in &lines {
            let _ = writeln!(
                out,
                "<text class=\"node-label\" x=\"{center}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{LABEL_FONT}\" fill=\"{}\">{}</text>",
                num(baseline),
                colors.text,
                xml(line)
            );
            baseline += LINE_HEIGHT;
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::node;
    use crate::render::layout::NODE_WIDTH;

    fn check_fits(text: &BoxText) {
        let inner = NODE_WIDTH - 2.0 * TEXT_PADDING;
        let id_width = text::measure_str(&text.id, &|c| em_width(c) * ID_FONT * BOLD_FACTOR);
        assert!(id_width <= inner, "{} is {id_width} wide", text.id);
        for line in &text.lines {
            let width = text::measure_str(line, &|c| em_width(c) * LABEL_FONT);
            assert!(width <= inner, "{line} is {width} wide");
        }
    }

    #[test]
    fn short_labels_stay_on_one_line() {
        let text = box_text(&node("T001", "Add CI", None), NODE_WIDTH);
        assert_eq!(
            (text.id.as_str(), text.lines),
            ("T001", vec!["Add CI".to_owned()])
        );
    }

    #[test]
    fn long_cjk_labels_wrap_within_the_box() {
        let label =
            "データベースのスキーマを設計してマイグレーションを書き、既存のデータを移行する作業";
        let text = box_text(&node("T1", label, None), NODE_WIDTH);
        check_fits(&text);
        assert_eq!(text.lines.len(), 2);
        assert!(text.lines.last().is_some_and(|line| line.ends_with('…')));
    }

    #[test]
    fn long_ids_and_words_are_cut_to_fit() {
        let long_id = "PHASE-ONE-TASK-NUMBER-0001-WITH-SUFFIX";
        let long_word = "x".repeat(200);
        let text = box_text(&node(long_id, &long_word, None), NODE_WIDTH);
        check_fits(&text);
        assert!(text.id.ends_with('…'));
        assert_eq!(text.lines.len(), 2);
    }
}

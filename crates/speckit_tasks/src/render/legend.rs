//! The legend under the SVG drawing: a swatch and a few words for each node
//! state, for critical tasks, the critical path and cycle edges.

use std::fmt::Write as _;

use crate::diagram::{Diagram, NodeState};

use super::svg::{num, xml};
use super::text::{self, em_width};
use super::{CRITICAL_COLOR, CYCLE_COLOR, palette, state_name};

pub(crate) const LEGEND_HEIGHT: f64 = 24.0;
const LEGEND_FONT: f64 = 11.5;

/// What a legend entry shows next to its words.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Swatch {
    State(NodeState),
    CriticalNode,
    Line {
        color: &'static str,
        width: f64,
        dashed: bool,
        marker: &'static str,
    },
}

pub(crate) struct LegendItem {
    swatch: Swatch,
    words: &'static str,
    pub(crate) width: f64,
}

/// The states always shown, plus "Unknown" only when a node has it.
pub(crate) fn legend_items(diagram: &Diagram) -> Vec<LegendItem> {
    let mut swatches = vec![
        (Swatch::State(NodeState::Todo), state_name(NodeState::Todo)),
        (
            Swatch::State(NodeState::InProgress),
            state_name(NodeState::InProgress),
        ),
        (
            Swatch::State(NodeState::Blocked),
            state_name(NodeState::Blocked),
        ),
        (Swatch::State(NodeState::Done), state_name(NodeState::Done)),
        (
            Swatch::State(NodeState::Skipped),
            state_name(NodeState::Skipped),
        ),
    ];
    if diagram
        .nodes
        .iter()
        .any(|node| node.state == NodeState::Unknown)
    {
        swatches.push((
            Swatch::State(NodeState::Unknown),
            state_name(NodeState::Unknown),
        ));
    }
    swatches.push((Swatch::CriticalNode, "Critical task"));
    swatches.push((
        Swatch::Line {
            color: CRITICAL_COLOR,
            width: 2.6,
            dashed: false,
            marker: "sk-arrow-critical",
        },
        "Critical path",
    ));
    swatches.push((
        Swatch::Line {
            color: CYCLE_COLOR,
            width: 1.8,
            dashed: true,
            marker: "sk-arrow-cycle",
        },
        "Cycle",
    ));
    swatches
        .into_iter()
        .map(|(swatch, words)| LegendItem {
            swatch,
            words,
            width: 30.0 + text::measure_str(words, &|c| em_width(c) * LEGEND_FONT) + 18.0,
        })
        .collect()
}

pub(crate) fn push_legend(out: &mut String, items: &[LegendItem], left: f64, top: f64) {
    out.push_str("<g class=\"legend\">\n");
    let mut x = left;
    let middle = top + LEGEND_HEIGHT / 2.0;
    for item in items {
        match item.swatch {
            Swatch::State(state) => {
                let colors = palette(state);
                let fill = if state == NodeState::Skipped {
                    "url(#sk-skipped)"
                } else {
                    colors.fill
                };
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"1.4\"/>",
                    num(x),
                    num(middle - 7.0),
                    colors.stroke
                );
            }
            Swatch::CriticalNode => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"14\" rx=\"3\" fill=\"#ffffff\" stroke=\"{CRITICAL_COLOR}\" stroke-width=\"3\"/>",
                    num(x),
                    num(middle - 7.0)
                );
            }
            Swatch::Line {
                color,
                width,
                dashed,
                marker,
            } => {
                let dash = if dashed {
                    " stroke-dasharray=\"6 4\""
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "<path d=\"M{},{} H{}\" stroke=\"{color}\" stroke-width=\"{width}\"{dash} fill=\"none\" marker-end=\"url(#{marker})\"/>",
                    num(x),
                    num(middle),
                    num(x + 24.0)
                );
            }
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{LEGEND_FONT}\" fill=\"#455a64\">{}</text>",
            num(x + 30.0),
            num(middle + 4.0),
            xml(item.words)
        );
        x += item.width;
    }
    out.push_str("</g>\n");
}

//! Edge geometry for the SVG: smooth paths through the runs the layout
//! reserved, plus loops for self-dependencies.
//!
//! An edge leaves the side of its source that faces its target and enters the
//! side of its target that faces its source, so an edge pointing back (a cycle,
//! or a dependency on a later phase) simply runs right to left. Between two
//! level stretches the path is an S-shaped cubic with level handles, which
//! keeps arrowheads horizontal. Several edges on one side of a node are
//! spread out, sorted by where they head, so they do not cross at the port.
//! Routing never looks at text and never draws.

use crate::diagram::Diagram;

use super::layout::{Layout, Rect};
use super::{to_f64, valid_edges};

/// Largest gap between neighbouring ports on one side.
const PORT_SPACING: f64 = 11.0;
/// Part of a side kept free of ports near each corner.
const PORT_MARGIN: f64 = 12.0;
/// How far a loop or a same-column edge bulges out of the box.
const BULGE: f64 = 34.0;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Point {
    pub(crate) x: f64,
    pub(crate) y: f64,
}

/// One piece of a path, continuing from where the previous one ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Segment {
    Line(Point),
    Cubic(Point, Point, Point),
}

/// The drawn path of the edge at `edge_idx`, in the direction of the edge.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Route {
    pub(crate) edge_idx: usize,
    pub(crate) start: Point,
    pub(crate) segments: Vec<Segment>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
}

/// One end of an edge waiting for its spot on a side of a node.
struct Port {
    node_idx: usize,
    side: Side,
    /// Height the edge heads for; ports are spread in this order.
    key: f64,
    chain_idx: usize,
    at_start: bool,
}

/// Routes every drawable edge of `diagram`, in edge order.
pub(crate) fn routes(diagram: &Diagram, layout: &Layout) -> Vec<Route> {
    let mut ports = Vec::new();
    for (chain_idx, chain) in layout.chains.iter().enumerate() {
        let Some(edge) = diagram.edges.get(chain.edge_idx) else {
            continue;
        };
        let (Some(from), Some(to)) = (layout.nodes.get(edge.from), layout.nodes.get(edge.to))
        else {
            continue;
        };
        let (start_side, end_side) = match layout
            .column_of
            .get(edge.from)
            .cmp(&layout.column_of.get(edge.to))
        {
            std::cmp::Ordering::Less => (Side::Right, Side::Left),
            std::cmp::Ordering::Greater => (Side::Left, Side::Right),
            std::cmp::Ordering::Equal => (Side::Right, Side::Right),
        };
        let first_y = chain.runs.first().map_or(to.center_y(), |run| run.y);
        let last_y = chain.runs.last().map_or(from.center_y(), |run| run.y);
        ports.push(Port {
            node_idx: edge.from,
            side: start_side,
            key: first_y,
            chain_idx,
            at_start: true,
        });
        ports.push(Port {
            node_idx: edge.to,
            side: end_side,
            key: last_y,
            chain_idx,
            at_start: false,
        });
    }
    let (starts, ends) = place_ports(ports, layout);
    let mut routes: Vec<Route> = layout
        .chains
        .iter()
        .enumerate()
        .filter_map(|(chain_idx, chain)| {
            let start = starts.get(chain_idx).copied().flatten()?;
            let end = ends.get(chain_idx).copied().flatten()?;
            let mut segments = Vec::new();
            let mut at = start;
            if chain.runs.is_empty() && (start.x - end.x).abs() < 1.0 {
                // Both ends on the same side: bulge out sideways.
                let out = Point {
                    x: start.x + BULGE,
                    ..start
                };
                let back = Point {
                    x: end.x + BULGE,
                    ..end
                };
                segments.push(Segment::Cubic(out, back, end));
                return Some(Route {
                    edge_idx: chain.edge_idx,
                    start,
                    segments,
                });
            }
            for run in &chain.runs {
                let run_start = Point {
                    x: run.x_start,
                    y: run.y,
                };
                segments.push(s_curve(at, run_start));
                at = Point {
                    x: run.x_end,
                    y: run.y,
                };
                segments.push(Segment::Line(at));
            }
            segments.push(s_curve(at, end));
            Some(Route {
                edge_idx: chain.edge_idx,
                start,
                segments,
            })
        })
        .collect();
    for (edge_idx, edge) in valid_edges(diagram) {
        if edge.from == edge.to
            && let Some(rect) = layout.nodes.get(edge.from)
        {
            routes.push(self_loop(edge_idx, rect));
        }
    }
    routes.sort_by_key(|route| route.edge_idx);
    routes
}

/// Gives each port a point on its side, spread evenly around the middle.
fn place_ports(mut ports: Vec<Port>, layout: &Layout) -> (Vec<Option<Point>>, Vec<Option<Point>>) {
    ports.sort_by(|a, b| {
        (a.node_idx, a.side)
            .cmp(&(b.node_idx, b.side))
            .then(a.key.total_cmp(&b.key))
            .then((a.chain_idx, a.at_start).cmp(&(b.chain_idx, b.at_start)))
    });
    let mut starts = vec![None; layout.chains.len()];
    let mut ends = vec![None; layout.chains.len()];
    for run in ports.chunk_by(|a, b| a.node_idx == b.node_idx && a.side == b.side) {
        let Some(rect) = run.first().and_then(|port| layout.nodes.get(port.node_idx)) else {
            continue;
        };
        for (rank, port) in run.iter().enumerate() {
            let point = side_point(rect, port.side, rank, run.len());
            let slots = if port.at_start {
                &mut starts
            } else {
                &mut ends
            };
            if let Some(slot) = slots.get_mut(port.chain_idx) {
                *slot = Some(point);
            }
        }
    }
    (starts, ends)
}

/// The `rank`-th of `count` points along one side of `rect`.
fn side_point(rect: &Rect, side: Side, rank: usize, count: usize) -> Point {
    let usable = (rect.height - 2.0 * PORT_MARGIN).max(0.0);
    let gaps = to_f64(count.saturating_sub(1));
    let spacing = if gaps > 0.0 {
        (usable / gaps).min(PORT_SPACING)
    } else {
        0.0
    };
    let y = rect.center_y() + (to_f64(rank) - gaps / 2.0) * spacing;
    match side {
        Side::Left => Point { x: rect.x, y },
        Side::Right => Point { x: rect.right(), y },
    }
}

/// A cubic from `from` to `to` whose handles stay level, so the path leaves
/// and arrives horizontally.
fn s_curve(from: Point, to: Point) -> Segment {
    let bend = (to.x - from.x) / 2.0;
    Segment::Cubic(
        Point {
            x: from.x + bend,
            y: from.y,
        },
        Point {
            x: to.x - bend,
            y: to.y,
        },
        to,
    )
}

/// A small loop from the top edge back into the right side.
fn self_loop(edge_idx: usize, rect: &Rect) -> Route {
    let top_x = rect.right() - 26.0;
    let side_y = rect.y + 14.0;
    Route {
        edge_idx,
        start: Point {
            x: top_x,
            y: rect.y,
        },
        segments: vec![Segment::Cubic(
            Point {
                x: top_x + 4.0,
                y: rect.y - BULGE,
            },
            Point {
                x: rect.right() + BULGE,
                y: side_y - 4.0,
            },
            Point {
                x: rect.right(),
                y: side_y,
            },
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::{edge, node, synthetic, three_phases};
    use crate::render::layout::layout;

    fn end_of(route: &Route) -> Point {
        match route.segments.last() {
            Some(Segment::Line(end) | Segment::Cubic(_, _, end)) => *end,
            None => route.start,
        }
    }

    /// Distance from `point` to the outline of `rect`.
    fn distance_to_outline(point: Point, rect: &Rect) -> f64 {
        let bottom = rect.y + rect.height;
        let dx = (rect.x - point.x).max(point.x - rect.right()).max(0.0);
        let dy = (rect.y - point.y).max(point.y - bottom).max(0.0);
        if dx > 0.0 || dy > 0.0 {
            return dx.hypot(dy);
        }
        let to_sides = [
            point.x - rect.x,
            rect.right() - point.x,
            point.y - rect.y,
            bottom - point.y,
        ];
        to_sides.into_iter().fold(f64::INFINITY, f64::min)
    }

    /// Every valid edge gets one route, starting on its source's outline and
    /// ending on its target's.
    fn check_routes(diagram: &Diagram) -> (Layout, Vec<Route>) {
        let layout = layout(diagram);
        let routes = routes(diagram, &layout);
        let expected: Vec<usize> = valid_edges(diagram).map(|(edge_idx, _)| edge_idx).collect();
        let got: Vec<usize> = routes.iter().map(|route| route.edge_idx).collect();
        assert_eq!(got, expected);
        for route in &routes {
            let Some(edge) = diagram.edges.get(route.edge_idx) else {
                continue;
            };
            let from = layout.nodes.get(edge.from).copied().unwrap_or_default();
            let to = layout.nodes.get(edge.to).copied().unwrap_or_default();
            assert!(distance_to_outline(route.start, &from) < 0.01, "{route:?}");
            assert!(distance_to_outline(end_of(route), &to) < 0.01, "{route:?}");
        }
        (layout, routes)
    }

    #[test]
    fn routes_touch_their_nodes() {
        check_routes(&three_phases());
        check_routes(&synthetic(60));
    }

    #[test]
    fn edges_pointing_back_run_right_to_left() {
        let diagram = Diagram {
            groups: vec!["one".to_owned(), "two".to_owned()],
            nodes: vec![node("a", "", Some(0)), node("b", "", Some(1))],
            edges: vec![edge(1, 0)],
            ..Diagram::default()
        };
        let (layout, routes) = check_routes(&diagram);
        let (Some(a), Some(b), Some(route)) =
            (layout.nodes.first(), layout.nodes.get(1), routes.first())
        else {
            panic!("two nodes and a route expected");
        };
        assert!((route.start.x - b.x).abs() < 0.01, "leaves b's left side");
        assert!(
            (end_of(route).x - a.right()).abs() < 0.01,
            "enters a's right side"
        );
    }

    #[test]
    fn self_loops_curl_over_the_corner() {
        let diagram = Diagram {
            nodes: vec![node("a", "", None)],
            edges: vec![edge(0, 0), edge(0, 0)],
            ..Diagram::default()
        };
        let (layout, routes) = check_routes(&diagram);
        let rect = layout.nodes.first().copied().unwrap_or_default();
        for route in &routes {
            assert!(
                (route.start.y - rect.y).abs() < 0.01,
                "starts on the top edge"
            );
            assert!(
                (end_of(route).x - rect.right()).abs() < 0.01,
                "ends on the right side"
            );
        }
    }

    #[test]
    fn ports_on_one_side_are_spread_in_target_order() {
        let diagram = Diagram {
            nodes: vec![
                node("hub", "", None),
                node("a", "", None),
                node("b", "", None),
                node("c", "", None),
            ],
            edges: vec![edge(0, 1), edge(0, 2), edge(0, 3)],
            ..Diagram::default()
        };
        let (layout, routes) = check_routes(&diagram);
        let mut pairs: Vec<(f64, f64)> = routes
            .iter()
            .filter_map(|route| {
                let target = diagram.edges.get(route.edge_idx)?.to;
                Some((layout.nodes.get(target)?.center_y(), route.start.y))
            })
            .collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let starts: Vec<f64> = pairs.iter().map(|pair| pair.1).collect();
        assert!(
            starts.windows(2).all(|pair| pair.first() < pair.get(1)),
            "{starts:?}"
        );
    }
}

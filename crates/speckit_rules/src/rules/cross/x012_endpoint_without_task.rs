use speckit_model::Generation;

use crate::analysis::bytes::any_in;
use crate::analysis::mention::numbered_references;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// An endpoint under the plan's `## API Contracts` that no task takes
    /// on: no task writes its path (path parameters such as `{id}`, `:id`
    /// and `[id]` match each other, and a path matches its tail, so
    /// `/lists/{id}` matches `/api/v1/lists/:listId`), refers to it by
    /// number (`endpoint 3`, `endpoints 1 to 4`), or shares enough of the
    /// distinctive words of its name (as X004 matches requirements).
    /// Checked for plans written on the seed plan template.
    ///
    /// ## Why it matters
    /// An endpoint in the contract is a promise to its callers. When no task
    /// builds it, the client work planned against it stalls, or the
    /// endpoint is improvised without the validation and error handling the
    /// contract describes.
    ///
    /// ## Example
    /// ```markdown
    /// ### Endpoint 6: Save Aisle Order
    /// **Method**: PUT
    /// **Path**: `/api/v1/aisles`
    /// ```
    /// while no task mentions `/api/v1/aisles`, endpoint 6 or saving the
    /// aisle order. Use instead: name the endpoint in the task that builds
    /// it.
    pub(crate) EndpointWithoutTask {
        code: "X012",
        name: "endpoint-without-task",
        summary: "An API endpoint of the plan has no task",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl EndpointWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((tasks_document, tasks))) =
            (feature.plan(), feature.tasks())
        else {
            return;
        };
        if plan.generation != Generation::Plugin || tasks.tasks.is_empty() {
            return;
        }
        let Some(contracts) = &plan.api_contracts else {
            return;
        };
        // Only tasks that hold the word can refer to an endpoint by number.
        let words: Vec<usize> =
            memchr::memmem::find_iter(feature.tasks_lower().as_bytes(), "endpoint").collect();
        let mut numbers: Vec<u32> = Vec::new();
        let mut paths: Vec<Vec<&str>> = Vec::new();
        for task in &tasks.tasks {
            let text = tasks_document.text.get(task.span.range()).unwrap_or("");
            if any_in(&words, task.span.range()) {
                numbers.extend(numbered_references(text, "endpoint"));
            }
            paths.extend(url_paths(text).map(segments));
        }
        let trace = feature.trace();
        let mut evaluated = 0;
        for endpoint in &contracts.endpoints {
            let path = endpoint
                .path
                .map(|field| field.value.value.trim().trim_matches('`'))
                .filter(|path| path.starts_with('/') && !path.contains(' '));
            let number: Option<u32> = endpoint.number.and_then(|n| n.value.trim().parse().ok());
            if path.is_none() && number.is_none() {
                continue;
            }
            evaluated += 1;
            let by_path = path.is_some_and(|path| {
                let wanted = segments(path);
                paths.iter().any(|written| same_route(&wanted, written))
            });
            let by_number = number.is_some_and(|number| numbers.contains(&number));
            if by_path || by_number || !trace.tasks.mentions(None, endpoint.name.value).is_empty() {
                continue;
            }
            let what = path.map_or_else(
                || format!("endpoint \"{}\"", endpoint.name.value.trim()),
                |path| format!("endpoint `{path}`"),
            );
            drop(
                cx.report(
                    plan_document,
                    endpoint.section.heading_span,
                    format!(
                        "no task builds the {what}: none writes its path, its number or its name"
                    ),
                )
                .help("name the endpoint's path in the task that implements it"),
            );
        }
        cx.evaluated(feature, evaluated);
    }
}

/// Tokens of `text` that look like URL paths: they start with `/` after a
/// blank, a back-tick or a bracket, and hold a letter.
fn url_paths(text: &str) -> impl Iterator<Item = &str> {
    let separates = |c: char| c.is_whitespace() || matches!(c, '`' | '(' | ')' | '"' | '\'' | ',');
    // Each `/` that starts a token, read up to the next separator.
    memchr::memchr_iter(b'/', text.as_bytes())
        .filter(move |&at| {
            text.get(..at)
                .and_then(|head| head.chars().next_back())
                .is_none_or(separates)
        })
        .map(move |at| {
            let end = text
                .get(at..)
                .and_then(|tail| tail.find(separates))
                .map_or(text.len(), |len| at + len);
            text.get(at..end).unwrap_or("")
        })
        .filter(|token| token.bytes().any(|b| b.is_ascii_alphabetic()))
        .map(|token| token.trim_end_matches(['.', ':', ';']))
}

/// The segments of a path, with every parameter (`{id}`, `:id`, `[id]`,
/// `<id>`) written as `*` and a query string dropped.
fn segments(path: &str) -> Vec<&str> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.split('/')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let parameter = segment.starts_with([':', '{', '[', '<']) || segment.starts_with("${");
            if parameter { "*" } else { segment }
        })
        .collect()
}

/// True when one route ends with the other, segment by segment, and the
/// shorter has a segment that is not a parameter.
fn same_route(a: &[&str], b: &[&str]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().any(|segment| *segment != "*")
        && long[long.len() - short.len()..]
            .iter()
            .zip(short)
            .all(|(x, y)| x.eq_ignore_ascii_case(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(plan: &str, task: &str) -> bool {
        url_paths(task).any(|written| same_route(&segments(plan), &segments(written)))
    }

    #[test]
    fn routes_match_by_tail_with_any_parameter_style() {
        assert!(check(
            "/api/v1/lists/{id}",
            "Serve `GET /api/v1/lists/:listId` here"
        ));
        assert!(check(
            "/api/v1/lists/{id}/items",
            "add (/lists/[id]/items)."
        ));
        assert!(!check("/api/v1/lists/{id}/items", "add /api/v1/lists/{id}"));
        assert!(!check("/api/v1/lists/{id}", "see docs/api.md and /{id}"));
        assert!(!check(
            "/api/v1/aisles",
            "a/b/aisles without a leading slash"
        ));
    }
}

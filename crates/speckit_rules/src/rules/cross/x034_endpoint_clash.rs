use std::collections::HashMap;
use std::collections::hash_map::Entry;

use speckit_model::Document;
use speckit_model::plan::Endpoint;
use speckit_text::Span;

use super::features::endpoint_key;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// The same endpoint — HTTP method and path — defined under API
    /// Contracts in the plans of two unfinished features. Paths are
    /// compared without case, query string or trailing `/`, with every
    /// parameter alike: `/lists/{id}`, `/lists/:listId` and `/lists/<id>`
    /// are one path. The finding sits on the later feature's `**Path**`.
    ///
    /// Only seed-template (plugin) plans are read: their API Contracts are
    /// the endpoints the feature builds. spec-kit `contracts/` documents
    /// also describe endpoints a feature only calls or extends (a client
    /// of an existing API lists the same endpoints in every feature), so a
    /// repeat there is no sign of a clash. A finished feature's endpoint
    /// exists already; a later plan that repeats it is changing it.
    ///
    /// ## Why it matters
    /// Two features that each build `POST /api/v1/items` register the same
    /// route twice: one of the handlers never runs, or the second feature
    /// silently changes the request and response the first one promised.
    ///
    /// ## Example
    /// ```markdown
    /// ### Endpoint 2: Add Item
    /// **Method**: POST
    /// **Path**: `/api/v1/lists/{id}/items`
    /// ```
    /// in the plans of both `003-shopping-list` and `004-pantry-sync`. Use
    /// instead: let one feature own the endpoint and have the other call it
    /// (Internal APIs), or give the second its own path.
    pub(crate) EndpointClash {
        code: "X034",
        name: "endpoint-clash",
        summary: "Two unfinished features define the same endpoint",
        severity: Warning,
        fix: Never,
        target: Workspace,
    }
}

/// Where a feature defines an endpoint.
#[derive(Clone, Copy)]
struct Definition<'a> {
    feature: usize,
    document: &'a Document,
    span: Span,
}

impl EndpointClash {
    fn run(&self, features: &[AnalysisFeature<'_>], cx: &mut AnalysisContext<'_>) {
        let mut owners: HashMap<String, Definition<'_>> = HashMap::new();
        for feature in features {
            let Some((document, plan)) = feature.plan() else {
                continue;
            };
            let Some(contracts) = &plan.api_contracts else {
                continue;
            };
            if feature.is_finished() {
                continue;
            }
            let mut own: HashMap<String, (Span, String)> = HashMap::new();
            for endpoint in &contracts.endpoints {
                if let Some((key, span, shown)) = keyed(endpoint) {
                    own.entry(key).or_insert((span, shown));
                }
            }
            cx.evaluated(feature, own.len());
            for (key, (span, shown)) in own {
                let earlier = match owners.entry(key) {
                    Entry::Vacant(slot) => {
                        slot.insert(Definition {
                            feature: feature.index,
                            document,
                            span,
                        });
                        continue;
                    }
                    Entry::Occupied(slot) => *slot.get(),
                };
                let Some(other) = features.get(earlier.feature) else {
                    continue;
                };
                drop(
                    cx.report(
                        document,
                        span,
                        format!(
                            "`{shown}` is also defined by `{}`, which is not finished either",
                            other.dir_name
                        ),
                    )
                    .help(
                        "let one feature own the endpoint and have the other call it, or give this one a path of its own",
                    )
                    .label_in(
                        earlier.document,
                        earlier.span,
                        format!("`{}` defines it here", other.dir_name),
                    ),
                );
            }
        }
    }
}

/// The endpoint's key, the span of its path field and `METHOD /path` as
/// written.
fn keyed(endpoint: &Endpoint<'_>) -> Option<(String, Span, String)> {
    let method = endpoint.method?.value.value;
    let path = endpoint.path?.value;
    let key = endpoint_key(method, path.value)?;
    let shown = format!(
        "{} {}",
        method.trim().to_ascii_uppercase(),
        path.value.trim().trim_matches('`')
    );
    Some((key, path.span, shown))
}

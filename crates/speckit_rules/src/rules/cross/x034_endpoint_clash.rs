use std::collections::HashMap;
use std::collections::hash_map::Entry;

use speckit_diagnostics::FileId;
use speckit_model::plan::Endpoint;
use speckit_text::Span;

use super::features::endpoint_key;
use crate::analysis::workspace::WorkspaceRule;
use crate::analysis::{AnalysisFeature, FeatureDirectory, WorkspaceContext};
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

/// The endpoints an unfinished feature defines in its plan: one entry per
/// key, with the span of its path field and `METHOD /path` as written.
pub(crate) struct Defined {
    file: FileId,
    endpoints: Vec<(String, Span, String)>,
}

impl WorkspaceRule for EndpointClash {
    type Facts = Defined;

    fn gather_facts(
        &self,
        feature: &AnalysisFeature<'_>,
        _directory: &FeatureDirectory<'_>,
    ) -> Option<Self::Facts> {
        let (document, plan) = feature.plan()?;
        let contracts = plan.api_contracts.as_ref()?;
        if feature.is_finished() {
            return None;
        }
        let mut own: HashMap<String, (Span, String)> = HashMap::new();
        for endpoint in &contracts.endpoints {
            if let Some((key, span, shown)) = keyed(endpoint) {
                own.entry(key).or_insert((span, shown));
            }
        }
        Some(Defined {
            file: document.file,
            endpoints: own
                .into_iter()
                .map(|(key, (span, shown))| (key, span, shown))
                .collect(),
        })
    }

    fn run(&self, facts: &[Option<&Self::Facts>], cx: &mut WorkspaceContext<'_>) {
        let features = cx.features();
        // Where each endpoint is defined first: feature, file and span.
        let mut owners: HashMap<&str, (usize, FileId, Span)> = HashMap::new();
        for (index, defined) in facts.iter().enumerate() {
            let Some(defined) = defined else {
                continue;
            };
            cx.evaluated(index, defined.endpoints.len());
            for (key, span, shown) in &defined.endpoints {
                let (owner, file, earlier) = match owners.entry(key.as_str()) {
                    Entry::Vacant(slot) => {
                        slot.insert((index, defined.file, *span));
                        continue;
                    }
                    Entry::Occupied(slot) => *slot.get(),
                };
                let Some(other) = features.get(owner) else {
                    continue;
                };
                drop(
                    cx.report(
                        defined.file,
                        *span,
                        format!(
                            "`{shown}` is also defined by `{}`, which is not finished either",
                            other.dir_name
                        ),
                    )
                    .help(
                        "let one feature own the endpoint and have the other call it, or give this one a path of its own",
                    )
                    .label_at(file, earlier, format!("`{}` defines it here", other.dir_name)),
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

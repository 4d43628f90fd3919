use std::cell::OnceCell;

use speckit_model::DocKind;
use speckit_text::Span;

use crate::analysis::mention::{PassageIndex, has_camel_case, name_variants, split_camel_case};
use crate::analysis::trace::DESIGN_KINDS;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;
use crate::rules::common::has_cjk;

declare_rule! {
    /// ## What it checks
    /// A data entity of the spec — a `### Key Entities` bullet
    /// (`- **Recipe**: …`) or a plugin `#### Model n: Name` — that the
    /// feature's data model never names. The data model is `data-model.md`
    /// when the feature has one, else the plan when it has a `## Data
    /// Models` section; features with neither are not checked. A name
    /// counts as present when one paragraph, list item, table row or
    /// heading holds a third of its words (one word of a name of up to
    /// three), in any spelling (`Shopping List`, `ShoppingList`,
    /// `shopping_list`, plurals): data models often keep only the specific
    /// part of a name (`Spacing scale` becomes `Spacing`). A parenthesised
    /// part of the name is ignored; entities marked deferred or out of
    /// scope, names in CJK script and names made only of common words
    /// (`User`) are skipped.
    ///
    /// ## Why it matters
    /// Key entities are the things the feature stores and talks about. One
    /// the data model leaves out has no fields, no relationships and no
    /// validation rules: it is invented during implementation, usually
    /// twice and differently.
    ///
    /// ## Example
    /// ```markdown
    /// - **Pantry Item**: something in the cupboard, with an expiry date
    /// ```
    /// in the spec, while data-model.md describes only `Recipe` and
    /// `Ingredient`. Use instead: a `## Pantry Item` entity with its fields
    /// in data-model.md, or drop the entity from the spec.
    pub(crate) EntityNotInDataModel {
        code: "X013",
        name: "entity-not-in-data-model",
        summary: "A key entity or data model of the spec is missing from the data model",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl EntityNotInDataModel {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((spec_document, spec)) = feature.spec() else {
            return;
        };
        let mut names: Vec<(&str, Span)> = spec
            .entities
            .iter()
            .filter(|entity| {
                !is_deferred(spec_document.text.get(entity.span.range()).unwrap_or(""))
            })
            .filter_map(|entity| entity.name.map(|name| (name.value, name.span)))
            .collect();
        names.extend(
            spec.data_models
                .iter()
                .map(|model| (model.name.value, model.heading_span)),
        );
        if names.is_empty() {
            return;
        }
        let (document, target) = if let Some((document, _)) = feature.document(DocKind::DataModel) {
            (document, "data-model.md")
        } else if let Some((document, plan)) = feature.plan()
            && plan.data_models.is_some()
        {
            (document, "the plan")
        } else {
            return;
        };
        // Design documents, as both targets are, have their passages
        // indexed by the trace already.
        let position = feature
            .view
            .documents
            .iter()
            .position(|(candidate, _)| std::ptr::eq(*candidate, document))
            .and_then(|position| u32::try_from(position).ok())
            .filter(|_| DESIGN_KINDS.contains(&document.kind));
        let own;
        let (design, source) = if let Some(position) = position {
            (&feature.trace().design, position)
        } else {
            own = {
                let mut index = PassageIndex::default();
                index.add_document(0, &document.text);
                index
            };
            (&own, 0)
        };
        // Identifiers (`supplierId`, `IconConfig`) are read both whole and
        // as their words: the passages that hold one are indexed again with
        // their words apart (splitting keeps lines, so passages stay the
        // same; the others would read the same twice). That second index is
        // built only for a name the passages as written do not hold.
        let apart: OnceCell<PassageIndex> = OnceCell::new();
        let present_apart = |tokens: &[u64]| {
            apart
                .get_or_init(|| {
                    let mut apart = PassageIndex::default();
                    for passage in &design.passages {
                        if passage.source != source {
                            continue;
                        }
                        let text = document.text.get(passage.span.range()).unwrap_or("");
                        if has_camel_case(text) {
                            apart.add(1, &split_camel_case(text), passage.span);
                        }
                    }
                    apart
                })
                .most_in_one_passage(tokens)
                * 3
                >= tokens.len()
        };
        let mut evaluated = 0;
        for (name, span) in names {
            let bare = name.split('(').next().unwrap_or(name).trim();
            // Words are not separated in CJK text: tokens cannot find them.
            if has_cjk(bare) {
                continue;
            }
            let variants: Vec<Vec<u64>> = bare.split('/').flat_map(name_variants).collect();
            if variants.is_empty() {
                continue;
            }
            evaluated += 1;
            // A third of the words suffice: data models keep the specific
            // part of a name (`Spacing scale` is described under `Spacing`).
            let present = variants.iter().any(|tokens| {
                design.most_in_one_passage_of(tokens, Some(source)) * 3 >= tokens.len()
            }) || variants.iter().any(|tokens| present_apart(tokens));
            if present {
                continue;
            }
            drop(
                cx.report(
                    spec_document,
                    span,
                    format!("the entity `{bare}` does not appear in {target}"),
                )
                .help(format!(
                    "describe `{bare}` with its fields in {target}, or remove it from the spec if it is not stored"
                )),
            );
        }
        cx.evaluated(feature, evaluated);
    }
}

/// An entity the spec keeps for later: `(deferred)`, `out of scope`.
fn is_deferred(text: &str) -> bool {
    [
        "deferred",
        "out of scope",
        "out-of-scope",
        "future release",
        "not in scope",
    ]
    .iter()
    .any(|word| speckit_md::lex::contains_ignore_ascii_case(text, word))
}

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use speckit_diagnostics::FileId;
use speckit_text::Span;

use super::features::name_key;
use crate::analysis::workspace::WorkspaceRule;
use crate::analysis::{AnalysisFeature, FeatureDirectory, WorkspaceContext};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Data models of two features that disagree, read from the
    /// `interface` declarations under Data Models in seed-template
    /// (plugin) plans:
    ///
    /// - the same name with a field that has a different type in each
    ///   (`quantity: number` in one, `quantity: string` in the other).
    ///   Fields only one feature lists are not compared: a later feature
    ///   that adds fields, or shows only the ones it uses, is extending the
    ///   model, not contradicting it;
    /// - different names with nearly the same fields: at least 80% in
    ///   common (shared fields over all fields of the two), both over all
    ///   fields and over the distinctive ones (other than `id`, `name`,
    ///   `createdAt`, `isActive` and the like), three or more distinctive
    ///   fields shared, and neither name containing the other
    ///   (`StockEntryView` is a view of `StockEntry`, not a second name for
    ///   it).
    ///
    /// Names and fields are compared without case, `_` or `-`
    /// (`created_at` is `createdAt`); types without spaces, `| null`,
    /// `| undefined` or the order of a union's members. The finding sits on
    /// the later feature's interface name. spec-kit `data-model.md` files
    /// are not read: later features there routinely restate existing
    /// entities in part ("unchanged", "extended"), in tables, bullets or
    /// code, so their field lists do not say what the entity is.
    ///
    /// ## Why it matters
    /// Features that share data must agree on its shape. Two definitions of
    /// one model with different field types become two tables, two types or
    /// a migration that breaks the feature built first; one concept under
    /// two names is built twice and drifts apart.
    ///
    /// ## Example
    /// ```typescript
    /// interface Recipe { id: string; servings: number; minutes: number }
    /// ```
    /// in the plan of `001-recipes` and `interface Recipe { id: string;
    /// servings: string }` in the plan of `003-scaling`. Use instead: one
    /// type per field, decided by the first feature and reused by the
    /// second (`servings: number` in both).
    pub(crate) DataModelClash {
        code: "X033",
        name: "data-model-clash",
        summary: "Two features define a data model differently",
        severity: Warning,
        fix: Never,
        target: Workspace,
    }
}

/// Share of common fields (over all fields of the two) from which two
/// differently named models count as one concept.
const SIMILARITY: f64 = 0.8;

/// Distinctive fields two differently named models must share.
const MIN_DISTINCTIVE_SHARED: usize = 3;

/// Field names nearly every model has (identity, labels, bookkeeping);
/// they say nothing about the concept.
const GENERIC_FIELDS: &[&str] = &[
    "id",
    "uuid",
    "key",
    "name",
    "title",
    "label",
    "description",
    "notes",
    "status",
    "type",
    "kind",
    "version",
    "metadata",
    "tags",
    "slug",
    "position",
    "sortorder",
    "active",
    "isactive",
    "enabled",
    "deleted",
    "isdeleted",
    "archived",
    "externalid",
    "externalref",
    "ownerid",
    "tenantid",
    "userid",
    "createdat",
    "updatedat",
    "deletedat",
    "createdby",
    "updatedby",
    "created",
    "updated",
];

/// One data model of one feature.
pub(crate) struct Model {
    feature: usize,
    file: FileId,
    name: String,
    span: Span,
    key: String,
    /// Field keys, sorted and without repeats.
    fields: Vec<String>,
    /// The fields not in [`GENERIC_FIELDS`], sorted.
    distinctive: Vec<String>,
    /// The normalised type of each field, parallel to `fields`.
    types: Vec<String>,
    /// Each field as written, parallel to `fields`.
    written: Vec<String>,
}

impl WorkspaceRule for DataModelClash {
    type Facts = Vec<Model>;

    fn gather_facts(
        &self,
        feature: &AnalysisFeature<'_>,
        _directory: &FeatureDirectory<'_>,
    ) -> Option<Self::Facts> {
        let models = plan_models(feature);
        (!models.is_empty()).then_some(models)
    }

    fn run(&self, facts: &[Option<&Self::Facts>], cx: &mut WorkspaceContext<'_>) {
        let features = cx.features();
        let models: Vec<&Model> = facts
            .iter()
            .flatten()
            .flat_map(|models| models.iter())
            .collect();
        for (index, models) in facts.iter().enumerate() {
            cx.evaluated(index, models.map_or(0, Vec::len));
        }
        let mut reported = vec![false; models.len()];
        // Same name, a field typed differently: compare with the first
        // definition by another feature.
        let mut first_by_name: HashMap<&str, usize> = HashMap::new();
        for (index, model) in models.iter().enumerate() {
            let earlier = match first_by_name.entry(model.key.as_str()) {
                Entry::Vacant(slot) => {
                    slot.insert(index);
                    continue;
                }
                Entry::Occupied(slot) => *slot.get(),
            };
            let Some(other) = models.get(earlier) else {
                continue;
            };
            if other.feature == model.feature {
                continue;
            }
            let conflicts = type_conflicts(model, other);
            let Some(&(field, here, there)) = conflicts.first() else {
                continue;
            };
            let Some(other_feature) = features.get(other.feature) else {
                continue;
            };
            if let Some(slot) = reported.get_mut(index) {
                *slot = true;
            }
            let more = match conflicts.len() {
                1 => String::new(),
                2 => " (and 1 more field)".to_string(),
                n => format!(" (and {} more fields)", n - 1),
            };
            drop(
                cx.report(
                    model.file,
                    model.span,
                    format!(
                        "`{}` is defined differently by `{}`: `{field}` is `{here}` here and `{there}` there{more}",
                        model.name, other_feature.dir_name,
                    ),
                )
                .help("agree on one type per field: keep the first feature's definition and extend it here, or rename the model if it is another concept")
                .label_at(
                    other.file,
                    other.span,
                    format!("`{}` defines it here", other_feature.dir_name),
                ),
            );
        }
        for (index, earlier) in similar_pairs(&models) {
            if reported.get(index).copied().unwrap_or(true) {
                continue;
            }
            let (Some(model), Some(other)) = (models.get(index), models.get(earlier)) else {
                continue;
            };
            let Some(other_feature) = features.get(other.feature) else {
                continue;
            };
            drop(
                cx.report(
                    model.file,
                    model.span,
                    format!(
                        "`{}` has nearly the same fields as `{}` of `{}`",
                        model.name, other.name, other_feature.dir_name
                    ),
                )
                .help(format!(
                    "if they are one concept, use the name `{}` and extend it; if not, say in the plan how they differ",
                    other.name
                ))
                .label_at(
                    other.file,
                    other.span,
                    format!("`{}` defines `{}` here", other_feature.dir_name, other.name),
                ),
            );
        }
    }
}

/// The interfaces of a plugin plan's Data Models.
fn plan_models(feature: &AnalysisFeature<'_>) -> Vec<Model> {
    let Some((document, plan)) = feature.plan() else {
        return Vec::new();
    };
    let Some(data_models) = &plan.data_models else {
        return Vec::new();
    };
    data_models
        .models
        .iter()
        .flat_map(|model| &model.interfaces)
        .filter_map(|interface| {
            let mut members: Vec<(String, String, &str)> = interface
                .members
                .iter()
                .map(|member| {
                    (
                        name_key(member.name.value),
                        type_key(member.ty.value),
                        member.name.value,
                    )
                })
                .filter(|(field, _, _)| !field.is_empty())
                .collect();
            // The first declaration of a field wins.
            members.sort_by(|a, b| a.0.cmp(&b.0));
            members.dedup_by(|later, first| later.0 == first.0);
            let key = name_key(interface.name.value);
            if members.is_empty() || key.is_empty() {
                return None;
            }
            let mut model = Model {
                feature: feature.info.index,
                file: document.file,
                name: interface.name.value.to_string(),
                span: interface.name.span,
                key,
                fields: Vec::with_capacity(members.len()),
                distinctive: Vec::new(),
                types: Vec::with_capacity(members.len()),
                written: Vec::with_capacity(members.len()),
            };
            for (field, ty, written) in members {
                model.fields.push(field);
                model.types.push(ty);
                model.written.push(written.to_string());
            }
            model.distinctive = distinctive(&model.fields);
            Some(model)
        })
        .collect()
}

/// A TypeScript type as a comparison key: without spaces, a trailing `;`
/// or `,`, and (for a plain union) without `null` and `undefined` and with
/// its members sorted; `Array<T>` is written `T[]`. Empty when unknown.
fn type_key(ty: &str) -> String {
    let ty: String = ty
        .trim()
        .trim_end_matches([';', ','])
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    let ty = match ty
        .strip_prefix("Array<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        Some(inner) if !inner.contains(['<', '>', '|']) => format!("{inner}[]"),
        _ => ty,
    };
    if ty.contains(['<', '{', '(']) || !ty.contains('|') {
        return ty;
    }
    let mut members: Vec<&str> = ty
        .split('|')
        .filter(|member| !member.is_empty() && *member != "null" && *member != "undefined")
        .collect();
    members.sort_unstable();
    members.dedup();
    members.join("|")
}

/// Fields both models declare with different known types: the field as
/// written in `model`, its type here, its type in `other`.
fn type_conflicts<'m>(model: &'m Model, other: &'m Model) -> Vec<(&'m str, &'m str, &'m str)> {
    model
        .fields
        .iter()
        .zip(&model.types)
        .zip(&model.written)
        .filter_map(|((field, here), written)| {
            let at = other.fields.binary_search(field).ok()?;
            let there = other.types.get(at)?;
            (!here.is_empty() && !there.is_empty() && here != there).then_some((
                written.as_str(),
                here.as_str(),
                there.as_str(),
            ))
        })
        .collect()
}

/// The field keys of a run's models as numbers given in the keys' order
/// (comparing numbers compares keys): each model's fields and distinctive
/// fields, sorted.
struct FieldSets {
    fields: Vec<Vec<u32>>,
    distinctive: Vec<Vec<u32>>,
    /// How many distinct keys there are.
    keys: usize,
}

impl FieldSets {
    fn new(models: &[&Model]) -> FieldSets {
        let mut keys: Vec<&str> = models
            .iter()
            .flat_map(|model| model.fields.iter().map(String::as_str))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let numbers: rustc_hash::FxHashMap<&str, u32> = keys
            .iter()
            .zip(0_u32..)
            .map(|(key, number)| (*key, number))
            .collect();
        // Sorted keys give sorted numbers.
        let numbered = |fields: &[String]| -> Vec<u32> {
            fields
                .iter()
                .filter_map(|field| numbers.get(field.as_str()).copied())
                .collect()
        };
        FieldSets {
            fields: models.iter().map(|model| numbered(&model.fields)).collect(),
            distinctive: models
                .iter()
                .map(|model| numbered(&model.distinctive))
                .collect(),
            keys: keys.len(),
        }
    }
}

/// Pairs `(later, earlier)` of models of different features and names whose
/// field sets are [`SIMILARITY`] alike with [`MIN_DISTINCTIVE_SHARED`]
/// distinctive fields in common; at most one earlier model per model.
///
/// Prefix filtering keeps this near-linear: fields are ordered rarest
/// first, and two sets with Jaccard similarity ≥ t always share one of
/// the first `|s| − ⌈t·|s|⌉ + 1` fields of each, so only those fields are
/// indexed and looked up.
fn similar_pairs(models: &[&Model]) -> Vec<(usize, usize)> {
    let sets = FieldSets::new(models);
    let mut frequency = vec![0_usize; sets.keys];
    for field in sets.distinctive.iter().flatten() {
        frequency[*field as usize] += 1;
    }
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); sets.keys];
    // The last model each model was compared with, so that a candidate
    // met through several fields is compared once.
    let mut compared_with = vec![usize::MAX; models.len()];
    let mut pairs = Vec::new();
    for (at, model) in models.iter().enumerate() {
        let mut ordered: Vec<u32> = sets.distinctive[at].clone();
        ordered.sort_unstable_by_key(|&field| (frequency[field as usize], field));
        let prefix = prefix_len(ordered.len());
        let mut best: Option<usize> = None;
        for &field in ordered.iter().take(prefix) {
            for &candidate in &index[field as usize] {
                if best.is_some_and(|best| best <= candidate)
                    || std::mem::replace(&mut compared_with[candidate], at) == at
                {
                    continue;
                }
                if let Some(other) = models.get(candidate)
                    && other.feature != model.feature
                    && !other.key.contains(model.key.as_str())
                    && !model.key.contains(other.key.as_str())
                    && alike(&sets, at, candidate)
                {
                    best = Some(candidate);
                }
            }
        }
        if let Some(earlier) = best {
            pairs.push((at, earlier));
        }
        for field in ordered.into_iter().take(prefix) {
            index[field as usize].push(at);
        }
    }
    pairs
}

/// How many of a set's rarest fields must be indexed so that every set at
/// least [`SIMILARITY`] alike shares one of them.
fn prefix_len(size: usize) -> usize {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let needed = (SIMILARITY * size as f64).ceil() as usize;
    size.saturating_sub(needed) + 1
}

/// The fields of sorted `fields` that say something about the concept.
fn distinctive(fields: &[String]) -> Vec<String> {
    fields
        .iter()
        .filter(|field| !GENERIC_FIELDS.contains(&field.as_str()))
        .cloned()
        .collect()
}

/// Two models (by their place in `sets`) are alike when both their field
/// sets and their distinctive field sets are [`SIMILARITY`] alike
/// (Jaccard), with at least [`MIN_DISTINCTIVE_SHARED`] distinctive fields
/// in common. Either test alone lets small models match by chance: many
/// shared bookkeeping fields, or a few shared distinctive ones among many
/// others.
fn alike(sets: &FieldSets, model: usize, other: usize) -> bool {
    let (shared, similar) = jaccard(&sets.distinctive[model], &sets.distinctive[other]);
    shared >= MIN_DISTINCTIVE_SHARED
        && similar
        && jaccard(&sets.fields[model], &sets.fields[other]).1
}

/// The number of items two sorted sets share, and whether that is at least
/// [`SIMILARITY`] of their union.
fn jaccard(a: &[u32], b: &[u32]) -> (usize, bool) {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    #[allow(clippy::cast_precision_loss)]
    let similar = shared as f64 >= SIMILARITY * union as f64;
    (shared, similar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity() {
        let fields = |text: &'static str| -> Vec<(&'static str, &'static str)> {
            text.split_whitespace()
                .map(|field| (field, "string"))
                .collect()
        };
        let check = |a: &'static str, b: &'static str, expected: bool| {
            let (first, second) = (fields(a), fields(b));
            let (first, second) = (model("A", &first), model("B", &second));
            let sets = FieldSets::new(&[&first, &second]);
            assert_eq!(alike(&sets, 0, 1), expected, "{a} / {b}");
        };
        check(
            "id name quantity unit expiresOn",
            "id name quantity unit expires_on",
            true,
        );
        // Three of five distinctive fields shared: 3 / 5 < 80%.
        check(
            "id quantity unit expiresOn place",
            "id quantity unit expiresOn barcode",
            false,
        );
        // Bookkeeping fields do not count as distinctive: 1 shared.
        check(
            "id isActive externalRef contactEmail dueDate createdAt",
            "id isActive externalRef contactEmail createdAt",
            false,
        );
        // Distinctive fields alike (4 / 5), all fields not (7 / 12).
        check(
            "id amount currency region retryCount contactEmail notes description createdAt",
            "id amount currency retryCount contactEmail version metadata position createdAt",
            false,
        );
        // Identical, but only generic fields.
        check(
            "id name createdAt updatedAt",
            "id name created_at updated_at",
            false,
        );
        check(
            "id householdId quantity unit",
            "id householdId quantity unit",
            true,
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(prefix_len(1), 1);
        assert_eq!(prefix_len(5), 2);
        assert_eq!(prefix_len(10), 3);
    }

    #[test]
    fn types() {
        let check = |input: &str, expected: &str| assert_eq!(type_key(input), expected, "{input}");
        check(" number; ", "number");
        check("string | null", "string");
        check("'b' | 'a' | undefined", "'a'|'b'");
        check("\"a\" | \"b\"", "'a'|'b'");
        check("Array<string>", "string[]");
        check(
            "Record<string, number | null>",
            "Record<string,number|null>",
        );
        check("", "");
    }

    fn model(name: &str, fields: &[(&str, &str)]) -> Model {
        let mut members: Vec<(String, String, &str)> = fields
            .iter()
            .map(|(field, ty)| (name_key(field), type_key(ty), *field))
            .collect();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        Model {
            feature: 0,
            file: FileId(0),
            name: String::new(),
            span: Span::empty(0),
            key: name_key(name),
            fields: members.iter().map(|m| m.0.clone()).collect(),
            distinctive: distinctive(&members.iter().map(|m| m.0.clone()).collect::<Vec<_>>()),
            types: members.iter().map(|m| m.1.clone()).collect(),
            written: members.iter().map(|m| m.2.to_string()).collect(),
        }
    }

    #[test]
    fn conflicts() {
        let first = model(
            "Recipe",
            &[
                ("id", "string"),
                ("servings", "number"),
                ("tags", "string[]"),
            ],
        );
        let extended = model(
            "Recipe",
            &[
                ("id", "string"),
                ("servings", "number"),
                ("scaledFrom", "string"),
            ],
        );
        let clashing = model(
            "Recipe",
            &[
                ("id", "string"),
                ("servings", "string"),
                ("tags", "Array<string>"),
            ],
        );
        assert!(type_conflicts(&extended, &first).is_empty());
        assert_eq!(
            type_conflicts(&clashing, &first),
            vec![("servings", "string", "number")]
        );
    }

    #[test]
    fn pairs() {
        let fields = [
            ("id", "string"),
            ("quantity", "number"),
            ("unit", "string"),
            ("expiresOn", "string"),
            ("barcode", "string"),
        ];
        let in_feature = |feature: usize, name: &str| Model {
            feature,
            ..model(name, &fields)
        };
        let models = [
            in_feature(0, "PantryItem"),
            in_feature(0, "PantryRow"),
            in_feature(1, "StockEntry"),
            in_feature(1, "PantryItemView"),
        ];
        // `PantryRow` is in the same feature; `PantryItemView` extends
        // `PantryItem` but is still a second name for `PantryRow`.
        let models: Vec<&Model> = models.iter().collect();
        assert_eq!(similar_pairs(&models), vec![(2, 0), (3, 1)]);
    }
}

use std::cell::OnceCell;

use speckit_model::Plan;
use speckit_model::plan::{BodyKind, TsInterface};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::names::loose;
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A key of an API Contracts JSON body that looks like a field of a Data
    /// Models interface but is spelled differently (`checked_by` where the
    /// model says `checkedBy`, `quantiy` for `quantity`). Conservative by
    /// design:
    ///
    /// - only JSON objects with at least three keys are looked at, and each
    ///   is compared with the one model that shares the most keys with it
    ///   (at least two);
    /// - a key is reported only when it is missing from that model and
    ///   equals one of the model's fields once case, `_` and `-` are
    ///   ignored, or is one typo away from a field the object does not use
    ///   (two for names of nine letters or more);
    /// - keys that are simply extra (`itemCount` in a summary) are fine.
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// Clients and servers are written from these examples. When the body
    /// and the model spell a field differently, one side will send a key the
    /// other never reads.
    ///
    /// ## Example
    /// ```json
    /// { "data": { "id": "li_1", "checked": true, "checked_by": "mem_sam" } }
    /// ```
    /// when the model is `interface ListItem { id: string; checked: boolean;
    /// checkedBy: string; }`. Use `"checkedBy"`.
    pub(crate) PayloadFieldNotInModel {
        code: "P021",
        name: "payload-field-not-in-model",
        summary: "An API body field is spelled differently from its data model",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl PayloadFieldNotInModel {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let (Some(models), Some(api)) = (&plan.data_models, &plan.api_contracts) else {
            return;
        };
        let interfaces: Vec<Model<'_>> = models
            .models
            .iter()
            .flat_map(|model| &model.interfaces)
            .filter(|interface| !interface.members.is_empty())
            .map(Model::new)
            .collect();
        if interfaces.is_empty() {
            return;
        }
        for endpoint in &api.endpoints {
            for body in &endpoint.bodies {
                let Some(code) = body.code.filter(|code| code.language_is(&["json"])) else {
                    continue;
                };
                let part = match body.kind {
                    BodyKind::Request => "request",
                    BodyKind::Response | BodyKind::Success | BodyKind::Error => "response",
                };
                let mut findings = Vec::new();
                for_each_object(code.content.value, |keys| {
                    compare(keys, &interfaces, &mut findings);
                });
                for finding in findings {
                    drop(
                        cx.report(
                            code.content
                                .span
                                .subspan(finding.at..finding.at + finding.key.len() + 2),
                            format!(
                                "`{}` in the {part} of endpoint `{}` is `{}` in model `{}`",
                                finding.key, endpoint.name.value, finding.field, finding.model
                            ),
                        )
                        .help("spell the field the same way in the model and the API body"),
                    );
                }
            }
        }
    }
}

/// An interface's field names, with their loose forms computed once, the
/// first time a body key is missing from the interface.
struct Model<'a> {
    name: &'a str,
    names: Vec<&'a str>,
    fields: OnceCell<Vec<(&'a str, String)>>,
}

impl<'a> Model<'a> {
    fn new(interface: &TsInterface<'a>) -> Self {
        Model {
            name: interface.name.value,
            names: interface
                .members
                .iter()
                .map(|member| member.name.value)
                .collect(),
            fields: OnceCell::new(),
        }
    }

    fn has(&self, key: &str) -> bool {
        self.names.contains(&key)
    }

    /// Each field name with its loose form.
    fn fields(&self) -> &[(&'a str, String)] {
        self.fields
            .get_or_init(|| self.names.iter().map(|&name| (name, loose(name))).collect())
    }
}

struct Finding<'a> {
    key: &'a str,
    /// Offset of the key's opening quote in the block.
    at: usize,
    field: &'a str,
    model: &'a str,
}

/// A key of a JSON object and the offset of its opening quote.
type Key<'a> = (&'a str, usize);

/// Calls `visit` with the keys of every object in `json`, innermost first.
/// A light scan, not a parser: P018 reports JSON that does not parse, and
/// what this reads of it then does not matter.
fn for_each_object<'a>(json: &'a str, mut visit: impl FnMut(&[Key<'a>])) {
    // Open containers: `Some(keys)` for an object, `None` for an array.
    let mut open: Vec<Option<Vec<Key<'a>>>> = Vec::new();
    let mut expect_key = false;
    let bytes = json.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'"' => {
                let start = index;
                index += 1;
                while let Some(&inner) = bytes.get(index) {
                    match inner {
                        b'\\' => index += 2,
                        b'"' => break,
                        _ => index += 1,
                    }
                }
                if expect_key && let Some(Some(keys)) = open.last_mut() {
                    keys.push((json.get(start + 1..index).unwrap_or(""), start));
                    expect_key = false;
                }
            }
            b'{' => {
                open.push(Some(Vec::new()));
                expect_key = true;
            }
            b'[' => {
                open.push(None);
                expect_key = false;
            }
            b'}' | b']' => {
                if let Some(Some(keys)) = open.pop() {
                    visit(&keys);
                }
                expect_key = false;
            }
            b',' => expect_key = matches!(open.last(), Some(Some(_))),
            _ => {}
        }
        index += 1;
    }
}

fn compare<'a>(keys: &[Key<'a>], models: &[Model<'a>], findings: &mut Vec<Finding<'a>>) {
    if keys.len() < 3 {
        return;
    }
    let best = models
        .iter()
        .map(|model| {
            let shared = keys.iter().filter(|(key, _)| model.has(key)).count();
            (shared, model)
        })
        .max_by_key(|(shared, _)| *shared);
    let Some((shared, model)) = best else {
        return;
    };
    if shared < 2 {
        return;
    }
    for &(key, at) in keys.iter().filter(|(key, _)| !model.has(key)) {
        let key_loose = loose(key);
        let limit = if key.len() >= 9 { 2 } else { 1 };
        let unused = model
            .fields()
            .iter()
            .filter(|(name, _)| !keys.iter().any(|(other, _)| other == name));
        let mut matched = None;
        for (name, name_loose) in unused {
            if *name_loose == key_loose {
                matched = Some(*name);
                break;
            }
            if key.len() >= 5
                && name_loose.len().abs_diff(key_loose.len()) <= limit
                && within_edits(&key_loose, name_loose, limit)
            {
                matched = Some(*name);
            }
        }
        if let Some(field) = matched {
            findings.push(Finding {
                key,
                at,
                field,
                model: model.name,
            });
        }
    }
}

/// Whether two short names are at most `limit` edits apart (Levenshtein
/// distance, by characters). The smallest value of a row never decreases
/// from one row to the next, so the comparison stops as soon as it passes
/// `limit`: most names differ from their first letters on.
fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    let mut previous: Vec<usize> = (0..=b.chars().count()).collect();
    let mut current = vec![0; previous.len()];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        let mut row_min = i + 1;
        for (j, cb) in b.chars().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let delete = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insert = current.get(j).copied().unwrap_or(0) + 1;
            let value = substitute.min(delete).min(insert);
            if let Some(slot) = current.get_mut(j + 1) {
                *slot = value;
            }
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert!(within_edits("quantity", "quantiy", 1));
        assert!(!within_edits("quantity", "quantiy", 0));
        assert!(within_edits("checkedby", "checkedat", 2));
        assert!(!within_edits("checkedby", "checkedat", 1));
        assert!(within_edits("", "abc", 3));
        assert!(!within_edits("", "abc", 2));
        assert!(!within_edits("status", "tags", 2));
    }

    #[test]
    fn object_keys() {
        let json = r#"{ "data": [ { "id": 1, "a\"b": "x", "c": { "d": null } } ], "e": [] }"#;
        let mut seen = Vec::new();
        for_each_object(json, |keys| {
            seen.push(
                keys.iter()
                    .map(|(key, _)| *key)
                    .collect::<Vec<_>>()
                    .join(","),
            );
        });
        assert_eq!(seen, ["d", "id,a\\\"b,c", "data,e"]);
    }
}

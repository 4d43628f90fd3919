//! What the cross-feature rules (X030–X035) share: reporting features that
//! repeat a key, and keys that compare names, paths and endpoints the way
//! authors mean them.
//!
//! Everything here is per feature or per item, so that the rules can build
//! one hash map over the workspace and stay linear in its size.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

use crate::analysis::{FeatureInfo, WorkspaceContext};

/// What a repeated feature is told: the message, the help, and the label
/// put on the earlier feature.
pub(crate) struct Repeat {
    pub(crate) message: String,
    pub(crate) help: String,
    pub(crate) label: String,
}

/// Reports every feature whose `key` (within its specs directory) an
/// earlier feature already has, pointing at that earlier feature. Features
/// without a key, a document or a specs directory are not evaluated.
pub(crate) fn report_repeats<'a, K: Hash + Eq>(
    cx: &mut WorkspaceContext<'a>,
    key: impl Fn(&FeatureInfo<'a>) -> Option<K>,
    repeat: impl Fn(&FeatureInfo<'_>, &FeatureInfo<'_>) -> Repeat,
) {
    let features = cx.features();
    let mut first: HashMap<(&'a str, K), usize> = HashMap::with_capacity(features.len());
    for feature in features {
        let (Some(anchor), Some(dir)) = (cx.summary(feature.index).anchor, feature.specs_dir)
        else {
            continue;
        };
        let Some(key) = key(feature) else {
            continue;
        };
        cx.evaluated(feature.index, 1);
        match first.entry((dir, key)) {
            Entry::Vacant(slot) => {
                slot.insert(feature.index);
            }
            Entry::Occupied(slot) => {
                let Some(earlier) = features.get(*slot.get()) else {
                    continue;
                };
                let Repeat {
                    message,
                    help,
                    label,
                } = repeat(feature, earlier);
                let other = cx.summary(earlier.index).anchor;
                let mut report = cx.report(anchor.file, anchor.title, message).help(help);
                if let Some(other) = other {
                    report = report.label_at(other.file, other.title, label);
                }
                drop(report);
            }
        }
    }
}

/// A feature's number as a map key: its value for sequential numbers, the
/// text for timestamps (`20260101-120000`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum NumberKey<'a> {
    Value(u64),
    Text(&'a str),
}

impl<'a> NumberKey<'a> {
    pub(crate) fn of(feature: &FeatureInfo<'a>) -> NumberKey<'a> {
        feature
            .number_value
            .map_or(NumberKey::Text(feature.number), NumberKey::Value)
    }
}

/// A file path as two documents would both write it: back-ticks, a leading
/// `./` and surrounding whitespace removed, `\` turned into `/`, ASCII
/// lower-cased (borrowed from `path` when that changes nothing). `None` for
/// directories (`src/models/`) and for text that is not a single path.
pub(crate) fn path_key(path: &str) -> Option<Cow<'_, str>> {
    let path = path.trim().trim_matches('`').trim();
    let path = path.strip_prefix("./").unwrap_or(path);
    if path.is_empty() || path.ends_with('/') || path.ends_with('\\') || has_whitespace(path) {
        return None;
    }
    let last = path.rsplit(['/', '\\']).next().unwrap_or(path);
    // A name without an extension is most often a directory (`src/models`);
    // dot-files (`.env`) and a few well-known names are files.
    let is_file = last
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !ext.is_empty() && (!stem.is_empty() || last.len() > 1))
        || matches!(last, "Dockerfile" | "Makefile" | "Procfile");
    if !is_file {
        return None;
    }
    // Most paths are written as their key already: they are borrowed.
    if !path
        .bytes()
        .any(|byte| byte.is_ascii_uppercase() || byte == b'\\')
    {
        return Some(Cow::Borrowed(path));
    }
    let key = path.to_ascii_lowercase();
    Some(Cow::Owned(if key.contains('\\') {
        key.replace('\\', "/")
    } else {
        key
    }))
}

/// Whether `text` holds a character `char::is_whitespace` accepts: ASCII
/// bytes are tested as bytes, the text from its first other byte on as
/// characters.
fn has_whitespace(text: &str) -> bool {
    match text
        .bytes()
        .position(|byte| !byte.is_ascii() || speckit_text::is_space(byte))
    {
        Some(at) if text.as_bytes()[at].is_ascii() => true,
        Some(at) => text
            .get(at..)
            .is_some_and(|rest| rest.contains(char::is_whitespace)),
        None => false,
    }
}

/// An identifier (entity, field) compared without case, `_` or `-`:
/// `created_at`, `createdAt` and `Created-At` are one key.
pub(crate) fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `METHOD /path` of an endpoint as a key: method upper-cased; path without
/// back-ticks, query string or trailing `/`, lower-cased, and every
/// parameter (`{id}`, `:id`, `<id>`, `[id]`) written `{}` so that
/// `/lists/{id}` and `/lists/:listId` are one endpoint. `None` when the
/// method is not an HTTP verb or the path does not start with `/`.
pub(crate) fn endpoint_key(method: &str, path: &str) -> Option<String> {
    const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    let method = method.trim().trim_matches('`').trim();
    let method = METHODS
        .iter()
        .find(|known| known.eq_ignore_ascii_case(method))?;
    let path = path.trim().trim_matches('`').trim();
    // `GET /a` written in the path field.
    let path = match path.split_once(' ') {
        Some((verb, rest)) if verb.eq_ignore_ascii_case(method) => rest.trim(),
        _ => path,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    if !path.starts_with('/') || path.contains(char::is_whitespace) {
        return None;
    }
    let mut key = String::with_capacity(method.len() + 1 + path.len());
    key.push_str(method);
    key.push(' ');
    for segment in path.split('/').filter(|segment| !segment.is_empty()) {
        key.push('/');
        let parameter = segment.starts_with(':')
            || (segment.starts_with('{') && segment.ends_with('}'))
            || (segment.starts_with('<') && segment.ends_with('>'))
            || (segment.starts_with('[') && segment.ends_with(']'));
        if parameter {
            key.push_str("{}");
        } else {
            key.extend(segment.chars().map(|c| c.to_ascii_lowercase()));
        }
    }
    if key.len() == method.len() + 1 {
        key.push('/');
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let check = |input: &str, expected: Option<&str>| {
            assert_eq!(path_key(input).as_deref(), expected, "{input}");
        };
        check("`./src/App.ts`", Some("src/app.ts"));
        check(" src\\web\\sw.ts ", Some("src/web/sw.ts"));
        check("src/models/", None);
        check("src/models", None);
        check("package.json", Some("package.json"));
        check(".env", Some(".env"));
        check("docker/Dockerfile", Some("docker/dockerfile"));
        check("two words.ts", None);
        check("", None);
    }

    #[test]
    fn whitespace_is_found_like_the_character_test() {
        for text in [
            "",
            "a.ts",
            "a b",
            "a\x0Bb",
            "a\x1Fb",
            "é.ts",
            "é\u{a0}x",
            "é\u{2003}",
            "x\u{85}",
            "\u{3000}",
            "a\u{200b}b",
            "éa\tb",
        ] {
            assert_eq!(
                has_whitespace(text),
                text.contains(char::is_whitespace),
                "{text:?}"
            );
        }
    }

    #[test]
    fn names() {
        assert_eq!(name_key("created_at"), "createdat");
        assert_eq!(name_key("createdAt"), "createdat");
        assert_eq!(name_key("`ShoppingList`"), "shoppinglist");
    }

    #[test]
    fn endpoints() {
        let check = |method: &str, path: &str, expected: Option<&str>| {
            assert_eq!(
                endpoint_key(method, path).as_deref(),
                expected,
                "{method} {path}"
            );
        };
        check("POST", "`/api/v1/lists`", Some("POST /api/v1/lists"));
        check("get", "/api/v1/Lists/{id}/", Some("GET /api/v1/lists/{}"));
        check("GET", "/api/v1/lists/:listId", Some("GET /api/v1/lists/{}"));
        check("GET", "/lists/<id>?page=2", Some("GET /lists/{}"));
        check("DELETE", "DELETE /lists/[id]", Some("DELETE /lists/{}"));
        check("GET", "/", Some("GET /"));
        check("GET | POST", "/lists", None);
        check("GET", "{path}", None);
    }
}

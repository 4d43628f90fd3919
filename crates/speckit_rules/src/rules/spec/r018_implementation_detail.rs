use speckit_model::Spec;
use speckit_model::spec::RequirementKind;
use speckit_text::{ByteSet, byte_set};

use super::{definitions, is_speckit};
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec-kit functional requirement or success criterion that names a
    /// programming language, framework, database, cloud or tool (`React`,
    /// `PostgreSQL`, `Kafka`, `AWS`, `Playwright`, …; a curated list of
    /// proper names, matched case-sensitively as whole words). A technology
    /// that the spec also names outside its requirements (in the title, the
    /// `**Input**`, a story or the assumptions) is the feature's context and
    /// is not reported.
    ///
    /// ## Why it matters
    /// spec-kit keeps the *what* in the spec and the *how* in the plan:
    /// requirements and success criteria must be technology-agnostic so that
    /// the plan can still choose. "Results are cached in Redis" decides the
    /// design before anyone has planned it.
    ///
    /// ## Example
    /// ```markdown
    /// - **SC-003**: Search queries in PostgreSQL return within 300 ms
    /// ```
    /// Use instead:
    /// ```markdown
    /// - **SC-003**: 95% of searches show results within 300 ms
    /// ```
    pub(crate) ImplementationDetail {
        code: "R018",
        name: "implementation-detail",
        summary: "A requirement names a technology instead of a need",
        severity: Info,
        fix: Never,
        target: Spec,
    }
}

/// Proper names of implementation technologies, sorted for binary search.
/// Words that are also ordinary English (`Go`, `Swift`, `Express`,
/// `Spring`, `Rails`) are left out.
const TECHNOLOGIES: &[&str] = &[
    ".NET",
    "ASP.NET",
    "AWS",
    "Angular",
    "Azure",
    "C#",
    "C++",
    "Cassandra",
    "Cypress",
    "Django",
    "Docker",
    "DynamoDB",
    "Elasticsearch",
    "Elixir",
    "FastAPI",
    "Firebase",
    "Flask",
    "Flutter",
    "GCP",
    "Golang",
    "GraphQL",
    "Java",
    "JavaScript",
    "Jest",
    "Kafka",
    "Kotlin",
    "Kubernetes",
    "Laravel",
    "MariaDB",
    "MongoDB",
    "MySQL",
    "NestJS",
    "Next.js",
    "Node.js",
    "Nuxt",
    "PHP",
    "Playwright",
    "PostgreSQL",
    "Postgres",
    "Pytest",
    "Python",
    "RabbitMQ",
    "React",
    "Redis",
    "Redux",
    "Ruby",
    "SQLite",
    "Scala",
    "Supabase",
    "Svelte",
    "SwiftUI",
    "Tailwind",
    "Terraform",
    "TypeScript",
    "Vite",
    "Vitest",
    "Vue",
    "Vue.js",
    "Webpack",
    "gRPC",
    "jQuery",
];

impl ImplementationDetail {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        if !is_speckit(spec) {
            return;
        }
        let document = cx.document;
        let checked: Vec<_> = definitions(spec)
            .filter(|requirement| {
                !requirement.struck
                    && matches!(
                        requirement.kind,
                        RequirementKind::Functional | RequirementKind::SuccessCriterion
                    )
            })
            .collect();
        // A technology the spec names outside its requirements (title,
        // input, overview, assumptions) is the feature's context, not a
        // design decision smuggled into a requirement.
        let is_context = |name: &str| {
            document.text.match_indices(name).any(|(at, _)| {
                let at = u32::try_from(at).unwrap_or(u32::MAX);
                !checked
                    .iter()
                    .any(|requirement| requirement.span.contains(at))
            })
        };
        for requirement in &checked {
            let text = requirement.text;
            let found = technology_names(text.value).find(|&(_, name)| !is_context(name));
            if let Some((start, name)) = found {
                drop(
                    cx.report(
                        text.span.subspan(start..start + name.len()),
                        format!(
                            "`{}` names `{name}`, an implementation choice",
                            requirement.id.value
                        ),
                    )
                    .help(
                        "say what the user or the business needs; leave the technology to the plan",
                    ),
                );
            }
        }
    }
}

/// Whether a [`TECHNOLOGIES`] name can start with `byte` (a test keeps
/// them in step): most prose words cannot, and skip the look-up.
fn may_start_technology(byte: u8) -> bool {
    byte.is_ascii_uppercase() || matches!(byte, b'.' | b'g' | b'j')
}

/// The bytes of a token: ASCII letters and digits, `.`, `#`, `+` and `_`.
const TOKEN_BYTES: ByteSet =
    byte_set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.#+_");

/// For each initial byte, the range of [`TECHNOLOGIES`] that starts with it
/// (the list is sorted, so each initial's names are side by side).
const BY_INITIAL: [(usize, usize); 256] = by_initial();

const fn by_initial() -> [(usize, usize); 256] {
    let mut ranges = [(0, 0); 256];
    let mut index = 0;
    while index < TECHNOLOGIES.len() {
        let initial = TECHNOLOGIES[index].as_bytes()[0] as usize;
        if ranges[initial].0 == ranges[initial].1 {
            ranges[initial] = (index, index + 1);
        } else {
            ranges[initial].1 = index + 1;
        }
        index += 1;
    }
    ranges
}

/// The [`TECHNOLOGIES`] entry equal to `token`, looked for among the names
/// with the same initial.
fn find_technology(token: &str) -> Option<&'static str> {
    let initial = usize::from(*token.as_bytes().first()?);
    let &(start, end) = BY_INITIAL.get(initial)?;
    TECHNOLOGIES
        .get(start..end)?
        .iter()
        .copied()
        .find(|&name| name == token)
}

/// Technology names of [`TECHNOLOGIES`] in `text`, outside inline code.
fn technology_names(text: &str) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    let bytes = text.as_bytes();
    let is_token_byte = |byte: u8| TOKEN_BYTES[usize::from(byte)];
    let mut index = 0;
    let mut in_code = false;
    std::iter::from_fn(move || {
        while let Some(&byte) = bytes.get(index) {
            if byte == b'`' {
                in_code = !in_code;
                index += 1;
                continue;
            }
            if !is_token_byte(byte) {
                index += 1;
                continue;
            }
            let start = index;
            while bytes.get(index).is_some_and(|&byte| is_token_byte(byte)) {
                index += 1;
            }
            if in_code || !may_start_technology(byte) {
                continue;
            }
            // A sentence's full stop is not part of the name.
            let token = text.get(start..index).unwrap_or("").trim_end_matches('.');
            if let Some(name) = find_technology(token) {
                return Some((start, name));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn technologies_are_sorted() {
        let mut sorted = TECHNOLOGIES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, TECHNOLOGIES);
        for name in TECHNOLOGIES {
            assert!(may_start_technology(name.as_bytes()[0]), "{name}");
        }
    }

    #[test]
    fn lookup_by_initial_agrees_with_binary_search() {
        let mut tokens: Vec<String> = TECHNOLOGIES
            .iter()
            .map(|name| (*name).to_string())
            .collect();
        tokens.extend(TECHNOLOGIES.iter().map(|name| format!("{name}x")));
        tokens.extend(TECHNOLOGIES.iter().map(|name| name.to_ascii_lowercase()));
        tokens.extend(["", ".", "A", "System", "MUST", "Zed", "g", "jq", "C"].map(String::from));
        for token in &tokens {
            let searched = TECHNOLOGIES
                .binary_search(&token.as_str())
                .ok()
                .and_then(|position| TECHNOLOGIES.get(position).copied());
            assert_eq!(find_technology(token), searched, "{token}");
        }
        for byte in 0..=u8::MAX {
            let simple = byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'#' | b'+' | b'_');
            assert_eq!(TOKEN_BYTES[usize::from(byte)], simple, "{byte}");
        }
    }

    #[test]
    fn names_in_text() {
        let names = |text| {
            technology_names(text)
                .map(|(_, name)| name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Stored in PostgreSQL, served by Node.js."),
            ["PostgreSQL", "Node.js"]
        );
        assert_eq!(
            names("Java and JavaScript clients; C# too"),
            ["Java", "JavaScript", "C#"]
        );
        assert!(names("Users react to `Redis` keys; a java cup; Reactive").is_empty());
    }
}

use speckit_model::Constitution;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `TODO(NAME)` deferral in the constitution's text, such as
    /// `**Ratified**: TODO(RATIFICATION_DATE): original adoption date
    /// unknown`. The follow-up list inside the Sync Impact Report comment is
    /// a record of them and is not reported again.
    ///
    /// ## Why it matters
    /// spec-kit's constitution step writes a deferral when it cannot know a
    /// value. That is allowed, but the field stays unknown until someone
    /// fills it in, and rules comparing dates or versions skip it meanwhile.
    ///
    /// ## Example
    /// ```markdown
    /// **Version**: 1.0.0 | **Ratified**: TODO(RATIFICATION_DATE): unknown | **Last Amended**: 2026-03-01
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Version**: 1.0.0 | **Ratified**: 2025-11-20 | **Last Amended**: 2026-03-01
    /// ```
    pub(crate) DeferredField {
        code: "C007",
        name: "deferred-field",
        summary: "A constitution field is deferred with TODO(…)",
        severity: Info,
        fix: Never,
        target: Constitution,
    }
}

impl DeferredField {
    fn run(&self, constitution: &Constitution<'_>, cx: &mut RuleContext<'_>) {
        for deferred in &constitution.deferred {
            if deferred.in_comment {
                continue;
            }
            // On a pipe-packed footer the note ends where the next field starts.
            let note = deferred.note.map(|note| {
                let end = note.value.find(" | ").unwrap_or(note.value.len());
                let value = note.value.get(..end).unwrap_or(note.value).trim_end();
                speckit_model::Text::new(value, note.span.subspan(0..value.len()))
            });
            let span = match note {
                Some(note) => speckit_text::Span::new(deferred.span.start, note.span.end),
                None => deferred.span,
            };
            let note = note
                .map(|note| format!(" ({})", note.value))
                .unwrap_or_default();
            drop(
                cx.report(
                    span,
                    format!("`{}` is still deferred{note}", deferred.name.value),
                )
                .help("fill in the value once it is known, and remove the TODO"),
            );
        }
    }
}

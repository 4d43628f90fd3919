use speckit_model::Spec;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::clean_value;

declare_rule! {
    /// ## What it checks
    /// A spec `**Status**` that does not start with a known status word
    /// (`Draft`, `In Review`, `Approved`, `Ready for planning`,
    /// `Implemented`, `Complete`, `Superseded`, …), or that still lists the
    /// alternatives to choose from (`Draft | Approved`). A note after the
    /// word is fine: `Completed (2026-07-05)`.
    ///
    /// ## Why it matters
    /// The templates only define `Draft`; tools and readers sort specs by
    /// the common lifecycle words. A status such as `Specced?` or `TBD`
    /// tells nobody whether the spec may be planned.
    ///
    /// ## Example
    /// ```markdown
    /// **Status**: Draft | Approved
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Status**: Approved
    /// ```
    pub(crate) UnknownSpecStatus {
        code: "R004",
        name: "unknown-spec-status",
        summary: "The spec status is not a known lifecycle word",
        severity: Info,
        fix: Never,
        target: Spec,
    }
}

/// Lifecycle words seen in spec headers, each a whole leading word or
/// phrase: still being written, drafting over ([`PAST_DRAFT`]), stopped.
const DRAFTING: &[&str] = &[
    "Draft",
    "In Review",
    "Under Review",
    "Review",
    "Reviewed",
    "Proposed",
    "Clarified",
    "Specified",
];

/// Statuses that mean drafting is over.
pub(crate) const PAST_DRAFT: &[&str] = &[
    "Approved",
    "Accepted",
    "Final",
    "Finalized",
    "Ready",
    "Planned",
    "Planning",
    "In Progress",
    "WIP",
    "Active",
    "Implementing",
    "In Development",
    "Implemented",
    "Complete",
    "Completed",
    "Done",
    "Verified",
    "Validated",
    "Merged",
    "Shipped",
    "Released",
    "Closed",
];

const STOPPED: &[&str] = &[
    "On Hold",
    "Paused",
    "Blocked",
    "Deferred",
    "Rejected",
    "Cancelled",
    "Canceled",
    "Abandoned",
    "Deprecated",
    "Superseded",
    "Obsolete",
    "Archived",
];

/// The known status word `value` starts with, if any.
pub(crate) fn leading_status(value: &str) -> Option<&'static str> {
    [DRAFTING, PAST_DRAFT, STOPPED]
        .into_iter()
        .flatten()
        .copied()
        .find(|word| {
            value
                .get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word))
                && !value
                    .as_bytes()
                    .get(word.len())
                    .is_some_and(u8::is_ascii_alphanumeric)
        })
}

impl UnknownSpecStatus {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let Some(status) = spec.status() else {
            return;
        };
        let raw = status.value.value.trim();
        let value = clean_value(raw);
        // Template slots are R015's; statuses in other scripts cannot be judged.
        if value.is_empty()
            || raw.starts_with(['[', '{'])
            || !value.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return;
        }
        let alternatives = value
            .split(['|', '/'])
            .filter(|part| leading_status(part.trim()).is_some())
            .count();
        if alternatives >= 2 {
            drop(
                cx.report(
                    status.value.span,
                    format!("the status lists alternatives (`{raw}`) instead of one"),
                )
                .help("keep the one status that applies"),
            );
        } else if leading_status(value).is_none() {
            drop(
                cx.report(
                    status.value.span,
                    format!("`{value}` is not a known spec status"),
                )
                .help("start the status with a lifecycle word such as Draft, In Review, Approved, Implemented or Complete"),
            );
        }
    }
}

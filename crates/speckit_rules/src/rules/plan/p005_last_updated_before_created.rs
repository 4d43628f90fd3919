use speckit_model::Plan;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::report_updated_before_created;
use crate::rules::plan::p004_invalid_header_date::header_date;

declare_rule! {
    /// ## What it checks
    /// A seed-template plan whose `**Last Updated**` date is earlier than its
    /// `**Created**` date.
    ///
    /// ## Why it matters
    /// One of the two dates is wrong, usually because the plan was copied from
    /// another feature and only one date was changed. Readers use Last Updated
    /// to judge whether the plan still matches the spec.
    ///
    /// ## Example
    /// ```markdown
    /// **Created**: 2026-03-10
    /// **Last Updated**: 2026-03-06
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Created**: 2026-03-06
    /// **Last Updated**: 2026-03-10
    /// ```
    pub(crate) LastUpdatedBeforeCreated {
        code: "P005",
        name: "last-updated-before-created",
        summary: "Last Updated is earlier than Created",
        severity: Error,
        fix: Never,
        target: Plan,
    }
}

impl LastUpdatedBeforeCreated {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let (Some(created), Some(updated)) = (plan.header.created, plan.header.last_updated) else {
            return;
        };
        let (Some(created_date), Some(updated_date)) = (header_date(created), header_date(updated))
        else {
            return;
        };
        report_updated_before_created(
            cx,
            (created.value, created_date),
            (updated.value, updated_date),
        );
    }
}

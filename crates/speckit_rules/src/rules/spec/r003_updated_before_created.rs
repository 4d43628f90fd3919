use speckit_model::Spec;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{DateValue, read_date, report_updated_before_created};

declare_rule! {
    /// ## What it checks
    /// A spec whose `**Last Updated**` date is earlier than its
    /// `**Created**` date.
    ///
    /// ## Why it matters
    /// A document cannot change before it exists: one of the two dates is
    /// wrong, usually a copied header or a typo in the year, and readers no
    /// longer know how current the spec is.
    ///
    /// ## Example
    /// ```markdown
    /// **Created**: 2026-03-02
    /// **Last Updated**: 2026-02-28
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Created**: 2026-03-02
    /// **Last Updated**: 2026-03-05
    /// ```
    pub(crate) UpdatedBeforeCreated {
        code: "R003",
        name: "updated-before-created",
        summary: "Last Updated is earlier than Created",
        severity: Error,
        fix: Never,
        target: Spec,
    }
}

impl UpdatedBeforeCreated {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let (Some(created), Some(updated)) = (spec.created(), spec.last_updated()) else {
            return;
        };
        let (DateValue::Valid(created_date), DateValue::Valid(updated_date)) =
            (read_date(created.value), read_date(updated.value))
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

use speckit_model::Model;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `speckit-ignore` comment that names a code no rule has.
    ///
    /// ## Why it matters
    /// A mistyped code silences nothing, so the finding it was meant to hide
    /// keeps appearing — or worse, a real problem stays visible only because
    /// of a typo nobody notices. Unknown codes in `speckit.toml` are reported
    /// the same way.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- speckit-ignore P1012 -->
    /// ```
    /// Use instead:
    /// ```markdown
    /// <!-- speckit-ignore P012 -->
    /// ```
    pub(crate) UnknownRuleCode {
        code: "S003",
        name: "unknown-rule-code",
        summary: "A suppression comment or the configuration names an unknown rule",
        severity: Warning,
        fix: Never,
        target: Any,
    }
}

impl UnknownRuleCode {
    /// Reported by the runner, which parses suppressions once per document.
    fn run(&self, _model: &Model<'_>, _cx: &mut RuleContext<'_>) {}
}

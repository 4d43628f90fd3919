use speckit_model::Generation;
use speckit_text::Span;

use super::x010_planned_tests_without_task::{has_real_items, task_mentions};
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;
use crate::rules::common::placeholders;

declare_rule! {
    /// ## What it checks
    /// Rollout and monitoring work the plan describes that no task takes
    /// on, for plans written on the seed plan template. Three items are
    /// checked, each only when the plan fills it in (real rows or items,
    /// not template placeholders):
    /// - `### Feature Flags` rows, while no task names one of the flags or
    ///   mentions a flag;
    /// - `### Deployment Phases` or `### Rollback Plan` items, while no task
    ///   mentions a rollout, deployment, release, launch or rollback;
    /// - `## Monitoring and Observability` items, while no task mentions
    ///   monitoring, metrics, alerts, dashboards or observability.
    ///
    /// ## Why it matters
    /// Flags, staged rollouts and alerts are work: someone has to add the
    /// flag, configure the alert and rehearse the rollback. When no task
    /// says so, the feature is switched on for everybody at once and the
    /// first sign of trouble is a user's complaint.
    ///
    /// ## Example
    /// ```markdown
    /// | `shared_list_live` | Live updates of the shared list | OFF |
    /// ```
    /// under Feature Flags, while no task mentions the flag. Use instead: a
    /// task that adds `shared_list_live`, and one that turns it on stage by
    /// stage.
    pub(crate) RolloutWithoutTask {
        code: "X011",
        name: "rollout-without-task",
        summary: "Feature flags, rollout or monitoring in the plan have no task",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

const ROLLOUT: &[&str] = &[
    "rollout",
    "roll out",
    "rolling out",
    "deploy",
    "release",
    "launch",
    "rollback",
    "roll back",
    "canary",
    "staging",
];
const MONITORING: &[&str] = &[
    "monitor",
    "metric",
    "alert",
    "dashboard",
    "observab",
    "telemetry",
];

/// One planned piece of rollout work.
struct Planned {
    /// The heading of the plan's subsection.
    span: Span,
    message: String,
    help: &'static str,
    covered: bool,
}

impl RolloutWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((_, tasks))) = (feature.plan(), feature.tasks())
        else {
            return;
        };
        if plan.generation != Generation::Plugin || tasks.tasks.is_empty() {
            return;
        }
        let mentions = |words: &[&str]| task_mentions(feature, tasks, words);
        let mut planned: Vec<Planned> = Vec::new();
        if let Some(rollout) = &plan.rollout {
            if let Some(flags) = &rollout.feature_flags {
                let names: Vec<&str> = flags
                    .rows
                    .iter()
                    .filter(|row| !row.blank && placeholders(row.name).is_empty())
                    .map(|row| row.name.value.trim().trim_matches('`'))
                    .filter(|name| !name.is_empty())
                    .collect();
                if !names.is_empty() {
                    let mut words = names.clone();
                    words.push("flag");
                    planned.push(Planned {
                        span: flags.section.heading_span,
                        message: format!(
                            "the plan defines the feature flag{} {}, but no task names a flag",
                            if names.len() == 1 { "" } else { "s" },
                            quoted(&names)
                        ),
                        help: "add a task that adds the flags and one that switches them on",
                        covered: mentions(&words),
                    });
                }
            }
            let lists = [&rollout.deployment_phases, &rollout.rollback_plan];
            if let Some(list) = lists
                .into_iter()
                .flatten()
                .find(|list| has_real_items(list))
            {
                planned.push(Planned {
                    span: list.section.heading_span,
                    message: "the plan describes a rollout, but no task deploys, releases, rolls out or rolls back".to_string(),
                    help: "add a task for the rollout stages and the rollback rehearsal",
                    covered: mentions(ROLLOUT),
                });
            }
        }
        if let Some(monitoring) = &plan.monitoring {
            let lists = [
                &monitoring.metrics,
                &monitoring.alerts,
                &monitoring.dashboards,
            ];
            if lists.into_iter().flatten().any(has_real_items) {
                planned.push(Planned {
                    span: monitoring.section.heading_span,
                    message: "the plan describes monitoring, but no task sets up metrics, alerts or dashboards".to_string(),
                    help: "add a task that adds the metrics, alerts and dashboards the plan lists",
                    covered: mentions(MONITORING),
                });
            }
        }
        cx.evaluated(feature, planned.len());
        for item in planned.iter().filter(|item| !item.covered) {
            drop(
                cx.report(plan_document, item.span, item.message.clone())
                    .help(item.help),
            );
        }
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

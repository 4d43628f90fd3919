//! The delivery sections of the filled plugin plan.

use super::*;

#[test]
fn testing_security_and_performance() {
    with_plan(FILLED, |plan| {
        let testing = plan.testing.as_ref().unwrap();
        let unit = &testing.unit.as_ref().unwrap().items;
        let checked: Vec<_> = unit
            .iter()
            .map(|i| (i.text.value, i.checkbox.map(|c| c.checked)))
            .collect();
        assert_eq!(
            checked,
            vec![
                ("Tree building from flat rows", Some(true)),
                ("Depth limit", Some(false))
            ]
        );
        assert_eq!(
            texts(&testing.e2e.as_ref().unwrap().items),
            vec!["Drag a bookmark into a folder"]
        );

        let security = plan.security.as_ref().unwrap();
        let topics: Vec<&str> = security
            .topics
            .iter()
            .map(|t| t.section.title.value)
            .collect();
        assert_eq!(
            topics,
            vec![
                "Authentication",
                "Authorization",
                "Data Protection",
                "Input Validation"
            ]
        );
        assert_eq!(
            texts(&security.topic("authorization").unwrap().items),
            vec!["Owners only", ""]
        );

        let performance = plan.performance.as_ref().unwrap();
        let benchmark = &performance.benchmarks.as_ref().unwrap().rows[0];
        assert_eq!(
            (
                benchmark.metric.value,
                benchmark.target.value,
                benchmark.method.value
            ),
            ("Sidebar render", "< 50 ms", "Profiler")
        );
    });
}

#[test]
fn phases_and_rollout() {
    with_plan(FILLED, |plan| {
        let phases = &plan.implementation_phases.as_ref().unwrap().phases;
        let summary: Vec<_> = phases
            .iter()
            .map(|p| {
                (
                    p.number.map(|n| n.value),
                    p.name.value,
                    p.goal.map(|g| g.value.value),
                    p.duration.map(|d| d.value.value),
                    p.items.len(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Some("1"),
                    "Foundation",
                    Some("Tables and API"),
                    Some("2-3 days"),
                    2
                ),
                (
                    Some("2"),
                    "Core Features",
                    Some("Sidebar"),
                    Some("1 week"),
                    1
                ),
            ]
        );

        let rollout = plan.rollout.as_ref().unwrap();
        assert_eq!(
            rollout.feature_flags.as_ref().unwrap().rows[0]
                .default_state
                .value,
            "OFF"
        );
        let steps: Vec<_> = rollout
            .deployment_phases
            .as_ref()
            .unwrap()
            .items
            .iter()
            .map(|i| (i.number, i.field.map(|f| (f.label.value, f.value.value))))
            .collect();
        assert_eq!(
            steps,
            vec![
                (Some(1), Some(("Phase 1", "Staff only"))),
                (Some(2), Some(("Phase 2", "10% of users")))
            ]
        );
        assert_eq!(
            texts(&rollout.rollback_plan.as_ref().unwrap().items),
            vec!["Turn the flag off"]
        );
    });
}

#[test]
fn monitoring_documentation_risks_and_footer() {
    with_plan(FILLED, |plan| {
        let monitoring = plan.monitoring.as_ref().unwrap();
        assert_eq!(
            texts(&monitoring.alerts.as_ref().unwrap().items),
            vec!["Error rate above 2%"]
        );
        let documentation = plan.documentation.as_ref().unwrap();
        assert_eq!(
            documentation.developer.as_ref().unwrap().items[0]
                .checkbox
                .map(|c| c.checked),
            Some(true)
        );
        let risk = &plan.risks.as_ref().unwrap().rows[0];
        assert_eq!(
            (risk.mitigation.value, risk.status.value),
            ("Depth limit of 5", "In Progress")
        );

        let blockers = plan.blockers.as_ref().unwrap();
        assert_eq!(
            texts(&blockers.blockers.as_ref().unwrap().items),
            vec!["Design review"]
        );
        assert_eq!(
            texts(&blockers.dependencies.as_ref().unwrap().items),
            vec!["Accounts API v2"]
        );
        // The package Dependencies H2 is a different section.
        assert_eq!(
            plan.dependencies.as_ref().unwrap().section.title.value,
            "Dependencies"
        );
        assert_eq!(plan.dependencies.as_ref().unwrap().section.level, 2);

        let questions = plan.open_questions.as_ref().unwrap();
        assert_eq!(
            texts(&questions.items),
            vec!["Should folders be shareable?", "Is five levels enough?"]
        );
        let next = plan.next_steps.as_ref().unwrap();
        assert!(next.colon_inside);
        assert_eq!(
            texts(&next.items),
            vec!["Review with the team", "Run `/spec-kit:tasks`"]
        );
    });
}

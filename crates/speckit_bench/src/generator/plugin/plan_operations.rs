//! The second half of the plugin plan: integration points, errors, testing,
//! security, performance, phases, rollout, monitoring, documentation and
//! risks (seed template sections 9 to 20).

use crate::generator::Context;
use crate::generator::code::error_code;
use crate::generator::rng::Rng;
use crate::generator::text::{Out, capability, sentence, w, work_title};
use crate::generator::words::{ADJECTIVES, capitalise, pascal, upper_snake};

const RISK_STATUS: &[&str] = &["Not Started", "In Progress", "Complete"];

pub(super) fn integration_and_errors(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Integration Points");
    w!(out);
    w!(out, "### External Services");
    w!(out);
    w!(
        out,
        "#### Service 1: {}",
        rng.pick(&[
            "Email Delivery",
            "Object Storage",
            "Payments Gateway",
            "Maps API"
        ])
    );
    w!(out, "- **Purpose**: {}", sentence(rng, topic));
    w!(
        out,
        "- **Authentication**: API key from the secrets manager"
    );
    w!(
        out,
        "- **Endpoints Used**: `POST /v1/messages`, `GET /v1/status`"
    );
    w!(
        out,
        "- **Error Handling**: Retry three times with backoff, then queue for later"
    );
    w!(
        out,
        "- **Rate Limits**: {} requests per second",
        rng.range(5, 100)
    );
    w!(out);
    w!(out, "### Internal APIs");
    w!(out);
    w!(out, "#### API 1: Accounts");
    w!(
        out,
        "- **Purpose**: Resolve the current user and their roles"
    );
    w!(out, "- **Owned By**: Platform team");
    w!(out, "- **Contract**: `GET /internal/accounts/{{id}}`");
    w!(
        out,
        "- **Error Handling**: Fail closed; show a sign-in prompt"
    );
    w!(out);

    w!(out, "## Error Handling");
    w!(out);
    w!(out, "### Error Types");
    w!(out);
    let kinds = [
        "validation error",
        "not found",
        "unauthorized",
        "conflict",
        "server error",
    ];
    w!(out, "```typescript");
    w!(out, "enum {}ErrorCode {{", pascal(&topic.name));
    for (index, kind) in kinds.iter().enumerate() {
        let comma = if index + 1 == kinds.len() { "" } else { "," };
        w!(
            out,
            "  {} = '{}'{comma}",
            upper_snake(kind),
            error_code(topic, kind)
        );
    }
    w!(out, "}}");
    w!(out, "```");
    w!(out);
    w!(out, "### Error Recovery Strategies");
    w!(out);
    w!(out, "| Error Type | Recovery Strategy | User Experience |");
    w!(out, "|------------|-------------------|-----------------|");
    for kind in kinds {
        w!(
            out,
            "| {} | {} | {} |",
            upper_snake(kind),
            sentence(rng, topic),
            rng.pick(&[
                "Inline message",
                "Toast with retry",
                "Redirect to sign-in",
                "Full-page error"
            ])
        );
    }
    w!(out);
}

pub(super) fn quality(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Testing Strategy");
    w!(out);
    for (heading, count) in [
        ("Unit Tests", 4),
        ("Integration Tests", 3),
        ("E2E Tests", 2),
    ] {
        w!(out, "### {heading}");
        w!(out);
        for _ in 0..count {
            w!(out, "- [ ] {}", capitalise(&capability(rng, topic)));
        }
        w!(out);
    }

    w!(out, "## Security Considerations");
    w!(out);
    for heading in [
        "Authentication",
        "Authorization",
        "Data Protection",
        "Input Validation",
    ] {
        w!(out, "### {heading}");
        w!(out);
        for _ in 0..2 {
            w!(out, "- {}", sentence(rng, topic));
        }
        w!(out);
    }

    w!(out, "## Performance Considerations");
    w!(out);
    w!(out, "### Optimization Strategies");
    w!(out);
    for _ in 0..3 {
        w!(out, "- {}", sentence(rng, topic));
    }
    w!(out);
    w!(out, "### Monitoring");
    w!(out);
    w!(out, "- Request latency per endpoint");
    w!(out, "- Queue depth of background jobs");
    w!(out);
    w!(out, "### Benchmarks");
    w!(out);
    w!(out, "| Metric | Target | Measurement Method |");
    w!(out, "|--------|--------|-------------------|");
    w!(
        out,
        "| List load time | < {} ms | Browser performance marks |",
        rng.pick(&["200", "400", "800"])
    );
    w!(
        out,
        "| Save round trip | < {} ms | Server timing header |",
        rng.pick(&["150", "300", "600"])
    );
    w!(out);
}

pub(super) fn delivery(rng: &mut Rng, cx: &Context, out: &mut Out) {
    let topic = &cx.topic;
    w!(out, "## Implementation Phases");
    w!(out);
    for (index, name) in ["Foundation", "Core Features", "Polish and Launch"]
        .iter()
        .enumerate()
    {
        w!(out, "### Phase {}: {name}", index + 1);
        w!(out, "**Goal**: {}", capitalise(&capability(rng, topic)));
        w!(
            out,
            "**Duration Estimate**: {}-{} days",
            rng.range(1, 3),
            rng.range(4, 6)
        );
        w!(out);
        for _ in 0..rng.range(3, 5) {
            w!(out, "- [ ] {}", work_title(rng, topic));
        }
        w!(out);
    }

    w!(out, "## Rollout Strategy");
    w!(out);
    w!(out, "### Feature Flags");
    w!(out);
    w!(out, "| Flag Name | Purpose | Default State |");
    w!(out, "|-----------|---------|---------------|");
    w!(
        out,
        "| `{}_enabled` | Turns the feature on per workspace | OFF |",
        topic.slug.replace('-', "_")
    );
    w!(out);
    w!(out, "### Deployment Phases");
    w!(out);
    w!(out, "1. **Phase 1**: Deploy to the staging environment");
    w!(out, "2. **Phase 2**: Enable for 10% of workspaces");
    w!(out, "3. **Phase 3**: Enable for 50% of workspaces");
    w!(out, "4. **Phase 4**: Enable for everyone");
    w!(out);
    w!(out, "### Rollback Plan");
    w!(out);
    w!(
        out,
        "- Turn the flag off; data written so far stays readable"
    );
    w!(
        out,
        "- Revert the last migration only if no rows were written"
    );
    w!(out);

    w!(out, "## Monitoring and Observability");
    w!(out);
    for heading in ["Metrics to Track", "Alerts to Configure", "Dashboards"] {
        w!(out, "### {heading}");
        w!(out);
        w!(out, "- {}", sentence(rng, topic));
        w!(out);
    }

    w!(out, "## Documentation Needs");
    w!(out);
    w!(out, "### User Documentation");
    w!(out);
    w!(out, "- [ ] Feature guide for the {}", topic.actor(rng));
    w!(out, "- [ ] Troubleshooting guide");
    w!(out);
    w!(out, "### Developer Documentation");
    w!(out);
    w!(out, "- [ ] Architecture notes for `{}`", topic.module());
    w!(out, "- [ ] API contracts");
    w!(out);
}

pub(super) fn risks_and_questions(rng: &mut Rng, cx: &Context, out: &mut Out, target: usize) {
    let topic = &cx.topic;
    w!(out, "## Risk Mitigation");
    w!(out);
    w!(out, "| Risk | Mitigation Strategy | Status |");
    w!(out, "|------|---------------------|---------|");
    let risks_end = target.saturating_sub(800);
    let mut n_risks = 0;
    while n_risks < 2 || out.len() < risks_end {
        n_risks += 1;
        w!(
            out,
            "| {} | {} | {} |",
            sentence(rng, topic).trim_end_matches('.'),
            sentence(rng, topic),
            rng.pick(RISK_STATUS)
        );
    }
    w!(out);

    w!(out, "## Dependencies and Blockers");
    w!(out);
    w!(out, "### Blockers");
    w!(out);
    w!(out, "- None at the moment");
    w!(out);
    w!(out, "### Dependencies");
    w!(out);
    w!(
        out,
        "- The accounts service must expose roles per workspace"
    );
    w!(out);
    w!(out, "## Open Questions");
    w!(out);
    for index in 1..=rng.range(2, 3) {
        w!(
            out,
            "{index}. Should the {} be {}?",
            topic.entity(rng).lower(),
            rng.pick(ADJECTIVES)
        );
    }
    w!(out);
    w!(out, "---");
    w!(out);
    w!(out, "**Next Steps:**");
    w!(out, "1. Review and refine plan with team");
    w!(out, "2. Generate tasks → Run `/spec-kit:tasks`");
    w!(out, "3. Validate consistency → Run `/spec-kit:analyze`");
}

//! The plugin template (FORMATS.md §C.2) read end to end.

use super::check;

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "the whole plugin template is the test data"
)]
fn plugin_spec() {
    check(
        "# Specification: Order Search

**Status**: Draft
**Author**: {Your Name}
**Created**: 2025-12-01
**Last Updated**: YYYY-MM-DD

## Overview

### Problem Statement
Finding an order takes minutes.

### Proposed Solution
<!-- describe -->

### Goals
- Find orders fast
-

### Non-Goals
- Editing orders

## User Stories

### Primary Users

#### Story 1
**As a** support agent
**I want** to search orders by email
**So that** I can answer quickly

**Acceptance Criteria:**
- [ ] Results appear within a second
- [x] Partial emails match

## Requirements

### Functional Requirements
1. **FR-1**: Search by email
   - Description: match on the customer email
   - Priority: High
   - Dependencies: None

### Non-Functional Requirements
1. **NFR-1**: Speed
   - Metric: p95 latency
   - Target: 300ms

**TR-1**: Use the existing index
- Rationale: no new infra

## Data Requirements

### Data Models

#### Model 1: Order
```
{ id: string, email: string }
```

## Success Metrics
1. **Metric 1**: Time to answer
   - Definition: minutes per ticket
   - Target: 2
   - Timeline: Q1

## Risks and Mitigation
| Risk | Impact | Probability | Mitigation Strategy |
|------|--------|-------------|---------------------|
| Slow index | High | Low | Cache |
|  |  |  |  |

## Open Questions
1. 🔴 Blocker: Which regions?
2. Any export needs?

## Out of Scope
- Refunds

## References
- [Design](./design.md)
",
        &[
            "Plugin title=Specification: Order Search feature=Order Search",
            "meta Status=Draft",
            "meta Author={Your Name}",
            "meta Created=2025-12-01",
            "meta Last Updated=YYYY-MM-DD",
            "section Overview",
            "section ProblemStatement",
            "section ProposedSolution blank",
            "section Goals",
            "section NonGoals",
            "section UserStories",
            "section PrimaryUsers",
            "section UserStory",
            "section Requirements",
            "section FunctionalRequirements",
            "section NonFunctionalRequirements",
            "section DataRequirements",
            "section DataModels",
            "section DataModel",
            "section SuccessMetrics",
            "section Risks",
            "section OpenQuestions",
            "section OutOfScope",
            "section References",
            "story 1 - - as=support agent want=to search orders by email so=I can answer quickly",
            "  criterion [ ] Results appear within a second",
            "  criterion [x] Partial emails match",
            "req FR-1 Functional in Some(FunctionalRequirements): Search by email | Description=match on the customer email | Priority=High | Dependencies=None",
            "req NFR-1 NonFunctional in Some(NonFunctionalRequirements): Speed | Metric=p95 latency | Target=300ms",
            "req TR-1 Technical in Some(NonFunctionalRequirements): Use the existing index | Rationale=no new infra",
            "model 1 Order code=Some(\"{ id: string, email: string }\\n\")",
            "out Refunds",
            "ref [Design](./design.md)",
            "overview problem=Finding an order takes minutes. solution=<!-- describe --> goals=[\"Find orders fast\", \"\"] non_goals=[\"Editing orders\"]",
            "metric Metric 1 Time to answer Definition=minutes per ticket,Target=2,Timeline=Q1",
            "risk Slow index High Low Cache blank=false",
            "risk     blank=true",
            "question Some(1) 🔴 Blocker: Which regions? Some(Blocker)",
            "question Some(2) Any export needs? None",
        ],
    );
}

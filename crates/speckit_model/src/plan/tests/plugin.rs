//! A filled-in plugin plan covering every seed section, read end to end.

mod delivery;
mod design;

use super::*;

pub(super) const FILLED: &str = r#"# Implementation Plan: Bookmark Folders

**Spec Reference**: [spec.md](./spec.md)
**Status**: Draft
**Author**: Rosa Lind
**Created**: 2025-04-02
**Last Updated**: 2025-04-09

## Architecture Overview

<!-- notes for the author -->

### Design Principles

- Folders are plain rows, not a nested document
- Reads never block on writes
-

### Architectural Decisions

#### Decision 1: Where folders live
- **Context**: Bookmarks already sit in Postgres and
  the mobile client caches them offline.
- **Options Considered**:
  1. Option A: A `folders` table with a parent id
  2. Option B: A JSON column on the user row
- **Decision**: Option A
- **Rationale**: Keeps queries indexable
- **Consequences**: One more migration to run

#### Decision: Sync strategy

**Context**: Clients edit folders while offline.

**Options Considered:**
1. Last write wins - simple, loses edits
2. Operation log - keeps every edit, costs storage

**Decision**: Use Operation log

**Rationale**:
- Edits made offline must survive
- Storage is cheap at our scale

**Consequences**:
- A compaction job is needed

## File Structure

```
src/
├── folders/
│   ├── FolderTree.tsx      # renders the sidebar
│   └── useFolders.ts
└── api/
    └── folders.ts
```

### Files to Create

| File Path | Purpose | Complexity |
|-----------|---------|------------|
| `src/folders/FolderTree.tsx` | Sidebar tree | Med |
|  |  |  |

### Files to Modify

| File Path | Changes Needed | Impact |
|-----------|----------------|--------|
| `src/app.tsx` | Mount the sidebar | Low/Med/High |

## Data Models

### Model 1: Folder

**Purpose**: A named group of bookmarks

```typescript
interface Folder {
  id: string;          // uuid
  parentId?: string;   // null for top level
  name: string;
  tags: Array<string>; // free labels, e.g. a, b
}
```

**Relationships**:
-
-

### Model 2: Placement

**Purpose**: Puts a bookmark in a folder

```typescript
interface Placement { bookmarkId: string; folderId: string }
```

## API Contracts

### Endpoint 1: List folders

**Method**: GET
**Path**: `/api/v1/folders`
**Auth Required**: Yes

**Request:**
```json
{}
```

**Response Success (200):**
```json
{ "data": [] }
```

**Response Error (4xx/5xx):**
```json
{ "error": { "code": "FOLDERS_UNAVAILABLE", "message": "try later" } }
```

### Endpoint 2: Rename folder

**Method**: GET | POST | PUT | DELETE | PATCH
**Path**: `/api/v1/folders/{id}`
**Auth Required**: Yes | No

**Response:**
```json
{ "data": {} }
```

## Component Hierarchy

```
App
└── Sidebar
    ├── FolderTree
    │   └── FolderRow
    └── NewFolderButton
```

## State Management

### Global State

```typescript
interface FolderState {
  open: string[];
  selected?: string;
}
```

**Location**: Zustand store
**Rationale**: The sidebar and the list both read it

### Local State

- Rename input text
-

## Dependencies

### New Dependencies

| Package | Version | Purpose | Bundle Impact |
|---------|---------|---------|---------------|
| react-arborist | ^3.4.0 | Tree widget | 18 kB |

### Peer Dependencies

| Package | Required Version | Current Version |
|---------|-----------------|-----------------|
|         |                 |                 |

## Database Schema Changes

### New Tables

#### Table: `folders`
```sql
CREATE TABLE folders (
  id UUID PRIMARY KEY,
  parent_id UUID REFERENCES folders(id)
);
```

**Indexes**:
```sql
CREATE INDEX idx_folders_parent ON folders(parent_id);
```

### Schema Migrations

| Migration | Type | Description | Reversible |
|-----------|------|-------------|------------|
| 0042_folders | additive | Adds the folders table | Yes |

## Integration Points

### External Services

#### Service 1: Search index
- **Purpose**: Find bookmarks by folder
- **Authentication**: API key
- **Endpoints Used**: `/index`
- **Error Handling**: Retry three times
- **Rate Limits**: 50 requests per second

### Internal APIs

#### API 1: Accounts
- **Purpose**: Resolve the owner
- **Owned By**: Identity team
- **Contract**: accounts.proto
- **Error Handling**: Fail closed

## Error Handling

### Error Types

```typescript
enum FolderErrorCode {
  NAME_TAKEN = 'FOLDER_NAME_TAKEN',   // same parent, same name
  TOO_DEEP = 'FOLDER_TOO_DEEP',
  GONE = "FOLDER_GONE"
}
```

### Error Recovery Strategies

| Error Type | Recovery Strategy | User Experience |
|------------|-------------------|-----------------|
| NAME_TAKEN | Suggest a suffix | Inline hint |

## Testing Strategy

### Unit Tests

- [x] Tree building from flat rows
- [ ] Depth limit

### Integration Tests

- [ ] Create, move, delete

### E2E Tests

- [ ] Drag a bookmark into a folder

## Security Considerations

### Authentication

- Session cookie as today

### Authorization

- Owners only
-

### Data Protection

- Folder names are not secret

### Input Validation

- Names up to 80 characters

## Performance Considerations

### Optimization Strategies

- Load children lazily

### Monitoring

- Tree render time

### Benchmarks

| Metric | Target | Measurement Method |
|--------|--------|-------------------|
| Sidebar render | < 50 ms | Profiler |

## Implementation Phases

### Phase 1: Foundation
**Goal**: Tables and API
**Duration Estimate**: 2-3 days

- [x] Migration
- [ ] Endpoints

### Phase 2: Core Features
**Goal**: Sidebar
**Duration Estimate**: 1 week

- [ ] Tree component

## Rollout Strategy

### Feature Flags

| Flag Name | Purpose | Default State |
|-----------|---------|---------------|
| folders_v1 | Hide the sidebar | OFF |

### Deployment Phases

1. **Phase 1**: Staff only
2. **Phase 2**: 10% of users

### Rollback Plan

- Turn the flag off

## Monitoring and Observability

### Metrics to Track

- Folders per user

### Alerts to Configure

- Error rate above 2%

### Dashboards

- Folders overview

## Documentation Needs

### User Documentation

- [ ] Help article

### Developer Documentation

- [x] API reference

## Risk Mitigation

| Risk | Mitigation Strategy | Status |
|------|---------------------|--------|
| Deep trees slow the sidebar | Depth limit of 5 | In Progress |

## Dependencies and Blockers

### Blockers

- Design review

### Dependencies

- Accounts API v2

## Open Questions

1. Should folders be shareable?
2. Is five levels enough?

---

**Next Steps:**
1. Review with the team
2. Run `/spec-kit:tasks`
"#;

#[test]
fn filled_plan_lists_all_twenty_sections_in_order() {
    with_plan(FILLED, |plan| {
        assert_eq!(plan.generation, Generation::Plugin);
        let seed: Vec<SectionKey> = plan.seed_sections().map(|known| known.key).collect();
        assert_eq!(seed, SectionKey::SEED.to_vec());
        assert!(plan.sections.iter().all(|known| !known.section.blank));
        assert_eq!(keys(plan)[0], "architecture-overview");
        // Nothing is left unread.
        assert_eq!(unknown_sections(plan), Vec::<&str>::new());
    });
}

#[test]
fn header_fields() {
    with_plan(FILLED, |plan| {
        let header = &plan.header;
        assert_eq!(
            header.spec_reference.map(|f| f.value.value),
            Some("[spec.md](./spec.md)")
        );
        assert_eq!(header.status.map(|f| f.value.value), Some("Draft"));
        assert_eq!(header.author.map(|f| f.value.value), Some("Rosa Lind"));
        assert_eq!(header.created.map(|f| f.value.value), Some("2025-04-02"));
        assert_eq!(
            header.last_updated.map(|f| f.value.value),
            Some("2025-04-09")
        );
        assert_eq!(plan.metadata.len(), 5);
    });
}

#[test]
fn crlf_input_reads_the_same() {
    let crlf = FILLED.replace('\n', "\r\n");
    with_plan(&crlf, |plan| {
        assert_eq!(plan.seed_sections().count(), 20);
        let first = &plan.architecture.as_ref().unwrap().decisions[0];
        assert_eq!(
            first.context().map(|f| f.value.value),
            Some(
                "Bookmarks already sit in Postgres and\r\n  the mobile client caches them offline."
            )
        );
        assert_eq!(first.options[1].text.value, "A JSON column on the user row");
        let tree = plan.file_structure.as_ref().unwrap().tree.as_ref().unwrap();
        assert_eq!(tree.path(2), "src/folders/FolderTree.tsx");
        let folder = &plan.data_models.as_ref().unwrap().models[0];
        assert_eq!(
            folder.interfaces[0].members[0].comment.map(|c| c.value),
            Some("uuid")
        );
        assert_eq!(
            texts(&folder.relationships.as_ref().unwrap().items),
            vec!["", ""]
        );
        let error_enum = &plan
            .error_handling
            .as_ref()
            .unwrap()
            .error_types
            .as_ref()
            .unwrap()
            .enums[0];
        assert_eq!(
            error_enum.members[2].value.map(|v| v.value),
            Some("FOLDER_GONE")
        );
        assert_eq!(texts(&plan.next_steps.as_ref().unwrap().items).len(), 2);
    });
}

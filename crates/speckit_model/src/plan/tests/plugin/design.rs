//! The design sections of the filled plugin plan.

use super::*;

#[test]
fn architecture_and_both_decision_shapes() {
    with_plan(FILLED, |plan| {
        let architecture = plan.architecture.as_ref().unwrap();
        let principles = architecture.design_principles.as_ref().unwrap();
        assert_eq!(
            texts(&principles.items),
            vec![
                "Folders are plain rows, not a nested document",
                "Reads never block on writes",
                ""
            ]
        );
        assert_eq!(
            architecture.decisions_section.map(|s| s.title.value),
            Some("Architectural Decisions")
        );
        assert_eq!(architecture.decisions.len(), 2);

        let first = &architecture.decisions[0];
        assert_eq!(first.shape, DecisionShape::Bullets);
        assert_eq!(first.number.map(|n| n.value), Some("1"));
        assert_eq!(first.title.value, "Where folders live");
        assert_eq!(
            first.context().map(|f| f.value.value),
            Some("Bookmarks already sit in Postgres and\n  the mobile client caches them offline.")
        );
        let options: Vec<_> = first
            .options
            .iter()
            .map(|o| (o.number, o.label.map(|l| l.value), o.text.value))
            .collect();
        assert_eq!(
            options,
            vec![
                (Some(1), Some("A"), "A `folders` table with a parent id"),
                (Some(2), Some("B"), "A JSON column on the user row"),
            ]
        );
        assert_eq!(first.decision().map(|f| f.value.value), Some("Option A"));
        assert_eq!(first.chosen_option(), Some(0));
        assert_eq!(
            first.rationale().map(|f| f.value.value),
            Some("Keeps queries indexable")
        );
        assert_eq!(
            first.consequences().map(|f| f.value.value),
            Some("One more migration to run")
        );

        let second = &architecture.decisions[1];
        assert_eq!(second.shape, DecisionShape::Paragraphs);
        assert_eq!(second.number, None);
        assert_eq!(second.title.value, "Sync strategy");
        let options: Vec<_> = second
            .options
            .iter()
            .map(|o| (o.name.value, o.description.map(|d| d.value)))
            .collect();
        assert_eq!(
            options,
            vec![
                ("Last write wins", Some("simple, loses edits")),
                ("Operation log", Some("keeps every edit, costs storage"))
            ]
        );
        assert_eq!(
            second.decision().map(|f| f.value.value),
            Some("Use Operation log")
        );
        assert_eq!(second.chosen_option(), Some(1));
        let rationale = second.rationale().unwrap();
        assert_eq!(
            texts(&rationale.items),
            vec![
                "Edits made offline must survive",
                "Storage is cheap at our scale"
            ]
        );
        assert_eq!(
            texts(&second.consequences().unwrap().items),
            vec!["A compaction job is needed"]
        );
    });
}

#[test]
fn file_structure_tree_and_tables() {
    with_plan(FILLED, |plan| {
        let structure = plan.file_structure.as_ref().unwrap();
        let tree = structure.tree.as_ref().unwrap();
        let entries: Vec<_> = tree
            .entries
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                (
                    entry.depth,
                    tree.path(index),
                    entry.is_dir,
                    entry.comment.map(|c| c.value),
                )
            })
            .collect();
        assert_eq!(
            entries,
            vec![
                (0, "src/".to_string(), true, None),
                (1, "src/folders/".to_string(), true, None),
                (
                    2,
                    "src/folders/FolderTree.tsx".to_string(),
                    false,
                    Some("renders the sidebar")
                ),
                (2, "src/folders/useFolders.ts".to_string(), false, None),
                (1, "src/api/".to_string(), true, None),
                (2, "src/api/folders.ts".to_string(), false, None),
            ]
        );
        let create = structure.files_to_create.as_ref().unwrap();
        let rows: Vec<_> = create
            .rows
            .iter()
            .map(|r| (r.path.value, r.purpose.value, r.complexity.value, r.blank))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("`src/folders/FolderTree.tsx`", "Sidebar tree", "Med", false),
                ("", "", "", true)
            ]
        );
        let modify = structure.files_to_modify.as_ref().unwrap();
        assert_eq!(modify.rows[0].changes.value, "Mount the sidebar");
        assert_eq!(modify.rows[0].impact.value, "Low/Med/High");
    });
}

#[test]
fn data_models_with_interfaces_and_relationships() {
    with_plan(FILLED, |plan| {
        let models = &plan.data_models.as_ref().unwrap().models;
        assert_eq!(models.len(), 2);
        let folder = &models[0];
        assert_eq!(
            (folder.number.map(|n| n.value), folder.name.value),
            (Some("1"), "Folder")
        );
        assert_eq!(
            folder.purpose.map(|f| f.value.value),
            Some("A named group of bookmarks")
        );
        assert_eq!(folder.code.map(|c| c.language.value), Some("typescript"));
        let interface = &folder.interfaces[0];
        assert_eq!(interface.name.value, "Folder");
        let members: Vec<_> = interface
            .members
            .iter()
            .map(|m| {
                (
                    m.name.value,
                    m.optional,
                    m.ty.value,
                    m.comment.map(|c| c.value),
                )
            })
            .collect();
        assert_eq!(
            members,
            vec![
                ("id", false, "string", Some("uuid")),
                ("parentId", true, "string", Some("null for top level")),
                ("name", false, "string", None),
                (
                    "tags",
                    false,
                    "Array<string>",
                    Some("free labels, e.g. a, b")
                ),
            ]
        );
        // `**Relationships**:` over `-` is a setext heading to CommonMark; both
        // empty bullets are still there.
        let relationships = folder.relationships.as_ref().unwrap();
        assert_eq!(texts(&relationships.items), vec!["", ""]);

        let placement = &models[1];
        assert_eq!(placement.name.value, "Placement");
        let members: Vec<&str> = placement.interfaces[0]
            .members
            .iter()
            .map(|m| m.name.value)
            .collect();
        assert_eq!(members, vec!["bookmarkId", "folderId"]);
    });
}

#[test]
fn api_contracts_with_labelled_bodies() {
    with_plan(FILLED, |plan| {
        let endpoints = &plan.api_contracts.as_ref().unwrap().endpoints;
        assert_eq!(endpoints.len(), 2);
        let list = &endpoints[0];
        assert_eq!(list.name.value, "List folders");
        assert_eq!(list.method.map(|f| f.value.value), Some("GET"));
        assert_eq!(list.path.map(|f| f.value.value), Some("`/api/v1/folders`"));
        assert_eq!(list.auth_required.map(|f| f.value.value), Some("Yes"));
        let bodies: Vec<_> = list
            .bodies
            .iter()
            .map(|b| {
                (
                    b.label.value,
                    b.kind,
                    b.status.map(|s| s.value),
                    b.code.map(|c| c.content.value),
                )
            })
            .collect();
        assert_eq!(
            bodies,
            vec![
                ("Request", BodyKind::Request, None, Some("{}\n")),
                (
                    "Response Success (200)",
                    BodyKind::Success,
                    Some("200"),
                    Some("{ \"data\": [] }\n")
                ),
                (
                    "Response Error (4xx/5xx)",
                    BodyKind::Error,
                    Some("4xx/5xx"),
                    Some(
                        "{ \"error\": { \"code\": \"FOLDERS_UNAVAILABLE\", \"message\": \"try later\" } }\n"
                    )
                ),
            ]
        );
        let rename = &endpoints[1];
        assert_eq!(
            rename.method.map(|f| f.value.value),
            Some("GET | POST | PUT | DELETE | PATCH")
        );
        assert_eq!(
            rename.auth_required.map(|f| f.value.value),
            Some("Yes | No")
        );
        assert_eq!(rename.bodies.len(), 1);
        assert_eq!(
            (
                rename.bodies[0].kind,
                rename.bodies[0].code.map(|c| c.language.value)
            ),
            (BodyKind::Response, Some("json"))
        );
    });
}

#[test]
fn hierarchy_state_and_dependencies() {
    with_plan(FILLED, |plan| {
        let tree = plan
            .component_hierarchy
            .as_ref()
            .unwrap()
            .tree
            .as_ref()
            .unwrap();
        let names: Vec<_> = tree
            .entries
            .iter()
            .map(|e| (e.depth, e.name.value))
            .collect();
        assert_eq!(
            names,
            vec![
                (0, "App"),
                (1, "Sidebar"),
                (2, "FolderTree"),
                (3, "FolderRow"),
                (2, "NewFolderButton")
            ]
        );
        assert_eq!(tree.path(3), "App/Sidebar/FolderTree/FolderRow");

        let state = plan.state_management.as_ref().unwrap();
        let global = state.global.as_ref().unwrap();
        assert_eq!(global.interfaces[0].name.value, "FolderState");
        assert!(global.interfaces[0].members[1].optional);
        assert_eq!(
            global.location.map(|f| f.value.value),
            Some("Zustand store")
        );
        assert_eq!(
            global.rationale.map(|f| f.value.value),
            Some("The sidebar and the list both read it")
        );
        assert_eq!(
            texts(&state.local.as_ref().unwrap().items),
            vec!["Rename input text", ""]
        );

        let dependencies = plan.dependencies.as_ref().unwrap();
        let new = &dependencies.new.as_ref().unwrap().rows[0];
        assert_eq!(
            (
                new.package.value,
                new.version.value,
                new.bundle_impact.value
            ),
            ("react-arborist", "^3.4.0", "18 kB")
        );
        let peer = dependencies.peer.as_ref().unwrap();
        assert_eq!(peer.rows.len(), 1);
        assert!(peer.rows[0].blank);
    });
}

#[test]
fn database_integration_and_errors() {
    with_plan(FILLED, |plan| {
        let database = plan.database.as_ref().unwrap();
        assert_eq!(
            database.new_tables.map(|s| s.title.value),
            Some("New Tables")
        );
        let table = &database.tables[0];
        assert_eq!(table.name.value, "folders");
        assert!(
            table
                .sql
                .unwrap()
                .content
                .value
                .starts_with("CREATE TABLE folders (")
        );
        let indexes = table.indexes.as_ref().unwrap();
        assert_eq!(
            indexes.code.map(|c| c.content.value),
            Some("CREATE INDEX idx_folders_parent ON folders(parent_id);\n")
        );
        let migration = &database.migrations.as_ref().unwrap().rows[0];
        assert_eq!(
            (migration.kind.value, migration.reversible.value),
            ("additive", "Yes")
        );

        let integration = plan.integration_points.as_ref().unwrap();
        let service = &integration.external_services.as_ref().unwrap().entries[0];
        assert_eq!(
            (service.number.map(|n| n.value), service.name.value),
            (Some("1"), "Search index")
        );
        let labels: Vec<&str> = service.fields.iter().map(|f| f.label.value).collect();
        assert_eq!(
            labels,
            vec![
                "Purpose",
                "Authentication",
                "Endpoints Used",
                "Error Handling",
                "Rate Limits"
            ]
        );
        let api = &integration.internal_apis.as_ref().unwrap().entries[0];
        assert_eq!(api.name.value, "Accounts");
        assert_eq!(api.fields[1].value.value, "Identity team");

        let errors = plan.error_handling.as_ref().unwrap();
        let error_enum = &errors.error_types.as_ref().unwrap().enums[0];
        assert_eq!(error_enum.name.value, "FolderErrorCode");
        let members: Vec<_> = error_enum
            .members
            .iter()
            .map(|m| {
                (
                    m.key.value,
                    m.value.map(|v| v.value),
                    m.comment.map(|c| c.value),
                )
            })
            .collect();
        assert_eq!(
            members,
            vec![
                (
                    "NAME_TAKEN",
                    Some("FOLDER_NAME_TAKEN"),
                    Some("same parent, same name")
                ),
                ("TOO_DEEP", Some("FOLDER_TOO_DEEP"), None),
                ("GONE", Some("FOLDER_GONE"), None),
            ]
        );
        assert_eq!(
            errors.recovery.as_ref().unwrap().rows[0].strategy.value,
            "Suggest a suffix"
        );
    });
}

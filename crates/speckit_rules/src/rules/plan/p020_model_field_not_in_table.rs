use speckit_model::Plan;
use speckit_model::plan::TsInterface;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::names::snake_case;
use crate::rules::plan::shared::is_seed;
use crate::rules::plan::sql::{SqlTable, created_tables};

declare_rule! {
    /// ## What it checks
    /// A field of a Data Models interface with no column in the table that
    /// stores the model. The check is deliberately narrow, to stay quiet on
    /// plans that model things differently:
    ///
    /// - a model is tied to a table of Database Schema Changes only when its
    ///   snake-cased name is the table's name, singular or plural
    ///   (`ShoppingList` → `shopping_list`, `shopping_lists`);
    /// - a field matches a column by its snake-cased name or as written
    ///   (`householdId` → `household_id`), ignoring case;
    /// - optional fields (`note?: string`) and fields that hold other models
    ///   (arrays, inline objects, `Record<…>`, another interface's name) are
    ///   skipped, since they are usually computed or stored elsewhere;
    /// - tables whose SQL does not parse are skipped (P019 reports them).
    ///
    /// Only seed-template plans (plugin layout) are checked.
    ///
    /// ## Why it matters
    /// The model, the table and the API describe the same data. A field the
    /// table cannot store is either a forgotten column or a renamed field;
    /// whoever implements the plan has to guess which.
    ///
    /// ## Example
    /// ```typescript
    /// interface SavedSearch { id: string; ownerId: string; query: string; }
    /// ```
    /// with `CREATE TABLE saved_searches (id TEXT, user_id TEXT, query TEXT)`.
    /// Make the names agree: `ownerId` and `owner_id`, or `userId` and
    /// `user_id`.
    pub(crate) ModelFieldNotInTable {
        code: "P020",
        name: "model-field-not-in-table",
        summary: "A data model field has no column in the model's table",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl ModelFieldNotInTable {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let (Some(models), Some(database)) = (&plan.data_models, &plan.database) else {
            return;
        };
        let interfaces: Vec<&TsInterface<'_>> = models
            .models
            .iter()
            .flat_map(|model| &model.interfaces)
            .collect();
        if interfaces.is_empty() {
            return;
        }
        let mut tables: Vec<(SqlTable<'_>, speckit_text::Span)> = Vec::new();
        for table in &database.tables {
            let Some(code) = table.sql else {
                continue;
            };
            if let Some(created) = created_tables(code.content.value) {
                tables.extend(
                    created
                        .into_iter()
                        .map(|created| (created, table.section.heading_span)),
                );
            }
        }
        for interface in &interfaces {
            let Some((table, heading)) = table_for(&tables, interface.name.value) else {
                continue;
            };
            for member in &interface.members {
                if member.optional || holds_models(member.ty.value, &interfaces) {
                    continue;
                }
                let column = snake_case(member.name.value);
                let known = table.columns.iter().any(|name| {
                    name.eq_ignore_ascii_case(&column)
                        || name.eq_ignore_ascii_case(member.name.value)
                });
                if known {
                    continue;
                }
                drop(
                    cx.report(
                        member.name.span,
                        format!(
                            "field `{}` of model `{}` has no column in table `{}` (expected `{column}`)",
                            member.name.value, interface.name.value, table.name
                        ),
                    )
                    .label(*heading, "the model's table")
                    .help("add the column, or rename the field or the column so that they match"),
                );
            }
        }
    }
}

/// The table named like the model (snake case, singular or plural).
fn table_for<'t, 'a>(
    tables: &'t [(SqlTable<'a>, speckit_text::Span)],
    model: &str,
) -> Option<&'t (SqlTable<'a>, speckit_text::Span)> {
    let singular = snake_case(model);
    let plural_y = singular.strip_suffix('y').map(|stem| format!("{stem}ies"));
    let same = |a: Option<&str>, b: &str| a.is_some_and(|a| a.eq_ignore_ascii_case(b));
    tables.iter().find(|(table, _)| {
        let name: &str = &table.name;
        same(Some(name), &singular)
            || same(name.strip_suffix('s'), &singular)
            || same(name.strip_suffix("es"), &singular)
            || plural_y
                .as_deref()
                .is_some_and(|plural| same(Some(name), plural))
    })
}

/// True for a type that holds other models rather than a column value.
fn holds_models(ty: &str, interfaces: &[&TsInterface<'_>]) -> bool {
    let ty = ty.trim();
    if ty.contains("[]")
        || ty.starts_with("Array<")
        || ty.starts_with('{')
        || ty.starts_with("Record<")
        || ty.starts_with("Map<")
    {
        return true;
    }
    ty.split('|').map(str::trim).any(|part| {
        interfaces
            .iter()
            .any(|interface| interface.name.value == part)
    })
}

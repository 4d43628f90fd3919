//! Word lists and the per-feature topic every document of a feature talks about.
//!
//! All text here is written for this generator; nothing is copied from real
//! documents. Lists are long enough that two features rarely read alike.

use super::rng::Rng;

/// Things a feature is about; the first entity of a topic is its subject.
pub(crate) const ENTITIES: &[&str] = &[
    "Account",
    "Address",
    "Alert",
    "Approval",
    "Asset",
    "Attachment",
    "Audit Event",
    "Batch",
    "Booking",
    "Budget",
    "Campaign",
    "Carrier",
    "Category",
    "Channel",
    "Checkpoint",
    "Comment",
    "Contract",
    "Coupon",
    "Customer",
    "Delivery Slot",
    "Device",
    "Document",
    "Enrollment",
    "Export Job",
    "Invoice",
    "Ledger Entry",
    "License",
    "Location",
    "Membership",
    "Message",
    "Milestone",
    "Notification",
    "Order",
    "Payment",
    "Playlist",
    "Policy",
    "Price Rule",
    "Profile",
    "Project",
    "Quota",
    "Receipt",
    "Reminder",
    "Report",
    "Reservation",
    "Review",
    "Role",
    "Route",
    "Schedule",
    "Sensor Reading",
    "Session",
    "Shipment",
    "Subscription",
    "Survey",
    "Tag",
    "Team",
    "Ticket",
    "Timesheet",
    "Track",
    "Vendor",
    "Warehouse",
    "Webhook",
    "Workspace",
];

/// What a feature does with its subject.
pub(crate) const ACTIONS: &[&str] = &[
    "Export",
    "Bulk Import",
    "Search",
    "Approval Workflow",
    "Notifications",
    "Audit Log",
    "Sync",
    "Dashboard",
    "Scheduling",
    "Sharing",
    "Archiving",
    "Reconciliation",
    "Offline Mode",
    "Rate Limiting",
    "Tagging",
    "Versioning",
    "Reminders",
    "Self-Service Portal",
    "Analytics",
    "Onboarding",
    "Access Control",
    "Webhooks",
    "Reporting",
    "Price Calculation",
    "Tracking",
    "Deduplication",
    "Templates",
    "Bulk Editing",
];

pub(crate) const ACTORS: &[&str] = &[
    "account owner",
    "billing administrator",
    "support agent",
    "warehouse operator",
    "first-time visitor",
    "team lead",
    "auditor",
    "field technician",
    "content editor",
    "mobile user",
    "store manager",
    "integration partner",
    "on-call engineer",
    "teacher",
    "student",
    "dispatcher",
    "finance reviewer",
    "guest user",
    "project coordinator",
    "data analyst",
    "workspace administrator",
    "volunteer organiser",
];

pub(crate) const VERBS: &[&str] = &[
    "record",
    "validate",
    "list",
    "filter",
    "export",
    "archive",
    "restore",
    "assign",
    "approve",
    "reject",
    "merge",
    "import",
    "schedule",
    "cancel",
    "retry",
    "display",
    "search",
    "sort",
    "lock",
    "share",
    "duplicate",
    "rename",
    "tag",
    "summarise",
    "compare",
    "preview",
    "flag",
    "reassign",
    "pause",
    "resume",
];

pub(crate) const QUALIFIERS: &[&str] = &[
    "within two seconds",
    "without a page reload",
    "for up to 10,000 records at a time",
    "across every workspace the user belongs to",
    "using the organisation's time zone",
    "even when the network drops for a few seconds",
    "in the order they were created",
    "with a clear message when something is missing",
    "before any change is saved",
    "for at least 90 days",
    "in a single request",
    "without exposing data from other tenants",
    "while keeping the previous version available",
    "with keyboard-only navigation",
    "on screens as narrow as 360 pixels",
    "after confirming the action once",
    "in both light and dark themes",
    "with an undo option for ten seconds",
    "without blocking other users",
    "as a background job",
];

pub(crate) const BENEFITS: &[&str] = &[
    "the weekly review takes minutes instead of hours",
    "mistakes are caught before they reach customers",
    "nobody has to copy data between tools by hand",
    "the team can trust the numbers they report",
    "new colleagues become productive on their first day",
    "follow-up questions to support become rare",
    "decisions are made with current information",
    "the audit at the end of the quarter passes without surprises",
    "work is not lost when something goes wrong",
    "the busiest days no longer need extra staff",
    "customers see the same state the staff sees",
    "the process can be repeated by anyone on the team",
];

pub(crate) const STATES: &[&str] = &[
    "draft",
    "pending",
    "active",
    "suspended",
    "archived",
    "failed",
    "completed",
    "expired",
    "locked",
    "queued",
];

pub(crate) const ADJECTIVES: &[&str] = &[
    "incremental",
    "predictable",
    "observable",
    "reversible",
    "idempotent",
    "cache-friendly",
    "accessible",
    "auditable",
    "lightweight",
    "tenant-aware",
    "resumable",
    "paginated",
];

pub(crate) const PEOPLE: &[&str] = &[
    "Ana Ferreira",
    "Bilal Okafor",
    "Chen Wei",
    "Dana Kowalski",
    "Emeka Nwosu",
    "Freya Lindqvist",
    "Gabriel Moreau",
    "Hana Sato",
    "Ivan Petrov",
    "Jade Thompson",
    "Kiran Rao",
    "Lucia Romero",
    "Unassigned",
];

pub(crate) const PROJECTS: &[&str] = &[
    "Harbor",
    "Lantern",
    "Meadow",
    "Quarry",
    "Tidewater",
    "Orchard",
    "Beacon",
    "Juniper",
    "Atlas",
    "Cobalt",
];

pub(crate) const LANGUAGES: &[&str] = &[
    "TypeScript 5.4 on Node.js 20",
    "TypeScript 5.6 on Node.js 22",
    "TypeScript 5.3 with Deno 1.44",
    "TypeScript 5.5 on Bun 1.1",
];

pub(crate) const FRAMEWORKS: &[&str] = &[
    "Fastify 4, Zod, Prisma",
    "Express 4, Zod, Drizzle ORM",
    "NestJS 10, class-validator, TypeORM",
    "Hono 4, Valibot, Kysely",
    "React 18, TanStack Query, Zustand",
    "Next.js 14, React Hook Form, tRPC",
];

pub(crate) const STORAGE: &[&str] = &[
    "PostgreSQL 16",
    "PostgreSQL 15 with a read replica",
    "SQLite via better-sqlite3",
    "MySQL 8",
    "PostgreSQL 16 plus Redis 7 for short-lived state",
];

pub(crate) const TEST_TOOLS: &[&str] = &[
    "Vitest and Playwright",
    "Jest and Supertest",
    "Vitest, Testing Library and MSW",
    "node:test with c8 coverage",
];

pub(crate) const PACKAGES: &[(&str, &str)] = &[
    ("zod", "^3.23.0"),
    ("date-fns", "^3.6.0"),
    ("p-queue", "^8.0.1"),
    ("nanoid", "^5.0.7"),
    ("pino", "^9.3.2"),
    ("csv-stringify", "^6.5.0"),
    ("ky", "^1.4.0"),
    ("lru-cache", "^10.2.2"),
    ("fast-json-stable-stringify", "^2.1.0"),
    ("ioredis", "^5.4.1"),
    ("@tanstack/react-query", "^5.51.1"),
    ("clsx", "^2.1.1"),
];

/// One field of a data model: its words, its TypeScript and its SQL type.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    pub(crate) words: &'static str,
    pub(crate) ts_type: &'static str,
    pub(crate) sql_type: &'static str,
}

const FIELDS: &[Field] = &[
    field("title", "string", "VARCHAR(200) NOT NULL"),
    field("description", "string", "TEXT"),
    field("status", "string", "VARCHAR(32) NOT NULL"),
    field("amount", "number", "NUMERIC(12, 2)"),
    field("quantity", "number", "INTEGER NOT NULL DEFAULT 0"),
    field("owner id", "string", "UUID NOT NULL"),
    field("due date", "Date", "DATE"),
    field("priority", "number", "SMALLINT NOT NULL DEFAULT 3"),
    field("is active", "boolean", "BOOLEAN NOT NULL DEFAULT TRUE"),
    field("tags", "string[]", "TEXT[] NOT NULL DEFAULT '{}'"),
    field("metadata", "Record<string, unknown>", "JSONB"),
    field("currency", "string", "CHAR(3)"),
    field("contact email", "string", "VARCHAR(320)"),
    field("version", "number", "INTEGER NOT NULL DEFAULT 1"),
    field("expires at", "Date", "TIMESTAMPTZ"),
    field("external ref", "string", "VARCHAR(64)"),
    field("score", "number", "REAL"),
    field("notes", "string", "TEXT"),
    field("position", "number", "INTEGER"),
    field("region", "string", "VARCHAR(16)"),
    field("retry count", "number", "INTEGER NOT NULL DEFAULT 0"),
    field("last seen at", "Date", "TIMESTAMPTZ"),
];

const fn field(words: &'static str, ts_type: &'static str, sql_type: &'static str) -> Field {
    Field {
        words,
        ts_type,
        sql_type,
    }
}

/// A data entity of a topic with its fields.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    /// Words as in prose: `Ledger Entry`.
    pub(crate) name: &'static str,
    pub(crate) fields: Vec<Field>,
}

impl Entity {
    pub(crate) fn pascal(&self) -> String {
        pascal(self.name)
    }

    pub(crate) fn kebab(&self) -> String {
        kebab(self.name)
    }

    pub(crate) fn snake(&self) -> String {
        snake(self.name)
    }

    pub(crate) fn lower(&self) -> String {
        self.name.to_lowercase()
    }

    pub(crate) fn plural(&self) -> String {
        plural(&self.lower())
    }
}

/// What one feature is about: every document of the feature draws its
/// nouns from here so that spec, plan and tasks agree.
#[derive(Clone, Debug)]
pub(crate) struct Topic {
    /// `Shipment Tracking`.
    pub(crate) name: String,
    /// `shipment-tracking`.
    pub(crate) slug: String,
    /// The subject first, then related entities.
    pub(crate) entities: Vec<Entity>,
    pub(crate) actors: Vec<&'static str>,
    pub(crate) action: &'static str,
}

impl Topic {
    pub(crate) fn new(rng: &mut Rng) -> Topic {
        let n_entities = rng.range(4, 7);
        let names = rng.pick_distinct(ENTITIES, n_entities);
        let action = rng.pick(ACTIONS);
        let subject = names.first().copied().unwrap_or("Record");
        let name = format!("{subject} {action}");
        let entities = names
            .iter()
            .map(|&entity_name| {
                let n_fields = rng.range(4, 8);
                let mut fields = Vec::with_capacity(n_fields);
                while fields.len() < n_fields {
                    let candidate = FIELDS.get(rng.below(FIELDS.len())).copied();
                    if let Some(candidate) = candidate
                        && !fields.iter().any(|f: &Field| f.words == candidate.words)
                    {
                        fields.push(candidate);
                    }
                }
                Entity {
                    name: entity_name,
                    fields,
                }
            })
            .collect();
        Topic {
            slug: kebab(&name),
            name,
            entities,
            actors: rng.pick_distinct(ACTORS, 4),
            action,
        }
    }

    pub(crate) fn subject(&self) -> &Entity {
        static RECORD: Entity = Entity {
            name: "Record",
            fields: Vec::new(),
        };
        // `Topic::new` always makes at least four entities.
        self.entities.first().unwrap_or(&RECORD)
    }

    pub(crate) fn entity(&self, rng: &mut Rng) -> &Entity {
        self.entities
            .get(rng.below(self.entities.len()))
            .unwrap_or_else(|| self.subject())
    }

    pub(crate) fn actor(&self, rng: &mut Rng) -> &'static str {
        self.actors
            .get(rng.below(self.actors.len()))
            .copied()
            .unwrap_or("user")
    }

    /// The source folder of the feature's code: `src/shipment-tracking`.
    pub(crate) fn module(&self) -> String {
        format!("src/{}", self.slug)
    }
}

/// `ledger entry` → `LedgerEntry`; `is active` → `IsActive`.
pub(crate) fn pascal(words: &str) -> String {
    words
        .split([' ', '-'])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

/// `last seen at` → `lastSeenAt`.
pub(crate) fn camel(words: &str) -> String {
    let pascal = pascal(words);
    let mut chars = pascal.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

pub(crate) fn kebab(words: &str) -> String {
    words
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

pub(crate) fn snake(words: &str) -> String {
    kebab(words).replace('-', "_")
}

pub(crate) fn upper_snake(words: &str) -> String {
    snake(words).to_uppercase()
}

/// English plural, good enough for the word lists above.
pub(crate) fn plural(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if noun.ends_with(['s', 'x']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Upper-cases the first letter.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_conversions() {
        assert_eq!(pascal("ledger entry"), "LedgerEntry");
        assert_eq!(camel("last seen at"), "lastSeenAt");
        assert_eq!(kebab("Self-Service Portal"), "self-service-portal");
        assert_eq!(snake("Audit Event"), "audit_event");
        assert_eq!(upper_snake("not found"), "NOT_FOUND");
        assert_eq!(plural("category"), "categories");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("batch"), "batches");
        assert_eq!(plural("alert"), "alerts");
        assert_eq!(capitalise("team lead"), "Team lead");
    }
}

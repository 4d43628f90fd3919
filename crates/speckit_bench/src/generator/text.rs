//! Building blocks of generated prose: an output buffer, dates and sentences.

use std::fmt::{self, Write as _};

use super::rng::Rng;
use super::words::{
    ADJECTIVES, BENEFITS, Entity, QUALIFIERS, STATES, Topic, VERBS, capitalise, plural,
};

/// A document being written, line by line.
#[derive(Debug, Default)]
pub(crate) struct Out {
    text: String,
}

impl Out {
    pub(crate) fn with_capacity(capacity: usize) -> Out {
        Out {
            text: String::with_capacity(capacity),
        }
    }

    /// Appends one formatted line and its newline.
    pub(crate) fn line(&mut self, args: fmt::Arguments<'_>) {
        // Writing into a `String` cannot fail.
        let _ = self.text.write_fmt(args);
        self.text.push('\n');
    }

    pub(crate) fn blank(&mut self) {
        self.text.push('\n');
    }

    pub(crate) fn push_out(&mut self, other: &Out) {
        self.text.push_str(&other.text);
    }

    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    pub(crate) fn into_string(self) -> String {
        self.text
    }
}

/// `w!(out)` writes a blank line; `w!(out, "fmt", args…)` writes one line.
macro_rules! w {
    ($out:expr) => {
        $out.blank()
    };
    ($out:expr, $($arg:tt)*) => {
        $out.line(format_args!($($arg)*))
    };
}
pub(crate) use w;

/// A calendar date; days stop at 28 so every month is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub(crate) fn random(rng: &mut Rng) -> Date {
        Date {
            year: 2025 + rng.below(2) as u16,
            month: rng.range(1, 12) as u8,
            day: rng.range(1, 28) as u8,
        }
    }

    /// A date up to `max_days` later (never earlier).
    pub(crate) fn later(self, rng: &mut Rng, max_days: usize) -> Date {
        let mut date = self;
        for _ in 0..rng.below(max_days + 1) {
            date.day += 1;
            if date.day > 28 {
                date.day = 1;
                date.month += 1;
                if date.month > 12 {
                    date.month = 1;
                    date.year += 1;
                }
            }
        }
        date
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `an` or `a` for the word that follows.
pub(crate) fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// `verb the entities qualifier`: the core of goals, requirements and tasks.
pub(crate) fn capability(rng: &mut Rng, topic: &Topic) -> String {
    let verb = rng.pick(VERBS);
    let entity = topic.entity(rng);
    let qualifier = rng.pick(QUALIFIERS);
    format!("{verb} {} {qualifier}", entity.plural())
}

pub(crate) fn benefit(rng: &mut Rng) -> &'static str {
    rng.pick(BENEFITS)
}

/// One sentence of general prose about the topic.
pub(crate) fn sentence(rng: &mut Rng, topic: &Topic) -> String {
    let entity = topic.entity(rng).lower();
    let other = topic.entity(rng);
    let others = other.plural();
    let actor = topic.actor(rng);
    let adjective = rng.pick(ADJECTIVES);
    let verb = rng.pick(VERBS);
    let state = rng.pick(STATES);
    let action = topic.action.to_lowercase();
    match rng.below(14) {
        0 => format!(
            "The {entity} list is where most {} start, so it has to stay {adjective} as the data grows.",
            plural(actor)
        ),
        1 => format!(
            "Each {entity} keeps a history of who changed it and when, and the {actor} can open it from the detail view."
        ),
        2 => format!(
            "When {} {entity} moves to {state}, the related {others} are updated in the same transaction.",
            article(&entity)
        ),
        3 => format!(
            "The first release stays {adjective}; the ability to {verb} {others} is left for a later iteration."
        ),
        4 => format!(
            "Today the {actor} has to {verb} {} by hand, which is slow and easy to get wrong.",
            plural(&entity)
        ),
        5 => format!(
            "The {action} flow reuses the existing {} permissions instead of adding new roles.",
            other.lower()
        ),
        6 => format!(
            "Totals on the summary card come from the same query as the {action} view, so the two always match."
        ),
        7 => format!(
            "Failures are reported next to the affected {entity} rather than in a banner at the top of the page."
        ),
        8 => format!(
            "{} {entity} belongs to at most one {} at a time; moving it keeps its identifier.",
            capitalise(article(&entity)),
            other.lower()
        ),
        9 => format!(
            "Large batches are handled in pages of {} so that one slow {entity} cannot hold up the rest.",
            rng.pick(&["50", "100", "200", "250", "500"])
        ),
        10 => format!(
            "Times are stored in UTC and shown in the time zone of the {actor} who is looking at them."
        ),
        11 => format!(
            "We prefer {adjective} behaviour over raw speed here, because support time costs more than servers."
        ),
        12 => format!(
            "{} {state} {entity} stays visible to the {actor} but can no longer be edited until someone reopens it.",
            capitalise(article(state))
        ),
        _ => format!(
            "The {actor} should be able to {} without asking an administrator for help.",
            capability(rng, topic)
        ),
    }
}

/// Between `min` and `max` sentences joined into one paragraph.
pub(crate) fn paragraph(rng: &mut Rng, topic: &Topic, min: usize, max: usize) -> String {
    let count = rng.range(min, max);
    let sentences: Vec<String> = (0..count).map(|_| sentence(rng, topic)).collect();
    sentences.join(" ")
}

/// A short noun phrase naming a piece of work: `Paginated invoice search`.
pub(crate) fn work_title(rng: &mut Rng, topic: &Topic) -> String {
    let entity = topic.entity(rng);
    match rng.below(6) {
        0 => format!(
            "{} {} {}",
            capitalise(rng.pick(ADJECTIVES)),
            entity.lower(),
            "listing"
        ),
        1 => format!(
            "{} {} validation",
            capitalise(&entity.lower()),
            rng.pick(&["input", "state", "schema"])
        ),
        2 => format!("{} for {}", capitalise(rng.pick(VERBS)), entity.plural()),
        3 => format!("{} history and audit trail", entity.name),
        4 => format!("{} {} rules", entity.name, rng.pick(STATES)),
        _ => format!(
            "{} {} integration",
            entity.name,
            topic.action.to_lowercase()
        ),
    }
}

/// A requirement statement without its ID: `System MUST …`.
pub(crate) fn requirement(rng: &mut Rng, topic: &Topic) -> String {
    let entity = topic.entity(rng);
    match rng.below(5) {
        0 => format!("System MUST {}.", capability(rng, topic)),
        1 => format!("Users MUST be able to {}.", capability(rng, topic)),
        2 => format!(
            "System MUST reject {} {} whose {} is missing and explain which field needs attention.",
            article(&entity.lower()),
            entity.lower(),
            field_words(rng, entity)
        ),
        3 => format!(
            "System MUST keep every change to {} {} for audit, including the previous {}.",
            article(&entity.lower()),
            entity.lower(),
            field_words(rng, entity)
        ),
        _ => format!(
            "System MUST notify the {} when {} {} becomes {}.",
            topic.actor(rng),
            article(&entity.lower()),
            entity.lower(),
            rng.pick(STATES)
        ),
    }
}

pub(crate) fn field_words(rng: &mut Rng, entity: &Entity) -> &'static str {
    entity
        .fields
        .get(rng.below(entity.fields.len()))
        .map_or("status", |field| field.words)
}

/// `(given, when, then)` of one acceptance scenario.
pub(crate) fn scenario(rng: &mut Rng, topic: &Topic) -> (String, String, String) {
    let entity = topic.entity(rng);
    let actor = topic.actor(rng);
    let state = rng.pick(STATES);
    let given = match rng.below(4) {
        0 => format!(
            "the {actor} is signed in and owns {} {state} {}",
            article(state),
            entity.lower()
        ),
        1 => format!("{} {} already exist", rng.range(2, 400), entity.plural()),
        2 => format!("the {actor} has opened the {} page", entity.lower()),
        _ => format!(
            "{} {} was changed by someone else a moment ago",
            article(&entity.lower()),
            entity.lower()
        ),
    };
    let when = match rng.below(4) {
        0 => format!("they {}", capability(rng, topic)),
        1 => format!("they change the {} and save", field_words(rng, entity)),
        2 => format!("the nightly job runs for {}", entity.plural()),
        _ => format!("they {} the {}", rng.pick(VERBS), entity.lower()),
    };
    let then = match rng.below(4) {
        0 => format!(
            "the {} shows as {} {}",
            entity.lower(),
            rng.pick(STATES),
            rng.pick(QUALIFIERS)
        ),
        1 => "the change is visible to every member of the team".to_string(),
        2 => format!(
            "a message explains why the {} could not be saved",
            entity.lower()
        ),
        _ => format!(
            "the list of {} is updated and the count matches",
            entity.plural()
        ),
    };
    (given, when, then)
}

/// A question about an unusual situation.
pub(crate) fn edge_case(rng: &mut Rng, topic: &Topic) -> String {
    let entity = topic.entity(rng);
    let other = topic.entity(rng);
    match rng.below(6) {
        0 => format!(
            "What happens when {} {} is {} while the {} is editing it?",
            article(&entity.lower()),
            entity.lower(),
            rng.pick(STATES),
            topic.actor(rng)
        ),
        1 => format!(
            "How does the system handle {} {} arriving in the same second?",
            rng.range(2, 5000),
            entity.plural()
        ),
        2 => format!(
            "What if {} {} points to {} {} that was deleted?",
            article(&entity.lower()),
            entity.lower(),
            article(&other.lower()),
            other.lower()
        ),
        3 => format!(
            "What happens when the {} job stops halfway through a batch?",
            topic.action.to_lowercase()
        ),
        4 => format!(
            "How is the {} shown when it contains more than {} characters?",
            field_words(rng, entity),
            rng.pick(&["200", "1,000", "64", "4,096"])
        ),
        _ => format!(
            "What does the {} see if they lose access to the {} while it is open?",
            topic.actor(rng),
            other.lower()
        ),
    }
}

/// A measurable outcome without its ID.
pub(crate) fn outcome(rng: &mut Rng, topic: &Topic) -> String {
    let entity = topic.entity(rng);
    match rng.below(5) {
        0 => format!(
            "{}% of {} complete the {} flow in under {} minutes on their first attempt.",
            rng.range(80, 99),
            plural(topic.actor(rng)),
            topic.action.to_lowercase(),
            rng.range(2, 10)
        ),
        1 => format!(
            "New {} appear in search results within {} seconds of being saved.",
            entity.plural(),
            rng.range(1, 30)
        ),
        2 => format!(
            "Support requests about {} drop by {}% within the first quarter after launch.",
            entity.plural(),
            rng.range(20, 70)
        ),
        3 => format!(
            "The {} page shows {} {} in under {} ms at the 95th percentile.",
            entity.lower(),
            rng.pick(&["100", "1,000", "5,000", "20,000"]),
            entity.plural(),
            rng.pick(&["300", "500", "800", "1,200"])
        ),
        _ => format!(
            "No {} is lost or duplicated across {} consecutive days of normal use.",
            entity.lower(),
            rng.range(7, 90)
        ),
    }
}

/// A plain statement taken for granted.
pub(crate) fn assumption(rng: &mut Rng, topic: &Topic) -> String {
    let entity = topic.entity(rng);
    match rng.below(5) {
        0 => format!(
            "{} are already identified by a stable ID in the existing system.",
            capitalise(&entity.plural())
        ),
        1 => format!(
            "The {} uses a current desktop or mobile browser.",
            topic.actor(rng)
        ),
        2 => format!(
            "Volumes stay below {} {} per workspace for the first year.",
            rng.pick(&["50,000", "200,000", "1 million", "10,000"]),
            entity.plural()
        ),
        3 => format!(
            "Existing single sign-on covers every {} who needs the {} feature.",
            topic.actor(rng),
            topic.action.to_lowercase()
        ),
        _ => format!(
            "Retention rules for {} follow the organisation's current data policy.",
            entity.plural()
        ),
    }
}

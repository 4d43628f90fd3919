use speckit_model::{Spec, Text};

use crate::rule::{RuleContext, declare_rule};
use crate::rules::common::{PlaceholderKind, may_hold_slot, placeholders, sentence_slots};

declare_rule! {
    /// ## What it checks
    /// Template text left in a spec: spec-kit slots (`[FEATURE NAME]`,
    /// `[DATE]`, `` `[###-feature-name]` ``, `"$ARGUMENTS"`, `[Brief Title]`,
    /// `[initial state]`, `[Entity 1]`, `[e.g., …]`), plugin slots
    /// (`{Feature Name}`, `{Your Name}`, `YYYY-MM-DD`, `[user type]`,
    /// `[goal]`, `[benefit]`). Header fields, stories, scenarios, edge
    /// cases, requirements, entities, assumptions, metrics, risks and the
    /// plugin's overview are read; inline code and links are not slots,
    /// `YYYY-MM-DD` counts only in the header (elsewhere it names a format),
    /// `{…}` only in plugin specs, and slots inside quotes are quoted text.
    ///
    /// ## Why it matters
    /// A slot means the spec was generated but never finished. An agent
    /// planning from it will invent whatever the slot stands for.
    ///
    /// ## Example
    /// ```markdown
    /// **Author**: {Your Name}
    /// **As a** [user type]
    /// ```
    /// Use instead:
    /// ```markdown
    /// **Author**: Priya Raman
    /// **As a** household member who does the weekly shop
    /// ```
    pub(crate) SpecPlaceholder {
        code: "R015",
        name: "spec-placeholder",
        summary: "Template placeholder text is left in the spec",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl SpecPlaceholder {
    fn run<'a>(&self, spec: &Spec<'a>, cx: &mut RuleContext<'_>) {
        let mut found: Vec<Text<'a>> = Vec::new();
        let curly = !super::is_speckit(spec);
        // The template's branch slot sits in inline code, which `scan` skips.
        if let Some(branch) = spec.branch()
            && let Some(at) = branch.value.value.find("[###-")
        {
            let rest = branch.value.value.get(at..).unwrap_or("");
            let len = rest.find(']').map_or(rest.len(), |close| close + 1);
            let slot = rest.get(..len).unwrap_or(rest);
            found.push(Text::new(slot, branch.value.span.subspan(at..at + len)));
        }
        for text in spec
            .title
            .into_iter()
            .chain(spec.metadata.iter().map(|field| field.value))
        {
            if may_hold_slot(text.value) {
                scan_text(text, true, curly, &mut found);
            }
        }
        let mut scan = |text: Text<'a>| {
            if may_hold_slot(text.value) {
                scan_text(text, false, curly, &mut found);
            }
        };
        for story in &spec.stories {
            scan(story.heading);
            story.narrative.into_iter().for_each(&mut scan);
            story
                .fields
                .iter()
                .map(|field| field.value)
                .for_each(&mut scan);
            [story.as_a, story.i_want, story.so_that]
                .into_iter()
                .flatten()
                .for_each(&mut scan);
            story
                .scenarios
                .iter()
                .map(|scenario| scenario.text)
                .for_each(&mut scan);
            story
                .acceptance_criteria
                .iter()
                .map(|item| item.text)
                .for_each(&mut scan);
        }
        spec.primary_story.into_iter().for_each(&mut scan);
        spec.scenarios
            .iter()
            .map(|scenario| scenario.text)
            .for_each(&mut scan);
        spec.edge_cases.iter().copied().for_each(&mut scan);
        for requirement in &spec.requirements {
            scan(requirement.text);
            requirement
                .fields
                .iter()
                .map(|field| field.value)
                .for_each(&mut scan);
        }
        for entity in &spec.entities {
            entity.name.into_iter().for_each(&mut scan);
            scan(entity.description);
            entity.details.iter().copied().for_each(&mut scan);
        }
        spec.assumptions.iter().copied().for_each(&mut scan);
        if let Some(overview) = &spec.overview {
            [overview.problem_statement, overview.proposed_solution]
                .into_iter()
                .flatten()
                .for_each(&mut scan);
            overview.goals.iter().copied().for_each(&mut scan);
            overview.non_goals.iter().copied().for_each(&mut scan);
        }
        for metric in &spec.success_metrics {
            scan(metric.name);
            metric
                .fields
                .iter()
                .map(|field| field.value)
                .for_each(&mut scan);
        }
        for risk in &spec.risks {
            risk.cells.iter().copied().for_each(&mut scan);
        }
        spec.open_questions
            .iter()
            .map(|question| question.text)
            .for_each(&mut scan);
        spec.out_of_scope.iter().copied().for_each(&mut scan);
        // A text can be read twice (a story field that is also its
        // narrative); report each slot once.
        found.sort_by_key(|slot| slot.span);
        found.dedup_by_key(|slot| slot.span);
        for slot in found {
            drop(
                cx.report(slot.span, format!("`{}` is template text", slot.value))
                    .help("replace it with what the spec should say, or delete it"),
            );
        }
    }
}

/// Collects the slots of `text`. `YYYY-MM-DD` is a slot only in the header,
/// where dates go; in prose it names a format. Curly slots belong to the
/// plugin's templates (`curly`); in a spec-kit spec `{Brand}` is a set or a
/// format. Slots inside quotes are quoted text (`"[FEATURE] Add a
/// provider"`, an issue title), except the template's own `"$ARGUMENTS"`.
fn scan_text<'a>(text: Text<'a>, in_header: bool, curly: bool, found: &mut Vec<Text<'a>>) {
    for placeholder in placeholders(text) {
        let offset = placeholder.text.span.start.saturating_sub(text.span.start) as usize;
        let keep = match placeholder.kind {
            PlaceholderKind::Token => true,
            PlaceholderKind::Curly if !curly => false,
            PlaceholderKind::Date if !in_header => false,
            PlaceholderKind::Date | PlaceholderKind::Bracket | PlaceholderKind::Curly => {
                !inside_quotes(text.value, offset)
            }
        };
        if keep {
            found.push(placeholder.text);
        }
    }
    found.extend(sentence_slots(text));
}

/// Whether byte `offset` of `text` lies between an opening and a closing quote.
fn inside_quotes(text: &str, offset: usize) -> bool {
    let before = text.get(..offset).unwrap_or("");
    let straight = before.matches('"').count();
    let curly = before.matches('“').count() > before.matches('”').count();
    straight % 2 == 1 || curly
}

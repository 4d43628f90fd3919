//! The consistency score.
//!
//! Every rule records each item it evaluated (one requirement, one task,
//! one plan file…) with a weight for its severity: 5 for an error
//! (critical), 2 for a warning, 1 for an info (suggestion). A finding fails
//! its item and counts the weight of its own severity. Then
//!
//! ```text
//! score = round(100 × (1 − failed weight / evaluated weight))   (100 when nothing was evaluated)
//! score = min(score, 79)   when the feature has a critical finding
//! score = min(score, 99)   when it has a warning
//! ```
//!
//! The ratio keeps small and large features comparable; the caps keep a
//! feature with a critical finding out of "Good" and reserve 100 for a
//! feature with no critical or warning finding. The workspace score is the
//! lowest feature score (the mean is reported next to it).

use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::{Diagnostic, Severity};
use speckit_rules::analysis::weight;

/// The score of one feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Score {
    /// 0–100.
    pub value: u8,
    pub band: Band,
    pub evaluated_weight: u64,
    pub failed_weight: u64,
    pub critical: usize,
    pub warning: usize,
    pub suggestion: usize,
}

/// The plugin's four bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// 100.
    Ideal,
    /// 80–99.
    Good,
    /// 60–79.
    NeedsWork,
    /// Below 60.
    NeedsRework,
}

impl Band {
    pub const fn of(value: u8) -> Band {
        match value {
            100.. => Band::Ideal,
            80..=99 => Band::Good,
            60..=79 => Band::NeedsWork,
            _ => Band::NeedsRework,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Band::Ideal => "Ideal",
            Band::Good => "Good",
            Band::NeedsWork => "Needs Work",
            Band::NeedsRework => "Needs Rework",
        }
    }
}

impl Score {
    /// Scores `evaluated_weight` against the weights of `findings`.
    pub fn new<'d>(evaluated_weight: u64, findings: impl Iterator<Item = &'d Diagnostic>) -> Score {
        let (mut critical, mut warning, mut suggestion) = (0, 0, 0);
        let mut failed_weight = 0;
        for finding in findings {
            failed_weight += weight(finding.severity);
            match finding.severity {
                Severity::Error => critical += 1,
                Severity::Warning => warning += 1,
                Severity::Info => suggestion += 1,
            }
        }
        let evaluated_weight = evaluated_weight.max(failed_weight);
        let mut value = if evaluated_weight == 0 {
            100
        } else {
            // Integer rounding of 100 × (1 − failed / evaluated).
            let passed = evaluated_weight - failed_weight;
            u8::try_from((200 * passed + evaluated_weight) / (2 * evaluated_weight)).unwrap_or(100)
        };
        if critical > 0 {
            value = value.min(79);
        }
        if warning > 0 {
            value = value.min(99);
        }
        Score {
            value,
            band: Band::of(value),
            evaluated_weight,
            failed_weight,
            critical,
            warning,
            suggestion,
        }
    }
}

/// The workspace score: the lowest feature score and the mean.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Overall {
    pub value: u8,
    pub band: Band,
    /// Mean of the feature scores, one decimal.
    pub mean: f64,
}

impl Overall {
    pub fn of(scores: &[Score]) -> Overall {
        let value = scores.iter().map(|score| score.value).min().unwrap_or(100);
        #[allow(clippy::cast_precision_loss, reason = "feature counts are small")]
        let mean = if scores.is_empty() {
            100.0
        } else {
            let sum: u64 = scores.iter().map(|score| u64::from(score.value)).sum();
            (sum as f64 / scores.len() as f64 * 10.0).round() / 10.0
        };
        Overall {
            value,
            band: Band::of(value),
            mean,
        }
    }
}

#[cfg(test)]
mod tests {
    use speckit_diagnostics::FileId;
    use speckit_text::Span;

    use super::*;

    fn finding(severity: Severity) -> Diagnostic {
        Diagnostic::new("X004", severity, FileId(0), Span::empty(0), "m")
    }

    #[test]
    fn nothing_evaluated_is_ideal() {
        let score = Score::new(0, std::iter::empty());
        assert_eq!((score.value, score.band), (100, Band::Ideal));
    }

    #[test]
    fn ratio_rounds_and_caps_apply() {
        // 1 warning failed out of 50 weight: 96.
        let warnings = [finding(Severity::Warning)];
        assert_eq!(Score::new(50, warnings.iter()).value, 96);
        // A single suggestion in a large feature still rounds to 100: no cap.
        let suggestions = [finding(Severity::Info)];
        assert_eq!(Score::new(1000, suggestions.iter()).value, 100);
        // A warning never leaves 100.
        assert_eq!(Score::new(1000, warnings.iter()).value, 99);
        // A critical caps at 79 even when the ratio is high.
        let critical = [finding(Severity::Error)];
        let score = Score::new(1000, critical.iter());
        assert_eq!((score.value, score.band), (79, Band::NeedsWork));
        // Failed weight beyond the evaluated weight floors at 0.
        let many: Vec<Diagnostic> = (0..10).map(|_| finding(Severity::Error)).collect();
        assert_eq!(Score::new(5, many.iter()).value, 0);
    }

    #[test]
    fn bands_have_the_documented_edges() {
        assert_eq!(Band::of(100), Band::Ideal);
        assert_eq!(Band::of(99), Band::Good);
        assert_eq!(Band::of(80), Band::Good);
        assert_eq!(Band::of(79), Band::NeedsWork);
        assert_eq!(Band::of(60), Band::NeedsWork);
        assert_eq!(Band::of(59), Band::NeedsRework);
    }

    #[test]
    fn overall_is_the_minimum_with_the_mean() {
        let scores = [
            Score::new(10, std::iter::empty()),
            Score::new(10, [finding(Severity::Warning)].iter()),
        ];
        let overall = Overall::of(&scores);
        assert_eq!(overall.value, 80);
        assert!((overall.mean - 90.0).abs() < 1e-9);
    }
}

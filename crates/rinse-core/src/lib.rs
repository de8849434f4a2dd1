//! The rinse cleaning engine.
//!
//! [`clean`] runs the rules a [`Config`] picks over a text and returns the
//! cleaned text with the [`Edit`]s that produced it: each edit is a byte range
//! of the original, its replacement, the rule that made it and why. Applying
//! the edits to the original gives the cleaned text, so every change can be
//! shown, explained and rejected.

pub mod config;
pub mod custom;
pub mod edit;
pub mod html;
pub mod input;
pub mod jsonl;
pub mod phrases;
pub mod stats;
pub mod rule;
pub mod rules;
pub mod text;

use std::collections::BTreeMap;

pub use config::{Config, ConfigError, Plan};
pub use edit::{apply, apply_except, Edit, EditKind};
pub use input::{decode, DecodeError, Format};
pub use rule::{Group, Preset, Rule, RuleInfo};
pub use stats::Stats;

use edit::{apply_changes, compose, tidy_changes};

/// The result of cleaning one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    /// Sorted, disjoint edits against the original.
    pub edits: Vec<Edit>,
    /// How many changes each rule made (rules that made none are absent).
    pub counts: BTreeMap<&'static str, usize>,
}

/// Most passes of the whole plan; real text settles in two.
const MAX_PASSES: usize = 4;

/// Cleans `original` with the rules of `plan`, in order.
///
/// Removing a line can bring together lines that a rule earlier in the plan
/// would now remove (a duplicate between two share buttons, say), so the
/// plan runs again over its own output until a pass changes nothing: the
/// result is a fixed point, and cleaning it again changes nothing.
pub fn clean(original: &str, plan: &Plan) -> Cleaned {
    let mut current = original.to_string();
    let mut edits = Vec::new();
    let mut counts = BTreeMap::new();
    for _ in 0..MAX_PASSES {
        let mut changed = false;
        for step in &plan.steps {
            let id = step.id();
            let mut changes = step.apply(&current);
            tidy_changes(&current, &mut changes);
            if changes.is_empty() {
                continue;
            }
            changed = true;
            *counts.entry(id).or_default() += changes.len();
            let next = apply_changes(&current, &changes);
            edits = compose(&current, edits, changes, id);
            current = next;
        }
        if !changed {
            break;
        }
    }
    Cleaned { text: current, edits, counts }
}

/// Cleans `original` under `config`.
pub fn clean_with(original: &str, config: &Config) -> Result<Cleaned, ConfigError> {
    Ok(clean(original, &config.plan()?))
}

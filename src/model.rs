//! The page's state and what is derived from it.

use std::collections::BTreeSet;

use leptos::prelude::*;
use rinse_core::{apply_except, clean_input, Cleaned, CleanedInput, Config, Edit, Format, Stats};

use crate::settings;

/// One cleaning of the input: the text the diff calls "before", the result
/// and its figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The input as cleaned: the text itself, or a page's visible text.
    pub before: String,
    pub format: Format,
    pub cleaned: Cleaned,
    pub stats: Stats,
    pub millis: f64,
    /// Why the settings could not be used; the result is then the last good one.
    pub error: Option<String>,
}

/// A change the user turned down, known by what it does where, so that it
/// stays turned down while the text around it is edited.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ChangeKey {
    start: usize,
    end: usize,
    rule: String,
    replacement: String,
}

impl ChangeKey {
    pub fn of(edit: &Edit) -> ChangeKey {
        ChangeKey { start: edit.start, end: edit.end, rule: edit.rule.to_string(), replacement: edit.replacement.clone() }
    }
}

/// What the user controls, and the cleaning derived from it.
#[derive(Clone, Copy)]
pub struct Session {
    pub input: RwSignal<String>,
    pub config: RwSignal<Config>,
    pub outcome: Memo<Outcome>,
    /// Changes the user rejected: the output keeps the original text there.
    pub rejected: RwSignal<BTreeSet<ChangeKey>>,
    /// The cleaned text with the rejected changes undone.
    pub output: Memo<String>,
}

impl Session {
    pub fn new() -> Session {
        let input = RwSignal::new(String::new());
        let config = RwSignal::new(settings::initial());
        let outcome = Memo::new(move |last: Option<&Outcome>| {
            input.with(|text| config.with(|config| run(text, config, last)))
        });
        let rejected = RwSignal::new(BTreeSet::new());
        let output = Memo::new(move |_| {
            outcome.with(|o| {
                rejected.with(|rejected| {
                    if rejected.is_empty() {
                        return o.cleaned.text.clone();
                    }
                    let edits = &o.cleaned.edits;
                    apply_except(&o.before, edits, |i| rejected.contains(&ChangeKey::of(&edits[i])))
                })
            })
        });
        // Settings outlive the tab; the text never leaves it.
        Effect::new(move |_| config.with(settings::save));
        Session { input, config, outcome, rejected, output }
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// Rejects the change if it stands, restores it if it was rejected.
pub fn toggle_rejected(rejected: RwSignal<BTreeSet<ChangeKey>>, key: ChangeKey) {
    rejected.update(|set| {
        if !set.remove(&key) {
            set.insert(key);
        }
    });
}

fn run(input: &str, config: &Config, last: Option<&Outcome>) -> Outcome {
    let started = now();
    let plan = match config.plan() {
        Ok(plan) => plan,
        Err(error) => {
            let last = last.cloned().unwrap_or_default();
            return Outcome { error: Some(error.to_string()), ..last };
        }
    };
    let CleanedInput { format, before, cleaned } = clean_input(input, Format::Auto, &plan);
    let stats = Stats::new(&before, &cleaned.text, cleaned.edits.len());
    Outcome { before, format, cleaned, stats, millis: now() - started, error: None }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

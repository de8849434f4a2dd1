//! The page's state and what is derived from it.

use std::collections::BTreeSet;

use leptos::prelude::*;
use rinse_core::{apply_except, Cleaned, Config, Edit, Format, Stats};

use crate::job::Job;
use crate::settings;
use crate::worker::Cleaner;

/// Inputs at least this long are cleaned in the web worker; shorter ones
/// here, at once: below it cleaning takes well under 100 ms, less than the
/// round trip to the worker adds (measured with `npm run bench --prefix e2e`).
const WORKER_MIN_BYTES: usize = 256 * 1024;

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
    /// A paste that came with a page's markup beside its plain text: the
    /// input is read as a page while it is that markup.
    pub pasted: RwSignal<Option<Pasted>>,
    pub config: RwSignal<Config>,
    pub outcome: RwSignal<Outcome>,
    /// Whether the worker is cleaning a newer input than the outcome's.
    pub busy: RwSignal<bool>,
    /// Changes the user rejected: the output keeps the original text there.
    pub rejected: RwSignal<BTreeSet<ChangeKey>>,
    /// The cleaned text with the rejected changes undone.
    pub output: Memo<String>,
}

impl Session {
    pub fn new() -> Session {
        let input = RwSignal::new(String::new());
        let pasted = RwSignal::new(None::<Pasted>);
        let config = RwSignal::new(settings::initial());
        let outcome = RwSignal::new(Outcome::default());
        let busy = RwSignal::new(false);
        let cleaner = Cleaner::new(outcome, busy);
        // The cleaning follows the input and the settings; large inputs go to
        // the worker (the world outside this thread), small ones are done here.
        Effect::new(move |_| {
            let format = pasted.with(|p| p.as_ref().map_or(Format::Auto, Pasted::format));
            input.with(|text| {
                config.with(|config| {
                    let job = Job { input: text.clone(), config: config.clone(), format };
                    if text.len() < WORKER_MIN_BYTES || config.plan().is_err() {
                        cleaner.clean_here(&job);
                    } else {
                        cleaner.submit_soon(job);
                    }
                })
            })
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
        Session { input, pasted, config, outcome, busy, rejected, output }
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// Both forms of a paste from a browser, and which one is cleaned.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    pub html: String,
    pub plain: String,
    pub using_html: bool,
}

impl Pasted {
    /// The form in use.
    pub fn text(&self) -> &str {
        if self.using_html {
            &self.html
        } else {
            &self.plain
        }
    }

    /// How the form in use is read: markup as a page, even a fragment too short to tell.
    pub fn format(&self) -> Format {
        if self.using_html {
            Format::Html
        } else {
            Format::Auto
        }
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

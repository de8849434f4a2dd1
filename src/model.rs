//! The page's state and what is derived from it.

use leptos::prelude::*;
use rinse_core::{clean_input, Cleaned, CleanedInput, Config, Format, Stats};

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
    /// Why nothing could be cleaned, if so.
    pub error: Option<String>,
}

/// What the user controls, and the cleaning derived from it.
#[derive(Clone, Copy)]
pub struct Session {
    pub input: RwSignal<String>,
    pub config: RwSignal<Config>,
    pub outcome: Memo<Outcome>,
}

impl Session {
    pub fn new() -> Session {
        let input = RwSignal::new(String::new());
        let config = RwSignal::new(Config::default());
        let outcome = Memo::new(move |_| input.with(|text| config.with(|config| run(text, config))));
        Session { input, config, outcome }
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

fn run(input: &str, config: &Config) -> Outcome {
    let started = now();
    let plan = match config.plan() {
        Ok(plan) => plan,
        Err(error) => return Outcome { error: Some(error.to_string()), ..Outcome::default() },
    };
    let CleanedInput { format, before, cleaned } = clean_input(input, Format::Auto, &plan);
    let stats = Stats::new(&before, &cleaned.text, cleaned.edits.len());
    Outcome { before, format, cleaned, stats, millis: now() - started, error: None }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

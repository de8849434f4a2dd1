//! One cleaning of the page's input, the same whether it runs on the page's
//! own thread (small inputs) or in the web worker (large ones), and how its
//! result crosses between the two.

use std::collections::BTreeMap;

use rinse_core::custom::CUSTOM_ID;
use rinse_core::html::KindFound;
use rinse_core::rules::find;
use rinse_core::{clean_input, Cleaned, CleanedInput, Config, Edit, Format, Signals, Stats};
use serde::{Deserialize, Serialize};

use crate::model::Outcome;

/// What to clean, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub input: String,
    pub config: Config,
    /// `Auto`, or `Html` for a page's markup pasted from a browser, which
    /// is read as a page even when too short to tell.
    pub format: Format,
}

/// Cleans `input` under `config`; `now` times it.
pub fn run(input: &str, config: &Config, format: Format, now: impl Fn() -> f64) -> Result<Outcome, String> {
    let started = now();
    let plan = config.plan().map_err(|e| e.to_string())?;
    let CleanedInput { format, before, cleaned } = clean_input(input, format, &plan);
    let stats = Stats::new(&before, &cleaned.text, cleaned.edits.len());
    Ok(Outcome { before: before.into_owned(), format, cleaned, stats, millis: now() - started, error: None })
}

/// An outcome without its texts, which travel as strings of their own
/// (cheap to pass between threads; JSON would escape megabytes).
#[derive(Serialize, Deserialize)]
pub struct Summary {
    pub format: Format,
    pub edits: Vec<Edit>,
    pub counts: Vec<(String, usize)>,
    pub signals: Option<Signals>,
    pub stats: Stats,
    pub millis: f64,
    /// How the input was read, when not as usual ([`Cleaned::note`]).
    pub note: Option<String>,
    /// A page's kind, set by hand or as it says ([`Cleaned::kind`]).
    pub kind: Option<KindFound>,
}

impl Summary {
    pub fn of(outcome: &Outcome) -> Summary {
        Summary {
            format: outcome.format,
            edits: outcome.cleaned.edits.clone(),
            counts: outcome.cleaned.counts.iter().map(|(id, n)| (id.to_string(), *n)).collect(),
            signals: outcome.cleaned.signals.clone(),
            stats: outcome.stats,
            millis: outcome.millis,
            note: outcome.cleaned.note.clone(),
            kind: outcome.cleaned.kind.clone(),
        }
    }

    /// The outcome again, given its texts.
    pub fn into_outcome(self, before: String, cleaned: String) -> Outcome {
        let counts: BTreeMap<&'static str, usize> = self.counts.into_iter().filter_map(|(id, n)| rule_id(&id).map(|id| (id, n))).collect();
        Outcome {
            before,
            format: self.format,
            cleaned: Cleaned {
                text: cleaned,
                edits: self.edits,
                counts,
                signals: self.signals,
                timings: None,
                note: self.note,
                kind: self.kind,
            },
            stats: self.stats,
            millis: self.millis,
            error: None,
        }
    }
}

/// The registry's own id for `id`.
fn rule_id(id: &str) -> Option<&'static str> {
    if id == CUSTOM_ID {
        return Some(CUSTOM_ID);
    }
    find(id).map(|rule| rule.info().id)
}

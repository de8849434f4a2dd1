use leptos::prelude::*;

use rinse_core::Format;

use crate::model::Outcome;

/// The corpus filters' verdict, when the settings ask for it (the corpus preset).
fn verdict(o: &Outcome) -> String {
    match &o.cleaned.signals {
        Some(signals) if signals.keep => " · corpus verdict: keep".to_string(),
        Some(signals) => format!(" · corpus verdict: drop ({})", signals.reasons.join("; ")),
        None => String::new(),
    }
}

/// Before-and-after figures for the current text.
#[component]
pub fn StatsBar(outcome: ReadSignal<Outcome>) -> impl IntoView {
    let line = move || {
        outcome.with(|o| {
            let s = &o.stats;
            // For page source, "before" is the page's visible text.
            let kind = if o.format == Format::Html { "HTML page, visible text · " } else { "" };
            format!(
                "{kind}Before {} chars · {} words · {} lines → after {} chars · {} words · {} lines · {:.1}% removed · {} changes · {:.1} ms",
                s.before.chars,
                s.before.words,
                s.before.lines,
                s.after.chars,
                s.after.words,
                s.after.lines,
                s.removed_share() * 100.0,
                s.edits,
                o.millis
            ) + &verdict(o)
        })
    };
    // How a page was read, when not by its structure: said, not silent.
    let note = move || {
        outcome
            .with(|o| o.cleaned.note.clone())
            .map(|note| view! { <span class="note" data-testid="reading-note">{format!(" · {note}")}</span> })
    };
    // A page's kind, and what told it.
    let kind = move || {
        outcome
            .with(|o| o.cleaned.kind.clone())
            .map(|found| view! { <span class="note" data-testid="page-kind">{format!(" · page kind: {found}")}</span> })
    };
    view! { <footer class="stats" data-testid="stats" aria-live="polite">{line}{kind}{note}</footer> }
}

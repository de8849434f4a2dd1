use leptos::prelude::*;

use super::{Diff, OutputActions};
use crate::model::Outcome;

/// The result: the changes, or the cleaned text ready to copy.
#[component]
pub fn OutputPane(outcome: Memo<Outcome>) -> impl IntoView {
    let (show_text, set_show_text) = signal(false);
    let cleaned_text = move || outcome.with(|o| o.cleaned.text.clone());
    view! {
        <section class="pane output-pane" aria-labelledby="output-heading">
            <div class="pane-head">
                <h2 id="output-heading">"Cleaned"</h2>
                <OutputActions outcome=outcome />
                <div class="tabs" role="tablist" aria-label="Result view">
                    <button type="button" role="tab" aria-selected=move || (!show_text.get()).to_string()
                        on:click=move |_| set_show_text.set(false)>"Changes"</button>
                    <button type="button" role="tab" aria-selected=move || show_text.get().to_string()
                        on:click=move |_| set_show_text.set(true)>"Text"</button>
                </div>
            </div>
            {move || outcome.with(|o| o.error.clone()).map(|message| view! {
                <p class="error" role="alert" data-testid="error">{message}</p>
            })}
            <Diff outcome=outcome hidden=show_text />
            <textarea
                data-testid="output"
                aria-label="Cleaned text"
                readonly
                class:hidden=move || !show_text.get()
                prop:value=cleaned_text
            ></textarea>
        </section>
    }
}

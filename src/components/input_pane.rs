use leptos::prelude::*;

/// A scrape of our own making that shows the common kinds of junk.
const SAMPLE: &str = include_str!("../../fixtures/harbour-scrape.txt");

/// Where text goes in: typed, pasted, or the sample.
#[component]
pub fn InputPane(text: ReadSignal<String>, set_text: WriteSignal<String>) -> impl IntoView {
    view! {
        <section class="pane input-pane" aria-labelledby="input-heading">
            <div class="pane-head">
                <h2 id="input-heading">"Scraped text"</h2>
                <button type="button" class="quiet" on:click=move |_| set_text.set(SAMPLE.to_string())>
                    "Try a sample"
                </button>
            </div>
            <textarea
                data-testid="input"
                aria-label="Scraped text to clean"
                placeholder="Paste text or page source here…"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| set_text.set(event_target_value(&ev))
            ></textarea>
        </section>
    }
}

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::diff::View;
use super::{Diff, OutputActions};
use crate::model::{ChangeKey, Outcome};

/// The result: the changes inline or side by side, or the cleaned text
/// ready to copy. `v` switches between the three.
#[component]
pub fn OutputPane(
    outcome: ReadSignal<Outcome>,
    busy: ReadSignal<bool>,
    rejected: RwSignal<BTreeSet<ChangeKey>>,
    output: Memo<String>,
    /// Whether the output is Markdown (the download is then `.md`).
    markdown: Signal<bool>,
) -> impl IntoView {
    let (view, set_view) = signal(View::Inline);
    let switch_on_v = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "v" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            set_view.update(|v| *v = v.next());
        }
    };
    view! {
        <section
            class="pane output-pane"
            aria-labelledby="output-heading"
            aria-busy=move || busy.get().to_string()
            data-busy=move || busy.get().to_string()
            on:keydown=switch_on_v
        >
            <div class="pane-head">
                <h2 id="output-heading">"Cleaned"</h2>
                <OutputActions output=output markdown=markdown />
                <div class="tabs" role="tablist" aria-label="Result view (v switches)">
                    {View::ALL
                        .into_iter()
                        .map(|v| view! {
                            <button
                                type="button"
                                role="tab"
                                data-view=v.label()
                                aria-selected=move || (view.get() == v).to_string()
                                on:click=move |_| set_view.set(v)
                            >
                                {v.label()}
                            </button>
                        })
                        .collect_view()}
                </div>
            </div>
            {move || outcome.with(|o| o.error.clone()).map(|message| view! {
                <p class="error" role="alert" data-testid="error">{message}</p>
            })}
            <Diff outcome=outcome rejected=rejected view=view />
            <textarea
                data-testid="output"
                aria-label="Cleaned text"
                readonly
                class:hidden=move || view.get() != View::Text
                prop:value=move || output.get()
            ></textarea>
        </section>
    }
}

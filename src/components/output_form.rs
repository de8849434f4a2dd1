use leptos::prelude::*;
use rinse_core::{Config, To};

/// Text or Markdown out, and for Markdown whether links are kept; saved
/// with the settings and exported with them.
#[component]
pub fn OutputForm(config: RwSignal<Config>) -> impl IntoView {
    let markdown = move || config.with(|c| c.output.is_markdown());
    view! {
        <span class="output-form">
            <label>
                "Output "
                <select
                    data-testid="output-form"
                    on:change=move |ev| {
                        let to = if event_target_value(&ev) == "markdown" { To::Markdown } else { To::Text };
                        config.update(|c| c.output.to = to);
                    }
                >
                    <option value="text" selected=move || !markdown()>"Text"</option>
                    <option value="markdown" selected=markdown>"Markdown"</option>
                </select>
            </label>
            <label class:hidden=move || !markdown() title="Write links as [text](url)">
                <input
                    type="checkbox"
                    data-testid="markdown-links"
                    prop:checked=move || config.with(|c| c.output.links)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        config.update(|c| c.output.links = checked);
                    }
                />
                " links"
            </label>
        </span>
    }
}

use crate::download::offer_download;
use leptos::prelude::*;

/// Names of the downloaded file, as text and as Markdown.
const DOWNLOAD_NAME: &str = "rinse.clean.txt";
const MARKDOWN_DOWNLOAD_NAME: &str = "rinse.clean.md";

/// Copy the cleaned text, or save it as a file. Both stay in the browser:
/// the file is built from a local Blob, nothing is sent anywhere.
#[component]
pub fn OutputActions(output: Memo<String>, markdown: Signal<bool>) -> impl IntoView {
    // What was last copied: the label says "Copied" while the output still reads so.
    let (copied, set_copied) = signal(None::<String>);
    let copy = move |_| {
        let text = output.get_untracked();
        if let Some(window) = web_sys::window() {
            // The promise is not awaited: the button's label is the feedback.
            let _ = window.navigator().clipboard().write_text(&text);
            set_copied.set(Some(text));
        }
    };
    let is_copied = move || copied.with(|c| output.with(|text| c.as_deref() == Some(text.as_str())));
    let download = move |_| {
        let (name, kind) = if markdown.get_untracked() {
            (MARKDOWN_DOWNLOAD_NAME, "text/markdown;charset=utf-8")
        } else {
            (DOWNLOAD_NAME, "text/plain;charset=utf-8")
        };
        offer_download(&output.get_untracked(), name, kind);
    };
    view! {
        <div class="actions">
            <button type="button" data-testid="copy" on:click=copy>
                {move || if is_copied() { "Copied" } else { "Copy" }}
            </button>
            <button type="button" data-testid="download" on:click=download>"Download"</button>
        </div>
    }
}

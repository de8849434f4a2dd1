use leptos::prelude::*;
use crate::download::offer_download;

/// Name of the downloaded file.
const DOWNLOAD_NAME: &str = "rinse.clean.txt";

/// Copy the cleaned text, or save it as a file. Both stay in the browser:
/// the file is built from a local Blob, nothing is sent anywhere.
#[component]
pub fn OutputActions(output: Memo<String>) -> impl IntoView {
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
        offer_download(&output.get_untracked(), DOWNLOAD_NAME, "text/plain;charset=utf-8");
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

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::model::Outcome;

/// Name of the downloaded file.
const DOWNLOAD_NAME: &str = "rinse.clean.txt";

/// Copy the cleaned text, or save it as a file. Both stay in the browser:
/// the file is built from a local Blob, nothing is sent anywhere.
#[component]
pub fn OutputActions(outcome: Memo<Outcome>) -> impl IntoView {
    // What was last copied: the label says "Copied" while the output still reads so.
    let (copied, set_copied) = signal(None::<String>);
    let copy = move |_| {
        let text = outcome.with_untracked(|o| o.cleaned.text.clone());
        if let Some(window) = web_sys::window() {
            // The promise is not awaited: the button's label is the feedback.
            let _ = window.navigator().clipboard().write_text(&text);
            set_copied.set(Some(text));
        }
    };
    let is_copied = move || copied.with(|c| outcome.with(|o| c.as_deref() == Some(o.cleaned.text.as_str())));
    let download = move |_| {
        let text = outcome.with_untracked(|o| o.cleaned.text.clone());
        save(&text, DOWNLOAD_NAME);
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

/// Offers `text` as a file download through a temporary object URL.
fn save(text: &str, name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

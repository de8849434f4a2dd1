//! Files the page hands to the user: built from a local Blob, never sent anywhere.

use leptos::wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file download.
pub fn offer_download(text: &str, name: &str, kind: &str) -> Option<()> {
    offer(&JsValue::from_str(text), name, kind)
}

/// Offers `bytes` as a file download.
pub fn offer_bytes(bytes: &[u8], name: &str, kind: &str) -> Option<()> {
    offer(&js_sys::Uint8Array::from(bytes).into(), name, kind)
}

/// Offers one blob part as a file download through a temporary object URL.
fn offer(part: &JsValue, name: &str, kind: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&js_sys::Array::of1(part), &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

//! Offline use: the service worker that the build writes as `sw.js` caches
//! every file of the site on the first visit.

// Not leptos' executor: this runs before the app is mounted.
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Registers `sw.js` (next to the page, so any sub-path works). Where there
/// is none (plain http on a remote host, a host without the file), the site
/// simply stays online-only.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registration = navigator.service_worker().register("./sw.js");
    spawn_local(async move {
        if let Err(error) = JsFuture::from(registration).await {
            web_sys::console::warn_2(&"rinse: offline use is not available:".into(), &error);
        }
    });
}

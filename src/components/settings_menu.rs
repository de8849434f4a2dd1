use leptos::prelude::*;
use leptos::task::spawn_local;
use rinse_core::Config;
use wasm_bindgen_futures::JsFuture;

use crate::download::offer_download;
use crate::settings;

const EXPORT_NAME: &str = "rinse-settings.json";

/// Settings out of and into the page: a share link (settings only, never the
/// text), and export and import as the JSON file the command line reads.
#[component]
pub fn SettingsMenu(config: RwSignal<Config>) -> impl IntoView {
    let (link, set_link) = signal(None::<String>);
    let (problem, set_problem) = signal(None::<String>);
    let share = move |_| {
        let Some(url) = config.with_untracked(settings::share_link) else { return };
        if let Some(window) = web_sys::window() {
            // The link is also shown, for when the clipboard is not allowed.
            let _ = window.navigator().clipboard().write_text(&url);
        }
        set_link.set(Some(url));
    };
    let export = move |_| {
        let json = config.with_untracked(settings::to_json);
        offer_download(&json, EXPORT_NAME, "application/json");
    };
    let import = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(_) => {
                    set_problem.set(Some(format!("{} could not be read", file.name())));
                    return;
                }
            };
            match settings::parse(&text) {
                Ok(imported) => {
                    set_problem.set(None);
                    config.set(imported);
                }
                Err(why) => set_problem.set(Some(format!("{} was not imported: {why}", file.name()))),
            }
        });
    };
    view! {
        <div class="settings-menu">
            <button type="button" class="quiet" data-testid="share" on:click=share>"Share settings"</button>
            <button type="button" class="quiet" data-testid="export" on:click=export>"Export"</button>
            <label class="quiet button">
                "Import"
                <input type="file" accept=".json,application/json" data-testid="import" class="visually-hidden" on:change=import />
            </label>
            {move || link.get().map(|url| view! {
                <input class="share-link" data-testid="share-link" readonly aria-label="Link to these settings (copied)" prop:value=url />
            })}
            {move || problem.get().map(|message| view! {
                <p class="error" role="alert" data-testid="error">{message}</p>
            })}
        </div>
    }
}

use leptos::prelude::*;

const STORAGE_KEY: &str = "rinse.theme";
const THEMES: [&str; 3] = ["system", "light", "dark"];

/// Light, dark, or as the system says; remembered in the browser.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let storage = || web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let theme = RwSignal::new(saved.filter(|t| THEMES.contains(&t.as_str())).unwrap_or_else(|| THEMES[0].to_string()));
    // The page's root element and storage are the world outside: kept in step here.
    Effect::new(move |_| {
        theme.with(|theme| {
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = if theme == THEMES[0] { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", theme) };
            }
            if let Some(storage) = storage() {
                let _ = storage.set_item(STORAGE_KEY, theme);
            }
        })
    });
    let next = move |_| {
        theme.update(|t| {
            let at = THEMES.iter().position(|x| x == t).unwrap_or(0);
            *t = THEMES[(at + 1) % THEMES.len()].to_string();
        })
    };
    view! {
        <button type="button" class="quiet" data-testid="theme" on:click=next aria-label=move || format!("Theme: {}, change", theme.get())>
            {move || format!("Theme: {}", theme.get())}
        </button>
    }
}

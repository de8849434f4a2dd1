use leptos::prelude::*;
use rinse_core::html::PageKind;
use rinse_core::Config;

/// The kind of page a pasted or dropped page is, or "as it says" (found
/// from its structured data); saved with the settings and exported with them.
#[component]
pub fn KindSelect(config: RwSignal<Config>) -> impl IntoView {
    view! {
        <label class="kind" title="Page source: read the page as of this kind. A forum keeps every post; a listing, collection, documentation or service page trusts the line-by-line reading sooner.">
            "Page "
            <select
                data-testid="page-kind-select"
                on:change=move |ev| {
                    let kind = event_target_value(&ev).parse::<PageKind>().ok();
                    config.update(|c| c.kind = kind);
                }
            >
                <option value="" selected=move || config.with(|c| c.kind.is_none())>"as it says"</option>
                {PageKind::ALL
                    .into_iter()
                    .map(|kind| view! {
                        <option value=kind.name() selected=move || config.with(|c| c.kind == Some(kind))>{kind.name()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

use leptos::prelude::*;
use rinse_core::Preset;

/// Picks the preset; per-rule choices are kept.
#[component]
pub fn PresetSelect(config: RwSignal<rinse_core::Config>) -> impl IntoView {
    view! {
        <label class="preset">
            "Preset "
            <select
                data-testid="preset"
                on:change=move |ev| {
                    if let Some(preset) = Preset::from_id(&event_target_value(&ev)) {
                        config.update(|c| c.preset = preset);
                    }
                }
            >
                {Preset::ALL
                    .into_iter()
                    .map(|p| view! {
                        <option value=p.id() title=p.summary() selected=move || config.with(|c| c.preset == p)>{p.id()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

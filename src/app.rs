use leptos::prelude::*;

use crate::components::{InputPane, OutputPane, PresetSelect, RulesPanel, SettingsMenu, StatsBar, ThemeToggle};
use crate::model::Session;

/// The whole page: input on the left, the cleaned result on the right.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::new();
    view! {
        <header class="topbar">
            <div class="brand">
                <h1>"rinse"</h1>
                <p class="tagline">"Clean text scraped from the web. Nothing leaves your browser."</p>
            </div>
            <div class="controls">
                <PresetSelect config=session.config />
                <SettingsMenu config=session.config />
                <ThemeToggle />
            </div>
        </header>
        <main class="panes">
            <InputPane text=session.input.read_only() set_text=session.input.write_only() />
            <OutputPane outcome=session.outcome.read_only() busy=session.busy.read_only() rejected=session.rejected output=session.output />
            <RulesPanel config=session.config outcome=session.outcome.read_only() />
        </main>
        <StatsBar outcome=session.outcome.read_only() />
    }
}

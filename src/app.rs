use leptos::prelude::*;

use crate::components::{
    FilesPanel, InputPane, KindSelect, OutputForm, OutputPane, PresetSelect, RulesPanel, SettingsMenu, StatsBar, ThemeToggle,
};
use crate::files::Files;
use crate::model::Session;

/// The whole page: input on the left, the cleaned result on the right.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::new();
    let files = Files::new();
    // A file's text to show in the input, asked for by the files panel.
    let (to_load, set_to_load) = signal(None::<String>);
    let config = session.config;
    let markdown = Signal::derive(move || config.with(|c| c.output.is_markdown()));
    view! {
        <header class="topbar">
            <div class="brand">
                <h1>"rinse"</h1>
                <p class="tagline">"Clean text scraped from the web. Nothing leaves your browser."</p>
            </div>
            <div class="controls">
                <PresetSelect config=session.config />
                <OutputForm config=session.config />
                <KindSelect config=session.config />
                <SettingsMenu config=session.config />
                <ThemeToggle />
            </div>
        </header>
        <main class="panes">
            <div class="input-column">
                <InputPane text=session.input.read_only() set_text=session.input.write_only() pasted=session.pasted files=files config=session.config to_load=to_load />
                <FilesPanel files=files config=session.config set_to_load=set_to_load />
            </div>
            <OutputPane outcome=session.outcome.read_only() busy=session.busy.read_only() rejected=session.rejected output=session.output markdown=markdown />
            <RulesPanel config=session.config outcome=session.outcome.read_only() />
        </main>
        <StatsBar outcome=session.outcome.read_only() />
    }
}

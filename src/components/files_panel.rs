use leptos::prelude::*;
use rinse_core::{Config, Preset};

use crate::download::offer_bytes;
use crate::files::{FileEntry, Files, Kind, Status};

/// The files dropped or picked: one item each, with what was found and
/// what cleaning did, a download each and all of them as one zip.
#[component]
pub fn FilesPanel(files: Files, config: RwSignal<Config>, set_to_load: WriteSignal<Option<String>>) -> impl IntoView {
    // New settings clean every file again.
    Effect::new(move |first: Option<()>| {
        let config = config.get();
        files.drop_rejected.track();
        if first.is_some() {
            for id in files.entries.with_untracked(|e| e.iter().map(|e| e.id).collect::<Vec<_>>()) {
                files.reclean(id, config.clone());
            }
        }
    });
    let (problem, set_problem) = signal(None::<String>);
    let download_all = move |_| match files.zip() {
        Ok(bytes) => {
            set_problem.set(None);
            offer_bytes(&bytes, "rinse-clean.zip", "application/zip");
        }
        Err(why) => set_problem.set(Some(format!("the zip could not be made: {why}"))),
    };
    let any = move || files.entries.with(|e| !e.is_empty());
    view! {
        <section class="files" class:hidden=move || !any() aria-label="Files">
            <div class="files-head">
                <h2>"Files"</h2>
                <label class="drop-rejected" class:hidden=move || config.with(|c| c.preset != Preset::Corpus)>
                    <input
                        type="checkbox"
                        data-testid="drop-rejected"
                        prop:checked=move || files.drop_rejected.get()
                        on:change=move |ev| files.drop_rejected.set(event_target_checked(&ev))
                    />
                    " Leave out JSONL records the corpus filters reject"
                </label>
                <button type="button" data-testid="download-all" on:click=download_all>"Download all (zip)"</button>
            </div>
            {move || problem.get().map(|m| view! { <p class="error" role="alert" data-testid="error">{m}</p> })}
            <ul>
                <For
                    each=move || files.entries.get()
                    key=|entry| (entry.id, entry.field.clone(), status_key(&entry.status))
                    children=move |entry| view! { <FileItem entry=entry files=files config=config set_to_load=set_to_load /> }
                />
            </ul>
        </section>
    }
}

/// Changes when what the item shows changes.
fn status_key(status: &Status) -> String {
    match status {
        Status::Cleaning { progress } => format!("cleaning {:.2}", progress),
        Status::Done(done) => format!("done {:p}", std::sync::Arc::as_ptr(done)),
        Status::Failed(why) => format!("failed {why}"),
    }
}

#[component]
fn FileItem(entry: FileEntry, files: Files, config: RwSignal<Config>, set_to_load: WriteSignal<Option<String>>) -> impl IntoView {
    let size = if entry.size >= 1e6 { format!("{:.1} MB", entry.size / 1e6) } else { format!("{:.1} KB", entry.size / 1e3) };
    let (state, detail) = match &entry.status {
        Status::Cleaning { .. } => ("cleaning", String::new()),
        Status::Done(done) => {
            let kind = done.summary.page_kind.as_ref().map(|kind| format!(" · page kind: {kind}")).unwrap_or_default();
            ("done", format!("{:.1}% removed{kind}", done.summary.removed_share * 100.0))
        }
        Status::Failed(why) => ("error", why.clone()),
    };
    let progress = match &entry.status {
        Status::Cleaning { progress } => Some(*progress),
        _ => None,
    };
    let records = match &entry.status {
        Status::Done(done) => done.summary.records.clone(),
        _ => None,
    };
    let output = match &entry.status {
        Status::Done(done) => Some(done.clone()),
        _ => None,
    };
    let clean_name = entry.clean_name(config.with_untracked(|c| c.output.is_markdown()));
    let id = entry.id;
    let text = entry.text.clone();
    let fields = entry.fields.clone();
    let field = entry.field.clone();
    view! {
        <li class="file-item" data-testid="file-item" data-kind=entry.kind.label() data-status=state>
            <span class="file-name">{entry.name.clone()}</span>
            <span class="file-facts">{format!("{size} · {} · {}", entry.kind.label(), if entry.encoding.is_empty() { "?" } else { &entry.encoding })}</span>
            {progress.map(|p| view! { <progress max="1" value=p aria-label="Cleaning"></progress> })}
            <span class="file-status" class:error=state == "error" role=(state == "error").then_some("alert")>
                {format!("{state}{}{detail}", if detail.is_empty() { "" } else { ": " })}
            </span>
            {(entry.kind == Kind::Jsonl && !fields.is_empty()).then(|| view! {
                <label class="file-field">
                    "field "
                    <select
                        data-testid="file-field"
                        on:change=move |ev| files.set_field(id, event_target_value(&ev), config.get_untracked())
                    >
                        {fields.iter().map(|f| view! { <option value=f.clone() selected=*f == field>{f.clone()}</option> }).collect_view()}
                    </select>
                </label>
            })}
            {records.map(|records| {
                let malformed = records.malformed;
                let dropped = if records.dropped > 0 { format!(", {} left out by the corpus filters", records.dropped) } else { String::new() };
                view! {
                    <span class="file-records">
                        {format!("{} records cleaned, {} without the field passed through{dropped}", records.cleaned, records.without_field)}
                    </span>
                    {(!malformed.is_empty()).then(|| view! {
                        <ul class="malformed" data-testid="malformed">
                            {malformed.iter().take(20).map(|(line, why)| view! { <li>{format!("line {line}: {why}; passed through unchanged")}</li> }).collect_view()}
                            {(malformed.len() > 20).then(|| view! { <li>{format!("and {} more", malformed.len() - 20)}</li> })}
                        </ul>
                    })}
                }
            })}
            <span class="file-actions">
                {(entry.kind != Kind::Jsonl && state != "error").then(|| view! {
                    <button type="button" class="quiet" on:click=move |_| set_to_load.set(Some(text.to_string()))>"Show"</button>
                })}
                {output.map(|done| view! {
                    <button
                        type="button"
                        data-testid="download"
                        on:click=move |_| { offer_bytes(&done.output, &clean_name, "text/plain;charset=utf-8"); }
                    >
                        "Download"
                    </button>
                })}
            </span>
        </li>
    }
}

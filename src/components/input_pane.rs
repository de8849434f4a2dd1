use leptos::prelude::*;
use rinse_core::Config;

use crate::files::Files;
use crate::model::Pasted;

/// A scrape of our own making that shows the common kinds of junk.
const SAMPLE: &str = include_str!("../../fixtures/harbour-scrape.txt");

/// Texts this long are put away rather than left in the text box: laying
/// out megabytes of text there holds up the page for longer than cleaning
/// them takes. The user can still bring them back to edit.
const SET_ASIDE_BYTES: usize = 1024 * 1024;

/// Where text goes in: typed, pasted, dropped as a file, or the sample.
#[component]
pub fn InputPane(
    text: ReadSignal<String>,
    set_text: WriteSignal<String>,
    /// A paste that brought a page's markup, while the input is one of its forms.
    pasted: RwSignal<Option<Pasted>>,
    files: Files,
    config: RwSignal<Config>,
    /// A file's text to show here, from the files panel.
    to_load: ReadSignal<Option<String>>,
) -> impl IntoView {
    // The text box holds what the user typed; the page writes a value into
    // it only when it loads one (sample, dropped file), never on each key.
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    // A long text put away, out of the text box: its size in bytes.
    let (set_aside, set_set_aside) = signal(None::<usize>);
    let show = move |value: String| {
        let long = value.len() >= SET_ASIDE_BYTES;
        if let Some(element) = text_box.get_untracked() {
            element.set_value(if long { "" } else { &value });
        }
        set_set_aside.set(long.then_some(value.len()));
        set_text.set(value);
    };
    let load = move |value: String| {
        pasted.set(None);
        show(value);
    };
    let use_pasted = move |paste: Pasted| {
        show(paste.text().to_string());
        pasted.set(Some(paste));
    };
    let on_input = move |_: web_sys::Event| {
        let Some(element) = text_box.get_untracked() else { return };
        // The length is known without copying the text out of the page.
        if (element.text_length() as usize) < SET_ASIDE_BYTES / 4 {
            let value = element.value();
            // Markup pasted and then typed over is text again.
            if pasted.with_untracked(Option::is_some) && !value.contains('<') {
                pasted.set(None);
            }
            set_text.set(value);
        } else {
            // A long paste has already cost this task dearly: the copy and
            // the rest follow in a task of their own.
            set_timeout(move || load(element.value()), std::time::Duration::ZERO);
        }
    };
    // A selection copied from a web page brings its markup: into an empty
    // text box (or over all of it) that is what is cleaned, read as a page,
    // and the plain text stays one click away. A long paste never reaches
    // the text box: laying it out there and clearing it again would hold up
    // the page for longer than cleaning it.
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else { return };
        let plain = data.get_data("text/plain").unwrap_or_default();
        let html = data.get_data("text/html").unwrap_or_default();
        if !html.trim().is_empty() && text_box.get_untracked().is_some_and(|element| replaces_all(&element)) {
            ev.prevent_default();
            use_pasted(Pasted { html, plain, using_html: true });
        } else if plain.len() >= SET_ASIDE_BYTES {
            ev.prevent_default();
            load(plain);
        }
    };
    let switch_paste = move |_| {
        if let Some(paste) = pasted.get_untracked() {
            use_pasted(Pasted { using_html: !paste.using_html, ..paste });
        }
    };
    let edit_here = move |_| {
        if let Some(element) = text_box.get_untracked() {
            text.with_untracked(|t| element.set_value(t));
        }
        set_set_aside.set(None);
    };
    let clear = move |_| load(String::new());
    // Why the last lone file was not loaded; the text stays as it was.
    let (refusal, set_refusal) = signal(None::<String>);
    let (dragging, set_dragging) = signal(false);
    // Files go to the files panel; a lone text or HTML file is also shown here.
    let take_files = move |list: Option<web_sys::FileList>| {
        let list: Vec<web_sys::File> = list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
        if list.is_empty() {
            return;
        }
        let name = list.first().map(|f| f.name()).unwrap_or_default();
        files.add(list, config, move |lone| match lone {
            Ok(text) => {
                set_refusal.set(None);
                load(text);
            }
            Err(why) => set_refusal.set(Some(format!("{name} was not loaded: {why}"))),
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        set_dragging.set(false);
        // Dropped text is left to the text box; only files are read here.
        let list = ev.data_transfer().and_then(|d| d.files()).filter(|l| l.length() > 0);
        if list.is_some() {
            ev.prevent_default();
            take_files(list);
        }
    };
    let on_pick = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take_files(input.files());
        input.set_value("");
    };
    Effect::new(move |_| {
        if let Some(text) = to_load.get() {
            set_refusal.set(None);
            load(text);
        }
    });
    view! {
        <section
            class="pane input-pane"
            class:dragging=move || dragging.get()
            data-testid="drop-zone"
            aria-labelledby="input-heading"
            on:dragover=move |ev: web_sys::DragEvent| {
                if carries_files(&ev) {
                    ev.prevent_default();
                    set_dragging.set(true);
                }
            }
            on:dragleave=move |_| set_dragging.set(false)
            on:drop=on_drop
        >
            <div class="pane-head">
                <h2 id="input-heading">"Scraped text"</h2>
                <span class="head-actions">
                    <label class="button quiet">
                        "Open files"
                        <input type="file" multiple data-testid="file-input" class="visually-hidden" on:change=on_pick />
                    </label>
                    <button type="button" class="quiet" on:click=move |_| load(SAMPLE.to_string())>
                        "Try a sample"
                    </button>
                </span>
            </div>
            {move || pasted.with(|p| p.as_ref().map(|p| p.using_html)).map(|using_html| view! {
                <p class="paste-source" role="status" data-testid="paste-source">
                    {if using_html {
                        "Pasted from a web page: cleaned from its HTML, as a page. "
                    } else {
                        "Pasted from a web page: cleaned as its plain text. "
                    }}
                    <button type="button" class="quiet" data-testid="paste-switch" on:click=switch_paste>
                        {if using_html { "Use the plain text" } else { "Use the HTML" }}
                    </button>
                </p>
            })}
            {move || refusal.get().map(|message| view! {
                <p class="error" role="alert" data-testid="error">{message}</p>
            })}
            {move || set_aside.get().map(|bytes| view! {
                <div class="set-aside" data-testid="set-aside" role="status">
                    <p>{format!(
                        "A {:.1} MB text is loaded and cleaned on the right. It is not shown here, so that the page stays quick.",
                        bytes as f64 / 1e6
                    )}</p>
                    <button type="button" on:click=edit_here>"Show it here to edit"</button>
                    <button type="button" class="quiet" on:click=clear>"Clear"</button>
                </div>
            })}
            <textarea
                node_ref=text_box
                class:hidden=move || set_aside.get().is_some()
                data-testid="input"
                aria-label="Scraped text to clean"
                placeholder="Paste text or page source here, or drop a file…"
                spellcheck="false"
                on:input=on_input
                on:paste=on_paste
            ></textarea>
        </section>
    }
}

/// Whether a paste into `element` replaces all it holds: it is empty, or all of it is selected.
fn replaces_all(element: &web_sys::HtmlTextAreaElement) -> bool {
    let length = element.text_length();
    let selected = (element.selection_start().ok().flatten(), element.selection_end().ok().flatten());
    length == 0 || selected == (Some(0), Some(length))
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

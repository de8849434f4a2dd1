use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// A scrape of our own making that shows the common kinds of junk.
const SAMPLE: &str = include_str!("../../fixtures/harbour-scrape.txt");

/// Larger files would stall the text box; the command line takes them.
const MAX_FILE_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Texts this long are put away rather than left in the text box: laying
/// out megabytes of text there holds up the page for longer than cleaning
/// them takes. The user can still bring them back to edit.
const SET_ASIDE_BYTES: usize = 1024 * 1024;

/// Where text goes in: typed, pasted, dropped as a file, or the sample.
#[component]
pub fn InputPane(text: ReadSignal<String>, set_text: WriteSignal<String>) -> impl IntoView {
    // The text box holds what the user typed; the page writes a value into
    // it only when it loads one (sample, dropped file), never on each key.
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    // A long text put away, out of the text box: its size in bytes.
    let (set_aside, set_set_aside) = signal(None::<usize>);
    let load = move |value: String| {
        let long = value.len() >= SET_ASIDE_BYTES;
        if let Some(element) = text_box.get_untracked() {
            element.set_value(if long { "" } else { &value });
        }
        set_set_aside.set(long.then_some(value.len()));
        set_text.set(value);
    };
    let on_input = move |_: web_sys::Event| {
        let Some(element) = text_box.get_untracked() else { return };
        // The length is known without copying the text out of the page.
        if (element.text_length() as usize) < SET_ASIDE_BYTES / 4 {
            set_text.set(element.value());
        } else {
            // A long paste has already cost this task dearly: the copy and
            // the rest follow in a task of their own.
            set_timeout(move || load(element.value()), std::time::Duration::ZERO);
        }
    };
    // A long paste never reaches the text box: laying it out there and
    // clearing it again would hold up the page for longer than cleaning it.
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(pasted) = ev.clipboard_data().and_then(|data| data.get_data("text/plain").ok()) else { return };
        if pasted.len() >= SET_ASIDE_BYTES {
            ev.prevent_default();
            load(pasted);
        }
    };
    let edit_here = move |_| {
        if let Some(element) = text_box.get_untracked() {
            text.with_untracked(|t| element.set_value(t));
        }
        set_set_aside.set(None);
    };
    let clear = move |_| load(String::new());
    // Why the last dropped file was not loaded; the text stays as it was.
    let (refusal, set_refusal) = signal(None::<String>);
    let (dragging, set_dragging) = signal(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        set_dragging.set(false);
        // Dropped text is left to the text box; only files are read here.
        let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) else { return };
        ev.prevent_default();
        spawn_local(async move {
            match read_text(&file).await {
                Ok(loaded) => {
                    set_refusal.set(None);
                    load(loaded);
                }
                Err(why) => set_refusal.set(Some(format!("{} was not loaded: {why}", file.name()))),
            }
        });
    };
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
                <button type="button" class="quiet" on:click=move |_| load(SAMPLE.to_string())>
                    "Try a sample"
                </button>
            </div>
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

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

/// The file's text, decoded as the command line decodes files.
async fn read_text(file: &web_sys::File) -> Result<String, String> {
    if file.size() > MAX_FILE_BYTES {
        return Err(format!("it is {:.0} MB; the text box takes up to 32 MB (the rinse command line takes any size)", file.size() / 1e6));
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| "the browser could not read it".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    rinse_core::decode(&bytes).map(|decoded| decoded.text.into_owned()).map_err(|e| e.to_string())
}

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// A scrape of our own making that shows the common kinds of junk.
const SAMPLE: &str = include_str!("../../fixtures/harbour-scrape.txt");

/// Larger files would stall the text box; the command line takes them.
const MAX_FILE_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Where text goes in: typed, pasted, dropped as a file, or the sample.
#[component]
pub fn InputPane(text: ReadSignal<String>, set_text: WriteSignal<String>) -> impl IntoView {
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
                    set_text.set(loaded);
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
                <button type="button" class="quiet" on:click=move |_| set_text.set(SAMPLE.to_string())>
                    "Try a sample"
                </button>
            </div>
            {move || refusal.get().map(|message| view! {
                <p class="error" role="alert" data-testid="error">{message}</p>
            })}
            <textarea
                data-testid="input"
                aria-label="Scraped text to clean"
                placeholder="Paste text or page source here, or drop a file…"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| set_text.set(event_target_value(&ev))
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

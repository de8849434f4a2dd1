//! Files dropped or picked: each read, decoded and cleaned on its own, with
//! its result kept for download. JSONL files are cleaned as
//! `rinse --jsonl --keep-going` cleans them, so the bytes match the CLI's.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use rinse_core::jsonl::{self, CleanedFile};
use rinse_core::{clean_input, Config, Format};
use wasm_bindgen_futures::JsFuture;

/// Larger files are refused with a message; the command line takes any size.
const MAX_FILE_BYTES: f64 = 256.0 * 1024.0 * 1024.0;
/// JSONL lines cleaned between two looks at the page, so it never stalls.
const LINES_AT_ONCE: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Markdown,
    Jsonl,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Html => "HTML",
            Kind::Markdown => "Markdown",
            Kind::Jsonl => "JSONL",
        }
    }

    /// By the name's extension, else by the content.
    fn of(name: &str, text: &str) -> Kind {
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match extension.as_str() {
            "jsonl" | "ndjson" => Kind::Jsonl,
            "html" | "htm" | "xhtml" => Kind::Html,
            "md" | "markdown" => Kind::Markdown,
            _ if Format::Auto.resolve(text) == Format::Html => Kind::Html,
            _ if text.lines().next().is_some_and(|l| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(l).is_ok()) => Kind::Jsonl,
            _ => Kind::Text,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Cleaning { progress: f64 },
    Done(Arc<Done>),
    Failed(String),
}

#[derive(Debug, PartialEq)]
pub struct Done {
    pub output: String,
    pub removed_share: f64,
    pub records: Option<Records>,
}

/// What became of a JSONL file's records.
#[derive(Clone, Debug, PartialEq)]
pub struct Records {
    pub cleaned: usize,
    pub without_field: usize,
    /// Left out because the corpus verdict was drop (when asked to).
    pub dropped: usize,
    /// Line numbers and why, passed through unchanged.
    pub malformed: Vec<(usize, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileEntry {
    pub id: u32,
    pub name: String,
    pub size: f64,
    pub kind: Kind,
    pub encoding: String,
    pub text: Arc<str>,
    /// For JSONL: the field cleaned, and the string fields to choose from.
    pub field: String,
    pub fields: Vec<String>,
    pub status: Status,
    /// Counts the cleanings begun; an older one still running gives way.
    generation: u32,
}

impl FileEntry {
    /// `name.clean.ext`, as the download is called.
    pub fn clean_name(&self) -> String {
        match self.name.rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => format!("{stem}.clean.{extension}"),
            _ => format!("{}.clean", self.name),
        }
    }
}

/// The files and what became of them.
#[derive(Clone, Copy)]
pub struct Files {
    pub entries: RwSignal<Vec<FileEntry>>,
    /// Leave out JSONL records whose corpus verdict is drop.
    pub drop_rejected: RwSignal<bool>,
    next_id: StoredValue<u32>,
}

impl Files {
    pub fn new() -> Files {
        Files { entries: RwSignal::new(Vec::new()), drop_rejected: RwSignal::new(false), next_id: StoredValue::new(0) }
    }

    /// Reads each file and cleans it under `config`. A lone text or HTML
    /// file is shown in the main view (`open`), or its refusal told (`refuse`).
    pub fn add(
        self,
        files: Vec<web_sys::File>,
        config: RwSignal<Config>,
        open: impl Fn(String) + 'static,
        refuse: impl Fn(String, String) + 'static,
    ) {
        let lone = files.len() == 1;
        spawn_local(async move {
            for file in files {
                let id = self.next_id.get_value();
                self.next_id.set_value(id + 1);
                let entry = read(id, &file).await;
                match &entry.status {
                    Status::Failed(why) if lone => refuse(entry.name.clone(), why.clone()),
                    Status::Failed(_) => {}
                    _ if lone && entry.kind != Kind::Jsonl => open(entry.text.to_string()),
                    _ => {}
                }
                self.entries.update(|entries| entries.push(entry));
                self.clean(id, config.get_untracked()).await;
            }
        });
    }

    /// Cleans one file again, e.g. with another field or new settings.
    pub fn reclean(self, id: u32, config: Config) {
        spawn_local(async move { self.clean(id, config).await });
    }

    pub fn set_field(self, id: u32, field: String, config: Config) {
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.field = field;
            }
        });
        self.reclean(id, config);
    }

    /// Sets the status that cleaning number `generation` reached, unless a
    /// later cleaning has begun; false then, and that cleaning should stop.
    fn set_status(self, id: u32, generation: u32, status: Status) -> bool {
        let mut current = false;
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id && e.generation == generation) {
                entry.status = status;
                current = true;
            }
        });
        current
    }

    /// Begins a cleaning of `id`: its generation number.
    fn begin(self, id: u32) -> Option<u32> {
        let mut generation = None;
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.generation += 1;
                generation = Some(entry.generation);
            }
        });
        generation
    }

    async fn clean(self, id: u32, config: Config) {
        let Some(entry) = self.entries.with_untracked(|e| e.iter().find(|e| e.id == id).cloned()) else { return };
        if matches!(entry.status, Status::Failed(_)) && entry.text.is_empty() {
            return;
        }
        let Some(generation) = self.begin(id) else { return };
        let plan = match config.plan() {
            Ok(plan) => plan,
            Err(error) => {
                self.set_status(id, generation, Status::Failed(error.to_string()));
                return;
            }
        };
        self.set_status(id, generation, Status::Cleaning { progress: 0.0 });
        if entry.kind != Kind::Jsonl {
            yield_to_page().await;
            let format = if entry.kind == Kind::Html { Format::Html } else { Format::Text };
            let result = clean_input(&entry.text, format, &plan);
            let before = result.before.chars().count().max(1);
            let removed_share = 1.0 - (result.cleaned.text.chars().count() as f64 / before as f64).min(1.0);
            let done = Done { output: result.cleaned.text, removed_share, records: None };
            self.set_status(id, generation, Status::Done(Arc::new(done)));
            return;
        }
        let mut file = CleanedFile::default();
        let text: &str = &entry.text;
        let mut start = 0;
        let mut line = 0;
        while start < text.len() {
            // The next stretch of whole lines, and how many it holds.
            let (mut end, mut lines) = (start, 0);
            while lines < LINES_AT_ONCE && end < text.len() {
                end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                lines += 1;
            }
            let drop_rejected = self.drop_rejected.get_untracked();
            jsonl::clean_lines(&text[start..end], line, &entry.field, Format::Auto, &plan, drop_rejected, &mut file);
            line += lines;
            start = end;
            if !self.set_status(id, generation, Status::Cleaning { progress: start as f64 / text.len() as f64 }) {
                return;
            }
            yield_to_page().await;
        }
        let removed_share = 1.0 - (file.chars_after as f64 / file.chars_before.max(1) as f64).min(1.0);
        let records = Some(Records {
            cleaned: file.cleaned,
            without_field: file.without_field,
            dropped: file.dropped,
            malformed: file.malformed,
        });
        self.set_status(id, generation, Status::Done(Arc::new(Done { output: file.text, removed_share, records })));
    }

    /// Every cleaned file, under its own name, as one zip archive.
    pub fn zip(self) -> Result<Vec<u8>, String> {
        use std::io::Write;
        let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        self.entries.with_untracked(|entries| {
            for entry in entries {
                if let Status::Done(done) = &entry.status {
                    archive.start_file(entry.name.as_str(), options).map_err(|e| e.to_string())?;
                    archive.write_all(done.output.as_bytes()).map_err(|e| e.to_string())?;
                }
            }
            Ok::<(), String>(())
        })?;
        archive.finish().map(|cursor| cursor.into_inner()).map_err(|e| e.to_string())
    }
}

impl Default for Files {
    fn default() -> Self {
        Files::new()
    }
}

async fn read(id: u32, file: &web_sys::File) -> FileEntry {
    let name = file.name();
    let mut entry = FileEntry {
        id,
        name: name.clone(),
        size: file.size(),
        kind: Kind::Text,
        encoding: String::new(),
        text: Arc::from(""),
        field: String::new(),
        fields: Vec::new(),
        status: Status::Cleaning { progress: 0.0 },
        generation: 0,
    };
    if file.size() > MAX_FILE_BYTES {
        entry.status = Status::Failed(format!("{:.0} MB is more than the page takes (256 MB); the rinse command line takes any size", file.size() / 1e6));
        return entry;
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => {
            entry.status = Status::Failed("the browser could not read it".into());
            return entry;
        }
    };
    match rinse_core::decode(&bytes) {
        Ok(decoded) => {
            entry.encoding = if decoded.guessed { format!("{} (guessed)", decoded.encoding) } else { decoded.encoding.to_string() };
            entry.kind = Kind::of(&name, &decoded.text);
            if entry.kind == Kind::Jsonl {
                entry.fields = jsonl::text_fields(&decoded.text);
                entry.field = entry.fields.first().cloned().unwrap_or_else(|| "text".into());
            }
            entry.text = Arc::from(decoded.text.as_ref());
        }
        Err(error) => entry.status = Status::Failed(error.to_string()),
    }
    entry
}

/// Lets the page draw and take input before the next piece of work.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

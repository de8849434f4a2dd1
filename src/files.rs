//! Files dropped or picked: each cleaned on its own in a web worker (on the
//! page only where there is none), with its result kept for download.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::{JsCast, JsValue};
use rinse_core::Config;
use wasm_bindgen_futures::JsFuture;

pub use crate::file_job::Kind;
use crate::file_job::{clean_file, FileJob, FileReport, Summary};
use crate::worker::{field, next_turn, set, start};

/// Larger files are refused with a message; the command line takes any size.
const MAX_FILE_BYTES: f64 = 256.0 * 1024.0 * 1024.0;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Cleaning { progress: f64 },
    Done(Arc<Done>),
    Failed(String),
}

#[derive(Debug, PartialEq)]
pub struct Done {
    /// UTF-8, but for JSONL lines that were not and passed through as they were.
    pub output: Vec<u8>,
    pub summary: Summary,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileEntry {
    pub id: u32,
    pub name: String,
    pub size: f64,
    pub kind: Kind,
    pub encoding: String,
    /// A text or HTML file's decoded text, once cleaned: what "Show" shows.
    pub text: Arc<str>,
    /// For JSONL: the field cleaned, and the string fields to choose from.
    pub field: String,
    pub fields: Vec<String>,
    pub status: Status,
    /// Counts the cleanings begun; the result of an older one is ignored.
    generation: u32,
}

impl FileEntry {
    /// `name.clean.ext`, as the download is called: `name.clean.md` when
    /// a text or a page was written as Markdown, `name.clean.txt` for a page
    /// read to its text (what comes out is no longer HTML).
    pub fn clean_name(&self, markdown: bool) -> String {
        let extension = match self.kind {
            Kind::Jsonl => None,
            _ if markdown => Some("md"),
            Kind::Html => Some("txt"),
            _ => None,
        };
        match (self.name.rsplit_once('.'), extension) {
            (Some((stem, _)), Some(new)) if !stem.is_empty() => format!("{stem}.clean.{new}"),
            (Some((stem, old)), None) if !stem.is_empty() => format!("{stem}.clean.{old}"),
            (_, Some(new)) => format!("{}.clean.{new}", self.name),
            (_, None) => format!("{}.clean", self.name),
        }
    }
}

/// Told what became of a lone text or HTML file: its text, or why it was refused.
type OnLone = Rc<dyn Fn(Result<String, String>)>;

/// The files and what became of them.
#[derive(Clone, Copy)]
pub struct Files {
    pub entries: RwSignal<Vec<FileEntry>>,
    /// Leave out JSONL records whose corpus verdict is drop.
    pub drop_rejected: RwSignal<bool>,
    next_id: StoredValue<u32>,
    /// The files as picked, read again by each cleaning.
    sources: StoredValue<Vec<(u32, web_sys::File)>, LocalStorage>,
    worker: StoredValue<Rc<RefCell<Worker>>, LocalStorage>,
    lone: StoredValue<Option<(u32, OnLone)>, LocalStorage>,
    /// The settings of the last cleaning begun, for files a failed worker left.
    last_config: StoredValue<Config>,
}

/// The worker that cleans files, started by the first file. It is not the
/// one that cleans the main text, so typing never waits behind a big file.
enum Worker {
    NotStarted,
    /// Started; the messages wait until it says it listens.
    Starting(web_sys::Worker, Vec<js_sys::Object>),
    Ready(web_sys::Worker),
    /// It could not be started, or failed: files are cleaned on the page.
    Unavailable,
}

impl Files {
    pub fn new() -> Files {
        Files {
            entries: RwSignal::new(Vec::new()),
            drop_rejected: RwSignal::new(false),
            next_id: StoredValue::new(0),
            sources: StoredValue::new_local(Vec::new()),
            worker: StoredValue::new_local(Rc::new(RefCell::new(Worker::NotStarted))),
            lone: StoredValue::new_local(None),
            last_config: StoredValue::new(Config::default()),
        }
    }

    /// Adds each file and cleans it under `config`. What becomes of a lone
    /// text or HTML file is told to `on_lone`, so it can be shown.
    pub fn add(self, files: Vec<web_sys::File>, config: RwSignal<Config>, on_lone: impl Fn(Result<String, String>) + 'static) {
        let lone = files.len() == 1;
        let on_lone: OnLone = Rc::new(on_lone);
        for file in files {
            let id = self.next_id.get_value();
            self.next_id.set_value(id + 1);
            let name = file.name();
            let mut entry = FileEntry {
                id,
                kind: Kind::of(&name, ""),
                name,
                size: file.size(),
                encoding: String::new(),
                text: Arc::from(""),
                field: String::new(),
                fields: Vec::new(),
                status: Status::Cleaning { progress: 0.0 },
                generation: 0,
            };
            if file.size() > MAX_FILE_BYTES {
                let why =
                    format!("{:.0} MB is more than the page takes (256 MB); the rinse command line takes any size", file.size() / 1e6);
                if lone {
                    on_lone(Err(why.clone()));
                }
                entry.status = Status::Failed(why);
                self.entries.update(|entries| entries.push(entry));
                continue;
            }
            self.entries.update(|entries| entries.push(entry));
            self.sources.update_value(|sources| sources.push((id, file)));
            if lone {
                self.lone.set_value(Some((id, on_lone.clone())));
            }
            self.reclean(id, config.get_untracked());
        }
    }

    /// Cleans one file (again), e.g. with another field or new settings.
    pub fn reclean(self, id: u32, config: Config) {
        let Some(file) = self.sources.with_value(|sources| sources.iter().find(|(i, _)| *i == id).map(|(_, f)| f.clone())) else {
            return;
        };
        let Some((generation, field)) = self.begin(id) else { return };
        self.last_config.set_value(config.clone());
        let job = FileJob { name: file.name(), config, field, drop_rejected: self.drop_rejected.get_untracked() };
        let message = js_sys::Object::new();
        set(&message, "fileId", &id.into());
        set(&message, "generation", &generation.into());
        set(&message, "file", &file);
        set(&message, "job", &serde_json::to_string(&job).unwrap_or_default().into());
        let worker = self.worker.get_value();
        let mut state = worker.borrow_mut();
        if matches!(*state, Worker::NotStarted) {
            *state = self.start_worker();
        }
        match &mut *state {
            Worker::Ready(worker) if worker.post_message(&message).is_ok() => {}
            Worker::Starting(_, waiting) => waiting.push(message),
            _ => spawn_local(self.clean_here(id, generation, file, job)),
        }
    }

    pub fn set_field(self, id: u32, field: String, config: Config) {
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.field = field;
            }
        });
        self.reclean(id, config);
    }

    /// Begins a cleaning of `id`: its generation number, and the JSONL field chosen.
    fn begin(self, id: u32) -> Option<(u32, Option<String>)> {
        let mut begun = None;
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id) {
                entry.generation += 1;
                entry.status = Status::Cleaning { progress: 0.0 };
                begun = Some((entry.generation, Some(entry.field.clone()).filter(|f| !f.is_empty())));
            }
        });
        begun
    }

    fn start_worker(self) -> Worker {
        match start(move |reply| self.heard(reply), move || self.lost_worker()) {
            Some(worker) => Worker::Starting(worker, Vec::new()),
            None => Worker::Unavailable,
        }
    }

    /// A message from the worker: it listens, or a file's progress or result.
    fn heard(self, message: JsValue) {
        if field(&message, "ready").is_truthy() {
            let worker = self.worker.get_value();
            let mut state = worker.borrow_mut();
            if let Worker::Starting(worker, waiting) = std::mem::replace(&mut *state, Worker::NotStarted) {
                for message in waiting {
                    let _ = worker.post_message(&message);
                }
                *state = Worker::Ready(worker);
            }
            return;
        }
        let id = field(&message, "fileId").as_f64().unwrap_or(-1.0) as u32;
        let generation = field(&message, "generation").as_f64().unwrap_or(-1.0) as u32;
        if let Some(progress) = field(&message, "progress").as_f64() {
            self.set_status(id, generation, Status::Cleaning { progress });
        } else if let Some(error) = field(&message, "error").as_string() {
            self.set_status(id, generation, Status::Failed(error));
        } else {
            let report = field(&message, "report").as_string().and_then(|json| serde_json::from_str::<FileReport>(&json).ok());
            let Some(report) = report else {
                self.set_status(id, generation, Status::Failed("the worker's answer could not be read".into()));
                return;
            };
            let output = field(&message, "output").dyn_into::<js_sys::Uint8Array>().map(|o| o.to_vec()).unwrap_or_default();
            self.finish(id, generation, report, output, field(&message, "text").as_string());
        }
    }

    /// The worker failed: files not yet done are cleaned on the page.
    fn lost_worker(self) {
        *self.worker.get_value().borrow_mut() = Worker::Unavailable;
        let config = self.last_config.get_value();
        let unfinished: Vec<u32> = self
            .entries
            .with_untracked(|entries| entries.iter().filter(|e| matches!(e.status, Status::Cleaning { .. })).map(|e| e.id).collect());
        for id in unfinished {
            self.reclean(id, config.clone());
        }
    }

    /// Cleans a file on the page's thread, where no worker can.
    async fn clean_here(self, id: u32, generation: u32, file: web_sys::File, job: FileJob) {
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                self.set_status(id, generation, Status::Failed("the browser could not read it".into()));
                return;
            }
        };
        next_turn().await;
        let cleaned = clean_file(bytes, &job, |_| {});
        self.finish(id, generation, cleaned.report, cleaned.output, cleaned.text);
    }

    /// Sets the status that cleaning number `generation` reached, unless a
    /// later cleaning has begun.
    fn set_status(self, id: u32, generation: u32, status: Status) {
        self.entries.update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.id == id && e.generation == generation) {
                entry.status = status;
            }
        });
    }

    /// What a cleaning found and gave; a lone file's text is shown.
    fn finish(self, id: u32, generation: u32, report: FileReport, output: Vec<u8>, text: Option<String>) {
        let mut current = false;
        self.entries.update(|entries| {
            let Some(entry) = entries.iter_mut().find(|e| e.id == id && e.generation == generation) else { return };
            current = true;
            entry.kind = report.kind;
            entry.encoding = report.encoding.clone();
            entry.field = report.field.clone();
            entry.fields = report.fields.clone();
            if let Some(text) = &text {
                entry.text = Arc::from(text.as_str());
            }
            entry.status = match &report.result {
                Ok(summary) => Status::Done(Arc::new(Done { output, summary: summary.clone() })),
                Err(why) => Status::Failed(why.clone()),
            };
        });
        let lone = self.lone.with_value(|lone| lone.as_ref().filter(|(lone, _)| *lone == id).map(|(_, tell)| tell.clone()));
        if let (true, Some(tell)) = (current, lone) {
            self.lone.set_value(None);
            match (report.result, text) {
                (Err(why), _) => tell(Err(why)),
                (Ok(_), Some(text)) => tell(Ok(text)),
                (Ok(_), None) => {} // JSONL stays in the files panel
            }
        }
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
                    archive.write_all(&done.output).map_err(|e| e.to_string())?;
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

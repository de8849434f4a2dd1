//! Cleaning large inputs in a web worker, so that typing never waits for
//! it: both ends of the conversation. The worker runs the page's own wasm
//! module (compiled once, handed over by the page; `web/worker.js` starts
//! it), whose start serves jobs where there is no window; messages are
//! plain objects whose texts travel as strings.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use rinse_core::{Config, Format};

use crate::file_job::{FileCleaning, FileJob};
use crate::job::{self, Job, Summary};
use crate::model::Outcome;

/// The worker's starter, copied next to the page by trunk.
const WORKER_SCRIPT: &str = "./worker.js";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The URL of this module's JavaScript bindings, which the worker
    /// imports to start the same module.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static BINDINGS_URL: String;
}

/// Starts a worker running this module (none where the host lacks the
/// file, or on a test page), its replies going to `on_reply` and its
/// failure, or a start that failed, to `on_error`.
pub(crate) fn start(on_reply: impl Fn(JsValue) + 'static, on_error: impl Fn() + 'static) -> Option<web_sys::Worker> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(WORKER_SCRIPT, &options).ok()?;
    let on_error = Rc::new(on_error);
    let failed = on_error.clone();
    let on_reply = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let reply = event.data();
        if field(&reply, "failed").is_truthy() {
            failed();
        } else {
            on_reply(reply);
        }
    });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| on_error());
    worker.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_reply.forget();
    on_error.forget();
    let module = js_sys::Object::new();
    set(&module, "bindings", &BINDINGS_URL.with(|url| JsValue::from(url.as_str())));
    set(&module, "module", &wasm_bindgen::module());
    worker.post_message(&module).ok()?;
    Some(worker)
}

/// Lets the thread draw, take input or read its messages before the next
/// piece of work: on the page and in the worker alike.
pub(crate) async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = match web_sys::window() {
            Some(window) => window.set_timeout_with_callback(&resolve),
            None => js_sys::global().unchecked_into::<web_sys::WorkerGlobalScope>().set_timeout_with_callback(&resolve),
        };
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The worker's side: answers each job with its outcome.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        if field(&data, "file").is_instance_of::<web_sys::File>() {
            queue_file_job(&replies, data);
            return;
        }
        let input = field(&data, "input").as_string().unwrap_or_default();
        let config = field(&data, "config").as_string().unwrap_or_default();
        let format = field(&data, "format").as_string().and_then(|f| serde_json::from_str(&f).ok()).unwrap_or_default();
        let reply = js_sys::Object::new();
        set(&reply, "id", &field(&data, "id"));
        let result = serde_json::from_str::<Config>(&config)
            .map_err(|e| e.to_string())
            .and_then(|config| job::run(&input, &config, format, js_sys::Date::now));
        match result {
            Ok(outcome) => {
                set(&reply, "summary", &serde_json::to_string(&Summary::of(&outcome)).unwrap_or_default().into());
                set(&reply, "cleaned", &outcome.cleaned.text.as_str().into());
                if outcome.format == Format::Html {
                    set(&reply, "before", &outcome.before.as_str().into());
                }
            }
            Err(error) => set(&reply, "error", &error.into()),
        }
        // A reply that cannot be posted leaves the page waiting; nothing else to tell it.
        let _ = replies.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came before the handler was set are lost: the page
    // sends none until it hears this.
    let ready = js_sys::Object::new();
    set(&ready, "ready", &true.into());
    let _ = scope.post_message(&ready);
}

/// File jobs not yet begun, and the latest generation asked for each file:
/// a cleaning that a later one has overtaken stops at its next stretch.
#[derive(Default)]
struct FileJobs {
    waiting: VecDeque<JsValue>,
    latest: HashMap<u32, u32>,
    running: bool,
}

thread_local! {
    static FILE_JOBS: RefCell<FileJobs> = RefCell::default();
}

fn file_id_and_generation(data: &JsValue) -> (u32, u32) {
    let number = |name| field(data, name).as_f64().unwrap_or(-1.0) as u32;
    (number("fileId"), number("generation"))
}

fn overtaken(data: &JsValue) -> bool {
    let (id, generation) = file_id_and_generation(data);
    FILE_JOBS.with_borrow(|jobs| jobs.latest.get(&id).is_some_and(|&latest| latest != generation))
}

/// Queues a file job; the jobs run one after another.
fn queue_file_job(scope: &web_sys::DedicatedWorkerGlobalScope, data: JsValue) {
    let (id, generation) = file_id_and_generation(&data);
    let start = FILE_JOBS.with_borrow_mut(|jobs| {
        jobs.latest.insert(id, generation);
        jobs.waiting.push_back(data);
        !std::mem::replace(&mut jobs.running, true)
    });
    if start {
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            while let Some(data) = FILE_JOBS.with_borrow_mut(|jobs| {
                let next = jobs.waiting.pop_front();
                jobs.running = next.is_some();
                next
            }) {
                clean_file_here(&scope, &data).await;
            }
        });
    }
}

/// A file job: the file read (synchronously: the worker has nothing else to
/// do meanwhile), cleaned a stretch at a time with a look at the messages in
/// between, progress and the result posted back.
async fn clean_file_here(replies: &web_sys::DedicatedWorkerGlobalScope, data: &JsValue) {
    let message = |extra: &[(&str, JsValue)]| {
        let message = js_sys::Object::new();
        set(&message, "fileId", &field(data, "fileId"));
        set(&message, "generation", &field(data, "generation"));
        for (name, value) in extra {
            set(&message, name, value);
        }
        message
    };
    let reply = |extra: &[(&str, JsValue)]| {
        let _ = replies.post_message(&message(extra));
    };
    if overtaken(data) {
        return;
    }
    let job = field(data, "job").as_string().unwrap_or_default();
    let job: FileJob = match serde_json::from_str(&job) {
        Ok(job) => job,
        Err(error) => return reply(&[("error", error.to_string().into())]),
    };
    let Ok(bytes) = field(data, "file").dyn_into::<web_sys::File>().and_then(|f| read_in_slices(&f)) else {
        return reply(&[("error", "the browser could not read it".into())]);
    };
    let cleaned = match FileCleaning::start(bytes, &job) {
        Err(done) => *done,
        Ok(mut cleaning) => {
            while let Some(share) = cleaning.step() {
                reply(&[("progress", share.into())]);
                // Newer settings or another field may have come meanwhile.
                next_turn().await;
                if overtaken(data) {
                    return;
                }
            }
            cleaning.finish()
        }
    };
    let report = serde_json::to_string(&cleaned.report).unwrap_or_default();
    // Copied once out of the worker's memory, then its buffer handed over, not
    // copied again: it can be as large as the file.
    let output = js_sys::Uint8Array::from(cleaned.output.as_slice());
    let mut extra = vec![("report", report.into()), ("output", output.clone().into())];
    if let Some(text) = &cleaned.text {
        extra.push(("text", text.as_str().into()));
    }
    let _ = replies.post_message_with_transfer(&message(&extra), &js_sys::Array::of1(&output.buffer()));
}

/// A file's bytes, read a slice at a time straight into one buffer, so the
/// whole file is never held twice.
fn read_in_slices(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    const SLICE_BYTES: f64 = 8.0 * 1024.0 * 1024.0;
    let reader = web_sys::FileReaderSync::new()?;
    let size = file.size();
    let mut bytes = Vec::with_capacity(size as usize);
    let mut start = 0.0;
    while start < size {
        let end = (start + SLICE_BYTES).min(size);
        let buffer = reader.read_as_array_buffer(&file.slice_with_f64_and_f64(start, end)?)?;
        let slice = js_sys::Uint8Array::new(&buffer);
        let filled = bytes.len();
        bytes.resize(filled + slice.length() as usize, 0);
        slice.copy_to(&mut bytes[filled..]);
        start = end;
    }
    Ok(bytes)
}

pub(crate) fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

pub(crate) fn set(object: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &name.into(), value);
}

/// The page's side: one job in the worker at a time; while it runs (or the
/// worker starts), only the latest of the jobs that come in waits, the
/// others are dropped.
#[derive(Clone)]
pub struct Cleaner {
    state: Rc<RefCell<State>>,
}

struct State {
    worker: Worker,
    /// Whether the worker has said it listens.
    ready: bool,
    /// The job in the worker: its id, input and settings.
    running: Option<(u32, Job)>,
    /// Whether an input cleaned here since the running job began has made
    /// its answer out of date: it is then not shown.
    overtaken: bool,
    /// The number of the latest input handed over: a large one handed on
    /// a moment later is dropped if another came meanwhile.
    latest: u64,
    waiting: Option<Job>,
    next_id: u32,
    outcome: RwSignal<Outcome>,
    busy: RwSignal<bool>,
}

/// The worker is started by the first large input, so that a visit that
/// never needs it never spends the memory of a second instance.
enum Worker {
    NotStarted,
    Started(web_sys::Worker),
    /// It could not be started, or failed: jobs run on the page's thread.
    Unavailable,
}

impl Cleaner {
    pub fn new(outcome: RwSignal<Outcome>, busy: RwSignal<bool>) -> Cleaner {
        let state = State {
            worker: Worker::NotStarted,
            ready: false,
            running: None,
            overtaken: false,
            latest: 0,
            waiting: None,
            next_id: 0,
            outcome,
            busy,
        };
        Cleaner { state: Rc::new(RefCell::new(state)) }
    }

    /// Starts the worker (a host missing the file, or a test page, leaves
    /// it unavailable).
    fn start_worker(&self) -> Worker {
        let (cleaner, lost) = (self.clone(), self.clone());
        match start(move |reply| cleaner.finished(reply), move || lost.lost_worker()) {
            Some(worker) => Worker::Started(worker),
            None => Worker::Unavailable,
        }
    }

    /// Cleans on the page's thread at once: what the worker is doing or
    /// waits to do is then out of date. The job waiting is dropped, and the
    /// running one's answer, when it comes, is not shown over this outcome.
    pub fn clean_here(&self, job: &Job) {
        let mut state = self.state.borrow_mut();
        state.latest = state.latest.wrapping_add(1);
        state.waiting = None;
        state.overtaken = state.running.is_some();
        state.busy.set(false);
        let outcome = state.outcome;
        drop(state);
        here(outcome, job);
    }

    /// Cleans in the worker, in a task of its own (the paste that brought
    /// the text has already cost its task a lot), unless a newer input has
    /// come by then.
    pub fn submit_soon(&self, job: Job) {
        let ticket = {
            let mut state = self.state.borrow_mut();
            state.latest = state.latest.wrapping_add(1);
            state.latest
        };
        let cleaner = self.clone();
        set_timeout(
            move || {
                if cleaner.state.borrow().latest == ticket {
                    cleaner.submit(job);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Cleans in the worker, or here when there is none.
    fn submit(&self, job: Job) {
        if matches!(self.state.borrow().worker, Worker::NotStarted) {
            let worker = self.start_worker();
            self.state.borrow_mut().worker = worker;
        }
        let mut state = self.state.borrow_mut();
        if matches!(state.worker, Worker::Unavailable) {
            let outcome = state.outcome;
            drop(state);
            here(outcome, &job);
            return;
        }
        if state.running.is_some() || !state.ready {
            state.waiting = Some(job);
            state.busy.set(true);
            return;
        }
        state.start(job);
    }

    fn finished(&self, reply: JsValue) {
        let mut state = self.state.borrow_mut();
        if field(&reply, "ready").is_truthy() {
            state.ready = true;
            if let Some(job) = state.waiting.take() {
                state.start(job);
            }
            return;
        }
        let id = field(&reply, "id").as_f64().unwrap_or(-1.0) as u32;
        let Some((_, Job { input, .. })) = state.running.take().filter(|(running, _)| *running == id) else { return };
        if std::mem::take(&mut state.overtaken) {
            if let Some(job) = state.waiting.take() {
                state.start(job);
            }
            return;
        }
        let outcome = match field(&reply, "error").as_string() {
            Some(error) => Outcome { error: Some(error), ..state.outcome.get_untracked() },
            None => {
                let summary = field(&reply, "summary").as_string().and_then(|json| serde_json::from_str::<Summary>(&json).ok());
                let cleaned = field(&reply, "cleaned").as_string().unwrap_or_default();
                let before = field(&reply, "before").as_string().unwrap_or(input);
                match summary {
                    Some(summary) => summary.into_outcome(before, cleaned),
                    None => Outcome { error: Some("the worker's answer could not be read".into()), ..state.outcome.get_untracked() },
                }
            }
        };
        state.outcome.set(outcome);
        match state.waiting.take() {
            Some(job) => state.start(job),
            None => state.busy.set(false),
        }
    }

    /// The worker failed: what it had, and all later jobs, run here.
    fn lost_worker(&self) {
        let mut state = self.state.borrow_mut();
        state.worker = Worker::Unavailable;
        let overtaken = std::mem::take(&mut state.overtaken);
        let job = state.waiting.take().or_else(|| state.running.take().filter(|_| !overtaken).map(|(_, job)| job));
        let (outcome, busy) = (state.outcome, state.busy);
        drop(state);
        busy.set(false);
        if let Some(job) = job {
            here(outcome, &job);
        }
    }
}

impl State {
    fn start(&mut self, job: Job) {
        let Worker::Started(worker) = &self.worker else { return };
        self.next_id = self.next_id.wrapping_add(1);
        let message = js_sys::Object::new();
        set(&message, "id", &self.next_id.into());
        set(&message, "input", &job.input.as_str().into());
        set(&message, "config", &serde_json::to_string(&job.config).unwrap_or_default().into());
        set(&message, "format", &serde_json::to_string(&job.format).unwrap_or_default().into());
        if worker.post_message(&message).is_ok() {
            self.running = Some((self.next_id, job));
            self.overtaken = false;
            self.busy.set(true);
        } else {
            here(self.outcome, &job);
        }
    }
}

/// Cleans on the page's thread; bad settings keep the last good result.
fn here(outcome: RwSignal<Outcome>, job: &Job) {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    match job::run(&job.input, &job.config, job.format, now) {
        Ok(result) => outcome.set(result),
        Err(error) => outcome.update(|last| last.error = Some(error)),
    }
}

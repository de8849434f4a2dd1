//! What a run does: build the plan, then clean each input to its output.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use rinse_core::jsonl::{self, clean_line_bytes, Row};
use rinse_core::rules::find;
use rinse_core::{
    clean_input_from, clean_input_owned, decode_owned, Cleaned, CleanedInput, Config, Decoded, Format, Plan, Preset, Signals, Stats,
    Timings,
};

use crate::args::Args;
use crate::explain;

/// Why a run stopped, and the exit code that says so.
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// An input that could not be read or cleaned.
    fn input(message: impl Into<String>) -> Failure {
        Failure { code: 1, message: message.into() }
    }

    /// Arguments or settings that cannot be used.
    fn usage(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: message.into() }
    }
}

pub fn run(args: &Args) -> Result<(), Failure> {
    if args.list_rules {
        print!("{}", explain::rule_list());
        return Ok(());
    }
    let mut plan = plan(args)?;
    let mut timings = Timings::default();
    if args.timings {
        plan.clock = Some(since_start);
    }
    let started = since_start();
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .map_err(|e| Failure::usage(format!("--threads {threads}: {e}")))?;
    }
    let inputs: Vec<Option<&Path>> =
        if args.files.is_empty() { vec![None] } else { args.files.iter().map(|f| (f.as_os_str() != "-").then_some(f.as_path())).collect() };
    let options = args.jsonl_options();
    if !options.is_empty() && !inputs.iter().any(|&input| args.reads_jsonl(input)) {
        return Err(Failure::usage(format!("{}: for JSONL input; pass --jsonl, or files named .jsonl or .ndjson", options.join(", "))));
    }
    let mut shared_out: Option<Box<dyn Write>> = match (&args.output, &args.out_dir) {
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| Failure::input(format!("{}: {e}", dir.display())))?;
            None
        }
        (Some(path), None) => {
            Some(Box::new(BufWriter::new(File::create(path).map_err(|e| Failure::input(format!("{}: {e}", path.display())))?)))
        }
        (None, None) => Some(Box::new(BufWriter::new(io::stdout().lock()))),
    };
    for input in inputs {
        let name = input.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let reader: Box<dyn Read + Send> = match input {
            None => Box::new(io::stdin()),
            Some(path) => Box::new(File::open(path).map_err(|e| Failure::input(format!("{name}: {e}")))?),
        };
        let mut own_out;
        let out: &mut dyn Write = match (&mut shared_out, &args.out_dir, input) {
            (Some(out), _, _) => out,
            (None, Some(dir), path) => {
                let target = out_path(dir, path);
                own_out = BufWriter::new(File::create(&target).map_err(|e| Failure::input(format!("{}: {e}", target.display())))?);
                &mut own_out
            }
            (None, None, _) => unreachable!("an output is always chosen"),
        };
        if args.reads_jsonl(input) {
            let size = input.and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len());
            let progress = progress_bar(args, size);
            clean_jsonl(args, &plan, &name, progress.wrap_read(reader), out, &progress, &mut timings)?;
            progress.finish_and_clear();
        } else {
            clean_document(args, &plan, &name, reader, out, &mut timings)?;
        }
        out.flush().map_err(|e| Failure::input(format!("writing output: {e}")))?;
    }
    if args.timings {
        let threads = rayon::current_num_threads();
        let wall = since_start().saturating_sub(started).as_secs_f64();
        eprintln!("rinse: cleaned in {wall:.2} s; time by step, summed over {threads} thread(s):");
        eprint!("{}", timings.table());
        if let Some(bytes) = peak_memory() {
            eprintln!("rinse: peak memory {:.1} MB", bytes as f64 / 1e6);
        }
    }
    Ok(())
}

/// The most memory the process has held resident, as Linux reports it
/// (`VmHWM`); `None` elsewhere.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|line| line.strip_prefix("VmHWM:"))?;
    let kilobytes: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kilobytes * 1024)
}

/// The clock `--timings` reads: time since it was first read.
fn since_start() -> Duration {
    static START: LazyLock<Instant> = LazyLock::new(Instant::now);
    START.elapsed()
}

fn out_path(dir: &Path, input: Option<&Path>) -> PathBuf {
    dir.join(input.and_then(Path::file_name).unwrap_or("stdin".as_ref()))
}

/// The plan from `--config`, then `--preset`, `--rules` and `--no-rules` on top.
fn plan(args: &Args) -> Result<Plan, Failure> {
    let mut config = match &args.config {
        Some(path) => {
            let json = std::fs::read_to_string(path).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
            Config::from_json(&json).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?
        }
        None => Config::default(),
    };
    if let Some(name) = &args.preset {
        config.preset =
            Preset::from_id(name).ok_or_else(|| Failure::usage(format!("--preset {name}: no such preset (article, corpus, minimal)")))?;
    }
    if let Some(to) = args.to {
        config.output.to = to.output();
    }
    if args.kind.is_some() {
        config.kind = args.kind;
    }
    config.output.links |= args.links;
    config.output.images |= args.images;
    for (ids, enabled) in [(&args.rules, true), (&args.no_rules, false)] {
        for id in ids {
            let rule = find(id).ok_or_else(|| Failure::usage(format!("{id}: no rule has this id (see --list-rules)")))?;
            config.set_enabled(rule, enabled);
        }
    }
    config.plan().map_err(|e| Failure::usage(e.to_string()))
}

fn clean_document(
    args: &Args,
    plan: &Plan,
    name: &str,
    mut reader: Box<dyn Read + Send>,
    out: &mut dyn Write,
    timings: &mut Timings,
) -> Result<(), Failure> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let input = decode_owned(bytes).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    if let Some(note) = reading_note(&input) {
        eprintln!("rinse: {name}: {note}");
    }
    if jsonl::looks_like_jsonl(&input.text) {
        eprintln!("rinse: {name}: its first line is a JSON object, but it was cleaned as one text; --jsonl cleans a field of each line");
    }
    let mut write = |cleaned: &Cleaned| out.write_all(cleaned.text.as_bytes()).map_err(|e| Failure::input(format!("writing output: {e}")));
    if args.explain || args.stats {
        let CleanedInput { before, cleaned, .. } = clean_input_from(&input.text, args.from.format(), plan, args.url.as_deref());
        write(&cleaned)?;
        report(args, name, &before, &cleaned, timings);
    } else {
        // Nothing asks for the text as it was: the input becomes the working copy.
        let (_, cleaned) = clean_input_owned(input.text.into_owned(), args.from.format(), plan, args.url.as_deref());
        write(&cleaned)?;
        report(args, name, "", &cleaned, timings);
    }
    Ok(())
}

/// What reading an input's bytes as text did that its output does not
/// show, if anything: output is always UTF-8, without a byte-order mark.
fn reading_note(input: &Decoded) -> Option<String> {
    let read = match (input.guessed, input.marked, input.encoding) {
        (true, _, encoding) => format!("not UTF-8; read as {encoding}; written as UTF-8"),
        (false, true, "UTF-8") => "its UTF-8 byte-order mark left out".to_string(),
        (false, true, encoding) => format!("read as {encoding}, as its byte-order mark says; written as UTF-8"),
        (false, false, _) => return None,
    };
    let lossy = if input.lossy { "; some bytes did not fit and became \u{fffd}" } else { "" };
    Some(format!("{read}{lossy}"))
}

/// Lines read and cleaned together: enough to keep every core busy, few
/// enough that memory stays flat however long the file; and at most about
/// this many bytes, so that cleaning starts before a large file is read.
const BATCH_LINES: usize = 512;
const BATCH_BYTES: usize = 4 << 20;

/// Lines of a JSONL file as read, one after another in one buffer (a line
/// read into a buffer of its own grows it many times over).
struct Batch {
    bytes: Vec<u8>,
    lines: Vec<RawLine>,
}

/// Where a line of a [`Batch`] lies in its buffer, without the line break, and whether it had one.
struct RawLine {
    range: std::ops::Range<usize>,
    ended: bool,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn bytes(&self, line: &RawLine) -> &[u8] {
        &self.bytes[line.range.clone()]
    }
}

/// Cleans a JSONL stream in batches, each cleaned in parallel and written in order.
fn clean_jsonl(
    args: &Args,
    plan: &Plan,
    name: &str,
    reader: impl Read + Send,
    out: &mut dyn Write,
    progress: &ProgressBar,
    timings: &mut Timings,
) -> Result<(), Failure> {
    let format: Format = args.from.format();
    let mut reader = BufReader::new(reader);
    let (mut number, mut malformed, mut without_field, mut dropped) = (0usize, 0usize, 0usize, 0usize);
    let read = |reader: &mut BufReader<_>| read_batch(reader).map_err(|e| Failure::input(format!("{name}: {e}")));
    let mut batch = read(&mut reader)?;
    while !batch.is_empty() {
        // The next batch is read while this one is cleaned.
        let (next, rows) = rayon::join(
            || read(&mut reader),
            || -> Vec<Result<Row, String>> {
                batch
                    .lines
                    .par_iter()
                    .map(|raw| clean_line_bytes(batch.bytes(raw), args.field(), format, plan).map_err(|e| e.to_string()))
                    .collect()
            },
        );
        for (raw, row) in batch.lines.iter().zip(rows) {
            number += 1;
            let written = match row {
                Ok(Row::Cleaned { before, cleaned, .. }) if args.drop_rejected && jsonl::is_rejected(&cleaned) => {
                    report(args, &format!("{name}:{number}"), &before, &cleaned, timings);
                    dropped += 1;
                    Ok(())
                }
                Ok(Row::Cleaned { line, before, cleaned }) => {
                    report(args, &format!("{name}:{number}"), &before, &cleaned, timings);
                    write_line(out, line.as_bytes(), raw.ended)
                }
                Ok(Row::NoField) => {
                    without_field += 1;
                    write_line(out, batch.bytes(raw), raw.ended)
                }
                Ok(Row::Blank) => write_line(out, batch.bytes(raw), raw.ended),
                Err(message) if args.keep_going => {
                    malformed += 1;
                    eprintln!("rinse: {name}:{number}: {message}; passed through unchanged");
                    write_line(out, batch.bytes(raw), raw.ended)
                }
                Err(message) => {
                    return Err(Failure::input(format!("{name}:{number}: {message} (use --keep-going to pass such lines through)")))
                }
            };
            written.map_err(|e| Failure::input(format!("writing output: {e}")))?;
        }
        progress.set_message(format!("{number} records"));
        batch = next?;
    }
    if without_field > 0 {
        eprintln!("rinse: {name}: {without_field} line(s) had no string field `{}`; passed through unchanged", args.field());
    }
    if malformed > 0 {
        eprintln!("rinse: {name}: {malformed} malformed line(s) passed through unchanged");
    }
    if dropped > 0 {
        eprintln!("rinse: {name}: {dropped} record(s) left out: the corpus filters' verdict was drop");
    }
    Ok(())
}

/// A bar over the bytes of a file (a spinner for a stream), drawn only on
/// a terminal, and never with `--no-progress`.
fn progress_bar(args: &Args, size: Option<u64>) -> ProgressBar {
    if args.no_progress || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match size {
        Some(size) => ProgressBar::new(size).with_style(
            ProgressStyle::with_template("{bar:30} {binary_bytes}/{binary_total_bytes} · {msg} · {binary_bytes_per_sec} · {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {binary_bytes} · {msg} · {binary_bytes_per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.with_message("0 records")
}

fn read_batch(reader: &mut impl BufRead) -> io::Result<Batch> {
    let mut batch = Batch { bytes: Vec::with_capacity(BATCH_BYTES), lines: Vec::with_capacity(BATCH_LINES) };
    while batch.lines.len() < BATCH_LINES && batch.bytes.len() < BATCH_BYTES {
        let start = batch.bytes.len();
        if reader.read_until(b'\n', &mut batch.bytes)? == 0 {
            break;
        }
        let ended = batch.bytes.last() == Some(&b'\n');
        let end = batch.bytes.len() - usize::from(ended);
        batch.lines.push(RawLine { range: start..end, ended });
    }
    Ok(batch)
}

fn write_line(out: &mut dyn Write, bytes: &[u8], ended: bool) -> io::Result<()> {
    out.write_all(bytes)?;
    if ended {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `--explain`, `--stats` and `--signals` output for one document; its
/// timings added to the run's.
fn report(args: &Args, name: &str, before: &str, cleaned: &rinse_core::Cleaned, timings: &mut Timings) {
    if let Some(own) = &cleaned.timings {
        timings.add(own);
    }
    if args.explain {
        if let Some(kind) = &cleaned.kind {
            eprintln!("rinse: {name}: page kind: {kind}");
        }
        if let Some(note) = &cleaned.note {
            eprintln!("rinse: {name}: {note}");
        }
        eprint!("{}", explain::changes(name, before, &cleaned.edits, io::stderr().is_terminal()));
    }
    if args.stats {
        let stats = Stats::new(before, &cleaned.text, cleaned.edits.len());
        let line = serde_json::json!({
            "name": name,
            "before": stats.before,
            "after": stats.after,
            "removed_share": stats.removed_share(),
            "edits": stats.edits,
            "rules": cleaned.counts,
            "kind": cleaned.kind.as_ref().map(|found| found.kind),
        });
        eprintln!("{line}");
    }
    if args.signals {
        let signals = cleaned.signals.clone().unwrap_or_else(|| Signals::of(&cleaned.text));
        eprintln!("{}", serde_json::json!({ "name": name, "signals": signals }));
    }
}

//! One file cleaned from its bytes: decoded, recognised and cleaned, the
//! same in the web worker and, where there is none, on the page. JSONL files
//! are cleaned as `rinse --jsonl --keep-going` cleans them, so the bytes
//! match the CLI's.

use rinse_core::jsonl::{self, CleanedFile};
use rinse_core::{clean_input, Config, Format};
use serde::{Deserialize, Serialize};

/// JSONL is cleaned in stretches of about this many bytes, progress told after each.
const STRETCH_BYTES: usize = 1 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// By the name's extension, else by the content (JSONL as the CLI tells it).
    pub fn of(name: &str, text: &str) -> Kind {
        if jsonl::is_jsonl_name(name) {
            return Kind::Jsonl;
        }
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match extension.as_str() {
            "html" | "htm" | "xhtml" => Kind::Html,
            "md" | "markdown" => Kind::Markdown,
            _ if Format::Auto.resolve(text) == Format::Html => Kind::Html,
            _ if jsonl::looks_like_jsonl(text) => Kind::Jsonl,
            _ => Kind::Text,
        }
    }
}

/// How to clean one file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileJob {
    pub name: String,
    pub config: Config,
    /// The JSONL field to clean; the likeliest one when not given.
    pub field: Option<String>,
    /// Leave out JSONL records whose corpus verdict is drop.
    pub drop_rejected: bool,
}

/// What was found about a file, and what cleaning it gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub kind: Kind,
    /// Empty when the bytes could not be decoded.
    pub encoding: String,
    /// For JSONL: the field cleaned, and the string fields to choose from.
    pub field: String,
    pub fields: Vec<String>,
    pub result: Result<Summary, String>,
}

/// What cleaning did to a file (its output travels on its own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub removed_share: f64,
    pub records: Option<Records>,
    /// An HTML file's page kind and what told it ("listing (its address has /tag/)").
    pub page_kind: Option<String>,
}

/// What became of a JSONL file's records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Records {
    pub cleaned: usize,
    pub without_field: usize,
    /// Left out because the corpus verdict was drop (when asked to).
    pub dropped: usize,
    /// Line numbers and why, passed through unchanged.
    pub malformed: Vec<(usize, String)>,
}

/// A file cleaned: the report, the output, and for text and HTML files the
/// decoded text, which the page can show in its main view.
pub struct CleanedFileJob {
    pub report: FileReport,
    /// UTF-8, but for JSONL lines that were not and passed through as they were.
    pub output: Vec<u8>,
    pub text: Option<String>,
}

/// Decodes and cleans `bytes`, telling `progress` the share done now and then.
pub fn clean_file(bytes: Vec<u8>, job: &FileJob, mut progress: impl FnMut(f64)) -> CleanedFileJob {
    let mut cleaning = match FileCleaning::start(bytes, job) {
        Ok(cleaning) => cleaning,
        Err(done) => return *done,
    };
    while let Some(share) = cleaning.step() {
        progress(share);
    }
    cleaning.finish()
}

/// A JSONL file being cleaned a stretch at a time, so that whoever cleans it
/// can look up between stretches (and give up on a cleaning that settings
/// have overtaken).
pub struct FileCleaning {
    bytes: Vec<u8>,
    plan: rinse_core::Plan,
    report: FileReport,
    drop_rejected: bool,
    file: CleanedFile,
    /// Where the next stretch starts, and its first line's number less one.
    start: usize,
    line: usize,
}

impl FileCleaning {
    /// Decodes `bytes` and recognises the file: a JSONL file is then cleaned
    /// by [`FileCleaning::step`]; any other file is cleaned at once, or
    /// refused, and comes back as done.
    pub fn start(bytes: Vec<u8>, job: &FileJob) -> Result<FileCleaning, Box<CleanedFileJob>> {
        let mut report =
            FileReport { kind: Kind::Text, encoding: String::new(), field: String::new(), fields: Vec::new(), result: Err(String::new()) };
        let refused = |report: FileReport| Box::new(CleanedFileJob { report, output: Vec::new(), text: None });
        let decoded = match rinse_core::decode(&bytes) {
            Ok(decoded) => decoded,
            Err(error) => {
                report.result = Err(error.to_string());
                return Err(refused(report));
            }
        };
        report.encoding = if decoded.guessed { format!("{} (guessed)", decoded.encoding) } else { decoded.encoding.to_string() };
        report.kind = Kind::of(&job.name, &decoded.text);
        let plan = match job.config.plan() {
            Ok(plan) => plan,
            Err(error) => {
                report.result = Err(error.to_string());
                return Err(refused(report));
            }
        };
        let text: &str = &decoded.text;
        if report.kind != Kind::Jsonl {
            let format = if report.kind == Kind::Html { Format::Html } else { Format::Text };
            let result = clean_input(text, format, &plan);
            let before = result.before.chars().count().max(1);
            let removed_share = 1.0 - (result.cleaned.text.chars().count() as f64 / before as f64).min(1.0);
            let page_kind = result.cleaned.kind.as_ref().map(ToString::to_string);
            report.result = Ok(Summary { removed_share, records: None, page_kind });
            let output = result.cleaned.text.into_bytes();
            return Err(Box::new(CleanedFileJob { report, output, text: Some(text.to_string()) }));
        }
        report.fields = jsonl::text_fields(text);
        report.field = job.field.clone().or_else(|| report.fields.first().cloned()).unwrap_or_else(|| "text".into());
        // The output is about the input's size: one allocation, not a doubling series.
        let file = CleanedFile { text: Vec::with_capacity(bytes.len()), ..CleanedFile::default() };
        Ok(FileCleaning { bytes, plan, report, drop_rejected: job.drop_rejected, file, start: 0, line: 0 })
    }

    /// Cleans the next stretch of lines: the share done, or `None` at the end.
    pub fn step(&mut self) -> Option<f64> {
        let bytes = &self.bytes;
        if self.start >= bytes.len() {
            return None;
        }
        // Lines are read from the bytes as they came, as the command line
        // reads them: a line that is not UTF-8 is reported and passed through.
        let from = (self.start + STRETCH_BYTES).min(bytes.len());
        let end = bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| from + i + 1);
        let stretch = &bytes[self.start..end];
        let (field, plan) = (&self.report.field, &self.plan);
        jsonl::clean_lines(stretch, self.line, field, Format::Auto, plan, self.drop_rejected, &mut self.file);
        self.line += stretch.iter().filter(|&&b| b == b'\n').count();
        self.start = end;
        Some(end as f64 / bytes.len() as f64)
    }

    /// The file cleaned.
    pub fn finish(self) -> CleanedFileJob {
        let FileCleaning { mut report, file, .. } = self;
        let removed_share = 1.0 - (file.chars_after as f64 / file.chars_before.max(1) as f64).min(1.0);
        let records =
            Records { cleaned: file.cleaned, without_field: file.without_field, dropped: file.dropped, malformed: file.malformed };
        report.result = Ok(Summary { removed_share, records: Some(records), page_kind: None });
        CleanedFileJob { report, output: file.text, text: None }
    }
}

//! The command line, defined once: clap derives the parser and `--help` from it.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use rinse_core::html::PageKind;

/// Clean text scraped from the web: the same engine and settings as the rinse page.
///
/// Reads FILES (or standard input) and writes the cleaned text, as UTF-8, to
/// standard output, to -o FILE, or into --out-dir. Exit codes: 0 success; 1 an input
/// could not be read or cleaned (a binary file, a malformed JSONL line);
/// 2 bad arguments or configuration.
#[derive(Debug, Parser)]
#[command(name = "rinse", version, about, long_about)]
pub struct Args {
    /// Files to clean; none, or `-`, reads standard input.
    pub files: Vec<PathBuf>,

    /// Write all output to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write each input's output to a file of the same name in this folder.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// What the input is: text, page HTML, or decided from the content.
    #[arg(long, value_enum, default_value_t = From::Auto)]
    pub from: From,

    /// What to write: flat text, or Markdown (headings, lists, tables and code blocks kept;
    /// text input is read as Markdown). Overrides the config's `output.to`.
    #[arg(long, value_enum, value_name = "FORM")]
    pub to: Option<To>,

    /// Markdown: write links as [text](url).
    #[arg(long)]
    pub links: bool,

    /// Markdown: write images as ![alt](src).
    #[arg(long)]
    pub images: bool,

    /// Page source: the kind of page the inputs are (article, forum, product, listing,
    /// collection, documentation, service), read as such whatever they or their address say.
    /// A forum keeps every post; a listing, collection, documentation or service page trusts
    /// the line-by-line reading sooner. Overrides the config's `kind`.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<PageKind>,

    /// Page source: the address the page came from, which may tell its kind (`/t/…` a
    /// forum thread, `/docs/…` documentation, a site's front page a service page). JSONL
    /// rows give theirs in a `url` field.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The rule preset to start from: article, corpus or minimal.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,

    /// Settings as JSON, as exported from the page.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Also run these rules (comma-separated ids).
    #[arg(long, value_name = "ID,ID…", value_delimiter = ',')]
    pub rules: Vec<String>,

    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_name = "ID,ID…", value_delimiter = ',')]
    pub no_rules: Vec<String>,

    /// Input is JSONL: clean one string field of each object, keep the rest. Files named
    /// `.jsonl` or `.ndjson` are read as JSONL without it, as the page reads them.
    #[arg(long)]
    pub jsonl: bool,

    /// The JSONL field to clean (default: text).
    #[arg(long, value_name = "NAME")]
    pub field: Option<String>,

    /// Pass malformed JSONL lines through unchanged (counted on stderr) instead of stopping.
    #[arg(long)]
    pub keep_going: bool,

    /// Leave out JSONL records whose corpus verdict is drop (the corpus preset reports verdicts); counted on stderr.
    #[arg(long)]
    pub drop_rejected: bool,

    /// Threads for cleaning JSONL records in parallel (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Show no progress bar (one is drawn on a terminal while JSONL is cleaned).
    #[arg(long)]
    pub no_progress: bool,

    /// Print every change with its rule and reason on standard error.
    #[arg(long)]
    pub explain: bool,

    /// Print per-document figures as JSON lines on standard error.
    #[arg(long)]
    pub stats: bool,

    /// Print each document's quality signals and keep/drop verdict as JSON lines on standard error.
    #[arg(long)]
    pub signals: bool,

    /// When done, print on standard error the time each rule took, summed over all documents and threads, and the most memory the run held (where the system tells it).
    #[arg(long)]
    pub timings: bool,

    /// List the rules, in the order they run, with their docs; then exit.
    #[arg(long)]
    pub list_rules: bool,
}

impl Args {
    /// The JSONL field to clean.
    pub fn field(&self) -> &str {
        self.field.as_deref().unwrap_or("text")
    }

    /// Whether `input` (`None` for standard input) is read as JSONL: with
    /// `--jsonl`, or by its name.
    pub fn reads_jsonl(&self, input: Option<&std::path::Path>) -> bool {
        self.jsonl || input.is_some_and(|path| rinse_core::jsonl::is_jsonl_name(&path.to_string_lossy()))
    }

    /// The JSONL options given, if any.
    pub fn jsonl_options(&self) -> Vec<&'static str> {
        [(self.field.is_some(), "--field"), (self.keep_going, "--keep-going"), (self.drop_rejected, "--drop-rejected")]
            .into_iter()
            .filter_map(|(given, flag)| given.then_some(flag))
            .collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum From {
    Auto,
    Text,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum To {
    Text,
    Markdown,
}

impl To {
    pub fn output(self) -> rinse_core::To {
        match self {
            To::Text => rinse_core::To::Text,
            To::Markdown => rinse_core::To::Markdown,
        }
    }
}

impl From {
    pub fn format(self) -> rinse_core::Format {
        match self {
            From::Auto => rinse_core::Format::Auto,
            From::Text => rinse_core::Format::Text,
            From::Html => rinse_core::Format::Html,
        }
    }
}

fn parse_kind(name: &str) -> Result<PageKind, String> {
    name.parse()
}

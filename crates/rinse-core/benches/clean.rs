//! Throughput of cleaning, per preset, on about 1 MB of scrape-like text,
//! of reading HTML pages into their main content, and of making each view
//! of a text that the rules share; and, when the shared evaluation tracks
//! are beside the project, of the article preset on each text track's
//! documents.
//!
//! `cargo bench -p rinse-core` prints MB/s for each preset.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rinse_core::reading::stopwords;
use rinse_core::reading::Doc;
use rinse_core::{clean, clean_input, Config, Format, Preset};

/// A pseudo-word that makes each copy of the fixture distinct, even after
/// normalisation turns digits into zeros.
fn tag(mut n: usize) -> String {
    let mut word = String::new();
    loop {
        word.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return word;
        }
    }
}

/// About `size` bytes of scrapes: the fixture's junk and repeats, with each
/// copy's own words so that copies are not duplicates of one another.
fn corpus(size: usize) -> String {
    let scrape = include_str!("../../../fixtures/harbour-scrape.txt");
    let mut text = String::with_capacity(size + scrape.len());
    let mut copy = 0;
    while text.len() < size {
        let tag = tag(copy);
        for line in scrape.lines() {
            text.push_str(line);
            if line.split_whitespace().count() > 8 {
                text.push_str(" Filed as ");
                text.push_str(&tag);
                text.push('.');
            }
            text.push('\n');
        }
        copy += 1;
    }
    text
}

fn presets(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    for preset in Preset::ALL {
        let plan = Config::preset(preset).plan().unwrap();
        group.bench_function(preset.id(), |b| b.iter(|| clean(&text, &plan)));
    }
    group.finish();
}

/// Repairs alone (the minimal preset) on correct non-ASCII text, and on the
/// same text as it reads after its UTF-8 was decoded as Windows-1252.
fn repair(c: &mut Criterion) {
    let clean =
        "Le caf\u{e9} \u{e0} Z\u{fc}rich co\u{fb}te 4\u{a0}\u{20ac}, \u{201c}c\u{2019}est cher\u{201d}, dit Ren\u{e9}e.\n".repeat(1 << 14);
    let (damaged, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(clean.as_bytes());
    let plan = Config::preset(Preset::Minimal).plan().unwrap();
    let mut group = c.benchmark_group("repair");
    group.sample_size(10);
    for (name, text) in [("clean", clean.as_str()), ("damaged", &*damaged)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| clean_text(text, &plan)));
    }
    group.finish();
}

/// A news page whose article has many paragraphs, among its menus and
/// sidebars: read, its main content chosen, and the article rules run.
fn html(c: &mut Criterion) {
    let page = include_str!("../../../fixtures/pages/library-reopens.html");
    let paragraph = page.split("<p>").nth(1).and_then(|p| p.split("</p>").next()).unwrap_or_default();
    let body: String = (0..2000).map(|n| format!("<p>{paragraph} Filed as {}.</p>\n", tag(n))).collect();
    let page = page.replacen("<h2>", &(body + "<h2>"), 1);
    let plan = Config::default().plan().unwrap();
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.sample_size(10);
    group.bench_function("article", |b| b.iter(|| clean_input(&page, Format::Html, &plan)));
    group.finish();
}

/// The article preset on the documents of each text track of the shared
/// evaluation data, one document after another as the CLI cleans them on
/// one thread, but without reading or writing JSON. The presets' megabyte
/// is one fixture over and over, which caches and branch predictors learn;
/// real scrapes vary from line to line, and run slower.
fn tracks(c: &mut Criterion) {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/data");
    let plan = Config::preset(Preset::Article).plan().unwrap();
    let mut group = c.benchmark_group("tracks");
    group.sample_size(10);
    for track in ["dev-text", "dev-dirty", "dev-clean"] {
        let Ok(jsonl) = std::fs::read_to_string(data.join(format!("{track}.jsonl"))) else {
            println!("no track {track} at {}; not timed", data.display());
            continue;
        };
        let documents: Vec<String> = jsonl
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|record| record.get("text").and_then(|text| text.as_str()).map(str::to_string))
            .collect();
        group.throughput(Throughput::Bytes(documents.iter().map(String::len).sum::<usize>() as u64));
        group.bench_function(track, |b| b.iter(|| documents.iter().map(|text| clean(text, &plan).text.len()).sum::<usize>()));
    }
    group.finish();
}

fn clean_text(text: &str, plan: &rinse_core::Plan) -> String {
    clean(text, plan).text
}

/// A view that rules share, by name: what it is made from (made first, not
/// timed), and how it is made.
type View = (&'static str, fn(&Doc), fn(&Doc));

/// Each view of a text that rules read, made on the presets' megabyte of
/// scrapes: what reading the text costs before any rule decides anything.
fn views(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let views: [View; 6] = [
        ("lines", |_| {}, |doc| _ = black_box(doc.spans())),
        ("word-counts", |doc| _ = doc.spans(), |doc| _ = black_box(doc.word_counts())),
        // Made together, from each line folded once: asking for one makes all three.
        ("folded-keys-and-phrase-hits", |doc| _ = doc.word_counts(), |doc| _ = black_box(doc.phrase_hits())),
        ("stop-words", |_| {}, |doc| _ = black_box(stopwords::for_text(doc.text()))),
        ("readings", |doc| _ = doc.word_counts(), |doc| _ = black_box(doc.readings(stopwords::for_text("the cat")))),
        // Made together: asking for either makes both.
        ("paragraph-keys-and-word-hashes", |doc| _ = doc.spans(), |doc| _ = black_box(doc.paragraph_keys())),
    ];
    let mut group = c.benchmark_group("views");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    for (name, before, view) in views {
        let fresh = || {
            let doc = Doc::new(text.clone());
            before(&doc);
            doc
        };
        // The document is handed back, so that dropping it is not timed.
        group.bench_function(name, |b| {
            b.iter_batched(
                fresh,
                |doc| {
                    view(&doc);
                    doc
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, presets, repair, html, views, tracks);
criterion_main!(benches);

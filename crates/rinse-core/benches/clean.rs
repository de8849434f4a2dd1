//! Throughput of cleaning, per preset, on about 1 MB of scrape-like text.
//!
//! `cargo bench -p rinse-core` prints MB/s for each preset.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rinse_core::{clean, Config, Preset};

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

criterion_group!(benches, presets);
criterion_main!(benches);

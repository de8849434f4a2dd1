//! A file cleaned from its bytes, as the worker (or the page) does it.
#![cfg(target_arch = "wasm32")]

use rinse_core::Config;
use rinse_web::file_job::{clean_file, FileJob, Kind, Summary};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn job(name: &str) -> FileJob {
    FileJob { name: name.into(), config: Config::default(), field: None, drop_rejected: false }
}

#[wasm_bindgen_test]
fn jsonl_stretches_keep_line_numbers_and_every_line() {
    // Long enough to be cleaned in several stretches.
    let record = format!("{{\"text\":\"{}\"}}\n", "Word ".repeat(400).trim_end());
    let mut input = record.repeat(1200);
    input.push_str("{broken\n");
    input.push_str(&record);
    let mut seen = Vec::new();
    let cleaned = clean_file(input.into_bytes(), &job("set.jsonl"), |share| seen.push(share));
    assert!(seen.len() > 1 && seen.windows(2).all(|w| w[0] < w[1]) && seen.last() == Some(&1.0), "{seen:?}");
    let Ok(Summary { records: Some(records), .. }) = cleaned.report.result else { panic!("not cleaned") };
    assert_eq!(records.malformed.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![1201]);
    assert_eq!(records.cleaned, 1201);
    let output = String::from_utf8(cleaned.output).unwrap();
    assert_eq!(output.lines().count(), 1202);
    assert_eq!(output.lines().nth(1200), Some("{broken"));
}

#[wasm_bindgen_test]
fn text_files_come_back_with_their_text_and_binary_ones_are_refused() {
    let cleaned = clean_file(b"Title\n\n\n\nBody.\n".to_vec(), &job("a.txt"), |_| {});
    assert_eq!(cleaned.report.kind, Kind::Text);
    assert_eq!(cleaned.text.as_deref(), Some("Title\n\n\n\nBody.\n"));
    assert_eq!(cleaned.output, b"Title\n\nBody.\n");
    let refused = clean_file(vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3], &job("a.png"), |_| {});
    assert!(refused.report.result.is_err() && refused.report.encoding.is_empty());
}

//! Any text read as page source: no panic, and the edits always rebuild the
//! cleaned text from the page's visible text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rinse_core::{apply, clean_input, Config, Format};

fuzz_target!(|source: &str| {
    let plan = Config::default().plan().expect("the default is valid");
    let result = clean_input(source, Format::Html, &plan);
    assert_eq!(apply(&result.before, &result.cleaned.edits), result.cleaned.text);
});

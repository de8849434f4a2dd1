//! Settings JSON from anywhere (an imported file, a shared link): it is
//! accepted or refused with an error, never a panic, and what is accepted
//! cleans text. The input is the JSON, then a NUL, then the text to clean.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rinse_core::{apply, clean_input, Config, Format};

fuzz_target!(|input: &str| {
    let (json, text) = input.split_once('\0').unwrap_or((input, "Some text  to clean.\nSome text  to clean.\n"));
    let Ok(config) = serde_json::from_str::<Config>(json) else { return };
    let Ok(plan) = config.plan() else { return };
    let result = clean_input(text, Format::Auto, &plan);
    assert_eq!(apply(&result.before, &result.cleaned.edits), result.cleaned.text);
});

//! Any bytes, decoded as a file would be, cleaned under every preset: no
//! panic, and the edits always rebuild the cleaned text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rinse_core::{apply, clean_input, decode, Config, Format, Preset};

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    for preset in Preset::ALL {
        let plan = Config::preset(preset).plan().expect("presets are valid");
        let result = clean_input(&decoded.text, Format::Text, &plan);
        assert_eq!(apply(&result.before, &result.cleaned.edits), result.cleaned.text);
    }
});

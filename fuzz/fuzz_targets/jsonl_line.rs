//! Any bytes as one JSONL line: no panic; a cleaned line is the same JSON
//! object with only the field's value changed, to the text the engine gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rinse_core::jsonl::{clean_line_bytes, Row};
use rinse_core::{clean, Config, Format};
use serde_json::Value;

fuzz_target!(|bytes: &[u8]| {
    let plan = Config::default().plan().expect("the default config is valid");
    let Ok(Row::Cleaned { line, before, cleaned }) = clean_line_bytes(bytes, "text", Format::Text, &plan) else { return };
    assert_eq!(cleaned.text, clean(&before, &plan).text);
    let (Ok(Value::Object(mut was)), Ok(Value::Object(is))) =
        (serde_json::from_slice::<Value>(bytes), serde_json::from_str::<Value>(&line))
    else {
        panic!("a cleaned line is a JSON object: {line}");
    };
    was.insert("text".into(), Value::String(cleaned.text));
    assert_eq!(was, is);
});

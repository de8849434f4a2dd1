//! Inputs built to hurt: each gives cleaned text or a clear error, never a
//! panic or a hang. (Time and memory for them are measured with the CLI;
//! see the README's hardening notes.)

use rinse_core::jsonl::{clean_row, Row};
use rinse_core::{apply, clean_input, decode, CleanedInput, Config, DecodeError, Format, Preset};

fn clean_every_preset(text: &str) -> Vec<CleanedInput<'_>> {
    Preset::ALL
        .into_iter()
        .map(|preset| {
            let result = clean_input(text, Format::Text, &Config::preset(preset).plan().unwrap());
            assert_eq!(apply(&result.before, &result.cleaned.edits), result.cleaned.text, "{preset:?}");
            result
        })
        .collect()
}

#[test]
fn binary_data_is_refused_by_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert_eq!(decode(png).unwrap_err(), DecodeError::Binary);
    assert!(decode(png).unwrap_err().to_string().contains("binary"));
    let mut random = Vec::with_capacity(1 << 16);
    let mut state = 0x2545_f491_u32;
    for _ in 0..(1 << 16) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        random.push(state as u8);
    }
    assert_eq!(decode(&random).unwrap_err(), DecodeError::Binary, "random bytes hold NULs");
}

#[test]
fn invalid_utf8_is_read_in_a_legacy_encoding_and_cleaned() {
    let bytes: Vec<u8> = b"Caf\xe9 cr\xe8me \xff\xfe\xfd and more   words\n".repeat(1000);
    let decoded = decode(&bytes).unwrap();
    assert!(decoded.guessed);
    let results = clean_every_preset(&decoded.text);
    assert!(results[0].cleaned.text.contains("Café crème"));
}

#[test]
fn nul_and_control_characters_inside_text_are_removed() {
    let text = "Before\0after\u{1}\u{7}\u{1b}[31mred\u{1b}[0m and \u{7f}done.\n".repeat(100);
    for result in clean_every_preset(&text) {
        assert!(!result.cleaned.text.contains('\0'));
    }
}

#[test]
fn a_fifty_megabyte_single_line_is_cleaned() {
    let line = "word and another word, ".repeat(50 * 1024 * 1024 / 23);
    let result = clean_input(&line, Format::Text, &Config::default().plan().unwrap());
    assert_eq!(apply(&result.before, &result.cleaned.edits), result.cleaned.text);
    assert!(result.cleaned.text.len() > 49 * 1024 * 1024);
}

#[test]
fn a_million_tiny_lines_are_cleaned() {
    let text: String = (0..1_000_000).map(|n| format!("{}\n", n % 7)).collect();
    clean_every_preset(&text);
}

#[test]
fn bidi_overrides_and_zero_width_characters_survive_as_text() {
    let text = "Invoice \u{202e}fdp.exe\u{202c} attached.\nHid\u{200b}den\u{2066} iso\u{2069}lates \u{feff}here.\n".repeat(50);
    for result in clean_every_preset(&text) {
        assert!(result.cleaned.text.contains("attached."));
    }
}

#[test]
fn pathological_custom_patterns_run_in_linear_time_or_are_refused() {
    let text = "a".repeat(200_000) + "!\n" + &"x".repeat(100_000);
    for pattern in ["(a*)*b", "(a|aa)+$", "(x+x+)+y", "^(\\w+\\s?)*$", ".*.*.*.*=.*"] {
        let json = format!(r#"{{"custom":[{{"name":"p","pattern":{},"replacement":""}}]}}"#, serde_json::to_string(pattern).unwrap());
        let config: Config = serde_json::from_str(&json).unwrap();
        let result = clean_input(&text, Format::Text, &config.plan().unwrap());
        assert_eq!(apply(&result.before, &result.cleaned.edits), result.cleaned.text, "{pattern}");
    }
    for pattern in ["a{1000}{1000}", "(", "\\p{NoSuchClass}", &"(a)".repeat(3000)] {
        let json = format!(r#"{{"custom":[{{"name":"big","pattern":{},"action":"drop-line"}}]}}"#, serde_json::to_string(pattern).unwrap());
        let error =
            serde_json::from_str::<Config>(&json).map_err(|e| e.to_string()).and_then(|c| c.plan().map(|_| ()).map_err(|e| e.to_string()));
        let message = error.expect_err(pattern);
        assert!(message.contains("custom[0]"), "{pattern}: {message}");
    }
}

#[test]
fn a_huge_jsonl_record_is_cleaned_and_a_broken_one_named() {
    let body = "A sentence of the record that goes on.  ".repeat(500_000);
    let line = serde_json::json!({ "id": 7, "text": body, "meta": { "lang": "en" } }).to_string();
    let plan = Config::default().plan().unwrap();
    let Ok(Row::Cleaned { line: out, .. }) = clean_row(&line, "text", Format::Text, &plan) else { panic!("not cleaned") };
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["meta"]["lang"], "en");
    assert!(!value["text"].as_str().unwrap().contains("  "));
    let truncated = &line[..line.len() / 2];
    assert!(clean_row(truncated, "text", Format::Text, &plan).unwrap_err().to_string().starts_with("not valid JSON"));
}

/// Found by the `config` fuzz target: line views kept across a pass went
/// stale when whole lines went and characters changed in the same pass.
#[test]
fn fuzz_regression_carriage_returns_nuls_and_byte_order_marks() {
    let text = "\u{180e}\r\r\r\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u{feff}\0\0\0\0\0\0]\0\0\0\0\0\0\0 G\"b\0\0\0\0\0\0\0\0\0\0\0,\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u{feff}\0";
    clean_every_preset(text);
}

//! JSONL datasets: one JSON object a line, one string field of it cleaned,
//! every other field and the order kept.

use std::fmt;

use serde_json::Value;

use crate::config::Plan;
use crate::input::Format;
use crate::{clean_input, Cleaned, CleanedInput};

/// What became of one line of a JSONL file.
#[derive(Debug, PartialEq)]
pub enum Row {
    /// The field was cleaned; the line re-serialised with the other fields as they were.
    /// `before` is the field's text as cleaned (a page's visible text for HTML).
    Cleaned { line: String, before: String, cleaned: Cleaned },
    /// The object has no string in that field: the line passes through unchanged.
    NoField,
    /// A blank line: passed through.
    Blank,
}

/// A line that is not a JSON object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError(pub String);

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RowError {}

/// Cleans `field` of the JSON object on `line`.
pub fn clean_row(line: &str, field: &str, format: Format, plan: &Plan) -> Result<Row, RowError> {
    if line.trim().is_empty() {
        return Ok(Row::Blank);
    }
    let mut value: Value = serde_json::from_str(line).map_err(|e| RowError(format!("not valid JSON: {e}")))?;
    let Some(object) = value.as_object_mut() else {
        return Err(RowError("not a JSON object".into()));
    };
    let Some(Value::String(text)) = object.get(field) else {
        return Ok(Row::NoField);
    };
    let CleanedInput { before, cleaned, .. } = clean_input(text, format, plan);
    let before = before.into_owned();
    object.insert(field.to_string(), Value::String(cleaned.text.clone()));
    let line = serde_json::to_string(&value).map_err(|e| RowError(e.to_string()))?;
    Ok(Row::Cleaned { line, before, cleaned })
}

/// Cleans one line of a JSONL file as read, its `\n` removed: a line that
/// is not UTF-8 is malformed, as one that is not JSON. The command line and
/// the page both read lines this way, so they agree on any file.
pub fn clean_line_bytes(raw: &[u8], field: &str, format: Format, plan: &Plan) -> Result<Row, RowError> {
    let bytes = raw.strip_suffix(b"\r").unwrap_or(raw);
    let line = std::str::from_utf8(bytes)
        .map_err(|e| RowError(format!("not UTF-8 (first bad byte at column {})", e.valid_up_to() + 1)))?;
    clean_row(line, field, format, plan)
}

/// A whole JSONL file cleaned as `rinse --jsonl --keep-going` cleans it:
/// the same bytes out, line for line.
#[derive(Debug, Default, PartialEq)]
pub struct CleanedFile {
    pub text: Vec<u8>,
    /// Records whose field was cleaned.
    pub cleaned: usize,
    /// Characters of the field before and after, over all records.
    pub chars_before: usize,
    pub chars_after: usize,
    /// Objects without a string in the field: passed through.
    pub without_field: usize,
    /// Records left out because the corpus filters' verdict was drop.
    pub dropped: usize,
    /// Malformed lines, by line number (from 1): passed through unchanged.
    pub malformed: Vec<(usize, String)>,
}

/// Cleans `field` in every line of `text` (its first line being number
/// `first_line + 1`), appending to `file`. With `drop_rejected`, records
/// whose corpus verdict is drop are left out (and counted).
pub fn clean_lines(
    text: &[u8],
    first_line: usize,
    field: &str,
    format: Format,
    plan: &Plan,
    drop_rejected: bool,
    file: &mut CleanedFile,
) {
    for (index, raw) in text.split_inclusive(|&b| b == b'\n').enumerate() {
        let (body, ended) = match raw.strip_suffix(b"\n") {
            Some(body) => (body, true),
            None => (raw, false),
        };
        match clean_line_bytes(body, field, format, plan) {
            Ok(Row::Cleaned { cleaned, .. }) if drop_rejected && is_rejected(&cleaned) => {
                file.dropped += 1;
                continue;
            }
            Ok(Row::Cleaned { line, before, cleaned }) => {
                file.cleaned += 1;
                file.chars_before += before.chars().count();
                file.chars_after += cleaned.text.chars().count();
                file.text.extend_from_slice(line.as_bytes());
            }
            Ok(Row::NoField) => {
                file.without_field += 1;
                file.text.extend_from_slice(body);
            }
            Ok(Row::Blank) => file.text.extend_from_slice(body),
            Err(error) => {
                file.malformed.push((first_line + index + 1, error.0));
                file.text.extend_from_slice(body);
            }
        }
        if ended {
            file.text.push(b'\n');
        }
    }
}

/// Whether the corpus filters said to drop this record.
pub fn is_rejected(cleaned: &Cleaned) -> bool {
    cleaned.signals.as_ref().is_some_and(|signals| !signals.keep)
}

/// The string fields of the first object in `text`, the likeliest text field first.
pub fn text_fields(text: &str) -> Vec<String> {
    const LIKELY: &[&str] = &["text", "content", "body", "html", "article", "raw_content", "document"];
    let Some(object) = text.lines().find_map(|line| serde_json::from_str::<serde_json::Map<String, Value>>(line).ok()) else {
        return Vec::new();
    };
    let mut fields: Vec<(&String, usize)> =
        object.iter().filter_map(|(name, value)| value.as_str().map(|s| (name, s.len()))).collect();
    let rank = |name: &str| LIKELY.iter().position(|l| *l == name).unwrap_or(LIKELY.len());
    fields.sort_by(|a, b| rank(a.0).cmp(&rank(b.0)).then(b.1.cmp(&a.1)));
    fields.into_iter().map(|(name, _)| name.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    fn plan() -> Plan {
        Config::default().plan().unwrap()
    }

    #[test]
    fn cleans_the_field_and_keeps_the_rest_in_order() {
        let line = r#"{"id":"b","text":"  Hello   world  ","meta":{"z":1,"a":2}}"#;
        let Ok(Row::Cleaned { line, .. }) = clean_row(line, "text", Format::Text, &plan()) else { panic!() };
        assert_eq!(line, r#"{"id":"b","text":"Hello world","meta":{"z":1,"a":2}}"#);
    }

    #[test]
    fn a_file_keeps_every_line_and_names_the_malformed_ones() {
        let text = b"{\"text\":\"a  b\"}\r\n\nnot json\n{\"body\":1}\n{\"text\":\"caf\xe9\"}\n{\"text\":\"c\"}";
        let mut file = CleanedFile::default();
        clean_lines(text, 0, "text", Format::Text, &plan(), false, &mut file);
        assert_eq!(file.text, b"{\"text\":\"a b\"}\n\nnot json\n{\"body\":1}\n{\"text\":\"caf\xe9\"}\n{\"text\":\"c\"}");
        let malformed: Vec<_> = file.malformed.iter().map(|(line, why)| (*line, why.as_str())).collect();
        assert_eq!(malformed[1], (5, "not UTF-8 (first bad byte at column 13)"));
        assert_eq!(malformed[0].0, 3);
        assert_eq!((file.cleaned, file.without_field), (2, 1));
    }

    #[test]
    fn records_the_corpus_filters_reject_can_be_left_out() {
        let corpus = Config::preset(crate::Preset::Corpus).plan().unwrap();
        let long = "The ferry to the island ran again on Monday, after a winter in which storms had closed the pier \
            for weeks at a time. Fishermen said the new timetable suited them, since the early crossing now leaves \
            before dawn and the last one returns after the markets have shut. The council expects more visitors in \
            summer, and it has asked the owners of the harbour cafes to open for longer hours while the ferry runs.";
        let text = format!("{{\"text\":\"too short\"}}\n{{\"text\":\"{long}\"}}\n");
        let mut file = CleanedFile::default();
        clean_lines(text.as_bytes(), 0, "text", Format::Text, &corpus, true, &mut file);
        assert_eq!((file.dropped, file.cleaned), (1, 1));
        assert!(!String::from_utf8_lossy(&file.text).contains("too short"));
        let mut kept = CleanedFile::default();
        clean_lines(text.as_bytes(), 0, "text", Format::Text, &corpus, false, &mut kept);
        assert_eq!((kept.dropped, kept.cleaned), (0, 2));
    }

    #[test]
    fn the_likeliest_text_field_comes_first() {
        assert_eq!(text_fields("{\"id\":\"x\",\"content\":\"hi\",\"url\":\"https://a.example/long/path\"}\n"), ["content", "url", "id"]);
        assert!(text_fields("not json").is_empty());
    }

    #[test]
    fn other_shapes_pass_or_fail_clearly() {
        assert_eq!(clean_row(r#"{"body":"x"}"#, "text", Format::Text, &plan()), Ok(Row::NoField));
        assert_eq!(clean_row("   ", "text", Format::Text, &plan()), Ok(Row::Blank));
        assert_eq!(clean_row("[1]", "text", Format::Text, &plan()), Err(RowError("not a JSON object".into())));
        assert!(clean_row("{\"text\":", "text", Format::Text, &plan()).unwrap_err().0.starts_with("not valid JSON"));
    }
}

//! JSONL datasets: one JSON object a line, one string field of it cleaned,
//! every other byte of the line kept as it was.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::config::Plan;
use crate::format::Format;
use crate::{clean_input_from, Cleaned, CleanedInput};

/// What became of one line of a JSONL file.
#[derive(Debug, PartialEq)]
#[expect(clippy::large_enum_variant, reason = "a row is written out as soon as it is made; boxing would cost an allocation a line")]
pub enum Row {
    /// The field was cleaned: the line with the field's value replaced, and
    /// every other byte as it was (numbers, escapes, spacing, repeated keys).
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

/// Cleans `field` of the JSON object on `line`. When a key comes more than
/// once, the last one is cleaned, as most readers of JSON take the last.
pub fn clean_row(line: &str, field: &str, format: Format, plan: &Plan) -> Result<Row, RowError> {
    if line.trim().is_empty() {
        return Ok(Row::Blank);
    }
    let not_json = |e: serde_json::Error| RowError(format!("not valid JSON: {e}"));
    if !line.trim_start().starts_with('{') {
        serde_json::from_str::<IgnoredAny>(line).map_err(not_json)?;
        return Err(RowError("not a JSON object".into()));
    }
    let mut reader = serde_json::Deserializer::from_str(line);
    let Values { value, url } =
        FieldValue(field).deserialize(&mut reader).and_then(|values| reader.end().map(|()| values)).map_err(not_json)?;
    let Some(value) = value.filter(|value| value.get().starts_with('"')) else {
        return Ok(Row::NoField);
    };
    // The page's address, when the row has one: it may tell the page's kind.
    let url: Option<String> = url.and_then(|url| serde_json::from_str(url.get()).ok());
    let text = unescape(value.get()).map_err(|why| RowError(format!("not valid JSON: {why} in the field's value")))?;
    let Some(start) = offset_in(line, value.get()) else {
        return Err(RowError("the field's value was not read from the line".into()));
    };
    let end = start + value.get().len();
    let CleanedInput { before, cleaned, .. } = clean_input_from(&text, format, plan, url.as_deref());
    let before = before.into_owned();
    let quoted = serde_json::to_string(&cleaned.text).map_err(|e| RowError(e.to_string()))?;
    let line = [&line[..start], &quoted, &line[end..]].concat();
    Ok(Row::Cleaned { line, before, cleaned })
}

/// The text of `quoted`, a JSON string as written (quotes included) that
/// the parser has already read through: it holds no raw control character
/// and every backslash starts a well-formed escape. Done here rather than by
/// parsing the string again, which would check it a second time, grow its
/// buffer by doubling and copy the result once more: a page's HTML holds an
/// escape every twenty bytes or so, and this is most of the cost of reading
/// a JSONL line.
fn unescape(quoted: &str) -> Result<String, &'static str> {
    let mut rest = quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"')).ok_or("not a string")?;
    let mut text = String::with_capacity(rest.len());
    while let Some(at) = memchr::memchr(b'\\', rest.as_bytes()) {
        text.push_str(&rest[..at]);
        let escape = rest.as_bytes().get(at + 1).copied().filter(u8::is_ascii).ok_or("a bad escape")?;
        rest = &rest[at + 2..];
        text.push(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(&mut rest)?;
                match unit {
                    0xD800..=0xDBFF => {
                        rest = rest.strip_prefix("\\u").ok_or("a lone surrogate")?;
                        let low = hex4(&mut rest)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err("a lone surrogate");
                        }
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)).ok_or("a bad \\u escape")?
                    }
                    0xDC00..=0xDFFF => return Err("a lone surrogate"),
                    unit => char::from_u32(unit).ok_or("a bad \\u escape")?,
                }
            }
            _ => return Err("a bad escape"),
        });
    }
    text.push_str(rest);
    Ok(text)
}

/// The four hex digits at the start of `rest`, as a number; `rest` moves past them.
fn hex4(rest: &mut &str) -> Result<u32, &'static str> {
    let digits = rest.get(..4).filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit())).ok_or("a bad \\u escape")?;
    *rest = &rest[4..];
    u32::from_str_radix(digits, 16).map_err(|_| "a bad \\u escape")
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    whole.get(start..start + part.len()).map(|_| start)
}

/// The key of a row's page address.
const URL_KEY: &str = "url";

/// What a row holds for the cleaner: the field to clean and the page's
/// address, as written in the line.
struct Values<'de> {
    value: Option<&'de RawValue>,
    url: Option<&'de RawValue>,
}

/// Reads a JSON object for the value of its key `.0`, and of [`URL_KEY`]
/// (the last of each, if a key comes more than once).
struct FieldValue<'f>(&'f str);

impl<'de> DeserializeSeed<'de> for FieldValue<'_> {
    type Value = Values<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldValue<'_> {
    type Value = Values<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = Values { value: None, url: None };
        while let Some(key) = map.next_key_seed(WhichKey(self.0))? {
            let value: &RawValue = map.next_value()?;
            match key {
                Key::Field => values.value = Some(value),
                Key::Url => values.url = Some(value),
                Key::Other => {}
            }
        }
        Ok(values)
    }
}

/// Which of the keys the cleaner reads a key is.
enum Key {
    Field,
    Url,
    Other,
}

/// Reads a key for which it is, `.0` being the field's, without keeping it.
struct WhichKey<'f>(&'f str);

impl<'de> DeserializeSeed<'de> for WhichKey<'_> {
    type Value = Key;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for WhichKey<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            _ if key == self.0 => Key::Field,
            URL_KEY => Key::Url,
            _ => Key::Other,
        })
    }
}

/// Cleans one line of a JSONL file as read, its `\n` removed (a `\r`
/// before it is kept): a line that is not UTF-8 is malformed, as one that is
/// not JSON. The command line and the page both read lines this way, so they
/// agree on any file.
pub fn clean_line_bytes(raw: &[u8], field: &str, format: Format, plan: &Plan) -> Result<Row, RowError> {
    let (bytes, return_ended) = match raw.strip_suffix(b"\r") {
        Some(bytes) => (bytes, true),
        None => (raw, false),
    };
    let line = std::str::from_utf8(bytes).map_err(|e| RowError(format!("not UTF-8 (first bad byte at column {})", e.valid_up_to() + 1)))?;
    let mut row = clean_row(line, field, format, plan)?;
    if let Row::Cleaned { line, .. } = &mut row {
        if return_ended {
            line.push('\r');
        }
    }
    Ok(row)
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
pub fn clean_lines(text: &[u8], first_line: usize, field: &str, format: Format, plan: &Plan, drop_rejected: bool, file: &mut CleanedFile) {
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

/// Whether a file's name says it holds JSONL: it ends `.jsonl` or `.ndjson`, in any case.
pub fn is_jsonl_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, extension)| extension.eq_ignore_ascii_case("jsonl") || extension.eq_ignore_ascii_case("ndjson"))
}

/// Whether `text` reads as JSONL whatever its name: its first line is a JSON object.
pub fn looks_like_jsonl(text: &str) -> bool {
    text.lines().next().is_some_and(|line| serde_json::from_str::<serde_json::Map<String, Value>>(line).is_ok())
}

/// The string fields of the first object in `text`, the likeliest text field first.
pub fn text_fields(text: &str) -> Vec<String> {
    const LIKELY: &[&str] = &["text", "content", "body", "html", "article", "raw_content", "document"];
    let Some(object) = text.lines().find_map(|line| serde_json::from_str::<serde_json::Map<String, Value>>(line).ok()) else {
        return Vec::new();
    };
    let mut fields: Vec<(&String, usize)> = object.iter().filter_map(|(name, value)| value.as_str().map(|s| (name, s.len()))).collect();
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
    fn jsonl_is_told_by_its_name_or_its_first_line() {
        for name in ["rows.jsonl", "ROWS.NDJSON", "crawl.2024.jsonl"] {
            assert!(is_jsonl_name(name), "{name}");
        }
        for name in ["rows.json", "jsonl", "rows.jsonl.txt", ""] {
            assert!(!is_jsonl_name(name), "{name}");
        }
        assert!(looks_like_jsonl("{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n"));
        assert!(!looks_like_jsonl("{ not json }\n"));
        assert!(!looks_like_jsonl("[1, 2]\n"), "an array is no row");
        assert!(!looks_like_jsonl("Opening hours\n{\"id\":1}\n"), "only the first line tells");
        assert!(!looks_like_jsonl(""));
    }

    #[test]
    fn cleans_the_field_and_keeps_the_rest_in_order() {
        let line = r#"{"id":"b","text":"  Hello   world  ","meta":{"z":1,"a":2}}"#;
        let Ok(Row::Cleaned { line, .. }) = clean_row(line, "text", Format::Text, &plan()) else { panic!() };
        assert_eq!(line, r#"{"id":"b","text":"Hello world","meta":{"z":1,"a":2}}"#);
    }

    #[test]
    fn a_rows_url_tells_its_pages_kind() {
        let page = "<html><body><main><p>Has anyone fixed the hinge on the old pier gate?</p></main></body></html>";
        let row = |url: &str| format!(r#"{{"url":{url},"html":{}}}"#, serde_json::to_string(page).unwrap());
        let kind = |line: &str| match clean_row(line, "html", Format::Html, &plan()) {
            Ok(Row::Cleaned { cleaned, .. }) => cleaned.kind.map(|found| found.to_string()),
            other => panic!("{other:?}"),
        };
        assert_eq!(kind(&row(r#""https://forum.example.org/t/pier-gate/7""#)).as_deref(), Some("forum (its address has /t/)"));
        assert_eq!(kind(&row(r#""https://example.org/2024/pier-gate""#)), None);
        assert_eq!(kind(&row("42")), None, "a url that is not a string is no address");
        // The field to clean may be called url itself.
        let line = r#"{"url":"https://example.org/docs/a  b"}"#;
        let Ok(Row::Cleaned { line, .. }) = clean_row(line, "url", Format::Text, &plan()) else { panic!() };
        assert_eq!(line, r#"{"url":"https://example.org/docs/a b"}"#);
    }

    #[test]
    fn every_byte_but_the_field_is_kept() {
        // Numbers beyond a float's precision, escapes and spacing stay as written.
        let line =
            r#"{ "id": 123456789012345678901234567890, "p": 0.1000000000000000055511, "e": 1e5, "name": "caf\u00e9", "text" : "a  b" }"#;
        let Ok(Row::Cleaned { line, before, .. }) = clean_row(line, "text", Format::Text, &plan()) else { panic!() };
        assert_eq!(
            line,
            r#"{ "id": 123456789012345678901234567890, "p": 0.1000000000000000055511, "e": 1e5, "name": "caf\u00e9", "text" : "a b" }"#
        );
        assert_eq!(before, "a  b");
    }

    #[test]
    fn a_repeated_key_has_its_last_value_cleaned_and_the_key_may_be_escaped() {
        let line = r#"{"text":"a  b","text":"c  d"}"#;
        let Ok(Row::Cleaned { line, .. }) = clean_row(line, "text", Format::Text, &plan()) else { panic!() };
        assert_eq!(line, r#"{"text":"a  b","text":"c d"}"#);
        let line = r#"{"te\u0078t":"\"quoted\"  \u00e9\n"}"#;
        let Ok(Row::Cleaned { line, .. }) = clean_row(line, "text", Format::Text, &plan()) else { panic!() };
        assert_eq!(line, r#"{"te\u0078t":"\"quoted\" é\n"}"#);
    }

    /// What the JSON parser makes of `quoted`: its text, or none if it is no string.
    fn parsed(quoted: &str) -> Option<String> {
        serde_json::from_str(quoted).ok()
    }

    #[test]
    fn a_fields_text_is_read_as_the_parser_reads_it() {
        for quoted in [
            r#""""#,
            r#""plain""#,
            r#""\"quoted\" \\ \/ \b\f\n\r\t""#,
            r#""caf\u00e9 \u00E9 \u2019 \u0000""#,
            r#""\ud83d\ude00 an emoji as two halves""#,
            r#""\ud83d alone""#,
            r#""\ude00 alone""#,
            r#""\ud83d\u0041 not a pair""#,
            r#""\ud83d\n""#,
            r#""\u12""#,
            r#""\u+123""#,
            r#""\x41""#,
            "\"\\é\"",
        ] {
            assert_eq!(unescape(quoted).ok(), parsed(quoted), "{quoted}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_written_as_json_reads_back(text in proptest::prelude::any::<String>()) {
            let quoted = serde_json::to_string(&text).unwrap();
            proptest::prop_assert_eq!(unescape(&quoted), Ok(text));
        }

        #[test]
        fn any_escapes_read_as_the_parser_reads_them(
            body in r#"(\\(["\\/bfnrt]|u[0-9a-fA-F]{4}|u[dD][89abAB][0-9a-f]{2}(\\u[dD][c-fC-F][0-9a-f]{2})?)|[a-z é\u{1F600}])*"#
        ) {
            let quoted = format!("\"{body}\"");
            proptest::prop_assert_eq!(unescape(&quoted).ok(), parsed(&quoted));
        }
    }

    #[test]
    fn a_file_keeps_every_line_and_names_the_malformed_ones() {
        let text = b"{\"text\":\"a  b\"}\r\n\nnot json\n{\"body\":1}\n{\"text\":\"caf\xe9\"}\n{\"text\":\"c\"}";
        let mut file = CleanedFile::default();
        clean_lines(text, 0, "text", Format::Text, &plan(), false, &mut file);
        assert_eq!(file.text, b"{\"text\":\"a b\"}\r\n\nnot json\n{\"body\":1}\n{\"text\":\"caf\xe9\"}\n{\"text\":\"c\"}");
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
        assert!(clean_row("{\"text\":\"a\"} x", "text", Format::Text, &plan()).unwrap_err().0.starts_with("not valid JSON"));
        assert!(clean_row("[1", "text", Format::Text, &plan()).unwrap_err().0.starts_with("not valid JSON"));
        assert_eq!(clean_row(r#"{"text":null}"#, "text", Format::Text, &plan()), Ok(Row::NoField));
    }
}

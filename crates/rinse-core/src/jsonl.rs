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
    fn other_shapes_pass_or_fail_clearly() {
        assert_eq!(clean_row(r#"{"body":"x"}"#, "text", Format::Text, &plan()), Ok(Row::NoField));
        assert_eq!(clean_row("   ", "text", Format::Text, &plan()), Ok(Row::Blank));
        assert_eq!(clean_row("[1]", "text", Format::Text, &plan()), Err(RowError("not a JSON object".into())));
        assert!(clean_row("{\"text\":", "text", Format::Text, &plan()).unwrap_err().0.starts_with("not valid JSON"));
    }
}

//! What the redaction rules share: matches of a pattern become a placeholder.

use regex::Regex;

use crate::edit::Change;

pub fn redact(text: &str, pattern: &Regex, placeholder: &str, reason: &'static str) -> Vec<Change> {
    pattern.find_iter(text).map(|m| Change::replace(m.range(), placeholder, reason)).collect()
}

//! Turning what a person gives (bytes, text or page source) into the text
//! that the rules clean and the diff shows as "before".

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::html;

/// What kind of input a text is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Decide from the content.
    #[default]
    Auto,
    Text,
    Html,
}

impl Format {
    /// The format to use for `input`: `Auto` becomes `Text` or `Html`.
    pub fn resolve(self, input: &str) -> Format {
        match self {
            Format::Auto if html::looks_like_html(input) => Format::Html,
            Format::Auto => Format::Text,
            known => known,
        }
    }

    /// The text to clean: the input itself, or a page's visible text.
    pub fn to_text(self, input: &str) -> String {
        match self.resolve(input) {
            Format::Html => html::visible_text(input),
            _ => input.to_string(),
        }
    }
}

/// Why bytes were refused as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes: an image, archive or other binary file.
    Binary,
    /// Not valid UTF-8; `at` is the offset of the first bad byte.
    InvalidUtf8 { at: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "this looks like a binary file (it contains NUL bytes), not text"),
            DecodeError::InvalidUtf8 { at } => write!(f, "not valid UTF-8 text (first bad byte at offset {at})"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Reads bytes as UTF-8 text, dropping a byte-order mark; binary data is refused.
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 { at: e.valid_up_to() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_refuses_binary() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9"), Ok("caf\u{e9}"));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode(b"ok \xFF"), Err(DecodeError::InvalidUtf8 { at: 3 }));
    }

    #[test]
    fn auto_picks_html_for_page_source_only() {
        assert_eq!(Format::Auto.resolve("<html><body><p>x</p></body></html>"), Format::Html);
        assert_eq!(Format::Auto.resolve("Plain words."), Format::Text);
        assert_eq!(Format::Html.to_text("<p>a</p><p>b</p>"), "a\nb\n");
    }
}

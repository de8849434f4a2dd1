//! What a text is (plain text or page source) and what cleaning gives back
//! (flat text or Markdown).

use serde::{Deserialize, Serialize};

use crate::html::{self, Markdown};

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
}

/// What cleaning gives back: flat text, a block a line, or Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum To {
    #[default]
    Text,
    /// Headings, lists, tables, code blocks and quotes kept as Markdown: a
    /// page is written as Markdown, and text is read as Markdown, its code
    /// blocks and indentation left as they are.
    Markdown,
}

/// The output's form, as the settings give it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Output {
    pub to: To,
    /// Markdown: links as `[text](url)` (corpus text rarely wants URLs).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub links: bool,
    /// Markdown: images as `![alt](src)`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub images: bool,
}

impl Output {
    pub fn is_markdown(self) -> bool {
        self.to == To::Markdown
    }

    /// How to write Markdown, when the output is Markdown.
    pub fn markdown(self) -> Option<Markdown> {
        self.is_markdown().then_some(Markdown { links: self.links, images: self.images })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_picks_html_for_page_source_only() {
        assert_eq!(Format::Auto.resolve("<html><body><p>x</p></body></html>"), Format::Html);
        assert_eq!(Format::Auto.resolve("Plain words."), Format::Text);
    }
}

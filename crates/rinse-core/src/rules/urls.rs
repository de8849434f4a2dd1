use std::sync::LazyLock;

use regex::Regex;

use super::redact::redact;
use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>"\x27)\]]*[^\s<>"\x27)\].,;:!?]"#).unwrap());

/// Replaces web addresses with [url] (off by default).
pub struct Urls;

static INFO: RuleInfo = RuleInfo {
    id: "urls",
    name: "Web addresses",
    group: Group::Redact,
    summary: "Replaces web addresses with [url] (off by default).",
    doc: "For corpora that should not carry links. Addresses that start with http://, https:// or www. are replaced, up to the first blank or closing bracket; trailing sentence punctuation stays.",
    example: Example { input: "See https://example.org/a?b=1.", output: "See [url]." },
    params: &[],
    presets: &[],
};

impl Rule for Urls {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        redact(text, &PATTERN, "[url]", "web address redacted")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn redacts() {
        assert_eq!(run(&Urls, "(www.example.com/path) and http://x.y/z,"), "([url]) and [url],");
    }

    #[test]
    fn leaves_look_alikes() {
        let text = "The file is named report.final.pdf and the shop is wwwonderful.";
        assert_eq!(run(&Urls, text), text);
    }
}

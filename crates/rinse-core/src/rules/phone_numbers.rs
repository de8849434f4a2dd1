use std::sync::LazyLock;

use regex::Regex;

use super::redact::redact;
use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4}){1,4}|\d{2,4}(?:[\s.-]\d{2,4}){2,4})\b").unwrap()
});

/// Fewest digits in a phone number.
const MIN_DIGITS: usize = 8;

/// Replaces phone numbers with [phone] (off by default).
pub struct PhoneNumbers;

static INFO: RuleInfo = RuleInfo {
    id: "phone-numbers",
    name: "Phone numbers",
    group: Group::Redact,
    summary: "Replaces phone numbers with [phone] (off by default).",
    doc: "For corpora that must not carry personal data. A phone number is an optional + and country code, then at least eight digits in groups joined by spaces, dots, dashes or brackets. Years, dates, prices and short counts are not phone numbers.",
    example: Example { input: "Call +44 20 7946 0958 now.", output: "Call [phone] now." },
    params: &[],
    presets: &[],
};

impl Rule for PhoneNumbers {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let mut changes = redact(text, &PATTERN, "[phone]", "phone number redacted");
        changes.retain(|c| text[c.start..c.end].bytes().filter(u8::is_ascii_digit).count() >= MIN_DIGITS);
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn redacts() {
        assert_eq!(run(&PhoneNumbers, "Ring (030) 1234-5678 or 555-123-4567."), "Ring [phone] or [phone].");
    }

    #[test]
    fn leaves_look_alikes() {
        let text = "In 1998 it cost 12.50 and 2024-25 was better; page 12 of 40.";
        assert_eq!(run(&PhoneNumbers, text), text);
    }
}

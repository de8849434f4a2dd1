use std::sync::LazyLock;

use regex::Regex;

use super::redact::redact;
use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

static PATTERN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").unwrap());

/// Replaces email addresses with [email] (off by default).
pub struct Emails;

static INFO: RuleInfo = RuleInfo {
    id: "emails",
    name: "Email addresses",
    group: Group::Redact,
    summary: "Replaces email addresses with [email] (off by default).",
    doc: "For corpora that must not carry personal data. An address is a local part, @, and a domain with a dot; a bare @handle is not an address.",
    example: Example { input: "Write to jo.smith@example.org today.", output: "Write to [email] today." },
    params: &[],
    presets: &[],
};

impl Rule for Emails {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        redact(text, &PATTERN, "[email]", "email address redacted")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn redacts() {
        assert_eq!(run(&Emails, "a@b.co, first.last+tag@mail.example.com"), "[email], [email]");
    }

    #[test]
    fn leaves_look_alikes() {
        let text = "Follow @harbour on the site; costs 3@5 each; user@localhost";
        assert_eq!(run(&Emails, text), text);
    }
}

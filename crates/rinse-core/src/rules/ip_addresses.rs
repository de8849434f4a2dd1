use std::sync::LazyLock;

use regex::Regex;

use super::redact::redact;
use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b|\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b").unwrap()
});

/// Replaces IPv4 and IPv6 addresses with [ip] (off by default).
pub struct IpAddresses;

static INFO: RuleInfo = RuleInfo {
    id: "ip-addresses",
    name: "IP addresses",
    group: Group::Redact,
    summary: "Replaces IPv4 and IPv6 addresses with [ip] (off by default).",
    doc: "For corpora that must not carry personal data. Dotted IPv4 addresses with every part from 0 to 255, and IPv6 addresses of at least three groups, are replaced. Version numbers with fewer or larger parts are kept.",
    example: Example { input: "Logged from 192.168.0.12 at noon.", output: "Logged from [ip] at noon." },
    params: &[],
    presets: &[],
};

impl Rule for IpAddresses {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        redact(text, &PATTERN, "[ip]", "IP address redacted")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn redacts() {
        assert_eq!(run(&IpAddresses, "10.0.0.1 and 2001:db8:0:0:8a2e:370:7334"), "[ip] and [ip]");
    }

    #[test]
    fn leaves_look_alikes() {
        let text = "Version 1.2.3 and 300.1.1.1 and 10:30:15";
        assert_eq!(run(&IpAddresses, text), text);
    }
}

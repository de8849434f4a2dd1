//! User rules: a regular expression and what to do with its matches.
//!
//! Patterns use the `regex` crate, which runs in time linear in the text, so
//! no pattern can hang the page; size limits keep compiled patterns small.

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use crate::edit::Change;
use crate::reading::lines;

/// The id that changes made by user rules carry.
pub const CUSTOM_ID: &str = "custom";

/// Longest pattern accepted, in bytes.
const MAX_PATTERN: usize = 4096;
/// Most memory a compiled pattern may take.
const SIZE_LIMIT: usize = 1 << 20;

/// A user rule as it is stored in the config.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRule {
    pub name: String,
    pub pattern: String,
    #[serde(default)]
    pub action: CustomAction,
    /// For `replace`: the replacement; `$1` or `${name}` insert groups.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub replacement: String,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CustomAction {
    /// Replace each match.
    #[default]
    Replace,
    /// Remove every line that holds a match.
    DropLine,
}

/// A user rule ready to run.
#[derive(Clone, Debug)]
pub struct CompiledCustom {
    name: String,
    regex: Regex,
    action: CustomAction,
    replacement: String,
}

impl CustomRule {
    /// Compiles the pattern; the error says what is wrong with it.
    pub fn compile(&self) -> Result<CompiledCustom, String> {
        if self.pattern.is_empty() {
            return Err("the pattern is empty".into());
        }
        if self.pattern.len() > MAX_PATTERN {
            return Err(format!("the pattern is longer than {MAX_PATTERN} bytes"));
        }
        let regex = RegexBuilder::new(&self.pattern).multi_line(true).size_limit(SIZE_LIMIT).dfa_size_limit(SIZE_LIMIT).build().map_err(
            |e| match e {
                regex::Error::CompiledTooBig(_) => "the pattern is too large once compiled".to_string(),
                other => other.to_string(),
            },
        )?;
        Ok(CompiledCustom { name: self.name.clone(), regex, action: self.action, replacement: self.replacement.clone() })
    }
}

impl CompiledCustom {
    pub fn apply(&self, text: &str) -> Vec<Change> {
        let reason = format!("custom rule \u{201c}{}\u{201d}", self.name);
        match self.action {
            CustomAction::Replace => self
                .regex
                .captures_iter(text)
                .filter_map(|caps| {
                    let whole = caps.get(0)?;
                    let mut replacement = String::new();
                    caps.expand(&self.replacement, &mut replacement);
                    Some(Change::replace(whole.range(), replacement, reason.clone()))
                })
                .collect(),
            CustomAction::DropLine => {
                lines(text).filter(|line| self.regex.is_match(line.text)).map(|line| Change::delete(line.full(), reason.clone())).collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply_changes, tidy_changes};

    fn rule(pattern: &str, action: CustomAction, replacement: &str) -> CustomRule {
        CustomRule { name: "test".into(), pattern: pattern.into(), action, replacement: replacement.into(), enabled: true }
    }

    fn run(rule: &CustomRule, text: &str) -> String {
        let mut changes = rule.compile().unwrap().apply(text);
        tidy_changes(text, &mut changes);
        apply_changes(text, &changes)
    }

    #[test]
    fn replaces_with_groups_and_drops_lines() {
        assert_eq!(run(&rule(r"(\d+) EUR", CustomAction::Replace, "\u{20ac}$1"), "5 EUR and 7 EUR"), "\u{20ac}5 and \u{20ac}7");
        assert_eq!(run(&rule(r"^Sponsored", CustomAction::DropLine, ""), "a\nSponsored by X\nb"), "a\nb");
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        assert!(rule("(unclosed", CustomAction::Replace, "").compile().unwrap_err().contains("unclosed group"));
        assert_eq!(rule("", CustomAction::Replace, "").compile().unwrap_err(), "the pattern is empty");
        assert_eq!(rule(r"\w{1000}{1000}", CustomAction::Replace, "").compile().unwrap_err(), "the pattern is too large once compiled");
    }
}

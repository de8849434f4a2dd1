use std::collections::HashSet;

use crate::edit::Change;
use crate::text::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};
use crate::text::lines;

/// A paragraph (a line of text) that repeats an earlier one is removed.
pub struct DuplicateParagraphs;

static INFO: RuleInfo = RuleInfo {
    id: "duplicate-paragraphs",
    name: "Duplicate paragraphs",
    group: Group::Dedup,
    summary: "Removes a paragraph that repeats an earlier one, keeping the first.",
    doc: "Broken pagers and templates often print an article's paragraphs twice. Each line is \
          compared after normalising it as CCNet does (lower case, digits as 0, punctuation and \
          extra spaces dropped), so copies that differ only in case, numbers or punctuation match \
          too. The first occurrence stays. Lines shorter than `min_chars` once normalised are never \
          removed: short lines such as a repeated heading or a separator can belong in the text.",
    example: Example {
        input: "The storm reached the coast on Monday night.\nIt moved north.\nThe storm reached the coast on Monday night!\n",
        output: "The storm reached the coast on Monday night.\nIt moved north.\n",
    },
    params: &[ParamSpec {
        name: "min_chars",
        doc: "Normalised length below which a repeated line is kept.",
        default: ParamDefault::Int(20),
    }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for DuplicateParagraphs {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let text = doc.text();
        let min_chars = params.int("min_chars").max(0) as usize;
        let mut seen = HashSet::new();
        let mut changes = Vec::new();
        for line in lines(text) {
            let key = dedup_key(line.text);
            if key.chars().count() < min_chars.max(1) {
                continue;
            }
            if !seen.insert(key) {
                changes.push(Change::delete(line.full(), "repeats an earlier paragraph"));
            }
        }
        changes
    }
}

/// CCNet's normalisation for finding duplicates: lower case, every digit as
/// `0`, punctuation removed, whitespace folded.
pub(crate) fn dedup_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    let mut space = false;
    if line.is_ascii() {
        for b in line.bytes() {
            if b.is_ascii_whitespace() {
                space = !key.is_empty();
            } else if b.is_ascii_alphanumeric() {
                if space {
                    key.push(' ');
                    space = false;
                }
                key.push(if b.is_ascii_digit() { '0' } else { b.to_ascii_lowercase() as char });
            }
        }
        return key;
    }
    for c in line.chars() {
        if c.is_whitespace() {
            space = !key.is_empty();
        } else if c.is_alphanumeric() {
            if space {
                key.push(' ');
                space = false;
            }
            if c.is_numeric() {
                key.push('0');
            } else {
                key.extend(c.to_lowercase());
            }
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_later_copies_of_a_paragraph() {
        let text = "First paragraph of the report.\nSecond paragraph here.\nFIRST paragraph of the report\nSecond paragraph here.";
        assert_eq!(run(&DuplicateParagraphs, text), "First paragraph of the report.\nSecond paragraph here.\n");
    }

    #[test]
    fn keeps_short_repeats_and_different_numbers_match() {
        let text = "Share\nA long enough line number 1 for the test.\nShare\nA long enough line number 2 for the test.\n";
        assert_eq!(run(&DuplicateParagraphs, text), "Share\nA long enough line number 1 for the test.\nShare\n");
    }

    #[test]
    fn normalises_like_ccnet() {
        assert_eq!(dedup_key("  It's  42°C, TODAY!  "), "its 00c today");
    }
}

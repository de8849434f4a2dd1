use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::lines;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// One counter: a number, perhaps with K/M, and what it counts.
const COUNTER: &str = r"(?:\d[\d.,]*\s*[kKmM]?\+?\s*(?:comments?|shares?|views?|likes?|reads?|retweets?|reactions?|replies|reply|votes?|followers?|responses?|claps?|kommentare|commentaires|comentarios|min(?:ute)?s?\s+read)|(?:reading\s+time|lesezeit)\s*:?\s*\d+\s*min(?:utes?)?)";

static LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^[\s(\[]*{COUNTER}(?:[\s)\]]*[·•|,/-]?\s*{COUNTER})*[\s)\]]*$")).unwrap());

/// Whether `line` starts as every counter does, after blanks and brackets:
/// with a figure, or with "reading time" or "Lesezeit". Most lines do not,
/// and are passed over without the pattern.
fn may_count(line: &str) -> bool {
    let first = line.trim_start_matches(|c: char| c.is_whitespace() || c == '(' || c == '[').chars().next();
    first.is_some_and(|c| c.is_numeric() || matches!(c, 'r' | 'R' | 'l' | 'L'))
}

/// "12 comments", "3.4K shares", "5 min read".
pub struct Counters;

static INFO: RuleInfo = RuleInfo {
    id: "counters",
    name: "Counters",
    group: Group::Boilerplate,
    summary: "Removes lines that only count things: \"12 comments\", \"3.4K shares\", \"5 min read\".",
    doc: "Engagement counters and reading-time badges become lines of their own. Only lines made \
          entirely of such counters are removed; a sentence with a number in it is kept.",
    example: Example {
        input: "Heat wave ends\n12 comments · 3.4K shares\n5 min read\nTemperatures fell overnight.\n",
        output: "Heat wave ends\nTemperatures fell overnight.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Counters {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        lines(text)
            .filter(|line| line.text.len() < 120 && may_count(line.text) && LINE.is_match(line.text))
            .map(|line| Change::delete(line.full(), "engagement counter"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_counter_lines() {
        assert_eq!(run(&Counters, "(42 Comments)\n1,204 views\nReading time: 4 minutes\nText.\n"), "Text.\n");
    }

    #[test]
    fn counters_start_with_a_figure_or_a_reading_time() {
        for line in ["(42 Comments)", " [1,204 views]", "\u{663} comments", "Reading time: 4 minutes", "lesezeit 3 min"] {
            assert!(may_count(line), "{line:?}");
        }
        assert!(!may_count("Comments (42)") && !LINE.is_match("Comments (42)"));
    }

    #[test]
    fn keeps_sentences_with_numbers() {
        let text = "The post drew 12 comments in an hour.\n3 shares\u{a0}of the company were sold.\n";
        assert_eq!(run(&Counters, text), text);
    }
}

use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};
use crate::text::Doc;

/// A Windows-1252 misreading of a UTF-8 lead byte, its continuation bytes, and
/// the replacement character that stands where a byte was lost. With no
/// continuation left, only leads that never end a word in correct text count
/// (Â Ã Å Ð Ñ), so a real "é" before a lost character stays.
static LOSSY: LazyLock<Regex> = LazyLock::new(|| {
    let continuation = "[\u{80}-\u{bf}\u{152}\u{153}\u{160}\u{161}\u{178}\u{17d}\u{17e}\u{192}\u{2c6}\u{2dc}\u{2013}\u{2014}\u{2018}-\u{201e}\u{2020}-\u{2022}\u{2026}\u{2030}\u{2039}\u{203a}\u{20ac}\u{2122}]";
    Regex::new(&format!("(?:[\u{c2}-\u{f4}]{continuation}{{1,2}}|[\u{c2}\u{c3}\u{c5}\u{d0}\u{d1}])\u{fffd}+")).unwrap()
});

/// Mojibake whose bytes were partly lost: it cannot be repaired, only marked.
pub struct LossySequences;

static INFO: RuleInfo = RuleInfo {
    id: "lossy-sequences",
    name: "Lossy sequences",
    group: Group::Repair,
    summary: "Turns mojibake that lost a byte (â€\u{fffd}) into a single replacement character.",
    doc: "When text was misread and then a byte that had no character was dropped or replaced, \
          the mojibake can no longer be decoded. Rather than leave two or three odd characters, \
          the whole damaged sequence becomes one U+FFFD, so that the text says plainly that a \
          character was lost there.",
    example: Example { input: "It\u{e2}\u{20ac}\u{fffd}s lost", output: "It\u{fffd}s lost" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for LossySequences {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        if !text.contains('\u{fffd}') {
            return Vec::new();
        }
        LOSSY
            .find_iter(text)
            .filter(|m| m.as_str().chars().count() > 1)
            .map(|m| Change::replace(m.range(), "\u{fffd}", "mojibake that lost a byte"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn marks_the_lost_character_once() {
        assert_eq!(run(&LossySequences, "a \u{c3}\u{fffd} b \u{e2}\u{80}\u{fffd}\u{fffd}"), "a \u{fffd} b \u{fffd}");
    }

    #[test]
    fn leaves_lone_replacement_characters_and_letters() {
        let text = "caf\u{e9} \u{fffd} na\u{ef}ve \u{e9}t\u{e9}\u{fffd}";
        assert_eq!(run(&LossySequences, text), text);
    }
}

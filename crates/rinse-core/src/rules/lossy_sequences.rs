use std::ops::Range;

use super::mojibake::windows_1252_byte;
use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Mojibake whose bytes were partly lost: it cannot be repaired, only marked.
pub struct LossySequences;

static INFO: RuleInfo = RuleInfo {
    id: "lossy-sequences",
    name: "Lossy sequences",
    group: Group::Repair,
    summary: "Turns mojibake that lost a byte (â€\u{fffd}, â€?) into a single replacement character.",
    doc: "When UTF-8 was misread as Windows-1252 and a byte that has no character there was \
          dropped, or replaced by `?` or U+FFFD, the mojibake can no longer be decoded. Rather \
          than leave two or three odd characters, the whole damaged sequence becomes one U+FFFD, \
          so that the text says plainly that a character was lost there. A sequence that keeps \
          a byte after its first (`â€?`, `å?‘`, `â€` and a space: the closing quote `â€\u{9d}` \
          whose last byte Windows-1252 lacks) is evidence enough; a first byte and `?` alone \
          (`Ñ?`) counts only on a line that shows other misread UTF-8, since correct text \
          ends words so (`CAFÉ?`). Runs before `mojibake`, which would leave no sign of the rest.",
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
        // Every sequence starts with a lead (U+00C2 to U+00F4: two bytes of UTF-8, 0xC3 first).
        doc.lines()
            .filter(|line| memchr::memchr(0xC3, line.text.as_bytes()).is_some())
            .flat_map(|line| damaged(line.text).into_iter().map(move |range| line.start + range.start..line.start + range.end))
            .map(|range| Change::replace(range, "\u{fffd}", "mojibake that lost a byte"))
            .collect()
    }
}

/// What follows a lead character, read as a byte of a UTF-8 sequence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// A character Windows-1252 makes of a continuation byte.
    Continuation,
    /// `?` or U+FFFD, standing for a byte lost.
    Lost,
    Other,
}

impl Byte {
    fn of(c: char) -> Byte {
        match (c, windows_1252_byte(c)) {
            ('?' | '\u{fffd}', _) => Byte::Lost,
            (_, Some(0x80..=0xBF)) => Byte::Continuation,
            _ => Byte::Other,
        }
    }
}

/// The bytes of the UTF-8 sequence a Windows-1252 character leads, if it leads one.
fn sequence_length(c: char) -> Option<usize> {
    match windows_1252_byte(c)? {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// How sure a damaged sequence is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sureness {
    /// Sure on its own.
    Alone,
    /// Sure only beside other misread UTF-8.
    WithOthers,
}

/// The byte ranges of `line` that are misread UTF-8 sequences with a byte
/// lost: those sure on their own, and those sure only beside others where
/// the line shows others.
fn damaged(line: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut found = Vec::new();
    let (mut misread, mut whole_pairs) = (false, 0);
    let mut i = 0;
    while i < chars.len() {
        let Some(length) = sequence_length(chars[i].1) else {
            i += 1;
            continue;
        };
        let follows: Vec<Byte> =
            chars[i + 1..].iter().take(length - 1).map(|&(_, c)| Byte::of(c)).take_while(|&b| b != Byte::Other).collect();
        let (kept, lost) = (follows.iter().filter(|&&b| b == Byte::Continuation).count(), follows.contains(&Byte::Lost));
        let end = i + 1 + follows.len();
        let first = chars[i].1;
        let sureness = if kept == length - 1 {
            // Whole: misread, not damaged. One of two bytes may be correct
            // text ("É‰"); two of them, or a longer one, are not.
            whole_pairs += usize::from(length == 2);
            misread |= length > 2 || whole_pairs >= 2;
            None
        } else if lost && kept > 0 {
            Some(Sureness::Alone)
        } else if !lost
            && first == '\u{e2}'
            && chars.get(i + 1).is_some_and(|&(_, c)| c == '\u{20ac}')
            && chars.get(i + 2).is_none_or(|&(_, c)| c.is_ascii())
        {
            // "â€" then no third byte but a space, ASCII or the end: the
            // closing quote's 0x9D, which Windows-1252 lacks, dropped.
            Some(Sureness::Alone)
        } else if lost && kept == 0 && follows[0] == Byte::Lost {
            // A lost U+FFFD after the leads that never end a word in correct text is sure.
            let sure = chars[i + 1].1 == '\u{fffd}' && matches!(first, '\u{c2}' | '\u{c3}' | '\u{c5}' | '\u{d0}' | '\u{d1}');
            Some(if sure { Sureness::Alone } else { Sureness::WithOthers })
        } else {
            None
        };
        let Some(sureness) = sureness else {
            i = if kept == length - 1 { end } else { i + 1 };
            continue;
        };
        misread |= sureness == Sureness::Alone;
        // Further replacement characters stand for the same loss.
        let mut end = end;
        while chars.get(end).is_some_and(|&(_, c)| c == '\u{fffd}') {
            end += 1;
        }
        let byte_end = chars.get(end).map_or(line.len(), |&(at, _)| at);
        found.push((chars[i].0..byte_end, sureness));
        i = end;
    }
    found.into_iter().filter(|&(_, sureness)| sureness == Sureness::Alone || misread).map(|(range, _)| range).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn marks_the_lost_character_once() {
        assert_eq!(run(&LossySequences, "a \u{c3}\u{fffd} b \u{e2}\u{80}\u{fffd}\u{fffd}"), "a \u{fffd} b \u{fffd}");
        assert_eq!(run(&LossySequences, "look \u{e2}\u{20ac}\u{153}spammy.\u{e2}\u{20ac}?"), "look \u{e2}\u{20ac}\u{153}spammy.\u{fffd}");
        assert_eq!(
            run(&LossySequences, "\u{e2}\u{20ac}\u{153}approved\u{e2}\u{20ac} the plan"),
            "\u{e2}\u{20ac}\u{153}approved\u{fffd} the plan"
        );
        assert_eq!(run(&LossySequences, "\u{e5}?\u{2018}\u{e4}\u{be}\u{2020}"), "\u{fffd}\u{e4}\u{be}\u{2020}");
    }

    #[test]
    fn a_lead_and_a_question_mark_count_only_beside_other_mojibake() {
        assert_eq!(run(&LossySequences, "M\u{c4}?ori 1900\u{e2}\u{20ac}\u{201c}1920"), "M\u{fffd}ori 1900\u{e2}\u{20ac}\u{201c}1920");
        for correct in
            ["CAF\u{c9}?", "Wie hei\u{df}?", "IRM\u{c3}?", "caf\u{e9}\u{2013}bar", "n\u{e9}\u{2019}s", "R\u{c9}SUM\u{c9}\u{2030}?"]
        {
            assert_eq!(run(&LossySequences, correct), correct);
        }
    }

    #[test]
    fn leaves_lone_replacement_characters_and_letters() {
        let text = "caf\u{e9} \u{fffd} na\u{ef}ve \u{e9}t\u{e9}\u{fffd}";
        assert_eq!(run(&LossySequences, text), text);
    }
}

//! How each line of a text reads as prose: its share of the text's stop
//! words, its CJK characters, whether it ends a sentence, whether it holds
//! figures. Reading every word of a text is costly, so a text's readings are
//! a view of it ([`crate::reading::Doc::readings`]), kept as lines are removed.

use crate::reading::bytes::any_byte;
use crate::reading::stopwords::{cjk_function_characters, StopList};

/// Words of a line whose stop words are counted, at most: the first words
/// tell as well as all of a long paragraph.
const STOP_SAMPLE_WORDS: usize = 60;

/// A text's stop-word list, as [`crate::reading::stopwords::for_text`] picks it.
pub type StopWords = Option<&'static StopList>;

/// How one line reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    /// Characters of Chinese, Japanese or Korean, which write without spaces.
    pub cjk: usize,
    /// The share of its first words that are stop words, when the text has a
    /// stop-word list: of a line with as many CJK characters as words, the
    /// share of its CJK characters, two to a word, that are function
    /// characters ([`cjk_function_characters`]).
    /// Counting stops once the share reaches [`PROSE_STOP_SHARE`]: a line
    /// with more reads no more like prose.
    pub stop_share: Option<f64>,
    pub ends_sentence: bool,
    /// Whether it holds a digit: table rows do, menus seldom.
    pub holds_figures: bool,
}

impl Reading {
    /// How `line`, of `words` words, reads in a text whose stop words are `stop`.
    pub fn of(line: &str, words: usize, stop: StopWords) -> Reading {
        let cjk = if may_hold_cjk(line) { line.chars().filter(|&c| is_cjk(c)).count() } else { 0 };
        let stop_share = stop.filter(|_| words > 0).map(|stop| {
            // A line written in Chinese, Japanese or Korean: its function
            // characters among its first, two characters a word.
            if cjk >= words {
                let (characters, hits) = cjk_function_characters(line, 2 * STOP_SAMPLE_WORDS);
                return share(hits, (characters / 2).max(1)).min(PROSE_STOP_SHARE);
            }
            let sampled = words.min(STOP_SAMPLE_WORDS);
            let (enough, mut hits) = (prose_hits(sampled), 0);
            for word in line.split_whitespace().take(STOP_SAMPLE_WORDS) {
                hits += usize::from(stop.holds(word));
                if hits == enough {
                    break;
                }
            }
            share(hits, sampled)
        });
        let ends_sentence = without_references(line).ends_with(|c| FULL_STOPS.contains(&c) || AFTER_A_SENTENCE.contains(&c));
        Reading { cjk, stop_share, ends_sentence, holds_figures: any_byte(line.as_bytes(), |b| b.is_ascii_digit()) }
    }
}

/// Marks that end a sentence, in the scripts that have their own: Latin,
/// Greek and Cyrillic; Chinese and Japanese, full and half width; the
/// danda of Hindi, Bengali and Nepali; Arabic's and Urdu's; Armenian's,
/// Ethiopic's and Burmese's.
pub const FULL_STOPS: &[char] = &[
    '.', '!', '?', '\u{3002}', '\u{ff0e}', '\u{ff01}', '\u{ff1f}', '\u{ff61}', '\u{0964}', '\u{0965}', '\u{061f}', '\u{06d4}', '\u{0589}',
    '\u{1362}', '\u{104b}',
];

/// Marks a sentence may end on after its full stop, or instead of one: a
/// closing quote or bracket, a colon before what follows, an ellipsis.
const AFTER_A_SENTENCE: &[char] = &['"', '\'', ')', ';', ':', '\u{201d}', '\u{2019}', '\u{2026}'];

/// `line` without the reference marks at its end ("… in 1840.[12][13]"),
/// which stand after a sentence's end in encyclopaedias and papers.
fn without_references(line: &str) -> &str {
    let mut rest = line.trim_end();
    while let Some(open) = rest.strip_suffix(']').and_then(|r| r.rfind('[')) {
        // A mark is short: a number, a letter, "citation needed".
        if rest.len() - open > 24 {
            break;
        }
        rest = rest[..open].trim_end();
    }
    rest
}

/// Stop-word share at which a line reads fully as prose.
pub const PROSE_STOP_SHARE: f64 = 0.3;

/// The share of `sampled` words that `hits` of them are.
fn share(hits: usize, sampled: usize) -> f64 {
    hits as f64 / sampled as f64
}

/// The fewest stop words among `sampled` words whose [`share`] reaches
/// [`PROSE_STOP_SHARE`], computed as the share is, so that a count stopped
/// there gives the same reading as a whole one.
fn prose_hits(sampled: usize) -> usize {
    let mut hits = (PROSE_STOP_SHARE * sampled as f64) as usize;
    while hits > 0 && share(hits - 1, sampled) >= PROSE_STOP_SHARE {
        hits -= 1;
    }
    while share(hits, sampled) < PROSE_STOP_SHARE {
        hits += 1;
    }
    hits
}

/// Whether `line` holds a character of three bytes in UTF-8 from U+3000
/// up, as [`is_cjk`] characters are: most lines beyond ASCII (in Latin,
/// Cyrillic or Greek letters, with curly quotes and dashes) hold none, and
/// are not decoded to count them.
pub(crate) fn may_hold_cjk(line: &str) -> bool {
    any_byte(line.as_bytes(), |byte| byte.wrapping_sub(0xE3) <= 0xEF - 0xE3)
}

/// Words of `line`, which holds `words` words between blanks, as a reader
/// counts them: two CJK characters a word besides.
pub fn words_read(line: &str, words: usize) -> usize {
    match may_hold_cjk(line) {
        true => words + line.chars().filter(|&c| is_cjk(c)).count() / 2,
        false => words,
    }
}

/// Whether `c` is a Chinese, Japanese or Korean character.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Readings of a text's lines, with the stop-word list they were made with.
pub struct Readings {
    pub stop: StopWords,
    pub lines: Vec<Reading>,
}

/// Whether two picks of a stop-word list are the same list.
pub fn same_list(a: StopWords, b: StopWords) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_cjk_characters_are_never_skipped() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_cjk(c)) {
            assert!(may_hold_cjk(&format!("a {c} b")), "{:#x}", c as u32);
        }
        assert!(!may_hold_cjk("Caf\u{e9} \u{201c}noir\u{201d} \u{2014} \u{43a}\u{43e}\u{442}"));
        assert_eq!(Reading::of("\u{4e2d}\u{6587} \u{3042} a", 3, None).cjk, 3);
    }

    #[test]
    fn cjk_lines_read_as_prose_by_their_function_characters() {
        let chinese = crate::reading::stopwords::for_text("他们说河水下降了，道路将在星期五重新开放。");
        let share = |line: &str| Reading::of(line, crate::reading::blanks::word_count(line), chinese).stop_share;
        // Ten function characters among 27, two characters a word: fully prose.
        assert_eq!(share("离开家园的居民被告知，在水务局检查供水之后，他们就可以回家了"), Some(PROSE_STOP_SHARE));
        assert_eq!(share("港口新码头正式启用仪式全程回顾"), Some(0.0), "a headline of nouns");
        assert_eq!(share("首页"), Some(0.0));
        assert_eq!(Reading::of("首页", 1, None).stop_share, None, "no list, no share");
        let english = crate::reading::stopwords::for_text("the cat and the dog");
        let line = "The harbour 港口 opens";
        assert_eq!(Reading::of(line, 4, english).stop_share, Some(0.25), "a line of more words than CJK characters is read by words");
    }

    #[test]
    fn a_sentence_ends_before_its_reference_marks() {
        let ends = |line: &str| Reading::of(line, 4, None).ends_sentence;
        assert!(ends("The town was founded in 1840.[12][13]"));
        assert!(ends("It was the largest port. [citation needed]"));
        assert!(!ends("See the list [1]"));
        assert!(!ends("A line of links [home] [about] [contact]"));
        assert!(!ends("[1]"));
    }

    #[test]
    fn sentences_end_in_every_script() {
        let ends = |line: &str| Reading::of(line, 4, None).ends_sentence;
        for line in [
            "नदी का पानी रात भर में एक मीटर घट गया।",
            "هل ستفتح الطرق يوم الجمعة؟",
            "河水下降了一米。",
            "ルート．",
            "Ջուրը իջավ։",
            "ውሃው ወረደ።",
            "«Река отступила», — сказал он.",
        ] {
            assert!(ends(line), "{line}");
        }
        assert!(!ends("नदी का पानी") && !ends("首页"));
    }

    #[test]
    fn stop_words_are_counted_up_to_the_share_of_prose() {
        for sampled in 1..=STOP_SAMPLE_WORDS {
            let enough = prose_hits(sampled);
            assert!(share(enough, sampled) >= PROSE_STOP_SHARE && share(enough - 1, sampled) < PROSE_STOP_SHARE, "{sampled}");
        }
        let english = crate::reading::stopwords::for_text("the cat and the dog");
        let share_of = |line: &str| Reading::of(line, crate::reading::blanks::word_count(line), english).stop_share.unwrap();
        assert_eq!(share_of("cat dog hen owl of the"), 2.0 / 6.0);
        assert_eq!(share_of("of the and cat dog hen"), 2.0 / 6.0, "counting stopped at the second of three");
        assert_eq!(share_of("cat dog hen owl bat of"), 1.0 / 6.0);
        assert_eq!(share_of("cat dog"), 0.0);
    }
}

//! Document-level quality signals of the Gopher, C4 and FineWeb filters, and
//! the keep/drop verdict they give, for people building training corpora.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

/// Gopher's stop words: a document needs at least two of them.
const STOP_WORDS: &[&str] = &["the", "be", "to", "of", "and", "that", "have", "with"];

/// Figures of one document, and what they say about keeping it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    pub words: usize,
    pub mean_word_length: f64,
    /// `#` and ellipses per word.
    pub symbol_ratio: f64,
    /// Share of words with at least one letter.
    pub alpha_words: f64,
    /// How many of Gopher's stop words occur.
    pub stop_words: usize,
    pub bullet_lines: f64,
    pub ellipsis_lines: f64,
    /// Share of lines ending in terminal punctuation (FineWeb).
    pub punctuated_lines: f64,
    /// Share of lines under 30 characters (FineWeb).
    pub short_lines: f64,
    /// Share of lines that repeat an earlier line.
    pub duplicate_lines: f64,
    /// Share of characters in lines that repeat an earlier line.
    pub duplicate_line_chars: f64,
    /// Share of paragraphs that repeat an earlier one.
    pub duplicate_paragraphs: f64,
    /// Share of word characters covered by the most frequent 2-, 3- and 4-gram.
    pub top_ngram: [f64; 3],
    pub lorem_ipsum: bool,
    pub curly_bracket: bool,
    pub keep: bool,
    /// Why the document is dropped: every threshold it fails.
    pub reasons: Vec<String>,
}

impl Signals {
    pub fn of(text: &str) -> Signals {
        let words: Vec<&str> = text.split_whitespace().collect();
        let n = words.len().max(1) as f64;
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let l = lines.len().max(1) as f64;
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower_word(w.trim_matches(|c: char| !c.is_alphanumeric()))).collect();

        let mut signals = Signals {
            words: words.len(),
            mean_word_length: words.iter().map(|w| w.chars().count()).sum::<usize>() as f64 / n,
            symbol_ratio: (text.matches('#').count() + text.matches("...").count() + text.matches('\u{2026}').count()) as f64 / n,
            alpha_words: words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count() as f64 / n,
            stop_words: stop_words_used(&lower),
            bullet_lines: lines.iter().filter(|l| l.starts_with(['\u{2022}', '-', '*', '\u{2023}', '\u{25aa}'])).count() as f64 / l,
            ellipsis_lines: lines.iter().filter(|l| l.ends_with("...") || l.ends_with('\u{2026}')).count() as f64 / l,
            punctuated_lines: lines.iter().filter(|l| l.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{3002}'])).count() as f64 / l,
            short_lines: lines.iter().filter(|l| l.chars().count() < 30).count() as f64 / l,
            lorem_ipsum: holds_lorem_ipsum(text),
            curly_bracket: text.contains('{'),
            ..Signals::default()
        };
        let (dup_lines, dup_chars) = duplicates(&lines);
        signals.duplicate_lines = dup_lines as f64 / l;
        signals.duplicate_line_chars = dup_chars as f64 / lines.iter().map(|l| l.len()).sum::<usize>().max(1) as f64;
        let paragraphs: Vec<&str> = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
        signals.duplicate_paragraphs = duplicates(&paragraphs).0 as f64 / paragraphs.len().max(1) as f64;
        let word_chars = lower.iter().map(|word| word.len()).sum::<usize>().max(1) as f64;
        let (ids, lengths) = word_ids(&lower);
        for (slot, size) in [2, 3, 4].into_iter().enumerate() {
            signals.top_ngram[slot] = top_ngram_chars(&ids, &lengths, size) as f64 / word_chars;
        }
        signals.judge();
        signals
    }

    /// Applies the published thresholds.
    fn judge(&mut self) {
        let mut fail = |failed: bool, reason: String| {
            if failed {
                self.reasons.push(reason);
            }
        };
        fail(!(50..=100_000).contains(&self.words), format!("{} words, outside 50 to 100,000 (Gopher)", self.words));
        fail(
            !(3.0..=10.0).contains(&self.mean_word_length),
            format!("mean word length {:.1}, outside 3 to 10 (Gopher)", self.mean_word_length),
        );
        fail(self.symbol_ratio > 0.1, format!("symbol-to-word ratio {:.2} above 0.1 (Gopher)", self.symbol_ratio));
        fail(self.alpha_words < 0.8, format!("{:.0}% of words have a letter, under 80% (Gopher)", self.alpha_words * 100.0));
        fail(self.stop_words < 2, format!("{} of the common stop words, under 2 (Gopher)", self.stop_words));
        fail(self.bullet_lines > 0.9, format!("{:.0}% of lines are bullets, over 90% (Gopher)", self.bullet_lines * 100.0));
        fail(self.ellipsis_lines > 0.3, format!("{:.0}% of lines end in an ellipsis, over 30% (Gopher)", self.ellipsis_lines * 100.0));
        fail(self.duplicate_lines > 0.3, format!("{:.0}% of lines are repeats, over 30% (Gopher)", self.duplicate_lines * 100.0));
        fail(
            self.duplicate_paragraphs > 0.3,
            format!("{:.0}% of paragraphs are repeats, over 30% (Gopher)", self.duplicate_paragraphs * 100.0),
        );
        for (slot, (size, limit)) in [(2, 0.2), (3, 0.18), (4, 0.16)].into_iter().enumerate() {
            let share = self.top_ngram[slot];
            fail(share > limit, format!("top {size}-gram covers {:.0}% of text, over {:.0}% (Gopher)", share * 100.0, limit * 100.0));
        }
        fail(
            self.punctuated_lines < 0.12,
            format!("{:.0}% of lines end in punctuation, under 12% (FineWeb)", self.punctuated_lines * 100.0),
        );
        fail(
            self.duplicate_line_chars > 0.1,
            format!("{:.0}% of characters are in repeated lines, over 10% (FineWeb)", self.duplicate_line_chars * 100.0),
        );
        fail(self.short_lines > 0.67, format!("{:.0}% of lines are short, over 67% (FineWeb)", self.short_lines * 100.0));
        fail(self.lorem_ipsum, "contains \u{201c}lorem ipsum\u{201d} (C4)".into());
        fail(self.curly_bracket, "contains a curly bracket, a sign of code (C4)".into());
        self.keep = self.reasons.is_empty();
    }
}

/// `word` in lower case: most words are ASCII, lowered without Unicode
/// tables, and most of those are in lower case already, and not copied.
fn lower_word(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// How many of [`STOP_WORDS`] are among `words` (lowered), read once.
fn stop_words_used(words: &[Cow<str>]) -> usize {
    let mut used = 0u32;
    for word in words {
        if let Some(index) = STOP_WORDS.iter().position(|stop| *stop == word.as_ref()) {
            used |= 1 << index;
        }
    }
    used.count_ones() as usize
}

/// Whether `text` says "lorem ipsum" in any case. No character beyond
/// ASCII lowers to these letters alone, so comparing ASCII letters without
/// case is lowering the text and searching it, without the copy.
fn holds_lorem_ipsum(text: &str) -> bool {
    const PHRASE: &[u8] = b"lorem ipsum";
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'l', b'L', bytes)
        .any(|at| bytes.get(at..at + PHRASE.len()).is_some_and(|found| found.eq_ignore_ascii_case(PHRASE)))
}

/// How many items repeat an earlier one, and their total length.
fn duplicates(items: &[&str]) -> (usize, usize) {
    let mut seen = FxHashSet::default();
    items.iter().filter(|item| !seen.insert(**item)).fold((0, 0), |(n, chars), item| (n + 1, chars + item.len()))
}

/// Each word as a number, equal for equal words, and each number's word's
/// length: n-grams are then counted as numbers, not hashed as strings.
fn word_ids<'a>(words: &'a [Cow<str>]) -> (Vec<u32>, Vec<usize>) {
    let mut ids: FxHashMap<&'a str, u32> = FxHashMap::with_capacity_and_hasher(words.len(), Default::default());
    let mut lengths = Vec::new();
    let numbered = words
        .iter()
        .map(|word| {
            *ids.entry(word.as_ref()).or_insert_with(|| {
                lengths.push(word.len());
                (lengths.len() - 1) as u32
            })
        })
        .collect();
    (numbered, lengths)
}

/// Characters covered by the most frequent word n-gram (each occurrence
/// counted), of words numbered by [`word_ids`].
fn top_ngram_chars(words: &[u32], lengths: &[usize], size: usize) -> usize {
    if words.len() < size {
        return 0;
    }
    let mut counts: FxHashMap<&[u32], usize> = FxHashMap::with_capacity_and_hasher(words.len() - size + 1, Default::default());
    for gram in words.windows(size) {
        *counts.entry(gram).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, count)| count > 1)
        .map(|(gram, count)| gram.iter().map(|&id| lengths[id as usize]).sum::<usize>() * count)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "The harbour council met on Tuesday to decide the future of the ferry. \
        Members said that the old pier would have to be repaired with money from the county, and that work could start in spring. \
        Residents who spoke at the meeting were mostly in favour of the plan, though some worried about the cost of the repairs. \
        The vote will take place next month, after a survey of the pier and a report on the likely number of passengers.\n";

    #[test]
    fn lorem_ipsum_is_found_in_any_case() {
        for text in ["Lorem ipsum dolor", "x LOREM IPSUM", "loremlorem iPsum"] {
            assert_eq!(holds_lorem_ipsum(text), text.to_lowercase().contains("lorem ipsum"), "{text}");
        }
        assert!(!holds_lorem_ipsum("lorem  ipsum") && !holds_lorem_ipsum("lorem ips"));
    }

    proptest::proptest! {
        #[test]
        fn lorem_ipsum_is_found_as_in_the_lowered_text(text in "(lorem|LOREM|Lorem| |ipsum|IPSUM|\u{130}psum|\u{212a}|\u{17f}|i|x){0,6}") {
            proptest::prop_assert_eq!(holds_lorem_ipsum(&text), text.to_lowercase().contains("lorem ipsum"));
            let word = text.trim();
            proptest::prop_assert_eq!(lower_word(word), word.to_lowercase());
        }
    }

    #[test]
    fn the_top_ngram_counts_each_occurrence_of_the_most_frequent() {
        // "ab cd" twice: 8 of the 11 word characters; "cd ab" once does not count.
        let signals = Signals::of("ab cd ab cd xyz");
        assert!((signals.top_ngram[0] - 8.0 / 11.0).abs() < 1e-9, "{:?}", signals.top_ngram);
        assert_eq!(signals.top_ngram[1], 0.0);
    }

    #[test]
    fn a_real_paragraph_is_kept() {
        let signals = Signals::of(GOOD);
        assert!(signals.keep, "{:?}", signals.reasons);
        assert!(signals.stop_words >= 5);
        assert_eq!(Signals::of("The cat and THE dog, (with) the hat; withal").stop_words, 3, "the, and, with: each once");
    }

    #[test]
    fn lists_repeats_and_code_are_dropped_with_reasons() {
        let menu = "Home\nNews\nSport\nHome\nNews\nSport\n";
        let signals = Signals::of(menu);
        assert!(!signals.keep);
        assert!(signals.reasons.iter().any(|r| r.contains("6 words")));
        assert!(signals.reasons.iter().any(|r| r.contains("lines are repeats")));
        let code = format!("{GOOD}function f() {{ return 1; }}\n");
        assert!(Signals::of(&code).reasons.iter().any(|r| r.contains("curly bracket")));
    }
}

//! Stop words of many languages (the NLTK lists), and picking the list that
//! fits a text.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Words sampled to pick a language.
const SAMPLE_WORDS: usize = 600;

static LISTS: LazyLock<Vec<FxHashSet<&'static str>>> = LazyLock::new(|| {
    stop_words::available_languages()
        .iter()
        .filter_map(|code| stop_words::lookup(code))
        .map(|words| words.iter().copied().collect())
        .collect()
});

/// For each stop word, the lists (by index in `LISTS`) that hold it: a
/// text's words are each looked up once, not once a list.
static LISTS_OF_WORD: LazyLock<FxHashMap<&'static str, Vec<u16>>> = LazyLock::new(|| {
    let mut lists_of: FxHashMap<&'static str, Vec<u16>> = FxHashMap::default();
    for (index, list) in LISTS.iter().enumerate() {
        for &word in list {
            lists_of.entry(word).or_default().push(index as u16);
        }
    }
    lists_of
});

/// The stop-word list that covers most of `text`'s words, if any does.
pub fn for_text(text: &str) -> Option<&'static FxHashSet<&'static str>> {
    let mut hits = vec![0usize; LISTS.len()];
    for word in text.split_whitespace().take(SAMPLE_WORDS) {
        for &list in LISTS_OF_WORD.get(word_key(word).as_ref()).map(Vec::as_slice).unwrap_or_default() {
            hits[list as usize] += 1;
        }
    }
    // Of lists with as many hits, the last.
    let (best, &count) = hits.iter().enumerate().max_by_key(|&(_, &count)| count)?;
    (count > 0).then(|| &LISTS[best])
}

/// A word as stop-word lists spell it: lower case, without surrounding
/// punctuation, apostrophes straight. Most words are that already, and are
/// not copied.
pub fn word_key(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    // Most words start and end with an ASCII letter: nothing to trim.
    let plain_ends = bytes.first().is_some_and(u8::is_ascii_alphanumeric) && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    let word = if plain_ends { word } else { word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'') };
    if word.is_ascii() {
        return match word.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(word.to_ascii_lowercase()),
            false => Cow::Borrowed(word),
        };
    }
    if word.chars().all(is_key_char) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
}

/// Whether `c` stands in a word key as it is: lower case already (its
/// lower case is itself), and not a curly apostrophe.
fn is_key_char(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    c != '\u{2019}' && lower.len() == 1 && lower.next() == Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_language_of_the_text() {
        let english = for_text("The cat sat on the mat and it was happy with the world").unwrap();
        assert!(english.contains("the"));
        let german = for_text("Der Hund und die Katze sind nicht in dem Haus, aber sie sind bei uns").unwrap();
        assert!(german.contains("und") && !german.contains("the"));
        assert!(for_text("12345 67890").is_none());
        assert_eq!(word_key("«Über»"), "über");
        assert_eq!(word_key("(The,"), "the");
        assert_eq!(word_key("'tis"), "'tis");
        assert_eq!(word_key("--"), "");
        assert_eq!(word_key("don\u{2019}t"), "don't");
        assert!(matches!(word_key("(straße)"), Cow::Borrowed("straße")), "a word in lower case is not copied");
    }
}

//! Stop words of many languages (the NLTK lists), and picking the list that
//! fits a text.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Words sampled to pick a language.
const SAMPLE_WORDS: usize = 3000;

static LISTS: LazyLock<Vec<FxHashSet<&'static str>>> = LazyLock::new(|| {
    stop_words::available_languages()
        .iter()
        .filter_map(|code| stop_words::lookup(code))
        .map(|words| words.iter().copied().collect())
        .collect()
});

/// The stop-word list that covers most of `text`'s words, if any does.
pub fn for_text(text: &str) -> Option<&'static FxHashSet<&'static str>> {
    let words: Vec<String> = text.split_whitespace().take(SAMPLE_WORDS).map(word_key).collect();
    LISTS
        .iter()
        .map(|list| (words.iter().filter(|w| list.contains(w.as_str())).count(), list))
        .filter(|&(hits, _)| hits > 0)
        .max_by_key(|&(hits, _)| hits)
        .map(|(_, list)| list)
}

/// A word as stop-word lists spell it: lower case, without surrounding punctuation.
pub fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'').to_lowercase().replace('\u{2019}', "'")
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
    }
}

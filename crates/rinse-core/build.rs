//! Writes the stop-word lists out as one text, the words of a language one a
//! line and the languages apart by a NUL, so the engine carries the words
//! themselves rather than a table of pointers to them: in the page's module,
//! where every byte is downloaded, the table would be larger than the words.

use std::path::PathBuf;

/// The NLTK lists, in the order the engine has always read them (a tie
/// between two lists goes to the later).
const NLTK: &[&str] = &[
    "ar", "az", "be", "bn", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "he", "hinglish", "hu", "id", "it", "kk", "ne", "nl",
    "no", "pt", "ro", "ru", "sl", "sq", "sv", "ta", "tg", "tr", "uz", "zh",
];

/// Languages much written on the web that NLTK has no list for, from the
/// stopwords-iso lists: Polish, Czech, Slovak, Bulgarian,
/// Croatian, Lithuanian, Latvian, Estonian, Vietnamese, Hindi, Marathi,
/// Gujarati, Persian, Urdu, Tagalog, Swahili, Armenian, Irish. Not Malay
/// (its list holds names; Indonesian's reads it), nor Thai, Japanese or
/// Korean (written without spaces between words, or read a character at a
/// time by the engine itself), nor Ukrainian (its list is too short to win
/// a Ukrainian text from the Russian list).
const ADDED: &[&str] = &["pl", "cs", "sk", "bg", "hr", "lt", "lv", "et", "vi", "hi", "mr", "gu", "fa", "ur", "tl", "sw", "hy", "ga"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut text = String::new();
    for &code in NLTK.iter().chain(ADDED) {
        let words = stop_words::lookup(code).unwrap_or_else(|| panic!("the stop-words crate has no list for {code}"));
        // A word is read between blanks, and keyed without the punctuation
        // around it: an entry of two words, or of no letter, never matches.
        for word in words.iter().filter(|word| !word.contains(' ') && word.chars().any(char::is_alphanumeric)) {
            assert!(!word.contains(['\n', '\0']), "stop word {word:?} of {code} cannot be written one a line");
            text.push_str(word);
            text.push('\n');
        }
        text.push('\0');
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("stop-words.txt"), text).expect("OUT_DIR is writable");
}

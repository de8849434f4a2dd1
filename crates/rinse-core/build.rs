//! Writes the stop-word lists out as one text, the words of a language one a
//! line and the languages apart by a NUL, so the engine carries the words
//! themselves rather than a table of pointers to them: in the page's module,
//! where every byte is downloaded, the table would be larger than the words.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut text = String::new();
    for code in stop_words::available_languages() {
        let Some(words) = stop_words::lookup(code) else { continue };
        for word in words {
            assert!(!word.is_empty() && !word.contains(['\n', '\0']), "stop word {word:?} of {code} cannot be written one a line");
            text.push_str(word);
            text.push('\n');
        }
        text.push('\0');
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("stop-words.txt"), text).expect("OUT_DIR is writable");
}

//! Blanks in lines, found by reading bytes.
//!
//! Rules split every line of a text into words, often more than once, and
//! `str::split_whitespace` decodes each character to ask whether it is
//! blank. Only a handful of byte sequences in UTF-8 are blank, and most
//! lines hold none but the ASCII ones, so a loop over bytes that the
//! compiler can run many at a time answers for most lines, and the few
//! others are split as before.

use crate::reading::bytes::{any_pair, any_triple};

/// Whether `byte` is an ASCII blank as `char::is_whitespace` knows them,
/// vertical tab included. Arithmetic, not a table: loops over bytes that
/// test it run many bytes at a time.
pub const fn is_ascii_blank(byte: u8) -> bool {
    byte == b' ' || is_control_blank(byte)
}

/// Whether `byte` is an ASCII blank other than the space: a tab, a line
/// break, a vertical tab, a form feed, a carriage return.
const fn is_control_blank(byte: u8) -> bool {
    byte.wrapping_sub(b'\t') <= b'\r' - b'\t'
}

/// Whether `text` holds a blank character beyond ASCII (a no-break space,
/// a thin space, an ideographic space...).
pub fn has_multi_byte_blank(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return false;
    }
    any_triple(bytes, starts_blank)
}

/// Whether the bytes `first`, `second`, `third` start a blank beyond ASCII:
/// U+0085 next line, U+00A0 no-break space, U+1680 Ogham space mark,
/// U+2000..U+200A spaces, U+2028 line and U+2029 paragraph separators,
/// U+202F narrow no-break space, U+205F medium mathematical space, U+3000
/// ideographic space.
fn starts_blank(first: u8, second: u8, third: u8) -> bool {
    (first == 0xC2) & ((second == 0x85) | (second == 0xA0))
        | (first == 0xE1) & (second == 0x9A) & (third == 0x80)
        | (first == 0xE2) & (second == 0x80) & ((third.wrapping_sub(0x80) <= 0x0A) | (third == 0xA8) | (third == 0xA9) | (third == 0xAF))
        | (first == 0xE2) & (second == 0x81) & (third == 0x9F)
        | (first == 0xE3) & (second == 0x80) & (third == 0x80)
}

/// Words in `line`, as `split_whitespace` counts them.
pub fn word_count(line: &str) -> usize {
    if has_multi_byte_blank(line) {
        return line.split_whitespace().count();
    }
    // A word starts at each byte that is not blank after one that is, or at
    // the start; the bytes of a character beyond ASCII are none of them blank.
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else { return 0 };
    // Counted a byte wide, 255 pairs at a time: sums as wide as `usize`
    // would hold a few bytes to a vector register rather than sixteen.
    let pairs = bytes.chunks(255).zip(bytes[1..].chunks(255));
    let starts = pairs.map(|(bytes, nexts)| {
        let in_chunk =
            bytes.iter().zip(nexts).fold(0u8, |count, (&byte, &next)| count + u8::from(is_ascii_blank(byte) & !is_ascii_blank(next)));
        usize::from(in_chunk)
    });
    usize::from(!is_ascii_blank(first)) + starts.sum::<usize>()
}

/// Whether the only blanks in `text` are single spaces between words, so
/// that splitting it on blanks and joining the words with a space gives it
/// back unchanged.
pub fn is_plainly_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return true };
    !(first == b' '
        || is_ascii_blank(last)
        || any_pair(bytes, |byte, next| is_control_blank(byte) | (byte == b' ') & (next == b' '))
        || has_multi_byte_blank(text))
}

/// Characters of `text` that are not blank, as `char::is_whitespace`
/// tells them, counted by bytes: a byte that starts a character and is not
/// an ASCII blank, less the few characters beyond ASCII that are blank.
pub fn non_blank_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Counted a byte wide, 255 bytes at a time, as in `word_count`.
    let counted = |chunk: &[u8]| chunk.iter().map(|&b| u8::from(!is_ascii_blank(b) & ((b as i8) >= -0x40))).sum::<u8>() as usize;
    let starts: usize = bytes.chunks(255).map(counted).sum();
    if !has_multi_byte_blank(text) {
        return starts;
    }
    starts - text.chars().filter(|c| !c.is_ascii() && c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_blank_character_is_known() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let text = c.encode_utf8(&mut buffer);
            let bytes = [text.as_bytes(), &[0, 0]].concat();
            let blank = if c.is_ascii() { is_ascii_blank(c as u8) } else { starts_blank(bytes[0], bytes[1], bytes[2]) };
            assert_eq!(blank, c.is_whitespace(), "{c:?}");
            assert_eq!(has_multi_byte_blank(text), !c.is_ascii() && c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn counts_words_between_blanks_of_every_width() {
        assert_eq!(word_count("\u{3000}one\u{a0}two\u{2028}\u{2009}three\x0bfour \u{85}"), 4);
        assert_eq!(word_count("caf\u{e9} \u{2019}quoted\u{2019} \u{4e2d}\u{6587}"), 3);
        assert_eq!(word_count("") + word_count(" \u{2003}\t"), 0);
        assert!(is_plainly_spaced("one two \u{e9}") && is_plainly_spaced(""));
        for untidy in ["one  two", " one", "one ", "one\ttwo", "one\u{a0}two", "one\x0btwo"] {
            assert!(!is_plainly_spaced(untidy), "{untidy:?}");
        }
    }

    proptest! {
        #[test]
        fn counts_and_spacing_agree_with_the_standard_split(
            text in "[a\u{a0}\u{2000}-\u{2030}\u{3000}\u{85}\u{c0} \t\x0b\u{e100}\u{1680}\u{1681}-]{0,40}"
        ) {
            let words: Vec<&str> = text.split_whitespace().collect();
            prop_assert_eq!(word_count(&text), words.len());
            prop_assert_eq!(non_blank_chars(&text), text.chars().filter(|c| !c.is_whitespace()).count());
            prop_assert_eq!(is_plainly_spaced(&text), words.join(" ") == text);
        }
    }
}

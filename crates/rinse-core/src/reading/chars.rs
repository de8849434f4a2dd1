//! What the line views ask of a character (is it blank, a figure, a
//! letter, and its lower case), answered quickly for ASCII and the scripts
//! most other text is in.
//!
//! The standard library answers each question by searching its Unicode
//! tables, several searches a character. Characters of one and two bytes
//! in UTF-8 (ASCII, and U+0080 to U+07FF: Latin, Greek, Cyrillic, Armenian,
//! Hebrew, Arabic...) and the punctuation most text uses beyond them are
//! answered from tables (ASCII's made as the program is built, the others
//! from the standard library's answers the first time they are needed), and
//! the CJK ideographs and Hangul syllables, which are all letters with no
//! case, by their ranges.

use std::sync::LazyLock;

use crate::reading::blanks::is_ascii_blank;

/// What a character is, as [`facts`] tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `char::is_whitespace`.
    Blank,
    /// `char::is_numeric` (and not blank).
    Figure,
    /// `char::is_alphabetic` (and neither of the above).
    Letter,
    /// None of these: punctuation, symbols, marks.
    Other,
}

impl Kind {
    /// The kind of a character that is or is not blank, a figure, a
    /// letter: the first that holds, as the standard library's tests rank them.
    const fn of(blank: bool, figure: bool, letter: bool) -> Kind {
        if blank {
            Kind::Blank
        } else if figure {
            Kind::Figure
        } else if letter {
            Kind::Letter
        } else {
            Kind::Other
        }
    }
}

/// A character's [`Kind`] and its lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub kind: Kind,
    /// `char::to_lowercase`, when that is one character; `None` when it is more.
    pub lower: Option<char>,
}

impl Facts {
    /// Whether the character is a letter or a figure: `char::is_alphanumeric`.
    pub fn is_alphanumeric(self) -> bool {
        matches!(self.kind, Kind::Figure | Kind::Letter)
    }

    /// Passes to `each` the characters of `c`'s lower case, as
    /// `char::to_lowercase` gives them; `c` is the character these are the
    /// facts of. One character, the most common case, comes from the table.
    pub fn each_lower(self, c: char, mut each: impl FnMut(char)) {
        match self.lower {
            Some(lower) => each(lower),
            None => c.to_lowercase().for_each(each),
        }
    }
}

/// ASCII, answered from a table made as the program is built.
static ASCII: [Facts; 128] = {
    let mut table = [Facts { kind: Kind::Other, lower: None }; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        let kind = Kind::of(is_ascii_blank(b), b.is_ascii_digit(), b.is_ascii_alphabetic());
        table[byte] = Facts { kind, lower: Some(b.to_ascii_lowercase() as char) };
        byte += 1;
    }
    table
};

/// The ranges beyond ASCII answered from a table: the characters of two
/// bytes in UTF-8, and from general punctuation (curly quotes, dashes)
/// through CJK punctuation, hiragana and katakana.
const TABLED: [std::ops::Range<u32>; 2] = [0x80..0x800, 0x2000..0x3100];

static TABLES: LazyLock<[Vec<Facts>; 2]> =
    LazyLock::new(|| TABLED.map(|range| range.filter_map(char::from_u32).map(facts_by_std).collect()));

/// What `c` is.
pub fn facts(c: char) -> Facts {
    let code = c as u32;
    if let Some(&facts) = ASCII.get(code as usize) {
        return facts;
    }
    for (range, table) in TABLED.iter().zip(TABLES.iter()) {
        if range.contains(&code) {
            return table[(code - range.start) as usize];
        }
    }
    if is_caseless_letter(code) {
        return Facts { kind: Kind::Letter, lower: Some(c) };
    }
    facts_by_std(c)
}

/// CJK unified ideographs and Hangul syllables: letters, each its own lower case.
fn is_caseless_letter(code: u32) -> bool {
    matches!(code, 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// What `c` is, asked of the standard library.
fn facts_by_std(c: char) -> Facts {
    let kind = Kind::of(c.is_whitespace(), c.is_numeric(), c.is_alphabetic());
    let mut lower = c.to_lowercase();
    Facts { kind, lower: if lower.len() == 1 { lower.next() } else { None } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_what_the_standard_library_says() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let Facts { kind, lower } = facts(c);
            assert_eq!(kind == Kind::Blank, c.is_whitespace(), "{:#x}", c as u32);
            assert_eq!(kind == Kind::Figure, c.is_numeric() && !c.is_whitespace(), "{:#x}", c as u32);
            assert_eq!(facts(c).is_alphanumeric(), c.is_alphanumeric() && !c.is_whitespace(), "{:#x}", c as u32);
            let mut lowered = c.to_lowercase();
            match lower {
                Some(lower) => assert!(lowered.len() == 1 && lowered.next() == Some(lower), "{:#x}", c as u32),
                None => assert!(lowered.len() > 1, "{:#x}", c as u32),
            }
        }
        let letter = |lower| Facts { kind: Kind::Letter, lower: Some(lower) };
        assert_eq!(facts('\u{c9}'), letter('\u{e9}'));
        assert_eq!(facts('\u{130}'), Facts { kind: Kind::Letter, lower: None }, "İ lowers to two characters");
        assert_eq!(facts('\u{a0}').kind, Kind::Blank);
        assert_eq!(facts('\u{663}').kind, Kind::Figure, "Arabic-Indic three");
        assert_eq!(facts('\u{2160}'), Facts { kind: Kind::Figure, lower: Some('\u{2170}') }, "Roman one, a figure with a lower case");
        assert_eq!(facts('\u{5b57}'), letter('\u{5b57}'));
        assert_eq!(facts('\u{a7}').kind, Kind::Other);
    }
}

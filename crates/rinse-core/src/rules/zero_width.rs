use crate::edit::Change;
use crate::reading::bytes::{any_triple, chars_led_by};
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Zero-width and invisible formatting characters.
pub struct ZeroWidth;

static INFO: RuleInfo = RuleInfo {
    id: "zero-width",
    name: "Zero-width characters",
    group: Group::Repair,
    summary: "Removes zero-width spaces, word joiners, stray byte-order marks and soft hyphens.",
    doc: "Invisible characters (U+200B zero-width space, U+2060 word joiner, U+00AD soft hyphen, \
          U+180E, and a byte-order mark U+FEFF at the start) split words for search and comparison without showing. They are \
          removed. Zero-width joiners and non-joiners are kept where they join letters or emoji \
          (they shape Persian, Indic and emoji sequences) and removed between ASCII characters or \
          at the ends of words.",
    example: Example { input: "zero\u{200b}width and soft\u{ad}hyphen", output: "zerowidth and softhyphen" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for ZeroWidth {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        // U+200B–U+200D, U+2060, U+FEFF, U+00AD and U+180E, in UTF-8.
        let invisible = |a: u8, b: u8, c: u8| {
            (a == 0xE2) & ((b == 0x80) & (c.wrapping_sub(0x8B) <= 2) | (b == 0x81) & (c == 0xA0))
                | (a == 0xEF) & (b == 0xBB) & (c == 0xBF)
                | (a == 0xC2) & (b == 0xAD)
                | (a == 0xE1) & (b == 0xA0) & (c == 0x8E)
        };
        if !any_triple(text.as_bytes(), invisible) {
            return Vec::new();
        }
        let mut changes = Vec::new();
        for (i, c) in chars_led_by(text, |b| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xEF)) {
            let range = i..i + c.len_utf8();
            let remove = match c {
                '\u{200b}' | '\u{2060}' | '\u{ad}' | '\u{180e}' => true,
                // A byte-order mark opening the text; inside it, U+FEFF is an old word joiner.
                '\u{feff}' => i == 0,
                '\u{200c}' | '\u{200d}' => {
                    let before = text[..i].chars().next_back();
                    let after = text[range.end..].chars().next();
                    let joins = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
                    !(joins(before) && joins(after))
                }
                _ => false,
            };
            if remove {
                changes.push(Change::delete(range, format!("invisible character U+{:04X}", c as u32)));
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_invisibles() {
        assert_eq!(run(&ZeroWidth, "\u{feff}a\u{2060}b c\u{200d}d"), "ab cd");
        assert_eq!(run(&ZeroWidth, "a \u{feff} b"), "a \u{feff} b");
    }

    #[test]
    fn keeps_joiners_inside_emoji_and_scripts() {
        let text = "family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} and \u{0645}\u{06cc}\u{200c}\u{062e}\u{0648}\u{0627}\u{0645}";
        assert_eq!(run(&ZeroWidth, text), text);
    }
}

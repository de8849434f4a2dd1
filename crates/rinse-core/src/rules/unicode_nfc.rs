use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::edit::Change;
use crate::reading::bytes::non_ascii_runs;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Unicode normalisation form C.
pub struct UnicodeNfc;

static INFO: RuleInfo = RuleInfo {
    id: "unicode-nfc",
    name: "Unicode NFC",
    group: Group::Repair,
    summary: "Composes decomposed characters (e + ◌́ → é), Unicode normalisation form C.",
    doc: "The same letter can be one code point or a base letter plus combining marks, depending \
          on where the text came from; the two look alike but compare and count differently. Each \
          word not already in NFC is rewritten in NFC. NFC never changes how text looks.",
    example: Example { input: "Cafe\u{301} cre\u{300}me", output: "Caf\u{e9} cr\u{e8}me" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for UnicodeNfc {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        // ASCII characters are starters, normalised, and end any sequence of
        // combining marks: the text is normalised if every run beyond ASCII is.
        if non_ascii_runs(text).all(|(_, run)| is_nfc_quick(run.chars()) == IsNormalized::Yes) {
            return Vec::new();
        }
        let mut changes = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            if !c.is_whitespace() {
                continue;
            }
            let word = &text[start..i];
            if !word.is_ascii() && is_nfc_quick(word.chars()) != IsNormalized::Yes {
                let composed: String = word.nfc().collect();
                if composed != word {
                    changes.push(Change::replace(start..i, composed, "composed to Unicode NFC"));
                }
            }
            start = i + c.len_utf8();
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn composes_each_word() {
        assert_eq!(run(&UnicodeNfc, "A\u{30a} nai\u{308}ve\nu\u{308}"), "\u{c5} na\u{ef}ve\n\u{fc}");
    }

    #[test]
    fn leaves_composed_and_uncomposable_text() {
        let text = "Caf\u{e9} \u{1f600} q\u{307}";
        assert_eq!(run(&UnicodeNfc, text), text);
    }
}

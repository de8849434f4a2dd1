use crate::edit::Change;
use crate::reading::bytes::{any_triple, chars_led_by};
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Non-breaking and other fixed-width spaces.
pub struct Nbsp;

static INFO: RuleInfo = RuleInfo {
    id: "nbsp",
    name: "Non-breaking spaces",
    group: Group::Normalize,
    summary: "Turns non-breaking, figure and other fixed-width spaces into plain spaces.",
    doc: "Pages use non-breaking spaces (U+00A0) for layout, and they defeat word splitting, \
          searching and comparison in plain text. U+00A0 and the fixed-width spaces U+2000–U+200A \
          and U+2007 become ordinary spaces. The narrow no-break space U+202F is kept: French and \
          other typography uses it before punctuation on purpose.",
    example: Example { input: "10\u{a0}km and\u{2009}more", output: "10 km and more" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Nbsp {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        // U+00A0 is 0xC2 0xA0; U+2000–U+200A are 0xE2 0x80 0x80–0x8A.
        let bytes = text.as_bytes();
        if !any_triple(bytes, |a, b, c| (a == 0xC2) & (b == 0xA0) | (a == 0xE2) & (b == 0x80) & (c.wrapping_sub(0x80) <= 0x0A)) {
            return Vec::new();
        }
        chars_led_by(text, |b| b == 0xC2 || b == 0xE2)
            .filter(|&(_, c)| c == '\u{a0}' || ('\u{2000}'..='\u{200a}').contains(&c))
            .map(|(i, c)| Change::replace(i..i + c.len_utf8(), " ", format!("fixed-width space U+{:04X}", c as u32)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn plain_spaces() {
        assert_eq!(run(&Nbsp, "a\u{a0}\u{a0}b\u{2003}c"), "a  b c");
    }

    #[test]
    fn keeps_the_narrow_no_break_space() {
        let text = "Quoi\u{202f}? Oui.";
        assert_eq!(run(&Nbsp, text), text);
    }
}

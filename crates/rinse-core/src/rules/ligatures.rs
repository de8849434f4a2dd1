use crate::bytes::any_pair;
use crate::edit::Change;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};
use crate::text::Doc;

/// Latin typographic ligatures as their letters.
pub struct Ligatures;

static INFO: RuleInfo = RuleInfo {
    id: "ligatures",
    name: "Latin ligatures",
    group: Group::Repair,
    summary: "Spells out typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) as their letters.",
    doc: "Text copied from PDFs and typeset pages keeps presentation ligatures, single code \
          points that break search and spelling (\"ﬁnd\" is not \"find\"). They become the letters \
          they are drawn from. Letters that are ligatures by origin, such as æ and œ, are words in \
          their own right and stay.",
    example: Example { input: "\u{fb01}nd the o\u{fb03}ce", output: "find the office" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for Ligatures {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        // The ligatures are U+FB00–U+FB06, all of which start 0xEF 0xAC in UTF-8.
        if !any_pair(doc.text().as_bytes(), |a, b| (a == 0xEF) & (b == 0xAC)) {
            return Vec::new();
        }
        doc.text()
            .char_indices()
            .filter_map(|(i, c)| {
                let letters = match c {
                    '\u{fb00}' => "ff",
                    '\u{fb01}' => "fi",
                    '\u{fb02}' => "fl",
                    '\u{fb03}' => "ffi",
                    '\u{fb04}' => "ffl",
                    '\u{fb05}' | '\u{fb06}' => "st",
                    _ => return None,
                };
                Some(Change::replace(i..i + c.len_utf8(), letters, "typographic ligature spelled out"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn spells_out() {
        assert_eq!(run(&Ligatures, "\u{fb02}ow \u{fb00} \u{fb04} \u{fb06}"), "flow ff ffl st");
    }

    #[test]
    fn keeps_letters_of_ligature_origin() {
        let text = "\u{e6}on c\u{153}ur \u{132}ssel";
        assert_eq!(run(&Ligatures, text), text);
    }
}

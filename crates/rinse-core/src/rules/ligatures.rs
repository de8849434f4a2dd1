use crate::edit::Change;
use crate::reading::bytes::any_pair;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Latin typographic ligatures and digraph characters as their letters.
pub struct Ligatures;

static INFO: RuleInfo = RuleInfo {
    id: "ligatures",
    name: "Latin ligatures",
    group: Group::Repair,
    summary: "Spells out typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) and digraph characters (ǆ ǉ ǌ ǳ ŉ) as their letters.",
    doc: "Text copied from PDFs and typeset pages keeps presentation ligatures, single code \
          points that break search and spelling (\"ﬁnd\" is not \"find\"). They become the letters \
          they are drawn from, and so do the digraph characters kept for old Yugoslav and \
          Afrikaans encodings (ǆ ǉ ǌ ǳ and their capitals, ŉ), which no keyboard types and \
          no search matches. Letters that are ligatures by origin, such as æ, œ and the Dutch ĳ, \
          are letters in their own right and stay.",
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
        // The ligatures are U+FB00–U+FB06, all of which start 0xEF 0xAC in
        // UTF-8; the digraphs start 0xC7 (U+01C4–U+01CC, U+01F1–U+01F3) or
        // are 0xC5 0x89 (U+0149).
        let lead = |a: u8, b: u8| {
            (a == 0xEF) & (b == 0xAC) | (a == 0xC7) & ((0x84..=0x8C).contains(&b) | (0xB1..=0xB3).contains(&b)) | (a == 0xC5) & (b == 0x89)
        };
        if !any_pair(doc.text().as_bytes(), lead) {
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
                    _ => {
                        let letters = digraph(c)?;
                        return Some(Change::replace(i..i + c.len_utf8(), letters, "digraph character spelled out"));
                    }
                };
                Some(Change::replace(i..i + c.len_utf8(), letters, "typographic ligature spelled out"))
            })
            .collect()
    }
}

/// The letters of a Latin digraph character, in its case: capital, title case or small.
fn digraph(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{1c4}' => "D\u{17d}",
        '\u{1c5}' => "D\u{17e}",
        '\u{1c6}' => "d\u{17e}",
        '\u{1c7}' => "LJ",
        '\u{1c8}' => "Lj",
        '\u{1c9}' => "lj",
        '\u{1ca}' => "NJ",
        '\u{1cb}' => "Nj",
        '\u{1cc}' => "nj",
        '\u{1f1}' => "DZ",
        '\u{1f2}' => "Dz",
        '\u{1f3}' => "dz",
        '\u{149}' => "\u{2bc}n",
        _ => return None,
    })
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
    fn spells_out_digraph_characters() {
        assert_eq!(run(&Ligatures, "\u{1cc}ega \u{1c8}ubljana \u{1c4}EP \u{149}"), "njega Ljubljana D\u{17d}EP \u{2bc}n");
    }

    #[test]
    fn keeps_letters_of_ligature_origin() {
        let text = "\u{e6}on c\u{153}ur \u{132}ssel";
        assert_eq!(run(&Ligatures, text), text);
    }
}

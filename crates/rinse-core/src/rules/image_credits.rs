use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::bytes::any_triple;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// "Photo: …", "Image credit: …", "(Photo by … via Getty Images)", "Foto: …".
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:photo(?:graph)?s?|image|picture|pic|credit|illustration|foto|bild|crédit photo|crédit|imagen|video)(?:\s+(?:credit|courtesy|source|by))?\s*(?::|©|by\b)").unwrap()
});
/// A credit that ends with an agency or stock library.
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:/|\bvia\s+|©\s*|\bby\s+\S+(?:\s+\S+)?\s+on\s+)(?:getty images|afp|reuters|ap|ap photo|epa|shutterstock|alamy|istock|unsplash|pexels|dpa|picture alliance|anadolu|xinhua|bloomberg|pa|pa images|pa wire)\)?\.?$").unwrap()
});

/// Whether `line` holds what every credit does: a colon or "by" after a
/// label, or a slash, "©", "via" or "by" before an agency (letters in either
/// case). Most lines do not, and are passed over without the patterns.
fn may_credit(line: &str) -> bool {
    let letter = |byte: u8, lower: u8| (byte | 0x20) == lower;
    any_triple(line.as_bytes(), |a, b, c| {
        (a == b':')
            | (a == b'/')
            | (a == 0xC2) & (b == 0xA9)
            | letter(a, b'b') & letter(b, b'y')
            | letter(a, b'v') & letter(b, b'i') & letter(c, b'a')
    })
}

/// Photo and image credits.
pub struct ImageCredits;

static INFO: RuleInfo = RuleInfo {
    id: "image-credits",
    name: "Image credits",
    group: Group::Boilerplate,
    summary: "Removes photo and image credit lines (\"Photo: Jane Doe/Reuters\").",
    doc: "Pictures leave their credit behind as a short line. A line of at most 15 words is removed \
          when it starts with a credit label (\"Photo:\", \"Image credit:\", \"Foto:\") or ends \
          with a picture agency (\"/Getty Images\", \"via AFP\", \"on Unsplash\"). Captions that \
          describe the picture in a sentence are left to the reader.",
    example: Example {
        input: "Flooded streets in the old town.\nPhoto: Ana Ruiz/Reuters\nWater levels rose overnight.\n",
        output: "Flooded streets in the old town.\nWater levels rose overnight.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for ImageCredits {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        doc.lines()
            .zip(doc.word_counts())
            .filter(|&(line, &words)| {
                (1..=15).contains(&words) && may_credit(line.text) && (LABELLED.is_match(line.text) || AGENCY.is_match(line.text.trim()))
            })
            .map(|(line, _)| Change::delete(line.full(), "image credit"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn credits_hold_a_colon_a_slash_a_sign_or_a_preposition() {
        for line in ["Photo: Ann Lee", "AP/Reuters", "\u{a9} AFP", "Picture BY Sam", "Photo via Getty Images"] {
            assert!(may_credit(line), "{line:?}");
        }
        assert!(!may_credit("Photographs of the harbour at dawn"));
    }

    #[test]
    fn removes_credits() {
        let text = "(Photo by Sam Lee/AFP via Getty Images)\nImage credit: NASA\nPhoto by Kim Park on Unsplash\nText.\n";
        assert_eq!(run(&ImageCredits, text), "Text.\n");
    }

    #[test]
    fn keeps_sentences_about_photos() {
        let text = "Photography was her first love.\nThe image shows the harbour at dawn, long before the ferries arrive.\nHe sold the rights to AP.\n";
        assert_eq!(run(&ImageCredits, text), text);
    }
}

use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::bytes::any_triple;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};
use crate::scorer;

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
          describe the picture in a sentence are left to the reader, and so are the credits of a \
          text that shows too little page furniture (menus, boilerplate phrases, markup) to be a \
          scraped page: an article pasted clean, or a page's main content once its structure has \
          set the furniture aside, keeps the credits its author printed.",
    example: Example {
        input: "Home | News | Sport | Weather\nSearch\nFlooded streets in the old town.\nPhoto: Ana Ruiz/Reuters\n\
                Water levels rose overnight.\nShare on Facebook\nShare on X\nPrivacy | Terms | Contact\n",
        output: "Home | News | Sport | Weather\nSearch\nFlooded streets in the old town.\n\
                 Water levels rose overnight.\nShare on Facebook\nShare on X\nPrivacy | Terms | Contact\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for ImageCredits {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let changes: Vec<Change> = doc
            .lines()
            .zip(doc.word_counts())
            .filter(|&(line, &words)| {
                (1..=15).contains(&words) && may_credit(line.text) && (LABELLED.is_match(line.text) || AGENCY.is_match(line.text.trim()))
            })
            .map(|(line, _)| Change::delete(line.full(), "image credit"))
            .collect();
        // Only now, with credits found, is it worth asking whether the text is a page's.
        if !changes.is_empty() && !scorer::shows_furniture(doc) {
            return Vec::new();
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{in_a_page, run};

    #[test]
    fn credits_hold_a_colon_a_slash_a_sign_or_a_preposition() {
        for line in ["Photo: Ann Lee", "AP/Reuters", "\u{a9} AFP", "Picture BY Sam", "Photo via Getty Images"] {
            assert!(may_credit(line), "{line:?}");
        }
        assert!(!may_credit("Photographs of the harbour at dawn"));
    }

    #[test]
    fn removes_credits_from_a_page() {
        let text = "(Photo by Sam Lee/AFP via Getty Images)\nImage credit: NASA\nPhoto by Kim Park on Unsplash\nText.\n";
        assert_eq!(run(&ImageCredits, &in_a_page(text)), in_a_page("Text.\n"));
    }

    #[test]
    fn keeps_the_credits_of_a_clean_text() {
        let text = "The harbour at dawn, before the first ferry leaves for the island.\nPhoto: Ana Ruiz/Reuters\n\
                    Fishing boats come in with the tide and unload on the east pier.\n";
        assert_eq!(run(&ImageCredits, text), text);
    }

    #[test]
    fn keeps_sentences_about_photos() {
        let text = "Photography was her first love.\nThe image shows the harbour at dawn, long before the ferries arrive.\nHe sold the rights to AP.\n";
        assert_eq!(run(&ImageCredits, text), text);
    }
}

use std::sync::LazyLock;

use regex::Regex;

use crate::bytes::any_triple;
use crate::edit::Change;
use crate::text::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:©|\(c\)|copyright\b\s*(?:©|\(c\)|\d{4})|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)").unwrap()
});
static RESERVED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados").unwrap());

/// Whether `line` holds the start of what every notice opens with: "©",
/// "(c)", "cop(yright)", "all (rights)", "all(e Rechte)", "tou(s droits)",
/// "tod(os los derechos)", letters in either case. Most lines do not, and
/// are passed over without the pattern.
fn may_be_notice(line: &str) -> bool {
    let letter = |byte: u8, lower: u8| (byte | 0x20) == lower;
    any_triple(line.as_bytes(), |a, b, c| {
        (a == 0xC2) & (b == 0xA9)
            | (a == b'(') & letter(b, b'c') & (c == b')')
            | letter(a, b'c') & letter(b, b'o') & letter(c, b'p')
            | letter(a, b'a') & letter(b, b'l') & letter(c, b'l')
            | letter(a, b't') & letter(b, b'o') & (letter(c, b'u') | letter(c, b'd'))
    })
}

/// "© 2024 Example Media. All rights reserved."
pub struct Copyright;

static INFO: RuleInfo = RuleInfo {
    id: "copyright",
    name: "Copyright lines",
    group: Group::Boilerplate,
    summary: "Removes page-footer copyright notices (\"© 2024 … All rights reserved.\").",
    doc: "Footers end with a copyright line. A short line that starts with ©, (c) or \"Copyright\" \
          followed by a symbol or a year, or that says \"All rights reserved\", is removed. Sentences \
          about copyright (\"The copyright expired in 2019\") do not start that way and are kept.",
    example: Example {
        input: "The end of the story.\n© 2024 Harbour Media Ltd. All rights reserved.\n",
        output: "The end of the story.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Copyright {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        doc.lines()
            .into_iter()
            .zip(doc.word_counts())
            .filter(|&(line, &words)| {
                words <= 30 && may_be_notice(line.text) && NOTICE.is_match(line.text) && (words <= 15 || RESERVED.is_match(line.text))
            })
            .map(|(line, _)| Change::delete(line.full(), "copyright notice"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn notices_open_with_a_sign_or_a_known_word() {
        for line in ["\u{a9} 2024 Example", "(C) Someone", "COPYRIGHT 2023", "All rights reserved.", "Tous droits réservés", "Todos los derechos reservados"] {
            assert!(may_be_notice(line) && NOTICE.is_match(line), "{line:?}");
        }
        assert!(!may_be_notice("The harbour reopened in spring."));
    }

    #[test]
    fn removes_footer_notices() {
        let text = "Text.\nCopyright 2023 Example News\n(c) Someone\nAll rights reserved.\n";
        assert_eq!(run(&Copyright, text), "Text.\n");
    }

    #[test]
    fn keeps_sentences_about_copyright() {
        let text = "The copyright on the song expired in 2019, the court said.\n\
                    Copyright law changed in 1998 when lawmakers extended the term of protection for works made for hire by twenty years, to the delight of studios.\n";
        assert_eq!(run(&Copyright, text), text);
    }
}

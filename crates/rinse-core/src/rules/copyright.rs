use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::bytes::any_triple;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// "All rights reserved" in the languages of the phrase lists.
const RESERVED_IN_ANY_LANGUAGE: &str = "all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|\
    tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|\
    všechna práva vyhrazena|все права защищены|版权所有|版權所有|無断転載";

static NOTICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\W*(?:©|\(c\)|copyright\b\s*(?:©|\(c\)|\d{{4}})|{RESERVED_IN_ANY_LANGUAGE})")).unwrap());
static RESERVED: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("(?i){RESERVED_IN_ANY_LANGUAGE}")).unwrap());

/// Whether `line` may start as [`NOTICE`] does: with "©", "(c)",
/// "cop(yright)", "all (rights)", "all(e Rechte)", "tou(s droits)",
/// "tod(os los derechos)", "tut(ti i diritti)", "wsz(elkie prawa)",
/// "vše(chna práva)", letters in either case, or with "вс(е права)",
/// "版(权所有)" or "無(断転載)", after characters that are not word characters. Those all lie in the line's first run of bytes
/// that are not an ASCII letter, digit or underscore (a character beyond
/// ASCII may or may not be one), so only that run and the three bytes after
/// it are read. Most lines do not start so, and are passed over without
/// the pattern.
fn may_be_notice(line: &str) -> bool {
    let bytes = line.as_bytes();
    let lead = bytes.iter().position(|&byte| byte.is_ascii_alphanumeric() || byte == b'_').unwrap_or(bytes.len());
    let letter = |byte: u8, lower: u8| (byte | 0x20) == lower;
    any_triple(&bytes[..bytes.len().min(lead + 3)], |a, b, c| {
        (a == 0xC2) & (b == 0xA9)
            | (a == b'(') & letter(b, b'c') & (c == b')')
            | letter(a, b'c') & letter(b, b'o') & letter(c, b'p')
            | letter(a, b'a') & letter(b, b'l') & letter(c, b'l')
            | letter(a, b't') & (letter(b, b'o') & (letter(c, b'u') | letter(c, b'd')) | letter(b, b'u') & letter(c, b't'))
            | letter(a, b'w') & letter(b, b's') & letter(c, b'z')
            // vš, вс (either case), 版 and 無: their first bytes.
            | letter(a, b'v') & (b == 0xC5) & (c & 0xFE == 0xA0)
            | (a == 0xD0) & ((b == 0x92) | (b == 0xB2)) & (c & 0xFE == 0xD0)
            | (a == 0xE7) & ((b == 0x89) & (c == 0x88) | (b == 0x84) & (c == 0xA1))
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
          followed by a symbol or a year, or that says \"All rights reserved\" (in any language of \
          the phrase lists: \"Alle Rechte vorbehalten\", \"Все права защищены\", \"版权所有\" …), is removed. Sentences \
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
        for line in [
            "\u{a9} 2024 Example",
            "(C) Someone",
            "COPYRIGHT 2023",
            "All rights reserved.",
            "Tous droits réservés",
            "Todos los derechos reservados",
            "Tutti i diritti riservati",
            "Wszelkie prawa zastrzeżone.",
            "Všechna práva vyhrazena",
            "Все права защищены",
            "© 2024 Новости. Все права защищены.",
            "版权所有 © 2024 新闻网",
            "版權所有",
            "無断転載を禁じます",
        ] {
            assert!(may_be_notice(line) && NOTICE.is_match(line), "{line:?}");
        }
        assert!(!may_be_notice("The harbour reopened in spring."));
        assert!(may_be_notice("\u{2014} \u{ab}\u{a9} 2024") && may_be_notice("  (C) 2020"));
        assert!(!may_be_notice("Photo \u{a9} 2024 Example"), "a sign after the first word is not read");
    }

    proptest::proptest! {
        #[test]
        fn every_notice_passes_the_quick_test(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "\u{a9}", "(c)", "(C) ", "Copyright 2020", "COPYRIGHT \u{a9}", "All rights reserved", "alle Rechte vorbehalten",
            "Tous droits r\u{e9}serv\u{e9}s", "todos los derechos reservados", "Tutti i diritti riservati", "todos os direitos reservados",
            "Alle rechten voorbehouden", "Wszelkie prawa zastrzeżone", "VŠECHNA PRÁVA VYHRAZENA", "Все права защищены", "ВСЕ ПРАВА ЗАЩИЩЕНЫ",
            "版权所有", "版權所有", "無断転載", " ", "\u{2014}", "\u{ab}", "x", "\u{e9}", "_", "1", ".",
        ]), 0..6)) {
            let line = pieces.concat();
            proptest::prop_assert!(!NOTICE.is_match(&line) || may_be_notice(&line), "{:?}", line);
        }
    }

    #[test]
    fn removes_footer_notices() {
        let text = "Text.\nCopyright 2023 Example News\n(c) Someone\nAll rights reserved.\n";
        assert_eq!(run(&Copyright, text), "Text.\n");
    }

    #[test]
    fn removes_footer_notices_in_other_languages() {
        let text =
            "Текст.\nВсе права защищены.\n版权所有 © 2024 新闻网\nTutti i diritti riservati.\nВсе права на фильм принадлежат студии.\n";
        assert_eq!(run(&Copyright, text), "Текст.\nВсе права на фильм принадлежат студии.\n");
    }

    #[test]
    fn keeps_sentences_about_copyright() {
        let text = "The copyright on the song expired in 2019, the court said.\n\
                    Copyright law changed in 1998 when lawmakers extended the term of protection for works made for hire by twenty years, to the delight of studios.\n";
        assert_eq!(run(&Copyright, text), text);
    }
}

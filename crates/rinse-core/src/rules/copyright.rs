use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::text::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:©|\(c\)|copyright\b\s*(?:©|\(c\)|\d{4})|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)").unwrap()
});
static RESERVED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados").unwrap());

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
                words <= 30 && (NOTICE.is_match(line.text) && (words <= 15 || RESERVED.is_match(line.text)))
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

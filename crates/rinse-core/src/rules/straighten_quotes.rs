use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

/// Curly quotes and apostrophes to straight ones (off by default).
pub struct StraightenQuotes;

static INFO: RuleInfo = RuleInfo {
    id: "straighten-quotes",
    name: "Straighten quotes",
    group: Group::Normalize,
    summary: "Turns curly quotes and apostrophes into straight ASCII ones (off by default).",
    doc: "Typographic quotes are correct text, so no preset changes them. For pipelines that \
          want plain ASCII punctuation, this rule turns ‘ ’ ‚ ‛ ′ into ' and “ ” „ ‟ ″ into \".",
    example: Example { input: "\u{201c}It\u{2019}s fine,\u{201d} she said.", output: "\"It's fine,\" she said." },
    params: &[],
    presets: &[],
};

impl Rule for StraightenQuotes {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        text.char_indices()
            .filter_map(|(i, c)| {
                let plain = match c {
                    '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => "'",
                    '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
                    _ => return None,
                };
                Some(Change::replace(i..i + c.len_utf8(), plain, "curly quote straightened"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn straightens() {
        assert_eq!(run(&StraightenQuotes, "\u{201e}Ja\u{201c} \u{2018}x\u{2019}"), "\"Ja\" 'x'");
    }

    #[test]
    fn leaves_other_punctuation() {
        let text = "\u{ab}Oui\u{bb} \u{2014} 'plain' \"plain\"";
        assert_eq!(run(&StraightenQuotes, text), text);
    }
}

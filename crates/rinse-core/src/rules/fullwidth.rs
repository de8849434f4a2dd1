use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

/// Fullwidth ASCII forms as plain ASCII (off by default).
pub struct Fullwidth;

static INFO: RuleInfo = RuleInfo {
    id: "fullwidth",
    name: "Fullwidth forms",
    group: Group::Repair,
    summary: "Turns fullwidth Latin letters, digits and punctuation (ＡＢＣ１２３) into ASCII (off by default).",
    doc: "East Asian input methods produce fullwidth forms of ASCII (U+FF01–U+FF5E) and the \
          ideographic space (U+3000). In Latin text they defeat search and tokenisers, so this \
          rule maps them to ASCII. It is off by default because in Chinese and Japanese text \
          fullwidth punctuation is correct typography.",
    example: Example { input: "\u{ff37}\u{ff49}\u{ff46}\u{ff49}\u{3000}\u{ff11}\u{ff10}\u{ff05}", output: "Wifi 10%" },
    params: &[],
    presets: &[],
};

impl Rule for Fullwidth {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        doc.text()
            .char_indices()
            .filter_map(|(i, c)| {
                let ascii = match c as u32 {
                    code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFF01 + 0x21)?,
                    0x3000 => ' ',
                    _ => return None,
                };
                Some(Change::replace(i..i + c.len_utf8(), ascii.to_string(), "fullwidth form as ASCII"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn maps_to_ascii() {
        assert_eq!(run(&Fullwidth, "\u{ff08}\u{ff41}\u{ff09}\u{ff01}"), "(a)!");
    }

    #[test]
    fn leaves_other_cjk_text() {
        let text = "\u{6771}\u{4eac}\u{3001}\u{65e5}\u{672c}\u{3002}\u{ff64}";
        assert_eq!(run(&Fullwidth, text), text);
    }
}

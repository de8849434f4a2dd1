use crate::edit::Change;
use crate::reading::bytes::any_pair;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Invisible control characters; C1 controls that stand for Windows-1252 punctuation are mapped back.
pub struct ControlChars;

static INFO: RuleInfo = RuleInfo {
    id: "control-chars",
    name: "Control characters",
    group: Group::Repair,
    summary: "Removes control characters; C1 controls that stand for Windows-1252 characters become those characters.",
    doc: "Control characters (U+0000–U+001F but tab and line breaks, U+007F, U+0080–U+009F) \
          have no place in text and break tools downstream. When text was decoded as Latin-1 \
          instead of Windows-1252, curly quotes and dashes turn into C1 controls (U+0092 for ’): \
          those are mapped to the character they stood for; every other control is removed.",
    example: Example { input: "It\u{92}s a ni\u{0}ce da\u{7}y", output: "It\u{2019}s a nice day" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for ControlChars {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let bytes = text.as_bytes();
        // C0 controls and DEL are single bytes; C1 controls are 0xC2 0x80–0x9F.
        let control = |a: u8, b: u8| {
            (a < 0x20) & (a != b'\t') & (a != b'\n') & (a != b'\r') | (a == 0x7F) | (a == 0xC2) & (b.wrapping_sub(0x80) < 0x20)
        };
        if !any_pair(bytes, control) {
            return Vec::new();
        }
        let mut changes = Vec::new();
        for (i, c) in text.char_indices() {
            if matches!(c, '\t' | '\n' | '\r') || !c.is_control() {
                continue;
            }
            let range = i..i + c.len_utf8();
            match windows_1252(c) {
                Some(meant) => changes.push(Change::replace(range, meant, "C1 control standing for a Windows-1252 character")),
                None => changes.push(Change::delete(range, format!("control character U+{:04X}", c as u32))),
            }
        }
        changes
    }
}

/// The Windows-1252 character that a C1 control's byte stands for.
pub(crate) fn windows_1252(c: char) -> Option<char> {
    let byte = u8::try_from(c as u32).ok().filter(|b| (0x80..0xA0).contains(b))?;
    let bytes = [byte];
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    decoded.chars().next().filter(|d| !d.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn maps_c1_and_removes_the_rest() {
        assert_eq!(run(&ControlChars, "\u{93}Quote\u{94} \u{96} x\u{1b}\u{81}\u{7f}"), "\u{201c}Quote\u{201d} \u{2013} x");
    }

    #[test]
    fn keeps_tabs_breaks_and_printable_text() {
        let text = "a\tb\r\nc\n\u{e9}\u{2019}";
        assert_eq!(run(&ControlChars, text), text);
    }
}

use crate::edit::Change;
use crate::text::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// UTF-8 text that was decoded as Windows-1252 or Latin-1: `CafÃ©`, `itâ€™s`.
pub struct Mojibake;

static INFO: RuleInfo = RuleInfo {
    id: "mojibake",
    name: "Mojibake",
    group: Group::Repair,
    summary: "Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 (CafÃ© → Café), even twice over.",
    doc: "When UTF-8 bytes are read as Windows-1252 or Latin-1, each accented letter or curly quote \
          turns into two or three odd characters. Every run of non-ASCII characters is encoded back \
          to those bytes; when the bytes are valid UTF-8 and give plausible characters (letters, \
          punctuation, symbols and emoji in common use), the run is replaced, again while that keeps \
          working, to undo double encoding. Correct text does not encode to valid UTF-8 this way, \
          so it is left alone.",
    example: Example { input: "CafÃ© â€œnoirâ€\u{9d} itâ€™s", output: "Caf\u{e9} \u{201c}noir\u{201d} it\u{2019}s" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for Mojibake {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        if text.is_ascii() {
            return Vec::new();
        }
        let mut changes = Vec::new();
        let mut run_start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_ascii(), run_start) {
                (false, None) => run_start = Some(i),
                (true, Some(start)) => {
                    if let Some((fixed, rounds)) = repair(&text[start..i]) {
                        let reason = if rounds > 1 { "UTF-8 read as Windows-1252, more than once" } else { "UTF-8 read as Windows-1252" };
                        changes.push(Change::replace(start..i, fixed, reason));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        changes
    }
}

/// The text a run of characters stood for, and how many decodings it took.
fn repair(run: &str) -> Option<(String, usize)> {
    let mut current = run.to_string();
    let mut rounds = 0;
    while rounds < 3 {
        let Some(bytes) = windows_1252_bytes(&current) else { break };
        let Ok(decoded) = std::str::from_utf8(&bytes) else { break };
        if decoded == current || !decoded.chars().all(plausible) || !(decoded.chars().count() >= 2 || decoded.chars().all(western)) {
            break;
        }
        current = decoded.to_string();
        rounds += 1;
    }
    (rounds > 0).then_some((current, rounds))
}

/// The bytes that Windows-1252 (or Latin-1, for U+0080–U+009F) decoding turned into `text`.
fn windows_1252_bytes(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match c as u32 {
            code @ 0x80..=0xFF => Some(code as u8),
            _ => {
                let mut buffer = [0u8; 4];
                let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
                (!unmappable && bytes.len() == 1).then(|| bytes[0])
            }
        })
        .collect()
}

/// Characters that a lone repaired character may be: the accented letters,
/// punctuation and symbols of Western text, and emoji. A lone character of
/// another script is as likely a misreading of correct text ("é’’" is not "钒").
fn western(c: char) -> bool {
    matches!(c as u32, 0xA0..=0x024F | 0x2010..=0x205E | 0x20A0..=0x20C0 | 0x2122 | 0x1F300..=0x1FAFF)
}

/// Characters that real text is made of; a repair that yields others is a misreading.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0x024F // Latin
        | 0x0370..=0x052F // Greek, Cyrillic
        | 0x0590..=0x06FF // Hebrew, Arabic
        | 0x0900..=0x0DFF // Indic scripts
        | 0x0E00..=0x0E7F // Thai
        | 0x1E00..=0x1FFF // Latin and Greek extended
        | 0x2010..=0x2027 | 0x2030..=0x205E // punctuation
        | 0x20A0..=0x20C0 // currency
        | 0x2100..=0x2BFF // letterlike, arrows, maths, symbols
        | 0x3000..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF // CJK, Hangul
        | 0x1F300..=0x1FAFF // emoji
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn repairs_single_and_double_encoding() {
        assert_eq!(run(&Mojibake, "naÃ¯ve â€” ZÃ¼rich"), "na\u{ef}ve \u{2014} Z\u{fc}rich");
        assert_eq!(run(&Mojibake, "CafÃƒÂ©"), "Caf\u{e9}");
        assert_eq!(run(&Mojibake, "smile ðŸ˜€"), "smile \u{1f600}");
        assert_eq!(run(&Mojibake, "ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}");
    }

    #[test]
    fn leaves_correct_text_that_looks_odd() {
        let text = "\u{e9}\u{2019}\u{2019} Fu\u{df}\u{201c} \u{c5}ngstr\u{f6}m \u{ae}\u{a9} \u{bf}Qu\u{e9}? \u{3c0}\u{2248}3.14 \u{43c}\u{438}\u{440} \u{1f600}";
        assert_eq!(run(&Mojibake, text), text);
    }
}

use std::sync::LazyLock;

use encoding_rs::Encoding;
use rustc_hash::FxHashMap;

use crate::bytes::non_ascii_runs;
use crate::edit::Change;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};
use crate::text::Doc;

/// UTF-8 text that was decoded with a single-byte code page: `CafÃ©`, `itâ€™s`, `‚Äúquoted‚Äù`.
pub struct Mojibake;

static INFO: RuleInfo = RuleInfo {
    id: "mojibake",
    name: "Mojibake",
    group: Group::Repair,
    summary: "Repairs UTF-8 text that was decoded with the wrong code page (CafÃ© → Café), even twice over.",
    doc: "When UTF-8 bytes are read as Windows-1252, Latin-1, MacRoman, Windows-1251 or \
          Windows-1250, each accented letter, curly quote or CJK character turns into two to four \
          odd characters. Every run of non-ASCII characters is encoded back to bytes with each of \
          those code pages in turn; the stretches of those bytes that are valid UTF-8 and decode to \
          characters in common use (letters, punctuation, symbols, CJK, emoji) are replaced, again \
          while that keeps working, to undo double encoding. Correct text almost never encodes to \
          valid UTF-8 this way; a lone repaired character of a script other than Latin is not \
          trusted. The edit's reason names the code page that was undone.",
    example: Example {
        input: "CafÃ© â€œnoirâ€\u{9d} itâ€™s, ‚ÄúMac‚Äù",
        output: "Caf\u{e9} \u{201c}noir\u{201d} it\u{2019}s, \u{201c}Mac\u{201d}",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

/// Most decodings in a row: UTF-8 misread three times is as far as real text goes.
const MAX_ROUNDS: usize = 3;

/// A code page: its name and the byte each of its non-ASCII characters stands for.
struct CodePage {
    name: &'static str,
    bytes: FxHashMap<char, u8>,
}

impl CodePage {
    fn new(name: &'static str, encoding: &'static Encoding, latin1_controls: bool) -> CodePage {
        let mut bytes = FxHashMap::default();
        for byte in 0x80..=0xFFu8 {
            let single = [byte];
            let (decoded, _) = encoding.decode_without_bom_handling(&single);
            if let Some(c) = decoded.chars().next().filter(|&c| c != '\u{fffd}') {
                bytes.insert(c, byte);
            }
            if latin1_controls && (0x80..0xA0).contains(&byte) {
                // Latin-1 decoders turn these bytes into C1 controls.
                bytes.entry(char::from(byte)).or_insert(byte);
            }
        }
        CodePage { name, bytes }
    }
}

static CODE_PAGES: LazyLock<Vec<CodePage>> = LazyLock::new(|| {
    vec![
        CodePage::new("Windows-1252", encoding_rs::WINDOWS_1252, true),
        CodePage::new("MacRoman", encoding_rs::MACINTOSH, false),
        CodePage::new("Windows-1251", encoding_rs::WINDOWS_1251, false),
        CodePage::new("Windows-1250", encoding_rs::WINDOWS_1250, false),
    ]
});

impl Rule for Mojibake {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let mut changes = Vec::new();
        for (start, run) in non_ascii_runs(text) {
            // A misread character is always two or more: a lone one is correct text.
            let lone = run.chars().nth(1).is_none();
            if let Some((fixed, reason)) = (!lone && may_be_misread(run)).then(|| repair(run)).flatten() {
                changes.push(Change::replace(start..start + run.len(), fixed, reason));
            }
        }
        changes
    }
}

/// For each character of the Basic Multilingual Plane, whether a code page
/// has a byte for it (none has for the planes beyond).
static ENCODABLE: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let mut encodable = vec![false; 0x10000];
    for c in CODE_PAGES.iter().flat_map(|page| page.bytes.keys()) {
        if let Some(slot) = encodable.get_mut(*c as usize) {
            *slot = true;
        }
    }
    encodable
});

/// Whether two characters in a row of `run` have bytes in some code page:
/// a misread UTF-8 sequence is two bytes at least, so a run without (most
/// runs of Chinese or Japanese) is not looked at closer.
fn may_be_misread(run: &str) -> bool {
    let encodable = |c: char| ENCODABLE.get(c as usize).copied().unwrap_or(false);
    let mut previous = false;
    run.chars().any(|c| {
        let pair = previous && encodable(c);
        previous = encodable(c);
        pair
    })
}

/// The text a run of non-ASCII characters stood for, and which misreading
/// was undone. Where several code pages decode something, the one that
/// explains most of the run wins.
fn repair(run: &str) -> Option<(String, String)> {
    let length = run.chars().count();
    let mut best: Option<(usize, String, String)> = None;
    for page in CODE_PAGES.iter() {
        let mut current = run.to_string();
        let mut rounds = 0;
        while rounds < MAX_ROUNDS {
            match decode_once(&current, page) {
                Some(next) => current = next,
                None => break,
            }
            rounds += 1;
        }
        let new_controls = current.chars().any(|c| is_c1(c) && !run.contains(c));
        if rounds == 0 || new_controls {
            continue;
        }
        let explained = length - current.chars().count();
        if best.as_ref().is_none_or(|(most, _, _)| explained > *most) {
            let twice = if rounds > 1 { ", more than once" } else { "" };
            best = Some((explained, current, format!("UTF-8 read as {}{twice}", page.name)));
        }
    }
    best.map(|(_, fixed, reason)| (fixed, reason))
}

/// `text` with every stretch that `page` misread from UTF-8 decoded, or
/// `None` when there is none.
fn decode_once(text: &str, page: &CodePage) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let bytes: Vec<Option<u8>> = chars.iter().map(|c| page.bytes.get(c).copied()).collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        // A stretch of characters this page can encode: one byte each.
        let start = i;
        while i < chars.len() && bytes[i].is_some() {
            i += 1;
        }
        let encoded: Vec<u8> = bytes[start..i].iter().flatten().copied().collect();
        let mut at = start;
        for chunk in encoded.utf8_chunks() {
            let valid = chunk.valid();
            if !valid.is_empty() && trustworthy(valid) {
                out.push_str(valid);
                changed = true;
            } else {
                out.extend(&chars[at..at + valid.len()]);
            }
            at += valid.len();
            out.extend(&chars[at..at + chunk.invalid().len()]);
            at += chunk.invalid().len();
        }
        if i < chars.len() {
            out.push(chars[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// Whether decoded characters are what real text is made of. A lone
/// character of a script other than Latin is as likely a misreading of
/// correct text ("é’’" is not "钒").
fn trustworthy(decoded: &str) -> bool {
    let plausible = decoded.chars().all(|c| plausible(c) || is_c1(c));
    plausible && (decoded.chars().count() >= 2 || decoded.chars().all(western))
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Characters that may stand alone as a repair: the accented letters,
/// punctuation and symbols of Western text, maths, CJK punctuation, and emoji.
fn western(c: char) -> bool {
    matches!(c as u32,
        0xA0..=0x024F | 0x02B0..=0x02FF | 0x200C..=0x206F | 0x20A0..=0x20C0 | 0x2100..=0x22FF
        | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x1F300..=0x1FAFF)
}

/// Characters that real text is made of.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0x024F | 0x02B0..=0x02FF // Latin, modifier letters
        | 0x0370..=0x052F // Greek, Cyrillic
        | 0x0590..=0x06FF // Hebrew, Arabic
        | 0x0900..=0x0DFF // Indic scripts
        | 0x0E00..=0x0E7F // Thai
        | 0x1E00..=0x1FFF // Latin and Greek extended
        | 0x200C..=0x200F | 0x2010..=0x2027 | 0x2030..=0x205E // joiners, marks, punctuation
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
    fn repairs_each_code_page_and_double_encoding() {
        assert_eq!(run(&Mojibake, "naÃ¯ve â€” ZÃ¼rich"), "na\u{ef}ve \u{2014} Z\u{fc}rich");
        assert_eq!(run(&Mojibake, "CafÃƒÂ©"), "Caf\u{e9}");
        assert_eq!(run(&Mojibake, "IÃ¢Â€Â™m"), "I\u{2019}m");
        assert_eq!(run(&Mojibake, "smile ðŸ˜€"), "smile \u{1f600}");
        assert_eq!(run(&Mojibake, "ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}");
        assert_eq!(run(&Mojibake, "it‚Äôs Caol√°n"), "it\u{2019}s Caol\u{e1}n");
        assert_eq!(run(&Mojibake, "P\u{139}\u{2122}\u{102}\u{ad}li\u{139}\u{2c7}"), "P\u{159}\u{ed}li\u{161}");
        assert_eq!(run(&Mojibake, "РґРѕСЂРѕРіРµ"), "\u{434}\u{43e}\u{440}\u{43e}\u{433}\u{435}");
        assert_eq!(run(&Mojibake, "â\u{80}\u{9c}Latin-1â\u{80}\u{9d}"), "\u{201c}Latin-1\u{201d}");
        assert_eq!(run(&Mojibake, "No Ã¢â‚¬ËœluckÃ¢â‚¬â„¢"), "No \u{2018}luck\u{2019}");
        assert_eq!(run(&Mojibake, "And‚Ä¶ VPNï¼ˆx âˆ‚"), "And\u{2026} VPN\u{ff08}x \u{2202}");
    }

    #[test]
    fn repairs_mixed_runs_and_names_the_code_page() {
        assert_eq!(run(&Mojibake, "\u{e9}Ã©"), "\u{e9}\u{e9}");
        let changes = Mojibake.apply(&Doc::new("‚Äú".into()), &Params::default());
        assert_eq!(changes[0].reason, "UTF-8 read as MacRoman");
    }

    #[test]
    fn leaves_correct_text_that_looks_odd() {
        let text = "\u{e9}\u{2019}\u{2019} Fu\u{df}\u{201c} \u{c5}ngstr\u{f6}m \u{ae}\u{a9} \u{bf}Qu\u{e9}? \u{3c0}\u{2248}3.14 \u{43c}\u{438}\u{440} \u{1f600} \u{41c}\u{456}\u{441}\u{442}\u{43e} \u{10d}\u{159}\u{161} 42\u{b0}S";
        assert_eq!(run(&Mojibake, text), text);
    }

    #[test]
    fn runs_without_two_encodable_characters_are_not_looked_at() {
        assert!(may_be_misread("Ã©") && may_be_misread("‚Äú"));
        assert!(!may_be_misread("河水回落") && !may_be_misread("\u{1f600}\u{1f600}") && !may_be_misread("é河é"));
    }
}

use std::sync::LazyLock;

use encoding_rs::Encoding;
use rustc_hash::FxHashMap;

use crate::edit::Change;
use crate::reading::bytes::non_ascii_runs;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// UTF-8 text that was decoded with a single-byte code page: `CafÃ©`, `itâ€™s`, `‚Äúquoted‚Äù`.
pub struct Mojibake;

static INFO: RuleInfo = RuleInfo {
    id: "mojibake",
    name: "Mojibake",
    group: Group::Repair,
    summary: "Repairs UTF-8 text that was decoded with the wrong code page (CafÃ© → Café), even twice over.",
    doc: "When UTF-8 bytes are read as Windows-1252, Latin-1, MacRoman, Windows-1251, \
          Windows-1250, ISO-8859-2 or the DOS code page 437, each accented letter, curly quote, \
          CJK character or emoji turns into two to four odd characters. Every run of non-ASCII \
          characters is encoded back to bytes with each of those code pages in turn (as sloppy \
          decoders read them: a byte the page lacks stays a C1 control); the stretches of those \
          bytes that are valid UTF-8, or emoji written as two surrogate halves (CESU-8), and \
          decode to characters real text is made of are replaced, again while that keeps working, \
          to undo double encoding. A stretch is repaired only on clear evidence: several \
          characters decoded at once, a C1 control among its characters, or a symbol or emoji \
          of three or four bytes. One character from two bytes is what correct text often holds \
          (\"«™\", \"É‰\"), so it counts only as a letter or sign in common use, not glued to \
          letters of another script nor inside a box drawing. The edit's reason names the code \
          page that was undone and the evidence.",
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
    /// The code page whose byte `b` (0x80 and up) `decode` reads as a
    /// character. Read "sloppily", as many decoders do: a byte it leaves
    /// undefined from 0x80 to 0x9F stays the C1 control of that number.
    /// With `latin1`, every byte from 0x80 to 0x9F may also have been read
    /// as its C1 control, as Latin-1 decoders read them.
    fn new(name: &'static str, latin1: bool, decode: impl Fn(u8) -> Option<char>) -> CodePage {
        let mut bytes = FxHashMap::default();
        for byte in 0x80..=0xFFu8 {
            let decoded = decode(byte);
            if let Some(c) = decoded {
                bytes.insert(c, byte);
            }
            if byte < 0xA0 && (latin1 || decoded.is_none()) {
                bytes.entry(char::from(byte)).or_insert(byte);
            }
        }
        CodePage { name, bytes }
    }

    /// A code page encoding_rs knows.
    fn of(name: &'static str, latin1: bool, encoding: &'static Encoding) -> CodePage {
        CodePage::new(name, latin1, |byte| {
            let single = [byte];
            let (decoded, _) = encoding.decode_without_bom_handling(&single);
            decoded.chars().next().filter(|&c| c != '\u{fffd}')
        })
    }
}

static CODE_PAGES: LazyLock<Vec<CodePage>> = LazyLock::new(|| {
    vec![
        CodePage::of("Windows-1252", true, encoding_rs::WINDOWS_1252),
        CodePage::of("MacRoman", false, encoding_rs::MACINTOSH),
        CodePage::of("Windows-1251", false, encoding_rs::WINDOWS_1251),
        CodePage::of("Windows-1250", false, encoding_rs::WINDOWS_1250),
        CodePage::of("ISO-8859-2", false, encoding_rs::ISO_8859_2),
        CodePage::new("DOS code page 437", false, |byte| Some(oem_cp::code_table::DECODING_TABLE_CP437[usize::from(byte - 0x80)])),
    ]
});

/// The byte Windows-1252 (or Latin-1, for the C1 controls) has for `c`, if any.
pub(super) fn windows_1252_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    CODE_PAGES[0].bytes.get(&c).copied()
}

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
            // The characters either side of the run, which are ASCII.
            let around = [text[..start].chars().next_back(), text[start + run.len()..].chars().next()];
            if let Some((fixed, reason)) = (!lone && may_be_misread(run)).then(|| repair(run, around)).flatten() {
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
fn repair(run: &str, around: [Option<char>; 2]) -> Option<(String, String)> {
    let length = run.chars().count();
    let mut best: Option<(usize, String, String)> = None;
    for page in CODE_PAGES.iter() {
        let mut current = run.to_string();
        let mut rounds = 0;
        let mut shown = Evidence::WEAKEST;
        while rounds < MAX_ROUNDS {
            match decode_once(&current, page, around) {
                Some((next, evidence)) => (current, shown) = (next, shown.min(evidence)),
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
            best = Some((explained, current, format!("UTF-8 read as {}{twice}: {}", page.name, shown.says())));
        }
    }
    best.map(|(_, fixed, reason)| (fixed, reason))
}

/// `text` with every stretch that `page` misread from UTF-8 decoded, with
/// the strongest evidence that showed one, or `None` when there is none;
/// `around` are the characters either side of it.
fn decode_once(text: &str, page: &CodePage, around: [Option<char>; 2]) -> Option<(String, Evidence)> {
    let chars: Vec<char> = text.chars().collect();
    let bytes: Vec<Option<u8>> = chars.iter().map(|c| page.bytes.get(c).copied()).collect();
    let mut out = String::with_capacity(text.len());
    let mut shown: Option<Evidence> = None;
    let mut i = 0;
    while i < chars.len() {
        // A stretch of characters this page can encode: one byte each.
        let start = i;
        while i < chars.len() && bytes[i].is_some() {
            i += 1;
        }
        let encoded: Vec<u8> = bytes[start..i].iter().flatten().copied().collect();
        let pieces = utf8_pieces(&encoded);
        // Where a stretch decodes to several characters at once, its lone
        // characters are of the same misreading ("å°?æ–¼" is "�於").
        let beside_more = pieces.iter().any(|p| p.decoded.as_ref().is_some_and(|d| d.chars().nth(1).is_some()));
        let mut at = start;
        for piece in pieces {
            let source = &chars[at..at + piece.len];
            let neighbours = [at.checked_sub(1).map_or(around[0], |b| Some(chars[b])), chars.get(at + piece.len).copied().or(around[1])];
            match piece.decoded.as_deref().and_then(|decoded| Some((decoded, trustworthy(source, decoded, neighbours, beside_more)?))) {
                Some((decoded, evidence)) => {
                    out.push_str(decoded);
                    shown = Some(shown.map_or(evidence, |s| s.min(evidence)));
                }
                None => out.extend(source),
            }
            at += piece.len;
        }
        if i < chars.len() {
            out.push(chars[i]);
            i += 1;
        }
    }
    shown.map(|evidence| (out, evidence))
}

/// A stretch of bytes: `len` of them, and what they decode to as UTF-8
/// (`None` where they are not UTF-8).
struct Piece {
    len: usize,
    decoded: Option<String>,
}

/// `bytes` cut into what decodes as UTF-8 and what does not. A surrogate
/// pair written as two three-byte sequences (CESU-8, Java's "modified
/// UTF-8": how some systems write emoji) decodes to its character.
fn utf8_pieces(bytes: &[u8]) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |len: usize, decoded: Option<String>| match (pieces.last_mut(), decoded) {
        // Valid stretches next to each other make one: a word, not letters.
        (Some(Piece { len: last, decoded: Some(text) }), Some(more)) => {
            *last += len;
            text.push_str(&more);
        }
        (_, decoded) => pieces.push(Piece { len, decoded }),
    };
    let mut rest = bytes;
    while !rest.is_empty() {
        // Up to the next surrogate pair, if any, as UTF-8.
        let pair = (0..rest.len().saturating_sub(5)).find_map(|at| surrogate_pair(&rest[at..at + 6]).map(|c| (at, c)));
        let plain = &rest[..pair.map_or(rest.len(), |(at, _)| at)];
        for chunk in plain.utf8_chunks() {
            if !chunk.valid().is_empty() {
                push(chunk.valid().len(), Some(chunk.valid().to_string()));
            }
            if !chunk.invalid().is_empty() {
                push(chunk.invalid().len(), None);
            }
        }
        let Some((at, c)) = pair else { break };
        push(6, Some(c.to_string()));
        rest = &rest[at + 6..];
    }
    pieces
}

/// The character of a surrogate pair written as two three-byte sequences.
fn surrogate_pair(bytes: &[u8]) -> Option<char> {
    let half = |b: &[u8], marks: std::ops::RangeInclusive<u8>| {
        (b[0] == 0xED && marks.contains(&b[1]) && (0x80..=0xBF).contains(&b[2]))
            .then(|| u32::from(b[1] & 0x0F) << 6 | u32::from(b[2] & 0x3F))
    };
    let high = half(&bytes[..3], 0xA0..=0xAF)?;
    let low = half(&bytes[3..6], 0xB0..=0xBF)?;
    char::from_u32(0x10000 + (high << 10 | low))
}

/// Whether `decoded`, what the characters `source` decode to, is what they
/// stood for. Misread UTF-8 is seldom ambiguous: a C1 control (a byte no
/// text shows), several characters decoded at once, or a symbol or emoji
/// from three or four bytes leave little doubt. One character from two
/// bytes is another matter: correct text often holds such a pair ("«™",
/// "É‰"), so it counts only as a letter or sign in common use, and not
/// as a letter glued to letters of another script ("Е\u{a0}" in Cyrillic
/// is not "Š"). `around` are the characters either side of `source`;
/// `beside_more` tells that characters near it decode several at once.
/// What showed it, if it is.
fn trustworthy(source: &[char], decoded: &str, around: [Option<char>; 2], beside_more: bool) -> Option<Evidence> {
    if !decoded.chars().all(|c| plausible(c) || is_c1(c)) {
        return None;
    }
    if source.iter().any(|&c| is_c1(c)) {
        return Some(Evidence::Control);
    }
    let mut chars = decoded.chars();
    let (Some(only), None) = (chars.next(), chars.next()) else { return Some(Evidence::Several) };
    if only.len_utf8() > 2 {
        return match (lone_symbol(only), beside_more) {
            (true, _) => Some(Evidence::Symbol),
            (false, true) => Some(Evidence::BesideMore),
            (false, false) => None,
        };
    }
    // A letter next to letters of its script, or, if Latin, standing alone
    // ("Ã\u{a0}la" is "à la") unless drawn in box characters; never glued
    // to letters of another script, nor inside a box drawing ("─┐" is not
    // "Ŀ" in code page 437).
    let script = Script::of(only);
    let neighbours = || around.into_iter().flatten().map(Script::of).filter(|&s| s != Script::None);
    let in_drawing = around.into_iter().flatten().any(is_box_drawing);
    let alone_ok = script == Script::Latin && !source.iter().all(|&c| is_box_drawing(c));
    let trusted = common_letter_or_sign(only)
        && !in_drawing
        && (script == Script::None || neighbours().all(|s| s == script) && (neighbours().next().is_some() || alone_ok));
    trusted.then_some(Evidence::CommonPair)
}

/// What showed a stretch to be misread UTF-8, the strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    Control,
    Several,
    Symbol,
    BesideMore,
    CommonPair,
}

impl Evidence {
    const WEAKEST: Evidence = Evidence::CommonPair;

    /// The evidence, as the reason of a change says it.
    fn says(self) -> &'static str {
        match self {
            Evidence::Control => "a control character among the misread bytes",
            Evidence::Several => "several characters decoded at once",
            Evidence::Symbol => "a symbol or emoji of three or four bytes",
            Evidence::BesideMore => "beside other misread characters",
            Evidence::CommonPair => "a common letter or sign of two bytes",
        }
    }
}

/// Box-drawing characters and block elements.
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259f}').contains(&c)
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Characters of three or four bytes that stand alone when repaired: the
/// punctuation, symbols and emoji of any text. A lone letter of a script
/// other than Latin is as likely a misreading of correct text ("é’’" is not "钒").
fn lone_symbol(c: char) -> bool {
    matches!(c as u32,
        0x2000..=0x2BFF | 0x3000..=0x303F | 0xFB00..=0xFB06 | 0xFE0F | 0xFF00..=0xFFEF | 0x1F000..=0x1FAFF)
}

/// Characters of two bytes that stand alone when repaired: letters and
/// signs in common use. Left out: the rare signs (¤ ¦ ¨ ¬ ¯ ´ ¸) and the
/// Latin letters of Extended-B, which correct text shows beside other
/// symbols more often than mojibake makes them.
fn common_letter_or_sign(c: char) -> bool {
    matches!(c as u32, 0xA0..=0x17F | 0x391..=0x3C9 | 0x400..=0x45F)
        && !matches!(c, '\u{a4}' | '\u{a6}' | '\u{a8}' | '\u{ac}' | '\u{af}' | '\u{b4}' | '\u{b8}')
}

/// The script of a letter, as far as telling a letter from its neighbours goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Other,
    /// Not a letter.
    None,
}

impl Script {
    fn of(c: char) -> Script {
        if !c.is_alphabetic() {
            return Script::None;
        }
        match c as u32 {
            0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F => Script::Cyrillic,
            _ => Script::Other,
        }
    }
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
        | 0x2100..=0x2BFF // letterlike, arrows, maths, symbols, dingbats
        | 0x3000..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF // CJK, Hangul
        | 0xFB00..=0xFB06 // Latin ligatures, which `ligatures` spells out
        | 0xFE0F // the variation selector that asks for an emoji
        | 0x1F000..=0x1FAFF // emoji, flags, playing cards
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
    fn repairs_the_other_code_pages_and_emoji_written_in_halves() {
        // DOS code page 437, ISO-8859-2.
        assert_eq!(run(&Mojibake, "we\u{393}\u{c7}\u{d6}ll Rag\u{251c}\u{2563}"), "we\u{2019}ll Rag\u{f9}");
        assert_eq!(run(&Mojibake, "dobĹ\u{99}e"), "dob\u{159}e");
        // Surrogate halves (CESU-8) read as Windows-1252, its undefined bytes kept as C1 controls.
        assert_eq!(
            run(&Mojibake, "poison. \u{ed}\u{a0}\u{bd}\u{ed}\u{b1}\u{8d}\u{ed}\u{a0}\u{bc}\u{ed}\u{bf}\u{bd}"),
            "poison. \u{1f44d}\u{1f3fd}"
        );
        // A symbol of three bytes is sure with a C1 control among them, and a flag three times misread.
        assert_eq!(run(&Mojibake, "rental \u{e2}\u{9d}\u{a4} solutions"), "rental \u{2764} solutions");
        assert_eq!(run(&Mojibake, "Japan! ÃƒÂ°Ã…Â¸Ã¢â‚¬Â¡Ã‚Â¯ÃƒÂ°Ã…Â¸Ã¢â‚¬Â¡Ã‚Âµ"), "Japan! \u{1f1ef}\u{1f1f5}");
        assert_eq!(run(&Mojibake, "Taking ï¬‚ight"), "Taking \u{fb02}ight");
    }

    #[test]
    fn leaves_pairs_that_correct_text_makes() {
        // Each decodes to one character of two bytes: a rare letter, or one glued to another script.
        for text in [
            "a wo \u{bb}\u{ae} man",
            "ex \u{ab}\u{2122} cellent",
            "RESUM\u{c9}\u{2030}",
            "Van \u{ac}\u{ae} Lines",
            "t \u{2013}\u{2122} he",
            "\u{421}\u{41e}\u{420}\u{422}\u{418}\u{420}\u{410}\u{41d}\u{415}\u{a0}BJ\u{d8}RNSON",
        ] {
            assert_eq!(run(&Mojibake, text), text);
        }
    }

    #[test]
    fn repairs_mixed_runs_and_names_the_code_page() {
        assert_eq!(run(&Mojibake, "\u{e9}Ã©"), "\u{e9}\u{e9}");
        let changes = Mojibake.apply(&Doc::new("‚Äú".into()), &Params::default());
        assert_eq!(changes[0].reason, "UTF-8 read as MacRoman: a symbol or emoji of three or four bytes");
    }

    #[test]
    fn leaves_correct_text_that_looks_odd() {
        let text = "\u{250c}\u{2500}\u{2500}\u{2510} \u{e9}\u{2019}\u{2019} Fu\u{df}\u{201c} \u{c5}ngstr\u{f6}m \u{ae}\u{a9} \u{bf}Qu\u{e9}? \u{3c0}\u{2248}3.14 \u{43c}\u{438}\u{440} \u{1f600} \u{41c}\u{456}\u{441}\u{442}\u{43e} \u{10d}\u{159}\u{161} 42\u{b0}S";
        assert_eq!(run(&Mojibake, text), text);
    }

    #[test]
    fn runs_without_two_encodable_characters_are_not_looked_at() {
        assert!(may_be_misread("Ã©") && may_be_misread("‚Äú"));
        assert!(!may_be_misread("河水回落") && !may_be_misread("\u{1f600}\u{1f600}") && !may_be_misread("é河é"));
    }
}

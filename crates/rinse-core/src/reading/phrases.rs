//! Phrase lists, kept as data files under `phrases/`, and how lines are
//! matched against them.
//!
//! A file has sections (`[heading]`, `[strong]`, `[weak]`); each line of a
//! section is `= phrase` (the whole line is the phrase, a count beside it
//! aside: "share 17"), `^ phrase` (the line
//! starts with it) or `~ phrase` (the line contains it), always on word
//! boundaries and after both sides are normalised by [`normalize`].
//!
//! The rules' lists are known in advance ([`PhraseList`]), so a text's lines
//! are matched against all of them at once ([`Index`]), and the rules read
//! the result ([`Hits`]) instead of matching each line again.

use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::reading::blanks::is_plainly_spaced;
use crate::reading::chars;

/// The phrase files of the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseList {
    Advertisement,
    CommentsSection,
    CookieNotice,
    Disclaimer,
    ErrorPage,
    Navigation,
    NewsletterPrompts,
    ReadMore,
    RelatedLinks,
    SharePrompts,
    ShopPrompts,
}

impl PhraseList {
    pub const ALL: [PhraseList; 11] = [
        PhraseList::Advertisement,
        PhraseList::CommentsSection,
        PhraseList::CookieNotice,
        PhraseList::Disclaimer,
        PhraseList::ErrorPage,
        PhraseList::Navigation,
        PhraseList::NewsletterPrompts,
        PhraseList::ReadMore,
        PhraseList::RelatedLinks,
        PhraseList::SharePrompts,
        PhraseList::ShopPrompts,
    ];

    fn source(self) -> &'static str {
        match self {
            PhraseList::Advertisement => include_str!("../../phrases/advertisement.txt"),
            PhraseList::CommentsSection => include_str!("../../phrases/comments-section.txt"),
            PhraseList::CookieNotice => include_str!("../../phrases/cookie-notice.txt"),
            PhraseList::Disclaimer => include_str!("../../phrases/disclaimer.txt"),
            PhraseList::ErrorPage => include_str!("../../phrases/error-page.txt"),
            PhraseList::Navigation => include_str!("../../phrases/navigation.txt"),
            PhraseList::NewsletterPrompts => include_str!("../../phrases/newsletter-prompts.txt"),
            PhraseList::ReadMore => include_str!("../../phrases/read-more.txt"),
            PhraseList::RelatedLinks => include_str!("../../phrases/related-links.txt"),
            PhraseList::SharePrompts => include_str!("../../phrases/share-prompts.txt"),
            PhraseList::ShopPrompts => include_str!("../../phrases/shop-prompts.txt"),
        }
    }

    /// What its phrases are, in a reason: "cookie notice phrases".
    pub fn label(self) -> &'static str {
        match self {
            PhraseList::Advertisement => "advertisement",
            PhraseList::CommentsSection => "comments section",
            PhraseList::CookieNotice => "cookie notice",
            PhraseList::Disclaimer => "disclaimer",
            PhraseList::ErrorPage => "error page",
            PhraseList::Navigation => "navigation",
            PhraseList::NewsletterPrompts => "newsletter prompt",
            PhraseList::ReadMore => "read-more",
            PhraseList::RelatedLinks => "related links",
            PhraseList::SharePrompts => "share prompt",
            PhraseList::ShopPrompts => "shop button",
        }
    }

    /// The parsed file.
    pub fn file(self) -> &'static PhraseFile {
        &FILES[self as usize]
    }
}

/// Sections of a file: each set of a listed file has a bit in [`Hits`].
const SECTIONS: usize = 3;

static FILES: LazyLock<Vec<PhraseFile>> =
    LazyLock::new(|| PhraseList::ALL.iter().map(|&list| PhraseFile::parse_listed(list.source(), Some(list as usize * SECTIONS))).collect());

/// Which of the listed phrase sets a line matches, a bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hits(u64);

impl Hits {
    /// Whether the line matches `set` (always false for a set not listed).
    pub fn has(self, set: &PhraseSet) -> bool {
        self.0 & set.bit != 0
    }

    /// The bits: for the list `PhraseList::ALL[i]`, bit `3 i` stands for
    /// its heading phrases, `3 i + 1` its strong ones, `3 i + 2` its weak ones.
    pub fn bits(self) -> u64 {
        self.0
    }
}

/// Every listed set's phrases in one automaton, so a line is read once.
pub struct Index {
    /// Whole-line phrases, with the sets that hold them.
    exact: HashMap<String, u64>,
    /// Prefixes and contained phrases; for each pattern, the sets that
    /// hold it as a prefix and as a contained phrase.
    automaton: Option<AhoCorasick>,
    masks: Vec<(u64, u64)>,
}

pub static INDEX: LazyLock<Index> = LazyLock::new(|| Index::of(&FILES));

impl Index {
    fn of(files: &[PhraseFile]) -> Index {
        let mut exact: HashMap<String, u64> = HashMap::default();
        let mut patterns: HashMap<&str, (u64, u64)> = HashMap::default();
        for set in files.iter().flat_map(|f| [&f.heading, &f.strong, &f.weak]) {
            for phrase in &set.exact {
                *exact.entry(phrase.clone()).or_default() |= set.bit;
            }
            for prefix in set.prefixes.values().flatten() {
                patterns.entry(prefix).or_default().0 |= set.bit;
            }
            for phrase in &set.contained {
                patterns.entry(phrase).or_default().1 |= set.bit;
            }
        }
        let (phrases, masks): (Vec<&str>, Vec<(u64, u64)>) = patterns.into_iter().unzip();
        Index { exact, automaton: automaton(&phrases), masks }
    }

    /// The listed sets the normalised `line` matches.
    pub fn hits(&self, line: &str) -> Hits {
        let exact = |line: &str| self.exact.get(line).copied().unwrap_or(0);
        let mut bits = exact(line) | without_count(line).map_or(0, exact);
        if let Some(automaton) = &self.automaton {
            for found in automaton.find_overlapping_iter(line) {
                if at_boundary(line, found.start(), found.end()) {
                    let (prefix, contained) = self.masks[found.pattern().as_usize()];
                    bits |= contained | if found.start() == 0 { prefix } else { 0 };
                }
            }
        }
        Hits(bits)
    }
}

/// Phrase lists are small: a DFA costs little memory and matches fastest.
fn automaton<P: AsRef<[u8]>>(phrases: &[P]) -> Option<AhoCorasick> {
    if phrases.is_empty() {
        return None;
    }
    AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(phrases).ok()
}

/// One section of a phrase file.
#[derive(Default)]
pub struct PhraseSet {
    exact: HashSet<String>,
    /// Prefixes by their first byte: a line is compared only with those
    /// that could start it.
    prefixes: HashMap<u8, Vec<String>>,
    contained: Vec<String>,
    /// The contained phrases in an automaton of their own, made when first
    /// needed: most lines are matched through [`INDEX`], and only some sets
    /// are ever asked about a line by themselves.
    contains: OnceLock<Option<AhoCorasick>>,
    /// The set's bit in [`Hits`], 0 for a set not listed.
    bit: u64,
}

impl PhraseSet {
    /// Whether the normalised `line` matches any phrase.
    pub fn matches(&self, line: &str) -> bool {
        self.exact.contains(line)
            || without_count(line).is_some_and(|words| self.exact.contains(words))
            || line
                .as_bytes()
                .first()
                .and_then(|b| self.prefixes.get(b))
                .is_some_and(|prefixes| prefixes.iter().any(|p| line.starts_with(p.as_str()) && at_boundary(line, 0, p.len())))
            || self.contains().is_some_and(|ac| ac.find_overlapping_iter(line).any(|m| at_boundary(line, m.start(), m.end())))
    }

    /// How many distinct contained phrases the normalised `line` holds.
    pub fn count_contained(&self, line: &str) -> usize {
        let Some(ac) = self.contains() else { return 0 };
        let mut seen: Vec<usize> =
            ac.find_overlapping_iter(line).filter(|m| at_boundary(line, m.start(), m.end())).map(|m| m.pattern().as_usize()).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.prefixes.is_empty() && self.contained.is_empty()
    }

    fn contains(&self) -> Option<&AhoCorasick> {
        self.contains.get_or_init(|| automaton(&self.contained)).as_ref()
    }
}

/// A phrase file's sections.
#[derive(Default)]
pub struct PhraseFile {
    pub heading: PhraseSet,
    pub strong: PhraseSet,
    pub weak: PhraseSet,
}

impl PhraseFile {
    /// Parses a phrase file; lines that are not phrases (blank lines,
    /// `#` comments) are passed over.
    pub fn parse(source: &str) -> PhraseFile {
        PhraseFile::parse_listed(source, None)
    }

    /// [`PhraseFile::parse`], giving the sets of a listed file the bits from `first_bit` on.
    fn parse_listed(source: &str, first_bit: Option<usize>) -> PhraseFile {
        // Per section: exact lines, prefixes, contained phrases.
        let mut sections: [(HashSet<String>, Vec<String>, Vec<String>); 3] = Default::default();
        let mut section = 1;
        for line in source.lines().map(str::trim) {
            match line {
                "[heading]" => section = 0,
                "[strong]" => section = 1,
                "[weak]" => section = 2,
                _ => match line.split_once(' ') {
                    Some(("=", phrase)) => _ = sections[section].0.insert(normalize(phrase)),
                    Some(("^", phrase)) => sections[section].1.push(fold(phrase)),
                    Some(("~", phrase)) => sections[section].2.push(fold(phrase)),
                    _ => {} // blank lines and comments
                },
            }
        }
        let mut offset = 0..;
        let [heading, strong, weak] = sections.map(|(exact, prefixes, contained)| {
            let offset = offset.next().unwrap_or_default();
            let bit = first_bit.map_or(0, |first| 1 << (first + offset));
            let mut by_first_byte: HashMap<u8, Vec<String>> = HashMap::default();
            for prefix in prefixes {
                if let Some(&first) = prefix.as_bytes().first() {
                    by_first_byte.entry(first).or_default().push(prefix);
                }
            }
            PhraseSet { exact, prefixes: by_first_byte, contained, contains: OnceLock::new(), bit }
        });
        PhraseFile { heading, strong, weak }
    }
}

/// A normalised `line` without the count beside its words ("share 17",
/// "tweet 0", "comments (3", "12 comments"), which widgets add to the words
/// they show: whole-line phrases match it so too. A number that heads a
/// list item ("1. facebook") is no count.
fn without_count(line: &str) -> Option<&str> {
    let is_digit = |c: char| c.is_ascii_digit();
    let is_count = |c: char| is_digit(c) || c == '.' || c == ',';
    let words = if line.ends_with(is_digit) {
        let words = line.trim_end_matches(is_count);
        words.ends_with(|c: char| !c.is_alphanumeric()).then_some(words)?
    } else if line.starts_with(is_digit) {
        let words = line.trim_start_matches(is_count);
        let count = &line[..line.len() - words.len()];
        (count.ends_with(is_digit) && words.starts_with(' ')).then_some(words)?
    } else {
        return None;
    };
    let words = without_edges(words);
    words.chars().any(char::is_alphabetic).then_some(words)
}

/// Whether `line[start..end]` stands on word boundaries.
fn at_boundary(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    let first = line[start..end].chars().next();
    let last = line[start..end].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !(word(before) && word(first) || word(after) && word(last))
}

/// Lower case, curly apostrophes straightened, runs of blanks folded.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a buffer, cleared first: callers folding line after line
/// reuse one.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let text = text.trim();
    // Runs of ASCII (most lines are one) are copied whole and lowered below, in place.
    let mut rest = text;
    if text.is_ascii() {
        out.push_str(text);
        rest = "";
    }
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        out.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
            _ => chars::facts(c).each_lower(c, |lower| out.push(lower)),
        }
        rest = &rest[c.len_utf8()..];
    }
    out.make_ascii_lowercase();
    if out.contains('`') {
        *out = out.replace('`', "'");
    }
    // Lowering neither makes nor unmakes blanks, so most lines are done.
    if is_plainly_spaced(out) {
        return;
    }
    // ASCII lines have always been split on ASCII blanks, others on Unicode
    // ones, which also count the vertical tab.
    let words: Vec<&str> = if text.is_ascii() { out.split_ascii_whitespace().collect() } else { out.split_whitespace().collect() };
    *out = words.join(" ");
}

/// [`fold`], then punctuation and symbols at both ends dropped: the form a
/// line is matched in.
pub fn normalize(line: &str) -> String {
    without_edges(&fold(line)).to_string()
}

/// A folded line without the punctuation, symbols and blanks at its ends.
pub fn without_edges(folded: &str) -> &str {
    folded.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_only() {
        let file = PhraseFile::parse("[strong]\n= sorry\n^ share\n~ as is\n# note\n[weak]\n= ok\n");
        assert!(file.strong.matches(&normalize("Sorry!!")));
        assert!(file.strong.matches(&normalize("Share this article")));
        assert!(!file.strong.matches(&normalize("Shared values matter")));
        assert!(file.strong.matches(&normalize("provided “as is” to all")));
        assert!(!file.strong.matches(&normalize("the gas isotope")));
        assert!(file.weak.matches("ok") && !file.weak.matches("sorry"));
        assert!(file.heading.is_empty());
    }

    #[test]
    fn whole_line_phrases_match_beside_a_count() {
        let file = PhraseFile::parse("[weak]\n= share\n= comments\n= facebook\n");
        for counted in ["Share 17", "share: 1,204", "Comments (3)", "12 comments", "1.5 comments"] {
            assert!(file.weak.matches(&normalize(counted)), "{counted}");
        }
        // A numbered list item, a word with figures in it and a bare number are no phrase and its count.
        for line in ["1. Facebook", "2) Facebook", "share17", "17", "comments 3 days ago"] {
            assert!(!file.weak.matches(&normalize(line)), "{line}");
        }
        let counted = normalize("Tweet 0");
        assert!(INDEX.hits(&counted).has(&PhraseList::SharePrompts.file().weak));
    }

    /// Every phrase of the listed files, bare, inside other words and beside them.
    fn lines_near_the_phrases() -> Vec<String> {
        let mut lines = Vec::new();
        for list in PhraseList::ALL {
            for phrase in list.source().lines().filter_map(|l| l.trim().split_once(' ')).map(|(_, p)| normalize(p)) {
                lines.extend([
                    phrase.clone(),
                    format!("x{phrase}"),
                    format!("{phrase}s"),
                    format!("see {phrase}"),
                    format!("{phrase} now"),
                    format!("{phrase}: {phrase}"),
                ]);
            }
        }
        let fixtures =
            [include_str!("../../../../fixtures/harbour-scrape.txt"), include_str!("../../../../fixtures/page-text/ferry-news.txt")];
        lines.extend(fixtures.iter().flat_map(|f| f.lines()).map(normalize));
        lines
    }

    #[test]
    fn the_index_agrees_with_each_set() {
        let lines = lines_near_the_phrases();
        let mut matched = 0;
        for line in &lines {
            let hits = INDEX.hits(line);
            for list in PhraseList::ALL {
                let file = list.file();
                for set in [&file.heading, &file.strong, &file.weak] {
                    assert_eq!(hits.has(set), set.matches(line), "{list:?} on {line:?}");
                    matched += usize::from(set.matches(line));
                }
            }
        }
        assert!(matched > lines.len() / 5, "the lines hold phrases: {matched} matches of {}", lines.len());
        let unlisted = PhraseFile::parse("= share this\n");
        assert!(unlisted.strong.matches("share this") && !INDEX.hits("share this").has(&unlisted.strong));
    }

    #[test]
    fn each_section_of_each_list_has_its_own_bit_in_list_order() {
        for (i, list) in PhraseList::ALL.iter().enumerate() {
            let file = list.file();
            for (section, set) in [&file.heading, &file.strong, &file.weak].into_iter().enumerate() {
                assert_eq!(set.bit, 1 << (3 * i + section), "{list:?} section {section}");
            }
        }
    }

    #[test]
    fn normalises_case_apostrophes_and_edges() {
        assert_eq!(normalize("  » Don’t   MISS!  "), "don't miss");
        assert_eq!(normalize("***"), "");
    }
}

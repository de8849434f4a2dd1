//! Phrase lists, kept as data files under `phrases/`, and how lines are
//! matched against them.
//!
//! A file has sections (`[heading]`, `[strong]`, `[weak]`); each line of a
//! section is `= phrase` (the whole line is the phrase), `^ phrase` (the line
//! starts with it) or `~ phrase` (the line contains it), always on word
//! boundaries and after both sides are normalised by [`normalize`].

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One section of a phrase file.
#[derive(Default)]
pub struct PhraseSet {
    exact: HashSet<String>,
    /// Prefixes by their first byte: a line is compared only with those
    /// that could start it.
    prefixes: HashMap<u8, Vec<String>>,
    contains: Option<AhoCorasick>,
}

impl PhraseSet {
    /// Whether the normalised `line` matches any phrase.
    pub fn matches(&self, line: &str) -> bool {
        self.exact.contains(line)
            || line.as_bytes().first().and_then(|b| self.prefixes.get(b)).is_some_and(|prefixes| {
                prefixes.iter().any(|p| line.starts_with(p.as_str()) && at_boundary(line, 0, p.len()))
            })
            || self.contains.as_ref().is_some_and(|ac| {
                ac.find_overlapping_iter(line).any(|m| at_boundary(line, m.start(), m.end()))
            })
    }

    /// How many distinct contained phrases the normalised `line` holds.
    pub fn count_contained(&self, line: &str) -> usize {
        let Some(ac) = &self.contains else { return 0 };
        let mut seen: Vec<usize> = ac
            .find_overlapping_iter(line)
            .filter(|m| at_boundary(line, m.start(), m.end()))
            .map(|m| m.pattern().as_usize())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.prefixes.is_empty() && self.contains.is_none()
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
        let [heading, strong, weak] = sections.map(|(exact, prefixes, contains)| {
            let mut by_first_byte: HashMap<u8, Vec<String>> = HashMap::default();
            for prefix in prefixes {
                if let Some(&first) = prefix.as_bytes().first() {
                    by_first_byte.entry(first).or_default().push(prefix);
                }
            }
            // Phrase lists are small: a DFA costs little memory and matches fastest.
            let automaton = |phrases| AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(phrases).ok();
            PhraseSet {
                exact,
                prefixes: by_first_byte,
                contains: if contains.is_empty() { None } else { automaton(contains) },
            }
        });
        PhraseFile { heading, strong, weak }
    }
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
    let mut space = false;
    if text.is_ascii() {
        // Most lines: byte work, no Unicode tables.
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(if b == b'`' { '\'' } else { b.to_ascii_lowercase() as char });
        }
        return;
    }
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// [`fold`], then punctuation and symbols at both ends dropped: the form a
/// line is matched in.
pub fn normalize(line: &str) -> String {
    // Blanks count as edges too. Trimmed in place: one allocation a line.
    let edge = |c: char| !c.is_alphanumeric() && c != '\'';
    let mut folded = fold(line);
    folded.truncate(folded.trim_end_matches(edge).len());
    let start = folded.len() - folded.trim_start_matches(edge).len();
    folded.drain(..start);
    folded
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
    fn normalises_case_apostrophes_and_edges() {
        assert_eq!(normalize("  » Don’t   MISS!  "), "don't miss");
        assert_eq!(normalize("***"), "");
    }
}

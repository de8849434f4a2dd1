use rustc_hash::FxHashSet;

use crate::edit::Change;
use crate::reading::prose::FULL_STOPS;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// A paragraph whose words all came earlier, with the lines broken elsewhere.
pub struct RepeatedText;

static INFO: RuleInfo = RuleInfo {
    id: "repeated-text",
    name: "Repeated text, broken differently",
    group: Group::Dedup,
    summary: "Removes a paragraph whose words already ran, in the same order, earlier in the text, however the lines were broken.",
    doc: "A scraper that saves a page twice (the page and its reader view, or the desktop and \
          the mobile layout) often breaks the second copy's lines elsewhere: two lines of a \
          reference or a caption become one, so no line repeats exactly. Here the text so far is \
          cut into runs of eight words, across line breaks; a paragraph of at least `min_words` \
          words whose runs all but a few (`share`) ran before, some of them across an old break in \
          the middle of a sentence, is removed. Exact repeats are left to duplicate-paragraphs; a paragraph with words \
          of its own stays, and so does one found inside a single earlier line (a summary or a \
          quotation).",
    example: Example {
        input: "The council approved the budget for schools and roads\n\
                on Tuesday evening after a long debate in the town hall.\n\
                The council approved the budget for schools and roads on Tuesday evening after a long debate in the town hall.\n",
        output: "The council approved the budget for schools and roads\n\
                 on Tuesday evening after a long debate in the town hall.\n",
    },
    params: &[
        ParamSpec { name: "min_words", doc: "Shortest paragraph compared, in words.", default: ParamDefault::Int(12) },
        ParamSpec {
            name: "share",
            doc: "Share of its runs of eight words that must have come earlier, 0 to 1.",
            default: ParamDefault::Float(0.9),
        },
    ],
    presets: &[Preset::Article, Preset::Corpus],
};

/// Words in a run.
const RUN: usize = 8;

impl Rule for RepeatedText {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let min_words = params.int("min_words").max(RUN as i64) as usize;
        let share = params.float("share").clamp(0.0, 1.0);
        if !any_run_crosses_again(doc, min_words) {
            return Vec::new();
        }
        // Runs of words seen so far, and those of them that crossed a line break.
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        let mut crossing: FxHashSet<u64> = FxHashSet::default();
        let mut reader = Reader::default();
        let mut changes = Vec::new();
        for ((line, hashes), &words) in doc.lines().zip(doc.word_hashes().iter()).zip(doc.word_counts()) {
            if words == 0 {
                continue;
            }
            if hashes.len() >= min_words {
                let runs: Vec<u64> = run_hashes(hashes).collect();
                let repeated = runs.iter().filter(|run| seen.contains(run)).count();
                // Text that ran inside one earlier line is a quotation or a
                // summary; a copy broken elsewhere runs across the old breaks.
                let broken_elsewhere = runs.iter().any(|run| crossing.contains(run));
                if broken_elsewhere && repeated as f64 >= share * runs.len() as f64 {
                    changes.push(Change::delete(line.full(), "its words ran earlier in the text, the lines broken elsewhere"));
                    continue;
                }
            }
            reader.read(line.text, hashes, |run, crossed| {
                let run = run_hash(run);
                seen.insert(run);
                if crossed {
                    crossing.insert(run);
                }
            });
        }
        changes
    }
}

/// Whether some paragraph of `min_words` words holds a run of words that
/// ran earlier across a line break in the middle of a sentence: without
/// one, nothing can be removed, and most texts have none. This finds it
/// without keeping every run of the text.
fn any_run_crosses_again(doc: &Doc, min_words: usize) -> bool {
    let mut crossing: FxHashSet<u64> = FxHashSet::default();
    let mut reader = Reader::default();
    for ((line, hashes), &words) in doc.lines().zip(doc.word_hashes().iter()).zip(doc.word_counts()) {
        if words == 0 {
            continue;
        }
        if hashes.len() >= min_words && !crossing.is_empty() && run_hashes(hashes).any(|run| crossing.contains(&run)) {
            return true;
        }
        reader.read(line.text, hashes, |run, crossed| {
            if crossed {
                crossing.insert(run_hash(run));
            }
        });
    }
    false
}

/// The text read line by line, as runs of words: the last words of the
/// lines kept, whose runs continue into the next line, and whether the last
/// of them stopped mid-sentence.
#[derive(Default)]
struct Reader {
    /// The last words read, between `RUN` and twice as many once there
    /// are that many: the oldest are dropped `RUN` at a time, so a run is
    /// always a slice of it.
    recent: Vec<u64>,
    broken_mid_sentence: bool,
}

impl Reader {
    /// Reads a kept line of words `hashes`, giving `run` each run of words
    /// that ends in it, and whether its first words came from an earlier
    /// line that stopped mid-sentence.
    fn read(&mut self, line: &str, hashes: &[u64], mut run: impl FnMut(&[u64], bool)) {
        for (index, &hash) in hashes.iter().enumerate() {
            if self.recent.len() == 2 * RUN {
                self.recent.drain(..RUN);
            }
            self.recent.push(hash);
            if let Some(last) = self.recent.len().checked_sub(RUN).map(|start| &self.recent[start..]) {
                let crossed = index + 1 < RUN && self.broken_mid_sentence;
                run(last, crossed);
            }
        }
        self.broken_mid_sentence = !line.trim_end().ends_with(|c| c == ':' || FULL_STOPS.contains(&c));
    }
}

/// Multiplier of the polynomial hash of a run.
const RUN_BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// A run's hash: a polynomial in its words' hashes, so that the runs of a
/// line can be hashed rolling ([`run_hashes`]).
fn run_hash(words: &[u64]) -> u64 {
    words.iter().fold(0, |hash, &word| hash.wrapping_mul(RUN_BASE).wrapping_add(word))
}

/// [`run_hash`] of each window of `RUN` words of `words`, each from the last.
fn run_hashes(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let outgoing = RUN_BASE.wrapping_pow(RUN as u32 - 1);
    let first = (words.len() >= RUN).then(|| run_hash(&words[..RUN]));
    first.into_iter().chain(words.windows(RUN + 1).scan(first.unwrap_or_default(), move |hash, window| {
        *hash = hash.wrapping_sub(window[0].wrapping_mul(outgoing)).wrapping_mul(RUN_BASE).wrapping_add(window[RUN]);
        Some(*hash)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_a_copy_whose_lines_are_joined_or_split() {
        let first =
            "^ Hartl, John (3 September 1998). \"Studio will distribute the animated film\"\n. The Seattle Times. Retrieved 2015-02-11.\n";
        let copy =
            "^ Hartl, John (3 September 1998). \"Studio will distribute the animated film\". The Seattle Times. Retrieved 2015-02-11.\n";
        assert_eq!(run(&RepeatedText, &format!("{first}Other text.\n{copy}")), format!("{first}Other text.\n"));
    }

    #[test]
    fn rolling_run_hashes_equal_direct_ones() {
        let words: Vec<u64> = (0..20u64).map(|n| n.wrapping_mul(0x1234_5678_9abc_def1) ^ 77).collect();
        let rolled: Vec<u64> = run_hashes(&words).collect();
        let direct: Vec<u64> = words.windows(RUN).map(run_hash).collect();
        assert_eq!(rolled, direct);
        assert_eq!(run_hashes(&words[..RUN - 1]).count(), 0);
    }

    #[test]
    fn keeps_paragraphs_with_words_of_their_own_and_short_ones() {
        let text = "The council approved the budget for schools and roads on Tuesday evening after a long debate.\n\
                    The council approved the budget for parks and libraries on Wednesday morning after a short debate.\n\
                    Short line repeated here.\nShort line repeated here.\n\
                    Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.\n\
                    In reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.\n";
        assert_eq!(run(&RepeatedText, text), text);
    }
}

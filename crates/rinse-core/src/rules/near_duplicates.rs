use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::edit::Change;
use crate::text::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};
use crate::text::lines;

/// A paragraph nearly the same as an earlier one.
pub struct NearDuplicates;

static INFO: RuleInfo = RuleInfo {
    id: "near-duplicates",
    name: "Near-duplicate paragraphs",
    group: Group::Dedup,
    summary: "Removes a paragraph that shares most of its word 4-grams with an earlier one.",
    doc: "Syndicated and re-edited copies repeat a paragraph with a word or two changed. Each \
          paragraph of at least `min_words` words is cut into word 4-grams; when the share of them \
          found in one earlier paragraph (Jaccard similarity) reaches `threshold`, the later one is \
          removed and the first kept. Exact copies are left to duplicate-paragraphs. Only the corpus \
          preset runs it: articles do repeat a paragraph with small changes on purpose (a summary, \
          a pull quote), and a reader should see both.",
    example: Example {
        input: "The council approved the new budget for schools, roads and the harbour on Tuesday evening after a debate that lasted well into the night, the mayor said in a statement.\n\
                Other news.\n\
                The council approved the new budget for schools, roads and the harbour on Tuesday evening after a debate that lasted well into the night, the mayor wrote in a statement.\n",
        output: "The council approved the new budget for schools, roads and the harbour on Tuesday evening after a debate that lasted well into the night, the mayor said in a statement.\n\
                 Other news.\n",
    },
    params: &[
        ParamSpec { name: "threshold", doc: "Jaccard similarity of word 4-grams, 0 to 1.", default: ParamDefault::Float(0.7) },
        ParamSpec { name: "min_words", doc: "Shortest paragraph compared, in words.", default: ParamDefault::Int(12) },
    ],
    presets: &[Preset::Corpus],
};

impl Rule for NearDuplicates {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let text = doc.text();
        let threshold = params.float("threshold").clamp(0.0, 1.0);
        let min_words = params.int("min_words").max(4) as usize;
        // Shingle hash -> earlier paragraphs holding it; paragraph -> its shingle count.
        let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut sizes: Vec<usize> = Vec::new();
        let mut changes = Vec::new();
        for line in lines(text) {
            if line.text.len() < min_words * 2 {
                continue;
            }
            let words: Vec<u64> = line.text.split_whitespace().filter_map(word_hash).collect();
            if words.len() < min_words {
                continue;
            }
            let shingles: FxHashSet<u64> = words.windows(4).map(hash).collect();
            let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
            for shingle in &shingles {
                for &para in index.get(shingle).map(Vec::as_slice).unwrap_or_default() {
                    *shared.entry(para).or_default() += 1;
                }
            }
            let similar = shared.iter().any(|(&para, &common)| {
                let union = sizes[para] + shingles.len() - common;
                union > 0 && common as f64 / union as f64 >= threshold
            });
            if similar {
                changes.push(Change::delete(line.full(), "nearly repeats an earlier paragraph"));
                continue;
            }
            let id = sizes.len();
            sizes.push(shingles.len());
            for shingle in shingles {
                index.entry(shingle).or_default().push(id);
            }
        }
        changes
    }
}

/// A word's letters and digits, lower-cased, hashed; `None` for a word of punctuation.
fn word_hash(word: &str) -> Option<u64> {
    let mut hasher = FxHasher::default();
    let mut any = false;
    for c in word.chars().filter(|c| c.is_alphanumeric()) {
        any = true;
        for lower in c.to_lowercase() {
            hasher.write_u32(lower as u32);
        }
    }
    any.then(|| hasher.finish())
}

fn hash(words: &[u64]) -> u64 {
    let mut hasher = FxHasher::default();
    words.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_a_lightly_edited_copy() {
        let a = "Heavy rain flooded the lower town overnight and the river rose above its banks near the old mill.";
        let b = "Heavy rain flooded the lower town overnight, and the river rose above its banks near the old mill!";
        assert_eq!(run(&NearDuplicates, &format!("{a}\n{b}\n")), format!("{a}\n"));
    }

    #[test]
    fn keeps_paragraphs_that_share_a_phrase() {
        let a = "Heavy rain flooded the lower town overnight and the river rose above its banks near the old mill.";
        let b = "Heavy rain flooded the lower town overnight, but by noon the sun was out and children played in the square.";
        let text = format!("{a}\n{b}\n");
        assert_eq!(run(&NearDuplicates, &text), text);
    }
}

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

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
        // Earlier paragraphs holding each shingle, as a list through `postings`
        // (shingle hash -> its last posting; a posting is a paragraph and the
        // shingle's posting before it), and each paragraph's shingle count.
        // About one shingle a word; a word is about six bytes.
        let mut last_posting: FxHashMap<u64, usize> = FxHashMap::with_capacity_and_hasher(text.len() / 6, Default::default());
        let mut postings: Vec<(usize, Option<usize>)> = Vec::new();
        let mut sizes: Vec<usize> = Vec::new();
        let mut shingles = FxHashSet::default();
        // Shingles shared with each earlier paragraph, by its number, and the
        // paragraphs that share any (so only they are read and reset).
        let (mut shared, mut sharing): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut changes = Vec::new();
        for (line, words) in doc.lines().zip(doc.spaced_word_hashes().iter()) {
            if line.text.len() < min_words * 2 || words.len() < min_words {
                continue;
            }
            shingles.clear();
            shingles.extend(words.windows(4).map(hash));
            for shingle in &shingles {
                let mut posting = last_posting.get(shingle).copied();
                while let Some(at) = posting {
                    let (para, before) = postings[at];
                    if shared[para] == 0 {
                        sharing.push(para);
                    }
                    shared[para] += 1;
                    posting = before;
                }
            }
            let similar = sharing.iter().any(|&para| {
                let (common, union) = (shared[para], sizes[para] + shingles.len() - shared[para]);
                union > 0 && common as f64 / union as f64 >= threshold
            });
            for para in sharing.drain(..) {
                shared[para] = 0;
            }
            if similar {
                changes.push(Change::delete(line.full(), "nearly repeats an earlier paragraph"));
                continue;
            }
            let para = sizes.len();
            sizes.push(shingles.len());
            shared.push(0);
            for &shingle in &shingles {
                let before = last_posting.insert(shingle, postings.len());
                postings.push((para, before));
            }
        }
        changes
    }
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

//! The fitted model: two rounds of boosted trees, read from a data file.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// Boosted trees: the log-odds of a row are `base` plus one leaf of each tree.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Forest {
    pub base: f32,
    pub trees: Vec<Vec<Node>>,
    /// The trees as complete trees, made when first walked.
    #[serde(skip)]
    complete: OnceLock<Vec<Complete>>,
}

impl PartialEq for Forest {
    fn eq(&self, other: &Forest) -> bool {
        self.base == other.base && self.trees == other.trees
    }
}

impl Forest {
    pub fn new(base: f32, trees: Vec<Vec<Node>>) -> Forest {
        Forest { base, trees, complete: OnceLock::new() }
    }
}

/// The deepest tree walked: deeper trees are refused as malformed
/// ([`Forest::fits`]), as a complete tree doubles with each level.
const MAX_DEPTH: usize = 6;
/// Splits (and leaves) of the largest complete tree, and more.
const SLOTS: usize = 1 << MAX_DEPTH;
/// Features a row may have: a feature's index is one byte.
const MAX_FEATURES: usize = 256;

/// A tree with every leaf at the same depth, in heap order (the children
/// of node `i` are `2 i + 1` and `2 i + 2`): a leaf of the fitted tree
/// above that depth becomes splits that send every row to copies of it.
/// Its splits and leaves are arrays of [`SLOTS`], so that a walk's index,
/// masked to that size, needs no check.
#[derive(Clone, Debug)]
struct Complete {
    depth: usize,
    splits: [Split; SLOTS],
    leaves: [f32; SLOTS],
}

/// A split of a [`Complete`] tree: a row goes right when its value of
/// `feature` is not below `threshold` (a missing value, NaN, goes right).
#[derive(Clone, Copy, Debug)]
struct Split {
    feature: u8,
    threshold: f32,
}

impl Complete {
    /// `tree`, which [`Forest::fits`] has checked, as a complete tree.
    fn of(tree: &[Node]) -> Complete {
        let depth = depth(tree);
        let inner = (1 << depth) - 1;
        let mut complete = Complete { depth, splits: [Split { feature: 0, threshold: f32::INFINITY }; SLOTS], leaves: [0.0; SLOTS] };
        // Each heap position with the fitted node it stands for.
        let mut stack = vec![(0usize, 0usize)];
        while let Some((at, node)) = stack.pop() {
            let Node(feature, threshold, left, right, value) = tree[node];
            if at >= inner {
                complete.leaves[at - inner] = value;
            } else if left == 0 {
                // A leaf early: both children stand for it, whichever way a row goes.
                stack.extend([(2 * at + 1, node), (2 * at + 2, node)]);
            } else {
                complete.splits[at] = Split { feature: feature as u8, threshold };
                stack.extend([(2 * at + 1, left as usize), (2 * at + 2, right as usize)]);
            }
        }
        complete
    }
}

/// The depth of `tree`: 0 for a lone leaf. Read from the last node back,
/// as children come after their parent ([`Forest::fits`]).
fn depth(tree: &[Node]) -> usize {
    let mut depths = vec![0usize; tree.len()];
    for (i, &Node(_, _, left, right, _)) in tree.iter().enumerate().rev() {
        if left != 0 {
            depths[i] = 1 + depths[left as usize].max(depths[right as usize]);
        }
    }
    depths.first().copied().unwrap_or(0)
}

/// A node of a tree, node 0 its root: `[feature, threshold, left, right, value]`.
/// At a split, a row goes to `left` when its value of `feature` is below
/// `threshold`, else to `right`; a leaf (`left == 0`) gives `value`.
/// Children come after their parent, so every walk ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Node(pub u16, pub f32, pub u32, pub u32, pub f32);

impl Forest {
    /// The probability that each row of `rows`, `width` values each, is a
    /// line of the main text. The trees are walked as complete
    /// trees ([`Complete`]), so every step is the same few instructions
    /// with no branch to mispredict, and several rows walk each tree at
    /// once, so that their walks overlap in time. A block of rows walks
    /// every tree before the next block starts: its values stay in cache.
    pub fn probabilities(&self, rows: &[f32], width: usize) -> Vec<f32> {
        const LANES: usize = 8;
        let width = width.clamp(1, MAX_FEATURES);
        let complete = self.complete.get_or_init(|| self.trees.iter().map(|tree| Complete::of(tree)).collect());
        let mut probabilities = Vec::with_capacity(rows.len() / width);
        // A block's values by feature, a lane for each row: a step reads
        // its feature's lanes side by side, by an index that is one byte.
        // Lanes past the last row hold what they held; their walks are not read.
        let mut columns = [[0f32; LANES]; MAX_FEATURES];
        for block in rows.chunks(LANES * width) {
            let filled = block.len() / width;
            for (lane, row) in block.chunks_exact(width).enumerate() {
                for (column, &value) in columns.iter_mut().zip(row) {
                    column[lane] = value;
                }
            }
            let mut logits = [self.base; LANES];
            for tree in complete {
                let mut at = [0usize; LANES];
                for _ in 0..tree.depth {
                    for (lane, at) in at.iter_mut().enumerate() {
                        let Split { feature, threshold } = tree.splits[*at % SLOTS];
                        let value = columns[usize::from(feature)][lane];
                        #[expect(clippy::neg_cmp_op_on_partial_ord, reason = "not below, NaN included, in one comparison")]
                        let right = !(value < threshold);
                        *at = 2 * *at + 1 + usize::from(right);
                    }
                }
                let inner = (1 << tree.depth) - 1;
                for (logit, &at) in logits.iter_mut().zip(&at) {
                    *logit += tree.leaves[(at - inner) % SLOTS];
                }
            }
            probabilities.extend(logits[..filled].iter().map(|logit| 1.0 / (1.0 + (-logit).exp())));
        }
        probabilities
    }

    /// Whether every tree is well formed for rows of `width` values: no
    /// deeper than [`MAX_DEPTH`], every split on one of `width` features
    /// (at most [`MAX_FEATURES`]), every child after its parent.
    fn fits(&self, width: usize) -> bool {
        width <= MAX_FEATURES
            && self.trees.iter().all(|tree| {
                !tree.is_empty()
                    && tree.iter().enumerate().all(|(i, &Node(feature, _, left, right, _))| {
                        left == 0
                            || (feature as usize) < width && [left, right].iter().all(|&c| c as usize > i && (c as usize) < tree.len())
                    })
                    && depth(tree) <= MAX_DEPTH
            })
    }
}

/// The scorer as fitted: what it was fitted on and how well it did, the two
/// rounds of trees, and where the line between main text and the rest is drawn.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub fitted: Fitted,
    /// The feature names the rounds were fitted against, in order.
    pub features: Vec<String>,
    pub first: Forest,
    pub second: Forest,
    /// Where the line between main text and the rest is drawn.
    pub cut: Cut,
}

/// How a text's lines are parted into main text and the rest, by their
/// probabilities of being main text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cut {
    /// A line is main text when its probability reaches `threshold`, or
    /// `relative` times the text's highest: on a page where nothing reads
    /// clearly as main text (a listing of short entries), its best lines are.
    Threshold { threshold: f32, relative: f32 },
    /// The most probable lines, as many as make the best word F1 to expect
    /// were the probabilities right: the lines kept hold the words each
    /// line's probability says are main text, against all the words kept
    /// and the main text's expected length (the words of every line, each
    /// weighed by its probability, times `scale`). A text that reads
    /// clearly keeps its main text only; one where nothing does keeps
    /// most of itself, as F1 then loses more by cutting than by keeping.
    /// A line judged at least [`EVEN_ODDS`] likely main text is kept
    /// whatever the expectation says.
    ExpectedF1 { scale: f32 },
}

/// Probability at and above which a line is kept by [`Cut::ExpectedF1`]:
/// text is kept unless there is evidence against it. On WCXB's pages, each
/// judged by models fitted without its domain, keeping such lines always
/// (at 0.5, 0.6 or 0.7) or leaving them to the expectation scores within
/// 0.0001, so the data leaves it to the principle; keeping lines from 0.4
/// (where the threshold cut was drawn) loses 0.0024 of word F1, 0.3 0.007.
const EVEN_ODDS: f32 = 0.5;

impl Default for Cut {
    fn default() -> Cut {
        Cut::Threshold { threshold: 0.5, relative: 1.0 }
    }
}

impl Cut {
    /// Which of `probabilities`, those of one text's lines of `words` words each, are main text.
    pub fn main_text(&self, probabilities: &[f32], words: &[usize]) -> Vec<bool> {
        match *self {
            Cut::Threshold { threshold, relative } => {
                let top = probabilities.iter().copied().fold(0.0, f32::max);
                let bar = threshold.min(relative * top);
                probabilities.iter().map(|&p| p >= bar).collect()
            }
            Cut::ExpectedF1 { scale } => {
                let words = |line: usize| words.get(line).map_or(0.0, |&count| count as f64);
                let weighed = |line: usize| f64::from(probabilities[line]) * words(line);
                let expected_main = (0..probabilities.len()).map(weighed).sum::<f64>() * f64::from(scale);
                let mut order: Vec<usize> = (0..probabilities.len()).collect();
                order.sort_by(|&a, &b| probabilities[b].total_cmp(&probabilities[a]));
                // The F1 to expect of keeping each prefix of `order`: the best prefix is kept.
                let (mut hits, mut kept, mut best, mut best_count) = (0.0, 0.0, 0.0, 0);
                for (count, &line) in order.iter().enumerate() {
                    hits += weighed(line);
                    kept += words(line);
                    let f1 = 2.0 * hits / (kept + expected_main).max(f64::MIN_POSITIVE);
                    if f1 > best {
                        (best, best_count) = (f1, count + 1);
                    }
                }
                let mut main: Vec<bool> = probabilities.iter().map(|&p| p >= EVEN_ODDS).collect();
                order[..best_count].iter().for_each(|&line| main[line] = true);
                main
            }
        }
    }
}

/// Where a model came from: the data's hash and the scores it reached.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fitted {
    /// The data files read, each with the SHA-256 of its bytes.
    pub data: Vec<(String, String)>,
    /// Figures reached with whole domains held out, by name.
    pub cross_validated: Vec<(String, f64)>,
    pub command: String,
}

impl Model {
    pub fn from_json(json: &str) -> Result<Model, String> {
        let model: Model = serde_json::from_str(json).map_err(|e| format!("not a line model: {e}"))?;
        let expected: Vec<&str> = super::features::NAMES.iter().chain(super::features::CONTEXT_NAMES).copied().collect();
        if model.features != expected {
            return Err("the model was fitted against other features; run `cargo xtask fit`".into());
        }
        if !model.first.fits(super::features::FEATURES) || !model.second.fits(super::features::CONTEXT_FEATURES) {
            return Err("the model has a malformed tree".into());
        }
        Ok(model)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain walk of the fitted trees, node by node, that the engine's
    /// walk of complete trees must agree with.
    impl Forest {
        fn probability(&self, row: &[f32]) -> f32 {
            let logit = self.base + self.trees.iter().map(|tree| leaf(tree, row)).sum::<f32>();
            1.0 / (1.0 + (-logit).exp())
        }
    }

    /// The leaf value `row` reaches in `tree`, which [`Forest::fits`] has checked.
    fn leaf(tree: &[Node], row: &[f32]) -> f32 {
        let mut node = tree[0];
        while node.2 != 0 {
            node = tree[if row[node.0 as usize] < node.1 { node.2 } else { node.3 } as usize];
        }
        node.4
    }

    #[test]
    fn the_cut_by_expected_f1_keeps_what_reads_clearly_and_all_of_a_text_where_nothing_does() {
        let cut = Cut::ExpectedF1 { scale: 0.8 };
        // A menu, an article of three long lines, a footer.
        let clear = [0.05, 0.05, 0.95, 0.9, 0.97, 0.1, 0.02];
        let words = [1, 2, 40, 35, 50, 3, 2];
        assert_eq!(cut.main_text(&clear, &words), [false, false, true, true, true, false, false]);
        // Nothing stands out: cutting would lose more than it saves.
        let unsure = [0.3, 0.35, 0.3, 0.32];
        assert_eq!(cut.main_text(&unsure, &[10, 12, 8, 9]), [true; 4]);
        // A line at even odds stays, however short the rest makes it look.
        let even = [0.99, 0.5, 0.01];
        assert_eq!(cut.main_text(&even, &[400, 1, 400]), [true, true, false]);
        // Fewer word counts than lines: the lines without one weigh nothing.
        assert_eq!(cut.main_text(&clear, &words[..3]).len(), clear.len());
    }

    #[test]
    fn trees_send_rows_below_the_threshold_left() {
        let tree = vec![Node(1, 0.5, 1, 2, 0.0), Node(0, 0.0, 0, 0, -2.0), Node(0, 0.0, 0, 0, 3.0)];
        assert_eq!(leaf(&tree, &[9.0, 0.2]), -2.0);
        assert_eq!(leaf(&tree, &[9.0, 0.5]), 3.0);
        let forest = Forest::new(1.0, vec![tree.clone(), tree, vec![Node(0, 0.0, 0, 0, 0.5)]]);
        assert!(forest.fits(2) && !forest.fits(1), "a split on a feature the rows lack");
        let deep = vec![
            Node(0, 5.0, 1, 2, 0.0),
            Node(0, 0.0, 0, 0, -1.0),
            Node(1, 0.5, 3, 4, 0.0),
            Node(0, 7.0, 5, 6, 0.0),
            Node(0, 0.0, 0, 0, 2.0),
            Node(0, 0.0, 0, 0, 3.0),
            Node(0, 0.0, 0, 0, 4.0),
        ];
        let forest = Forest::new(1.0, vec![deep, forest.trees[0].clone(), vec![Node(0, 0.0, 0, 0, 0.5)]]);
        assert!((forest.probability(&[0.0, 0.9]) - 1.0 / (1.0 + (-3.5f32).exp())).abs() < 1e-6);
        let rows: Vec<f32> = (0..19).flat_map(|i| [i as f32, i as f32 / 19.0]).collect();
        let one_by_one: Vec<f32> = rows.chunks(2).map(|row| forest.probability(row)).collect();
        assert_eq!(forest.probabilities(&rows, 2), one_by_one, "rows walked together as one by one");
        let looping = Forest::new(0.0, vec![vec![Node(0, 0.0, 0, 0, 0.0), Node(0, 0.5, 1, 1, 1.0)]]);
        assert!(!looping.fits(1), "a node that points to itself");
        let outside = Forest::new(0.0, vec![vec![Node(0, 0.5, 1, 5, 1.0), Node(0, 0.0, 0, 0, 1.0)]]);
        assert!(!outside.fits(1), "a node that points past the tree");
        let chain = |splits: u32| {
            let mut tree: Vec<Node> =
                (0..splits).flat_map(|i| [Node(0, i as f32, 2 * i + 1, 2 * i + 2, 0.0), Node(0, 0.0, 0, 0, 1.0)]).collect();
            tree.push(Node(0, 0.0, 0, 0, 2.0));
            Forest::new(0.0, vec![tree])
        };
        assert!(chain(MAX_DEPTH as u32).fits(1));
        assert!(!chain(MAX_DEPTH as u32 + 1).fits(1), "a tree deeper than a walk holds");
        let row = [MAX_DEPTH as f32];
        assert_eq!(chain(MAX_DEPTH as u32).probabilities(&row, 1), [chain(MAX_DEPTH as u32).probability(&row)]);
    }
}

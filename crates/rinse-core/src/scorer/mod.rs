//! The line scorer: how likely each line of a whole page's text is to be its
//! main text, judged by a model fitted to labelled pages (`cargo xtask fit`)
//! over what the engine reads of each line and of the lines around it.
//!
//! Two rounds: the first judges each line by its own reading and its
//! neighbours'; the second judges it again knowing what the first made of
//! the lines around it, so that a short line amid the article stays and a
//! sentence amid a menu goes.

pub mod features;
pub mod model;

use std::sync::{Arc, LazyLock};

pub use features::{enough_furniture, furniture_share, furniture_share_reached, survey, survey_marked, Evidence, Marked, Survey, Table};
pub use model::{Cut, Fitted, Forest, Model, Node};

use crate::reading::prose::StopWords;
use crate::reading::Doc;

/// The model shipped with the engine, as `cargo xtask fit` wrote it.
static SHIPPED: LazyLock<Arc<Model>> = LazyLock::new(|| Arc::new(Model::from_json(include_str!("model.json")).unwrap_or_default()));

/// Whether `doc`, counting the furniture already cut from it, shows enough
/// page furniture to be a whole page's text: [`Survey::shows_furniture`] of
/// the text as it came, as near as can be told once rules have cut some of
/// it, and without the rest of the survey. The lines already cut may be
/// evidence enough without reading the others.
pub fn shows_furniture(doc: &Doc) -> bool {
    let cut = doc.furniture_cut();
    let lines = doc.lines().filter(|line| !line.is_blank()).count();
    if enough_furniture(cut, lines + cut, features::FURNITURE_SHARE) {
        return true;
    }
    let (furniture, lines) = features::furniture(doc, doc.stop_words());
    enough_furniture(furniture + cut, lines + cut, features::FURNITURE_SHARE)
}

/// The shipped model.
pub fn shipped() -> Arc<Model> {
    SHIPPED.clone()
}

/// How likely each non-blank line of `doc` is to be main text, with what it shows.
pub struct Judged {
    /// For each row, the index of its line among all the text's lines.
    pub lines: Vec<usize>,
    pub evidence: Vec<Evidence>,
    pub probabilities: Vec<f32>,
}

/// Rows judged at a time: their features fit in a core's cache, and a long
/// text's are never all held at once.
const ROWS_AT_ONCE: usize = 256;

/// Judges each non-blank line of `doc`, whose stop words are `stop`, with
/// `model`; `survey` is what [`survey`] read of them.
pub fn judge(doc: &Doc, survey: Survey, stop: StopWords, model: &Model) -> Judged {
    let rows = features::Rows::of(doc, survey, stop);
    let width = features::CONTEXT_FEATURES;
    let mut values = vec![0f32; ROWS_AT_ONCE.min(rows.len()) * width];
    // Each round walks its trees over a few rows at a time, the rows' values
    // filled in just before: the first round reads the first columns of
    // each row, the second all of them.
    let mut judge_round = |forest: &Forest, fill: &dyn Fn(usize, &mut [f32])| -> Vec<f32> {
        let mut probabilities = Vec::with_capacity(rows.len());
        for start in (0..rows.len()).step_by(ROWS_AT_ONCE) {
            let count = ROWS_AT_ONCE.min(rows.len() - start);
            let chunk = &mut values[..count * width];
            for (offset, row_values) in chunk.chunks_exact_mut(width).enumerate() {
                fill(start + offset, row_values);
            }
            probabilities.extend(forest.probabilities(chunk, width));
        }
        probabilities
    };
    let first = judge_round(&model.first, &|row, values| rows.fill(row, &mut values[..features::FEATURES]));
    let context = features::Context::of(&first);
    let probabilities = judge_round(&model.second, &|row, values| {
        rows.fill(row, &mut values[..features::FEATURES]);
        context.fill(row, &mut values[features::FEATURES..]);
    });
    let features::Rows { lines, evidence, .. } = rows;
    Judged { lines, evidence, probabilities }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads_and_was_fitted_to_these_features() {
        let model = Model::from_json(include_str!("model.json")).expect("the shipped model loads");
        assert!(!model.first.trees.is_empty() && !model.second.trees.is_empty());
        let cut_drawn = match model.cut {
            Cut::Threshold { threshold, relative } => threshold > 0.0 && threshold < 1.0 && relative > 0.0,
            Cut::ExpectedF1 { scale } => scale > 0.0,
        };
        assert!(cut_drawn, "{:?}", model.cut);
        assert!(!model.fitted.data.is_empty() && !model.fitted.cross_validated.is_empty());
    }
}

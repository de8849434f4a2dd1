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

pub use features::{survey, Evidence, Survey, Table};
pub use model::{Fitted, Forest, Model, Node};

use crate::prose::StopWords;
use crate::text::Doc;

/// The model shipped with the engine, as `cargo xtask fit` wrote it.
static SHIPPED: LazyLock<Arc<Model>> =
    LazyLock::new(|| Arc::new(Model::from_json(include_str!("model.json")).unwrap_or_default()));

/// The shipped model.
pub fn shipped() -> Arc<Model> {
    SHIPPED.clone()
}

/// The features of each non-blank line of `doc` and how likely each is to be main text.
pub struct Judged {
    pub table: Table,
    pub probabilities: Vec<f32>,
}

/// Judges each non-blank line of `doc`, whose stop words are `stop`, with
/// `model`; `survey` is what [`survey`] read of them.
pub fn judge(doc: &Doc, survey: Survey, stop: StopWords, model: &Model) -> Judged {
    let mut table = features::table_of(doc, survey, stop);
    // The first round reads the first columns of each row, the second all.
    let first = model.first.probabilities(&table.values, features::CONTEXT_FEATURES);
    features::add_context(&mut table, &first);
    let probabilities = model.second.probabilities(&table.values, features::CONTEXT_FEATURES);
    Judged { table, probabilities }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads_and_was_fitted_to_these_features() {
        let model = Model::from_json(include_str!("model.json")).expect("the shipped model loads");
        assert!(!model.first.trees.is_empty() && !model.second.trees.is_empty());
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        assert!(!model.fitted.data.is_empty() && !model.fitted.cross_validated.is_empty());
    }
}

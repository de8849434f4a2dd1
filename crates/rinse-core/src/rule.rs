//! What a rule is: its description, its parameters, and the changes it makes.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::edit::Change;
use crate::reading::Doc;
use crate::scorer::Model;

/// A cleaning rule. Each lives in its own file under `rules/`; the registry
/// lists them in the order they run.
pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;

    /// The changes this rule makes to the document's text, which is the
    /// output of the rules before it. Changes may come in any order; ones
    /// that overlap or do not fit the text are dropped.
    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change>;

    /// Whether the changes it makes to a line depend on that line alone, so
    /// that removing other lines never gives it more to do. The engine then
    /// skips it when a pass over the text only removed lines, and after it
    /// removed lines itself.
    fn line_local(&self) -> bool {
        false
    }

    /// Whether what it finds depends only on the lines that are not blank,
    /// so that removing blank lines never gives it more to do. The engine
    /// then skips it when a pass over the text only removed blank lines.
    fn blank_insensitive(&self) -> bool {
        false
    }
}

/// Everything a person (or the docs, the page and the CLI) needs to know
/// about a rule.
#[derive(Debug, Serialize)]
pub struct RuleInfo {
    /// Stable kebab-case id, used in configs, the diff and `--rules`.
    pub id: &'static str,
    pub name: &'static str,
    pub group: Group,
    /// One line: what it changes.
    pub summary: &'static str,
    /// Why it exists and where it stops.
    pub doc: &'static str,
    pub example: Example,
    pub params: &'static [ParamSpec],
    /// The presets that run this rule unless the config says otherwise.
    pub presets: &'static [Preset],
}

/// A doc example; every one runs as a test with the rule's default parameters.
#[derive(Debug, Serialize)]
pub struct Example {
    pub input: &'static str,
    pub output: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Repair,
    Normalize,
    Extract,
    Boilerplate,
    Dedup,
    Redact,
    Corpus,
    Custom,
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Repair => "Repair",
            Group::Normalize => "Normalize",
            Group::Extract => "Extract",
            Group::Boilerplate => "Boilerplate",
            Group::Dedup => "Duplicates",
            Group::Redact => "Redact",
            Group::Corpus => "Corpus",
            Group::Custom => "Custom",
        }
    }
}

/// A named set of rules for a kind of work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// For reading: the article and nothing else.
    #[default]
    Article,
    /// For building training corpora: article cleaning plus document filters.
    Corpus,
    /// Repairs only: broken characters mended, nothing removed nor re-spaced.
    Minimal,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Article, Preset::Corpus, Preset::Minimal];

    pub fn id(self) -> &'static str {
        match self {
            Preset::Article => "article",
            Preset::Corpus => "corpus",
            Preset::Minimal => "minimal",
        }
    }

    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn summary(self) -> &'static str {
        match self {
            Preset::Article => "the article and nothing else, for reading",
            Preset::Corpus => "article cleaning plus document filters, for training corpora",
            Preset::Minimal => "repairs only: broken characters mended, nothing removed nor re-spaced",
        }
    }
}

/// A parameter a rule takes, with its default.
#[derive(Debug, Serialize)]
pub struct ParamSpec {
    pub name: &'static str,
    pub doc: &'static str,
    pub default: ParamDefault,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ParamDefault {
    Bool(bool),
    Int(i64),
    Float(f64),
}

impl ParamDefault {
    fn to_value(self) -> Value {
        match self {
            ParamDefault::Bool(b) => Value::from(b),
            ParamDefault::Int(i) => Value::from(i),
            ParamDefault::Float(f) => Value::from(f),
        }
    }

    /// Checks a configured value against this parameter's type.
    pub(crate) fn accepts(self, value: &Value) -> bool {
        match self {
            ParamDefault::Bool(_) => value.is_boolean(),
            ParamDefault::Int(_) => value.is_i64(),
            ParamDefault::Float(_) => value.is_number(),
        }
    }
}

/// A rule's parameters as configured, every one present with a checked type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    values: BTreeMap<&'static str, Value>,
    /// The line model to judge lines with, when not the shipped one.
    line_model: Option<Arc<Model>>,
}

impl Params {
    pub(crate) fn defaults(specs: &'static [ParamSpec]) -> Params {
        Params { values: specs.iter().map(|s| (s.name, s.default.to_value())).collect(), line_model: None }
    }

    pub(crate) fn set(&mut self, name: &'static str, value: Value) {
        self.values.insert(name, value);
    }

    pub(crate) fn set_line_model(&mut self, model: Arc<Model>) {
        self.line_model = Some(model);
    }

    /// The line model a rule that judges lines uses: the shipped one unless the plan set another.
    pub fn line_model(&self) -> Arc<Model> {
        self.line_model.clone().unwrap_or_else(crate::scorer::shipped)
    }

    pub fn bool(&self, name: &str) -> bool {
        self.values.get(name).and_then(Value::as_bool).unwrap_or_default()
    }

    pub fn int(&self, name: &str) -> i64 {
        self.values.get(name).and_then(Value::as_i64).unwrap_or_default()
    }

    pub fn float(&self, name: &str) -> f64 {
        self.values.get(name).and_then(Value::as_f64).unwrap_or_default()
    }
}

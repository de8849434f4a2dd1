//! The one settings type, shared by the page (export, import, share link) and
//! the CLI (`--config`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::custom::{CompiledCustom, CustomRule, CUSTOM_ID};
use crate::edit::Change;
use crate::format::Output;
use crate::html::{Markdown, PageKind};
use crate::reading::Doc;
use crate::rule::{Group, Params, Preset, Rule};
use crate::rules::REGISTRY;

/// User rules run just before this rule, the final tidy-up.
const CUSTOM_RUNS_BEFORE: &str = "blank-lines";

/// What to run: a preset, and per-rule departures from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub preset: Preset,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleConfig>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomRule>,
    /// Flat text or Markdown.
    #[serde(skip_serializing_if = "is_default")]
    pub output: Output,
    /// The kind of page the inputs are, when known: page source is then
    /// read as of that kind, whatever it says of itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<PageKind>,
}

/// For settings left out of the JSON while they are their defaults.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One rule's settings; anything left out follows the preset and defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Value>,
}

impl RuleConfig {
    fn is_empty(&self) -> bool {
        self.enabled.is_none() && self.params.is_empty()
    }
}

/// Why a config cannot be used; each names the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Json(String),
    UnknownRule(String),
    UnknownParam { rule: String, param: String },
    BadParam { rule: String, param: String, expected: String },
    BadPattern { index: usize, name: String, message: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Json(msg) => write!(f, "config is not valid: {msg}"),
            ConfigError::UnknownRule(id) => write!(f, "rules.{id}: no rule has this id (see --list-rules)"),
            ConfigError::UnknownParam { rule, param } => {
                write!(f, "rules.{rule}.params.{param}: this rule has no such parameter")
            }
            ConfigError::BadParam { rule, param, expected } => {
                write!(f, "rules.{rule}.params.{param}: expected {expected}")
            }
            ConfigError::BadPattern { index, name, message } => {
                write!(f, "custom[{index}] \u{201c}{name}\u{201d}: {message}")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// The rules a config runs, in order, with their parameters.
pub struct Plan {
    pub steps: Vec<Step>,
    /// Whether cleaning also reports document signals and a verdict (the corpus preset).
    pub signals: bool,
    /// A clock to time each step by: cleaning then reports [`crate::Timings`].
    pub clock: Option<crate::timings::Clock>,
    /// How to write the output as Markdown, when it is Markdown.
    pub markdown: Option<Markdown>,
    /// The kind of page the inputs are, when set by hand.
    pub kind: Option<PageKind>,
}

pub enum Step {
    Builtin { rule: &'static dyn Rule, params: Params },
    Custom(CompiledCustom),
}

impl Step {
    /// The rule id its changes carry.
    pub fn id(&self) -> &'static str {
        match self {
            Step::Builtin { rule, .. } => rule.info().id,
            Step::Custom(_) => CUSTOM_ID,
        }
    }

    /// What kind of change it makes.
    pub fn group(&self) -> Group {
        match self {
            Step::Builtin { rule, .. } => rule.info().group,
            Step::Custom(_) => Group::Custom,
        }
    }

    /// Whether its changes to a line depend on that line alone.
    pub fn line_local(&self) -> bool {
        match self {
            Step::Builtin { rule, .. } => rule.line_local(),
            Step::Custom(_) => false,
        }
    }

    /// Whether what it finds depends only on the lines that are not blank.
    pub fn blank_insensitive(&self) -> bool {
        match self {
            Step::Builtin { rule, .. } => rule.blank_insensitive(),
            Step::Custom(_) => false,
        }
    }

    pub fn apply(&self, doc: &Doc) -> Vec<Change> {
        match self {
            Step::Builtin { rule, params } => rule.apply(doc, params),
            Step::Custom(custom) => custom.apply(doc.text()),
        }
    }
}

impl Plan {
    /// Judges lines with `model` in place of the shipped one (the fit task's
    /// cross-validation cleans each held-out page with its fold's model).
    pub fn judge_lines_with(&mut self, model: std::sync::Arc<crate::scorer::Model>) {
        for step in &mut self.steps {
            if let Step::Builtin { params, .. } = step {
                params.set_line_model(model.clone());
            }
        }
    }
}

impl Config {
    pub fn preset(preset: Preset) -> Config {
        Config { preset, ..Config::default() }
    }

    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(json).map_err(|e| ConfigError::Json(e.to_string()))?;
        config.plan()?;
        Ok(config)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether the rule runs under this config.
    pub fn is_enabled(&self, rule: &dyn Rule) -> bool {
        let info = rule.info();
        self.rules.get(info.id).and_then(|r| r.enabled).unwrap_or_else(|| info.presets.contains(&self.preset))
    }

    /// Turns a rule on or off, recording only what departs from the preset.
    pub fn set_enabled(&mut self, rule: &dyn Rule, enabled: bool) {
        let info = rule.info();
        let by_preset = info.presets.contains(&self.preset);
        let entry = self.rules.entry(info.id.to_string()).or_default();
        entry.enabled = (enabled != by_preset).then_some(enabled);
        if entry.is_empty() {
            self.rules.remove(info.id);
        }
    }

    /// Checks the config against the registry and lists what to run.
    pub fn plan(&self) -> Result<Plan, ConfigError> {
        for id in self.rules.keys() {
            if !REGISTRY.iter().any(|r| r.info().id == id) {
                return Err(ConfigError::UnknownRule(id.clone()));
            }
        }
        let mut custom = Vec::new();
        // A rule turned off is not compiled: it may be a draft.
        for (index, rule) in self.custom.iter().enumerate().filter(|(_, rule)| rule.enabled) {
            let compiled = rule.compile().map_err(|message| ConfigError::BadPattern { index, name: rule.name.clone(), message })?;
            custom.push(Step::Custom(compiled));
        }
        let mut steps = Vec::new();
        for &rule in REGISTRY {
            if rule.info().id == CUSTOM_RUNS_BEFORE {
                steps.append(&mut custom);
            }
            let info = rule.info();
            let mut params = Params::defaults(info.params);
            if let Some(settings) = self.rules.get(info.id) {
                for (name, value) in &settings.params {
                    let Some(spec) = info.params.iter().find(|s| s.name == name) else {
                        return Err(ConfigError::UnknownParam { rule: info.id.into(), param: name.clone() });
                    };
                    if !spec.default.accepts(value) {
                        return Err(ConfigError::BadParam {
                            rule: info.id.into(),
                            param: name.clone(),
                            expected: format!("a value like {}", serde_json::to_string(&spec.default).unwrap_or_default()),
                        });
                    }
                    params.set(spec.name, value.clone());
                }
            }
            if self.is_enabled(rule) {
                steps.push(Step::Builtin { rule, params });
            }
        }
        steps.append(&mut custom);
        Ok(Plan { steps, signals: self.preset == Preset::Corpus, clock: None, markdown: self.output.markdown(), kind: self.kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::find;

    #[test]
    fn the_default_config_is_the_article_preset_and_round_trips() {
        let config = Config::default();
        assert_eq!(config.preset, Preset::Article);
        assert_eq!(config.to_json().trim(), "{\n  \"preset\": \"article\"\n}");
        assert_eq!(Config::from_json(&config.to_json()), Ok(config));
    }

    #[test]
    fn a_page_kind_set_by_hand_round_trips_and_reaches_the_plan() {
        let config = Config::from_json(r#"{"kind": "listing"}"#).unwrap();
        assert_eq!(config.kind, Some(PageKind::Listing));
        assert!(config.to_json().contains("\"kind\": \"listing\""));
        assert_eq!(Config::from_json(&config.to_json()), Ok(config.clone()));
        assert_eq!(config.plan().unwrap().kind, Some(PageKind::Listing));
        assert!(Config::from_json(r#"{"kind": "blog"}"#).unwrap_err().to_string().contains("unknown variant `blog`"));
    }

    #[test]
    fn toggling_back_to_the_preset_leaves_no_trace() {
        let rule = find("duplicate-paragraphs").unwrap();
        let mut config = Config::default();
        config.set_enabled(rule, false);
        assert!(!config.is_enabled(rule));
        assert!(config.to_json().contains("\"enabled\": false"));
        config.set_enabled(rule, true);
        assert_eq!(config, Config::default());
    }

    #[test]
    fn errors_name_the_field() {
        let err = |json| Config::from_json(json).unwrap_err().to_string();
        assert!(err(r#"{"preset":"nope"}"#).contains("unknown variant `nope`"));
        assert!(err(r#"{"colour":1}"#).contains("unknown field `colour`"));
        assert_eq!(err(r#"{"rules":{"no-such-rule":{}}}"#), "rules.no-such-rule: no rule has this id (see --list-rules)");
        assert_eq!(
            err(r#"{"rules":{"duplicate-paragraphs":{"params":{"size":3}}}}"#),
            "rules.duplicate-paragraphs.params.size: this rule has no such parameter"
        );
        assert_eq!(
            err(r#"{"rules":{"duplicate-paragraphs":{"params":{"min_chars":"x"}}}}"#),
            "rules.duplicate-paragraphs.params.min_chars: expected a value like 20"
        );
        assert!(err(r#"{"custom":[{"name":"x","pattern":"("}]}"#).starts_with("custom[0] \u{201c}x\u{201d}: regex parse error"));
        assert!(err(r#"{"custom":[{"name":"x","pattern":"a","action":"explode"}]}"#).contains("unknown variant `explode`"));
    }

    #[test]
    fn custom_rules_run_before_the_final_tidy() {
        let config = Config::from_json(r#"{"custom":[{"name":"drop ads","pattern":"^AD ","action":"drop-line"}]}"#).unwrap();
        let ids: Vec<&str> = config.plan().unwrap().steps.iter().map(Step::id).collect();
        assert_eq!(&ids[ids.len() - 2..], ["custom", "blank-lines"]);
        let cleaned = crate::clean_with("Keep this.\n\nAD buy now\n\nAnd this.\n", &config).unwrap();
        assert_eq!(cleaned.text, "Keep this.\n\nAnd this.\n");
        assert_eq!(cleaned.counts.get("custom"), Some(&1));
    }
}

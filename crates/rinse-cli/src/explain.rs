//! Human-readable output: the rule list and the explained changes.

use std::fmt::Write;

use rinse_core::rules::REGISTRY;
use rinse_core::{Edit, EditKind};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// The registry as text: every rule in run order, with its docs and example.
pub fn rule_list() -> String {
    let mut out = String::new();
    for rule in REGISTRY {
        let info = rule.info();
        let presets: Vec<&str> = info.presets.iter().map(|p| p.id()).collect();
        let presets = if presets.is_empty() { "off by default".to_string() } else { presets.join(", ") };
        let _ = writeln!(out, "{}  [{}] {} ({})", info.id, info.group.label(), info.name, presets);
        let _ = writeln!(out, "    {}", info.summary);
        let _ = writeln!(out, "    {}", info.doc);
        for param in info.params {
            let default = serde_json::to_string(&param.default).unwrap_or_default();
            let _ = writeln!(out, "    param {} = {}: {}", param.name, default, param.doc);
        }
        let _ = writeln!(out, "    example: {:?}\n          -> {:?}\n", info.example.input, info.example.output);
    }
    out
}

/// One line per edit: where, which rules, what, why.
pub fn changes(name: &str, original: &str, edits: &[Edit], colour: bool) -> String {
    let paint = |code: &'static str| if colour { code } else { "" };
    let mut out = String::new();
    for edit in edits {
        let line = original[..edit.start].matches('\n').count() + 1;
        let removed = &original[edit.start..edit.end];
        let what = match edit.kind() {
            EditKind::Delete => format!("{}-{:?}{}", paint(RED), shorten(removed), paint(RESET)),
            EditKind::Insert => format!("{}+{:?}{}", paint(GREEN), shorten(&edit.replacement), paint(RESET)),
            EditKind::Replace => format!(
                "{}-{:?}{} {}+{:?}{}",
                paint(RED),
                shorten(removed),
                paint(RESET),
                paint(GREEN),
                shorten(&edit.replacement),
                paint(RESET)
            ),
        };
        let _ = writeln!(
            out,
            "{name}:{line}: {}{}{} {what} {}({}){}",
            paint(CYAN),
            edit.rules().join("+"),
            paint(RESET),
            paint(DIM),
            edit.reason,
            paint(RESET)
        );
    }
    out
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let head: String = text.chars().take(MAX - 1).collect();
    head + "…"
}

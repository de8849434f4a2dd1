use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// ANSI escape sequences: CSI (colours, cursor moves), OSC (titles, links) and two-byte escapes.
static ESCAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]").unwrap());

/// Terminal colour and cursor codes left in text.
pub struct TerminalEscapes;

static INFO: RuleInfo = RuleInfo {
    id: "terminal-escapes",
    name: "Terminal escape codes",
    group: Group::Repair,
    summary: "Removes terminal colour and cursor codes (ESC[31m and the like).",
    doc: "Logs and console output copied into pages carry ANSI escape sequences. Whole sequences \
          are removed (control sequences, operating-system commands such as titles and links, \
          two-character escapes) so no \"[31m\" is left behind once the escape character is gone.",
    example: Example { input: "\u{1b}[1;31mError:\u{1b}[0m disk full", output: "Error: disk full" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for TerminalEscapes {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        if !text.contains('\u{1b}') {
            return Vec::new();
        }
        ESCAPE.find_iter(text).map(|m| Change::delete(m.range(), "terminal escape code")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_whole_sequences() {
        assert_eq!(run(&TerminalEscapes, "\u{1b}]0;title\u{7}ok \u{1b}[2K\u{1b}[1Gdone"), "ok done");
    }

    #[test]
    fn keeps_brackets_without_escapes() {
        let text = "Array[31m] and [0m] are not codes";
        assert_eq!(run(&TerminalEscapes, text), text);
    }
}

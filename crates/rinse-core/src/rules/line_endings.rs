use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Windows (`\r\n`) and old Mac (`\r`) line breaks become `\n`.
pub struct LineEndings;

static INFO: RuleInfo = RuleInfo {
    id: "line-endings",
    name: "Line endings",
    group: Group::Normalize,
    summary: "Turns \\r\\n and lone \\r line breaks into \\n.",
    doc: "Text copied from Windows programs or old files mixes line-break styles; every later rule \
          works on lines split at \\n, so all breaks become \\n first.",
    example: Example { input: "one\r\ntwo\rthree", output: "one\ntwo\nthree" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for LineEndings {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let bytes = text.as_bytes();
        let mut changes = Vec::new();
        for (i, _) in text.match_indices('\r') {
            if bytes.get(i + 1) == Some(&b'\n') {
                changes.push(Change::delete(i..i + 1, "Windows line break"));
            } else {
                changes.push(Change::replace(i..i + 1, "\n", "old Mac line break"));
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn mixed_breaks_become_newlines() {
        assert_eq!(run(&LineEndings, "a\r\n\r\nb\r"), "a\n\nb\n");
    }

    #[test]
    fn unix_text_is_left_alone() {
        assert_eq!(run(&LineEndings, "a\nb\n"), "a\nb\n");
    }
}

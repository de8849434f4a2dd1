use crate::edit::Change;
use crate::reading::phrases::{normalize, PhraseList};
use crate::reading::{Doc, Line, PHRASE_MAX_WORDS};
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Longest disclaimer paragraph, in words.
const MAX_WORDS: usize = 200;

/// Legal disclaimers that publishers and aggregators append.
pub struct Disclaimer;

static INFO: RuleInfo = RuleInfo {
    id: "disclaimer",
    name: "Legal disclaimers",
    group: Group::Boilerplate,
    summary: "Removes publishers' legal disclaimers (\"provided as is without warranty…\").",
    doc: "Aggregators append a disclaimer to every story. A \"Disclaimer:\" heading goes with the \
          paragraphs after it that hold disclaimer language (\"as is\", \"without warranty\", \"no \
          liability\", \"views expressed\"). Without a heading, a paragraph goes only when it holds \
          at least three such phrases and stands in the last third of the text, so an article that \
          quotes one phrase is kept.",
    example: Example {
        input: "Shares rose 2%.\nDisclaimer:\nThe publisher provides this content \"as is\" without warranty of any kind.\n",
        output: "Shares rose 2%.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Disclaimer {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let lines: Vec<Line> = doc.lines().collect();
        let (words, hits) = (doc.word_counts(), doc.phrase_hits());
        let phrases = PhraseList::Disclaimer.file();
        // Disclaimers run long: lines past the shared limit are normalised here.
        let evidence = |i: usize| match words[i] {
            n if n <= PHRASE_MAX_WORDS && hits[i].has(&phrases.strong) => phrases.strong.count_contained(&doc.normalized(i)),
            n if n <= PHRASE_MAX_WORDS => 0,
            n if n <= MAX_WORDS => phrases.strong.count_contained(&normalize(lines[i].text)),
            _ => 0,
        };
        let mut changes = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let heading = words[i] <= 6 && hits[i].has(&phrases.heading);
            if heading {
                let mut end = i + 1;
                while end < lines.len() && (lines[end].is_blank() || evidence(end) > 0) {
                    end += 1;
                }
                while end > i + 1 && lines[end - 1].is_blank() {
                    end -= 1;
                }
                if end > i + 1 {
                    changes.push(Change::delete(line.start..lines[end - 1].next, "legal disclaimer"));
                    i = end;
                    continue;
                }
            } else if line.end * 3 >= text.len() * 2 && evidence(i) >= 3 {
                changes.push(Change::delete(line.full(), "legal disclaimer"));
            }
            i += 1;
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_a_late_disclaimer_without_a_heading() {
        let text = "Para one.\nPara two.\nThe views expressed are the author's own; the site accepts no liability and gives no warranty.\n";
        assert_eq!(run(&Disclaimer, text), "Para one.\nPara two.\n");
    }

    #[test]
    fn keeps_prose_and_a_heading_without_disclaimer_text() {
        let text = "The house was sold as is, the agent said.\nDisclaimer\nThe word comes from old French.\n";
        assert_eq!(run(&Disclaimer, text), text);
    }
}

use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// "Advertisement", "Sponsored", "Story continues below advertisement".
pub struct Advertisement;

static INFO: RuleInfo = RuleInfo {
    id: "advertisement",
    name: "Advertising labels",
    group: Group::Boilerplate,
    summary: "Removes ad slot labels such as \"Advertisement\" and \"Story continues below advertisement\".",
    doc: "Ad slots render as a label on a line of its own, often in the middle of the article. Only \
          lines that are exactly such a label are removed.",
    example: Example { input: "The first half.\nAdvertisement\nThe second half.\n", output: "The first half.\nThe second half.\n" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Advertisement {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let notice = Notice {
            phrases: PhraseList::Advertisement.file(),
            max_words: 8,
            alone_max_words: 8,
            weak_run: 0,
            reason: "advertising label",
        };
        notice_changes(doc, &notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_labels() {
        assert_eq!(run(&Advertisement, "A.\nADVERTISEMENT\nStory continues below advertisement\nB.\n"), "A.\nB.\n");
    }

    #[test]
    fn keeps_prose_about_advertising() {
        let text = "Advertising revenue fell by a third.\nThe ad was sponsored by the council.\n";
        assert_eq!(run(&Advertisement, text), text);
    }
}

use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// "Read more", "Continue reading" and similar link labels.
pub struct ReadMore;

static INFO: RuleInfo = RuleInfo {
    id: "read-more",
    name: "Read-more links",
    group: Group::Boilerplate,
    summary: "Removes \"Read more\", \"Continue reading\" and \"Load more\" link labels.",
    doc: "Teasers and pagers leave link labels on lines of their own. Only short lines that are \
          such a label, or start with one (\"Read more: …\"), are removed; a sentence that uses the \
          words is kept.",
    example: Example {
        input: "The vote is on Sunday.\nRead more\nContinue reading: Why the vote matters\n",
        output: "The vote is on Sunday.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for ReadMore {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let notice =
            Notice { phrases: PhraseList::ReadMore.file(), max_words: 15, alone_max_words: 15, weak_run: 0, reason: "read-more link" };
        notice_changes(doc, &notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_labels_in_several_languages() {
        assert_eq!(run(&ReadMore, "Text.\nWeiterlesen\nLire la suite\n» Read more\n"), "Text.\n");
    }

    #[test]
    fn keeps_sentences_that_use_the_words() {
        let text = "Read more books, the doctor said, and sleep longer.\nShe told us to read on.\n";
        assert_eq!(run(&ReadMore, text), text);
    }
}

use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// "Share this article", "Follow us on", and rows of network names.
pub struct SharePrompts;

static INFO: RuleInfo = RuleInfo {
    id: "share-prompts",
    name: "Share and follow prompts",
    group: Group::Boilerplate,
    summary: "Removes share and follow prompts and runs of social network names.",
    doc: "Share bars turn into lines such as \"Share this article\", \"Follow us on Twitter and \
          Facebook\" or a column of network names. A prompt phrase on a short line goes with the \
          labels beside it; three or more network names in a row go on their own. A single word \
          like \"Twitter\" inside the text is kept.",
    example: Example {
        input: "Share this article\nFacebook\nTwitter\nThe mayor resigned on Friday.\nFollow us on Twitter and Facebook\n",
        output: "The mayor resigned on Friday.\n",
    },
    params: &[ParamSpec { name: "max_words", doc: "Longest line, in words, that can be a share prompt.", default: ParamDefault::Int(15) }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for SharePrompts {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let notice = Notice {
            phrases: PhraseList::SharePrompts.file(),
            max_words: params.int("max_words").max(1) as usize,
            alone_max_words: 10,
            weak_run: 3,
            reason: "share or follow prompt",
        };
        notice_changes(doc, &notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_rows_of_networks() {
        assert_eq!(run(&SharePrompts, "Text.\nFacebook\nTwitter\nLinkedIn\nEmail\nMore text.\n"), "Text.\nMore text.\n");
    }

    #[test]
    fn keeps_networks_named_in_prose() {
        let text = "She shared the video on Twitter.\nTwitter\nFollow us on the trail of the old railway, which we walked last summer with friends from the valley and their dogs.\n";
        assert_eq!(run(&SharePrompts, text), text);
    }
}

use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// Newsletter sign-up boxes.
pub struct NewsletterPrompts;

static INFO: RuleInfo = RuleInfo {
    id: "newsletter-prompts",
    name: "Newsletter prompts",
    group: Group::Boilerplate,
    summary: "Removes newsletter sign-up prompts and their form labels.",
    doc: "Sign-up boxes leave a pitch (\"Get the latest news delivered to your inbox\") and form \
          labels (\"Email address\", \"Subscribe\"). The pitch goes when it is a short line, and the \
          labels beside it with it. A report that mentions a newsletter in a sentence is kept.",
    example: Example {
        input: "Prices fell again.\nSign up for our newsletter\nEmail address\nSubscribe\n",
        output: "Prices fell again.\n",
    },
    params: &[ParamSpec {
        name: "max_words",
        doc: "Longest line, in words, that can be a sign-up prompt.",
        default: ParamDefault::Int(30),
    }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for NewsletterPrompts {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let notice = Notice {
            phrases: PhraseList::NewsletterPrompts.file(),
            max_words: params.int("max_words").max(1) as usize,
            alone_max_words: 20,
            weak_run: 0,
            reason: "newsletter sign-up prompt",
        };
        notice_changes(doc, &notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_a_pitch_in_the_middle() {
        let text = "First.\nGet the latest news delivered straight to your inbox every morning.\nSecond.\n";
        assert_eq!(run(&NewsletterPrompts, text), "First.\nSecond.\n");
    }

    #[test]
    fn keeps_reporting_about_newsletters() {
        let text = "The company said more than a million readers now subscribe to its newsletter, which began as a weekly email from the founder to a few dozen friends.\nSubscribe\n";
        assert_eq!(run(&NewsletterPrompts, text), text);
    }
}

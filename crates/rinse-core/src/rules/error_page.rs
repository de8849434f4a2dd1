use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// Residue of an HTTP error or bot-check page saved along with the article.
pub struct ErrorPage;

static INFO: RuleInfo = RuleInfo {
    id: "error-page",
    name: "Error-page residue",
    group: Group::Boilerplate,
    summary: "Removes the text of HTTP error and bot-check pages (\"404 Not Found\", \"Sorry!!\").",
    doc: "Scrapers that follow a redirect or retry a failed fetch often save the error page's text \
          with the article. A line is evidence when it holds a known error phrase (\"the page you were \
          looking for\", \"403 Forbidden\", \"verify you are human\"), even when the phrase is broken \
          across two short lines. Bare status codes and words like \"Sorry\" or \"Go back\" go only \
          together with such evidence. A lone sentence inside the text that merely mentions an error \
          is kept unless it is short.",
    example: Example {
        input: "404\nSorry!\nThe page you were looking for doesn't exist.\nCity opens new library\nThe library opened on Monday.\n",
        output: "City opens new library\nThe library opened on Monday.\n",
    },
    params: &[ParamSpec { name: "max_words", doc: "Longest line, in words, that can be error-page text.", default: ParamDefault::Int(30) }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for ErrorPage {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let notice = Notice {
            phrases: PhraseList::ErrorPage.file(),
            max_words: params.int("max_words").max(1) as usize,
            alone_max_words: 15,
            weak_run: 0,
            reason: "error-page text, not part of the document",
        };
        notice_changes(doc, &notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_error_residue_wherever_it_stands() {
        let text = "Storm closes ports\nThe ports closed at noon.\n404 Not Found\nThe requested URL was not found on this server.\n";
        assert_eq!(run(&ErrorPage, text), "Storm closes ports\nThe ports closed at noon.\n");
        assert_eq!(run(&ErrorPage, "Oops!\nPage not found\nGo back\nReal text here.\n"), "Real text here.\n");
    }

    #[test]
    fn keeps_prose_about_errors_and_lone_status_words() {
        let text = "Engineers said the outage began when the server returned an internal server error to every visitor for an hour.\n\
                    Sorry\n404\nThe committee will meet again in May.\n";
        assert_eq!(run(&ErrorPage, text), text);
        // A paragraph of Chinese is one "word" between blanks, but long.
        let chinese =
            "工程师说，故障开始时服务器对每一位访问者都显示页面不存在，持续了整整一个小时，之后才恢复正常。\n委员会将在五月再次开会。\n";
        assert_eq!(run(&ErrorPage, chinese), chinese);
    }
}

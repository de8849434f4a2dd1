use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// Cookie and consent banners, with their buttons.
pub struct CookieNotice;

static INFO: RuleInfo = RuleInfo {
    id: "cookie-notice",
    name: "Cookie notices",
    group: Group::Boilerplate,
    summary: "Removes cookie and consent banners and their buttons (\"OK\", \"Accept all\").",
    doc: "Consent banners are part of nearly every page's visible text. A line is a notice when it \
          holds a consent phrase (\"we use cookies\", \"by continuing to browse\", \"accept all \
          cookies\", and the same in German, French and Spanish) and is not long prose; the short \
          button labels next to it go with it. An article about cookies or privacy law keeps its \
          sentences, which are longer and do not stand apart.",
    example: Example {
        input:
            "Rail fares rise in March\nThis website uses cookies. By using it you agree to our cookie policy.\nOK\nFares will rise by 3%.\n",
        output: "Rail fares rise in March\nFares will rise by 3%.\n",
    },
    params: &[ParamSpec { name: "max_words", doc: "Longest line, in words, that can be a cookie notice.", default: ParamDefault::Int(60) }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for CookieNotice {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let notice = Notice {
            phrases: PhraseList::CookieNotice.file(),
            max_words: params.int("max_words").max(1) as usize,
            alone_max_words: 40,
            weak_run: 0,
            reason: "cookie or consent notice",
        };
        notice_changes(doc, &notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_banners_in_several_languages() {
        let text = "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.\nAlle akzeptieren\nAblehnen\nDer Text.\n";
        assert_eq!(run(&CookieNotice, text), "Der Text.\n");
        assert_eq!(run(&CookieNotice, "Intro.\nWe use cookies to improve your experience.\nMore text.\n"), "Intro.\nMore text.\n");
    }

    #[test]
    fn keeps_prose_about_cookies_and_privacy() {
        let text = "The regulator found that many companies still ignore the rules on consent, and that banners \
                    telling visitors we use cookies to improve your experience are rarely read by anyone at all, \
                    according to a survey of two thousand people across nine countries published on Tuesday.\n\
                    Grandma's cookies were the best in town, and her privacy policy was simple: never tell the recipe.\n";
        assert_eq!(run(&CookieNotice, text), text);
    }
}

use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// The blocks of an HTML page that are not its main content.
pub struct HtmlMainContent;

static INFO: RuleInfo = RuleInfo {
    id: "html-main-content",
    name: "Main content of a page",
    group: Group::Extract,
    summary: "For HTML input, removes the blocks of the page outside its article: menus, sidebars, footers, link lists.",
    doc: "Works on the page's structure, so it applies only to HTML input (page source pasted or an \
          .html file). Every paragraph adds to the score of the containers around it, more for \
          length and commas and less for text inside links; class and id names such as 'article' \
          or 'sidebar' weigh in, and landmarks (<nav>, <aside>, <footer>, navigation roles), \
          consent panels and modal dialogs never count as content. The best-scoring container and the siblings that score near it are \
          the article; inside it, blocks that are mostly links, more list items than paragraphs, \
          form fields or images without text go again, as do the byline and a headline that \
          repeats the page title. When the result is too short to be an article, the hints are \
          relaxed one by one. Each removed block names its reason, e.g. \"inside <nav>\" or \
          \"class contains 'sidebar'\".",
    example: Example {
        input: "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
                <article><p>The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday, once the water board had checked them.</p>\
                <p>Residents who had left their homes were told that they could return on Saturday, and that the shelters in the school would close.</p></article>\
                <footer>© Valley Post</footer></body></html>",
        output: "The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday, once the water board had checked them.\n\
                 Residents who had left their homes were told that they could return on Saturday, and that the shelters in the school would close.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for HtmlMainContent {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let Some(dropped) = doc.page_dropped() else { return Vec::new() };
        dropped.iter().map(|block| Change::delete(block.range.clone(), block.reason.clone())).collect()
    }
}

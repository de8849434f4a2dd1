//! A parsed page as a flat, read-only tree: nodes in document order, each
//! subtree a contiguous range, so every walk over it is a loop, not a
//! recursion, whatever the depth.

use html5ever::driver::ParseOpts;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::node::Element as ParsedElement;
use scraper::{Html, HtmlTreeSink, Node as ParsedNode};

use super::flatten::flatten_deep_nesting;

/// Elements whose content is never visible text. They stay in the tree as
/// empty leaves, since embeds and form fields tell what kind of block holds them.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select", "option",
    "datalist", "button", "input", "textarea",
];

pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
    /// The text of the `<title>` element, folded.
    pub title: String,
    /// The page's structured data says it is a discussion: a forum thread
    /// or a question with its answers.
    pub discussion: bool,
}

pub struct Node<'a> {
    pub parent: Option<usize>,
    /// One past the last node of this node's subtree.
    pub end: usize,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
    Document,
    Element(Element<'a>),
    Text(&'a str),
}

pub struct Element<'a> {
    pub tag: &'a str,
    /// `class` and `id` as written: compare them ignoring case.
    pub class: &'a str,
    pub id: &'a str,
    pub role: Option<&'a str>,
    /// Whether the element's content can show: false for scripts, form
    /// fields and hidden elements, which keep no children here.
    pub shown: bool,
    /// An `<a>` whose target is on the same page (`#…`).
    pub local_link: bool,
    /// Marked up as the author's name (`rel=author`, `itemprop=author`).
    pub author: bool,
    /// A table that says it is data (`summary`) or layout (`role=presentation`, `datatable=0`).
    pub table_hint: Option<bool>,
    /// The element as parsed, for the attributes only some readers need.
    pub parsed: &'a ParsedElement,
}

/// Parses `html` as a browser with scripts off would, pathological nesting
/// flattened first: a saved page is read without running it, so what it
/// holds in `<noscript>` is markup, not raw text.
pub fn parse(html: &str) -> Html {
    let options =
        ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..TreeBuilderOpts::default() }, ..ParseOpts::default() };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(&*flatten_deep_nesting(html))
}

impl<'a> Dom<'a> {
    /// A view of a parsed page; it borrows the page's text, copying none.
    pub fn new(parsed: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<Node> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        // The parsed node whose subtree is left out, while inside it.
        let mut skipping = None;
        let mut title = String::new();
        let content_noscripts = content_noscripts(parsed);
        for edge in parsed.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    let kind = match node.value() {
                        ParsedNode::Document => Kind::Document,
                        ParsedNode::Element(element) => {
                            let mut element = convert(element);
                            if element.tag == "noscript" {
                                element.shown = content_noscripts.contains(&node.id());
                            }
                            if title.is_empty() && matches!(element.tag, "head" | "title") {
                                title = title_text(node);
                            }
                            if !element.shown {
                                skipping = Some(node.id());
                            }
                            Kind::Element(element)
                        }
                        ParsedNode::Text(text) => Kind::Text(text),
                        _ => {
                            // Comments, doctypes and the like: nothing to read.
                            skipping = Some(node.id());
                            continue;
                        }
                    };
                    let index = nodes.len();
                    nodes.push(Node { parent: open.last().copied(), end: index + 1, kind });
                    open.push(index);
                }
                ego_tree::iter::Edge::Close(node) => {
                    if let Some(skipped) = skipping {
                        if skipped != node.id() {
                            continue;
                        }
                        skipping = None;
                        if !matches!(node.value(), ParsedNode::Element(_)) {
                            continue;
                        }
                    }
                    if let Some(index) = open.pop() {
                        nodes[index].end = nodes.len();
                    }
                }
            }
        }
        Dom { nodes, title: title.split_whitespace().collect::<Vec<_>>().join(" "), discussion: says_discussion(parsed) }
    }

    pub fn element(&self, node: usize) -> Option<&Element<'a>> {
        match &self.nodes[node].kind {
            Kind::Element(element) => Some(element),
            _ => None,
        }
    }

    pub fn tag(&self, node: usize) -> &str {
        self.element(node).map_or("", |e| e.tag)
    }

    /// The text nodes' texts in `node`'s subtree, in order.
    pub fn texts(&self, node: usize) -> impl Iterator<Item = &'a str> + '_ {
        self.nodes[node..self.nodes[node].end].iter().filter_map(|n| match n.kind {
            Kind::Text(text) => Some(text),
            _ => None,
        })
    }

    /// The children of `node`, in order.
    pub fn children(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[node].end;
        let within = move |child: usize| (child < end).then_some(child);
        std::iter::successors(within(node + 1), move |&child| within(self.nodes[child].end))
    }

    /// The ancestors of `node`, nearest first.
    pub fn ancestors(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[node].parent, move |&a| self.nodes[a].parent)
    }

    /// The first `<body>`, or the document when there is none.
    pub fn body(&self) -> usize {
        (0..self.nodes.len()).find(|&n| self.tag(n) == "body").unwrap_or(0)
    }
}

fn convert(element: &ParsedElement) -> Element<'_> {
    let tag = element.name();
    let table_hint = (tag == "table")
        .then(|| {
            if element.attr("role") == Some("presentation") || element.attr("datatable") == Some("0") {
                Some(false)
            } else {
                element.attr("summary").map(|_| true)
            }
        })
        .flatten();
    Element {
        shown: !SKIPPED.contains(&tag) && !is_hidden(element),
        class: element.attr("class").unwrap_or(""),
        id: element.attr("id").unwrap_or(""),
        role: element.attr("role").map(str::trim),
        local_link: tag == "a" && element.attr("href").is_some_and(|h| h.starts_with('#')),
        author: element.attr("rel") == Some("author") || element.attr("itemprop").is_some_and(|p| p.contains("author")),
        table_hint,
        tag,
        parsed: element,
    }
}

/// The `<noscript>` elements that hold the page's content: those holding
/// more words than the rest of the page. Pages built by scripts (forum
/// software, say) put the whole page there for readers without them and
/// show next to nothing else; other pages keep a note asking for scripts,
/// a consent form or a tracking image there, beside content of their own.
fn content_noscripts(parsed: &Html) -> Vec<ego_tree::NodeId> {
    let noscripts: Vec<_> = parsed
        .tree
        .nodes()
        .filter(|node| node.value().as_element().is_some_and(|e| e.name() == "noscript"))
        .map(|node| (node.id(), words_in(node)))
        .filter(|&(_, words)| words > 0)
        .collect();
    if noscripts.is_empty() {
        return Vec::new();
    }
    let all = words_in(parsed.tree.root());
    let inside: usize = noscripts.iter().map(|&(_, words)| words).sum();
    let outside = all.saturating_sub(inside);
    noscripts.into_iter().filter(|&(_, words)| words > outside).map(|(id, _)| id).collect()
}

/// Words of text in `node`'s subtree, outside scripts and styles.
fn words_in(node: ego_tree::NodeRef<'_, ParsedNode>) -> usize {
    let mut words = 0;
    let mut skipping = 0usize;
    for edge in node.traverse() {
        let (ego_tree::iter::Edge::Open(n) | ego_tree::iter::Edge::Close(n)) = edge;
        let opens = matches!(edge, ego_tree::iter::Edge::Open(_));
        match n.value() {
            ParsedNode::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                skipping = if opens { skipping + 1 } else { skipping.saturating_sub(1) };
            }
            ParsedNode::Text(text) if opens && skipping == 0 => words += text.split_whitespace().count(),
            _ => {}
        }
    }
    words
}

/// The text of the first `<title>` in `node`'s subtree.
/// Schema.org types of a page that is a discussion.
const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];

/// Whether the page's JSON-LD or microdata gives it a discussion's type.
fn says_discussion(parsed: &Html) -> bool {
    let names_discussion = |text: &str| DISCUSSION_TYPES.iter().any(|t| text.contains(t));
    parsed.tree.root().descendants().any(|node| {
        let Some(element) = node.value().as_element() else { return false };
        if element.attr("itemtype").is_some_and(names_discussion) {
            return true;
        }
        element.name() == "script"
            && element.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
            && node.children().filter_map(|c| c.value().as_text()).any(|text| names_discussion(text))
    })
}

fn title_text(node: ego_tree::NodeRef<'_, ParsedNode>) -> String {
    let Some(title) = node.descendants().find(|d| d.value().as_element().is_some_and(|e| e.name() == "title")) else {
        return String::new();
    };
    title.children().filter_map(|c| c.value().as_text()).map(|t| &**t).collect()
}

fn is_hidden(element: &ParsedElement) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_data_tells_a_discussion() {
        let discussion = |html: &str| Dom::new(&parse(html)).discussion;
        let json_ld = |kind: &str| {
            format!("<html><head><script type=\"application/ld+json\">{{\"@type\": \"{kind}\", \"name\": \"Glaze\"}}</script></head><body><p>Text</p></body></html>")
        };
        assert!(discussion(&json_ld("DiscussionForumPosting")));
        assert!(discussion(&json_ld("QAPage")));
        assert!(!discussion(&json_ld("NewsArticle")));
        assert!(discussion("<div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\"><p>First post</p></div>"));
        // Words in the text are not structured data.
        assert!(!discussion("<p>A DiscussionForumPosting is a schema.org type.</p>"));
        assert!(!discussion("<script>var kind = \"QAPage\";</script><p>Text</p>"));
    }

    #[test]
    fn subtrees_are_ranges_and_hidden_content_is_left_out() {
        let parsed = parse("<title> A  page </title><div id=Main><p>one<b>two</b></p><script>x()</script><p hidden>no</p></div>");
        let dom = Dom::new(&parsed);
        assert_eq!(dom.title, "A page");
        let div = (0..dom.nodes.len()).find(|&n| dom.tag(n) == "div").unwrap();
        assert_eq!(dom.element(div).unwrap().id, "Main");
        let children: Vec<&str> = dom.children(div).map(|c| dom.tag(c)).collect();
        assert_eq!(children, ["p", "script", "p"]);
        let texts: Vec<&str> = (div..dom.nodes[div].end)
            .filter_map(|n| match &dom.nodes[n].kind {
                Kind::Text(t) => Some(*t),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["one", "two"]);
        let b = (0..dom.nodes.len()).find(|&n| dom.tag(n) == "b").unwrap();
        assert_eq!(dom.ancestors(b).map(|a| dom.tag(a)).collect::<Vec<_>>(), ["p", "div", "body", "html", ""]);
    }
}

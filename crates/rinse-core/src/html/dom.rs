//! A parsed page as a flat, read-only tree: nodes in document order, each
//! subtree a contiguous range, so every walk over it is a loop, not a
//! recursion, whatever the depth.

use html5ever::driver::ParseOpts;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::node::Element as ParsedElement;
use scraper::{Html, HtmlTreeSink, Node as ParsedNode};

use super::code;
use super::flatten;
use super::kind::{self, KindFound};

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
    /// The page's kind, as its schema.org types say or as set by hand.
    pub kind: Option<KindFound>,
    /// The kind its `og:type` says, weaker evidence than its address.
    pub open_graph_kind: Option<KindFound>,
    /// The language each `<pre>` block's markup names, by node.
    pub code_languages: FxHashMap<usize, String>,
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
    /// A button that opens a folded panel ([`is_disclosure`]): its text is
    /// the panel's heading, not a control's label.
    pub disclosure: bool,
    /// An `<a>` whose target is on the same page (`#…`).
    pub local_link: bool,
    /// Marked up as the author's name (`rel=author`, `itemprop=author`).
    pub author: bool,
    /// A table that says it is data (`summary`) or layout (`role=presentation`, `datatable=0`).
    pub table_hint: Option<bool>,
    /// A modal dialog over the page: a `<dialog>`, or marked `aria-modal`.
    /// Not every `role=dialog`: without `aria-modal` that is as often a
    /// panel that unfolds in place (a price's terms, a size guide), whose
    /// text the page means to show.
    pub modal: bool,
    /// Lays its children out as a row or grid of boxes ([`displays_of`]).
    pub lays_out_boxes: bool,
    /// A box of its own beside its siblings, whatever its tag: displayed
    /// as a block by its classes or style, or a flex or grid item (its
    /// parent [`Element::lays_out_boxes`]).
    pub box_item: bool,
    /// The element as parsed, for the attributes only some readers need.
    pub parsed: &'a ParsedElement,
}

/// Parses `html` as a browser with scripts off would, pathological nesting
/// flattened first and scripts' code left out ([`flatten::prepare`]): a
/// saved page is read without running it, so what it holds in `<noscript>`
/// is markup, not raw text.
pub fn parse(html: &str) -> Html {
    let options =
        ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..TreeBuilderOpts::default() }, ..ParseOpts::default() };
    let source = flatten::prepare(html);
    // A node for each `<` (an element's start and end tag, and the text
    // between them): the tree is sized once rather than grown as it is built.
    let mut document = Html::new_document();
    document.tree = ego_tree::Tree::with_capacity(ParsedNode::Document, memchr::memchr_iter(b'<', source.as_bytes()).count());
    html5ever::driver::parse_document(HtmlTreeSink::new(document), options).one(&*source)
}

impl<'a> Dom<'a> {
    /// A view of a parsed page; it borrows the page's text, copying none.
    /// Content a page streamed after the rest stands where its script would
    /// move it ([`Streamed`]).
    pub fn new(parsed: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<Node> = Vec::with_capacity(parsed.tree.nodes().len());
        let mut open: Vec<usize> = Vec::new();
        let mut title = String::new();
        let mut code_languages = FxHashMap::default();
        let content_noscripts = content_noscripts(parsed);
        let controlled = controlled_ids(parsed);
        walk(parsed, |edge| match edge {
            Edge::Open(node) => {
                let kind = match node.value() {
                    ParsedNode::Document => Kind::Document,
                    ParsedNode::Element(element) => {
                        let mut element = convert(element, &controlled);
                        element.box_item |=
                            open.last().is_some_and(|&parent| matches!(&nodes[parent].kind, Kind::Element(e) if e.lays_out_boxes));
                        if element.tag == "noscript" {
                            element.shown = content_noscripts.contains(&node.id());
                        }
                        let in_heading = || open.iter().any(|&o| matches!(&nodes[o].kind, Kind::Element(e) if is_heading(e.tag)));
                        if element.local_link && in_heading() && is_mark(node) {
                            element.shown = false;
                        }
                        if title.is_empty() && matches!(element.tag, "head" | "title") {
                            title = title_text(node);
                        }
                        if element.tag == "pre" {
                            if let Some(language) = code::block_language(node) {
                                code_languages.insert(nodes.len(), language);
                            }
                        } else if element.shown && code::is_language_label(node) {
                            element.shown = false;
                        }
                        Kind::Element(element)
                    }
                    ParsedNode::Text(text) => Kind::Text(text),
                    // Comments, doctypes and the like: nothing to read.
                    _ => return Descend::Past,
                };
                let shown = !matches!(&kind, Kind::Element(element) if !element.shown);
                let index = nodes.len();
                nodes.push(Node { parent: open.last().copied(), end: index + 1, kind });
                open.push(index);
                if shown {
                    Descend::Into
                } else {
                    Descend::Leaf
                }
            }
            Edge::Close => {
                if let Some(index) = open.pop() {
                    nodes[index].end = nodes.len();
                }
                Descend::Into
            }
        });
        let said = kind::from_structured_data(parsed);
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        Dom { nodes, title, kind: said.types, open_graph_kind: said.open_graph, code_languages }
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
    pub fn texts(&self, node: usize) -> impl DoubleEndedIterator<Item = &'a str> + '_ {
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

    /// Whether `node` is a box of its own, whatever its tag ([`Element::box_item`]).
    pub fn is_box_item(&self, node: usize) -> bool {
        self.element(node).is_some_and(|element| element.box_item)
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

/// Whether `tag` is a heading's, `<h1>` to `<h6>`.
pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn convert<'a>(element: &'a ParsedElement, controlled: &FxHashSet<&str>) -> Element<'a> {
    let tag = element.name();
    let attributes = Attributes::of(element);
    let table_hint = (tag == "table")
        .then(|| {
            if attributes.role == Some("presentation") || attributes.datatable == Some("0") {
                Some(false)
            } else {
                attributes.summary.map(|_| true)
            }
        })
        .flatten();
    let disclosure = tag == "button" && is_disclosure(&attributes);
    // Read once for what hides the element and for how it is displayed.
    let style = attributes.style.map(compact_style);
    let displays = displays_of(attributes.class, style.as_deref());
    Element {
        shown: (!SKIPPED.contains(&tag) || disclosure) && !is_hidden(&attributes, style.as_deref(), controlled),
        disclosure,
        class: attributes.class.unwrap_or(""),
        id: attributes.id.unwrap_or(""),
        role: attributes.role.map(str::trim),
        local_link: tag == "a" && attributes.href.is_some_and(|h| h.starts_with('#')),
        author: attributes.rel == Some("author") || attributes.itemprop.is_some_and(|p| p.contains("author")),
        table_hint,
        modal: tag == "dialog" || attributes.aria_modal.is_some_and(|modal| modal.trim().eq_ignore_ascii_case("true")),
        lays_out_boxes: displays.boxes,
        box_item: displays.block,
        tag,
        parsed: element,
    }
}

/// Displays that lay out an element's children as flex or grid items, as
/// a style and as a class name in the CSS frameworks most pages use
/// (`flex`, `md:flex`, `d-flex`, `d-lg-inline-flex`).
const BOX_LAYOUTS: &[&str] = &["flex", "inline-flex", "grid", "inline-grid"];

/// How an element is displayed, where its classes or its style say so
/// ([`displays_of`]): as a box of its own, or laying out its children as
/// boxes. A box stands apart from what is beside it, however it is
/// tagged (a facet's `<label>` and `<span>` in a flex row, a link made a
/// block); read inline, their words would run together.
#[derive(Clone, Copy, Default)]
struct Displays {
    block: bool,
    boxes: bool,
}

/// What the element's `class` and `style` (as [`compact_style`] gives it)
/// say of its display. A breakpoint's prefix is read as met: the page is
/// read as a desktop browser shows it.
fn displays_of(class: Option<&str>, style: Option<&str>) -> Displays {
    let mut displays = Displays::default();
    let mut read = |display: &str| {
        displays.block |= display == "block";
        displays.boxes |= BOX_LAYOUTS.contains(&display);
    };
    // Class names are read as written, as CSS matches them; each of these
    // ends in its display's name, which most class names do not.
    let display_names = ["flex", "grid", "block"];
    for name in class.into_iter().flat_map(str::split_ascii_whitespace) {
        if display_names.iter().any(|display| name.ends_with(display)) {
            let name = name.rsplit(':').next().unwrap_or(name);
            read(name.strip_prefix("d-").map_or(name, |display| {
                ["sm-", "md-", "lg-", "xl-", "xxl-"].iter().find_map(|breakpoint| display.strip_prefix(breakpoint)).unwrap_or(display)
            }));
        }
    }
    if let Some(display) =
        style.and_then(|style| style.split(';').filter_map(|declaration| declaration.strip_prefix("display:")).next_back())
    {
        read(display.trim_end_matches("!important"));
    }
    displays
}

/// A `style` attribute in lower case with its blanks left out, so that a
/// declaration reads one way however it was spaced.
fn compact_style(style: &str) -> String {
    style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase()
}

/// Every attribute that anything asks for, by name: the readers of a page
/// ([`Attributes::of`], `aria-controls` for folded panels, the page's kind
/// and address, a code block's language, Markdown's links, images and list
/// numbers) and the tree builder itself (a hidden input in a table, a
/// `<font>` inside SVG, a `<meta>`'s charset, a declarative shadow root).
/// The parser never sees the others ([`flatten::prepare`]): once the code
/// of scripts is gone, tags are most of a page's bytes, and making
/// attributes nothing reads was most of the parser's work.
#[rustfmt::skip]
pub const READ_ATTRIBUTES: &[&str] = &[
    // Attributes::of
    "class", "id", "role", "href", "rel", "itemprop", "style", "datatable", "aria-hidden", "summary", "hidden", "inert",
    "aria-labelledby", "aria-expanded", "aria-haspopup", "aria-modal",
    // Folded panels, the page's kind and address, code, Markdown.
    "aria-controls", "itemtype", "type", "property", "content", "data-lang", "data-language", "start", "src", "alt",
    // The tree builder.
    "charset", "http-equiv", "color", "face", "size", "encoding",
    "shadowrootmode", "shadowrootdelegatesfocus", "shadowrootclonable", "shadowrootserializable",
];

/// The attributes of an element that reading it asks about, found in one
/// pass over them (asking for each by name interns the name first).
#[derive(Default)]
struct Attributes<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    href: Option<&'a str>,
    rel: Option<&'a str>,
    itemprop: Option<&'a str>,
    style: Option<&'a str>,
    datatable: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    summary: Option<&'a str>,
    hidden: Option<&'a str>,
    inert: Option<&'a str>,
    aria_labelledby: Option<&'a str>,
    aria_expanded: Option<&'a str>,
    aria_haspopup: Option<&'a str>,
    aria_modal: Option<&'a str>,
}

impl<'a> Attributes<'a> {
    fn of(element: &'a ParsedElement) -> Attributes<'a> {
        let mut found = Attributes::default();
        // The first of a name counts, as with `attr`; attributes in a
        // namespace (`xlink:href`) are other attributes.
        for (name, value) in element.attrs.iter().filter(|(name, _)| name.ns == html5ever::ns!()) {
            let value: &str = value;
            let slot = match &*name.local {
                "class" => &mut found.class,
                "id" => &mut found.id,
                "role" => &mut found.role,
                "href" => &mut found.href,
                "rel" => &mut found.rel,
                "itemprop" => &mut found.itemprop,
                "style" => &mut found.style,
                "datatable" => &mut found.datatable,
                "aria-hidden" => &mut found.aria_hidden,
                "summary" => &mut found.summary,
                "hidden" => &mut found.hidden,
                "inert" => &mut found.inert,
                "aria-labelledby" => &mut found.aria_labelledby,
                "aria-expanded" => &mut found.aria_expanded,
                "aria-haspopup" => &mut found.aria_haspopup,
                "aria-modal" => &mut found.aria_modal,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        found
    }
}

/// A step of [`walk`].
enum Edge<'a> {
    Open(ParsedRef<'a>),
    /// The end of the node opened last whose children were asked for ([`Descend::Into`] or [`Descend::Leaf`]).
    Close,
}

/// What [`walk`] does with a node just opened.
enum Descend {
    /// Reads its children, then closes it.
    Into,
    /// Closes it at once: its content is not read.
    Leaf,
    /// Neither reads it nor closes it: it is not part of the view.
    Past,
}

type ParsedRef<'a> = ego_tree::NodeRef<'a, ParsedNode>;

/// Walks the parsed page in document order, without recursion, as it will
/// show: streamed content where its placeholder stands, the fallback it
/// replaces and its hidden original left out.
fn walk<'a>(parsed: &'a Html, mut visit: impl FnMut(Edge<'a>) -> Descend) {
    let mut streamed = Streamed::of(parsed);
    // Siblings still to visit, and whether a node closes after them (a
    // streamed node's children are read in its placeholder's place, inside
    // the placeholder's parent).
    let mut stack: Vec<(Option<ParsedRef<'a>>, bool)> = vec![(Some(parsed.tree.root()), false)];
    while let Some((next, closes)) = stack.last_mut() {
        let Some(node) = *next else {
            let closes = *closes;
            stack.pop();
            if closes {
                visit(Edge::Close);
            }
            continue;
        };
        *next = node.next_sibling();
        if streamed.is_original(node) {
            continue;
        }
        if let Some((content, fallback)) = streamed.take_placeholder(node) {
            if let Some(end) = fallback.then(|| boundary_end(node)).flatten() {
                *next = Some(end);
            }
            stack.push((content.first_child(), false));
            continue;
        }
        match visit(Edge::Open(node)) {
            Descend::Into => stack.push((node.first_child(), true)),
            Descend::Leaf => {
                visit(Edge::Close);
            }
            Descend::Past => {}
        }
    }
}

/// Content a server streamed after the rest of the page (React's streaming
/// of Suspense boundaries, which Next.js and other frameworks use): each
/// part comes at the end as `<div hidden id="S:x">`, and a script moves its
/// children to where `<template id="B:x">` stands, in place of the fallback
/// that follows it up to `<!--/$-->` (a boundary), or `<template id="P:x">`
/// stands (a segment). A saved page is read without running its scripts, so
/// this is done here: otherwise such a page reads as its loading skeleton.
struct Streamed<'a> {
    /// The hidden parts, by the `x` of their id, each until it is placed.
    parts: FxHashMap<&'a str, ParsedRef<'a>>,
    /// The hidden parts that a placeholder takes.
    placed: FxHashSet<ego_tree::NodeId>,
}

impl<'a> Streamed<'a> {
    fn of(parsed: &'a Html) -> Streamed<'a> {
        let mut parts = FxHashMap::default();
        let mut placeholders = FxHashSet::default();
        for node in parsed.tree.nodes() {
            // Names first: they are read without a look-up, unlike attributes.
            let Some(element) = node.value().as_element().filter(|e| matches!(e.name(), "div" | "template")) else { continue };
            let Some(id) = element.id() else { continue };
            match (element.name(), id.split_once(':')) {
                ("div", Some(("S", x))) if element.attr("hidden").is_some() => {
                    parts.insert(x, node);
                }
                ("template", Some(("B" | "P", x))) => {
                    placeholders.insert(x);
                }
                _ => {}
            }
        }
        // A part no placeholder takes stays hidden, as it would in a browser.
        parts.retain(|x, _| placeholders.contains(x));
        let placed = parts.values().map(|part| part.id()).collect();
        Streamed { parts, placed }
    }

    /// Whether `node` is a hidden part that shows elsewhere.
    fn is_original(&self, node: ParsedRef<'a>) -> bool {
        self.placed.contains(&node.id())
    }

    /// For a placeholder, the part that takes its place (once: a part is
    /// placed at most once, so parts that name each other cannot loop), and
    /// whether a fallback follows it.
    fn take_placeholder(&mut self, node: ParsedRef<'a>) -> Option<(ParsedRef<'a>, bool)> {
        let element = node.value().as_element().filter(|e| e.name() == "template")?;
        let (kind, x) = element.id()?.split_once(':')?;
        let part = match kind {
            "B" | "P" => self.parts.remove(x)?,
            _ => return None,
        };
        Some((part, kind == "B"))
    }
}

/// The `<!--/$-->` that ends the boundary whose placeholder is given, past
/// its fallback (boundaries nested in the fallback counted); none if the
/// boundary never ends, and then nothing is taken for its fallback.
fn boundary_end(placeholder: ParsedRef<'_>) -> Option<ParsedRef<'_>> {
    let mut depth = 0usize;
    let mut sibling = placeholder.next_sibling();
    while let Some(node) = sibling {
        if let Some(comment) = node.value().as_comment() {
            match &*comment.comment {
                "/$" if depth == 0 => return Some(node),
                "/$" => depth -= 1,
                "$" | "$?" | "$!" => depth += 1,
                _ => {}
            }
        }
        sibling = node.next_sibling();
    }
    None
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

/// Whether a link holds only a mark, no word: the `¶`, `§`, `#` or `🔗` that
/// a heading shows to link to itself. Read as text it glues a symbol to the
/// heading (`## #Setup`, `Setup¶`). Only in headings: the `^` before a
/// footnote is what tells a list of references.
fn is_mark(link: ego_tree::NodeRef<'_, ParsedNode>) -> bool {
    let mut text = link.descendants().filter_map(|d| d.value().as_text()).flat_map(|t| t.chars());
    let mut any = false;
    text.all(|c| {
        any |= !c.is_whitespace();
        !c.is_alphanumeric()
    }) && any
}

/// The text of the first `<title>` in `node`'s subtree.
fn title_text(node: ego_tree::NodeRef<'_, ParsedNode>) -> String {
    let Some(title) = node.descendants().find(|d| d.value().as_element().is_some_and(|e| e.name() == "title")) else {
        return String::new();
    };
    title.children().filter_map(|c| c.value().as_text()).map(|t| &**t).collect()
}

/// Names (in `class` or `id`) and roles of the panels a page folds away
/// until the reader opens them: accordions, tabs, questions and their
/// answers. What they hold is content, hidden only for now. On WCXB's pages
/// reading them raises word F1 on 15 pages and lowers it on 5 (product
/// specifications, FAQ answers, course outlines); Readability's are unchanged.
const FOLDED_NAMES: &[&str] = &["accordion", "collapse", "faq", "tabpanel", "tab-pane", "tab-content"];
const FOLDED_ROLES: &[&str] = &["region", "tabpanel"];

/// The ids that some element says it opens or controls (`aria-controls`):
/// the panels of accordions and tabs.
fn controlled_ids<'a>(parsed: &'a Html) -> FxHashSet<&'a str> {
    let controls = |element: &'a ParsedElement| attribute(element, &html5ever::local_name!("aria-controls"));
    parsed.tree.nodes().filter_map(|node| controls(node.value().as_element()?)).flat_map(str::split_whitespace).collect()
}

/// The value of `element`'s attribute `name`, in no namespace: what
/// `attr` gives, without making `name` an interned name again for each
/// element asked (a readers' pass over every element spent most of its
/// time so).
pub fn attribute<'a>(element: &'a ParsedElement, name: &html5ever::LocalName) -> Option<&'a str> {
    element.attrs.iter().find(|(found, _)| found.ns == html5ever::ns!() && found.local == *name).map(|(_, value)| &**value)
}

/// Whether the page hides `element` (whose `style` is as [`compact_style`]
/// gives it): marked `hidden` or `aria-hidden`, or
/// styled out of view, and not a folded panel. A closed accordion's panel
/// is as often marked `aria-hidden` as `hidden`; it is read too when a
/// button controls it (`aria-controls`), it is labelled by one
/// (`aria-labelledby`) or made `inert`, while other copy marked
/// `aria-hidden` (a decorative duplicate) is not. Reading such panels:
/// WCXB's word F1 0.8664 -> 0.8685 (13 pages up, 3 down: a shop's folded
/// product details, a service page's folded features, documentation's
/// tabs; better in two folds of whole domains, the same in three);
/// Readability's pages unchanged.
fn is_hidden(element: &Attributes<'_>, style: Option<&str>, controlled: &FxHashSet<&str>) -> bool {
    if element.aria_hidden == Some("true") {
        let closed_panel =
            element.aria_labelledby.is_some() || element.inert.is_some() || element.id.is_some_and(|id| controlled.contains(id));
        return !(closed_panel && is_folded_panel(element));
    }
    let styled_away = |style: &str| style.contains("display:none") || style.contains("visibility:hidden");
    let hidden = element.hidden.is_some() || style.is_some_and(styled_away);
    hidden && !is_folded_panel(element)
}

/// Whether `element` is the button that opens a folded panel (it says
/// whether the panel is open, `aria-expanded`, and opens no menu): its text
/// is the panel's heading, a question whose answer the panel holds. Other
/// buttons ("Add to cart", "Menu") are controls, not text.
fn is_disclosure(element: &Attributes<'_>) -> bool {
    element.aria_expanded.is_some() && element.aria_haspopup.is_none()
}

fn is_folded_panel(element: &Attributes<'_>) -> bool {
    if element.role.is_some_and(|role| FOLDED_ROLES.contains(&role.trim())) {
        return true;
    }
    let named = |name: Option<&str>| {
        let name = name.unwrap_or("").to_ascii_lowercase();
        FOLDED_NAMES.iter().any(|folded| name.contains(folded))
    };
    named(element.class) || named(element.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_data_tells_a_discussion() {
        let discussion = |html: &str| Dom::new(&parse(html)).kind.is_some_and(|found| found.kind == kind::PageKind::Forum);
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

    /// The texts of a page's view, in order.
    fn texts_of(html: &str) -> Vec<String> {
        let parsed = parse(html);
        let dom = Dom::new(&parsed);
        dom.texts(0).map(str::to_string).collect()
    }

    #[test]
    fn streamed_content_stands_where_its_script_would_move_it() {
        // A boundary: the part takes the place of the placeholder and the fallback after it.
        let page = "<main><h1>Kilns</h1><!--$?--><template id=\"B:0\"></template><p>Loading…</p><!--/$--><p>Footer</p></main>\
                    <div hidden id=\"S:0\"><p>Fire slowly.</p><!--$?--><template id=\"B:1\"></template><p>Wait</p><!--/$--></div>\
                    <script>$RC(\"B:0\",\"S:0\")</script><div hidden id=\"S:1\"><p>Then cool.</p></div>";
        assert_eq!(texts_of(page), ["Kilns", "Fire slowly.", "Then cool.", "Footer"]);
        // A segment: the part takes the place of its placeholder alone.
        let page = "<div><template id=\"P:a\"></template><p>After</p></div><div hidden id=\"S:a\"><p>Segment</p></div>";
        assert_eq!(texts_of(page), ["Segment", "After"]);
        // Only the view moves: its nodes' parents are the placeholder's.
        let parsed = parse(page);
        let dom = Dom::new(&parsed);
        let p = (0..dom.nodes.len()).find(|&n| dom.tag(n) == "p").unwrap();
        assert_eq!(dom.ancestors(p).map(|a| dom.tag(a)).collect::<Vec<_>>(), ["div", "body", "html", ""]);
    }

    #[test]
    fn streamed_content_without_its_placeholder_or_end_is_read_as_written() {
        // A hidden part that nothing places stays hidden.
        assert_eq!(texts_of("<p>Shown</p><div hidden id=\"S:0\"><p>Never placed</p></div>"), ["Shown"]);
        // A boundary that never ends takes no fallback.
        let unended = "<div><!--$?--><template id=\"B:0\"></template><p>Kept</p></div><div hidden id=\"S:0\">Part</div>";
        assert_eq!(texts_of(unended), ["Part", "Kept"]);
        // Parts that place each other are each read once.
        let looped = "<div><template id=\"P:0\"></template></div><div hidden id=\"S:0\">A<template id=\"P:1\"></template></div>\
                      <div hidden id=\"S:1\">B<template id=\"P:0\"></template></div>";
        assert_eq!(texts_of(looped), ["A", "B"]);
    }

    #[test]
    fn folded_panels_and_their_buttons_are_read_and_hidden_furniture_is_not() {
        let page = "<h2>Questions</h2><button aria-expanded=false>Does it fit?</button>\
                    <div class=\"faq-answer\" style=\"display: none\">It fits most kilns.</div>\
                    <div role=region hidden><p>Fire slowly.</p></div><div class=\"tab-pane fade\" hidden>Specifications</div>\
                    <div style=\"display:none\">Sign-up form</div><div class=\"modal\" hidden>Cookie choices</div>\
                    <button aria-expanded=false aria-haspopup=menu>Menu</button><button>Add to cart</button>\
                    <div class=accordion aria-hidden=true>Screen-reader copy</div>\
                    <button id=q2 aria-expanded=false>Is the lid glazed?</button>\
                    <section class=accordion-panel aria-hidden=true aria-labelledby=q2 inert>Inside and out.</section>\
                    <button aria-controls=\"care\" aria-expanded=false>Care</button>\
                    <div id=care class=\"accordion-content closed\" aria-hidden=true>Wash by hand.</div>";
        assert_eq!(
            texts_of(page),
            [
                "Questions", "Does it fit?", "It fits most kilns.", "Fire slowly.", "Specifications", "Is the lid glazed?",
                "Inside and out.", "Care", "Wash by hand."
            ]
        );
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

//! The main content of a page, chosen from its structure.
//!
//! Paragraphs score the containers around them (more for length and
//! commas, less for links); the best container and the siblings that score
//! near it are the article. Inside it, blocks that look like furniture
//! (link lists, forms, image strips, share bars) are dropped again. Class
//! and id names are hints, weighed rather than trusted. When the result is
//! too short to be an article, the best candidate long enough to be one
//! leads instead of the best-scoring one, the hints are relaxed one by one,
//! and the longest result wins.

use std::cell::OnceCell;
use std::fmt;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::dom::{is_heading, Dom, Kind};
use super::kind::PageKind;
use super::text::is_block;
use crate::reading::phrases::{normalize, PhraseList};

/// An article shorter than this, in characters, is a sign the hints misled.
const MIN_ARTICLE_CHARS: usize = 500;
/// Paragraphs shorter than this say nothing about their container.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors a paragraph's score reaches.
const SCORE_DEPTH: usize = 5;
/// Candidates kept while looking for a common ancestor of several good ones.
const TOP_CANDIDATES: usize = 5;
/// How far above the chosen block a run of entries alike is looked for.
const REPEAT_DEPTH: usize = 4;
/// Fewest blocks alike that make a run of entries.
const MIN_ENTRIES: usize = 3;
/// Weight of a class or id name that hints at content or furniture.
const CLASS_WEIGHT: f64 = 25.0;

/// Names of page furniture: an element so named is dropped before scoring
/// unless its name also says content. `facet` and `refinement` name a
/// shop's filters (price ranges, brands, sizes) beside its grid of
/// products, whose many short lines can outweigh the grid: with them WCXB's
/// word F1 0.8832 -> 0.8834 (collections 0.726 -> 0.729; 3 pages up, 2
/// down). Not `filter`: it is also a CSS utility's name (Tailwind's), and
/// `filter-` and `filters` as well gain no more (17 pages changed, 7 down).
const FURNITURE_NAMES: &[&str] = &[
    "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer",
    "gdpr", "header", "legends", "menu", "modal", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
    "sponsor", "supplemental", "pagination", "pager", "popup", "facet", "refinement",
];
/// Those of [`FURNITURE_NAMES`] that name a discussion below an article.
const COMMENT_NAMES: &[&str] = &["comment", "disqus", "replies"];
const CONTENT_NAMES: &[&str] = &["and", "article", "body", "column", "content", "main", "shadow"];
/// Names of consent managers' panels (a cookie banner and its preference
/// centre, whose prose outscores a listing's short cards): dropped in every
/// attempt, whatever else they are named, and left out of the line-by-line
/// reading too. On WCXB's pages, dropped so: word F1 0.8616 -> 0.8636 (6
/// pages up, none down; three folds of whole domains better, two the same;
/// forum threads behind a preference centre 0.15 -> 0.98). `cookie` is not
/// one: recipe sites name their cookies so.
const CONSENT_NAMES: &[&str] = &["consent", "onetrust", "cookiebot", "usercentrics", "didomi"];
/// Names that lower or raise a container's score. Not `media`: it names the
/// wrapper of an article's own figures and tables as often as a gallery
/// (consumerreports' checklist, sakeone's product grid, yahoo's
/// `mediacontentstory`). Without it WCXB's word F1 0.8753 -> 0.8760 (17 pages
/// up, 15 down, mostly captions now kept; held out by whole domains 0.8751,
/// better in one fold, within 0.0004 in four) and Readability's articles
/// 0.9697 -> 0.9744 (yahoo's story 0.41 -> 1.0, bbc's video captions kept).
/// Nor `widget`: page builders name every block so (Elementor's
/// `elementor-widget-text-editor`, HubSpot's, SiteOrigin's), and so do a
/// review's product boxes and Amazon's page parts (`celwidget`); sidebars
/// are known by `sidebar`, `<aside>` and their role. Without it WCXB's word
/// F1 0.8760 -> 0.8770, dropped in each of five folds of whole domains
/// (held out 0.8770; reviewed.com 0.56 -> 0.96, 17 pages up, 24 down, most
/// by a few points); Readability's articles unchanged. Dropping `scroll`,
/// `banner` or `modal` too gains nothing held out.
const NEGATIVE_NAMES: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "meta", "outbrain", "promo",
    "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
];
const POSITIVE_NAMES: &[&str] =
    &["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"];
const BYLINE_NAMES: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Roles of landmarks that are never the article.
const FURNITURE_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];
/// Elements dropped wherever they are in the article.
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "object", "embed", "iframe", "input", "textarea", "select", "button"];
/// Landmarks that hold no main content, whatever else the page shows.
const LANDMARKS: &[&str] = &["nav", "header", "footer", "aside"];
/// Elements that stop a `<div>` from reading as one paragraph.
const DIV_BREAKERS: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];
/// Elements whose own text is scored as a paragraph.
const PARAGRAPHS: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
/// Share of a discussion's or a product page's prose (text outside links)
/// that the block holding its main content holds: at least half. On the
/// 57 WCXB threads that say they are discussions, anything from 0.5 to 0.8
/// chooses the same. On products, picked among 0.2 to 0.6 with whole
/// domains held out, 0.5 in four folds of five (0.4 in one): wcxb-dev-html
/// word F1 0.8592 -> 0.8604 held out (products 0.622 -> 0.633; 9 pages up,
/// 7 down, where the block so found takes in a shop's other offers).
const MAIN_BLOCK_SHARE: f64 = 0.5;
/// Elements of one tag and class that make a listing's entries. Not fitted:
/// on the WCXB pages any count from 3 to 12 changes at most two of them
/// (5 and 8 give the same pages), so the data cannot decide it.
const ENTRY_REPEATS: usize = 5;
/// Characters an entry of a listing holds at least: a short title.
const MIN_ENTRY_CHARS: usize = 10;
/// How much more text than the best short block a page's longest run of
/// entries must hold to be read as a listing. On WCXB's pages, reading
/// such pages as listings: word F1 0.8645 -> 0.8664 (8 pages up, 4 down;
/// collections 0.670 -> 0.685, listings 0.722 -> 0.734); with whole
/// domains held out, 3 chosen in four folds of five (1 in the fifth), and
/// the held-out figure 0.8662. 25 for [`MIN_ENTRY_CHARS`] loses two of
/// the pages gained.
const LISTING_OVER_ARTICLE: f64 = 3.0;
/// Names that lower a block's score but name each entry of a listing as
/// readily as an article's byline or picture.
const ENTRY_NAMES: &[&str] = &["meta"];

/// Containers checked again, once the article is chosen, for looking like furniture.
const CHECKED_AGAIN: &[&str] = &["form", "fieldset", "table", "ul", "div"];
const COMMAS: &[char] = &[',', '،', '﹐', '︐', '︑', '⹁', '⸴', '⸲', '，'];

/// Whether furniture name `name` on a `tag` element names a part of the
/// element itself: a table's `header` is its header row (Wikipedia's
/// `wikitable sticky-header`, whose header row stays in sight as the table
/// scrolls), not the page's. On WCXB's pages one list of 1,200 rows was
/// dropped so (word F1 0.33 -> 0.86); no other page changes. Not `footer`:
/// an old page laid out in tables may name its own footer so.
fn names_own_rows(tag: &str, name: &str) -> bool {
    tag == "table" && name == "header"
}

fn matcher(words: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostFirst).build(words).expect("fixed word list")
}

static FURNITURE: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(FURNITURE_NAMES));
static CONTENT: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(CONTENT_NAMES));
static CONSENT: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(CONSENT_NAMES));
static NEGATIVE: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(NEGATIVE_NAMES));
static POSITIVE: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(POSITIVE_NAMES));
static BYLINE: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(BYLINE_NAMES));
static SHARE: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(&["share"]));
/// Every word that some reading of a class or id looks for ([`NamesRead::of`]):
/// a name holding none of them, as most utility classes hold none, names
/// nothing, found in one scan rather than one for each reading.
static ANY_NAME: LazyLock<AhoCorasick> = LazyLock::new(|| {
    matcher(&[FURNITURE_NAMES, CONTENT_NAMES, CONSENT_NAMES, NEGATIVE_NAMES, POSITIVE_NAMES, &["review", "hid"]].concat())
});

/// Why a block of the page is not part of its main content.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    Outside,
    Inside(&'static str),
    Named(&'static str, &'static str),
    /// A consent manager's panel, by its class or id.
    Consent(&'static str, &'static str),
    /// A modal dialog over the page (`Element::modal`).
    Dialog,
    Role(String),
    Byline,
    /// A product's customer reviews, by the class or id of their block.
    Reviews,
    Title,
    LinkDense,
    ListOfLinks,
    Images,
    Form,
    LowScore,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Outside => f.write_str("outside the main content"),
            Reason::Inside(tag) => write!(f, "inside <{tag}>"),
            Reason::Named(attribute, word) => write!(f, "{attribute} contains '{word}'"),
            Reason::Consent(attribute, word) => write!(f, "a consent panel: {attribute} contains '{word}'"),
            Reason::Dialog => f.write_str("a dialog over the page"),
            Reason::Role(role) => write!(f, "role is '{role}'"),
            Reason::Byline => f.write_str("byline: author and date"),
            Reason::Reviews => f.write_str("customer reviews of the product"),
            Reason::Title => f.write_str("the page title, repeated as a headline"),
            Reason::LinkDense => f.write_str("link-dense block"),
            Reason::ListOfLinks => f.write_str("more list items than paragraphs"),
            Reason::Images => f.write_str("images with little text"),
            Reason::Form => f.write_str("form fields"),
            Reason::LowScore => f.write_str("scores low as main content"),
        }
    }
}

impl Reason {
    /// Whether a block dropped for this reason is furniture however the
    /// page is read, its lines judged one by one too: a consent panel; a
    /// modal dialog; on a page known to be an article, its comments, which
    /// the line reading cannot tell from the article's own prose. On WCXB's
    /// pages, comments so: word F1 0.8704 -> 0.8714 (3 pages up, one down: a
    /// discussion at an article's address, whose gold keeps the comments).
    /// Dialogs so: 0.8782 -> 0.8796 (10 pages up, 4 down: a shop's privacy
    /// policy and terms, 15,000 words in dialogs in its footer, no longer
    /// read as its main text, 0.01 -> 0.73 and 0.06 -> 0.92; lost where,
    /// without a cookie or a newsletter dialog, the line reading keeps too
    /// little for `main-content` to prefer it); with `main-content`'s page
    /// shares picked again with whole domains held out (`cargo xtask fit
    /// --page-share`), 0.8751 -> 0.8770 and 0.8771 -> 0.8789 held out.
    /// Readability's articles unchanged.
    pub fn is_furniture_however_read(&self, article: bool) -> bool {
        match self {
            Reason::Named(_, word) => article && COMMENT_NAMES.contains(word),
            _ => self.is_overlay(),
        }
    }

    /// Whether the block lies over the page rather than in it: a consent
    /// panel or a modal dialog, dropped first and under its own reason
    /// wherever it stands.
    fn is_overlay(&self) -> bool {
        matches!(self, Reason::Consent(..) | Reason::Dialog)
    }
}

/// Which nodes are the main content, and why the others are not.
pub struct Selection {
    /// For each node, the index in `reasons` of why it is dropped; `None` when kept.
    pub dropped: Vec<Option<usize>>,
    pub reasons: Vec<Reason>,
}

/// Which hints an attempt trusts.
#[derive(Clone, Copy)]
struct Hints {
    drop_furniture_names: bool,
    weigh_names: bool,
    check_again: bool,
    /// The best candidate long enough to be an article leads, ahead of
    /// shorter ones that scored higher.
    prefer_long: bool,
    /// The page is read as a listing: its longest run of entries is the
    /// main content, links and all.
    listing: bool,
}

pub fn select(dom: &Dom<'_>) -> Selection {
    let facts = Facts::of(dom);
    let attempts = [
        Hints { drop_furniture_names: true, weigh_names: true, check_again: true, prefer_long: false, listing: false },
        // The first attempt found only a short block. On a page that is
        // not an article (a listing, whose long list of links scores low)
        // that is a tagline or a notice that scored on its class; from here
        // on the best candidate long enough to be an article leads.
        Hints { drop_furniture_names: true, weigh_names: true, check_again: true, prefer_long: true, listing: false },
        Hints { drop_furniture_names: false, weigh_names: true, check_again: true, prefer_long: true, listing: false },
        Hints { drop_furniture_names: false, weigh_names: false, check_again: true, prefer_long: true, listing: false },
        Hints { drop_furniture_names: false, weigh_names: false, check_again: false, prefer_long: true, listing: false },
    ];
    let mut best: Option<(usize, Selection)> = None;
    for hints in attempts {
        let (length, selection) = Attempt::new(dom, &facts, hints).run();
        if length >= MIN_ARTICLE_CHARS {
            return selection;
        }
        if best.as_ref().is_none_or(|(longest, _)| length > *longest) {
            best = Some((length, selection));
        }
    }
    // Every attempt found only a short block: the page may be a listing,
    // whose entries (cards whose titles are links) score next to nothing.
    let listing = Hints { drop_furniture_names: true, weigh_names: true, check_again: true, prefer_long: false, listing: true };
    let (length, selection) = Attempt::new(dom, &facts, listing).run();
    if best.as_ref().is_none_or(|(longest, _)| length as f64 > LISTING_OVER_ARTICLE * *longest as f64) {
        return selection;
    }
    best.map(|(_, selection)| selection).expect("at least one attempt")
}

/// What every attempt needs to know of each node, found once.
struct Facts {
    /// Characters of text, blanks folded: of the node, for a text node.
    chars: Vec<usize>,
    commas: Vec<usize>,
    /// Text characters inside links count fully; links within the page, less.
    link_weight: Vec<f64>,
    in_table: Vec<bool>,
    in_code: Vec<bool>,
    in_figure: Vec<bool>,
    in_list: Vec<bool>,
    in_heading: Vec<bool>,
    /// The furniture name in a node's class or id (and which of the two).
    furniture_name: Vec<Option<(&'static str, &'static str)>>,
    /// Whether a node's class or id names customer reviews ([`names_reviews`]).
    reviews_name: Vec<bool>,
    /// The consent manager's name in a node's class or id.
    consent_name: Vec<Option<(&'static str, &'static str)>>,
    name_weight: Vec<f64>,
    data_table: Vec<bool>,
    in_data_table: Vec<bool>,
    /// A `<div>` that only wraps one paragraph, which stands in its place.
    transparent: Vec<bool>,
    /// An element whose tag and class repeat on at least [`ENTRY_REPEATS`]
    /// elements of the page: the template of a listing's entries.
    entry: Vec<bool>,
    /// Whether a paragraph asks for consent to cookies: read when first
    /// asked, as only paragraphs are, and the same in every attempt.
    consent: Vec<OnceCell<bool>>,
}

impl Facts {
    fn of(dom: &Dom<'_>) -> Facts {
        let n = dom.nodes.len();
        let mut facts = Facts {
            chars: vec![0; n],
            commas: vec![0; n],
            link_weight: vec![0.0; n],
            in_table: vec![false; n],
            in_code: vec![false; n],
            in_figure: vec![false; n],
            in_list: vec![false; n],
            in_heading: vec![false; n],
            furniture_name: vec![None; n],
            reviews_name: vec![false; n],
            consent_name: vec![None; n],
            name_weight: vec![0.0; n],
            data_table: vec![false; n],
            in_data_table: vec![false; n],
            transparent: vec![false; n],
            entry: vec![false; n],
            consent: vec![OnceCell::new(); n],
        };
        let mut names = NamesRead::default();
        for node in 0..n {
            if let Some(parent) = dom.nodes[node].parent {
                let tag = dom.tag(parent);
                facts.in_table[node] = facts.in_table[parent] || tag == "table";
                facts.in_code[node] = facts.in_code[parent] || tag == "code";
                facts.in_figure[node] = facts.in_figure[parent] || tag == "figure";
                facts.in_list[node] = facts.in_list[parent] || matches!(tag, "ul" | "ol");
                facts.in_heading[node] = facts.in_heading[parent] || is_heading(tag);
                facts.link_weight[node] = facts.link_weight[parent];
                if tag == "a" {
                    let local = dom.element(parent).is_some_and(|e| e.local_link);
                    facts.link_weight[node] = if local { 0.3 } else { 1.0 };
                }
            }
            match &dom.nodes[node].kind {
                Kind::Text(text) => {
                    facts.chars[node] = folded_len(text);
                    facts.commas[node] = clause_commas(text);
                }
                Kind::Element(element) => {
                    let (class, id) = (names.of(element.class), names.of(element.id));
                    if !(class.content || id.content) {
                        let name = |found: Option<&'static str>| found.filter(|&name| !names_own_rows(element.tag, name));
                        facts.furniture_name[node] = name(class.furniture).map(|n| ("class", n)).or(name(id.furniture).map(|n| ("id", n)));
                    }
                    facts.consent_name[node] = class.consent.map(|n| ("class", n)).or(id.consent.map(|n| ("id", n)));
                    facts.reviews_name[node] = class.reviews || id.reviews;
                    facts.name_weight[node] = class.weight + id.weight;
                }
                Kind::Document => {}
            }
        }
        let mut templates: rustc_hash::FxHashMap<(&str, &str), usize> = Default::default();
        for element in dom.nodes.iter().filter_map(|node| match &node.kind {
            Kind::Element(e) if !e.class.is_empty() => Some(e),
            _ => None,
        }) {
            *templates.entry((element.tag, element.class)).or_default() += 1;
        }
        for node in 0..n {
            facts.entry[node] = dom.element(node).is_some_and(|e| templates.get(&(e.tag, e.class)).is_some_and(|&k| k >= ENTRY_REPEATS));
            match dom.tag(node) {
                "table" => facts.data_table[node] = is_data_table(dom, node),
                "div" => facts.transparent[node] = wraps_one_paragraph(dom, node),
                _ => {}
            }
            if let Some(parent) = dom.nodes[node].parent {
                facts.in_data_table[node] = facts.in_data_table[parent] || facts.data_table[parent];
            }
        }
        facts
    }
}

/// What a class or id names, of what reading a page asks.
#[derive(Clone, Copy, Default)]
struct Named {
    furniture: Option<&'static str>,
    content: bool,
    consent: Option<&'static str>,
    reviews: bool,
    weight: f64,
}

/// [`Named`] for each class and id of a page, read once each: a page
/// repeats the same few classes on most of its elements.
#[derive(Default)]
struct NamesRead<'a> {
    read: rustc_hash::FxHashMap<&'a str, Named>,
}

impl<'a> NamesRead<'a> {
    fn of(&mut self, value: &'a str) -> Named {
        if value.is_empty() {
            return Named::default();
        }
        *self.read.entry(value).or_insert_with(|| {
            if !ANY_NAME.is_match(value) {
                return Named::default();
            }
            Named {
                furniture: find_name(&FURNITURE, FURNITURE_NAMES, value),
                content: CONTENT.is_match(value),
                consent: CONSENT.find(value).map(|m| CONSENT_NAMES[m.pattern().as_usize()]),
                reviews: names_reviews(value),
                weight: name_weight(value),
            }
        })
    }
}

/// The first of `names` that `matcher` finds in a class or id, leaving out
/// `hidden` in a utility class that clips a box's overflow
/// (`overflow-hidden`, `overflow-x-hidden`): it says how the box is drawn,
/// not that it is hidden. On WCXB's pages, so: word F1 0.8685 -> 0.8692
/// (22 pages up, 13 down; better in four folds of whole domains, worse in
/// one; held out 0.8690); Readability's pages unchanged.
fn find_name(matcher: &AhoCorasick, names: &[&'static str], text: &str) -> Option<&'static str> {
    let clips_overflow = |at: usize| {
        let token = text[..at].rfind(char::is_whitespace).map_or(0, |blank| blank + 1);
        text[token..at].to_ascii_lowercase().contains("overflow")
    };
    matcher
        .find_iter(text)
        .map(|m| (names[m.pattern().as_usize()], m.start()))
        .find(|&(name, at)| name != "hidden" || !clips_overflow(at))
        .map(|(name, _)| name)
}

/// Whether a class or id names a product's customer reviews (`reviews`,
/// `pdp-review-list`, `ReviewsSection`), not a preview.
fn names_reviews(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes
        .windows(6)
        .enumerate()
        .any(|(at, word)| word.eq_ignore_ascii_case(b"review") && !(at > 0 && bytes[at - 1].eq_ignore_ascii_case(&b'p')))
}

fn name_weight(name: &str) -> f64 {
    if name.is_empty() {
        return 0.0;
    }
    let mut weight = 0.0;
    if find_name(&NEGATIVE, NEGATIVE_NAMES, name).is_some() || name.split_whitespace().any(|w| w.eq_ignore_ascii_case("hid")) {
        weight -= CLASS_WEIGHT;
    }
    if POSITIVE.is_match(name) {
        weight += CLASS_WEIGHT;
    }
    weight
}

/// Commas that part clauses: not those grouping a number's digits
/// ("2,676,127"), which fill tables of figures and say nothing of prose.
fn clause_commas(text: &str) -> usize {
    let bytes = text.as_bytes();
    text.char_indices()
        .filter(|&(at, c)| {
            COMMAS.contains(&c)
                && !(c == ',' && at > 0 && bytes[at - 1].is_ascii_digit() && bytes.get(at + 1).is_some_and(u8::is_ascii_digit))
        })
        .count()
}

/// Characters of `text` with each run of blanks counted once, the ends not at all.
fn folded_len(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>().saturating_sub(1)
}

/// A `<div>` whose only content is one paragraph.
fn wraps_one_paragraph(dom: &Dom<'_>, node: usize) -> bool {
    let mut elements = 0;
    let mut paragraph = false;
    for child in dom.children(node) {
        match &dom.nodes[child].kind {
            Kind::Text(text) if !text.trim().is_empty() => return false,
            Kind::Element(element) => {
                elements += 1;
                paragraph = element.tag == "p";
            }
            _ => {}
        }
    }
    elements == 1 && paragraph
}

/// A table of data rather than one that lays out the page.
fn is_data_table(dom: &Dom<'_>, table: usize) -> bool {
    if let Some(hint) = dom.element(table).and_then(|e| e.table_hint) {
        return hint;
    }
    let mut rows = 0usize;
    let mut columns = 0usize;
    let mut cells_in_row = 0usize;
    let mut node = table + 1;
    let end = dom.nodes[table].end;
    while node < end {
        match dom.tag(node) {
            "caption" if dom.nodes[node].end > node + 1 => return true,
            "col" | "colgroup" | "tfoot" | "thead" | "th" => return true,
            "table" => return false,
            "tr" => {
                rows += 1;
                columns = columns.max(cells_in_row);
                cells_in_row = 0;
            }
            "td" => cells_in_row += 1,
            _ => {}
        }
        node += 1;
    }
    columns = columns.max(cells_in_row);
    rows >= 10 || columns > 4 || rows * columns > 10
}

/// One try at finding the article, trusting some hints.
struct Attempt<'a> {
    dom: &'a Dom<'a>,
    facts: &'a Facts,
    hints: Hints,
    /// Why a node was dropped, for the node where the drop starts.
    dropped_here: Vec<Option<usize>>,
    reasons: Vec<Reason>,
    /// Dropped itself or under a dropped node.
    gone: Vec<bool>,
}

/// Totals over a subtree of what is still there.
#[derive(Clone, Copy, Default)]
struct Totals {
    chars: usize,
    commas: usize,
    link_chars: f64,
    list_chars: usize,
    heading_chars: usize,
    paragraphs: usize,
    images: usize,
    list_items: usize,
    inputs: usize,
    /// Characters of text inside links, unweighted.
    anchor_chars: usize,
    breakers: bool,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.chars += other.chars;
        self.commas += other.commas;
        self.link_chars += other.link_chars;
        self.list_chars += other.list_chars;
        self.heading_chars += other.heading_chars;
        self.paragraphs += other.paragraphs;
        self.images += other.images;
        self.list_items += other.list_items;
        self.inputs += other.inputs;
        self.anchor_chars += other.anchor_chars;
        self.breakers |= other.breakers;
    }

    /// Enough text, not mostly links, to say something of its own.
    fn has_prose(&self) -> bool {
        self.chars >= MIN_PARAGRAPH_CHARS && self.link_density() < 0.5
    }

    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars / self.chars as f64
        }
    }
}

impl<'a> Attempt<'a> {
    fn new(dom: &'a Dom<'a>, facts: &'a Facts, hints: Hints) -> Self {
        let n = dom.nodes.len();
        Attempt { dom, facts, hints, dropped_here: vec![None; n], reasons: Vec::new(), gone: vec![false; n] }
    }

    fn drop_node(&mut self, node: usize, reason: Reason) {
        self.reasons.push(reason);
        self.dropped_here[node] = Some(self.reasons.len() - 1);
        let end = self.dom.nodes[node].end;
        self.gone[node..end].iter_mut().for_each(|g| *g = true);
    }

    /// The article's text length and the selection.
    fn run(mut self) -> (usize, Selection) {
        self.drop_furniture();
        let totals = self.totals(|_, _, _| None);
        let scores = self.score(&totals);
        let article = match self.hints.listing {
            true => self.longest_run_of_entries(&totals).unwrap_or_default(),
            false => self.article(&scores, &totals),
        };
        let mut in_article = vec![false; self.dom.nodes.len()];
        for &root in &article {
            let end = self.dom.nodes[root].end;
            in_article[root..end].iter_mut().for_each(|a| *a = true);
        }
        self.check_again(&in_article, &scores);
        let length = (0..self.dom.nodes.len()).filter(|&n| in_article[n] && !self.gone[n]).map(|n| self.facts.chars[n]).sum();
        (length, self.selection(&in_article))
    }

    /// Drops landmarks, furniture-named elements, the byline and the
    /// headline that repeats the title, before anything is scored.
    fn drop_furniture(&mut self) {
        self.drop_overlays();
        let dom = self.dom;
        let title = tokens(&dom.title);
        let forum = dom.kind.as_ref().is_some_and(|found| found.kind == PageKind::Forum);
        let product = dom.kind.as_ref().is_some_and(|found| found.kind == PageKind::Product);
        let mut byline_found = false;
        let mut title_found = false;
        for node in 0..dom.nodes.len() {
            if self.gone[node] {
                continue;
            }
            let Some(element) = dom.element(node) else { continue };
            let tag = element.tag;
            if matches!(tag, "html" | "body" | "a") {
                continue;
            }
            // A page's footer never holds its main content, however much
            // prose its legal notice has (one inside the article went
            // anyway, when checked again). Dropped so in every attempt, not
            // only in the article: WCXB's word F1 0.8692 -> 0.8704 (5 pages
            // up, 4 down; a news front page read as its copyright notice
            // 0.15 -> 0.86; four folds of whole domains better, one 0.0002
            // worse); Readability's pages unchanged. Not `<nav>`: no gain.
            if tag == "footer" {
                self.drop_node(node, Reason::Inside("footer"));
                continue;
            }
            // A product's reviews are set apart in every attempt: their
            // prose outscores the product's own description. They stay
            // the product-reviews rule's to remove or keep.
            if product && self.facts.reviews_name[node] {
                self.drop_node(node, Reason::Reviews);
                continue;
            }
            if self.hints.drop_furniture_names && !self.facts.in_table[node] && !self.facts.in_code[node] {
                if let Some(role) = element.role.filter(|r| FURNITURE_ROLES.iter().any(|f| f.eq_ignore_ascii_case(r))) {
                    self.drop_node(node, Reason::Role(role.to_lowercase()));
                    continue;
                }
                // A name repeated as the same part of many entries (a job
                // card's `listing__header`, arXiv's `list-comments`) names
                // that part, not furniture; but a thread repeats its
                // authors' extras beside each post, which are. On WCXB's
                // pages, so: word F1 0.8770 -> 0.8779 (43 pages up, 27 down;
                // better in each of five folds of whole domains), listings
                // 0.749 -> 0.751; Readability's articles 0.9744 -> 0.9742.
                let part_of_entries = self.facts.entry[node] && !forum;
                if let Some((attribute, word)) = self.facts.furniture_name[node].filter(|_| !part_of_entries) {
                    self.drop_node(node, Reason::Named(attribute, word));
                    continue;
                }
            }
            // A thread's first author line is one of its posts' details, the
            // `post-authors` rule's to remove with the others, or to keep.
            if !forum && !byline_found && (element.author || BYLINE.is_match(element.class) || BYLINE.is_match(element.id)) {
                let chars = self.subtree_chars(node);
                if chars > 0 && chars < 100 {
                    byline_found = true;
                    self.drop_node(node, Reason::Byline);
                    continue;
                }
            }
            if !title_found && matches!(tag, "h1" | "h2") && !title.is_empty() {
                let heading = tokens(&self.subtree_text(node));
                if similarity(&title, &heading) > 0.75 {
                    title_found = true;
                    self.drop_node(node, Reason::Title);
                }
            }
        }
    }

    /// Drops consent panels and modal dialogs first, in every attempt, so
    /// that each goes as what it is wherever it stands: a shop's footer
    /// often holds its privacy policy and terms as dialogs.
    fn drop_overlays(&mut self) {
        for node in 0..self.dom.nodes.len() {
            if self.gone[node] {
                continue;
            }
            let Some(element) = self.dom.element(node).filter(|e| !matches!(e.tag, "html" | "body" | "a")) else { continue };
            if let Some((attribute, word)) = self.facts.consent_name[node] {
                self.drop_node(node, Reason::Consent(attribute, word));
            } else if element.modal {
                self.drop_node(node, Reason::Dialog);
            }
        }
    }

    /// Whether a `<header>` is the site's, not an article's: outside any
    /// `<article>` or `<main>`, and without the page's headline.
    fn is_site_header(&self, node: usize) -> bool {
        let dom = self.dom;
        let in_content = dom.ancestors(node).any(|a| matches!(dom.tag(a), "article" | "main"));
        let holds_headline = (node..dom.nodes[node].end).any(|n| dom.tag(n) == "h1");
        !in_content && !holds_headline
    }

    fn subtree_chars(&self, node: usize) -> usize {
        (node..self.dom.nodes[node].end).map(|n| self.facts.chars[n]).sum()
    }

    fn subtree_text(&self, node: usize) -> String {
        self.dom.texts(node).flat_map(|t| [t, " "]).collect()
    }

    /// Totals of every node's subtree of what is not gone; `drop` may
    /// drop an element once its subtree is counted.
    fn totals(&mut self, mut drop: impl FnMut(&Self, usize, &Totals) -> Option<Reason>) -> Vec<Totals> {
        let dom = self.dom;
        let facts = self.facts;
        let mut totals = vec![Totals::default(); dom.nodes.len()];
        for node in (0..dom.nodes.len()).rev() {
            if self.gone[node] {
                continue;
            }
            // What `node` adds to its parent besides its subtree's totals.
            let mut own = Totals::default();
            match &dom.nodes[node].kind {
                Kind::Text(_) => {
                    let chars = facts.chars[node];
                    let total = &mut totals[node];
                    total.chars = chars;
                    total.commas = facts.commas[node];
                    total.link_chars = chars as f64 * facts.link_weight[node];
                    total.list_chars = if facts.in_list[node] { chars } else { 0 };
                    total.heading_chars = if facts.in_heading[node] { chars } else { 0 };
                }
                Kind::Element(element) => {
                    let tag = element.tag;
                    if tag == "div" && totals[node].breakers {
                        totals[node].paragraphs += self.phrasing_runs(node).filter(|run| run.chars > 0).count();
                    }
                    if let Some(reason) = drop(self, node, &totals[node]) {
                        self.drop_node(node, reason);
                        continue;
                    }
                    own.paragraphs = usize::from(tag == "p" || tag == "div" && !totals[node].breakers);
                    own.images = usize::from(tag == "img");
                    own.list_items = usize::from(tag == "li");
                    own.inputs = usize::from(matches!(tag, "input" | "textarea" | "select" | "button") && !element.disclosure);
                    own.breakers = DIV_BREAKERS.contains(&tag);
                    if tag == "a" {
                        own.anchor_chars = totals[node].chars - totals[node].anchor_chars;
                    }
                }
                Kind::Document => {}
            }
            if let Some(parent) = dom.nodes[node].parent {
                let subtree = totals[node];
                totals[parent].add(&subtree);
                totals[parent].add(&own);
            }
        }
        totals
    }

    /// The runs of inline content among a container's children: the
    /// paragraphs of a `<div>` that mixes text with blocks.
    fn phrasing_runs(&self, node: usize) -> impl Iterator<Item = Run> + '_ {
        let dom = self.dom;
        let mut children = dom.children(node).filter(|&c| !self.gone[c]).peekable();
        std::iter::from_fn(move || {
            let mut run = Run::default();
            let mut any = false;
            while let Some(&child) = children.peek() {
                let inline = match dom.element(child) {
                    Some(element) => {
                        let tag = element.tag;
                        !is_block(tag) && !DIV_BREAKERS.contains(&tag)
                    }
                    None => true,
                };
                if !inline {
                    if any {
                        break;
                    }
                    children.next();
                    continue;
                }
                any = true;
                children.next();
                for n in child..dom.nodes[child].end {
                    run.chars += self.facts.chars[n];
                    run.commas += self.facts.commas[n];
                }
            }
            any.then_some(run)
        })
    }

    /// Each paragraph adds to the score of the containers around it.
    fn score(&self, totals: &[Totals]) -> Vec<Option<f64>> {
        let dom = self.dom;
        let mut scores: Vec<Option<f64>> = vec![None; dom.nodes.len()];
        for (node, total) in totals.iter().enumerate() {
            if self.gone[node] {
                continue;
            }
            let tag = dom.tag(node);
            let breakers = total.breakers;
            if PARAGRAPHS.contains(&tag) || tag == "div" && !breakers {
                if let Some(parent) = dom.nodes[node].parent {
                    if !self.is_consent_notice(node, total) {
                        self.add_paragraph(&mut scores, parent, total.chars, total.commas);
                    }
                }
            }
            if tag == "div" && breakers {
                for run in self.phrasing_runs(node) {
                    self.add_paragraph(&mut scores, node, run.chars, run.commas);
                }
            }
        }
        for (node, score) in scores.iter_mut().enumerate() {
            if let Some(score) = score {
                *score *= 1.0 - totals[node].link_density();
            }
        }
        scores
    }

    /// Whether a paragraph asks for consent to cookies ("we and our
    /// partners…"): a consent dialog's prose is long and plain, and would
    /// otherwise outscore a listing's short entries. On WCXB's pages this
    /// finds a listing or product under such a dialog on 3 pages and loses
    /// on 3 (0.8533 → 0.8541); Readability's pages are unchanged.
    fn is_consent_notice(&self, paragraph: usize, total: &Totals) -> bool {
        total.chars >= MIN_PARAGRAPH_CHARS
            && *self.facts.consent[paragraph]
                .get_or_init(|| PhraseList::CookieNotice.file().strong.matches(&normalize(&self.subtree_text(paragraph))))
    }

    fn add_paragraph(&self, scores: &mut [Option<f64>], container: usize, chars: usize, commas: usize) {
        if chars < MIN_PARAGRAPH_CHARS {
            return;
        }
        let dom = self.dom;
        let points = 1.0 + commas as f64 + (chars / 100).min(3) as f64;
        let containers = std::iter::once(container).chain(dom.ancestors(container)).filter(|&a| !self.facts.transparent[a]);
        for (level, ancestor) in containers.take(SCORE_DEPTH).enumerate() {
            // The root element and the document above it hold no article.
            if dom.nodes[ancestor].parent.is_none_or(|p| dom.nodes[p].parent.is_none()) {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let score = scores[ancestor].get_or_insert_with(|| self.initial_score(ancestor));
            *score += points / divider;
        }
    }

    fn initial_score(&self, node: usize) -> f64 {
        let base = match self.dom.tag(node) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.weight(node)
    }

    fn weight(&self, node: usize) -> f64 {
        if self.hints.weigh_names {
            self.facts.name_weight[node]
        } else {
            0.0
        }
    }

    /// The containers that make up the article.
    fn article(&self, scores: &[Option<f64>], totals: &[Totals]) -> Vec<usize> {
        let dom = self.dom;
        let body = dom.body();
        let score_of = |n: usize| scores[n].unwrap_or_else(|| self.initial_score(n));
        let mut ranked: Vec<usize> = (0..dom.nodes.len()).filter(|&n| scores[n].is_some()).collect();
        ranked.sort_by(|&a, &b| score_of(b).total_cmp(&score_of(a)).then(a.cmp(&b)));
        ranked.truncate(TOP_CANDIDATES);
        if self.hints.prefer_long {
            if let Some(long) = ranked.iter().position(|&n| totals[n].chars >= MIN_ARTICLE_CHARS) {
                ranked[..=long].rotate_right(1);
            }
        }
        let Some(&first) = ranked.first() else { return vec![body] };
        if first == body {
            return vec![body];
        }
        let mut top = first;
        // Several near-best candidates under one ancestor: the ancestor is the article.
        let close: Vec<Vec<usize>> =
            ranked[1..].iter().filter(|&&c| score_of(c) / score_of(first) >= 0.75).map(|&c| dom.ancestors(c).collect()).collect();
        if close.len() >= 3 {
            for ancestor in dom.ancestors(first).take_while(|&a| a != body) {
                if close.iter().filter(|list| list.contains(&ancestor)).count() >= 3 {
                    top = ancestor;
                    break;
                }
            }
        }
        // Climb while the parent scores higher: the article spans it.
        let mut last = score_of(top);
        let threshold = last / 3.0;
        for ancestor in dom.ancestors(top).take_while(|&a| a != body) {
            let Some(score) = scores[ancestor] else { continue };
            if score < threshold {
                break;
            }
            if score > last {
                top = ancestor;
                break;
            }
            last = score;
        }
        top = self.outermost_wrapper(top);
        if dom.kind.as_ref().is_some_and(|found| matches!(found.kind, PageKind::Forum | PageKind::Product)) {
            top = self.holding_most_prose(top, totals);
        }
        if let Some(entries) = self.repeated_entries(top, totals) {
            return entries;
        }
        let Some(parent) = dom.nodes[top].parent else { return vec![top] };
        let top_score = score_of(top);
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom.element(top).map_or("", |e| e.class);
        self.element_children(parent)
            .filter(|&sibling| {
                if sibling == top {
                    return true;
                }
                let class = dom.element(sibling).map_or("", |e| e.class);
                let bonus = if !top_class.is_empty() && class == top_class { top_score * 0.2 } else { 0.0 };
                if scores[sibling].is_some_and(|s| s + bonus >= threshold) {
                    return true;
                }
                let tag = dom.tag(sibling);
                // A table or a definition list beside the main block is its
                // data: a product's specifications beside its description.
                // It changes none of WCXB's or Readability's pages.
                if matches!(tag, "table" | "dl") && totals[sibling].chars > 0 && totals[sibling].link_density() < 0.25 {
                    return true;
                }
                if tag == "p" || tag == "div" && !totals[sibling].breakers {
                    let total = &totals[sibling];
                    let density = total.link_density();
                    if total.chars > 80 {
                        return density < 0.25;
                    }
                    return total.chars > 0 && density == 0.0 && ends_a_sentence(&self.subtree_text(sibling));
                }
                false
            })
            .collect()
    }

    /// On a discussion the best block is one post, on a product page one of
    /// its description, specifications and reviews: the main content is the
    /// nearest block around it that holds at least half of the page's
    /// prose, the thread's other posts or the product's other parts
    /// whatever their markup.
    fn holding_most_prose(&self, top: usize, totals: &[Totals]) -> usize {
        let body = self.dom.body();
        let prose = |node: usize| totals[node].chars as f64 - totals[node].link_chars;
        let page = prose(body);
        std::iter::once(top)
            .chain(self.dom.ancestors(top))
            .take_while(|&a| a != body)
            .find(|&a| prose(a) >= MAIN_BLOCK_SHARE * page)
            .unwrap_or(top)
    }

    /// When the chosen block, or one of its near ancestors, is one of a run
    /// of siblings made alike (same element, same class), each with prose
    /// of its own: those siblings, every entry of a listing, every post of
    /// a thread, not the one that scored best.
    fn repeated_entries(&self, top: usize, totals: &[Totals]) -> Option<Vec<usize>> {
        let dom = self.dom;
        let body = dom.body();
        for block in std::iter::once(top).chain(dom.ancestors(top)).take(REPEAT_DEPTH) {
            let parent = dom.nodes[block].parent.filter(|&p| p != body)?;
            let Some(element) = dom.element(block) else { continue };
            // Entries are marked alike by a class, or are items or articles of their own.
            if element.class.is_empty() && !matches!(element.tag, "li" | "article") {
                continue;
            }
            let alike: Vec<usize> = self
                .element_children(parent)
                .filter(|&c| dom.element(c).is_some_and(|e| e.tag == element.tag && e.class == element.class))
                .collect();
            let with_prose = alike.iter().filter(|&&c| totals[c].has_prose()).count();
            if alike.len() >= MIN_ENTRIES && with_prose * 2 >= alike.len() {
                return Some(self.with_lead(parent, alike, totals));
            }
        }
        None
    }

    /// The run of at least [`MIN_ENTRIES`] siblings made alike (same
    /// element, same first class: a card's other classes say whether it has
    /// a picture) that holds most text, each entry at least a short title,
    /// with the prose just before it. Not in the page's navigation, header,
    /// footer or asides.
    fn longest_run_of_entries(&self, totals: &[Totals]) -> Option<Vec<usize>> {
        let dom = self.dom;
        let template = |node: usize| dom.element(node).map(|e| (e.tag, e.class.split_whitespace().next().unwrap_or("")));
        let body = dom.body();
        let mut best: Option<(usize, usize, Vec<usize>)> = None;
        for parent in (0..dom.nodes.len()).filter(|&p| !self.gone[p] && p != body && dom.element(p).is_some()) {
            if std::iter::once(parent).chain(dom.ancestors(parent)).any(|a| LANDMARKS.contains(&dom.tag(a))) {
                continue;
            }
            let children: Vec<usize> = self.element_children(parent).collect();
            for run in children.chunk_by(|&a, &b| template(a) == template(b)) {
                // Paragraphs are prose, not entries.
                if run.len() < MIN_ENTRIES || dom.tag(run[0]) == "p" || run.iter().any(|&entry| totals[entry].chars < MIN_ENTRY_CHARS) {
                    continue;
                }
                let chars = run.iter().map(|&entry| totals[entry].chars).sum();
                if best.as_ref().is_none_or(|(most, _, _)| chars > *most) {
                    best = Some((chars, parent, run.to_vec()));
                }
            }
        }
        let (_, parent, run) = best?;
        Some(self.with_lead(parent, run, totals))
    }

    /// `entries`, with the blocks of prose just before the run that holds
    /// them: a thread's question before its answers, a listing's introduction.
    fn with_lead(&self, run: usize, mut entries: Vec<usize>, totals: &[Totals]) -> Vec<usize> {
        let Some(holder) = self.dom.nodes[run].parent.filter(|&h| h != self.dom.body()) else { return entries };
        let before: Vec<usize> = self.element_children(holder).take_while(|&c| c != run).collect();
        let lead = before.len() - before.iter().rev().take_while(|&&c| totals[c].has_prose()).count();
        entries.splice(0..0, before[lead..].iter().copied());
        entries
    }

    /// The outermost element around `node`, below the body, that holds
    /// nothing else: a wrapper with nothing else in it is the same block.
    fn outermost_wrapper(&self, mut node: usize) -> usize {
        let dom = self.dom;
        while let Some(parent) = dom.nodes[node].parent.filter(|&p| p != dom.body() && self.element_children(p).count() == 1) {
            node = parent;
        }
        node
    }

    fn element_children(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.dom.children(node).filter(|&c| !self.gone[c] && self.dom.element(c).is_some())
    }

    /// Drops what looks like furniture inside the article, innermost first.
    fn check_again(&mut self, in_article: &[bool], scores: &[Option<f64>]) {
        self.totals(|attempt, node, totals| if in_article[node] { attempt.furniture(node, totals, scores) } else { None });
    }

    /// Why an element of the article is furniture after all.
    fn furniture(&self, node: usize, totals: &Totals, scores: &[Option<f64>]) -> Option<Reason> {
        let dom = self.dom;
        let facts = self.facts;
        let element = dom.element(node)?;
        let tag = element.tag;
        if let Some(&furniture) = FURNITURE_TAGS.iter().find(|&&t| t == tag).filter(|_| !element.disclosure) {
            return Some(Reason::Inside(furniture));
        }
        if tag == "header" && self.is_site_header(node) {
            return Some(Reason::Inside("header"));
        }
        let share_in_class = SHARE.is_match(element.class);
        if (share_in_class || SHARE.is_match(element.id)) && totals.chars < 500 {
            return Some(Reason::Named(if share_in_class { "class" } else { "id" }, "share"));
        }
        let weight = self.weight(node);
        if matches!(tag, "h1" | "h2") && weight < 0.0 {
            return Some(self.negative_name(node));
        }
        if !self.hints.check_again || !CHECKED_AGAIN.contains(&tag) || facts.in_code[node] {
            return None;
        }
        if tag == "table" && facts.data_table[node] || facts.in_data_table[node] {
            return None;
        }
        // A name such as "meta" marks a byline in an article, but names each
        // entry of a listing alike: what repeats as its entries is kept.
        if weight < 0.0 && weight + scores[node].unwrap_or(0.0) < 0.0 {
            let reason = self.negative_name(node);
            if !(facts.entry[node] && matches!(reason, Reason::Named(_, name) if ENTRY_NAMES.contains(&name))) {
                return Some(reason);
            }
        }
        if totals.commas >= 10 {
            return None;
        }
        let chars = totals.chars.max(1) as f64;
        let is_list = matches!(tag, "ul" | "ol") || totals.list_chars as f64 / chars > 0.9;
        let paragraphs = totals.paragraphs as f64;
        let images = totals.images as f64;
        let in_figure = facts.in_figure[node];
        let density = totals.link_density();
        let reason = if images > 1.0 && paragraphs / images < 0.5 && !in_figure {
            Reason::Images
        } else if !is_list && totals.list_items as f64 - 100.0 > paragraphs {
            Reason::ListOfLinks
        } else if matches!(tag, "form" | "fieldset") && totals.inputs > totals.paragraphs / 3 {
            Reason::Form
        // Short blocks without prose are not dropped for being short: on the
        // WCXB pages (stat tiles, feature names, prices) and Readability's
        // articles alike, dropping those under 25 characters lost more than
        // it removed (wcxb-dev-html word F1 0.8451 without it 0.8472, better
        // in each of five folds of whole domains; dev-html F1 0.9795 → 0.9804).
        } else if (!is_list && weight < CLASS_WEIGHT && density > 0.2 || weight >= CLASS_WEIGHT && density > 0.5)
            && !self.hints.listing
            && !self.is_entry(node, totals)
        {
            Reason::LinkDense
        } else {
            return None;
        };
        // A list of images, one to an item, is a gallery: it stays.
        if is_list && totals.images == totals.list_items && self.element_children(node).all(|c| self.element_children(c).count() <= 1) {
            return None;
        }
        Some(reason)
    }

    /// Whether `node` is one entry of a listing, or the same part of each
    /// of its entries, with text of its own beside its links (a teaser, a
    /// price, a rating). A card's title is a link, so its entries read as
    /// link-dense; a menu's items are links and nothing else. On WCXB's
    /// pages, keeping such entries: word F1 0.8636 -> 0.8645 (18 pages up,
    /// 11 down; listings 0.712 -> 0.722; four folds of whole domains better,
    /// the fifth the same within 0.0003); Readability's pages unchanged.
    /// What it costs: the teasers of related posts inside an article's
    /// block stay when they have a summary.
    ///
    /// A part of each entry (a story's line of date, section and comment
    /// count, whose links are the section's and the comments') is a block
    /// whose tag and class repeat across the page ([`Facts::entry`]) and
    /// whose parent is an entry. On WCXB's pages, keeping those too: word
    /// F1 0.8810 -> 0.8816 (19 pages up, 11 down, among them forum posts'
    /// author and date lines, which the gold leaves out; listings 0.768 ->
    /// 0.772, collections 0.728 -> 0.731; chosen in each of five folds of
    /// whole domains, held out 0.8816); Readability's pages unchanged.
    fn is_entry(&self, node: usize, totals: &Totals) -> bool {
        if totals.chars <= totals.anchor_chars {
            return false;
        }
        self.in_run(node) || self.facts.entry[node] && self.dom.nodes[node].parent.is_some_and(|parent| self.in_run(parent))
    }

    /// Whether `node` is one of a run of at least [`MIN_ENTRIES`] siblings
    /// made alike (same element, same class). Runs, not all siblings alike:
    /// notes spread among an article's paragraphs ("Main article: …") are
    /// not entries. A block that is its parent's only element is the same
    /// entry as its parent (page builders wrap each group in an inner
    /// container): the run is looked for around the outermost such
    /// wrapper. On WCXB's pages, so: word F1 0.8801 -> 0.8810 (11 pages up,
    /// 5 down; listings 0.756 -> 0.768; better or the same in each of five
    /// folds of whole domains); Readability's pages unchanged.
    fn in_run(&self, node: usize) -> bool {
        let dom = self.dom;
        let node = self.outermost_wrapper(node);
        let (Some(element), Some(parent)) = (dom.element(node), dom.nodes[node].parent) else { return false };
        let alike = |c: usize| dom.element(c).is_some_and(|e| e.tag == element.tag && e.class == element.class);
        let siblings: Vec<usize> = self.element_children(parent).collect();
        let Some(at) = siblings.iter().position(|&c| c == node) else { return false };
        let before = siblings[..at].iter().rev().take_while(|&&c| alike(c)).count();
        let after = siblings[at + 1..].iter().take_while(|&&c| alike(c)).count();
        before + 1 + after >= MIN_ENTRIES
    }

    fn negative_name(&self, node: usize) -> Reason {
        let element = self.dom.element(node);
        let found = |attribute: &'static str, name: &str| find_name(&NEGATIVE, NEGATIVE_NAMES, name).map(|n| Reason::Named(attribute, n));
        element.and_then(|e| found("class", e.class).or_else(|| found("id", e.id))).unwrap_or(Reason::LowScore)
    }

    /// Every node's verdict: the article and what it kept stay; the rest
    /// goes, under the reason of the outermost block it is dropped with,
    /// unless that block is dropped only for lying outside the article and
    /// an element within it says what it is (a `<nav>`, a comment section):
    /// that element goes under its own reason. A consent panel or a dialog
    /// goes under its own reason wherever it stands, as it is furniture
    /// however the page is read.
    fn selection(mut self, in_article: &[bool]) -> Selection {
        let dom = self.dom;
        let n = dom.nodes.len();
        let mut holds_article = vec![false; n];
        for node in (0..n).rev() {
            if in_article[node] && dom.nodes[node].parent.is_none_or(|p| !in_article[p]) {
                for ancestor in dom.ancestors(node) {
                    if std::mem::replace(&mut holds_article[ancestor], true) {
                        break;
                    }
                }
            }
        }
        let mut dropped: Vec<Option<usize>> = vec![None; n];
        for node in 0..n {
            let parent_dropped = dom.nodes[node].parent.and_then(|p| dropped[p]);
            let overlay = self.dropped_here[node].filter(|&r| self.reasons[r].is_overlay());
            dropped[node] = if overlay.is_some() {
                overlay
            } else if let Some(parent_reason) = parent_dropped {
                match self.reasons[parent_reason] {
                    Reason::Outside => match self.landmark(node) {
                        Reason::Outside => parent_dropped,
                        own => {
                            self.reasons.push(own);
                            Some(self.reasons.len() - 1)
                        }
                    },
                    _ => parent_dropped,
                }
            } else if self.dropped_here[node].is_some() {
                self.dropped_here[node]
            } else if in_article[node] || holds_article[node] {
                None
            } else {
                self.reasons.push(self.landmark(node));
                Some(self.reasons.len() - 1)
            };
        }
        Selection { dropped, reasons: self.reasons }
    }

    /// What a block outside the article is, when its markup says so.
    fn landmark(&self, node: usize) -> Reason {
        let Some(element) = self.dom.element(node) else { return Reason::Outside };
        let tag = element.tag;
        if let Some(&landmark) = LANDMARKS.iter().find(|&&t| t == tag) {
            return Reason::Inside(landmark);
        }
        if let Some(role) = element.role.filter(|r| FURNITURE_ROLES.iter().any(|f| f.eq_ignore_ascii_case(r))) {
            return Reason::Role(role.to_lowercase());
        }
        match self.facts.furniture_name[node] {
            Some((attribute, word)) => Reason::Named(attribute, word),
            None => Reason::Outside,
        }
    }
}

#[derive(Default)]
struct Run {
    chars: usize,
    commas: usize,
}

fn ends_a_sentence(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with('.') || text.contains(". ")
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// How much of `b` (by characters of its words) also appears in `a`.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if b.is_empty() {
        return 0.0;
    }
    let joined = |words: &mut dyn Iterator<Item = &String>| words.map(|w| w.chars().count() + 1).sum::<usize>();
    let all = joined(&mut b.iter());
    let unseen = joined(&mut b.iter().filter(|w| !a.contains(w)));
    1.0 - unseen as f64 / all as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_read_as_each_reading_of_it_would_read_it() {
        let names = [
            "flex items-center gap-2", "post-review", "card hid", "ReviewsSection", "cookie-consent", "sidebar-widget", "main-content",
            "onetrust-banner", "overflow-hidden", "is-hidden", "entry-meta", "product__title",
        ];
        for name in names {
            let each = (
                find_name(&FURNITURE, FURNITURE_NAMES, name),
                CONTENT.is_match(name),
                CONSENT.find(name).map(|m| CONSENT_NAMES[m.pattern().as_usize()]),
                names_reviews(name),
                name_weight(name),
            );
            let Named { furniture, content, consent, reviews, weight } = NamesRead::default().of(name);
            assert_eq!((furniture, content, consent, reviews, weight), each, "{name}");
        }
        assert!(!ANY_NAME.is_match("flex items-center gap-2"), "a utility class names nothing");
    }

    /// `count` paragraphs of prose, each a part of `what`.
    fn parts_of(what: &str, count: usize) -> String {
        (1..=count).map(|n| format!("<p>Part {n} of {what} says more, and in sentences long enough to be read as prose.</p>")).collect()
    }

    /// The text of each block `page` drops, trimmed.
    fn dropped_of(page: &str) -> Vec<String> {
        let read = super::super::read(page);
        read.dropped.iter().map(|d| read.text[d.range.clone()].trim().to_string()).collect()
    }

    #[test]
    fn a_block_named_media_inside_the_article_is_read_as_any_other() {
        let paragraphs = parts_of("the guide to a car's upkeep", 8);
        let row = |work: &str, when: &str, cost: &str| format!("<div class=row><div>{work}</div><div>{when}</div><div>{cost}</div></div>");
        let page = format!(
            "<html><body><article><section class=body><h1>Your car checklist</h1>{paragraphs}\
             <div class=\"cda-media-block\"><div class=title>Your maintenance checklist</div>{}{}{}</div>\
             <p>Prices are from independent shops, which charge less than dealers, and are as good, our members say.</p>\
             </section></article><footer><a href=/about>About</a></footer></body></html>",
            row("Oil change", "Every 5,000 miles", "$35 to $75"),
            row("Tire rotation", "Every 7,500 miles", "$20 to $50"),
            row("Brake pads", "Every 50,000 miles", "$150 to $300"),
        );
        assert_eq!(dropped_of(&page), ["About"], "the checklist stays with the article");
    }

    #[test]
    fn a_reviews_product_boxes_named_widget_stay_in_it() {
        let paragraphs = parts_of("the review of kettles", 8);
        let product = |name: &str, verdict: &str| {
            format!("<div class=\"c-product-widget\"><div class=\"c-product-widget__name\">{name}</div><div>{verdict}</div></div>")
        };
        let page = format!(
            "<html><body><article><h1>The best kettles</h1>{paragraphs}{}{}<p>Prices were checked in March, and we bought \
             every kettle ourselves.</p></article><footer><a href=/about>About</a></footer></body></html>",
            product("Harbour Kettle 2", "Best overall"),
            product("Pier Kettle Mini", "Best for small kitchens"),
        );
        assert_eq!(dropped_of(&page), ["About"], "the product boxes stay with the review");
    }

    #[test]
    fn a_furniture_name_repeated_as_a_part_of_each_entry_names_that_part() {
        let intro = parts_of("our guide to winter soups", 5);
        let cards: String = ["Leek and potato", "Spiced lentil", "Roasted tomato", "Pea and ham", "Mushroom barley", "French onion"]
            .iter()
            .map(|soup| {
                format!(
                    "<div class=card><div class=card__header><h3>{soup} soup</h3></div><p>A {} soup that takes under an hour, \
                     with bread on the side, and keeps for three days.</p></div>",
                    soup.to_lowercase()
                )
            })
            .collect();
        let page = format!(
            "<html><body><div class=site-header><a href=/>Soups</a> <a href=/all>All recipes</a></div>\
             <article><h1>Winter soups</h1>{intro}{cards}</article><footer><a href=/about>About</a></footer></body></html>"
        );
        assert_eq!(dropped_of(&page), ["Soups All recipes", "About"], "each card keeps its title; the site's header goes");
    }

    #[test]
    fn a_long_list_of_links_wins_over_a_short_block_named_content() {
        // The tagline scores on its class; the links, being links, score
        // next to nothing, and every attempt alone finds only the tagline.
        let names = [
            "Ada", "Algol", "APL", "Awk", "Basic", "Bash", "Clojure", "Cobol", "Dart", "Elixir", "Erlang", "Forth", "Fortran", "Haskell",
            "Java", "Julia", "Kotlin", "Lisp", "Logo", "Lua", "Miranda", "Nim", "Oberon", "Pascal", "Perl", "Prolog", "Racket", "Rexx",
            "Ruby", "Scheme", "Simula", "Smalltalk", "Snobol", "Tcl", "Zig",
        ];
        let links: String = names.iter().map(|n| format!("<a href=/wiki/{n}>{n} (a programming language)</a> ")).collect();
        let page = format!(
            "<html><body><div class=before-content><div>From the encyclopedia, free to all</div></div><h2>A to Z</h2>{links}</body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        for kept in ["A to Z", "Ada (a programming language)", "Zig (a programming language)"] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
    }

    #[test]
    fn a_run_of_cards_with_text_of_their_own_stays_though_their_titles_are_links() {
        let card = |title: &str, rating: &str| {
            format!("<div class=card><a href=https://soup.example/{}>{title}</a> <span>{rating}</span></div>", title.len())
        };
        let link = |word: &str| format!("<div class=item><a href=/{word}>{word}</a></div>");
        let page = format!(
            "<html><body><main><div class=post><h1>Soup recipes</h1><p>Soups for every season, from a quick weeknight broth to a slow Sunday stew, \
             tested in our kitchen and rated by readers.</p><p>Most freeze well, so a big pot on Sunday is lunch for a week, \
             and every recipe says how long it keeps.</p><p>Stock is the heart of a soup: ours is made from roasted bones or, \
             for the vegetable soups, from onion skins, carrot tops and a parmesan rind, simmered for an afternoon.</p><h2>Top rated</h2>{}{}{}\
             <div class=jump>{}{}{}</div></div></main></body></html>",
            card("Roasted tomato soup with basil", "84 reviews, 4.9 stars"),
            card("Leek and potato soup", "61 reviews, 4.8 stars"),
            card("Spiced lentil soup", "47 reviews, 4.7 stars"),
            link("Breakfast"),
            link("Lunch"),
            link("Dinner"),
        );
        let read = super::super::read(&page);
        let dropped: Vec<(&str, &str)> = read.dropped.iter().map(|d| (read.text[d.range.clone()].trim(), d.reason.as_str())).collect();
        for kept in ["Roasted tomato soup with basil", "84 reviews, 4.9 stars", "Spiced lentil soup"] {
            assert!(!dropped.iter().any(|(block, _)| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
        // Links and nothing else, however alike, are still a menu.
        for menu in ["Breakfast", "Lunch", "Dinner"] {
            assert!(dropped.contains(&(menu, "link-dense block")), "{menu:?} kept: {dropped:?}");
        }
    }

    #[test]
    fn entries_each_wrapped_in_an_inner_container_stay() {
        let winner =
            |title: &str, studio: &str| format!("<li><p>Winner</p><a href=/w/{}><h4>{title}</h4></a><p>{studio}</p></li>", title.len());
        let group = |category: &str, entries: String| {
            format!("<div class=group><div class=group-inner><h3>{category}</h3><div class=cards><ul>{entries}</ul></div></div></div>")
        };
        let page = format!(
            "<html><body><main><h1>This year's design awards</h1>{}{}{}{}</main></body></html>",
            parts_of("the jury's report", 4),
            group("Hotels", winner("The Harbour Lighthouse Hotel and Spa", "Studio North") + &winner("Cliffside Lodge", "Marr & Co")),
            group("Libraries", winner("The Riverside Children's Library", "Atelier Ode") + &winner("Old Mill Reading Room", "Fenn")),
            group("Offices", winner("A Converted Printworks in the Docks", "Hale Studio") + &winner("Tower Nine", "Graves Lund")),
        );
        let dropped = dropped_of(&page);
        for kept in ["Hotels", "The Harbour Lighthouse Hotel and Spa", "Studio North", "Libraries", "Tower Nine", "Graves Lund"] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
    }

    #[test]
    fn the_same_part_of_each_entry_stays_though_its_words_are_links() {
        let story = |title: &str, section: &str, comments: usize| {
            format!(
                "<article><h2><a href=/news/{}>{title}</a></h2><div class=details>Today - <a href=/s/{section}>{section}</a> - \
                 <a href=/c/{comments}>{comments} Comments</a></div><p>What the story says of {title}, in a sentence or two \
                 long enough to be read as a teaser.</p><div class=topics><a href=/t/{section}>{section}</a> <a href=/t/all>All news</a></div></article>",
                title.len()
            )
        };
        let stories: String = [
            ("Kernel adds a faster poll", "Kernel", 2),
            ("Desktop release fixes", "Desktop", 9),
            ("A laptop port", "BSD", 13),
            ("Graphics driver update", "Graphics", 8),
            ("A new file system", "Storage", 26),
        ]
        .into_iter()
        .map(|(title, section, comments)| story(title, section, comments))
        .collect();
        let page = format!("<html><body><main><h1>Latest news</h1>{stories}</main></body></html>");
        let dropped = dropped_of(&page);
        for kept in ["Today - Kernel - 2 Comments", "Today - Storage - 26 Comments", "A new file system"] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
        // A part that is links and nothing else is still a menu.
        assert!(dropped.contains(&"Kernel All news".to_string()), "{dropped:?}");
    }

    #[test]
    fn a_page_of_linked_cards_under_a_short_introduction_is_read_as_a_listing() {
        let card = |class: &str, title: &str| {
            format!(
                "<a class=\"card {class}\" href=https://soup.example/{}><div class=media></div><span class=title>{title}</span></a>",
                title.len()
            )
        };
        let titles = [
            "Roasted tomato soup with basil",
            "Leek and potato soup",
            "Spiced red lentil soup",
            "Chicken noodle soup for a cold",
            "Minestrone with spring greens",
            "French onion soup with gruyere toasts",
            "Carrot and coriander soup",
            "Pea and mint soup, ready in ten minutes",
            "Smoky black bean soup",
            "Mushroom and barley soup",
            "Cullen skink, a Scottish smoked haddock soup",
            "Thai pumpkin soup with coconut milk",
        ];
        let cards: String =
            titles.iter().enumerate().map(|(i, t)| card(if i % 3 == 0 { "card--no-image" } else { "card--image" }, t)).collect();
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/soups>Soups</a></nav><main><p class=intro>Our soups, from a quick weeknight \
             broth to a slow Sunday stew.</p><div class=list>{cards}</div></main><footer><p>Every recipe is tested twice in our kitchen \
             before it is published.</p></footer></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| read.text[d.range.clone()].trim()).collect();
        for kept in ["Our soups, from a quick weeknight broth", "Roasted tomato soup with basil", "Thai pumpkin soup with coconut milk"] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
        assert!(dropped.iter().any(|block| block.contains("Every recipe is tested twice")), "{dropped:?}");
    }

    #[test]
    fn a_box_that_clips_its_overflow_is_not_hidden() {
        let story = "<p>The ferry will sail again in spring, the council said on Saturday, after a vote that ended a long debate about \
                     the cost of the new pier and who should pay for it.</p>";
        let page = format!(
            "<html><body><article>{story}{story}<div class=\"quote overflow-hidden\"><p>We waited twenty years for this boat.</p></div>\
             <div class=\"note visually-hidden\"><p>Skip to the timetable below.</p></div>{story}{story}</article></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<(&str, &str)> = read.dropped.iter().map(|d| (read.text[d.range.clone()].trim(), d.reason.as_str())).collect();
        assert!(!dropped.iter().any(|(block, _)| block.contains("We waited twenty years")), "{dropped:?}");
        assert!(dropped.contains(&("Skip to the timetable below.", "class contains 'hidden'")), "{dropped:?}");
    }

    #[test]
    fn a_footers_legal_notice_is_never_the_main_content() {
        let legal = "<p>Use of this site, including its archive, constitutes acceptance of our terms, our privacy policy, our cookie \
                     statement and your regional privacy rights, and the material on it may not be reproduced, distributed, transmitted \
                     or cached without the prior written permission of the publisher, except as the law allows.</p>";
        let titles = ["Harbour wall to be rebuilt before winter", "Ferry timetable changes from Monday", "Lifeboat crew honoured"];
        let stories: String = titles
            .iter()
            .map(|title| {
                format!("<div class=teaser><a href=https://harbour.example/{}>{title}</a> <span>2 hours ago</span></div>", title.len())
            })
            .collect();
        // The notice in a block of its own beside the footer's links, so
        // that the block, not the footer, is what scores best.
        let page = format!(
            "<html><body><main><h2>Latest</h2><div class=stories>{stories}</div></main><footer><div class=legal>{legal}{legal}</div>\
             <ul><li><a href=/privacy>Privacy</a></li><li><a href=/terms>Terms</a></li></ul></footer></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<(&str, &str)> = read.dropped.iter().map(|d| (read.text[d.range.clone()].trim(), d.reason.as_str())).collect();
        assert!(dropped.iter().any(|&(block, reason)| block.starts_with("Use of this site") && reason == "inside <footer>"), "{dropped:?}");
        assert!(!dropped.iter().any(|(block, _)| block.contains("Ferry timetable")), "{dropped:?}");
    }

    #[test]
    fn the_sites_header_goes_but_an_articles_header_or_one_with_the_headline_stays() {
        // A bar above everything makes the whole body the main content;
        // the site's header in it still goes.
        let page = |header: &str| {
            format!(
                "<html><head><title>Kettles - Hearth</title></head><body><div class=bar>Free delivery on orders over fifty pounds</div>\
                 <header>{header}<nav><a href=/kettles>Kettles</a> <a href=/mugs>Mugs</a></nav></header><main><ul class=grid>\
                 <li class=card><h3>Whistling kettle</h3><p>Enamelled steel, two litres, with a whistle you can hear from the garden.</p></li>\
                 <li class=card><h3>Copper kettle</h3><p>Hand-beaten copper on a brass handle, for gas and electric hobs.</p></li>\
                 <li class=card><h3>Camping kettle</h3><p>One litre of aluminium that packs inside itself, with a folding handle.</p></li>\
                 </ul></main></body></html>"
            )
        };
        let dropped = |page: &str| {
            let read = super::super::read(page);
            read.dropped.iter().map(|d| (read.text[d.range.clone()].trim().to_string(), d.reason.clone())).collect::<Vec<_>>()
        };
        let site = dropped(&page("<a href=/>Hearth and Home</a> "));
        assert!(site.contains(&("Hearth and Home\nKettles Mugs".to_string(), "inside <header>".to_string())), "{site:?}");
        let titled = dropped(&page("<h1>All our kettles</h1>"));
        assert!(!titled.iter().any(|(text, _)| text.contains("All our kettles")), "{titled:?}");
        let story = "<p>The ferry will sail again in spring, the council said on Saturday, after a vote that ended a long debate.</p>";
        let in_article =
            dropped(&format!("<html><body><article><header><p>Coastal desk</p></header>{story}{story}</article></body></html>"));
        assert!(!in_article.iter().any(|(text, _)| text.contains("Coastal desk")), "{in_article:?}");
    }

    #[test]
    fn a_discussion_keeps_its_question_and_every_answer() {
        // The answers, alike in nothing but prose, outscore the question;
        // the page's structured data says it is a discussion, so the
        // thread around them is kept whole.
        let question = ["My kiln reaches cone six, but the glaze on the north shelf comes out dull, pinholed and rough every time, while the south shelf, loaded the same way, is glossy.",
            "What could make one side of the kiln behave so differently, and how would you test it without wasting a whole firing?"];
        let answers = [
            ("answer accepted", "Put witness cones on both shelves and fire again, one set on each. If the north cone bends less, that side runs cooler, and a worn element on that wall is the usual cause, even a new one that was fitted loosely. Measure each element with the kiln unplugged."),
            ("answer", "Dull, pinholed glaze on one shelf often means it cools faster there, so the glaze freezes before it heals. Try a slow cool from peak down to about eight hundred degrees, and keep the peephole plugs in until the kiln is cold, since a draught from a leaky lid seal cools one side first."),
            ("answer-late", "Check the shelf itself too. A shelf with old kiln wash flaking off can shed dust into the glaze, and a thick shelf near the lid shades the pots below it from the top element, which matters more than people think in a small kiln."),
            ("reply", "I had the same trouble for a year. It turned out the lid hinge had dropped a few millimetres on one side, so the seal was open there and the cold air came in across the north shelf. A new hinge fixed it for good."),
        ];
        let question_html: String = question.iter().map(|p| format!("<p>{p}</p>")).collect();
        let answers_html: String = answers.iter().map(|(class, text)| format!("<div class=\"{class}\"><p>{text}</p></div>")).collect();
        let page = format!(
            "<html><head><title>North shelf glaze is dull</title>\
             <script type=\"application/ld+json\">{{\"@type\": \"QAPage\"}}</script></head><body>\
             <nav><a href=/>Forums</a> <a href=/new>New posts</a></nav><div class=layout>\
             <div class=opening><h1>Why is the north shelf dull</h1><div class=post-body>{question_html}</div></div>\
             <div class=lower><h2>Four answers</h2><div class=list>{answers_html}</div></div></div>\
             <footer><a href=/terms>Terms</a></footer></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        assert!(dropped.iter().any(|block| block.contains("New posts")), "the menu goes: {dropped:?}");
        for kept in question.iter().chain(answers.iter().map(|(_, text)| text)) {
            let start = &kept[..40];
            assert!(!dropped.iter().any(|block| block.contains(start)), "{start:?} dropped: {dropped:?}");
        }
    }

    #[test]
    fn a_product_keeps_its_specifications_beside_its_description() {
        // The description's prose scores best; the page says it is a
        // product, so the block around all of the product's parts is kept,
        // and the shop's other offers, beside it, are not.
        let description = "<p>Each lantern is spun from a single sheet of brass by a family workshop on the harbour, then lacquered \
            so that it keeps its colour through a winter on an open porch.</p>\
            <p>It takes a candle or the small battery light that comes with it, and the handle folds flat for packing, \
            which is why sailors have carried this shape for more than a century.</p>\
            <p>The glass lifts out from the top for cleaning, and a spare pane is kept in stock for every lantern \
            the workshop has ever made, so one that breaks is mended rather than thrown away.</p>";
        let page = format!(
            "<html><head><title>Harbour lantern</title>\
             <script type=\"application/ld+json\">{{\"@type\": \"Product\", \"name\": \"Harbour lantern\"}}</script></head><body>\
             <nav><a href=/>Shop</a> <a href=/lamps>Lamps</a> <a href=/sale>Sale</a></nav><div class=page><div class=product>\
             <div class=buy><h1>Harbour lantern</h1><span class=price>48.00</span><button>Add to basket</button></div>\
             <div class=story><div class=tabs><div class=panel>{description}</div></div></div>\
             <div class=details><dl class=specifications>\
             <dt>Height</dt><dd>24 cm with the handle up, 31 cm to the top of the ring</dd>\
             <dt>Width</dt><dd>14 cm across the base, 12 cm across the glass</dd>\
             <dt>Weight</dt><dd>610 g without a candle, 680 g with the battery light</dd>\
             <dt>Material</dt><dd>spun brass, lacquered inside and out</dd>\
             <dt>Glass</dt><dd>toughened, replaceable, sold in pairs</dd>\
             <dt>Light</dt><dd>one candle or the battery light that comes with it</dd>\
             <dt>Burn time</dt><dd>9 hours a candle, 40 hours on three AA cells</dd>\
             <dt>Finish</dt><dd>natural brass, or darkened by hand to look old</dd>\
             <dt>Care</dt><dd>a dry cloth; no polish, which takes off the lacquer</dd>\
             <dt>Made in</dt><dd>Falmouth, Cornwall, by a workshop of four</dd>\
             </dl></div>\
             </div><div class=also><h2>More lamps</h2><ul><li><a href=/a>Chart table lamp</a></li><li><a href=/b>Galley lamp</a></li>\
             <li><a href=/c>Deck lantern</a></li></ul></div></div>\
             <footer><a href=/terms>Terms</a></footer></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        for kept in ["48.00", "spun from a single sheet", "a spare pane", "610 g without", "Falmouth, Cornwall"] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
        assert!(dropped.iter().any(|block| block.contains("Galley lamp")), "the other offers go: {dropped:?}");
    }

    #[test]
    fn cards_in_a_list_stay_though_lists_score_below_zero() {
        let card = |title: &str, text: &str| {
            format!("<li><article><div><h3><a href=/r>{title}</a></h3><p>by Ana Ruiz</p><p>{text}</p></div></article></li>")
        };
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><main><h2>Latest reviews</h2><ul>{}{}{}</ul></main></body></html>",
            card("The best kettles", "We boiled forty litres of water to find the quickest, quietest kettle."),
            card("The best toasters", "Six months of breakfasts, three hundred slices, one clear winner."),
            card("The best teapots", "Cast iron, glass or porcelain: what pours cleanly and keeps tea hot."),
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        assert_eq!(dropped.first(), Some(&"Home News\n"), "the menu goes");
        for kept in ["kettle.", "one clear winner.", "keeps tea hot."] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
    }

    #[test]
    fn entries_of_a_listing_named_meta_stay() {
        let entry = |n: usize, title: &str| {
            format!(
                "<dt><a name=item{n}>[{n}]</a> <a href=/abs/{n}>Abstract {n}</a> [<a href=/pdf/{n}>pdf</a>, <a href=/format/{n}>other</a>]</dt>\
                 <dd><div class=meta><div class=list-title><span class=descriptor>Title:</span> {title} (part {n})</div>\
                 <div class=list-authors><a href=/a/1>Ana Ruiz</a>, <a href=/a/2>Ben Okafor</a>, <a href=/a/3>Chen Wei</a>, <a href=/a/4>Dora Hale</a></div>\
                 <div class=list-subjects><span class=descriptor>Subjects:</span> <span>Oceanography</span>; Coastal engineering</div></div></dd>"
            )
        };
        let titles = [
            "Tides and the silting of small harbours on a coast with strong currents",
            "A survey of breakwater repairs after winter storms in the north",
            "Measuring wave heights from a moored buoy over a whole year",
            "Salt marsh growth on a managed coast and what it means for flooding",
            "Ferry wakes and the erosion of river banks near busy piers",
            "Sediment under a tidal barrage, ten years after it was built",
        ];
        let entries: String = titles.iter().cycle().take(48).enumerate().map(|(n, title)| entry(n + 1, title)).collect();
        let page = format!(
            "<html><body><div id=header><a href=/>Home</a> <a href=/new>New</a></div><div id=content><h1>Oceanography</h1>\
             <dl id=articles><h3>Recent submissions (48 of 120 entries)</h3>{entries}</dl></div></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        for title in titles {
            assert!(!dropped.iter().any(|block| block.contains(title)), "{title:?} dropped, with {} blocks", dropped.len());
        }
        // One block so named is an article's byline, and goes as before.
        let story = "<p>The ferry timetable changes in spring, and the early boat now leaves at six, an hour before the first train.</p>";
        let article = format!(
            "<html><body><article><div class=meta><a href=/a/1>Ana Ruiz</a> <a href=/t/ferries>Ferries</a></div>{}</article></body></html>",
            story.repeat(8)
        );
        let read = super::super::read(&article);
        assert!(read.dropped.iter().any(|d| read.text[d.range.clone()].contains("Ana Ruiz")), "{:?}", read.dropped);
    }

    #[test]
    fn a_consent_dialog_does_not_outscore_a_listing() {
        let consent = "<div class=dialog-box><h2>Your choices</h2>\
            <p>We and our partners store and/or access information on a device, such as unique identifiers in cookies, to process personal data, and you may accept, refuse or change your choices at any time, including your right to object where legitimate interest is used.</p>\
            <p>We and our partners process data to provide, measure and improve the service, to develop new services, and to show personalised advertising and content, measured with audience research, with your consent or on legitimate interest.</p></div>";
        let entry = |title: &str, text: &str| format!("<div class=story><h3><a href=/s>{title}</a></h3><p>{text}</p></div>");
        let page = format!(
            "<html><body>{consent}<div class=stories><h2>Latest</h2>{}{}{}{}{}</div></body></html>",
            entry("Ferry timetable changes", "Winter sailings start a week early, and the late boat stops at the north pier."),
            entry("Harbour wall repaired", "Masons finished the last section after three months of work in rough weather."),
            entry("Lifeboat crew honoured", "Four volunteers were thanked for a night rescue in a force nine gale."),
            entry("Fish market reopens", "Stalls are back on the quay, and the auction now starts an hour later, at six."),
            entry("New pontoon for the marina", "Forty berths for visiting yachts, with water and power, open in the spring."),
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        for kept in ["north pier.", "rough weather.", "force nine gale."] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
        assert!(dropped.iter().any(|block| block.contains("We and our partners store")), "{dropped:?}");
    }

    #[test]
    fn short_blocks_of_the_main_content_stay() {
        let tile = |figure: &str, label: &str| format!("<div class=tile><div>{figure}</div><div>{label}</div></div>");
        let about = "<p>The harbour office books moorings, answers questions about the ferries and keeps the tide tables up to date for every pier.</p>";
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/about>About</a></nav><main><h1>Harbour office</h1>{}{}{}{}{}</main></body></html>",
            about.repeat(3),
            tile("65%", "faster bookings"),
            tile("3 piers", "one office"),
            tile("24/7", "tide alerts"),
            about.repeat(3),
        );
        let read = super::super::read(&page);
        let dropped: Vec<&str> = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        for kept in ["65%", "faster bookings", "3 piers", "tide alerts"] {
            assert!(!dropped.iter().any(|block| block.contains(kept)), "{kept:?} dropped: {dropped:?}");
        }
        assert!(read.text.contains("faster bookings"));
    }

    /// A grid's cards: each a linked title and one line, `line`.
    fn cards(titles: &[&str], line: &str) -> String {
        titles.iter().map(|title| format!("<div class=card><a href=/r><h3>{title}</h3></a><span>{line}</span></div>")).collect()
    }

    #[test]
    fn a_consent_panel_never_wins_over_a_listing() {
        // Short cards, each a title and a line, score little; a preference
        // centre's long prose would win once names are no longer trusted.
        let cards = cards(
            &["Crab linguine", "Harbour chowder", "Smoked mackerel pate", "Samphire salad", "Lemon sole", "Fish pie"],
            "Ready in 30 minutes",
        );
        let purposes = [
            "These tools count the visits to each page and the sources of the traffic, so that the site can measure and improve how it works, and see which pages are read most and least.",
            "These tools may be set by partners to build a profile of what interests you, and to show you advertising that suits it on this site and on others, by identifying your browser and your device.",
            "These tools are needed for the site to work at all, and they cannot be switched off: they are only set in answer to what you do, such as choosing your privacy settings or signing in.",
        ];
        let panel: String = purposes.iter().map(|p| format!("<div class=purpose><h4>Purpose</h4><p>{p}</p></div>")).collect();
        let page = format!(
            "<html><head><title>Fish recipes</title></head><body><nav><a href=/>Home</a></nav>\
             <main><h1>Fish recipes</h1><div class=grid>{cards}</div></main>\
             <div id=onetrust-pc-sdk class=otPcTab><div class=ot-pc-content>{panel}</div></div></body></html>"
        );
        let read = super::super::read(&page);
        let dropped: Vec<(&str, &str)> = read.dropped.iter().map(|d| (&read.text[d.range.clone()], d.reason.as_str())).collect();
        let (_, reason) = dropped.iter().find(|(text, _)| text.contains("build a profile")).expect("the panel dropped");
        assert_eq!(*reason, "a consent panel: id contains 'onetrust'");
        assert!(!dropped.iter().any(|(text, _)| text.contains("Samphire salad")), "{dropped:?}");
        assert_eq!(read.furniture.len(), 1, "{:?}", read.furniture);
    }

    #[test]
    fn a_dialog_in_the_footer_goes_as_a_dialog_however_the_page_is_read() {
        let cards = cards(
            &["Wool runner", "Tree dasher", "Canvas loafer", "Trail mizzle", "Lounger", "Plant pacer"],
            "Machine washable, in six colours",
        );
        let policy = "<p>We collect the details you give us when you order, such as your name, your address and your card, and we keep them for as long as the law asks so that we can answer questions about your order.</p>";
        let page = format!(
            "<html><head><title>Shoes</title></head><body><main><h1>Shoes</h1><div class=grid>{cards}</div></main>\
             <footer><a href=/about>About</a><div id=policy aria-modal='true'><h2>Privacy policy</h2>{}</div>\
             <dialog><p>Your basket is empty.</p></dialog></footer></body></html>",
            policy.repeat(6)
        );
        let read = super::super::read(&page);
        let reason_of = |words: &str| {
            let block = read.dropped.iter().find(|d| read.text[d.range.clone()].contains(words));
            block.map(|d| d.reason.as_str()).unwrap_or("kept")
        };
        assert_eq!(reason_of("we keep them"), "a dialog over the page");
        assert_eq!(reason_of("basket is empty"), "a dialog over the page");
        assert_eq!(reason_of("About"), "inside <footer>");
        assert_eq!(reason_of("Canvas loafer"), "kept");
        let furniture: String = read.furniture.iter().map(|d| &read.text[d.range.clone()]).collect();
        assert!(furniture.contains("Privacy policy") && furniture.contains("basket") && !furniture.contains("About"), "{furniture:?}");
    }

    #[test]
    fn a_table_whose_header_row_sticks_is_kept() {
        let rows: String = (1901..1931)
            .map(|year| format!("<tr><td>{year}</td><td>Laureate of {year}</td><td>For work on the structure of crystals</td></tr>"))
            .collect();
        let intro = "<p>The prize has been awarded every year since 1901, with a few years missed during the wars, to those whose work did the most for the field.</p>";
        let page = format!(
            "<html><body><div class=site-header><a href=/>Home</a></div><main>{}\
             <table class='wikitable sticky-header'><tr><th>Year</th><th>Laureate</th><th>Why</th></tr>{rows}</table></main>\
             <table class=footer><tr><td>About this site</td></tr></table></body></html>",
            intro.repeat(4)
        );
        let read = super::super::read(&page);
        let dropped: String = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        assert!(!dropped.contains("Laureate of 1917") && dropped.contains("Home"), "{dropped:?}");
    }

    #[test]
    fn a_modal_is_furniture_however_long() {
        let notice = "<p>Some offers on this site come from partners who pay us, and that may affect where, how and in what order they appear, though never what we write.</p>";
        let story = "<p>The ferry timetable changes in spring, and the early boat now leaves at six.</p>";
        let page = format!(
            "<html><body><div class=disclosure-modal>{notice}{notice}{notice}</div><div class=story>{}</div></body></html>",
            story.repeat(8)
        );
        let read = super::super::read(&page);
        let dropped: String = read.dropped.iter().map(|d| &read.text[d.range.clone()]).collect();
        assert!(dropped.contains("partners who pay us") && !dropped.contains("ferry"), "{dropped:?}");
    }

    #[test]
    fn digit_grouping_commas_part_no_clauses() {
        assert_eq!(clause_commas("All (2,676,127) reviews, most of them positive"), 1);
        assert_eq!(clause_commas("Sea, sand, and sun,"), 3);
        assert_eq!(clause_commas("在北京，在上海"), 1);
    }
}

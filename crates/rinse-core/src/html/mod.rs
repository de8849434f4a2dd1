//! HTML input: the visible text of a page, one block a line, and which
//! blocks of it lie outside the page's main content.
//!
//! The page is parsed by a real HTML5 parser into a tree that is only ever
//! read as data; nothing of it is run or shown as markup.

mod code;
mod content;
mod dom;
mod flatten;
mod kind;
mod markdown;
mod posts;
mod text;

use std::ops::Range;

pub use crate::reading::{Aside, AsideLines, Dropped};
use dom::Dom;
pub use kind::{KindFound, PageKind};
pub use markdown::Markdown;

/// A page read for cleaning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The page's whole visible text: what the diff shows as "before".
    pub text: String,
    /// Whole lines of `text` outside the main content, in order, one entry a block.
    pub dropped: Vec<Dropped>,
    /// The blocks of `dropped` that are furniture however the page is read
    /// (consent panels; an article's comments): a line-by-line reading of
    /// `text` starts without them.
    pub furniture: Vec<Dropped>,
    /// How the page was read, when its markup changed how: said beside the changes.
    pub note: Option<String>,
    /// The page's kind, when it was set by hand or the page says it.
    pub kind: Option<KindFound>,
    /// The lines of `text` that were preformatted (`<pre>`): code, whose
    /// spacing no rule changes.
    pub preformatted: Vec<Range<usize>>,
    /// Whether the page holds one `<article>` element: a page of one
    /// article, whatever else it says of its kind.
    pub one_article: bool,
    /// Whole lines of `text` inside its main content that are asides, in
    /// order: on a discussion, the details repeated beside each post (its
    /// author, its date), the `post-authors` rule's to remove; on a
    /// product page, its customer reviews, the `product-reviews` rule's.
    pub asides: Vec<AsideLines>,
}

impl Page {
    /// The page's text to clean, knowing which blocks lie outside its main content.
    pub fn into_doc(self) -> crate::reading::Doc {
        crate::reading::Doc::from_page(self.text, self.dropped).with_preformatted(self.preformatted).with_asides(self.asides)
    }
}

/// Reads `html` into its visible text and the blocks of it that are not the
/// main content.
pub fn read(html: &str) -> Page {
    read_as(html, &Reading::default())
}

/// How to read a page, beyond its markup.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading<'a> {
    /// Write the text as Markdown, and how.
    pub markdown: Option<Markdown>,
    /// The page's kind, set by hand: it then reads as of that kind.
    pub kind: Option<PageKind>,
    /// Where the page came from, when known (`--url`, a JSONL `url` field).
    pub address: Option<&'a str>,
}

/// [`read`] as `reading` says. The page's kind is the one set by hand; else
/// the one its schema.org types say; else the one its address tells (the
/// address given, else the one the page gives itself); else its `og:type`.
pub fn read_as(html: &str, reading: &Reading<'_>) -> Page {
    let parsed = dom::parse(html);
    let mut dom = Dom::new(&parsed);
    let markdown = reading.markdown;
    if let Some(kind) = reading.kind {
        dom.kind = Some(KindFound::by_hand(kind));
    }
    if dom.kind.is_none() {
        let own = || kind::own_address(&parsed);
        dom.kind = reading.address.map(str::to_string).or_else(own).and_then(|address| kind::from_address(&address));
    }
    if dom.kind.is_none() {
        dom.kind = dom.open_graph_kind.take();
    }
    let visible = match markdown {
        Some(options) => markdown::visible(&dom, options),
        None => text::visible(&dom),
    };
    let selection = content::select(&dom);
    let article = dom.kind.as_ref().is_some_and(|found| found.kind == PageKind::Article);
    let mut dropped: Vec<Dropped> = Vec::new();
    let mut asides: Vec<AsideLines> = Vec::new();
    // Whether each block of `dropped` is furniture however the page is read.
    let mut certain: Vec<bool> = Vec::new();
    // The reason of the block the last dropped line belongs to.
    let mut last_reason = None;
    let mut segment = 0;
    let mut tally = Vec::new();
    for line in crate::reading::lines(&visible.text) {
        let reason = fate(&visible.segments, &mut segment, line.start..line.end, &selection.dropped, &mut tally);
        match reason {
            // A product's reviews stand in its main content, the product-reviews rule's to remove.
            Some(reason) if selection.reasons[reason] == content::Reason::Reviews => {
                let lines = Dropped { range: line.start..line.next, reason: REVIEWS.into() };
                push_lines(&mut asides, &visible.text, AsideLines { aside: Aside::Reviews, lines });
            }
            Some(reason) if last_reason == Some(reason) && dropped.last().is_some_and(|d| d.range.end == line.start) => {
                if let Some(block) = dropped.last_mut() {
                    block.range.end = line.next;
                }
            }
            Some(reason) => {
                dropped.push(Dropped { range: line.start..line.next, reason: selection.reasons[reason].to_string() });
                certain.push(selection.reasons[reason].is_furniture_however_read(article));
            }
            // A blank line between two lines of one block belongs to it.
            None if line.is_blank() && last_reason.is_some() => continue,
            None => {}
        }
        last_reason = reason;
    }
    let forum = dom.kind.as_ref().filter(|found| found.kind == PageKind::Forum);
    if forum.is_some() {
        for lines in post_details(&dom, &visible.segments, &visible.text, &selection.dropped) {
            push_lines(&mut asides, &visible.text, AsideLines { aside: Aside::PostDetails, lines });
        }
    }
    let discussion =
        forum.map(|found| format!("read as a discussion ({}): a thread or a question with answers, so every post is kept", found.why));
    let note = hollow_page(html, &visible.text).or(discussion);
    let furniture = dropped.iter().zip(certain).filter(|(_, certain)| *certain).map(|(block, _)| block.clone()).collect();
    let one_article = dom.nodes.iter().filter(|node| matches!(&node.kind, dom::Kind::Element(e) if e.tag == "article")).count() == 1;
    Page { text: visible.text, dropped, furniture, note, kind: dom.kind, preformatted: visible.preformatted, one_article, asides }
}

/// Why a product's reviews are removed.
const REVIEWS: &str = "customer reviews of the product";

/// Adds `lines` of `text` to `asides`, as part of the last run when they
/// are the same aside and only blank lines stand between them.
fn push_lines(asides: &mut Vec<AsideLines>, text: &str, lines: AsideLines) {
    match asides.last_mut() {
        Some(last)
            if last.aside == lines.aside
                && text.get(last.lines.range.end..lines.lines.range.start).is_some_and(|gap| gap.trim().is_empty()) =>
        {
            last.lines.range.end = lines.lines.range.end;
        }
        _ => asides.push(lines),
    }
}

/// The lines of a discussion's `text` (whose `segments` tell the node each
/// stretch of it comes from) that are mostly details of its posts
/// ([`posts::details`]) among the nodes not `dropped`, one entry a line.
fn post_details(dom: &Dom<'_>, segments: &[(usize, usize)], text: &str, dropped: &[Option<usize>]) -> Vec<Dropped> {
    let details = posts::details(dom, |node| dropped[node].is_none());
    // The fate of each node, as `fate` reads it: 0 for a detail.
    let detail: Vec<Option<usize>> = details.iter().map(|&is| is.then_some(0)).collect();
    let mut lines: Vec<Dropped> = Vec::new();
    let (mut segment, mut tally) = (0, Vec::new());
    for line in crate::reading::lines(text) {
        if !line.is_blank() && fate(segments, &mut segment, line.start..line.end, &detail, &mut tally).is_some() {
            lines.push(Dropped { range: line.start..line.next, reason: "a post's author or date, repeated beside every post".into() });
        }
    }
    lines
}

/// What becomes of `line`: the reason (an index into the selection's
/// reasons) that most of its text is dropped for, or `None` when most of
/// it is kept. A line may hold several blocks' text (a Markdown table's
/// row holds a cell of each column): it goes only with most of them, by
/// bytes summed over its segments (Markdown writes a segment a word).
/// Reads `segments` from `*next`; `bytes` is room for the tally, reused
/// from line to line.
fn fate(
    segments: &[(usize, usize)],
    next: &mut usize,
    line: Range<usize>,
    dropped: &[Option<usize>],
    bytes: &mut Vec<(Option<usize>, usize)>,
) -> Option<usize> {
    // The segment running into the line, then those starting in it.
    while *next < segments.len() && segments[*next].0 <= line.start {
        *next += 1;
    }
    // Bytes of the line by fate: few lines hold more than one or two.
    bytes.clear();
    let mut index = next.saturating_sub(1);
    while index < segments.len() && segments[index].0 < line.end.max(line.start + 1) {
        let (start, node) = segments[index];
        let end = segments.get(index + 1).map_or(usize::MAX, |s| s.0);
        let held = end.min(line.end).saturating_sub(start.max(line.start));
        match bytes.iter_mut().find(|(fate, _)| *fate == dropped[node]) {
            Some((_, total)) => *total += held,
            None => bytes.push((dropped[node], held)),
        }
        index += 1;
    }
    // Ties go to the first: an empty line takes the fate of the segment it is in.
    let most = bytes.iter().map(|&(_, held)| held).max()?;
    bytes.iter().find(|&&(_, held)| held == most).and_then(|&(fate, _)| fate)
}

/// The visible text of `html`: blocks on lines of their own, runs of blanks
/// folded as a browser folds them (except inside `<pre>`), hidden and
/// non-text elements left out.
pub fn visible_text(html: &str) -> String {
    text::visible(&Dom::new(&dom::parse(html))).text
}

/// Whether `text` looks like HTML source rather than text that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    // A byte-order mark may lead a text read from a file as it was, or a JSONL field.
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = text.get(..floor_char_boundary(text, 1024)).unwrap_or("");
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<?xml") && lower.contains("<html") {
        return true;
    }
    // Plenty of block tags: page source or a fragment of it.
    let sample = &text.as_bytes()[..text.len().min(64 * 1024)];
    // One scan for `<`, stopping once the count decides.
    const TAGS: [&[u8]; 10] = [b"<p>", b"<p ", b"<div", b"<br", b"<li", b"<span", b"<a href", b"<td", b"<h1", b"<h2"];
    let tags = memchr::memchr_iter(b'<', sample).filter(|&at| TAGS.iter().any(|tag| sample[at..].starts_with(tag))).take(10).count();
    // Text that starts as prose is page source only if markup fills most of
    // it: a scrape that kept some of its page's tags (line breaks, an ad's
    // markup) is still text, its lines mostly free of tags.
    text.starts_with('<') && tags >= 2 || tags >= 10 && mostly_markup(sample)
}

/// Whether lines holding markup make up more of `sample` than lines with
/// none, counted both by bytes and by lines: a scrape that kept a few long
/// lines of an ad's or a tracker's markup among its many lines of text is
/// text, though those lines may hold more bytes than the text's.
fn mostly_markup(sample: &[u8]) -> bool {
    // Bytes and lines, of the lines holding markup and of those with none.
    let (mut markup, mut plain) = ((0, 0), (0, 0));
    for line in sample.split(|&byte| byte == b'\n') {
        let count = if line.contains(&b'<') {
            &mut markup
        } else if !line.trim_ascii().is_empty() {
            &mut plain
        } else {
            continue;
        };
        count.0 += line.len();
        count.1 += 1;
    }
    markup.0 > plain.0 && markup.1 > plain.1
}

fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut i = index.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A page read to fewer words than this from at least [`MARKUP_BYTES`] of
/// markup holds next to no text of its own.
const HOLLOW_PAGE_WORDS: usize = 20;
const MARKUP_BYTES: usize = 4096;

/// A note for a page whose markup holds next to no text (a forum or a shop
/// built as an app and saved before its scripts ran, which here are not
/// run): a user seeing an empty result should know why.
fn hollow_page(html: &str, text: &str) -> Option<String> {
    let words = text.split_whitespace().count();
    (words < HOLLOW_PAGE_WORDS && html.len() >= MARKUP_BYTES).then(|| {
        let shown = if words == 1 { "1 word".to_string() } else { format!("{words} words") };
        format!(
            "the page shows {shown} in {} KB of markup: its text is drawn by its scripts, which are not run, or was not saved with it",
            html.len() / 1024
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_kind_by_hand_then_its_types_then_its_address_then_its_og_type() {
        let page = |head: &str| format!("<html><head>{head}</head><body><p>Firing a kiln to cone six, step by step.</p></body></html>");
        let og = "<meta property=og:type content=article>";
        let canonical = "<link rel=canonical href=https://clay.example/docs/kilns/firing>";
        let kind = |html: &str, reading: Reading<'_>| read_as(html, &reading).kind.map(|found| found.to_string());
        let told = |html: &str| kind(html, Reading::default());
        assert_eq!(told(&page(og)).as_deref(), Some("article (its structured data says og:type article)"));
        assert_eq!(told(&page(&format!("{og}{canonical}"))).as_deref(), Some("documentation (its address has /docs/)"));
        let typed = format!("{og}{canonical}<script type=application/ld+json>{{\"@type\": \"TechArticle\"}}</script>");
        assert_eq!(told(&page(&typed)).as_deref(), Some("documentation (its address has /docs/)"), "a type this does not read");
        let typed = typed.replace("TechArticle", "NewsArticle");
        assert_eq!(told(&page(&typed)).as_deref(), Some("article (its structured data says NewsArticle)"));
        let given = Reading { address: Some("https://clay.example/forum/t/kilns/88"), ..Reading::default() };
        assert_eq!(
            kind(&page(&format!("{og}{canonical}")), given).as_deref(),
            Some("forum (its address has /forum/)"),
            "the address given first"
        );
        let by_hand = Reading { kind: Some(PageKind::Listing), ..given };
        assert_eq!(kind(&page(&typed), by_hand).as_deref(), Some("listing (set by hand)"));
    }

    #[test]
    fn a_page_whose_markup_holds_no_text_says_so() {
        let styles = "<link rel=stylesheet href=theme.css>".repeat(120);
        let shell = format!(
            "<html><head><title>Kilns</title>{styles}<script src=app.js></script></head><body><div id=app>Loading</div></body></html>"
        );
        let note = read(&shell).note.unwrap_or_default();
        assert!(note.starts_with("the page shows 1 word in 4 KB of markup"), "{note}");
        let page = shell.replace(
            "Loading",
            "Firing a kiln to cone six takes most of a day, and the cooling takes as long again before the door is opened.",
        );
        assert_eq!(read(&page).note, None, "a page with text of its own");
        assert_eq!(read("<html><body><p>Short.</p></body></html>").note, None, "a short page of little markup");
    }

    #[test]
    fn blocks_become_lines_and_hidden_parts_go() {
        let html = "<!doctype html><html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Head&amp;line</h1><p>First   para\n graph with <a href='#'>a link</a>.</p>\
            <script>alert(1)</script><div hidden>secret</div><ul><li>one</li><li>two<br>lines</li></ul>\
            <pre>a  b\n c</pre></body></html>";
        assert_eq!(visible_text(html), "Head&line\nFirst para graph with a link.\none\ntwo\nlines\na  b\n c\n");
    }

    #[test]
    fn blanks_fold_across_inline_elements_and_other_spaces_stay() {
        let html = "<p><b>one</b> <i>two</i><b> three </b>four<span></span><em>\n\t</em>five</p>\
            <p> caf\u{e9}\u{a0}ol\u{e9}  x<b>y</b> </p>";
        assert_eq!(visible_text(html), "one two three four five\ncaf\u{e9}\u{a0}ol\u{e9} xy\n");
    }

    #[test]
    fn boxes_and_links_side_by_side_are_apart_on_one_line() {
        let html = "<div class=\"flex items-center\"><label>Adhesives</label><span>704</span></div>\
            <div style=\"display: grid\"><b>Brass</b><i>hinge</i></div>\
            <div class=\"md:inline-flex\"><a>Cart</a><a>Help</a></div>\
            <div class=\"d-lg-flex\"><span>Price:</span><span>$12</span></div>\
            <div class=\"flexible\"><b>Rose</b><i>wood</i></div>\
            <p><a class=\"block\">Home</a><a class=\"hidden md:block\">About</a><span style=\"display: block\">Shop</span></p>\
            <p><span class=\"inline-block\">Bird</span><span>song</span></p>\
            <p>Tags: <a>tide</a><a>ferry</a><span><a>pier</a></span> (<a>map</a>) <a>fire</a>fly</p>";
        assert_eq!(
            visible_text(html),
            "Adhesives 704\nBrass hinge\nCart Help\nPrice: $12\nRosewood\nHome About Shop\nBirdsong\nTags: tide ferry pier (map) firefly\n"
        );
    }

    #[test]
    fn a_markdown_row_goes_only_with_most_of_its_cells() {
        let para = "<p>The island ferry keeps its summer timetable until the end of September, with four crossings every day.</p>";
        let html = format!(
            "<html><body><main>{para}{para}<table><tr><th>Crossing</th><th>Days</th><th>Boat</th></tr>\
             <tr><td><span class=share-links>Recommendations</span></td><td>Monday to Friday</td><td>Island Star ferry</td></tr></table>\
             {para}</main></body></html>"
        );
        let flat = read(&html);
        let cell = flat.text.find("Recommendations").expect("the cell is read");
        assert!(flat.dropped.iter().any(|block| block.range.contains(&cell)), "the cell alone goes: {:?}", flat.dropped);
        let page = read_as(&html, &Reading { markdown: Some(Markdown::default()), ..Reading::default() });
        let row = page.text.find("| Recommendations").expect("the row is read");
        assert!(page.dropped.iter().all(|block| !block.range.contains(&row)), "{:?}", page.dropped);
    }

    #[test]
    fn an_articles_comments_are_furniture_however_it_is_read() {
        let para = "<p>The island ferry keeps its summer timetable until the end of September, with four crossings every day.</p>";
        let comment = "<div class=reply><p>We took the early crossing last week and it was calm, quiet and on time, as the timetable promised.</p></div>";
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><article>{}</article>\
                 <div class=wrap><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
                 <section id=comments>{}</section></div></body></html>",
                para.repeat(6),
                comment.repeat(3)
            )
        };
        let article = read(&page("<meta property=og:type content=article>"));
        let reply = article.text.find("We took the early crossing").expect("the comments are read");
        let reasons: Vec<&str> = article.dropped.iter().map(|block| block.reason.as_str()).collect();
        // Within a block dropped for lying outside, each part says what it is.
        assert!(reasons.contains(&"inside <nav>") && reasons.contains(&"id contains 'comment'"), "{reasons:?}");
        let comments: Vec<&Dropped> = article.furniture.iter().filter(|block| block.range.contains(&reply)).collect();
        assert_eq!(comments.len(), 1, "{:?}", article.furniture);
        assert_eq!(comments[0].reason, "id contains 'comment'");
        assert_eq!(article.furniture.len(), 1, "the menu is judged again: {:?}", article.furniture);
        // A page not known to be an article may be a discussion: its replies are judged again.
        assert!(read(&page("")).furniture.is_empty());
    }

    #[test]
    fn detects_page_source_but_not_prose_about_tags() {
        assert!(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
        assert!(looks_like_html("<div><p>one</p><p>two</p></div>"));
        assert!(looks_like_html("\u{feff}<!DOCTYPE html><html><body><p>x</p></body></html>"), "after a byte-order mark");
        assert!(looks_like_html(&format!("<!DOCTYPE html>{}", "\u{e9}".repeat(600))), "its head cut inside a character");
        assert!(!looks_like_html("Use the <p> element for paragraphs and <br> for breaks."));
        let prose = "A long line of the story, as the scrape kept it, with nothing of the page's markup in it.\n";
        let residue = format!("Chapter one\n{}", format!("{prose}<br />\n").repeat(12));
        assert!(!looks_like_html(&residue), "a scrape that kept a few line-break tags");
        let source = format!("Chapter one\n{}", "<div class=\"card\"><p>A teaser of a story.</p></div>\n".repeat(12));
        assert!(looks_like_html(&source), "page source after a line of text");
        let beacon = format!(
            "<div style=\"position:absolute\"><a href=\"https://ads.example/c?id={}\"><span>ad</span></a></div>\n",
            "7f3a".repeat(80)
        );
        let lines = "The ferry left at dawn.\nIt was full.\nNobody spoke on the way over.\n".repeat(6);
        let scrape = format!("Ferry news\n{lines}{}{lines}", beacon.repeat(5));
        assert!(scrape.len() < 2 * beacon.len() * 5, "the markup holds most of the bytes");
        assert!(!looks_like_html(&scrape), "a scrape whose few long lines are a tracker's markup");
    }

    #[test]
    fn a_page_built_by_scripts_is_read_from_its_noscript() {
        let post = "A reply that explains at length how the ferry timetable changed this spring. ".repeat(3);
        let app = format!(
            "<html><head><noscript><link rel=stylesheet href=x.css></noscript></head><body>\
             <div id=app>Loading\u{2026}</div><script>start()</script>\
             <noscript><div class=post><p>{post}</p></div><div class=post><p>Thanks, that helped.</p></div></noscript></body></html>"
        );
        assert_eq!(visible_text(&app), format!("Loading\u{2026}\n{}\nThanks, that helped.\n", post.trim_end()));
        let article = format!(
            "<html><body><article><p>{post}</p></article>\
             <noscript><p>Please turn on scripts to see the comments.</p><img src=pixel.gif></noscript></body></html>"
        );
        assert_eq!(visible_text(&article), format!("{}\n", post.trim_end()), "a note about scripts beside content stays hidden");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert_eq!(visible_text(&html), "deep\n");
        assert_eq!(read(&html).text, "deep\n");
    }
}

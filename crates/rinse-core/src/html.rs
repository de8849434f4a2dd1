//! HTML input: the visible text of a page, one block a line.
//!
//! The page is parsed by a real HTML5 parser into a tree that is only ever
//! read as data; nothing of it is run or shown as markup.

use scraper::{Html, Node};
use scraper::node::Element;

/// Elements whose content is never visible text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "option", "datalist", "button", "input", "textarea",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
];

/// The visible text of `html`: blocks on lines of their own, runs of blanks
/// folded as a browser folds them (except inside `<pre>`), hidden and
/// non-text elements left out.
pub fn visible_text(html: &str) -> String {
    let document = Html::parse_document(&flatten_deep_nesting(html));
    let mut out = TextBuilder::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) => {
                        let name = element.name();
                        if SKIPPED.contains(&name) || is_hidden(element) {
                            skipping = Some(node.id());
                        } else if name == "br" {
                            out.line_break();
                        } else if BLOCKS.contains(&name) {
                            out.end_block();
                            pre_depth += usize::from(name == "pre");
                        }
                    }
                    Node::Text(text) => out.push_text(text, pre_depth > 0),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() {
                    if let Node::Element(element) = node.value() {
                        if BLOCKS.contains(&element.name()) {
                            out.end_block();
                            pre_depth -= usize::from(element.name() == "pre" && pre_depth > 0);
                        }
                    }
                }
            }
        }
    }
    out.finish()
}

/// Browsers stop nesting parsed elements past this depth (Chromium: 512).
const MAX_DEPTH: usize = 512;

/// Elements that never nest: void elements, and those whose end tag may be
/// left out (a new one closes the last).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    "html", "head", "body",
];

/// Elements whose content is raw text, where a `<` is not a tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes"];

/// The source with the tags of elements nested deeper than [`MAX_DEPTH`]
/// removed (their text stays), as browsers flatten such pages. The HTML5
/// tree builder checks scopes by walking its stack of open elements, so
/// pathological nesting would otherwise cost time quadratic in the depth.
fn flatten_deep_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let tags = scan_tags(html);
    let mut depth = 0usize;
    let mut too_deep = Vec::new();
    for tag in &tags {
        if tag.closing {
            if depth > MAX_DEPTH {
                too_deep.push(tag.range.clone());
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                too_deep.push(tag.range.clone());
            }
        }
    }
    if too_deep.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for range in too_deep {
        out.push_str(&html[pos..range.start]);
        pos = range.end;
    }
    out.push_str(&html[pos..]);
    std::borrow::Cow::Owned(out)
}

/// A start or end tag of a nesting element.
struct Tag {
    range: std::ops::Range<usize>,
    closing: bool,
}

/// The nesting tags of `html`, in one linear pass that skips comments,
/// declarations and raw-text content.
fn scan_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + 1 + usize::from(closing);
        let name_len = html[name_start..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let end = html[name_start..].find('>').map_or(bytes.len(), |e| name_start + e + 1);
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(&html[end..], &close).map_or(bytes.len(), |e| end + e);
            continue;
        }
        let self_closing = html[start..end].ends_with("/>");
        if !NOT_NESTING.contains(&name.as_str()) && !(self_closing && !closing) {
            tags.push(Tag { range: start..end, closing });
        }
    }
    tags
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

#[derive(Default)]
struct TextBuilder {
    text: String,
    /// A blank was seen since the last character and is owed before the next.
    pending_space: bool,
}

impl TextBuilder {
    fn push_text(&mut self, text: &str, preformatted: bool) {
        if preformatted {
            self.text.push_str(text);
            self.pending_space = false;
            return;
        }
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
        }
    }

    fn line_break(&mut self) {
        self.text.push('\n');
        self.pending_space = false;
    }

    fn end_block(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.end_block();
        self.text
    }
}

/// Whether `text` looks like HTML source rather than text that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().get(..text.trim_start().len().min(1024)).unwrap_or("");
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<?xml") && lower.contains("<html") {
        return true;
    }
    // Plenty of block tags: page source or a fragment of it.
    let sample = &text[..floor_char_boundary(text, 64 * 1024)];
    let tags = ["<p>", "<p ", "<div", "<br", "<li", "<span", "<a href", "<td", "<h1", "<h2"]
        .iter()
        .map(|t| sample.matches(t).count())
        .sum::<usize>();
    sample.trim_start().starts_with('<') && tags >= 2 || tags >= 10
}

fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut i = index.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_hidden_parts_go() {
        let html = "<!doctype html><html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Head&amp;line</h1><p>First   para\n graph with <a href='#'>a link</a>.</p>\
            <script>alert(1)</script><div hidden>secret</div><ul><li>one</li><li>two<br>lines</li></ul>\
            <pre>a  b\n c</pre></body></html>";
        assert_eq!(visible_text(html), "Head&line\nFirst para graph with a link.\none\ntwo\nlines\na  b\n c\n");
    }

    #[test]
    fn detects_page_source_but_not_prose_about_tags() {
        assert!(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
        assert!(looks_like_html("<div><p>one</p><p>two</p></div>"));
        assert!(!looks_like_html("Use the <p> element for paragraphs and <br> for breaks."));
    }

    #[test]
    fn only_pathological_nesting_is_flattened() {
        let page = "<div><script>if (a<b) {}</script><!-- <div> --><p>x</div>";
        assert_eq!(flatten_deep_nesting(page), page);
        let deep = "<span>".repeat(600) + "x" + &"</span>".repeat(600);
        let flat = flatten_deep_nesting(&deep);
        assert_eq!(flat.matches("<span>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</span>").count(), MAX_DEPTH);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert_eq!(visible_text(&html), "deep\n");
    }
}

//! The visible text of a parsed page, one block a line, remembering which
//! text node each stretch of it came from.

use std::ops::Range;

use super::dom::{Dom, Kind};

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

pub fn is_block(tag: &str) -> bool {
    BLOCKS.contains(&tag)
}

pub struct Visible {
    pub text: String,
    /// Where each text node's text starts in `text`, in order: (byte offset, node).
    pub segments: Vec<(usize, usize)>,
    /// The lines of each outermost `<pre>` block, in order (flat text
    /// only: Markdown fences its code blocks).
    pub preformatted: Vec<Range<usize>>,
}

/// Blocks on lines of their own, runs of blanks folded as a browser folds
/// them (except inside `<pre>`).
pub fn visible(dom: &Dom<'_>) -> Visible {
    let mut out = Builder::default();
    let mut open: Vec<usize> = Vec::new();
    let close = |node: usize, out: &mut Builder| {
        let Some(element) = dom.element(node) else { return };
        if is_block(element.tag) {
            out.end_block();
            if element.tag == "pre" {
                out.close_pre();
            }
        } else if element.box_item {
            out.separate_words();
        }
        out.link_closed |= element.tag == "a";
    };
    for node in 0..dom.nodes.len() {
        while let Some(&last) = open.last() {
            if dom.nodes[last].end > node {
                break;
            }
            open.pop();
            close(last, &mut out);
        }
        match &dom.nodes[node].kind {
            Kind::Element(element) if element.shown => {
                let tag = element.tag;
                if tag == "br" {
                    out.line_break();
                } else if is_block(tag) {
                    out.end_block();
                    if tag == "pre" {
                        out.open_pre();
                    }
                } else if element.box_item || tag == "a" && out.link_closed {
                    out.separate_words();
                }
                open.push(node);
            }
            Kind::Text(text) => out.push_text(text, node),
            _ => {}
        }
    }
    while let Some(last) = open.pop() {
        close(last, &mut out);
    }
    out.end_block();
    Visible { text: out.text, segments: out.segments, preformatted: out.preformatted }
}

#[derive(Default)]
struct Builder {
    text: String,
    segments: Vec<(usize, usize)>,
    /// A blank was seen since the last character and is owed before the next.
    pending_space: bool,
    /// A link has closed and no text has come since: a link that opens
    /// now is another word, as two links side by side are two things.
    link_closed: bool,
    /// How many `<pre>` blocks are open, and where the outermost began.
    pre_depth: usize,
    pre_start: usize,
    preformatted: Vec<Range<usize>>,
}

impl Builder {
    fn open_pre(&mut self) {
        if self.pre_depth == 0 {
            self.pre_start = self.text.len();
        }
        self.pre_depth += 1;
    }

    fn close_pre(&mut self) {
        self.pre_depth = self.pre_depth.saturating_sub(1);
        if self.pre_depth == 0 && self.text.len() > self.pre_start {
            self.preformatted.push(self.pre_start..self.text.len());
        }
    }

    fn push_text(&mut self, text: &str, node: usize) {
        self.link_closed &= text.trim_ascii().is_empty();
        if self.pre_depth > 0 {
            self.segments.push((self.text.len(), node));
            self.text.push_str(text);
            self.pending_space = false;
            return;
        }
        // Word by word, read as bytes: an ASCII blank is one byte, never
        // part of another character.
        let blank_at = |at: Option<&u8>| at.is_some_and(u8::is_ascii_whitespace);
        self.pending_space |= blank_at(text.as_bytes().first());
        for (index, word) in text.split_ascii_whitespace().enumerate() {
            if index == 0 {
                self.segments.push((self.text.len(), node));
            } else {
                self.pending_space = true;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push_str(word);
        }
        self.pending_space |= blank_at(text.as_bytes().last());
    }

    /// Owes a blank before the next word: two boxes side by side (flex or
    /// grid items, or made blocks by their classes, [`Dom::is_box_item`])
    /// show as apart as two words, though nothing blank stands between them
    /// in the page. They stay on one line: a label and its count, a name and
    /// its price read as a row.
    fn separate_words(&mut self) {
        self.pending_space = true;
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
}

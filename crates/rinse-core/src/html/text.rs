//! The visible text of a parsed page, one block a line, remembering which
//! text node each stretch of it came from.

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
}

/// Blocks on lines of their own, runs of blanks folded as a browser folds
/// them (except inside `<pre>`).
pub fn visible(dom: &Dom<'_>) -> Visible {
    let mut out = Builder::default();
    let mut open: Vec<usize> = Vec::new();
    let mut pre_depth = 0usize;
    let close = |node: usize, out: &mut Builder, pre_depth: &mut usize| {
        let tag = dom.tag(node);
        if is_block(tag) {
            out.end_block();
            *pre_depth -= usize::from(tag == "pre" && *pre_depth > 0);
        }
    };
    for node in 0..dom.nodes.len() {
        while let Some(&last) = open.last() {
            if dom.nodes[last].end > node {
                break;
            }
            open.pop();
            close(last, &mut out, &mut pre_depth);
        }
        match &dom.nodes[node].kind {
            Kind::Element(element) if element.shown => {
                let tag = element.tag;
                if tag == "br" {
                    out.line_break();
                } else if is_block(tag) {
                    out.end_block();
                    pre_depth += usize::from(tag == "pre");
                }
                open.push(node);
            }
            Kind::Text(text) => out.push_text(text, pre_depth > 0, node),
            _ => {}
        }
    }
    while let Some(last) = open.pop() {
        close(last, &mut out, &mut pre_depth);
    }
    out.end_block();
    Visible { text: out.text, segments: out.segments }
}

#[derive(Default)]
struct Builder {
    text: String,
    segments: Vec<(usize, usize)>,
    /// A blank was seen since the last character and is owed before the next.
    pending_space: bool,
}

impl Builder {
    fn push_text(&mut self, text: &str, preformatted: bool, node: usize) {
        if preformatted {
            self.segments.push((self.text.len(), node));
            self.text.push_str(text);
            self.pending_space = false;
            return;
        }
        let mut started = false;
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                continue;
            }
            if !started {
                self.segments.push((self.text.len(), node));
                started = true;
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
}

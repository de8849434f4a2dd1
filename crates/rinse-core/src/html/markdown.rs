//! The visible text of a parsed page as Markdown: headings, paragraphs,
//! lists, tables, code blocks and quotes keep their shape, one block a line
//! as in the flat text, so the same blocks are kept or dropped either way.
//!
//! Every byte written either comes from a text node or is a marker of the
//! element it belongs to, so a dropped block takes its markers with it.
//! Text is escaped where Markdown would read it as structure or markup:
//! nothing of the page comes out as HTML.

use std::borrow::Cow;

use super::dom::{Dom, Kind};
use super::text::{is_block, Visible};

/// How a page is written as Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Markdown {
    pub links: bool,
    pub images: bool,
}

/// A block's distance from the next: on the next line, or after a blank one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Line,
    Blank,
}

/// What a line inside an open element starts with.
enum Container {
    Quote,
    /// A list item: its marker until its first line is written, then as many spaces.
    Item {
        marker: String,
        written: bool,
    },
}

/// An open inline element with markers (emphasis, code, link).
struct Inline {
    node: usize,
    open: String,
    close: String,
    /// Whether its opening marker is in the output (text followed it).
    written: bool,
}

struct Table {
    columns: usize,
    rows: usize,
    /// Cells written in the open row.
    cells: usize,
    /// The node of the row being written, once its first cell is.
    row: Option<usize>,
}

struct Writer<'d, 'a> {
    dom: &'d Dom<'a>,
    options: Markdown,
    text: String,
    segments: Vec<(usize, usize)>,
    pending_space: bool,
    pending_break: Break,
    containers: Vec<Container>,
    /// Open lists: whether ordered, and the next item's number.
    lists: Vec<(bool, usize)>,
    inlines: Vec<Inline>,
    /// The open `<pre>` and its closing fence, while inside one.
    fence: Option<(usize, String)>,
    /// The open heading's level.
    heading: Option<usize>,
    /// The data tables open, innermost last, and whether inside a cell of the last.
    tables: Vec<Table>,
    in_cell: bool,
    /// The quotes open all the while since the pending break was asked for.
    quotes_across_break: usize,
    /// List items that hold blocks of their own (cards, posts), written as those blocks.
    block_items: Vec<usize>,
    /// The closing marker written last and where it starts, while nothing
    /// follows it: an opening marker just like it joins the two runs.
    last_close: Option<(String, usize)>,
    /// A link has closed and no text has come since ([`super::text`]'s alike).
    link_closed: bool,
}

/// The page as Markdown, with where each node's text starts.
pub fn visible(dom: &Dom<'_>, options: Markdown) -> Visible {
    let mut writer = Writer {
        dom,
        options,
        text: String::new(),
        segments: Vec::new(),
        pending_space: false,
        pending_break: Break::None,
        containers: Vec::new(),
        lists: Vec::new(),
        inlines: Vec::new(),
        fence: None,
        heading: None,
        tables: Vec::new(),
        in_cell: false,
        block_items: Vec::new(),
        quotes_across_break: 0,
        last_close: None,
        link_closed: false,
    };
    let mut open: Vec<usize> = Vec::new();
    for node in 0..dom.nodes.len() {
        while let Some(&last) = open.last() {
            if dom.nodes[last].end > node {
                break;
            }
            open.pop();
            writer.close(last);
        }
        match &dom.nodes[node].kind {
            Kind::Element(element) if element.shown => {
                writer.open(node);
                open.push(node);
            }
            Kind::Text(text) => writer.push_text(text, node),
            _ => {}
        }
    }
    while let Some(last) = open.pop() {
        writer.close(last);
    }
    if !writer.text.is_empty() && !writer.text.ends_with('\n') {
        writer.text.push('\n');
    }
    Visible { text: writer.text, segments: writer.segments, preformatted: Vec::new() }
}

impl Writer<'_, '_> {
    fn attr(&self, node: usize, name: &str) -> Option<&str> {
        self.dom.element(node).and_then(|e| e.parsed.attr(name))
    }

    /// Whether the output ends a line (or is empty).
    fn line_is_empty(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// Whether the next text starts a line.
    fn at_line_start(&self) -> bool {
        self.pending_break != Break::None || self.line_is_empty()
    }

    /// Whether inside inline code, where markers and escapes are text.
    fn in_code(&self) -> bool {
        self.inlines.iter().any(|i| i.open.starts_with('`'))
    }

    fn quote_depth(&self) -> usize {
        self.containers.iter().filter(|c| matches!(c, Container::Quote)).count()
    }

    fn in_item(&self) -> bool {
        self.containers.iter().any(|c| matches!(c, Container::Item { .. }))
    }

    /// Asks for at least `wanted` before the next text; inside a list item
    /// a blank line would loosen the list, so blocks there go on the next line.
    fn request(&mut self, wanted: Break) {
        let wanted = if wanted == Break::Blank && self.in_item() { Break::Line } else { wanted };
        let depth = self.quote_depth();
        self.quotes_across_break = if self.pending_break == Break::None { depth } else { self.quotes_across_break.min(depth) };
        self.pending_break = self.pending_break.max(wanted);
    }

    /// Whether blocks read as words of one line here (a heading, a table cell).
    fn one_line(&self) -> bool {
        self.heading.is_some() || self.in_cell
    }

    fn open(&mut self, node: usize) {
        // A copy of the DOM's reference: the tag outlives this borrow of self.
        let dom = self.dom;
        let tag = dom.tag(node);
        if self.fence.is_some() {
            if tag == "br" {
                self.write_raw("\n", node);
            }
            return;
        }
        // Between the cells of a data table only rows and cells count.
        if !self.tables.is_empty() && !self.in_cell {
            match tag {
                "tr" => self.close_row(),
                "td" | "th" => self.open_cell(node),
                _ => {}
            }
            return;
        }
        if self.one_line() && (is_block(tag) || tag == "br") {
            self.pending_space = true;
            return;
        }
        match tag {
            "br" => {
                self.close_inlines_for_break();
                self.request(Break::Line);
            }
            _ if heading_level(tag).is_some() => {
                self.request(Break::Blank);
                self.heading = heading_level(tag);
            }
            "ul" | "ol" | "menu" => {
                let start = self.attr(node, "start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                self.request(if self.in_item() { Break::Line } else { Break::Blank });
                self.lists.push((tag == "ol", start));
            }
            "li" if holds_blocks(self.dom, node) => {
                self.request(Break::Blank);
                self.block_items.push(node);
            }
            "li" => {
                self.request(Break::Line);
                let marker = match self.lists.last_mut() {
                    Some((true, next)) => {
                        let marker = format!("{next}. ");
                        *next += 1;
                        marker
                    }
                    _ => "- ".to_string(),
                };
                self.containers.push(Container::Item { marker, written: false });
            }
            "blockquote" => {
                self.request(Break::Blank);
                self.containers.push(Container::Quote);
            }
            "pre" => self.open_fence(node),
            "table" => {
                self.request(Break::Blank);
                // A layout table is read as the blocks it holds.
                if let Some(columns) = data_table_columns(self.dom, node) {
                    self.tables.push(Table { columns, rows: 0, cells: 0, row: None });
                }
            }
            "img" if self.options.images => self.image(node),
            _ if is_block(tag) => self.request(Break::Blank),
            _ => {
                // Boxes of their own are apart, as are links side by side, as in the flat text.
                self.pending_space |= dom.is_box_item(node) || tag == "a" && self.link_closed;
                self.open_inline(node, tag)
            }
        }
    }

    fn close(&mut self, node: usize) {
        // A copy of the DOM's reference: the tag outlives this borrow of self.
        let dom = self.dom;
        let tag = dom.tag(node);
        self.link_closed |= tag == "a";
        if let Some((pre, _)) = &self.fence {
            if *pre == node {
                self.close_fence(node);
            }
            return;
        }
        if !self.tables.is_empty() && !self.in_cell {
            match tag {
                "tr" => self.close_row(),
                "table" => {
                    self.close_row();
                    self.tables.pop();
                    self.request(Break::Blank);
                }
                _ => {}
            }
            return;
        }
        if self.in_cell && matches!(tag, "td" | "th") {
            self.close_inlines_for_break();
            self.write_raw(" |", node);
            self.pending_space = false;
            self.in_cell = false;
            return;
        }
        if self.inlines.last().is_some_and(|inline| inline.node == node) {
            self.close_inline();
            self.pending_space |= dom.is_box_item(node);
            return;
        }
        if !is_block(tag) && dom.is_box_item(node) {
            self.pending_space = true;
            return;
        }
        if self.one_line() && is_block(tag) && heading_level(tag).is_none() {
            self.pending_space = true;
            return;
        }
        match tag {
            _ if heading_level(tag).is_some() => {
                self.heading = None;
                self.request(Break::Blank);
            }
            "ul" | "ol" | "menu" => {
                self.lists.pop();
                self.request(Break::Blank);
            }
            "li" if self.block_items.last() == Some(&node) => {
                self.close_inlines_for_break();
                self.block_items.pop();
                self.request(Break::Blank);
            }
            "li" => {
                self.close_inlines_for_break();
                self.containers.pop();
                self.request(Break::Line);
            }
            "blockquote" => {
                self.close_inlines_for_break();
                self.containers.pop();
                self.request(Break::Blank);
            }
            _ if is_block(tag) => {
                self.close_inlines_for_break();
                self.request(Break::Blank);
            }
            _ => {}
        }
    }

    fn open_inline(&mut self, node: usize, tag: &str) {
        let (open, close) = match tag {
            // A heading is strong already: `## **Title**` says it twice.
            "strong" | "b" if self.heading.is_some() => return,
            "strong" | "b" => ("**".to_string(), "**".to_string()),
            "em" | "i" => ("*".to_string(), "*".to_string()),
            "code" | "kbd" | "samp" | "tt" => {
                let longest = longest_run(&subtree_text(self.dom, node), '`');
                let ticks = "`".repeat(longest + 1);
                // Padded, so a backtick at either end is not read as part of the marker.
                if longest > 0 {
                    (format!("{ticks} "), format!(" {ticks}"))
                } else {
                    (ticks.clone(), ticks)
                }
            }
            "a" if self.options.links => match self.attr(node, "href").map(str::trim).filter(|h| is_link_target(h)) {
                Some(href) => ("[".to_string(), format!("]({})", link_destination(href))),
                None => return,
            },
            _ => return,
        };
        // Inside code, markers are text; inside bold, bold again says nothing
        // (`****Join****` shows its asterisks).
        if self.in_code() || self.inlines.iter().any(|inline| inline.open == open) {
            return;
        }
        self.inlines.push(Inline { node, open, close, written: false });
    }

    fn close_inline(&mut self) {
        let Some(inline) = self.inlines.pop() else { return };
        if inline.written {
            self.write_close(&inline.close, inline.node);
        }
    }

    /// Writes a closing marker before the blanks that end the text so far
    /// (no-break spaces): a marker after a blank closes nothing. The blanks
    /// follow it, each stretch still from the node it came from; a stretch
    /// with no segment of its own is the closed element's.
    fn write_close(&mut self, close: &str, node: usize) {
        let kept = self.text.trim_end_matches(|c: char| c.is_whitespace() && c != '\n').len();
        let mut owners = self.segments.split_off(self.segments.partition_point(|&(at, _)| at < kept));
        if kept < self.text.len() && owners.first().is_none_or(|&(at, _)| at > kept) {
            owners.insert(0, (kept, node));
        }
        let blanks = self.text.split_off(kept);
        self.write_raw(close, node);
        self.last_close = Some((close.to_string(), kept));
        for (index, &(at, owner)) in owners.iter().enumerate() {
            let end = owners.get(index + 1).map_or(kept + blanks.len(), |&(next, _)| next);
            self.write_raw(&blanks[at - kept..end - kept], owner);
        }
    }

    /// Closes the emphasis and links written so far before a line break, and
    /// opens them again after it: markers do not span blocks.
    fn close_inlines_for_break(&mut self) {
        for index in (0..self.inlines.len()).rev() {
            if self.inlines[index].written {
                let (close, node) = (self.inlines[index].close.clone(), self.inlines[index].node);
                self.write_raw(&close, node);
                self.inlines[index].written = false;
            }
        }
    }

    fn image(&mut self, node: usize) {
        let Some(src) = self.attr(node, "src").map(str::trim).filter(|s| is_link_target(s)) else { return };
        let alt = escape_inline_chars(self.attr(node, "alt").unwrap_or("").trim(), false);
        let image = format!("![{alt}]({})", link_destination(src));
        self.start_text(node);
        self.write_raw(&image, node);
    }

    fn open_fence(&mut self, node: usize) {
        let code = subtree_text(self.dom, node);
        if code.trim().is_empty() {
            return;
        }
        self.request(Break::Blank);
        let ticks = "`".repeat((longest_run(&code, '`') + 1).max(3));
        let language = self.dom.code_languages.get(&node).map_or("", String::as_str);
        self.start_line(node);
        self.write_raw(&format!("{ticks}{language}\n"), node);
        self.write_prefix(node);
        self.fence = Some((node, ticks));
    }

    fn close_fence(&mut self, node: usize) {
        let Some((_, ticks)) = self.fence.take() else { return };
        if !self.text.ends_with('\n') {
            self.write_raw("\n", node);
        }
        self.write_prefix(node);
        self.write_raw(&ticks, node);
        self.pending_break = Break::None;
        self.request(Break::Blank);
    }

    fn open_cell(&mut self, node: usize) {
        let Some(table) = self.tables.last() else { return };
        if table.row.is_none() {
            self.start_line(node);
            self.write_raw("|", node);
            if let Some(table) = self.tables.last_mut() {
                table.row = Some(node);
            }
        }
        self.write_raw(" ", node);
        if let Some(table) = self.tables.last_mut() {
            table.cells += 1;
        }
        self.in_cell = true;
        self.pending_space = false;
    }

    /// Ends the open row, if any: empty cells to the table's width, and
    /// after the first row the line that makes it the header.
    fn close_row(&mut self) {
        let Some(table) = self.tables.last_mut() else { return };
        let Some(row) = table.row.take() else { return };
        let missing = table.columns.saturating_sub(table.cells);
        let columns = table.columns.max(table.cells);
        let first = table.rows == 0;
        table.rows += 1;
        table.cells = 0;
        self.write_raw(&" |".repeat(missing), row);
        if first {
            self.write_raw("\n", row);
            self.write_prefix(row);
            self.write_raw(&format!("|{}", " --- |".repeat(columns)), row);
        }
        self.pending_space = false;
        self.pending_break = Break::Line;
    }

    /// Writes what the pending break asks for, then the line's prefix.
    fn start_line(&mut self, node: usize) {
        if self.text.is_empty() {
            self.pending_break = Break::None;
        }
        match std::mem::replace(&mut self.pending_break, Break::None) {
            Break::None => {
                if !self.line_is_empty() {
                    return;
                }
            }
            Break::Line => self.write_raw("\n", node),
            Break::Blank => {
                self.write_raw("\n", node);
                // Only the quotes open on both sides of the blank line hold it.
                let quotes = self.quotes_across_break.min(self.quote_depth());
                if quotes > 0 {
                    self.write_raw(&">".repeat(quotes), node);
                }
                self.write_raw("\n", node);
            }
        }
        self.pending_space = false;
        self.write_prefix(node);
    }

    /// The markers of the open quotes and list items, and of a heading.
    fn write_prefix(&mut self, node: usize) {
        let mut prefix = String::new();
        for container in &mut self.containers {
            match container {
                Container::Quote => prefix.push_str("> "),
                Container::Item { marker, written: true } => prefix.push_str(&" ".repeat(marker.len())),
                Container::Item { marker, written } => {
                    prefix.push_str(marker);
                    *written = true;
                }
            }
        }
        if self.fence.is_none() {
            if let Some(level) = self.heading {
                prefix.push_str(&"#".repeat(level));
                prefix.push(' ');
            }
        }
        if !prefix.is_empty() {
            self.write_raw(&prefix, node);
        }
    }

    /// Before the first character of text: the line it goes on, a space
    /// owed, and the markers of inline elements opened since.
    fn start_text(&mut self, node: usize) {
        if self.at_line_start() {
            self.start_line(node);
        } else if self.pending_space {
            self.write_raw(" ", node);
        }
        self.pending_space = false;
        for index in 0..self.inlines.len() {
            if !self.inlines[index].written {
                let (open, node) = (self.inlines[index].open.clone(), self.inlines[index].node);
                if !self.join_with_last_close(&open) {
                    self.write_raw(&open, node);
                }
                self.inlines[index].written = true;
            }
        }
        self.last_close = None;
    }

    /// Takes back the closing marker just written when `open` opens a run
    /// just like it with nothing between (`<b>mood board</b><b>,</b>`):
    /// `**mood board****,**` would show its asterisks.
    fn join_with_last_close(&mut self, open: &str) -> bool {
        let Some((close, at)) = self.last_close.take() else { return false };
        if close != open || self.text.len() != at + close.len() || !self.text.ends_with(&close) {
            return false;
        }
        self.text.truncate(at);
        while self.segments.last().is_some_and(|&(start, _)| start >= at) {
            self.segments.pop();
        }
        true
    }

    fn push_text(&mut self, text: &str, node: usize) {
        self.link_closed &= text.trim_ascii().is_empty();
        if self.fence.is_some() {
            // Code as it is, each line under the prefix of what holds it.
            for (index, line) in text.split('\n').enumerate() {
                if index > 0 {
                    self.write_raw("\n", node);
                    if !self.containers.is_empty() {
                        self.write_prefix(node);
                    }
                }
                self.write_raw(line, node);
            }
            return;
        }
        let in_code = self.in_code();
        let mut rest = text;
        loop {
            let blanks = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_whitespace()).len();
            if blanks > 0 {
                self.pending_space = true;
                rest = &rest[blanks..];
            }
            if rest.is_empty() {
                break;
            }
            let length = rest.find(|c: char| c.is_ascii_whitespace()).unwrap_or(rest.len());
            let word = &rest[..length];
            rest = &rest[length..];
            if word.chars().all(|c| c.is_whitespace() || is_zero_width(c)) {
                // A blank that is not folded (a no-break space) opens no
                // emphasis, nor does a character with no width open a
                // heading or a list item that would hold nothing else.
                if self.pending_space && !self.line_is_empty() {
                    self.write_raw(" ", node);
                }
                self.pending_space = false;
                self.write_raw(word, node);
                continue;
            }
            // In a heading a run of `#` anywhere could close it.
            let prefixed = self.at_line_start() && !self.one_line() || self.heading.is_some() && word.starts_with('#');
            self.start_text(node);
            let escaped = match in_code {
                // A table's cells end at a bar even inside code.
                true if self.in_cell => Cow::Owned(word.replace('|', "\\|")),
                true => Cow::Borrowed(word),
                false => escape_word(word, prefixed, self.in_cell),
            };
            self.segments.push((self.text.len(), node));
            self.text.push_str(&escaped);
        }
    }

    fn write_raw(&mut self, text: &str, node: usize) {
        if text.is_empty() {
            return;
        }
        self.segments.push((self.text.len(), node));
        self.text.push_str(text);
    }
}

/// Characters that take no room: zero-width spaces and joiners, the word
/// joiner, a byte-order mark.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn heading_level(tag: &str) -> Option<usize> {
    match tag.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(usize::from(level - b'0')),
        _ => None,
    }
}

/// Escapes what Markdown would read as markup in a word of text; `line_start`
/// when it begins a block, where `#`, `>`, list and fence markers count.
fn escape_word(word: &str, line_start: bool, in_cell: bool) -> Cow<'_, str> {
    // Most words hold nothing to escape.
    let may_start_block = line_start && word.starts_with(|c: char| "#>+=~|-".contains(c) || c.is_ascii_digit());
    if !may_start_block && !word.contains(['*', '`', '[', ']', '\\', '<', '_', '|', '&']) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len() + 2);
    let chars: Vec<char> = word.chars().collect();
    if line_start {
        let first = chars[0];
        let rest: String = chars[1..].iter().collect();
        let all_first = chars.iter().all(|&c| c == first);
        let starts_block = matches!(first, '#' | '>' | '+' | '=' | '~' | '|')
            || first == '-' && (chars.len() == 1 || all_first)
            || first.is_ascii_digit() && is_list_number(word);
        if starts_block {
            if first.is_ascii_digit() {
                // "1." or "1)": the mark after the digits.
                let digits = word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len());
                out.push_str(&word[..digits]);
                out.push('\\');
                out.push_str(&escape_inline_chars(&word[digits..], in_cell));
                return Cow::Owned(out);
            }
            out.push('\\');
            out.push(first);
            out.push_str(&escape_inline_chars(&rest, in_cell));
            return Cow::Owned(out);
        }
    }
    out.push_str(&escape_inline_chars(word, in_cell));
    Cow::Owned(out)
}

fn is_list_number(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits <= 9 && matches!(&word[digits..], "." | ")")
}

/// Escapes the characters that open emphasis, code, links or HTML.
fn escape_inline_chars(text: &str, in_cell: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let escape = match c {
            '*' | '`' | '[' | ']' => true,
            '\\' => next.is_some_and(|n| n.is_ascii_punctuation()) || next.is_none(),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // Inside a word an underscore cannot open emphasis.
            '_' => !(previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            '|' => in_cell,
            // An entity or character reference would be read as the character.
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether a URL can be a link's target: not a script, not empty.
fn is_link_target(url: &str) -> bool {
    !url.is_empty() && !url.get(..11).is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
}

/// A URL as a link destination: in angle brackets when it holds what would end it.
fn link_destination(url: &str) -> String {
    if url.contains([' ', '(', ')']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_string()
    }
}

fn longest_run(text: &str, mark: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == mark { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn subtree_text(dom: &Dom<'_>, node: usize) -> String {
    dom.texts(node).collect()
}

/// Whether a list item holds blocks of its own, as the entries of a listing,
/// the posts of a thread or the questions of a FAQ do: a heading inside, or
/// more than one block of text, makes it an entry to write as blocks, not a
/// list item. One paragraph alone is a list item's text: renderers of
/// Markdown, AsciiDoc and reStructuredText wrap every item of a loose list
/// in its `<p>`.
fn holds_blocks(dom: &Dom<'_>, item: usize) -> bool {
    let mut blocks_with_text = 0;
    let mut node = item + 1;
    while node < dom.nodes[item].end {
        let tag = dom.tag(node);
        // A list inside is the item's sublist, not blocks of its own.
        if matches!(tag, "ul" | "ol" | "menu") {
            node = dom.nodes[node].end;
            continue;
        }
        if heading_level(tag).is_some() {
            return true;
        }
        if is_block(tag) && dom.children(node).any(|c| matches!(&dom.nodes[c].kind, Kind::Text(t) if !t.trim().is_empty())) {
            blocks_with_text += 1;
            if blocks_with_text > 1 {
                return true;
            }
        }
        node += 1;
    }
    false
}

/// Elements that make a table a layout grid rather than data.
const NOT_IN_DATA_TABLES: &[&str] =
    &["table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "blockquote", "form", "article", "section"];

/// Words in a cell past which a table is page layout, not data.
const MAX_CELL_WORDS: usize = 80;

/// The most cells in a row, when a table holds data (rows of short cells,
/// two columns or more) rather than lays out a page.
fn data_table_columns(dom: &Dom<'_>, table: usize) -> Option<usize> {
    if dom.element(table).is_some_and(|e| e.table_hint == Some(false)) {
        return None;
    }
    // Cells of each row so far; without nested tables a cell is the last row's.
    let mut rows: Vec<usize> = Vec::new();
    for node in table + 1..dom.nodes[table].end {
        match dom.tag(node) {
            tag if NOT_IN_DATA_TABLES.contains(&tag) => return None,
            "tr" => rows.push(0),
            "td" | "th" => {
                if let Some(cells) = rows.last_mut() {
                    *cells += 1;
                }
                if subtree_text(dom, node).split_whitespace().count() > MAX_CELL_WORDS {
                    return None;
                }
            }
            _ => {}
        }
    }
    // A single column is a stack of blocks, whatever holds it.
    let columns = rows.iter().copied().max().unwrap_or(0);
    (columns > 1).then_some(columns)
}

#[cfg(test)]
mod tests {
    use super::super::dom::{parse, Dom};
    use super::*;

    fn markdown(html: &str) -> String {
        visible(&Dom::new(&parse(html)), Markdown::default()).text
    }

    fn markdown_with(html: &str, options: Markdown) -> String {
        visible(&Dom::new(&parse(html)), options).text
    }

    #[test]
    fn headings_paragraphs_and_emphasis() {
        assert_eq!(
            markdown("<h1>Title</h1><p>One <b>bold</b> and <em>soft</em> word.</p><h3>Part</h3><p>Two</p>"),
            "# Title\n\nOne **bold** and *soft* word.\n\n### Part\n\nTwo\n"
        );
        assert_eq!(
            markdown("<p>A <b>mood board</b><b>,</b> then <b>a plan</b> <b>and</b> <em>a\u{a0}</em>list.</p>"),
            "A **mood board,** then **a plan** **and** *a*\u{a0}list.\n",
            "runs side by side join; a marker closes before a no-break space"
        );
        assert_eq!(markdown("<p><b><strong>Join</strong> now</b></p>"), "**Join now**\n", "bold inside bold is bold");
        assert_eq!(
            markdown("<p>An <em>a\u{a0} \u{a0}</em>list.</p>"),
            "An *a*\u{a0} \u{a0}list.\n",
            "every blank moved after the marker stays"
        );
    }

    #[test]
    fn an_item_of_one_paragraph_is_a_list_item_and_one_of_blocks_is_an_entry() {
        assert_eq!(
            markdown("<ul><li><p>one</p></li><li><p>two</p><p>more</p></li><li><h3>Card</h3><p>text</p></li></ul>"),
            "- one\n\ntwo\n\nmore\n\n### Card\n\ntext\n"
        );
    }

    #[test]
    fn nested_and_ordered_lists() {
        assert_eq!(
            markdown("<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul><ol start=3><li>three</li><li>four</li></ol>"),
            "- one\n  - inner\n- two\n\n3. three\n4. four\n"
        );
    }

    #[test]
    fn tables_get_a_header_row_and_escaped_cells() {
        assert_eq!(
            markdown("<table><tr><th>Name</th><th>Size</th></tr><tr><td>a|b</td><td>1<br>2</td></tr><tr><td>c</td></tr></table>"),
            "| Name | Size |\n| --- | --- |\n| a\\|b | 1 2 |\n| c | |\n"
        );
    }

    #[test]
    fn code_blocks_keep_their_indentation_and_language() {
        assert_eq!(
            markdown("<p>See</p><pre><code class=\"language-rust\">fn main() {\n    go();\n}</code></pre><p>Use <code>x*y</code>.</p>"),
            "See\n\n```rust\nfn main() {\n    go();\n}\n```\n\nUse `x*y`.\n"
        );
        assert_eq!(markdown("<pre>a ``` b</pre>"), "````\na ``` b\n````\n", "a longer fence than any run inside");
        assert_eq!(
            markdown("<p>Loop:</p><div class=\"example-header\"><span>js</span></div><pre class=\"brush: js\">go(x + 1);</pre>"),
            "Loop:\n\n```js\ngo(x + 1);\n```\n",
            "the label above a block that names its language is not text"
        );
    }

    #[test]
    fn quotes_and_text_that_looks_like_markup() {
        assert_eq!(markdown("<blockquote><p>one</p><p>two</p></blockquote>"), "> one\n>\n> two\n");
        assert_eq!(
            markdown("<p># not a heading</p><p>1. not a list, *not* <b>emphasis</b> &lt;em&gt;</p>"),
            "\\# not a heading\n\n1\\. not a list, \\*not\\* **emphasis** \\<em>\n"
        );
    }

    #[test]
    fn links_and_images_only_when_asked() {
        let html = "<p>Read <a href=\"/a b\">the guide</a> <img src=\"x.png\" alt=\"chart\"> <a href=\"javascript:go()\">here</a>.</p>";
        assert_eq!(markdown(html), "Read the guide here.\n");
        assert_eq!(markdown_with(html, Markdown { links: true, images: true }), "Read [the guide](</a b>) ![chart](x.png) here.\n");
    }

    #[test]
    fn list_items_holding_blocks_are_written_as_those_blocks() {
        assert_eq!(
            markdown("<ul><li><h3>Pier cafe</h3><p>Open daily.</p></li><li><div>Harbour inn</div><div>Rooms from May.</div></li></ul>"),
            "### Pier cafe\n\nOpen daily.\n\nHarbour inn\n\nRooms from May.\n"
        );
        assert_eq!(markdown("<ul><li><div>Weekdays</div></li><li><span>Sundays</span></li></ul>"), "- Weekdays\n- Sundays\n");
        assert_eq!(
            markdown("<ul><li>Days<ul><li>Sat</li><li>Sun</li></ul></li></ul>"),
            "- Days\n  - Sat\n  - Sun\n",
            "a sublist is no block"
        );
    }

    #[test]
    fn layout_tables_are_read_as_blocks() {
        let long = "word ".repeat(100);
        assert_eq!(
            markdown(&format!("<table><tr><td><p>{long}</p></td><td><h2>Side</h2></td></tr></table>")),
            format!("{}\n\n## Side\n", long.trim_end())
        );
        assert_eq!(
            markdown("<table><tr><td><b>Free quotes</b></td></tr><tr><td>Retrofit, 3460 Kennesaw</td></tr></table>"),
            "**Free quotes**\n\nRetrofit, 3460 Kennesaw\n",
            "a single column is a stack of blocks"
        );
    }

    #[test]
    fn nothing_but_a_zero_width_space_opens_no_block() {
        assert_eq!(
            markdown("<p>Text.</p><h2>\u{200b}</h2><ul><li>\u{200b}</li></ul><h3>\u{200b}Word</h3>"),
            "Text.\u{200b}\u{200b}\n\n### \u{200b}Word\n"
        );
    }

    #[test]
    fn boxes_and_links_side_by_side_are_apart_and_keep_their_marks() {
        let html = "<p class=\"flex\"><b>Oak</b><span>shelf</span><i>only</i></p><p><a href=\"/a\">Tide</a><a href=\"/b\">ferry</a></p>";
        assert_eq!(markdown(html), "**Oak** shelf *only*\n\nTide ferry\n");
    }

    #[test]
    fn a_heading_is_not_made_bold_again() {
        assert_eq!(
            markdown("<h2><strong>Why</strong> it <em>matters</em></h2><p>It <b>does</b>.</p>"),
            "## Why it *matters*\n\nIt **does**.\n"
        );
    }

    #[test]
    fn a_heading_loses_the_mark_that_links_to_it() {
        assert_eq!(
            markdown(
                "<h2 id=a>Setup<a class=headerlink href=\"#a\">¶</a></h2><h3 id=b><a href=\"#b\">#</a>Why</h3>\
                 <h3 id=c><a href=\"#c\">Usage</a></h3><p>See note <a href=\"#n\">*</a>.</p>"
            ),
            "## Setup\n\n### Why\n\n### Usage\n\nSee note \\*.\n"
        );
    }

    #[test]
    fn empty_elements_leave_no_markers() {
        assert_eq!(markdown("<p><b></b>text<i> </i></p><ul><li></li></ul><pre> </pre>"), "text\n");
    }
}

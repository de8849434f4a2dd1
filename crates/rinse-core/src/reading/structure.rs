//! Markdown blocks no rule may break: a fenced code block is kept exactly as
//! it is unless removed whole (taking one fence of a pair would turn the
//! rest of the text into code), and a table keeps its head (header row and
//! delimiter row) unless removed whole (its rows would become paragraphs).

use std::borrow::Cow;
use std::ops::Range;

use crate::edit::Change;
use crate::reading::{lines, lines_holding};

/// The byte ranges of the closed fenced code blocks of `text`, each from the
/// start of its opening fence to the end of its closing one (line break included).
pub fn fenced_blocks(text: &str) -> Vec<Range<usize>> {
    if memchr::memmem::find(text.as_bytes(), b"```").is_none() && memchr::memmem::find(text.as_bytes(), b"~~~").is_none() {
        return Vec::new();
    }
    let mut blocks = Vec::new();
    // The open fence: where it starts, its mark and its length.
    let mut open: Option<(usize, char, usize)> = None;
    for line in lines_holding(text, memchr::memchr2_iter(b'`', b'~', text.as_bytes())) {
        let Some((mark, length, info)) = fence(line.text) else { continue };
        match open {
            None if !(mark == '`' && info.contains('`')) => open = Some((line.start, mark, length)),
            Some((start, open_mark, open_length)) if mark == open_mark && length >= open_length && info.is_empty() => {
                blocks.push(start..line.next);
                open = None;
            }
            _ => {}
        }
    }
    blocks
}

/// The fence a line holds, after any quote markers and indentation: its
/// mark, its length and what follows it.
fn fence(line: &str) -> Option<(char, usize, &str)> {
    let body = line.trim_start_matches([' ', '>', '\t']);
    let mark = body.chars().next().filter(|&c| c == '`' || c == '~')?;
    let length = body.chars().take_while(|&c| c == mark).count();
    (length >= 3).then(|| (mark, length, body[length..].trim()))
}

/// A part of a block that may change only with the whole block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guarded {
    pub part: Range<usize>,
    pub block: Range<usize>,
}

/// What no rule may change in `text` but with its whole block: every fenced
/// code block, and the head of every table.
pub fn guarded(text: &str) -> Vec<Guarded> {
    let fences = fenced_blocks(text);
    let mut guarded = table_heads(text, &fences);
    guarded.extend(fences.into_iter().map(|block| Guarded { part: block.clone(), block }));
    guarded.sort_by_key(|g| g.part.start);
    guarded
}

/// The heads of the tables of `text` outside its code blocks (`fences`): a
/// row of cells followed by a delimiter row (`| --- | :-: |`), with the rows
/// after them.
fn table_heads(text: &str, fences: &[Range<usize>]) -> Vec<Guarded> {
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut heads: Vec<Guarded> = Vec::new();
    let mut rows = lines_holding(text, memchr::memchr_iter(b'|', text.as_bytes())).filter(|line| is_row(line.text)).peekable();
    while let Some(line) = rows.next() {
        // A row right after a table's head or rows is one of its rows.
        if let Some(head) = heads.last_mut().filter(|head| head.block.end == line.start) {
            head.block.end = line.next;
            continue;
        }
        let in_code = fences.iter().any(|f| f.contains(&line.start));
        if let Some(delimiter) = rows.next_if(|next| next.start == line.next && !in_code && is_delimiter_row(next.text)) {
            heads.push(Guarded { part: line.start..delimiter.next, block: line.start..delimiter.next });
        }
    }
    heads
}

fn is_row(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('|') && line.len() > 1
}

fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    is_row(line) && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Leaves out of `changes` those that would change a guarded part without
/// removing its whole block.
pub fn keep_blocks_whole(guarded: &[Guarded], changes: &mut Vec<Change>) {
    if guarded.is_empty() {
        return;
    }
    changes.retain(|change| {
        guarded.iter().all(|Guarded { part, block }| {
            change.end <= part.start || change.start >= part.end || change.start <= block.start && change.end >= block.end
        })
    });
}

/// A Markdown text as the plain text it stands for, line for line (each
/// line where it was, so that what is judged of one holds for the other):
/// outside code blocks, each line without its block marks (heading, list
/// item, quote) and the marks of emphasis, code spans and escapes. A line
/// that is all marks stays as it is.
pub fn as_plain_text(text: &str) -> String {
    let fences = fenced_blocks(text);
    let mut plain = String::with_capacity(text.len());
    for line in lines(text) {
        let in_code = fences.iter().any(|f| f.contains(&line.start));
        let read = if in_code { Cow::Borrowed(line.text) } else { plain_line(line.text) };
        plain.push_str(if read.trim().is_empty() { line.text } else { &read });
        plain.push_str(&text[line.end..line.next]);
    }
    plain
}

/// One Markdown line as plain text: [`as_plain_text`].
pub fn plain_line(line: &str) -> Cow<'_, str> {
    let mut body = line.trim_start();
    loop {
        let before = body.len();
        body = body.trim_start_matches('>').trim_start();
        if let Some(rest) = body.strip_prefix(['-', '*', '+']).filter(|rest| rest.starts_with(' ')) {
            body = rest.trim_start();
        }
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if (1..10).contains(&digits) {
            if let Some(rest) = body[digits..].strip_prefix(['.', ')']).filter(|rest| rest.starts_with(' ')) {
                body = rest.trim_start();
            }
        }
        let hashes = body.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && body[hashes..].starts_with(' ') {
            body = body[hashes..].trim_start();
        }
        if body.len() == before {
            break;
        }
    }
    if !body.contains(['*', '`', '\\']) {
        return Cow::Borrowed(body);
    }
    let mut plain = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => plain.extend(chars.next()),
            '*' | '`' => {}
            _ => plain.push(c),
        }
    }
    Cow::Owned(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_closed_fences_only() {
        let text = "Intro\n```rust\n  code\n```\ntext\n~~~~\nx\n~~~\n~~~~\n```\nnever closed\n";
        let blocks = fenced_blocks(text);
        assert_eq!(blocks.iter().map(|b| &text[b.clone()]).collect::<Vec<_>>(), ["```rust\n  code\n```\n", "~~~~\nx\n~~~\n~~~~\n"]);
    }

    #[test]
    fn changes_inside_a_code_block_go_but_removing_it_whole_stays() {
        let text = "a\n```\n  x\n```\nb\n";
        let mut changes =
            vec![Change::delete(0..2, "line"), Change::delete(6..8, "leading whitespace"), Change::delete(12..16, "lone fence")];
        keep_blocks_whole(&guarded(text), &mut changes);
        assert_eq!(changes.len(), 1);
        let mut whole = vec![Change::delete(2..16, "code block")];
        keep_blocks_whole(&guarded(text), &mut whole);
        assert_eq!(whole.len(), 1);
    }

    #[test]
    fn a_table_keeps_its_head_unless_it_goes_whole() {
        let text = "| Day | Boats |\n| --- | :-: |\n| Sat | 4 |\n| Sun | 2 |\nafter\n";
        let heads = guarded(text);
        assert_eq!(heads.len(), 1);
        assert_eq!(&text[heads[0].part.clone()], "| Day | Boats |\n| --- | :-: |\n");
        assert_eq!(&text[heads[0].block.clone()], "| Day | Boats |\n| --- | :-: |\n| Sat | 4 |\n| Sun | 2 |\n");
        let mut changes = vec![Change::delete(0..16, "menu line"), Change::delete(42..54, "a row")];
        keep_blocks_whole(&heads, &mut changes);
        assert_eq!(changes, vec![Change::delete(42..54, "a row")]);
        let mut whole = vec![Change::delete(0..54, "the table")];
        keep_blocks_whole(&heads, &mut whole);
        assert_eq!(whole.len(), 1);
        assert!(guarded("a | b\n--- | ---\n").is_empty(), "rows start with a bar");
    }

    #[test]
    fn markdown_reads_as_its_plain_text_line_for_line() {
        let text = "## Ferry *times*\n\n- Daily at `9:00`\n> 2. Quoted \\*item\\*\n-\n```\n# not a heading\n```\n";
        assert_eq!(as_plain_text(text), "Ferry times\n\nDaily at 9:00\nQuoted *item*\n-\n```\n# not a heading\n```\n");
    }
}

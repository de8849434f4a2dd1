//! Fenced code blocks in Markdown: the code in them is kept exactly as it
//! is, and no rule may take one fence of a pair without the other (the rest
//! of the text would then read as code).

use std::ops::Range;

use crate::edit::Change;
use crate::text::lines;

/// The byte ranges of the closed fenced code blocks of `text`, each from the
/// start of its opening fence to the end of its closing one (line break included).
pub fn fenced_blocks(text: &str) -> Vec<Range<usize>> {
    if memchr::memmem::find(text.as_bytes(), b"```").is_none() && memchr::memmem::find(text.as_bytes(), b"~~~").is_none() {
        return Vec::new();
    }
    let mut blocks = Vec::new();
    // The open fence: where it starts, its mark and its length.
    let mut open: Option<(usize, char, usize)> = None;
    for line in lines(text) {
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
    let body = line.trim_start_matches(|c: char| c == ' ' || c == '>' || c == '\t');
    let mark = body.chars().next().filter(|&c| c == '`' || c == '~')?;
    let length = body.chars().take_while(|&c| c == mark).count();
    (length >= 3).then(|| (mark, length, body[length..].trim()))
}

/// Leaves out of `changes` those that would change one of `blocks` (fenced
/// code blocks) without removing it whole.
pub fn keep_fences_whole(blocks: &[Range<usize>], changes: &mut Vec<Change>) {
    if blocks.is_empty() {
        return;
    }
    changes.retain(|change| {
        blocks
            .iter()
            .all(|block| change.end <= block.start || change.start >= block.end || change.start <= block.start && change.end >= block.end)
    });
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
    fn changes_inside_a_block_go_but_removing_it_whole_stays() {
        let text = "a\n```\n  x\n```\nb\n";
        let mut changes = vec![
            Change::delete(0..2, "line"),
            Change::delete(6..8, "leading whitespace"),
            Change::delete(12..16, "lone fence"),
        ];
        keep_fences_whole(&fenced_blocks(text), &mut changes);
        assert_eq!(changes.len(), 1);
        let mut whole = vec![Change::delete(2..16, "code block")];
        keep_fences_whole(&fenced_blocks(text), &mut whole);
        assert_eq!(whole.len(), 1);
    }
}

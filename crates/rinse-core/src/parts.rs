//! A long text cleaned a part at a time. What the rules read of a text
//! (each line's reading, words and keys, the scorer's rows) takes several
//! times the text's size, and some of it grows faster than the text; a
//! text of many megabytes is not one page but many. So a text longer than
//! [`PART_BYTES`] is cut at paragraph breaks into parts of about that size,
//! each cleaned as a text of its own, and their edits joined against the
//! whole: what is held at once is the text, its cleaned form and one part's
//! reading. Repeats are found within a part, as they are within a page.

use std::ops::Range;

use crate::reading::structure::fenced_blocks;

/// Longest text cleaned as one: about a thousand pages' text. Every page,
/// article and dataset row in the evaluation data is far shorter.
pub const PART_BYTES: usize = 4 << 20;

/// The parts of `text`, in order, when it is cut into parts of about
/// `part_bytes`: one part when it is no longer. Each part but the last ends
/// with a line break, at the first paragraph break (a line break, one blank
/// line and text) from `part_bytes` to twice as far after the part's start,
/// else at the first line break past `part_bytes`; between two parts lies
/// that blank line or nothing.
/// No cut falls inside a fenced code block shorter than a part (a longer
/// one is two stray fences far apart, pages of text between them).
pub fn of(text: &str, part_bytes: usize) -> Vec<Range<usize>> {
    let mut fences = if text.len() > part_bytes { fenced_blocks(text) } else { Vec::new() };
    fences.retain(|fence| fence.len() <= part_bytes);
    // The blocks are in order and apart: the one that could hold `at` is the first ending past it.
    let outside_code = |at: usize| fences.get(fences.partition_point(|fence| fence.end <= at)).is_none_or(|fence| fence.start >= at);
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    while text.len() - start > part_bytes {
        let from = start + part_bytes;
        // A paragraph break is looked for as far again (most texts have
        // one within a few lines), else the first line break.
        let after = |to: usize| memchr::memchr_iter(b'\n', &bytes[from..to]).map(move |at| from + at + 1).filter(|&end| outside_code(end));
        let cut = after(text.len().min(from + part_bytes))
            .find_map(|end| blank_line_at(bytes, end).map(|next| (end, next)))
            .or_else(|| after(text.len()).find(|&end| end < text.len()).map(|end| (end, end)));
        let Some((end, next)) = cut else { break };
        parts.push(start..end);
        start = next;
    }
    parts.push(start..text.len());
    parts
}

/// Where the text after the blank line starting at `at` begins, when one
/// blank line (`\n` or `\r\n`) starts there and text follows it.
fn blank_line_at(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at..];
    let blank = if rest.starts_with(b"\n") {
        1
    } else if rest.starts_with(b"\r\n") {
        2
    } else {
        return None;
    };
    rest.get(blank).filter(|&&next| next != b'\n' && next != b'\r').map(|_| at + blank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_one_part() {
        assert_eq!(of("One line.\n", 100), vec![0..10]);
        assert_eq!(of("", 100), vec![0..0]);
    }

    #[test]
    fn parts_end_at_the_first_paragraph_break_past_their_size() {
        let text = "aaaa\nbbbb\n\ncccc\n\ndddd\n";
        // Past 6 bytes, the first line break followed by one blank line is after "bbbb".
        assert_eq!(of(text, 6), vec![0..10, 11..22]);
        assert_eq!(&text[0..10], "aaaa\nbbbb\n");
        let crlf = "aaaa\r\nbbbb\r\n\r\ncccc\r\n";
        assert_eq!(of(crlf, 6), vec![0..12, 14..20]);
    }

    #[test]
    fn without_a_paragraph_break_near_parts_end_at_a_line_break() {
        assert_eq!(of("aaaa\nbbbb\ncccc", 4), vec![0..5, 5..10, 10..14]);
        assert_eq!(of("aaaaaaaaaa", 4), vec![0..10]);
    }

    #[test]
    fn no_part_ends_inside_a_code_block() {
        let text = "aaaaaaaa\n```\n\nc\n```\n\ndd\n";
        // The blank line inside the block is no paragraph break.
        assert_eq!(of(text, 11), vec![0..20, 21..24]);
        assert!(text[..20].ends_with("```\n"));
    }

    proptest::proptest! {
        #[test]
        fn parts_cover_the_text_in_order_with_at_most_a_blank_line_between(text in "[ab\n\r ]{0,60}", size in 1usize..12) {
            let parts = of(&text, size);
            proptest::prop_assert_eq!(parts.first().map(|p| p.start), Some(0));
            proptest::prop_assert_eq!(parts.last().map(|p| p.end), Some(text.len()));
            for pair in parts.windows(2) {
                let gap = &text[pair[0].end..pair[1].start];
                proptest::prop_assert!(gap.is_empty() || gap == "\n" || gap == "\r\n", "gap {:?}", gap);
                proptest::prop_assert!(text[pair[0].clone()].ends_with('\n'));
                proptest::prop_assert!(pair[0].end > pair[0].start);
            }
        }
    }
}

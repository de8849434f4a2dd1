//! Small views of text that many rules share.

/// One line of a text, without its terminator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// Byte offset where the line starts.
    pub start: usize,
    /// Byte offset after the line's last character, before its `\n`.
    pub end: usize,
    /// Byte offset after its `\n` (equal to `end` on a last line without one).
    pub next: usize,
    pub text: &'a str,
}

impl Line<'_> {
    /// The whole line with its terminator: what deleting the line removes.
    pub fn full(&self) -> std::ops::Range<usize> {
        self.start..self.next
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The lines of `text`, split on `\n`.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |piece| {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let line = Line { start, end: start + body.len(), next: start + piece.len(), text: body };
        start = line.next;
        line
    })
}

/// Whitespace inside a line: every Unicode space except the line break.
pub fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_cover_the_text_exactly() {
        let text = "one\n\ntwo";
        let got: Vec<_> = lines(text).map(|l| (l.text, l.full())).collect();
        assert_eq!(got, vec![("one", 0..4), ("", 4..5), ("two", 5..8)]);
        assert_eq!(lines("").count(), 0);
    }
}

//! Per-line values of varying length (a line's words hashed) held in one
//! buffer with a range per line, not one allocation per line: a long text
//! has millions of short lines, and an allocation each would cost more than
//! the values.
//!
//! Dropping lines drops their ranges only; what they held stays in the
//! buffer, unread, so the lines kept are never copied.

use std::ops::{Index, Range};

/// A view with a value for each line.
pub trait PerLine {
    /// Keeps the lines whose `keep` flag is set (lines past its end go).
    fn keep_only(&mut self, keep: &[bool]);
}

impl<T> PerLine for Vec<T> {
    fn keep_only(&mut self, keep: &[bool]) {
        let mut flags = keep.iter();
        self.retain(|_| flags.next().copied().unwrap_or(false));
    }
}

/// A list of `T` for each line, in line order.
#[derive(Clone, Debug)]
pub struct Lists<T> {
    items: Vec<T>,
    lines: Vec<Range<usize>>,
}

impl<T: Clone> Lists<T> {
    pub fn new() -> Lists<T> {
        Lists { items: Vec::new(), lines: Vec::new() }
    }

    /// Adds the next line's list.
    pub fn push(&mut self, list: &[T]) {
        let start = self.items.len();
        self.items.extend_from_slice(list);
        self.lines.push(start..self.items.len());
    }
}

impl<T> Lists<T> {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        self.lines.iter().map(|line| &self.items[line.clone()])
    }
}

impl<T: Clone> Default for Lists<T> {
    fn default() -> Lists<T> {
        Lists::new()
    }
}

impl<T> PerLine for Lists<T> {
    fn keep_only(&mut self, keep: &[bool]) {
        self.lines.keep_only(keep);
    }
}

impl<T> Index<usize> for Lists<T> {
    type Output = [T];

    #[inline]
    fn index(&self, line: usize) -> &[T] {
        &self.items[self.lines[line].clone()]
    }
}

/// Lines hold the same lists, whatever else their buffers hold.
impl<T: PartialEq> PartialEq for Lists<T> {
    fn eq(&self, other: &Lists<T>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_each_line_apart_and_keep_the_lines_asked() {
        let mut lists = Lists::new();
        for list in [&[1u64, 2][..], &[], &[3]] {
            lists.push(list);
        }
        assert_eq!(lists.iter().collect::<Vec<_>>(), [&[1, 2][..], &[], &[3]]);
        lists.keep_only(&[false, true, true]);
        assert_eq!(lists.len(), 2);
        assert_eq!((&lists[0], &lists[1]), (&[][..], &[3][..]));
    }
}

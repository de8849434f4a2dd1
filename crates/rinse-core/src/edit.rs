//! Edits with provenance: every change to the original text names the rule
//! that made it and why, and can be rejected on its own.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A rule id or reason: usually a static string, owned when built at run time.
pub type Label = Cow<'static, str>;

/// One change to the original text.
///
/// `start..end` is a byte range of the *original*; `replacement` is what it
/// became. Where a rule changed text that earlier rules had already changed,
/// their edits are kept in `inner`: rejecting this edit gives the original
/// range with those inner edits applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub rule: Label,
    pub reason: Label,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inner: Vec<Edit>,
}

/// What an edit does, as the diff shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    Delete,
    Insert,
    Replace,
}

impl EditKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Delete => "delete",
            EditKind::Insert => "insert",
            EditKind::Replace => "replace",
        }
    }
}

impl Edit {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn kind(&self) -> EditKind {
        if self.replacement.is_empty() {
            EditKind::Delete
        } else if self.start == self.end {
            EditKind::Insert
        } else {
            EditKind::Replace
        }
    }

    /// This edit, and those inside it, moved `by` bytes later: an edit of a
    /// part of a text, as an edit of the whole.
    pub fn shifted(mut self, by: usize) -> Edit {
        self.start += by;
        self.end += by;
        self.inner = self.inner.into_iter().map(|inner| inner.shifted(by)).collect();
        self
    }

    /// Every rule that had a hand in this edit, this edit's own first.
    pub fn rules(&self) -> Vec<&str> {
        let mut rules = vec![self.rule.as_ref()];
        let mut stack: Vec<&Edit> = self.inner.iter().collect();
        while let Some(edit) = stack.pop() {
            if !rules.contains(&edit.rule.as_ref()) {
                rules.push(edit.rule.as_ref());
            }
            stack.extend(edit.inner.iter());
        }
        rules
    }

    /// What the edited range reads as when this edit is rejected: the
    /// original with only the earlier, inner edits applied.
    pub fn rejected_text(&self, original: &str) -> String {
        let mut out = String::new();
        apply_within(original, self.start, self.end, &self.inner, &mut out, &|_| false);
        out
    }
}

/// A change a rule proposes against the text it was given (not the original).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub reason: Label,
}

impl Change {
    pub fn replace(range: Range<usize>, replacement: impl Into<String>, reason: impl Into<Label>) -> Self {
        Change { start: range.start, end: range.end, replacement: replacement.into(), reason: reason.into() }
    }

    pub fn delete(range: Range<usize>, reason: impl Into<Label>) -> Self {
        Self::replace(range, String::new(), reason)
    }
}

/// Applies `edits` (sorted, disjoint) to `original`.
pub fn apply(original: &str, edits: &[Edit]) -> String {
    apply_except(original, edits, |_| false)
}

/// Applies every edit whose index `rejected` does not pick; a rejected edit
/// leaves its range as the original with its inner edits applied. Edits that
/// do not fit the text (out of range, unsorted, off a character boundary) are
/// passed over rather than trusted.
pub fn apply_except(original: &str, edits: &[Edit], rejected: impl Fn(usize) -> bool) -> String {
    let mut out = String::with_capacity(original.len());
    apply_within(original, 0, original.len(), edits, &mut out, &rejected);
    out
}

fn apply_within(original: &str, start: usize, end: usize, edits: &[Edit], out: &mut String, rejected: &dyn Fn(usize) -> bool) {
    let mut pos = start;
    for (index, edit) in edits.iter().enumerate() {
        if edit.start < pos || edit.end > end || edit.start > edit.end {
            continue;
        }
        let (Some(before), Some(_)) = (original.get(pos..edit.start), original.get(edit.start..edit.end)) else {
            continue;
        };
        out.push_str(before);
        if rejected(index) {
            apply_within(original, edit.start, edit.end, &edit.inner, out, &|_| false);
        } else {
            out.push_str(&edit.replacement);
        }
        pos = edit.end;
    }
    out.push_str(original.get(pos..end).unwrap_or_default());
}

/// Puts a rule's changes in order and drops any that cannot apply to `text`:
/// out of range, off a character boundary, overlapping an earlier change, or
/// changing nothing.
pub fn tidy_changes(text: &str, changes: &mut Vec<Change>) {
    changes.sort_by_key(|c| (c.start, c.end));
    let mut last_end = 0;
    changes.retain(|c| {
        let fits = c.start >= last_end && c.start <= c.end && text.get(c.start..c.end).is_some_and(|old| old != c.replacement);
        if fits {
            last_end = c.end;
        }
        fits
    });
}

/// Applies tidy changes to the text they were made against.
pub fn apply_changes(text: &str, changes: &[Change]) -> String {
    // Exactly the length it will have: a text grown by a few bytes must not
    // take twice its size.
    let removed: usize = changes.iter().map(|c| c.end - c.start).sum();
    let written: usize = changes.iter().map(|c| c.replacement.len()).sum();
    let mut out = String::with_capacity((text.len() + written).saturating_sub(removed));
    let mut pos = 0;
    for change in changes {
        out.push_str(&text[pos..change.start]);
        out.push_str(&change.replacement);
        pos = change.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// [`apply_changes`] to a text the caller gives up: where no change writes
/// more than it replaces (deletions, most repairs), the text is rewritten
/// where it lies, and a large document is never held twice.
pub fn apply_changes_owned(text: String, changes: &[Change]) -> String {
    if changes.iter().any(|c| c.replacement.len() > c.end - c.start) {
        return apply_changes(&text, changes);
    }
    let mut bytes = text.into_bytes();
    // Bytes before `written` are the result so far; each change's output
    // lands no later than where its input began.
    let (mut written, mut pos) = (0, 0);
    for change in changes {
        bytes.copy_within(pos..change.start, written);
        written += change.start - pos;
        bytes[written..written + change.replacement.len()].copy_from_slice(change.replacement.as_bytes());
        written += change.replacement.len();
        pos = change.end;
    }
    let len = bytes.len();
    bytes.copy_within(pos..len, written);
    bytes.truncate(written + len - pos);
    // Tidy changes start and end on character boundaries and write whole
    // characters, so the bytes are UTF-8 again.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Composes one rule's tidy `changes`, made against `current`, onto the
/// edits that turned the original into `current`, giving edits against the
/// original again.
///
/// A change that touches the output of earlier edits swallows them: the
/// composed edit covers their whole original ranges and keeps them as inner
/// edits, so that rejecting it brings back the text as the earlier rules left
/// it.
pub fn compose(current: &str, old: Vec<Edit>, changes: Vec<Change>, rule: &'static str) -> Vec<Edit> {
    let mut composed = Vec::with_capacity(old.len() + changes.len());
    let mut old = old.into_iter().peekable();
    let mut changes = changes.into_iter().peekable();
    // Offset of `current` against the original at the cursor (current - original).
    let mut delta: isize = 0;
    let to_current = |edit: &Edit, delta: isize| {
        let start = (edit.start as isize + delta) as usize;
        (start, start + edit.replacement.len())
    };
    let shift = |edit: &Edit| edit.replacement.len() as isize - (edit.end - edit.start) as isize;

    while let Some(first) = changes.next() {
        // Earlier edits whose output lies wholly before this change stay as they are.
        while let Some(edit) = old.peek() {
            let (_, out_end) = to_current(edit, delta);
            if out_end > first.start {
                break;
            }
            delta += shift(edit);
            composed.extend(old.next());
        }
        let delta_before = delta;
        let (mut group_start, mut group_end) = (first.start, first.end);
        let mut group = vec![first];
        let mut swallowed = Vec::new();
        loop {
            if let Some(edit) = old.peek() {
                let (out_start, out_end) = to_current(edit, delta);
                if out_start < group_end {
                    group_start = group_start.min(out_start);
                    group_end = group_end.max(out_end);
                    delta += shift(edit);
                    swallowed.extend(old.next());
                    continue;
                }
            }
            if let Some(next) = changes.peek() {
                if next.start < group_end {
                    group_end = group_end.max(next.end);
                    group.extend(changes.next());
                    continue;
                }
            }
            break;
        }

        let mut replacement = String::new();
        let mut pos = group_start;
        for change in &group {
            replacement.push_str(&current[pos..change.start]);
            replacement.push_str(&change.replacement);
            pos = change.end;
        }
        replacement.push_str(&current[pos..group_end]);
        let mut reasons = group.into_iter().map(|c| c.reason);
        let mut reason = reasons.next().unwrap_or_default();
        for other in reasons {
            if other != reason && !reason.split("; ").any(|r| r == other) {
                reason = Cow::Owned(format!("{reason}; {other}"));
            }
        }
        composed.push(Edit {
            start: (group_start as isize - delta_before) as usize,
            end: (group_end as isize - delta) as usize,
            replacement,
            rule: Cow::Borrowed(rule),
            reason,
            inner: swallowed,
        });
    }
    composed.extend(old);
    composed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(original: &str, stages: &[(&'static str, Vec<Change>)]) -> (String, Vec<Edit>) {
        let mut current = original.to_string();
        let mut edits = Vec::new();
        for (rule, changes) in stages {
            let mut changes = changes.clone();
            tidy_changes(&current, &mut changes);
            let next = apply_changes(&current, &changes);
            edits = compose(&current, edits, changes, rule);
            current = next;
        }
        assert_eq!(apply(original, &edits), current, "edits must reproduce the text");
        (current, edits)
    }

    #[test]
    fn a_later_deletion_swallows_earlier_fixes_and_rejecting_it_keeps_them() {
        let original = "keep\nbad  line\nend";
        let (text, edits) = run(
            original,
            &[("whitespace", vec![Change::replace(8..10, " ", "run of spaces")]), ("junk", vec![Change::delete(5..14, "junk line")])],
        );
        assert_eq!(text, "keep\nend");
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range(), 5..15);
        assert_eq!(edits[0].rules(), vec!["junk", "whitespace"]);
        assert_eq!(apply_except(original, &edits, |_| true), "keep\nbad line\nend");
    }

    #[test]
    fn a_rewrite_of_produced_text_names_both_rules() {
        let original = "Caf\u{c3}\u{a9} au lait";
        let (text, edits) = run(
            original,
            &[
                ("mojibake", vec![Change::replace(3..7, "\u{e9}", "UTF-8 read as Latin-1")]),
                ("ascii", vec![Change::replace(3..5, "e", "accent folded")]),
            ],
        );
        assert_eq!(text, "Cafe au lait");
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].rules(), vec!["ascii", "mojibake"]);
        assert_eq!(edits[0].rejected_text(original), "\u{e9}");
    }

    #[test]
    fn edits_beside_each_other_stay_apart() {
        let original = "a  b\n\nc";
        let (text, edits) = run(
            original,
            &[
                ("whitespace", vec![Change::replace(1..3, " ", "run of spaces")]),
                ("blank", vec![Change::delete(4..5, "blank line")]),
                ("insert", vec![Change::replace(0..0, ">", "quote"), Change::replace(3..3, "!", "bang")]),
            ],
        );
        assert_eq!(text, ">a b!\nc");
        assert_eq!(edits.iter().map(|e| e.range()).collect::<Vec<_>>(), vec![0..0, 1..3, 4..4, 5..6]);
        assert!(edits.iter().all(|e| e.inner.is_empty()));
    }

    #[test]
    fn changes_that_do_not_fit_are_dropped() {
        let text = "h\u{e9}llo";
        let mut changes = vec![
            Change::delete(1..2, "splits a character"),
            Change::delete(0..1, "first"),
            Change::delete(0..3, "overlaps"),
            Change::replace(3..4, "l", "no-op"),
            Change::delete(4..99, "past the end"),
        ];
        tidy_changes(text, &mut changes);
        assert_eq!(changes, vec![Change::delete(0..1, "first")]);
    }
}

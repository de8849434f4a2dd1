use crate::edit::Change;
use crate::reading::blanks::is_plainly_spaced;
use crate::reading::Doc;
use crate::reading::{is_inline_space, lines};
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Spaces and tabs at the ends of lines go; runs inside a line become one space.
pub struct Whitespace;

static INFO: RuleInfo = RuleInfo {
    id: "whitespace",
    name: "Whitespace",
    group: Group::Normalize,
    summary: "Trims each line and folds runs of spaces and tabs into one space.",
    doc: "Scraped text keeps the indentation and spacing of the page's markup, which carries no \
          meaning once the page is text. Leading and trailing spaces are removed from every line and \
          any run of spaces, tabs or other blanks inside a line becomes a single space. Line breaks \
          are left to the blank-lines rule. In Markdown, indentation is structure (nested lists, \
          code) and is kept, as is everything inside a fenced code block.",
    example: Example { input: "  Title \t\nSome   words\there. ", output: "Title\nSome words here." },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Whitespace {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let mut changes = Vec::new();
        for line in lines(text) {
            let body = line.text;
            // Most lines need no closer look.
            if is_plainly_spaced(body) {
                continue;
            }
            let trimmed = body.trim_matches(is_inline_space);
            if trimmed.is_empty() {
                if !body.is_empty() {
                    changes.push(Change::delete(line.start..line.end, "blank line holds only spaces"));
                }
                continue;
            }
            let lead = body.len() - body.trim_start_matches(is_inline_space).len();
            let trail = body.len() - body.trim_end_matches(is_inline_space).len();
            // In Markdown, indentation nests lists and quotes.
            if lead > 0 && !doc.is_markdown() {
                changes.push(Change::delete(line.start..line.start + lead, "leading whitespace"));
            }
            if trail > 0 {
                changes.push(Change::delete(line.end - trail..line.end, "trailing whitespace"));
            }
            fold_inner_runs(trimmed, line.start + lead, &mut changes);
        }
        changes
    }
}

/// Runs of blanks inside `inner` (which starts at `offset`) that are not a single plain space.
fn fold_inner_runs(inner: &str, offset: usize, changes: &mut Vec<Change>) {
    let mut run: Option<(usize, usize, bool)> = None; // start, end, is it exactly " "
    let flush = |run: Option<(usize, usize, bool)>, changes: &mut Vec<Change>| {
        if let Some((start, end, single_space)) = run {
            if !single_space {
                changes.push(Change::replace(offset + start..offset + end, " ", "run of spaces"));
            }
        }
    };
    for (i, c) in inner.char_indices() {
        if is_inline_space(c) {
            run = Some(match run {
                Some((start, _, _)) => (start, i + c.len_utf8(), false),
                None => (i, i + c.len_utf8(), c == ' '),
            });
        } else {
            flush(run.take(), changes);
        }
    }
    flush(run, changes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn trims_and_folds() {
        assert_eq!(run(&Whitespace, " \ta  b\t c \n   \nd"), "a b c\n\nd");
        for (untidy, tidy) in [("a\u{0B}b", "a b"), ("a\x0Cb", "a b"), ("a\rb", "a b"), (" a", "a"), ("a ", "a"), ("a  b", "a b")] {
            assert_eq!(run(&Whitespace, untidy), tidy, "{untidy:?}");
            assert!(!is_plainly_spaced(untidy));
        }
        let tidy = "a b c, caf\u{e9} \u{4e2d}";
        assert!(is_plainly_spaced(tidy) && is_plainly_spaced(""));
        assert_eq!(run(&Whitespace, tidy), tidy);
    }

    #[test]
    fn leaves_single_spaces_and_line_breaks() {
        let text = "A line with single spaces.\n\nAnother one.\n";
        assert_eq!(run(&Whitespace, text), text);
    }

    #[test]
    fn folds_unicode_blanks_inside_a_line() {
        assert_eq!(run(&Whitespace, "a\u{2003}b\u{3000}\u{3000}c"), "a b c");
        assert_eq!(run(&Whitespace, "caf\u{e9}\u{a0}\u{a0}au lait\u{2009}"), "caf\u{e9} au lait");
    }
}

use crate::edit::Change;
use crate::reading::lines;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// At most one blank line between blocks, none at the start or the end.
pub struct BlankLines;

pub const ID: &str = "blank-lines";

static INFO: RuleInfo = RuleInfo {
    id: ID,
    name: "Blank lines",
    group: Group::Normalize,
    summary: "Keeps at most one blank line between blocks and none at the start or end.",
    doc: "Pages leave stacks of empty lines where markup or removed blocks stood. Runs of blank \
          lines are cut to `max_run` and blank lines before the first and after the last line of \
          text are removed; in Markdown, so is an empty quote line (`>`) that no longer joins two \
          lines of a quote. It runs last so it also closes the gaps other rules leave.",
    example: Example { input: "\n\nTitle\n\n\n\nBody\n\n", output: "Title\n\nBody\n" },
    params: &[ParamSpec { name: "max_run", doc: "How many blank lines in a row to keep between blocks.", default: ParamDefault::Int(1) }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for BlankLines {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let text = doc.text();
        let max_run = params.int("max_run").max(0) as usize;
        let mut changes = if doc.is_markdown() { empty_quote_lines(text) } else { Vec::new() };
        let mut seen_text = false;
        // Blank lines since the last line of text: (start of the first, end of the last, count).
        let mut pending: Option<(usize, usize, usize)> = None;
        for line in lines(text) {
            if !line.is_blank() {
                if let Some((start, end, count)) = pending.take() {
                    if !seen_text {
                        changes.push(Change::delete(start..end, "blank lines at the start"));
                    } else if count > max_run {
                        let keep_end = nth_line_end(text, start, max_run);
                        changes.push(Change::delete(keep_end..end, "run of blank lines"));
                    }
                }
                seen_text = true;
                continue;
            }
            pending = Some(match pending {
                Some((start, _, count)) => (start, line.next, count + 1),
                None => (line.start, line.next, 1),
            });
        }
        if let Some((start, end, _)) = pending {
            // The last line of text keeps its own line break.
            changes.push(Change::delete(start..end, "blank lines at the end"));
        }
        changes
    }
}

/// Markdown's empty quote lines (`>`) that no longer join two lines of a
/// quote: what is left where the rest of the quote was removed.
fn empty_quote_lines(text: &str) -> Vec<Change> {
    let is_quote = |line: &str| line.trim_start().starts_with('>');
    let is_empty_quote = |line: &str| is_quote(line) && line.trim().chars().all(|c| c == '>' || c.is_whitespace());
    let all: Vec<_> = lines(text).collect();
    (0..all.len())
        .filter(|&i| is_empty_quote(all[i].text))
        .filter(|&i| !(i > 0 && is_quote(all[i - 1].text) && all.get(i + 1).is_some_and(|next| is_quote(next.text))))
        .map(|i| Change::delete(all[i].full(), "empty quote line"))
        .collect()
}

/// The offset after `n` lines starting at `start`.
fn nth_line_end(text: &str, start: usize, n: usize) -> usize {
    lines(&text[start..]).take(n).last().map_or(start, |l| start + l.next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn cuts_runs_and_edges() {
        assert_eq!(run(&BlankLines, "\na\n\n\n\nb\n\n\nc\n\n"), "a\n\nb\n\nc\n");
    }

    #[test]
    fn in_markdown_an_empty_quote_line_left_alone_goes() {
        let markdown = |text: &str| crate::rules::testing::run_doc(&BlankLines, Doc::new(text.to_string()).with_markdown(true));
        assert_eq!(markdown("Post\n>\n\nReply\n> a\n>\n> b\n"), "Post\n\nReply\n> a\n>\n> b\n");
        assert_eq!(run(&BlankLines, "Post\n>\n"), "Post\n>\n", "plain text is not Markdown");
    }

    #[test]
    fn single_blank_lines_and_a_final_break_stay() {
        let text = "a\n\nb\n\nc\n";
        assert_eq!(run(&BlankLines, text), text);
        assert_eq!(run(&BlankLines, "a\nb"), "a\nb");
    }
}

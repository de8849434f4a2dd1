use crate::edit::Change;
use crate::reading::bytes::any_byte;
use crate::reading::phrases::{normalize, Hits, PhraseList};
use crate::reading::Doc;
use crate::reading::Line;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// The comments block at the end of a page.
pub struct CommentsSection;

static INFO: RuleInfo = RuleInfo {
    id: "comments-section",
    name: "Comments section",
    group: Group::Boilerplate,
    summary: "Removes the comments block at the end of a page (\"Comments\", \"No comments yet\", \"Leave a reply\").",
    doc: "Readers' comments and the furniture of an empty comment form follow the article. A \
          comments heading (\"Comments\", \"12 Comments\", \"Leave a reply\") in the second half of \
          the text opens the section: from there to the end is removed when the rest is shorter than \
          what came before and holds comment-form text or only a few lines. Otherwise only the \
          heading and the form lines next to it go. Form lines (\"Your email address will not be \
          published\") are removed wherever they stand.",
    example: Example {
        input: "The bridge opened.\nIt cost two million.\nComments\nNo comment\n",
        output: "The bridge opened.\nIt cost two million.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for CommentsSection {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        let lines: Vec<Line> = doc.lines().collect();
        let (words, hits) = (doc.words_read(), doc.phrase_hits());
        let is_form = |i: usize| words[i] <= 20 && hits[i].has(&PhraseList::CommentsSection.file().strong);
        let mut changes = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if line.start * 2 >= text.len() && is_heading(line.text, words[i], hits[i]) {
                let tail = &lines[i + 1..];
                let tail_bytes = text.len() - line.next;
                let non_blank = tail.iter().filter(|l| !l.is_blank()).count();
                if tail_bytes <= line.start && (non_blank <= 5 || (i + 1..lines.len()).any(is_form)) {
                    changes.push(Change::delete(line.start..text.len(), "comments section at the end of the page"));
                    break;
                }
                let mut end = i + 1;
                while end < lines.len() && is_form(end) {
                    end += 1;
                }
                changes.push(Change::delete(line.start..lines[end - 1].next, "comments heading"));
                i = end;
                continue;
            }
            if is_form(i) && !is_heading(line.text, words[i], hits[i]) {
                changes.push(Change::delete(line.full(), "comment form text"));
            }
            i += 1;
        }
        changes
    }
}

/// A comments heading, counts and brackets aside: "Comments (12)", "5 Comments".
/// `hits` are the phrase lists the line as it stands matches.
fn is_heading(line: &str, words: usize, hits: Hits) -> bool {
    if words > 5 {
        return false;
    }
    let aside = |b: u8| b.is_ascii_digit() | (b == b'(') | (b == b')') | (b == b'[') | (b == b']');
    if !any_byte(line.as_bytes(), aside) {
        // Nothing to set aside: the line has been matched already.
        return hits.has(&PhraseList::CommentsSection.file().heading);
    }
    let bare: String = line.chars().filter(|c| !c.is_ascii_digit() && !matches!(c, '(' | ')' | '[' | ']')).collect();
    PhraseList::CommentsSection.file().heading.matches(&normalize(&bare))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_a_late_thread_and_form_text() {
        let text =
            "Para one of the story is long enough.\nPara two of the story is long enough too.\n3 Comments\nAnn: great piece\nReply\n";
        assert_eq!(run(&CommentsSection, text), "Para one of the story is long enough.\nPara two of the story is long enough too.\n");
        assert_eq!(run(&CommentsSection, "Intro.\nYour email address will not be published.\nBody.\n"), "Intro.\nBody.\n");
        for heading in ["Comments", "Comments (12)", "[3] Comments"] {
            let page =
                format!("Para one of the story is long enough.\nPara two of the story is long enough too.\n{heading}\nAnn: great piece\n");
            assert_eq!(
                run(&CommentsSection, &page),
                "Para one of the story is long enough.\nPara two of the story is long enough too.\n",
                "{heading}"
            );
        }
    }

    #[test]
    fn headings_that_count_the_comments_open_the_section_too() {
        let story = "Para one of the story is long enough to count.\nPara two of the story is long enough too.\nPara three closes the story for good.\n";
        for heading in ["There are 13 comments", "View comments (27)", "2 Replies"] {
            let page = format!("{story}{heading}\nAnn · March 10 at 12:20 AM\nGreat piece.\nReply\n");
            assert_eq!(run(&CommentsSection, &page), story, "{heading}");
        }
    }

    #[test]
    fn keeps_prose_about_comments_and_early_headings() {
        let text = "Comments\nThe minister's comments drew criticism from all sides of the chamber on Tuesday.\nNo comment was offered by the palace, a spokesman said later that day.\n";
        assert_eq!(run(&CommentsSection, text), text);
    }
}

use std::ops::Range;

use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::prose::FULL_STOPS;
use crate::reading::{Doc, Line};
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// "Related articles" lists and "Also read:" lines.
pub struct RelatedLinks;

static INFO: RuleInfo = RuleInfo {
    id: "related-links",
    name: "Related links",
    group: Group::Boilerplate,
    summary: "Removes \"Related articles\" and \"You may also like\" lists, and \"Also read: …\" lines.",
    doc: "Pages link to other stories under a heading such as \"Related articles\", \"Most read\" \
          or \"More from …\". The heading goes, together with the headline-like lines that follow \
          it (short, not ending a sentence); the list ends at the first line of prose. A single line \
          starting \"Related:\" or \"Also read:\" goes on its own.",
    example: Example {
        input: "The museum reopens in June.\nRelated articles\nMuseum wins design award\nNew wing for city gallery\n",
        output: "The museum reopens in June.\n",
    },
    params: &[ParamSpec { name: "max_item_words", doc: "Longest list item, in words.", default: ParamDefault::Int(20) }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for RelatedLinks {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let max_item_words = params.int("max_item_words").max(1) as usize;
        let lines: Vec<Line> = doc.lines().collect();
        let (word_counts, hits) = (doc.words_read(), doc.phrase_hits());
        let phrases = PhraseList::RelatedLinks.file();
        let lists = headed_lists(&lines, word_counts, max_item_words, |i| hits[i].has(&phrases.strong));
        let in_list = |i: usize| lists.get(lists.partition_point(|list| list.end <= i)).is_some_and(|list| list.contains(&i));
        let single = (0..lines.len()).filter(|&i| word_counts[i] <= 25 && hits[i].has(&phrases.weak) && !in_list(i));
        let mut changes: Vec<Change> = single.map(|i| Change::delete(lines[i].full(), "link to another story")).collect();
        changes.extend(
            lists.iter().map(|list| Change::delete(lines[list.start].start..lines[list.end - 1].next, "list of links to other stories")),
        );
        changes
    }
}

/// The lists under headings, as ranges of `lines`: each opens with a line
/// of at most 8 words that `is_heading` says is one, and goes on through the
/// headline-like lines that follow it (blank ones among them, but not after
/// the last) to the first line of prose. `words` are the lines' words as read.
pub(super) fn headed_lists(
    lines: &[Line],
    words: &[usize],
    max_item_words: usize,
    is_heading: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut lists = Vec::new();
    let mut heading = 0;
    while heading < lines.len() {
        if words[heading] > 8 || !is_heading(heading) {
            heading += 1;
            continue;
        }
        let mut end = heading + 1;
        while end < lines.len() && (lines[end].is_blank() || is_headline(lines[end].text, words[end], max_item_words)) {
            end += 1;
        }
        while end > heading + 1 && lines[end - 1].is_blank() {
            end -= 1;
        }
        lists.push(heading..end);
        heading = end;
    }
    lists
}

/// Short, and not a sentence of prose: `line`, of `words` words as read.
fn is_headline(line: &str, words: usize, max_words: usize) -> bool {
    let trimmed = line.trim_end();
    // A headline may ask or exclaim; a sentence ends on a full stop, in any script.
    let ends_sentence = trimmed.ends_with(|c| matches!(c, '.' | ':' | ';') || !c.is_ascii() && FULL_STOPS.contains(&c));
    words <= max_words && !(ends_sentence && words > 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_lists_and_single_links() {
        let text = "Text.\nAlso read: Ten facts about owls\nYou may also like\n\nOwls of the north\nWhy owls hoot\nA long closing paragraph that is plainly prose, which ends the list as it should.\n";
        assert_eq!(run(&RelatedLinks, text), "Text.\nA long closing paragraph that is plainly prose, which ends the list as it should.\n");
    }

    #[test]
    fn a_paragraph_of_chinese_ends_the_list_as_prose_does() {
        // Written without spaces, a paragraph is one "word" between blanks;
        // read two characters a word, it is as long as it looks.
        let article = "河水一夜之间下降了一米 议会表示山谷里的大部分道路将在星期五重新开放 离开家园的居民被告知他们在水务局检查供水之后就可以回家了\n";
        assert_eq!(run(&RelatedLinks, &format!("相關文章\n新竹一日遊\n{article}")), article);
        let headlines = "相關文章\n新竹一日遊\n合興車站的櫻花季\n";
        assert_eq!(run(&RelatedLinks, headlines), "");
    }

    #[test]
    fn keeps_prose_that_mentions_related_things() {
        let text = "Related research suggests the opposite.\nMost read books of the year were novels.\n";
        assert_eq!(run(&RelatedLinks, text), text);
    }
}

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
        let mut changes = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let words = word_counts[i];
            if words <= 8 && hits[i].has(&phrases.strong) {
                let end = list_end(&lines, word_counts, i, max_item_words);
                changes.push(Change::delete(line.start..lines[end - 1].next, "list of links to other stories"));
                i = end;
                continue;
            }
            if words <= 25 && hits[i].has(&phrases.weak) {
                changes.push(Change::delete(line.full(), "link to another story"));
            }
            i += 1;
        }
        changes
    }
}

/// Where the list under the heading at `lines[heading]` ends: past the
/// headline-like lines that follow it (blank ones among them, but not after
/// the last), at the first line of prose. `words` are the lines' words as read.
pub(super) fn list_end(lines: &[Line], words: &[usize], heading: usize, max_item_words: usize) -> usize {
    let mut end = heading + 1;
    while end < lines.len() && (lines[end].is_blank() || is_headline(lines[end].text, words[end], max_item_words)) {
        end += 1;
    }
    while end > heading + 1 && lines[end - 1].is_blank() {
        end -= 1;
    }
    end
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

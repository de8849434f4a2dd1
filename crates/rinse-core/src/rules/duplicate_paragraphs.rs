use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::edit::Change;
use crate::reading::{paragraph_key, Doc};
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};
use crate::scorer;

/// A paragraph (a line of text) that repeats an earlier one is removed.
pub struct DuplicateParagraphs;

static INFO: RuleInfo = RuleInfo {
    id: "duplicate-paragraphs",
    name: "Duplicate paragraphs",
    group: Group::Dedup,
    summary: "Removes a paragraph that repeats an earlier one, keeping the first.",
    doc: "Broken pagers and templates often print an article's paragraphs twice. Each line is \
          compared after normalising it as CCNet does (lower case, digits as 0, punctuation and \
          extra spaces dropped), so copies that differ only in case, numbers or punctuation match \
          too. The first occurrence stays. Lines shorter than `min_chars` once normalised are never \
          removed: short lines such as a repeated heading or a separator can belong in the text. \
          Nor are repeats removed from a text that shows too little page furniture (menus, \
          boilerplate phrases, markup) to be a scraped page: in a clean text, a paragraph said \
          twice was meant (a refrain, a caption under each photo, a heading in the contents and \
          again above its section), and a body printed twice whole is `repeated-body`'s. \
          On a page read from its markup the rule stands aside: the page's structure has already \
          told its main content apart, and a paragraph repeated inside it is the page's own (a \
          refrain, a product's name on each card, a question quoted in its answer).",
    example: Example {
        input: "Home | News | Sport | Weather\nSearch\nThe storm reached the coast on Monday night.\nIt moved north.\n\
                The storm reached the coast on Monday night!\nShare on Facebook\nShare on X\nPrivacy | Terms | Contact\n",
        output: "Home | News | Sport | Weather\nSearch\nThe storm reached the coast on Monday night.\nIt moved north.\n\
                 Share on Facebook\nShare on X\nPrivacy | Terms | Contact\n",
    },
    params: &[ParamSpec {
        name: "min_chars",
        doc: "Normalised length below which a repeated line is kept.",
        default: ParamDefault::Int(20),
    }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for DuplicateParagraphs {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        if doc.is_page() {
            return Vec::new();
        }
        let min_chars = params.int("min_chars").max(1) as usize;
        // Lines are remembered by their key's hash; keys are built again
        // only when a hash comes again. Keys whose hash another key already
        // has are kept whole, so a collision never passes for a repeat.
        let mut first_by_hash: HashMap<u64, &str> = HashMap::default();
        let mut collided: HashSet<String> = HashSet::default();
        let (mut key, mut earlier) = (String::new(), String::new());
        let mut changes = Vec::new();
        for (line, line_key) in doc.lines().zip(doc.paragraph_keys()) {
            if line_key.chars < min_chars {
                continue;
            }
            let Some(first) = first_by_hash.get(&line_key.hash) else {
                first_by_hash.insert(line_key.hash, line.text);
                continue;
            };
            paragraph_key(first, &mut earlier);
            paragraph_key(line.text, &mut key);
            if earlier == key || !collided.insert(key.clone()) {
                changes.push(Change::delete(line.full(), "repeats an earlier paragraph"));
            }
        }
        // Only now, with repeats found, is it worth asking whether the text is a page's.
        if !changes.is_empty() && !scorer::shows_furniture(doc) {
            return Vec::new();
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{in_a_page, run};

    #[test]
    fn removes_later_copies_of_a_paragraph_in_a_page() {
        let body = "First paragraph of the report.\nSecond paragraph here.\nFIRST paragraph of the report\nSecond paragraph here.\n";
        assert_eq!(run(&DuplicateParagraphs, &in_a_page(body)), in_a_page("First paragraph of the report.\nSecond paragraph here.\n"));
    }

    #[test]
    fn keeps_the_repeats_of_a_clean_text() {
        let poem = "The tide comes in across the sand and takes the footprints of the day.\n\
                    The gulls go quiet on the harbour wall as evening lights the bay.\n\
                    The tide comes in across the sand and takes the footprints of the day.\n";
        assert_eq!(run(&DuplicateParagraphs, poem), poem);
    }

    #[test]
    fn leaves_a_page_read_from_its_markup_to_its_structure() {
        let page = "<html><body><article><p>Chorus: the river runs down to the sea tonight.</p>\
                    <p>The first verse walks along the bank.</p><p>Chorus: the river runs down to the sea tonight.</p>\
                    </article></body></html>";
        let cleaned = run(&DuplicateParagraphs, page);
        assert_eq!(cleaned.matches("Chorus").count(), 2, "{cleaned}");
    }

    #[test]
    fn keeps_short_repeats_and_different_numbers_match() {
        let body = "Share\nA long enough line number 1 for the test.\nShare\nA long enough line number 2 for the test.\n";
        assert_eq!(run(&DuplicateParagraphs, &in_a_page(body)), in_a_page("Share\nA long enough line number 1 for the test.\nShare\n"));
    }

    #[test]
    fn normalises_like_ccnet() {
        let mut key = String::new();
        paragraph_key("  It's  42°C, TODAY!  ", &mut key);
        assert_eq!(key, "its 00c today");
    }
}

use crate::edit::Change;
use crate::reading::lines;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Rule, RuleInfo};

/// Words split by a hyphen at a line break are joined (off by default).
pub struct Dehyphenate;

static INFO: RuleInfo = RuleInfo {
    id: "dehyphenate",
    name: "Dehyphenate",
    group: Group::Normalize,
    summary: "Joins words hyphenated across a line break (off by default).",
    doc: "Text from PDFs and printed layouts splits words at line ends (\"exam-\\nple\"). When a \
          line ends in a letter and a hyphen and the next line starts with a lower-case letter, the \
          hyphen and the break are removed. Off by default: in scraped web text a line ending in a \
          hyphen is rare and may be a real compound (\"well-\\nknown\").",
    example: Example { input: "an exam-\nple of it", output: "an example of it" },
    params: &[],
    presets: &[],
};

impl Rule for Dehyphenate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        lines(text)
            .filter(|line| {
                let mut tail = line.text.chars().rev();
                line.next > line.end
                    && tail.next() == Some('-')
                    && tail.next().is_some_and(char::is_alphabetic)
                    && text[line.next..].chars().next().is_some_and(char::is_lowercase)
            })
            .map(|line| Change::delete(line.end - 1..line.next, "word hyphenated across a line break"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn joins_split_words() {
        assert_eq!(run(&Dehyphenate, "inter-\nnational and co-\noperation"), "international and cooperation");
    }

    #[test]
    fn leaves_dashes_and_capitalised_lines() {
        let text = "Items -\nnone\nNorth-\nWest\n2-\nthree";
        assert_eq!(run(&Dehyphenate, text), text);
    }
}

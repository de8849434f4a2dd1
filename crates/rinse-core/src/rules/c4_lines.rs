use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// Phrases whose lines C4 drops: site policy and script notices.
const POLICY: &[&str] = &["javascript", "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];

/// The line filters of the C4 corpus (corpus preset).
pub struct C4Lines;

static INFO: RuleInfo = RuleInfo {
    id: "c4-lines",
    name: "C4 line filters",
    group: Group::Corpus,
    summary: "Keeps only lines that end a sentence and have at least three words, as the C4 corpus does.",
    doc: "The C4 pre-training corpus keeps a line only when it ends in terminal punctuation and \
          has at least `min_words` words, and drops lines that mention JavaScript or site policies \
          (\"terms of use\", \"cookie policy\"). These filters are blunt: they remove headings and \
          list items too, which is why only the corpus preset runs them.",
    example: Example {
        input: "Menu\nThe storm passed in the night.\nPlease enable JavaScript to view this page.\nRead on\n",
        output: "The storm passed in the night.\n",
    },
    params: &[ParamSpec { name: "min_words", doc: "Fewest words a kept line has.", default: ParamDefault::Int(3) }],
    presets: &[Preset::Corpus],
};

impl Rule for C4Lines {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let min_words = params.int("min_words").max(0) as usize;
        doc.lines()
            .zip(doc.word_counts())
            .filter(|(line, _)| !line.is_blank())
            .filter_map(|(line, &words)| {
                let body = line.text.trim_end();
                let reason = if !body
                    .ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', '\u{2026}', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
                {
                    "no terminal punctuation (C4)"
                } else if words < min_words {
                    "fewer words than C4 keeps"
                } else if mentions_policy(body) {
                    "mentions JavaScript or a site policy (C4)"
                } else {
                    return None;
                };
                Some(Change::delete(line.full(), reason))
            })
            .collect()
    }
}

/// Whether the line, in lower case, holds a [`POLICY`] phrase.
fn mentions_policy(line: &str) -> bool {
    let lower = line.to_lowercase();
    POLICY.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn drops_fragments_short_lines_and_policy_lines() {
        assert_eq!(run(&C4Lines, "Hi there.\nRead our privacy policy here.\nA full sentence here.\n"), "A full sentence here.\n");
    }

    #[test]
    fn keeps_sentences_and_quotes() {
        let text = "She said, \u{201c}we will return.\u{201d}\nIs it over? Yes it is!\n";
        assert_eq!(run(&C4Lines, text), text);
    }
}

use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::{Doc, Line};
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// A slideshow's numbered captions beside an article.
pub struct Slideshow;

static INFO: RuleInfo = RuleInfo {
    id: "slideshow",
    name: "Slideshows",
    group: Group::Boilerplate,
    summary: "Removes a slideshow's numbered slides (\"1/50 …\", \"2 of 50 …\") that follow an article.",
    doc: "News pages put galleries beside the article: each slide a numbered label (\"1/50 Title\", \
          \"2 of 50\"), a caption and a photo credit. In the visible text they read as a long run \
          of short stories that are not the article. Where at least `min_slides` labels count up \
          one by one out of the same total, after text of `min_article_words` words, the slides are \
          removed with a short heading just before them, the last one with as many lines as the \
          others have. A page that is only a \
          gallery has no article before it, and is kept.",
    example: Example {
        input: "The harbour reopened on Monday after the storm, and the first ferries sailed on time to the islands.\n\
                1/3 Waves\nWaves broke over the wall at dawn.\n2/3 Boats\nBoats were moved inland.\n3/3 Sun\nThe sun came out by noon.\n",
        output: "The harbour reopened on Monday after the storm, and the first ferries sailed on time to the islands.\n",
    },
    params: &[
        ParamSpec { name: "min_slides", doc: "Fewest numbered slides in a row.", default: ParamDefault::Int(3) },
        ParamSpec { name: "min_article_words", doc: "Fewest words of text before the slides.", default: ParamDefault::Int(15) },
    ],
    presets: &[Preset::Article, Preset::Corpus],
};

/// A slide's label at the start of a line: its number and the total.
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b").expect("the label pattern is valid"));

/// Longest heading taken with the slides, in words.
const MAX_HEADING_WORDS: usize = 8;
/// Most lines a slide holds: its label, a caption, a credit.
const MAX_SLIDE_LINES: usize = 6;

fn label(line: &str) -> Option<(u32, u32)> {
    // Only ASCII figures parse, so a line that does not start with one is no
    // label; most lines are passed over without the pattern.
    if !line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let captures = LABEL.captures(line)?;
    Some((captures[1].parse().ok()?, captures[2].parse().ok()?))
}

impl Rule for Slideshow {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let min_slides = params.int("min_slides").max(2) as usize;
        let min_article_words = params.int("min_article_words").max(0) as usize;
        let lines: Vec<Line> = doc.lines().collect();
        let words = doc.word_counts();
        let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        let mut changes = Vec::new();
        let mut words_before = 0;
        // Lines before this are removed already.
        let mut removed_until = 0;
        let mut k = 0;
        while k < text_lines.len() {
            let Some((first, total)) = label(lines[text_lines[k]].text).filter(|&(n, total)| n >= 1 && n < total) else {
                words_before += words[text_lines[k]];
                k += 1;
                continue;
            };
            // The labels that follow, counting up out of the same total.
            let mut labels = vec![k];
            let mut expected = first + 1;
            for j in k + 1..text_lines.len() {
                if j - labels[labels.len() - 1] > MAX_SLIDE_LINES {
                    break;
                }
                if label(lines[text_lines[j]].text) == Some((expected, total)) {
                    labels.push(j);
                    expected += 1;
                }
                if expected > total {
                    break;
                }
            }
            if labels.len() < min_slides || words_before < min_article_words {
                words_before += words[text_lines[k]];
                k += 1;
                continue;
            }
            // The last slide has as many lines as most others.
            let mut sorted: Vec<usize> = labels.windows(2).map(|w| w[1] - w[0]).collect();
            sorted.sort_unstable();
            let typical = sorted[sorted.len() / 2];
            let last = (labels[labels.len() - 1] + typical).min(text_lines.len());
            // A short heading just before the slides ("In pictures") goes with them.
            let heading = k.checked_sub(1).filter(|&h| h >= removed_until).filter(|&h| {
                let line = lines[text_lines[h]].text.trim();
                words[text_lines[h]] <= MAX_HEADING_WORDS && !line.ends_with(['.', '!', '?'])
            });
            let (from, to) = (&lines[text_lines[heading.unwrap_or(k)]], &lines[text_lines[last - 1]]);
            changes.push(Change::delete(from.start..to.next, format!("slideshow: {} numbered slides", labels.len())));
            k = last;
            removed_until = last;
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    const ARTICLE: &str = "The harbour reopened on Monday after the storm, and the first ferries sailed on time to the islands.\n";

    #[test]
    fn labels_are_ascii_figures_of_a_count() {
        assert_eq!(label("3/12 The harbour"), Some((3, 12)));
        assert_eq!(label("\u{a0} 3 of 12"), Some((3, 12)));
        assert_eq!(label("\u{663} of 5"), None, "figures of other scripts do not parse");
        assert_eq!(label("Slide 3 of 12"), None);
    }

    #[test]
    fn removes_numbered_slides_with_their_captions_and_credits() {
        let slides: String = (1..=5).map(|n| format!("{n}/5 Slide {n}\nA caption that tells what the photo shows.\nAgency\n")).collect();
        let page = format!("{ARTICLE}In pictures: the storm\n{slides}Most read\n");
        assert_eq!(run(&Slideshow, &page), format!("{ARTICLE}Most read\n"));
        let spelled: String = (1..=3).map(|n| format!("{n} of 3\nBoats in the harbour at dawn.\n")).collect();
        assert_eq!(run(&Slideshow, &format!("{ARTICLE}{spelled}")), ARTICLE);
    }

    #[test]
    fn keeps_galleries_alone_lists_and_scores() {
        let gallery: String = (1..=4).map(|n| format!("{n}/4 Slide {n}\nA caption.\n")).collect();
        assert_eq!(run(&Slideshow, &gallery), gallery, "a page that is only a gallery");
        let scores = format!("{ARTICLE}1/2 cup of flour\n3/4 cup of milk\n2/3 of the sugar\n");
        assert_eq!(run(&Slideshow, &scores), scores, "fractions that do not count up");
        let two = format!("{ARTICLE}1/9 First\nA caption.\n2/9 Second\nA caption.\n");
        assert_eq!(run(&Slideshow, &two), two, "two slides are not a slideshow");
    }
}

use rustc_hash::FxHashMap as HashMap;

use crate::edit::Change;
use crate::reading::phrases::fold;
use crate::reading::Doc;
use crate::reading::Line;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// A run of lines that repeats an earlier run: the body printed twice.
pub struct RepeatedBody;

static INFO: RuleInfo = RuleInfo {
    id: "repeated-body",
    name: "Repeated body",
    group: Group::Dedup,
    summary: "Removes a run of lines that repeats an earlier run, such as an article printed twice.",
    doc: "Broken templates print the body, or part of it, a second time. A run of at least \
          `min_lines` consecutive lines that repeats a run of consecutive earlier (kept) lines (ignoring case, \
          spacing and, in Markdown, quote and list marks) is removed as one change, short lines and all, \
          when it holds at least `min_chars` characters. Single repeated lines are left to the \
          duplicate-paragraphs rule, which is more careful with short ones.",
    example: Example {
        input: "Title\nFirst part of the story.\nSecond part.\nFirst part of the story.\nSecond part.\nThe end.\n",
        output: "Title\nFirst part of the story.\nSecond part.\nThe end.\n",
    },
    params: &[
        ParamSpec { name: "min_lines", doc: "Fewest lines in a repeated run.", default: ParamDefault::Int(2) },
        ParamSpec { name: "min_chars", doc: "Fewest characters in a repeated run.", default: ParamDefault::Int(30) },
    ],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for RepeatedBody {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let min_lines = params.int("min_lines").max(2) as usize;
        let min_chars = params.int("min_chars").max(0) as usize;
        let (lines, keys): (Vec<Line>, Vec<u64>) =
            doc.lines().zip(doc.folded()).filter(|(line, _)| !line.is_blank()).map(|(line, key)| (line, key.hash)).unzip();
        // Digits count here: rows of a table differ only in their numbers.
        // Lines are compared by the hash of their folded form, and by the
        // folded form itself only when the hashes agree and the lines differ.
        let folded = |text: &str| fold(&doc.compared(text));
        let same =
            |a: usize, b: usize| keys[a] == keys[b] && (lines[a].text == lines[b].text || folded(lines[a].text) == folded(lines[b].text));
        // Lines kept so far, in order; an earlier run is a stretch of them.
        let mut kept: Vec<usize> = Vec::new();
        // Key -> its first positions in `kept`, at most `MAX_POSITIONS`, kept
        // inline: most keys have one, and a vector each would cost an allocation.
        let mut seen_at: HashMap<u64, Positions> = HashMap::default();
        let mut changes = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            // The longest earlier run that this position repeats.
            let mut best = 0;
            for &p in seen_at.get(&keys[i]).map(Positions::as_slice).unwrap_or_default() {
                let mut len = 0;
                while i + len < lines.len() && p + len < kept.len() && same(kept[p + len], i + len) {
                    len += 1;
                }
                best = best.max(len);
            }
            let chars: usize = lines[i..i + best].iter().map(|l| l.text.len()).sum();
            if best >= min_lines && chars >= min_chars {
                changes.push(Change::delete(lines[i].start..lines[i + best - 1].next, "repeats an earlier run of lines"));
                i += best;
                continue;
            }
            seen_at.entry(keys[i]).or_default().push(kept.len());
            kept.push(i);
            i += 1;
        }
        changes
    }
}

/// Earlier positions of a line that a repeat may start from, at most:
/// enough for a line that recurs in every section of a page.
const MAX_POSITIONS: usize = 8;

/// The first positions of a key, up to [`MAX_POSITIONS`]; later ones are left out.
#[derive(Default)]
struct Positions {
    at: [usize; MAX_POSITIONS],
    len: usize,
}

impl Positions {
    fn push(&mut self, position: usize) {
        if let Some(slot) = self.at.get_mut(self.len) {
            *slot = position;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[usize] {
        &self.at[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn a_key_keeps_its_first_positions_only() {
        let mut positions = Positions::default();
        (0..12).for_each(|p| positions.push(p * 10));
        assert_eq!(positions.as_slice(), &[0, 10, 20, 30, 40, 50, 60, 70]);
        assert!(Positions::default().as_slice().is_empty());
    }

    #[test]
    fn removes_a_repeated_run_with_its_short_lines() {
        let text = "Intro line\nA\nLonger line of the body.\n\nEnd of body here.\nA\nLonger line of the body.\n\nEnd of body here.\n";
        assert_eq!(run(&RepeatedBody, text), "Intro line\nA\nLonger line of the body.\n\nEnd of body here.\n");
    }

    #[test]
    fn in_markdown_a_quote_repeats_what_it_quotes() {
        let post = "Which ferry runs on Sundays?\nThe timetable is not clear to me.\n";
        let reply = format!("{post}\n> Which ferry runs on Sundays?\n> The timetable is not clear to me.\n\nThe early one does.\n");
        let markdown = crate::rules::testing::run_doc(&RepeatedBody, Doc::new(reply.clone()).with_markdown(true));
        assert_eq!(markdown, format!("{post}\n\nThe early one does.\n"));
        assert_eq!(run(&RepeatedBody, &reply), reply, "in plain text a quote mark is text");
    }

    #[test]
    fn keeps_single_repeats_and_tiny_runs() {
        let text = "Chorus line repeated here.\nVerse one.\nChorus line repeated here.\nVerse two.\nYes\nNo\nYes\nNo\n";
        assert_eq!(run(&RepeatedBody, text), text);
    }
}

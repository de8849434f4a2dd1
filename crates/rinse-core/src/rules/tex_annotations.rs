use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// The TeX source that pages carry beside each rendered formula.
pub struct TexAnnotations;

static INFO: RuleInfo = RuleInfo {
    id: "tex-annotations",
    name: "TeX beside formulas",
    group: Group::Boilerplate,
    summary: "Removes the TeX source a formula carries beside its rendered form (\"{\\displaystyle x^{2}}\").",
    doc: "Wikis and many science pages render formulas as MathML that keeps the TeX it was made \
          from; the visible text then holds each formula twice, the second time as \
          `{\\displaystyle …}`. That source, braces balanced and on one line, is removed with the \
          space before it; the rendered form stays.",
    example: Example {
        input: "The area is π r 2 {\\displaystyle \\pi r^{2}} for a circle.\n",
        output: "The area is π r 2 for a circle.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

/// How TeX annotations open.
const OPENINGS: [&str; 2] = ["{\\displaystyle", "{\\textstyle"];

impl Rule for TexAnnotations {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        if !OPENINGS.iter().any(|o| text.contains(o)) {
            return Vec::new();
        }
        let mut changes = Vec::new();
        let mut at = 0;
        // One pass over the groups that open with a command, each opening
        // looked for once: not a search to the end of the text for each.
        for start in memchr::memmem::find_iter(text.as_bytes(), "{\\") {
            if start < at || !OPENINGS.iter().any(|o| text[start..].starts_with(o)) {
                continue;
            }
            let Some(end) = closing_brace(text, start) else { continue };
            let start = text[..start].trim_end_matches([' ', '\t']).len();
            changes.push(Change::delete(start..end, "TeX source of a formula shown beside it"));
            at = end;
        }
        changes
    }
}

/// The end of the brace group opening at `start`, on the same line.
fn closing_brace(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in text[start..].char_indices() {
        match c {
            '\n' => return None,
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_nested_and_escaped_groups_and_keeps_the_rest() {
        let text = "A = A H {\\displaystyle A=A^{\\mathsf {H}}} and {\\textstyle \\{x\\}} here.\nNext line.\n";
        assert_eq!(run(&TexAnnotations, text), "A = A H and here.\nNext line.\n");
    }

    #[test]
    fn keeps_unbalanced_groups_and_plain_braces() {
        let text = "Broken {\\displaystyle x^{2}\nwrap}\nA set {1, 2} of code {\\bf x}.\n";
        assert_eq!(run(&TexAnnotations, text), text);
    }

    #[test]
    fn a_group_left_open_still_lets_one_inside_it_go() {
        let text = "Open {\\displaystyle x {\\textstyle y} and no end\n";
        assert_eq!(run(&TexAnnotations, text), "Open {\\displaystyle x and no end\n");
    }
}

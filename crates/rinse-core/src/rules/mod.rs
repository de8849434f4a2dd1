//! The registry: every rule, in the order they run.
//!
//! Repairs come first so later rules see clean characters; line-level
//! normalising next; then the rules that remove blocks; blank lines are
//! tidied last, after removals have left gaps.

mod blank_lines;
mod duplicate_paragraphs;
mod line_endings;
mod whitespace;

use crate::rule::Rule;

pub static REGISTRY: &[&dyn Rule] = &[
    &line_endings::LineEndings,
    &whitespace::Whitespace,
    &duplicate_paragraphs::DuplicateParagraphs,
    &blank_lines::BlankLines,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.info().id == id)
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::edit::{apply_changes, tidy_changes};
    use crate::rule::{Params, Rule};

    /// Runs one rule alone, with its default parameters.
    pub fn run(rule: &dyn Rule, text: &str) -> String {
        let mut changes = rule.apply(text, &Params::defaults(rule.info().params));
        tidy_changes(text, &mut changes);
        apply_changes(text, &changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_doc_example_holds() {
        for rule in REGISTRY {
            let info = rule.info();
            assert_eq!(testing::run(*rule, info.example.input), info.example.output, "example of `{}`", info.id);
            assert_ne!(info.example.input, info.example.output, "example of `{}` shows no change", info.id);
        }
    }

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            let info = rule.info();
            assert!(seen.insert(info.id), "duplicate id `{}`", info.id);
            assert!(
                !info.id.is_empty() && info.id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "`{}` is not kebab-case",
                info.id
            );
            assert!(!info.name.is_empty() && !info.summary.is_empty() && !info.doc.is_empty(), "`{}` lacks docs", info.id);
            for param in info.params {
                assert!(!param.doc.is_empty(), "`{}.{}` lacks a doc", info.id, param.name);
            }
        }
    }
}

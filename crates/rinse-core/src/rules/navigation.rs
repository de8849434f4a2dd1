use std::sync::LazyLock;

use regex::Regex;

use super::notice::{notice_changes, Notice};
use crate::edit::Change;
use crate::reading::bytes::any_triple;
use crate::reading::phrases::PhraseList;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// Separators of breadcrumbs and inline menus, with blanks around them.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+[>»›/|·•]\s+|\s*[»›|•]\s*").unwrap());

/// Menus, breadcrumbs, "Skip to content", tag lists.
pub struct Navigation;

static INFO: RuleInfo = RuleInfo {
    id: "navigation",
    name: "Navigation",
    group: Group::Boilerplate,
    summary: "Removes breadcrumbs, inline menus, \"Skip to content\" links and tag lists.",
    doc: "Site navigation survives scraping as breadcrumb trails (\"Home > News > World\"), menus \
          joined by separators (\"News | Sport | Weather\"), accessibility links and tag or category \
          lines. A breadcrumb needs at least three short parts, none ending a sentence; menu words \
          such as \"Home\" or \"Search\" go only in runs of four or more or beside another \
          navigation line.",
    example: Example {
        input: "Skip to main content\nHome > News > Science\nComet seen from Earth\nThe comet was seen on Monday.\nTags: space, comets\n",
        output: "Comet seen from Earth\nThe comet was seen on Monday.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for Navigation {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let notice =
            Notice { phrases: PhraseList::Navigation.file(), max_words: 20, alone_max_words: 20, weak_run: 4, reason: "site navigation" };
        let mut changes = notice_changes(doc, &notice);
        for (line, &words) in doc.lines().zip(doc.words_read().iter()) {
            if words <= 24 && is_breadcrumb(line.text) {
                changes.push(Change::delete(line.full(), "breadcrumb or menu line"));
            }
        }
        changes
    }
}

/// Whether `line` holds a character that [`SEPARATOR`] needs (`>`, `/`,
/// `|`, `»`, `·`, `›`, `•`): most lines do not, and are passed over without
/// the pattern.
fn may_hold_separator(line: &str) -> bool {
    any_triple(line.as_bytes(), |a, b, c| {
        (a == b'>')
            | (a == b'/')
            | (a == b'|')
            | (a == 0xC2) & ((b == 0xBB) | (b == 0xB7))
            | (a == 0xE2) & (b == 0x80) & ((c == 0xBA) | (c == 0xA2))
    })
}

/// At least three short parts joined by separators, none ending a sentence,
/// each a name: it starts with a letter, capital if the script has them, and
/// holds no digits ("$60 / person / year" is not a breadcrumb).
fn is_breadcrumb(line: &str) -> bool {
    let line = line.trim();
    if !may_hold_separator(line) || !SEPARATOR.is_match(line) {
        return false;
    }
    let parts: Vec<&str> = SEPARATOR.split(line).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 3
        && parts.iter().all(|part| {
            let words = part.split_whitespace().count();
            let first = part.chars().next().unwrap_or(' ');
            (1..=4).contains(&words)
                && !part.ends_with(['.', '!', '?', ',', ';', ':'])
                && first.is_alphabetic()
                && !first.is_lowercase()
                && !part.chars().any(|c| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_menus_and_crumbs() {
        let text = "Menu\nSearch\nHome\nLog in\nNews | Sport | Weather | Travel\nThe story.\n";
        assert_eq!(run(&Navigation, text), "The story.\n");
        assert!(is_breadcrumb("Home » Recipes » Soups"));
        for separator in [">", "/", "|", "»", "·", "›", "•"] {
            let crumbs = format!("Home {separator} Recipes {separator} Soups");
            assert!(may_hold_separator(&crumbs) && is_breadcrumb(&crumbs), "{crumbs}");
        }
        assert!(!may_hold_separator("Home \u{2013} Recipes \u{b6} Soups"));
    }

    #[test]
    fn keeps_prose_with_slashes_and_lone_menu_words() {
        let text = "Home\nThe input/output ratio is 3 / 4 / 5 in the tests, he said.\nWe came home > tired > happy, as ever.\nDate format dd / mm / yyyy\n$60 / person / year\n";
        assert_eq!(run(&Navigation, text), text);
    }
}

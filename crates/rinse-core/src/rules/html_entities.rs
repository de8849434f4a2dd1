use std::sync::LazyLock;

use markup5ever::data::NAMED_ENTITIES;
use regex::Regex;

use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));").unwrap());

/// `&amp;`, `&#8217;` and the like left in plain text.
pub struct HtmlEntities;

static INFO: RuleInfo = RuleInfo {
    id: "html-entities",
    name: "HTML entities",
    group: Group::Repair,
    summary: "Decodes HTML character references left in text (&amp;amp; &amp;#8217; &amp;nbsp;).",
    doc: "Text taken from markup without decoding it keeps character references. Every named \
          reference of HTML5 and every numeric one that ends in a semicolon is decoded; a bare \
          ampersand (\"AT&T\", \"R&D;\") or an unknown name is left as it is.",
    example: Example { input: "Fish &amp; chips &#8211; &quot;fresh&quot;", output: "Fish & chips \u{2013} \"fresh\"" },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus, Preset::Minimal],
};

impl Rule for HtmlEntities {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn line_local(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        let text = doc.text();
        if !text.contains('&') {
            return Vec::new();
        }
        ENTITY
            .captures_iter(text)
            .filter_map(|caps| {
                let whole = caps.get(0)?;
                let decoded = if let Some(dec) = caps.get(1) {
                    char_from(dec.as_str().parse().ok()?)?.to_string()
                } else if let Some(hex) = caps.get(2) {
                    char_from(u32::from_str_radix(hex.as_str(), 16).ok()?)?.to_string()
                } else {
                    let &(first, second) = NAMED_ENTITIES.get(&whole.as_str()[1..])?;
                    let mut s = String::from(char_from(first)?);
                    if second != 0 {
                        s.push(char::from_u32(second)?);
                    }
                    s
                };
                Some(Change::replace(whole.range(), decoded, format!("HTML entity {}", whole.as_str())))
            })
            .collect()
    }
}

/// The character a reference names; NUL, surrogates and out-of-range numbers name none.
fn char_from(code: u32) -> Option<char> {
    char::from_u32(code).filter(|&c| c != '\0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(run(&HtmlEntities, "&lt;b&gt; &#x27;x&#39; caf&eacute; &NotEqualTilde;"), "<b> 'x' caf\u{e9} \u{2242}\u{338}");
    }

    #[test]
    fn keeps_bare_ampersands_and_unknown_names() {
        let text = "AT&T and R&D; costs &notanentity; &#0; &#xD800; & more";
        assert_eq!(run(&HtmlEntities, text), text);
    }
}

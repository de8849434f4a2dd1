//! Code blocks: the language a block's markup names, and the label that
//! only repeats it.
//!
//! Highlighters name a block's language in their own ways: `language-…`
//! or `lang-…` classes (most, and Jekyll's on the block's wrapper),
//! `brush: …` (SyntaxHighlighter), `highlight-…` on a wrapper (Sphinx),
//! `sourceCode …` (pandoc), or a `data-lang` / `data-language` attribute.
//! Documentation sites often show the language above the block as a label
//! ("js"), which read as text is a stray word before every example.

use scraper::node::Element as ParsedElement;
use scraper::Node as ParsedNode;

type ParsedRef<'a> = ego_tree::NodeRef<'a, ParsedNode>;

/// Wrappers above a `<pre>` that may name its language: a highlighter's
/// `<div class="highlight-python"><div class="highlight"><pre>`.
const WRAPPERS_READ: usize = 2;

/// Longest label, in bytes, that can be a language's name.
const LABEL_MAX: usize = 24;

/// The language the markup of the `<pre>` at `pre` names: on the `<pre>`,
/// the `<code>` inside it, or the wrappers just above it.
pub fn block_language(pre: ParsedRef<'_>) -> Option<String> {
    let code = pre.children().filter_map(|c| c.value().as_element().filter(|e| e.name() == "code"));
    let wrappers = pre.ancestors().take(WRAPPERS_READ).filter_map(|a| a.value().as_element().filter(|e| e.name() == "div"));
    pre.value().as_element().into_iter().chain(code).chain(wrappers).find_map(named_language)
}

/// The language `element`'s classes or `data-lang` name, if any.
fn named_language(element: &ParsedElement) -> Option<String> {
    let said = element.attr("data-lang").or_else(|| element.attr("data-language"));
    let class = element.attr("class").unwrap_or("");
    let mut classes = class.split_whitespace();
    let from_class = std::iter::from_fn(|| {
        let class = classes.next()?;
        let lower = class.to_ascii_lowercase();
        let named = if let Some(rest) = lower.strip_prefix("language-").or_else(|| lower.strip_prefix("lang-")) {
            rest.to_string()
        } else if let Some(rest) = lower.strip_prefix("highlight-") {
            // GitHub's `highlight-source-python`.
            rest.strip_prefix("source-").unwrap_or(rest).to_string()
        } else if lower == "brush:" || lower == "sourcecode" {
            classes.next().unwrap_or("").trim_end_matches(';').to_ascii_lowercase()
        } else if let Some(rest) = lower.strip_prefix("brush:") {
            rest.trim_end_matches(';').to_string()
        } else {
            String::new()
        };
        Some(named)
    });
    said.map(str::to_ascii_lowercase).into_iter().chain(from_class).map(|name| clean(&name)).find(|name| is_language(name))
}

/// A language's name as a fence's info string takes it.
fn clean(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '.' | '_')).collect()
}

/// Whether `name` names a language: not empty, not a highlighter's word for none.
fn is_language(name: &str) -> bool {
    !name.is_empty() && !matches!(name, "default" | "none" | "plain" | "nohighlight")
}

/// Whether the element at `node` is a label that only repeats the language
/// of the code block right after it (MDN's `<div class="example-header">js</div>`
/// before `<pre class="brush: js">`): chrome around the code, not text.
pub fn is_language_label(node: ParsedRef<'_>) -> bool {
    let Some(next) = next_element(node) else { return false };
    // The block itself, or a wrapper that opens with it.
    let pre = if is_tag(next, "pre") { Some(next) } else { first_element(next).filter(|&c| is_tag(c, "pre")) };
    let Some(language) = pre.and_then(block_language) else { return false };
    let mut label = String::new();
    for text in node.descendants().filter_map(|d| d.value().as_text()) {
        label.push_str(text);
        if label.len() > LABEL_MAX * 4 {
            return false;
        }
    }
    let label = label.trim();
    label.len() <= LABEL_MAX && label.eq_ignore_ascii_case(&language)
}

fn is_tag(node: ParsedRef<'_>, tag: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == tag)
}

/// The element after `node` among its siblings, past blank text and comments.
fn next_element(node: ParsedRef<'_>) -> Option<ParsedRef<'_>> {
    node.next_siblings().take_while(|s| !is_text(s)).find(|s| s.value().is_element())
}

/// The first element among `node`'s children, past blank text and comments.
fn first_element(node: ParsedRef<'_>) -> Option<ParsedRef<'_>> {
    node.children().take_while(|c| !is_text(c)).find(|c| c.value().is_element())
}

/// Whether `node` is text that shows (not only blanks).
fn is_text(node: &ParsedRef<'_>) -> bool {
    node.value().as_text().is_some_and(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(html: &str) -> scraper::Html {
        super::super::dom::parse(html)
    }

    fn first<'a>(page: &'a scraper::Html, tag: &str) -> ParsedRef<'a> {
        page.tree.root().descendants().find(|n| is_tag(*n, tag)).expect("the tag is on the page")
    }

    #[test]
    fn languages_as_highlighters_name_them() {
        let cases = [
            ("<pre><code class=\"hljs language-rust\">x</code></pre>", Some("rust")),
            ("<pre class=\"brush: js notranslate\">x</pre>", Some("js")),
            ("<pre class=\"brush:python;\">x</pre>", Some("python")),
            ("<div class=\"highlight-python notranslate\"><div class=\"highlight\"><pre>x</pre></div></div>", Some("python")),
            ("<div class=\"highlight-default\"><div class=\"highlight\"><pre>x</pre></div></div>", None),
            ("<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre>x</pre></div></div>", Some("ruby")),
            ("<pre class=\"sourceCode haskell\">x</pre>", Some("haskell")),
            ("<pre data-language=\"TypeScript\">x</pre>", Some("typescript")),
            ("<pre class=\"wide\">x</pre>", None),
        ];
        for (html, expected) in cases {
            let page = parsed(html);
            assert_eq!(block_language(first(&page, "pre")).as_deref(), expected, "{html}");
        }
    }

    #[test]
    fn a_label_that_repeats_the_language_is_chrome() {
        let page = parsed(
            "<div class=\"example-header\"><span>js</span></div>\n<pre class=\"brush: js\">let x = 1;</pre>\
             <p id=\"other\">Output</p><pre class=\"language-bash\">ls</pre>\
             <div id=\"before-wrapper\">Python</div><div class=\"highlight-python\"><pre>x = 1</pre></div>",
        );
        let labels: Vec<bool> = page
            .tree
            .root()
            .descendants()
            .filter(|n| n.value().as_element().is_some_and(|e| matches!(e.name(), "div" | "p")))
            .map(is_language_label)
            .collect();
        // The header before MDN's block, a paragraph that is no label, the
        // label before a wrapper that opens with its block, that wrapper.
        assert_eq!(labels, [true, false, true, false]);
    }
}

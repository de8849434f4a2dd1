//! What kind of page a page is: an article, a forum thread, a product, a
//! listing, a collection, documentation or a service page. Set by hand, or
//! found from what the page says of itself in its structured data.

use std::fmt;
use std::str::FromStr;

use scraper::Html;
use serde::{Deserialize, Serialize};

/// The kinds of page the cleaner tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Article,
    Forum,
    Product,
    Listing,
    Collection,
    Documentation,
    Service,
}

impl PageKind {
    pub const ALL: [PageKind; 7] = [
        PageKind::Article,
        PageKind::Forum,
        PageKind::Product,
        PageKind::Listing,
        PageKind::Collection,
        PageKind::Documentation,
        PageKind::Service,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PageKind::Article => "article",
            PageKind::Forum => "forum",
            PageKind::Product => "product",
            PageKind::Listing => "listing",
            PageKind::Collection => "collection",
            PageKind::Documentation => "documentation",
            PageKind::Service => "service",
        }
    }
}

impl fmt::Display for PageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PageKind {
    type Err = String;

    fn from_str(name: &str) -> Result<PageKind, String> {
        PageKind::ALL.into_iter().find(|kind| kind.name().eq_ignore_ascii_case(name.trim())).ok_or_else(|| {
            let names: Vec<_> = PageKind::ALL.iter().map(|kind| kind.name()).collect();
            format!("unknown page kind {name:?}: expected one of {}", names.join(", "))
        })
    }
}

/// A page's kind and what told it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindFound {
    pub kind: PageKind,
    /// "set by hand", or the structured data that says it ("its structured data says Product").
    pub why: String,
}

impl KindFound {
    pub fn by_hand(kind: PageKind) -> KindFound {
        KindFound { kind, why: "set by hand".into() }
    }
}

impl fmt::Display for KindFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.kind, self.why)
    }
}

/// Schema.org types that make a page a discussion: a thread, or a question
/// with its answers.
const FORUM_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];
/// Types of a page that is an article. An article that sells something
/// may name `Product` too, and stays an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "OpinionNewsArticle", "AnalysisNewsArticle", "LiveBlogPosting",
];
/// Types of a product page.
const PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup"];

/// The kind `parsed` says it is in its structured data (JSON-LD, microdata,
/// the Open Graph `og:type`), if it says one the cleaner knows. Of WCXB's
/// 1,135 pages, labelled by kind, 535 say they are articles (464 are), 57
/// forums (all are) and 86 products (62 are, 15 more are collections of
/// products); the other 457 say nothing this reads.
pub fn from_structured_data(parsed: &Html) -> Option<KindFound> {
    let mut types = Vec::new();
    let mut og_type = None;
    for node in parsed.tree.root().descendants() {
        let Some(element) = node.value().as_element() else { continue };
        if let Some(itemtype) = element.attr("itemtype") {
            // Space-separated URLs: the type is the last part of each.
            types.extend(itemtype.split_whitespace().filter_map(|url| url.rsplit('/').next()).map(str::to_string));
        }
        match element.name() {
            "script" if element.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                for text in node.children().filter_map(|c| c.value().as_text()) {
                    json_ld_types(text, &mut types);
                }
            }
            "meta" if element.attr("property").is_some_and(|p| p.eq_ignore_ascii_case("og:type")) => {
                og_type = og_type.or_else(|| element.attr("content").map(|c| c.trim().to_ascii_lowercase()));
            }
            _ => {}
        }
    }
    let named = |wanted: &[&str]| types.iter().find(|t| wanted.contains(&t.as_str())).cloned();
    let says = |kind, what: String| Some(KindFound { kind, why: format!("its structured data says {what}") });
    if let Some(t) = named(FORUM_TYPES) {
        return says(PageKind::Forum, t);
    }
    if let Some(t) = named(ARTICLE_TYPES) {
        return says(PageKind::Article, t);
    }
    if let Some(t) = named(PRODUCT_TYPES) {
        return says(PageKind::Product, t);
    }
    match og_type.as_deref() {
        Some("product" | "product.item" | "product.group") => says(PageKind::Product, "og:type product".into()),
        Some("article") => says(PageKind::Article, "og:type article".into()),
        _ => None,
    }
}

/// Adds the `@type` values of a JSON-LD block to `types`: strings, or arrays
/// of strings, at any depth (inside `@graph` too), prefixes such as
/// `schema:` or a URL taken off. Read as text, not parsed: pages ship
/// JSON-LD with trailing commas, comments and several objects in a row,
/// which a JSON parser refuses whole.
fn json_ld_types(json: &str, types: &mut Vec<String>) {
    const KEY: &str = "\"@type\"";
    let mut push = |quoted: &str| {
        let name = quoted.rsplit(['/', ':']).next().unwrap_or(quoted).trim();
        if !name.is_empty() {
            types.push(name.to_string());
        }
    };
    let mut rest = json;
    while let Some(at) = rest.find(KEY) {
        rest = rest[at + KEY.len()..].trim_start();
        let Some(value) = rest.strip_prefix(':').map(str::trim_start) else { continue };
        if let Some(array) = value.strip_prefix('[') {
            let end = array.find(']').unwrap_or(array.len());
            // Between the quotes: every other piece.
            array[..end].split('"').skip(1).step_by(2).for_each(&mut push);
            rest = &array[end..];
        } else if let Some(string) = value.strip_prefix('"') {
            let end = string.find('"').unwrap_or(string.len());
            push(&string[..end]);
            rest = &string[end..];
        } else {
            rest = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::parse;

    fn kind(html: &str) -> Option<PageKind> {
        from_structured_data(&parse(html)).map(|found| found.kind)
    }

    fn json_ld(body: &str) -> String {
        format!("<html><head><script type=\"application/ld+json\">{body}</script></head><body><p>Text</p></body></html>")
    }

    #[test]
    fn reads_json_ld_types_at_any_depth() {
        assert_eq!(kind(&json_ld(r#"{"@type": "Product", "name": "Kettle"}"#)), Some(PageKind::Product));
        assert_eq!(kind(&json_ld(r#"{"@graph": [{"@type": "WebSite"}, {"@type": ["BlogPosting"]}]}"#)), Some(PageKind::Article));
        assert_eq!(kind(&json_ld(r#"{"@type":"https://schema.org/QAPage",}"#)), Some(PageKind::Forum), "a trailing comma is no matter");
        assert_eq!(kind(&json_ld(r#"{"@type": "schema:DiscussionForumPosting"}"#)), Some(PageKind::Forum));
        assert_eq!(kind(&json_ld(r#"{"@type": ["WebPage", "ItemPage"]}"#)), None);
    }

    #[test]
    fn a_discussion_or_an_article_outranks_a_product() {
        assert_eq!(kind(&json_ld(r#"[{"@type": "Product"}, {"@type": "NewsArticle"}]"#)), Some(PageKind::Article));
        assert_eq!(kind(&json_ld(r#"[{"@type": "Product"}, {"@type": "QAPage"}]"#)), Some(PageKind::Forum));
    }

    #[test]
    fn reads_microdata_and_open_graph() {
        assert_eq!(kind("<div itemscope itemtype=\"https://schema.org/Product\"><p>Kettle</p></div>"), Some(PageKind::Product));
        assert_eq!(kind("<head><meta property=\"og:type\" content=\"product\"></head><p>Kettle</p>"), Some(PageKind::Product));
        assert_eq!(kind("<head><meta property=\"og:type\" content=\"article\"></head><p>News</p>"), Some(PageKind::Article));
        assert_eq!(kind("<head><meta property=\"og:type\" content=\"website\"></head><p>Home</p>"), None);
    }

    #[test]
    fn words_in_the_text_or_a_script_are_not_structured_data() {
        assert_eq!(kind("<p>A Product is a schema.org type; so is \"@type\": \"QAPage\".</p>"), None);
        assert_eq!(kind("<script>var page = {\"@type\": \"Product\"};</script><p>Text</p>"), None);
    }

    #[test]
    fn says_what_told_it() {
        let found = from_structured_data(&parse(&json_ld(r#"{"@type": "Product"}"#))).unwrap();
        assert_eq!(found.to_string(), "product (its structured data says Product)");
        assert_eq!(KindFound::by_hand(PageKind::Listing).to_string(), "listing (set by hand)");
    }

    #[test]
    fn kinds_read_back_from_their_names() {
        for kind in PageKind::ALL {
            assert_eq!(kind.name().parse::<PageKind>(), Ok(kind));
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{kind}\""));
        }
        assert_eq!("Forum".parse::<PageKind>(), Ok(PageKind::Forum));
        assert!("blog".parse::<PageKind>().unwrap_err().contains("expected one of article, forum"));
    }
}

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

/// What a page says of its kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Said {
    /// As its schema.org types say (JSON-LD, microdata).
    pub types: Option<KindFound>,
    /// As its Open Graph `og:type` says: weaker than its address, since
    /// publishing tools give `article` to every page of a site. Of WCXB's
    /// pages, 299 say `og:type` article and no type; 61 of them are service
    /// pages, listings, documentation and others, where the address is
    /// right more often (kinds told right 743 -> 766, wrong 125 -> 102;
    /// wcxb-dev-html word F1 0.8610 -> 0.8616).
    pub open_graph: Option<KindFound>,
}

/// The kind `parsed` says it is in its structured data (JSON-LD, microdata,
/// the Open Graph `og:type`), if it says one the cleaner knows. Of WCXB's
/// 1,135 pages, labelled by kind, 535 say they are articles (464 are), 57
/// forums (all are) and 86 products (62 are, 15 more are collections of
/// products); the other 457 say nothing this reads.
pub fn from_structured_data(parsed: &Html) -> Said {
    let mut types = Vec::new();
    let mut og_type = None;
    for node in parsed.tree.root().descendants() {
        let Some(element) = node.value().as_element() else { continue };
        if let Some(itemtype) = super::dom::attribute(element, &html5ever::local_name!("itemtype")) {
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
    let says = |kind, what: String| KindFound { kind, why: format!("its structured data says {what}") };
    // A discussion or an article may sell something and name a product too.
    let types = [(FORUM_TYPES, PageKind::Forum), (ARTICLE_TYPES, PageKind::Article), (PRODUCT_TYPES, PageKind::Product)]
        .into_iter()
        .find_map(|(wanted, kind)| named(wanted).map(|t| says(kind, t)));
    let open_graph = match og_type.as_deref() {
        Some("product" | "product.item" | "product.group") => Some(says(PageKind::Product, "og:type product".into())),
        Some("article") => Some(says(PageKind::Article, "og:type article".into())),
        _ => None,
    };
    Said { types, open_graph }
}

/// Words of an address's path that tell a page's kind: the conventions of
/// forum software (`/t/…`, `/threads/…`), shops (`/products/…`, `/c/…`),
/// documentation sites (`/docs/…`) and blogs. On WCXB's pages that name
/// their own address (1,051 of 1,135, by `rel=canonical` or `og:url`), the
/// kind so read is the page's own for 61 of 63 forums, 21 of 21
/// documentation pages, 19 of 20 service pages, 37 of 47 collections, 30
/// of 35 products and 196 of 204 articles.
///
/// After the English words, the same words of sites in German, French,
/// Spanish, Italian, Portuguese and Dutch (not German `artikel`, which is
/// a shop's item as often as a news story).
#[rustfmt::skip]
const ADDRESS_WORDS: &[(PageKind, &[&str])] = &[
    (PageKind::Forum, &[
        "forum", "forums", "thread", "threads", "topic", "t", "questions", "discussion", "discussions",
        "foro", "foros", "diskussion", "discussione", "discussioni", "fragen", "vragen", "preguntas", "perguntas",
    ]),
    (PageKind::Documentation, &[
        "docs", "doc", "documentation", "reference", "manual", "api",
        "dokumentation", "doku", "handbuch", "documentacion", "documentazione", "documentacao",
    ]),
    (PageKind::Service, &[
        "services", "pricing", "solutions",
        "leistungen", "preise", "tarife", "tarifs", "servicios", "precios", "tarifas", "servizi", "prezzi", "servicos", "precos",
    ]),
    (PageKind::Collection, &[
        "c", "collections", "collection", "category", "categories", "cat",
        "kategorie", "kategorien", "katalog", "categorie", "catalogue", "categoria", "categorias", "catalogo",
    ]),
    (PageKind::Listing, &[
        "search", "tag", "tags", "archive", "archives",
        "suche", "archiv", "recherche", "busqueda", "archivo", "ricerca", "archivio", "zoeken", "archief",
    ]),
    (PageKind::Product, &[
        "product", "products", "dp", "item", "items",
        "produkt", "produkte", "produit", "produits", "producto", "productos", "prodotto", "prodotti", "produto", "produtos",
    ]),
    (PageKind::Article, &[
        "blog", "blogs", "article", "articles", "post", "posts", "news", "story", "stories",
        "nachrichten", "beitrag", "actualites", "noticias", "articulo", "notizie", "articolo", "artigo", "nieuws",
    ]),
];

/// The first word of a host that serves documentation (`docs.`, `doc.`,
/// `developer.`, `developers.`), and the hosts where projects publish
/// theirs. Of WCXB's pages that name their own address, 25 are on such a
/// host: 24 documentation pages and one article.
const DOCUMENTATION_HOSTS: &[&str] = &["docs", "doc", "developer", "developers"];
const DOCUMENTATION_SITES: &[&str] = &[".readthedocs.io", ".gitbook.io"];

/// The kind a page's address tells: a word of its path (not the last,
/// which names the page itself, unless it is the only one), else a host
/// that serves documentation, else a site's front page, which on WCXB's
/// pages is a service page (30 of 54), a listing (12), a collection (7) or
/// an article (5).
pub fn from_address(address: &str) -> Option<KindFound> {
    let without_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
    // With a scheme the host comes first; a bare path starts at `/`.
    let (host, path) = match address.contains("://") {
        true => without_scheme.find(['/', '?', '#']).map_or((without_scheme, ""), |end| without_scheme.split_at(end)),
        false => ("", without_scheme),
    };
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.split('#').next().unwrap_or("");
    let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(str::to_ascii_lowercase).collect();
    let named = &segments[..segments.len().saturating_sub(1).max(1).min(segments.len())];
    let by_path = named.iter().find_map(|segment| {
        let (kind, _) = ADDRESS_WORDS.iter().find(|(_, words)| words.contains(&segment.as_str()))?;
        // `/blog/` or `/news/` alone is the list of its posts (so are all
        // 5 such pages of WCXB's).
        if *kind == PageKind::Article && segments.len() == 1 {
            return Some(KindFound { kind: PageKind::Listing, why: format!("its address is the front of /{segment}/") });
        }
        Some(KindFound { kind: *kind, why: format!("its address has /{segment}/") })
    });
    // A query names some other page (`/?p=123` is a post).
    let front = || {
        (!host.is_empty() && segments.is_empty() && query.is_empty())
            .then(|| KindFound { kind: PageKind::Service, why: "its address is a site's front page".into() })
    };
    by_path.or_else(|| from_host(host)).or_else(front)
}

/// Documentation, when `host` serves it.
fn from_host(host: &str) -> Option<KindFound> {
    // Without the user and port an address may give.
    let host = host.rsplit('@').next().unwrap_or(host).split(':').next().unwrap_or("").to_ascii_lowercase();
    let first = host.split('.').next().unwrap_or("");
    let documentation =
        host.contains('.') && DOCUMENTATION_HOSTS.contains(&first) || DOCUMENTATION_SITES.iter().any(|site| host.ends_with(site));
    documentation.then(|| KindFound { kind: PageKind::Documentation, why: format!("its address is on {host}") })
}

/// The address a page gives itself: its `<link rel="canonical">`, or its
/// Open Graph `og:url`.
pub fn own_address(parsed: &Html) -> Option<String> {
    let mut og_url = None;
    for element in parsed.tree.root().descendants().filter_map(|node| node.value().as_element()) {
        match element.name() {
            "link" if element.attr("rel").is_some_and(|rel| rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) => {
                if let Some(href) = element.attr("href").filter(|href| !href.trim().is_empty()) {
                    return Some(href.trim().to_string());
                }
            }
            "meta" if og_url.is_none() && element.attr("property").is_some_and(|p| p.eq_ignore_ascii_case("og:url")) => {
                og_url = element.attr("content").map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
            }
            _ => {}
        }
    }
    og_url
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
        let said = from_structured_data(&parse(html));
        said.types.or(said.open_graph).map(|found| found.kind)
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
        let said = from_structured_data(&parse(
            &json_ld(r#"{"@type": "Product"}"#).replace("<head>", "<head><meta property=og:type content=article>"),
        ));
        assert_eq!(said.types.map(|found| found.kind), Some(PageKind::Product), "schema.org types and og:type apart");
        assert_eq!(said.open_graph.map(|found| found.kind), Some(PageKind::Article));
    }

    #[test]
    fn words_in_the_text_or_a_script_are_not_structured_data() {
        assert_eq!(kind("<p>A Product is a schema.org type; so is \"@type\": \"QAPage\".</p>"), None);
        assert_eq!(kind("<script>var page = {\"@type\": \"Product\"};</script><p>Text</p>"), None);
    }

    #[test]
    fn says_what_told_it() {
        let found = from_structured_data(&parse(&json_ld(r#"{"@type": "Product"}"#))).types.unwrap();
        assert_eq!(found.to_string(), "product (its structured data says Product)");
        assert_eq!(KindFound::by_hand(PageKind::Listing).to_string(), "listing (set by hand)");
    }

    #[test]
    fn reads_an_address_by_the_words_of_its_path() {
        let kind = |address: &str| from_address(address).map(|found| found.kind);
        assert_eq!(kind("https://forum.example.org/t/pier-gate-hinge/4411"), Some(PageKind::Forum));
        assert_eq!(kind("https://example.com/docs/install"), Some(PageKind::Documentation));
        assert_eq!(kind("https://shop.example.com/products/kettle?colour=red"), Some(PageKind::Product));
        assert_eq!(kind("https://example.com/en/blog/ferry-returns"), Some(PageKind::Article));
        assert_eq!(kind("/collections/kettles/"), Some(PageKind::Collection), "a path alone");
        assert_eq!(kind("https://example.com/"), Some(PageKind::Service));
        assert_eq!(kind("https://example.com"), Some(PageKind::Service));
        assert_eq!(kind("https://example.com/?p=123"), None, "a post named by its query");
        // The last word names the page itself: a post about docs is no documentation.
        assert_eq!(kind("https://example.com/2024/docs"), None);
        assert_eq!(kind("https://example.com/docs"), Some(PageKind::Documentation), "unless it is the only one");
        assert_eq!(kind("https://example.com/news/"), Some(PageKind::Listing), "a blog's or a paper's front");
        assert_eq!(kind("https://example.com/about-us/team"), None);
        assert_eq!(kind("not an address"), None);
        assert_eq!(kind("https://docs.example.org/en/stable/ref/gates/"), Some(PageKind::Documentation), "a documentation host");
        assert_eq!(kind("https://developer.example.com:8443/guide/"), Some(PageKind::Documentation));
        assert_eq!(kind("https://harbour.readthedocs.io/"), Some(PageKind::Documentation), "its front page too");
        assert_eq!(kind("https://docs.example.org/blog/release-notes"), Some(PageKind::Article), "the path says more");
        assert_eq!(kind("https://docsharbour.example.com/about"), None);
        assert_eq!(from_address("https://Docs.Example.org/x/y").unwrap().to_string(), "documentation (its address is on docs.example.org)");
        let found = from_address("https://example.com/threads/a-question.12/").unwrap();
        assert_eq!(found.to_string(), "forum (its address has /threads/)");
        // Sites in other languages name their parts in their own words.
        assert_eq!(kind("https://example.de/produkt/wasserkocher-1-7-l"), Some(PageKind::Product));
        assert_eq!(kind("https://example.fr/categorie/bouilloires/"), Some(PageKind::Collection));
        assert_eq!(kind("https://example.es/foro/tema-123"), Some(PageKind::Forum));
        assert_eq!(kind("https://example.it/notizie/il-fiume-scende"), Some(PageKind::Article));
        assert_eq!(kind("https://example.nl/zoeken?q=ketel"), Some(PageKind::Listing));
        assert_eq!(kind("https://example.de/artikel/12345"), None, "artikel is a shop's item as often as a story");
    }

    #[test]
    fn a_page_names_its_own_address() {
        let address = |head: &str| own_address(&parse(&format!("<html><head>{head}</head><body><p>Text</p></body></html>")));
        assert_eq!(address("<link rel=\"canonical\" href=\"https://example.com/docs/a\">").as_deref(), Some("https://example.com/docs/a"));
        assert_eq!(
            address("<meta property=\"og:url\" content=\"https://example.com/t/x/1\">").as_deref(),
            Some("https://example.com/t/x/1")
        );
        assert_eq!(
            address("<meta property=\"og:url\" content=\"https://example.com/og\"><link rel=\"canonical\" href=\"https://example.com/c\">")
                .as_deref(),
            Some("https://example.com/c"),
            "the canonical link first"
        );
        assert_eq!(address("<link rel=\"stylesheet\" href=\"/style.css\">"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_address_or_structured_data_reads_without_panic(text in "\\PC{0,80}", path in "(/[a-z:\"?#]{0,6}){0,5}") {
            let _ = from_address(&text);
            let _ = from_address(&format!("https://example.org{path}"));
            let mut types = Vec::new();
            json_ld_types(&text, &mut types);
            json_ld_types(&format!("{{\"@type\": {text}"), &mut types);
        }
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

//! Whole documents of our own making, cleaned with the default preset.

use rinse_core::{clean_with, Config, Preset};

fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/").to_string() + name;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_seed_like_scrape_keeps_its_headline_and_each_paragraph_once() {
    let cleaned = clean_with(&fixture("harbour-scrape.txt"), &Config::default()).unwrap();
    assert_eq!(cleaned.text, fixture("harbour-clean.txt"));
    for rule in ["error-page", "duplicate-paragraphs", "disclaimer", "comments-section", "whitespace"] {
        assert!(cleaned.counts.contains_key(rule), "{rule} made no change");
    }
}

#[test]
fn prose_about_cookies_privacy_comments_errors_and_copyright_survives() {
    let text = fixture("prose-about-boilerplate.txt");
    for preset in [Preset::Article, Preset::Minimal] {
        let cleaned = clean_with(&text, &Config::preset(preset)).unwrap();
        assert_eq!(cleaned.text, text, "{preset:?} changed {:?}", cleaned.edits);
    }
}

/// Whole-page text (what "select all, copy" gives) of pages of our own
/// making, cleaned by the default preset to what a reader wants.
#[test]
fn whole_page_text_comes_down_to_its_article() {
    for name in ["ferry-news", "two-stories", "router-question", "short-note"] {
        let page = fixture(&format!("page-text/{name}.txt"));
        let cleaned = clean_with(&page, &Config::default()).unwrap();
        assert_eq!(cleaned.text, fixture(&format!("page-text/{name}.clean.txt")), "{name}");
    }
}

#[test]
fn each_kind_of_page_furniture_is_named_by_its_rule() {
    let cleaned = clean_with(&fixture("page-text/ferry-news.txt"), &Config::default()).unwrap();
    for rule in ["main-content", "share-prompts", "slideshow", "comment-threads", "related-links"] {
        assert!(cleaned.edits.iter().any(|e| e.rules().contains(&rule)), "{rule} made no change");
    }
    // Two stories on one page are both kept, the menu and footer around them go.
    let cleaned = clean_with(&fixture("page-text/two-stories.txt"), &Config::default()).unwrap();
    let reasons: Vec<&str> = cleaned.edits.iter().map(|e| e.reason.as_ref()).collect();
    assert!(reasons.iter().all(|r| r.starts_with("outside the main text")), "{reasons:?}");
    assert_eq!(reasons.len(), 2, "{reasons:?}");
}

/// Pages that are not articles: a product's description and specifications,
/// a listing's entries, a documentation page's text and code are the
/// content; the menus and footers around them are not.
#[test]
fn pages_of_other_kinds_keep_their_content_and_lose_their_furniture() {
    let cases: [(&str, &[&str], &[&str]); 4] = [
        (
            "product-kettle",
            &[
                "Stoneware Kettle 1.5 L", "A kettle with a stoneware body", "The base turns all the way round", "Capacity: 1.5 litres",
                "Cord length: 0.75 m", "Quiet and quick.", "The lid is the best part",
            ],
            &["Sign in", "Basket (0)", "Privacy policy", "Cookie settings", "Returns"],
        ),
        (
            "listing-walks",
            &[
                "Catbells from Hawse End", "A short climb to one of the best views", "Tarn Hows circular",
                "A level path round a wooded tarn", "The classic ridge walk", "Buttermere shoreline", "A walk all the way round the lake",
            ],
            &["Log in", "Regions", "Subscribe", "About us", "Privacy"],
        ),
        (
            "docs-config",
            &[
                "Settings are kept in one JSON file",
                "A file names a preset",
                "preset: the set of rules to start from",
                "custom: your own rules",
                "\"preset\": \"article\",",
                "The file above starts from the article preset",
            ],
            &["Search the docs", "Installation", "Was this page helpful?", "Edit this page"],
        ),
        (
            "router-question",
            // The asker's comment below the answers goes with the page's
            // other comments: the scorer judges it below even odds.
            &["Every evening at about eight", "That sounds like the line itself", "Check whether a scheduled update"],
            &["Badges", "Privacy", "Jobs"],
        ),
    ];
    for (name, content, furniture) in cases {
        let cleaned = clean_with(&fixture(&format!("page-text/{name}.txt")), &Config::default()).unwrap();
        let kept: Vec<&str> = cleaned.text.lines().map(str::trim).collect();
        for line in content {
            assert!(kept.iter().any(|k| k.starts_with(line)), "{name}: lost {line:?}; kept {kept:#?}");
        }
        for line in furniture {
            assert!(!kept.contains(line), "{name}: kept {line:?}; kept {kept:#?}");
        }
    }
}

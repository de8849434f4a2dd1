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

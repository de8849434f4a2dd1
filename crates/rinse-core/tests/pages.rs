//! Whole HTML pages of our own making: the main content is kept, every
//! dropped block is one edit that says why, and no page breaks the reader.

use rinse_core::{apply_except, clean_input, html, Config, Format, Plan};

fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/pages/").to_string() + name;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn plan() -> Plan {
    Config::default().plan().unwrap()
}

#[test]
fn a_news_page_keeps_its_article_with_list_and_table() {
    let page = fixture("library-reopens.html");
    let result = clean_input(&page, Format::Auto, &plan());
    assert_eq!(result.format, Format::Html);
    assert_eq!(result.before, html::visible_text(&page), "the diff's before is the whole visible text");
    assert_eq!(result.cleaned.text, fixture("library-reopens.clean.txt"));
    let reasons: Vec<&str> = result.cleaned.edits.iter().filter(|e| e.rule == "html-main-content").map(|e| e.reason.as_ref()).collect();
    for expected in [
        "inside <nav>", "class contains 'breadcrumb'", "byline: author and date", "class contains 'share'", "id contains 'comment'",
        "class contains 'sidebar'", "class contains 'related'", "inside <footer>",
    ] {
        assert_eq!(reasons.iter().filter(|r| **r == expected).count(), 1, "one block dropped as {expected:?} in {reasons:?}");
    }
}

#[test]
fn rejecting_a_dropped_block_brings_it_back() {
    let page = fixture("library-reopens.html");
    let result = clean_input(&page, Format::Html, &plan());
    let nav = result.cleaned.edits.iter().position(|e| e.reason == "inside <nav>").unwrap();
    let restored = apply_except(&result.before, &result.cleaned.edits, |i| i == nav);
    assert!(restored.starts_with("News\nSport\nWeather\nOpinion\nThe Millbrook library opened"), "{restored}");
}

#[test]
fn a_blog_page_loses_menu_widgets_and_footer() {
    let page = fixture("forum-sidebar.html");
    let result = clean_input(&page, Format::Html, &plan());
    assert_eq!(result.cleaned.text, fixture("forum-sidebar.clean.txt"));
    for gone in ["Categories", "Powered by", "Tips", "Tags:"] {
        assert!(!result.cleaned.text.contains(gone), "{gone} kept");
    }
}

#[test]
fn a_product_page_reads_its_streamed_description_and_folded_answers() {
    let page = fixture("kiln-shop.html");
    let result = clean_input(&page, Format::Html, &plan());
    assert_eq!(result.cleaned.text, fixture("kiln-shop.clean.txt"));
    // The description streamed after the page stands where its script puts
    // it, in place of the loading skeleton; the questions' buttons and their
    // folded answers are read; the hidden sign-up form is not.
    for kept in ["45 litre chamber", "Which socket does it need?", "13 amp socket", "1300 degrees"] {
        assert!(result.cleaned.text.contains(kept), "{kept} missing");
    }
    for gone in ["Loading the description", "ten per cent off"] {
        assert!(!result.before.contains(gone), "{gone} read");
    }
    let description = result.cleaned.text.find("Description").unwrap();
    assert!(description < result.cleaned.text.find("Questions").unwrap(), "the description in its place");
}

#[test]
fn a_page_whose_structure_keeps_little_is_read_line_by_line_and_says_so() {
    let page = fixture("pier-notes.html");
    let result = clean_input(&page, Format::Html, &plan());
    assert_eq!(result.cleaned.text, fixture("pier-notes.clean.txt"));
    assert!(result.cleaned.text.contains("The north pier will close"), "the aside holds the news");
    let note = result.cleaned.note.as_deref().unwrap_or_default();
    assert!(note.starts_with("read line by line: the block its structure points to keeps"), "{note:?}");
}

#[test]
fn a_pasted_fragment_is_kept_whole() {
    let fragment = "<p>Mix the flour and the salt.</p>\n<ul><li>Add water slowly.</li><li>Knead for ten minutes.</li></ul>";
    let result = clean_input(fragment, Format::Auto, &plan());
    assert_eq!(result.format, Format::Html);
    assert_eq!(result.cleaned.text, "Mix the flour and the salt.\nAdd water slowly.\nKnead for ten minutes.\n");
}

#[test]
fn the_main_content_rule_can_be_turned_off() {
    let config: Config = serde_json::from_str(r#"{"rules":{"html-main-content":{"enabled":false}}}"#).unwrap();
    let page = fixture("forum-sidebar.html");
    let result = clean_input(&page, Format::Html, &config.plan().unwrap());
    assert!(result.cleaned.text.contains("Categories"));
    assert!(result.cleaned.edits.iter().all(|e| e.rule != "html-main-content"));
}

/// Pages built to break parsers: each must give text, never a panic, a
/// stack overflow or a hang.
#[test]
fn hostile_pages_are_read() {
    let paragraph = "<p>Plain words in a paragraph, long enough to be scored as one.</p>";
    let cases: Vec<(&str, String)> = vec![
        ("nested divs", "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000)),
        ("nested tables", "<table><tr><td>".repeat(20_000) + "cell text"),
        ("nested links", "<a href=x>".repeat(50_000) + "link text"),
        ("nested reviews", paragraph.to_string() + &"<div class=review><p>review text</p>".repeat(50_000)),
        ("unclosed everything", "<div><p><b><i><span>open text".repeat(20_000)),
        ("many siblings", "<ul>".to_string() + &"<li>item text</li>".repeat(100_000) + "</ul>"),
        ("huge attribute", format!("<div class=\"{}\">attribute text</div>", "x".repeat(2_000_000))),
        ("unterminated comment", format!("{paragraph}<!-- never closed {}", "<p>hidden</p>".repeat(1000))),
        ("unterminated script", format!("{paragraph}<script>if (a</script b) {{ {}", "x".repeat(100_000))),
        ("nul and controls", format!("<p>nul\u{0}text\u{1}\u{7f}</p>{paragraph}")),
        ("plaintext", format!("{paragraph}<plaintext><p>not a tag</p>")),
        ("bidi and zero width", "<p>\u{202e}reversed\u{202c} \u{200b}text</p>".to_string()),
        ("multi-megabyte", "<html><body><article>".to_string() + &paragraph.repeat(60_000) + "</article></body></html>"),
    ];
    for (name, page) in cases {
        // Read as a discussion too, whose posts' details are looked for over
        // the whole tree, and as a product, whose reviews are set apart.
        for kind in [None, Some(html::PageKind::Forum), Some(html::PageKind::Product)] {
            let result = clean_input(&page, Format::Html, &Config { kind, ..Config::default() }.plan().unwrap());
            assert!(!result.before.is_empty(), "{name}: no visible text");
            assert_eq!(rinse_core::apply(&result.before, &result.cleaned.edits), result.cleaned.text, "{name}");
        }
    }
}

#[test]
fn a_thread_keeps_its_question_and_every_answer_not_only_the_longest() {
    let page = fixture("thread-replies.html");
    let result = clean_input(&page, Format::Html, &plan());
    for answer in [
        "My three-week-old starter smells sharply of nail varnish",
        "It is not ruined; it is hungry.",
        "Keeping it in the fridge between bakes slows it down",
        "A little rye flour in each feed helps it recover",
    ] {
        assert!(result.cleaned.text.contains(answer), "{answer:?} lost from {:?}", result.cleaned.text);
    }
    for furniture in ["Log in", "Privacy"] {
        assert!(!result.cleaned.text.contains(furniture), "{furniture:?} kept");
    }
}

/// Cleans fixture `name` (as if it came from `address`, when given) and
/// checks its output, its kind and the reasons of its dropped blocks.
fn check_kind_fixture(name: &str, address: Option<&str>, markdown: bool, kind: &str, reasons: &[&str]) {
    let page = fixture(&format!("{name}.html"));
    let mut config = Config::default();
    if markdown {
        config.output.to = rinse_core::To::Markdown;
    }
    let result = rinse_core::clean_input_from(&page, Format::Html, &config.plan().unwrap(), address);
    let extension = if markdown { "clean.md" } else { "clean.txt" };
    assert_eq!(result.cleaned.text, fixture(&format!("{name}.{extension}")), "{name}");
    assert_eq!(result.cleaned.kind.map(|found| found.to_string()).as_deref(), Some(kind), "{name}");
    let dropped: Vec<&str> = result.cleaned.edits.iter().filter(|e| e.rule == "html-main-content").map(|e| e.reason.as_ref()).collect();
    assert_eq!(dropped, reasons, "{name}");
}

#[test]
fn a_service_page_keeps_every_section() {
    check_kind_fixture(
        "ferry-service",
        None,
        false,
        "service (its address is a site's front page)",
        &["inside <header>", "inside <footer>"],
    );
}

#[test]
fn a_listing_keeps_every_entry() {
    check_kind_fixture(
        "walks-listing",
        None,
        false,
        "listing (its address has /tag/)",
        &["class contains 'header'", "class contains 'pagination'", "class contains 'sidebar'", "inside <footer>"],
    );
}

#[test]
fn a_product_keeps_its_description_and_specifications_and_drops_its_reviews_unless_told_not_to() {
    check_kind_fixture(
        "lantern-product",
        None,
        false,
        "product (its structured data says Product)",
        &[
            "class contains 'header'", "the page title, repeated as a headline", "outside the main content", "class contains 'related'",
            "inside <footer>",
        ],
    );
    let page = fixture("lantern-product.html");
    let result = clean_input(&page, Format::Html, &plan());
    let reviews: Vec<(&str, &str)> = result
        .cleaned
        .edits
        .iter()
        .filter(|e| e.rule == "product-reviews")
        .map(|e| (&result.before[e.start..e.end], e.reason.as_ref()))
        .collect();
    assert_eq!(reviews.len(), 1, "the reviews go as one block: {reviews:?}");
    assert!(reviews[0].0.starts_with("Customer reviews (3)\nMara, 3 May 2026\n"), "{reviews:?}");
    assert!(reviews[0].0.ends_with("both arrived well packed in straw.\n"), "{reviews:?}");
    assert_eq!(reviews[0].1, "customer reviews of the product");
    // Turned off, the reviews stay beside the product's own text, every one.
    let config: Config = serde_json::from_str(r#"{"rules":{"product-reviews":{"enabled":false}}}"#).unwrap();
    let kept = clean_input(&page, Format::Html, &config.plan().unwrap()).cleaned.text;
    assert_eq!(kept, fixture("lantern-product.clean.txt") + reviews[0].0, "{kept:?}");
}

#[test]
fn a_collection_keeps_every_product_card() {
    // The shop's filters go, as links or as labels (its facets: price,
    // capacity, material), though their short lines outnumber the cards'.
    // The bar above the page ("Free delivery …") is read as part of it: no
    // markup marks it, and a name such as 'announcement' is no better a
    // sign (on WCXB's pages it changed none; on Readability's it cost one).
    check_kind_fixture(
        "kettle-collection",
        None,
        false,
        "collection (its address has /collections/)",
        &[
            "outside the main content", "inside <header>", "the page title, repeated as a headline", "link-dense block",
            "class contains 'facet'", "inside <footer>",
        ],
    );
}

#[test]
fn a_thread_keeps_every_post_and_drops_its_authors_lines_unless_told_not_to() {
    let address = Some("https://harbour.example/t/winter-moorings/42");
    check_kind_fixture(
        "mooring-thread",
        address,
        false,
        "forum (its address has /t/)",
        &["class contains 'header'", "the page title, repeated as a headline", "class contains 'sidebar'", "inside <footer>"],
    );
    let page = fixture("mooring-thread.html");
    let result = rinse_core::clean_input_from(&page, Format::Html, &plan(), address);
    let authors: Vec<&str> =
        result.cleaned.edits.iter().filter(|e| e.rule == "post-authors").map(|e| &result.before[e.start..e.end]).collect();
    assert_eq!(
        authors,
        ["mara Regular\n3 Nov 2026, 10:02 #1\n", "tomasz Member\n3 Nov 2026, 11:40 #2\n", "ines Harbour staff\n4 Nov 2026, 08:15 #3\n"]
    );
    // Turned off, every post keeps who wrote it and when, the first as the rest.
    let config: Config = serde_json::from_str(r#"{"rules":{"post-authors":{"enabled":false}}}"#).unwrap();
    let kept = rinse_core::clean_input_from(&page, Format::Html, &config.plan().unwrap(), address).cleaned.text;
    for line in ["mara Regular", "3 Nov 2026, 10:02 #1", "ines Harbour staff", "4 Nov 2026, 08:15 #3"] {
        assert!(kept.lines().any(|l| l == line), "{line:?} lost: {kept:?}");
    }
    assert_eq!(kept.lines().filter(|l| !l.is_empty()).count(), fixture("mooring-thread.clean.txt").lines().count() + 6);
}

#[test]
fn documentation_keeps_its_code_table_and_lists_and_drops_its_side_menu() {
    let reasons = ["inside <header>", "class contains 'sidebar'", "the page title, repeated as a headline", "inside <footer>"];
    // As flat text too, the code keeps its indentation: no rule changes a
    // preformatted block but by removing it whole.
    check_kind_fixture(
        "kiln-guide",
        Some("https://clay.example/docs/kilns/firing"),
        false,
        "documentation (its address has /docs/)",
        &reasons,
    );
    assert!(fixture("kiln-guide.clean.txt").contains("PROG 2\n  SEG 1  RATE 150  TEMP 1100\n  SEG 2  RATE 60   TEMP 1222  HOLD 10\n"));
    check_kind_fixture(
        "kiln-guide",
        Some("https://clay.example/docs/kilns/firing"),
        true,
        "documentation (its address has /docs/)",
        &reasons,
    );
}

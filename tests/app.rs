//! The page mounted in a real browser, driven through its DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A scrape: a paragraph said twice amid menus and share prompts.
const REPEATED: &str = "Home | News | Sport | Weather\nWorld | Business | Science | Travel\n\
    The bridge reopened to traffic on Friday morning.\n\
    Engineers had worked through the night.\n\
    The bridge reopened to traffic on Friday morning.\n\
    Share on Facebook\nShare on X\nPrivacy | Terms | Contact\n";
const ARTICLE: &str = "The bridge reopened to traffic on Friday morning.\nEngineers had worked through the night.\n";

/// A fresh page: settings saved by an earlier test are forgotten first.
fn mount() -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let document = window.document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone().unchecked_into(), rinse_web::App).forget();
    host
}

fn find<T: JsCast>(host: &Element, test_id: &str) -> T {
    host.query_selector(&format!("[data-testid='{test_id}']")).unwrap().expect(test_id).unchecked_into()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

/// Lets the page's effects run: a change travels from a signal through the
/// memos derived from it to the DOM over more than one tick.
async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

async fn type_into(host: &Element, text: &str) {
    let input: HtmlTextAreaElement = find(host, "input");
    input.set_value(text);
    fire(&input, "input");
    settle().await;
}

#[wasm_bindgen_test]
async fn typing_cleans_and_marks_each_change() {
    let host = mount();
    type_into(&host, REPEATED).await;

    let output: HtmlTextAreaElement = find(&host, "output");
    assert_eq!(output.value(), ARTICLE);
    let changes = host.query_selector_all("[data-testid='change'][data-rule='duplicate-paragraphs']").unwrap();
    assert_eq!(changes.length(), 1);
    let change: Element = changes.get(0).unwrap().unchecked_into();
    assert_eq!(change.get_attribute("data-rule").as_deref(), Some("duplicate-paragraphs"));
    assert_eq!(change.get_attribute("data-kind").as_deref(), Some("delete"));
    assert!(change.get_attribute("title").unwrap().contains("repeats an earlier paragraph"));

    type_into(&host, "  two   spaces ").await;
    assert_eq!(output.value(), "two spaces");
    assert_eq!(host.query_selector_all("[data-testid='change']").unwrap().length(), 3);
}

#[wasm_bindgen_test]
async fn the_minimal_preset_keeps_duplicates() {
    let host = mount();
    type_into(&host, REPEATED).await;
    let preset: HtmlSelectElement = find(&host, "preset");
    preset.set_value("minimal");
    fire(&preset, "change");
    settle().await;
    let output: HtmlTextAreaElement = find(&host, "output");
    assert_eq!(output.value(), REPEATED);
    assert_eq!(host.query_selector_all("[data-testid='change']").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn each_rule_has_a_toggle_and_a_count_from_the_registry() {
    let host = mount();
    type_into(&host, REPEATED).await;
    for rule in rinse_core::rules::REGISTRY {
        let id = rule.info().id;
        let _: web_sys::HtmlInputElement = find(&host, &format!("rule-toggle-{id}"));
        let _: Element = find(&host, &format!("rule-count-{id}"));
    }
    let count: Element = find(&host, "rule-count-duplicate-paragraphs");
    assert_eq!(count.text_content().as_deref(), Some("1"));

    let toggle: web_sys::HtmlInputElement = find(&host, "rule-toggle-duplicate-paragraphs");
    assert!(toggle.checked());
    toggle.set_checked(false);
    fire(&toggle, "change");
    settle().await;
    let output: HtmlTextAreaElement = find(&host, "output");
    assert_eq!(output.value(), format!("{ARTICLE}The bridge reopened to traffic on Friday morning.\n"));
    assert_eq!(count.text_content().as_deref(), Some("0"));
}

#[wasm_bindgen_test]
fn an_outcome_crosses_to_the_worker_and_back_unchanged() {
    use rinse_web::job::{run, Summary};
    let config = rinse_core::Config::default();
    let outcome = run("Same line.\nSame line.\nA  gap.\n", &config, rinse_core::Format::Auto, || 0.0).unwrap();
    let json = serde_json::to_string(&Summary::of(&outcome)).unwrap();
    let summary: Summary = serde_json::from_str(&json).unwrap();
    let back = summary.into_outcome(outcome.before.clone(), outcome.cleaned.text.clone());
    assert_eq!(back, outcome);
}

//! The rinse cleaning engine.
//!
//! [`clean`] runs the rules a [`Config`] picks over a text and returns the
//! cleaned text with the [`Edit`]s that produced it: each edit is a byte range
//! of the original, its replacement, the rule that made it and why. Applying
//! the edits to the original gives the cleaned text, so every change can be
//! shown, explained and rejected.

//!
//! The modules, from the bottom up: [`edit`] (changes and how they
//! compose); [`reading`], the engine's one reading of each line and what
//! feeds it (decoding, character classes, stop words, phrase lists);
//! [`html`], page source read into visible text; [`scorer`], the fitted
//! line model over that reading; [`rules`], one rule a file, over the
//! reading; [`config`], which rules run and how; [`parts`], how a long text
//! is cleaned a part at a time; and around them what the
//! hosts share: [`format`], [`jsonl`], [`signals`], [`stats`], [`timings`].

pub mod config;
pub mod custom;
pub mod edit;
pub mod format;
pub mod html;
pub mod jsonl;
pub mod parts;
pub mod reading;
pub mod rule;
pub mod rules;
pub mod scorer;
pub mod signals;
pub mod stats;
pub mod timings;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::Duration;

pub use config::{Config, ConfigError, Plan};
pub use edit::{apply, apply_except, Edit, EditKind};
pub use format::{Format, Output, To};
pub use html::Markdown;
pub use reading::decode::{decode, decode_owned, DecodeError, Decoded};
pub use rule::{Group, Preset, Rule, RuleInfo};
pub use signals::Signals;
pub use stats::Stats;
pub use timings::Timings;

use edit::{compose, tidy_changes};
use reading::Doc;

/// The result of cleaning one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    /// Sorted, disjoint edits against the original.
    pub edits: Vec<Edit>,
    /// How many changes each rule made (rules that made none are absent).
    pub counts: BTreeMap<&'static str, usize>,
    /// Quality signals of the cleaned text and a keep/drop verdict, when the plan asks for them.
    pub signals: Option<Signals>,
    /// Where the time went, when the plan has a clock.
    pub timings: Option<Timings>,
    /// What cleaning decided that no single edit shows: how a page was read
    /// (as a discussion, as its structured data says; or line by line,
    /// because what its structure pointed to kept too little).
    pub note: Option<String>,
    /// A page's kind, when it was set by hand or the page says it.
    pub kind: Option<html::KindFound>,
}

/// Most passes of the whole plan; real text settles in two.
const MAX_PASSES: usize = 4;

/// Cleans `original` with the rules of `plan`, in order.
///
/// Removing a line can bring together lines that a rule earlier in the plan
/// would now remove (a duplicate between two share buttons, say), so the
/// plan runs again over its own output until a pass changes nothing: the
/// result is a fixed point, and cleaning it again changes nothing. A text
/// longer than [`parts::PART_BYTES`] is cleaned a part at a time; its parts
/// cleaned again may be cut elsewhere, and lose a line more.
pub fn clean(original: &str, plan: &Plan) -> Cleaned {
    clean_text(original.to_string(), plan)
}

/// What cleaning an input gave: the text the edits apply to, and the result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleanedInput<'a> {
    /// `Text` or `Html`, as stated or detected.
    pub format: Format,
    /// The text the edits are against: the input itself (borrowed, not
    /// copied: inputs can be large), or a page's whole visible text.
    pub before: Cow<'a, str>,
    pub cleaned: Cleaned,
}

/// Cleans text or page source. A page is read into its visible text, which
/// is what the edits apply to, so the blocks dropped as outside its main
/// content are edits like any other.
pub fn clean_input<'a>(input: &'a str, format: Format, plan: &Plan) -> CleanedInput<'a> {
    clean_input_from(input, format, plan, None)
}

/// [`clean_input`] of an input that came from `address` (a page's URL),
/// which may tell the page's kind.
pub fn clean_input_from<'a>(input: &'a str, format: Format, plan: &Plan, address: Option<&str>) -> CleanedInput<'a> {
    let format = format.resolve(input);
    if format == Format::Html {
        let (page, reading) = read_timed(plan, format, || html::read_as(input, &page_reading(plan, address)));
        let (before, cleaned) = clean_page(page, plan, reading);
        return CleanedInput { format, before: Cow::Owned(before), cleaned };
    }
    CleanedInput { format, before: Cow::Borrowed(input), cleaned: clean_text(input.to_string(), plan) }
}

/// [`clean_input_from`] for a caller that has no further use for its input
/// and does not need the text the edits are against: the input itself
/// becomes the working copy, so a large document is held once, not twice.
pub fn clean_input_owned(input: String, format: Format, plan: &Plan, address: Option<&str>) -> (Format, Cleaned) {
    let format = format.resolve(&input);
    if format == Format::Html {
        let (page, reading) = read_timed(plan, format, || html::read_as(&input, &page_reading(plan, address)));
        return (format, clean_page(page, plan, reading).1);
    }
    (format, clean_text(input, plan))
}

/// Cleans a text, a part at a time when it is long ([`parts`]).
fn clean_text(text: String, plan: &Plan) -> Cleaned {
    clean_in_parts(text, plan, parts::PART_BYTES)
}

/// Cleans `text` in parts of about `part_bytes` ([`parts::of`]), each as a
/// text of its own, joining their results: the cleaned parts one after
/// another, their edits moved to where the parts lie in `text`. The blank
/// line between two parts stays between what is left of them; where one
/// of the two was cleaned away, it is removed by `blank-lines` (when the
/// plan has it), as it would have been had the text been cleaned whole.
fn clean_in_parts(text: String, plan: &Plan, part_bytes: usize) -> Cleaned {
    let parts = parts::of(&text, part_bytes);
    if parts.len() == 1 {
        return clean_doc(Doc::new(text), plan, Duration::ZERO);
    }
    let blank_lines = plan.steps.iter().any(|step| step.id() == rules::blank_lines::ID);
    let mut whole = Cleaned { text: String::with_capacity(text.len()), ..Cleaned::default() };
    for (index, range) in parts.iter().enumerate() {
        let part = run_plan(Doc::new(text[range.clone()].to_string()), plan, Duration::ZERO);
        // The blank line before this part, if any.
        let gap = index.checked_sub(1).map_or(0..0, |before| parts[before].end..range.start);
        if !gap.is_empty() {
            if blank_lines && (whole.text.is_empty() || part.text.is_empty()) {
                whole.edits.push(Edit {
                    start: gap.start,
                    end: gap.end,
                    replacement: String::new(),
                    rule: rules::blank_lines::ID.into(),
                    reason: "blank line left beside removed text".into(),
                    inner: Vec::new(),
                });
                *whole.counts.entry(rules::blank_lines::ID).or_default() += 1;
            } else {
                whole.text.push_str(&text[gap]);
            }
        }
        whole.text.push_str(&part.text);
        whole.edits.extend(part.edits.into_iter().map(|edit| edit.shifted(range.start)));
        for (rule, count) in part.counts {
            *whole.counts.entry(rule).or_default() += count;
        }
        if let Some(timings) = part.timings {
            whole.timings.get_or_insert_with(Timings::default).add(&timings);
        }
    }
    if let Some(timings) = &mut whole.timings {
        timings.documents = 1;
    }
    with_signals(whole, plan)
}

/// How `plan` reads a page that came from `address`.
fn page_reading<'a>(plan: &Plan, address: Option<&'a str>) -> html::Reading<'a> {
    html::Reading { markdown: plan.markdown, kind: plan.kind, address }
}

/// How much text `text` holds, alike in every script: its characters that
/// are not blank (Chinese and Japanese put no spaces between words).
fn extent(text: &str) -> usize {
    reading::blanks::non_blank_chars(text)
}

/// Cleans a page read from its markup. Its main content is first taken
/// from its structure; when the rules then leave little of it, the page's
/// whole visible text is judged line by line by `main-content` as well, and
/// that reading is used when the first keeps less than `main-content`'s
/// `page_share` of what it keeps. Both readings' edits are against the same
/// visible text, each naming its rule.
///
/// The line-by-line reading is only a second opinion where it can judge:
/// when the text's language has a stop-word list (the scorer tells prose
/// by it) and `main-content` found furniture to cut. Gives the page's
/// visible text, which the edits are against, with the result.
fn clean_page(mut page: html::Page, plan: &Plan, read_time: Duration) -> (String, Cleaned) {
    use html::PageKind::*;
    let page_kind = page.kind.as_ref().map(|found| found.kind);
    // A page known to be a listing, a collection, documentation or a
    // service page trusts its line reading sooner.
    let share_param = match page_kind {
        Some(Listing | Collection | Documentation | Service) => "page_share_other_kinds",
        _ => "page_share",
    };
    let params = plan.steps.iter().find_map(|step| match step {
        config::Step::Builtin { rule, params } if rule.info().id == rules::main_content::ID => Some(params),
        _ => None,
    });
    let share = params.map(|params| params.float(share_param));
    // So does one that does not say it is one article, a thread or a
    // product, when its line reading keeps much of its text.
    let says_one_whole = matches!(page_kind, Some(Article | Forum | Product)) || page.one_article;
    let broad = params.filter(|_| !says_one_whole).map(|params| (params.float("broad_reading"), params.float("page_share_broad")));
    let visible = page.text.clone();
    let preformatted = page.preformatted.clone();
    let note = page.note.take();
    let kind = page.kind.take();
    let furniture = std::mem::take(&mut page.furniture);
    let asides = page.asides.clone();
    let mut by_structure = clean_doc(page.into_doc(), plan, read_time);
    by_structure.note = note;
    by_structure.kind = kind.clone();
    let Some(share) = share.filter(|&share| share > 0.0) else { return (visible, by_structure) };
    let kept = extent(&by_structure.text) as f64;
    let visible_extent = extent(&visible) as f64;
    let broad_share = broad.map_or(share, |(_, broad_share)| share.max(broad_share));
    if kept >= broad_share * visible_extent || reading::stopwords::for_text(&visible).is_none() {
        return (visible, by_structure);
    }
    let by_lines_doc = Doc::from_page_text(visible.clone(), furniture).with_preformatted(preformatted).with_asides(asides);
    let mut by_lines = clean_doc(by_lines_doc, plan, Duration::ZERO);
    let judged = by_lines.counts.contains_key(rules::main_content::ID);
    let by_lines_kept = extent(&by_lines.text) as f64;
    let share = match broad {
        Some((broad_reading, _)) if by_lines_kept >= broad_reading * visible_extent => broad_share,
        _ => share,
    };
    if !judged || kept >= share * by_lines_kept {
        return (visible, by_structure);
    }
    by_lines.kind = kind;
    by_lines.note = Some(format!(
        "read line by line: the block its structure points to keeps {:.0} % of the text that judging its lines keeps",
        100.0 * kept / by_lines_kept
    ));
    // The time spent on both readings, for one document.
    if let (Some(lines), Some(structure)) = (&mut by_lines.timings, &by_structure.timings) {
        lines.add(structure);
        lines.documents = 1;
    }
    (visible, by_lines)
}

/// What `read` gives, and how long it took when it read page source and the
/// plan has a clock.
fn read_timed<T>(plan: &Plan, format: Format, read: impl FnOnce() -> T) -> (T, Duration) {
    let started = plan.clock.filter(|_| format == Format::Html).map(|clock| (clock, clock()));
    let read = read();
    (read, started.map_or(Duration::ZERO, |(clock, started)| clock().saturating_sub(started)))
}

/// Cleans `doc`; `reading` is the time it took to read it from page source.
fn clean_doc(doc: Doc, plan: &Plan, reading: Duration) -> Cleaned {
    with_signals(run_plan(doc, plan, reading), plan)
}

/// `cleaned` with the signals of its text, when the plan asks for them.
fn with_signals(mut cleaned: Cleaned, plan: &Plan) -> Cleaned {
    if !plan.signals {
        return cleaned;
    }
    let started = plan.clock.map(|clock| (clock, clock()));
    cleaned.signals = Some(Signals::of(&cleaned.text));
    if let (Some((clock, started)), Some(timings)) = (started, &mut cleaned.timings) {
        timings.signals = clock().saturating_sub(started);
    }
    cleaned
}

/// Runs the rules of `plan` over `doc` (see [`clean`]); `reading` is the
/// time it took to read it from page source.
fn run_plan(doc: Doc, plan: &Plan, reading: Duration) -> Cleaned {
    // The text as the rules so far left it, with the views of it they share.
    let mut doc = doc.with_markdown(plan.markdown.is_some());
    let mut timer = plan.clock.map(|clock| Timer::new(clock, plan, reading));
    let mut edits = Vec::new();
    let mut counts = BTreeMap::new();
    // Counts of changes so far, of those that did more than delete whole
    // lines, and of those that did more than delete blank lines.
    let mut version = 0usize;
    let mut content_version = 0usize;
    let mut shape_version = 0usize;
    // For each step, the versions at which it last ran and found nothing to do:
    // it need not run again on the same text, nor, if it looks at each line
    // alone, on the same text with some lines removed, nor, if it looks only
    // at the lines that are not blank, on the same text with blank lines removed.
    let mut settled: Vec<Option<(usize, usize, usize)>> = vec![None; plan.steps.len()];
    for _ in 0..MAX_PASSES {
        let mut changed = false;
        for (index, step) in plan.steps.iter().enumerate() {
            if let Some((at, content_at, shape_at)) = settled[index] {
                if at == version
                    || step.line_local() && content_at == content_version
                    || step.blank_insensitive() && shape_at == shape_version
                {
                    continue;
                }
            }
            let id = step.id();
            let started = timer.as_ref().map(Timer::now);
            let mut changes = step.apply(&doc);
            tidy_changes(doc.text(), &mut changes);
            if !changes.is_empty() {
                reading::structure::keep_blocks_whole(doc.guarded(), &mut changes);
                doc.keep_preformatted_whole(&mut changes);
            }
            if let (Some(timer), Some(started)) = (&mut timer, started) {
                timer.ran(index, started, !changes.is_empty());
            }
            if changes.is_empty() {
                settled[index] = Some((version, content_version, shape_version));
                continue;
            }
            changed = true;
            version += 1;
            let whole_lines = reading::deletes_whole_lines(doc.text(), &changes);
            if !whole_lines {
                content_version += 1;
            }
            if !reading::deletes_blank_lines(doc.text(), &changes) {
                shape_version += 1;
            }
            // A rule that judges each line alone has nothing more to do on
            // the lines it kept, when all it did was remove lines.
            settled[index] = (step.line_local() && whole_lines).then_some((version, content_version, shape_version));
            *counts.entry(id).or_default() += changes.len();
            let started = timer.as_ref().map(Timer::now);
            let furniture = if step.group() == Group::Boilerplate { reading::lines_deleted(doc.text(), &changes) } else { 0 };
            edits = compose(doc.text(), edits, changes.clone(), id);
            doc = doc.apply(&changes);
            doc.cut_furniture(furniture);
            if let (Some(timer), Some(started)) = (&mut timer, started) {
                timer.timings.applying += timer.since(started);
            }
        }
        if !changed {
            break;
        }
    }
    let text = doc.into_text();
    Cleaned { text, edits, counts, signals: None, timings: timer.map(|timer| timer.timings), note: None, kind: None }
}

/// The plan's clock, and what it has measured of one document.
struct Timer {
    clock: timings::Clock,
    timings: Timings,
}

impl Timer {
    fn new(clock: timings::Clock, plan: &Plan, reading: Duration) -> Timer {
        let mut timings = Timings::new(plan.steps.iter().map(config::Step::id));
        timings.documents = 1;
        timings.reading = reading;
        Timer { clock, timings }
    }

    fn now(&self) -> Duration {
        (self.clock)()
    }

    fn since(&self, started: Duration) -> Duration {
        self.now().saturating_sub(started)
    }

    /// Counts a run of step `index` that began at `started`.
    fn ran(&mut self, index: usize, started: Duration, changed: bool) {
        let time = self.since(started);
        let step = &mut self.timings.steps[index];
        step.runs += 1;
        step.changed += usize::from(changed);
        step.time += time;
    }
}

/// Cleans `original` under `config`.
pub fn clean_with(original: &str, config: &Config) -> Result<Cleaned, ConfigError> {
    Ok(clean(original, &config.plan()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MENU: &str = "Home\nFerries\nMoorings\nWeather\nContact\n";
    const NEWS: &str = "The ferry to the island will run to its summer timetable from the first week of May, with four crossings a day.\n\
        Twenty new moorings on the east pier can be booked from Monday, and the harbour office will answer questions by phone.\n\
        A new waiting room with heating and a cafe opens at the pier next spring, paid for by the county and the harbour trust.\n\
        Work to deepen the channel begins in the autumn, so that larger boats can reach the inner harbour at low tide.\n";
    const FOOTER: &str = "Privacy\nTerms\nCookies\nJobs\n";

    /// A page's visible text read as its structure would have it: `kept`, one
    /// of its lines, the main content, and every other line dropped.
    fn page(kept: &str) -> html::Page {
        let text = format!("{MENU}Harbour guide\n{NEWS}{FOOTER}");
        let start = text.find(kept).expect("a line of the page");
        let end = start + kept.len() + 1;
        let dropped = [0..start, end..text.len()]
            .into_iter()
            .filter(|range| !range.is_empty())
            .map(|range| html::Dropped { range, reason: "outside the main content".into() })
            .collect();
        html::Page { text, dropped, ..html::Page::default() }
    }

    fn plan(page_share: f64) -> Plan {
        plan_with("page_share", page_share)
    }

    /// The article preset with `main-content`'s parameter `name` set to `value`.
    fn plan_with(name: &str, value: f64) -> Plan {
        let mut config = Config::preset(Preset::Article);
        config.rules.entry("main-content".into()).or_default().params.insert(name.into(), serde_json::json!(value));
        config.plan().expect("a valid config")
    }

    #[test]
    fn furniture_cut_early_still_shows_a_scrape_to_the_rules_after() {
        let news: Vec<&str> = NEWS.lines().collect();
        let repeated = format!("{}\n{}\n{}\n", news[0], news[1], news[0]);
        // Alone, the repeat was meant; amid share prompts, which go first, it was not.
        assert_eq!(clean_with(&repeated, &Config::default()).unwrap().text, repeated);
        let scrape = format!("Share on Facebook\nShare on X\nShare on LinkedIn\n{repeated}Follow us on Instagram\n");
        let cleaned = clean_with(&scrape, &Config::default()).unwrap();
        assert_eq!(cleaned.text, format!("{}\n{}\n", news[0], news[1]));
        assert_eq!(cleaned.counts.get("duplicate-paragraphs"), Some(&1));
    }

    #[test]
    fn a_page_whose_structure_keeps_little_is_judged_line_by_line() {
        let (_, cleaned) = clean_page(page("Harbour guide"), &plan(rules::main_content::PAGE_SHARE), Duration::ZERO);
        assert!(cleaned.text.contains(NEWS), "{}", cleaned.text);
        assert!(!cleaned.text.contains("Moorings\n") && !cleaned.text.contains("Cookies"), "{}", cleaned.text);
        assert!(cleaned.counts.contains_key(rules::main_content::ID) && !cleaned.counts.contains_key("html-main-content"));
        assert!(cleaned.note.as_deref().is_some_and(|note| note.starts_with("read line by line")), "{:?}", cleaned.note);
    }

    #[test]
    fn a_consent_panel_stays_out_of_the_line_reading() {
        // A preference centre's prose reads like any other; the structure
        // knows the panel by its name, and the line reading starts without it.
        let panel = "These tools count the visits to each page and show us which timetables are read most, so that the pages people need can be made clearer.\n";
        let mut page = page("Harbour guide");
        let start = page.text.len();
        page.text.push_str(panel);
        let block = html::Dropped { range: start..page.text.len(), reason: "a consent panel: id contains 'onetrust'".into() };
        page.dropped.push(block.clone());
        page.furniture.push(block);
        let (_, cleaned) = clean_page(page, &plan(rules::main_content::PAGE_SHARE), Duration::ZERO);
        assert!(cleaned.note.as_deref().is_some_and(|note| note.starts_with("read line by line")), "{:?}", cleaned.note);
        assert!(cleaned.text.contains(NEWS) && !cleaned.text.contains("timetables are read most"), "{}", cleaned.text);
        let reasons: Vec<(&str, &str)> = cleaned.edits.iter().map(|edit| (edit.rule.as_ref(), edit.reason.as_ref())).collect();
        assert!(reasons.contains(&("html-main-content", "a consent panel: id contains 'onetrust'")), "{reasons:?}");
    }

    #[test]
    fn a_page_read_as_a_discussion_says_so() {
        let thread = |data: &str| {
            format!(
                "<html><head>{data}</head><body><nav><a href=/>Home</a> <a href=/forum>Forum</a></nav><main>\
                 <div class=question><p>{}</p></div><div class=answers><div class=reply><p>{}</p></div><div class=reply><p>{}</p></div></div>\
                 </main></body></html>",
                NEWS.lines().next().unwrap_or_default(),
                NEWS.lines().nth(1).unwrap_or_default(),
                NEWS.lines().nth(2).unwrap_or_default(),
            )
        };
        let plan = Config::default().plan().expect("the defaults");
        let data = "<script type=\"application/ld+json\">{\"@type\": \"QAPage\"}</script>";
        let cleaned = clean_input(&thread(data), Format::Html, &plan).cleaned;
        assert!(cleaned.note.as_deref().is_some_and(|note| note.starts_with("read as a discussion")), "{:?}", cleaned.note);
        assert_eq!(cleaned.kind.map(|found| found.to_string()).as_deref(), Some("forum (its structured data says QAPage)"));
        let unsaid = clean_input(&thread(""), Format::Html, &plan).cleaned;
        assert_eq!((unsaid.note, unsaid.kind), (None, None));
        // Set by hand, the same page is read as a thread though it says nothing.
        let config = Config { kind: Some(html::PageKind::Forum), ..Config::default() };
        let by_hand = clean_input(&thread(""), Format::Html, &config.plan().expect("a valid config")).cleaned;
        assert!(by_hand.note.as_deref().is_some_and(|note| note.starts_with("read as a discussion (set by hand)")), "{:?}", by_hand.note);
        assert_eq!(by_hand.kind, Some(html::KindFound::by_hand(html::PageKind::Forum)));
    }

    #[test]
    fn a_page_of_a_kind_made_of_many_parts_trusts_its_line_reading_sooner() {
        use html::PageKind::*;
        let first = NEWS.lines().next().expect("a line");
        let of_kind = |kind: Option<html::PageKind>| html::Page { kind: kind.map(html::KindFound::by_hand), ..page(first) };
        let plan = plan(rules::main_content::PAGE_SHARE);
        // One of four paragraphs: enough for an article, too little of a listing.
        for kind in [Some(Article), Some(Forum), Some(Product)] {
            let (_, cleaned) = clean_page(of_kind(kind), &plan, Duration::ZERO);
            assert_eq!(cleaned.text, format!("{first}\n"), "{kind:?}");
        }
        let (_, one_article) = clean_page(html::Page { one_article: true, ..page(first) }, &plan, Duration::ZERO);
        assert_eq!(one_article.text, format!("{first}\n"), "a page holding one <article> says it is one");
        for kind in [Listing, Collection, Documentation, Service] {
            let (_, cleaned) = clean_page(of_kind(Some(kind)), &plan, Duration::ZERO);
            assert!(cleaned.text.contains(NEWS), "{kind:?}: {}", cleaned.text);
            assert!(cleaned.note.as_deref().is_some_and(|note| note.starts_with("read line by line")), "{:?}", cleaned.note);
            assert_eq!(cleaned.kind, Some(html::KindFound::by_hand(kind)));
        }
    }

    #[test]
    fn a_page_that_says_nothing_of_its_kind_is_read_line_by_line_when_its_lines_keep_much_of_it() {
        let first = NEWS.lines().next().expect("a line");
        // The lines keep the four paragraphs, most of the page; the
        // structure one of them, a section of a page of several.
        let (_, by_lines) = clean_page(page(first), &plan_with("broad_reading", rules::main_content::BROAD_READING), Duration::ZERO);
        assert!(by_lines.text.contains(NEWS), "{}", by_lines.text);
        assert!(by_lines.note.as_deref().is_some_and(|note| note.starts_with("read line by line")), "{:?}", by_lines.note);
        // Were much of the page more than what the lines keep, one paragraph of four would be enough.
        let (_, by_structure) = clean_page(page(first), &plan_with("broad_reading", 0.95), Duration::ZERO);
        assert_eq!(by_structure.text, format!("{first}\n"));
    }

    #[test]
    fn a_page_whose_structure_keeps_enough_is_read_by_it() {
        let first = NEWS.lines().next().expect("a line");
        let article = html::Page { one_article: true, ..page(first) };
        let (_, by_structure) = clean_page(article, &plan(rules::main_content::PAGE_SHARE), Duration::ZERO);
        // One of four paragraphs is at least a fifth of what the lines keep.
        assert_eq!(by_structure.text, format!("{first}\n"));
        assert!(by_structure.counts.contains_key("html-main-content") && by_structure.note.is_none());
        let (_, trusted) = clean_page(page("Harbour guide"), &plan(0.0), Duration::ZERO);
        assert_eq!(trusted.text, "Harbour guide\n", "page_share 0 trusts the structure always");
    }

    #[test]
    fn a_long_text_is_cleaned_in_parts_whose_edits_are_against_the_whole() {
        let first = "The ferry to the island will run to its summer timetable from the first week of May.";
        let error = "404 Not Found\nThe requested URL was not found on this server.";
        let last = "Twenty new moorings on the east pier can\u{200B} be booked from Monday.";
        let text = format!("{first}\n\n{error}\n\n{last}\n");
        let plan = Config::default().plan().expect("the default plan");
        assert_eq!(parts::of(&text, 60).len(), 3, "one part a paragraph");
        let cleaned = clean_in_parts(text.clone(), &plan, 60);
        // The error page goes with the blank line beside it; the parts around it keep theirs.
        let expected = format!("{first}\n\n{}\n", last.replace('\u{200B}', ""));
        assert_eq!(cleaned.text, expected);
        assert_eq!(edit::apply(&text, &cleaned.edits), expected);
        assert!(cleaned.edits.windows(2).all(|pair| pair[0].end <= pair[1].start), "sorted and disjoint");
        let zero_width = text.find('\u{200B}').expect("a zero-width space");
        assert!(cleaned.edits.iter().any(|edit| edit.start == zero_width && edit.rule == "zero-width"));
        let gap = text.find(error).expect("the error") - 1;
        assert!(cleaned.edits.iter().any(|edit| edit.range() == (gap..gap + 1) && edit.rule == rules::blank_lines::ID));
        assert!(cleaned.counts.contains_key("error-page"));
        // Cleaned whole, the text comes out the same.
        assert_eq!(clean(&text, &plan).text, expected);
    }

    #[test]
    fn a_text_cleaned_in_parts_has_the_signals_of_its_whole_cleaned_text() {
        let paragraph = "The harbour office will answer questions about the new moorings by phone every weekday.";
        let text = [paragraph; 6].join("\n\n") + "\n";
        let plan = Config::preset(Preset::Corpus).plan().expect("the corpus plan");
        let cleaned = clean_in_parts(text.clone(), &plan, 100);
        assert!(parts::of(&text, 100).len() > 2);
        assert_eq!(cleaned.signals, Some(Signals::of(&cleaned.text)));
    }
}

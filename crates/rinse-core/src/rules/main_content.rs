use crate::edit::Change;
use crate::reading::Doc;
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};
use crate::scorer::{self, Evidence};

/// The article in a page's whole visible text.
pub struct MainContent;

/// Its id: the engine asks whether a plan judges lines.
pub const ID: &str = "main-content";

static INFO: RuleInfo = RuleInfo {
    id: ID,
    name: "Main content",
    group: Group::Extract,
    summary: "Finds the main text of a whole page's visible text and removes the menus, lists and footers around it.",
    doc: "A page's visible text holds its main text amid menus, teasers and footers. Each line is \
          judged by a model fitted to a thousand labelled pages of seven kinds (articles, forums, \
          products, listings, collections, documentation, service pages): it reads the line's words, \
          how much it reads like prose in the text's own language (stop words, a sentence end), its \
          shape (figures, capitals, separators, markup), the boilerplate phrases it holds, whether \
          it repeats, and the same of the lines around it; a second round judges each line again \
          knowing how its neighbours were judged. Runs of lines judged outside the main text go, \
          each with the evidence that decided it. What the labelled pages leave out or hold too \
          little of to teach is kept by rule: a sentence going on from the main text, before or \
          after it; a table of figures between two parts of the main text; the headline over a \
          stretch of it; and a block of code after it that the sentences below go on to explain. \
          Texts under `min_words` words are left alone, and so is a text where too little is \
          judged outside its main text to be page furniture (a share of its lines, or 25 lines in \
          text not written in Chinese, Japanese or Korean): a short or clean paste is what the user \
          meant. Markdown is judged as the plain text it stands for (its list, heading and quote \
          marks and its emphasis left out), as the model learned from plain text. Page source is \
          left to `html-main-content`, which reads the page's structure, unless what that leaves is far \
          less than judging the page's whole visible text keeps (`page_share`): the structure then \
          pointed to the wrong block, and this rule's reading is used.",
    example: Example {
        input: "Home\nNews\nRiver levels fall after a week of floods\n\
                The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday.\n\
                Residents who had left their homes were told that they could return once the water board had checked the supply.\n\
                Engineers will inspect the two bridges in the town before they are opened to lorries, which may take until the end of the month.\n\
                About us\nContact\nPrivacy\nTerms\n",
        output: "River levels fall after a week of floods\n\
                 The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday.\n\
                 Residents who had left their homes were told that they could return once the water board had checked the supply.\n\
                 Engineers will inspect the two bridges in the town before they are opened to lorries, which may take until the end of the month.\n",
    },
    params: &[
        ParamSpec { name: "min_words", doc: "Texts with fewer words are left as they are.", default: ParamDefault::Int(40) },
        ParamSpec {
            name: "page_share",
            doc: "Page source: when the block a page's structure points to keeps less than this share of \
                  the text that judging its whole visible text line by line keeps, the structure was wrong \
                  (a listing read as one teaser, a thread drawn by script) and the line-by-line reading is \
                  used. 0 trusts the structure always.",
            default: ParamDefault::Float(PAGE_SHARE),
        },
        ParamSpec {
            name: "page_share_other_kinds",
            doc: "`page_share` for a page known to be a listing, a collection, documentation or a service \
                  page (its kind set by hand): the line reading is trusted sooner there.",
            default: ParamDefault::Float(PAGE_SHARE_OTHER_KINDS),
        },
        ParamSpec {
            name: "broad_reading",
            doc: "Page source not known to be one article, a thread or a product (by its kind, or by \
                  holding one `<article>` element): when judging its lines keeps at least this share of \
                  its visible text, `page_share_broad` applies. Above 1, never.",
            default: ParamDefault::Float(BROAD_READING),
        },
        ParamSpec {
            name: "page_share_broad",
            doc: "`page_share` for a page whose line reading keeps much of it (`broad_reading`): a \
                  block of under this share of that is one section or one card of a page of many.",
            default: ParamDefault::Float(PAGE_SHARE_BROAD),
        },
    ],
    presets: &[Preset::Article, Preset::Corpus],
};

/// The default `page_share`. On the 1,135 WCXB pages of seven kinds,
/// picking it with whole domains held out gives 0.4 or 0.5 (held-out word
/// F1 0.8333 without it, 0.8503 with it); on Readability's articles
/// (`dev-html`) word F1 falls from 0.3 on (0.9675, then 0.9626 at 0.3 and
/// 0.9588 at 0.4), where a short article above long comments is read as
/// furniture around them. 0.2 is where both sets agree: WCXB 0.8451,
/// Readability unchanged. `cargo xtask fit` prints these figures again.
pub const PAGE_SHARE: f64 = 0.2;

/// `page_share` for pages known to be listings, collections, documentation
/// or service pages. On WCXB's 355 pages of those kinds, each read as of
/// its own kind, picking the share among 0.2, 0.3, 0.45, 0.6, 0.75 and 0.9
/// with whole domains held out gives 0.6 in four folds of five (0.9 in
/// one): held-out word F1 0.7639 at 0.2, 0.7833 so picked (service pages
/// 0.79 -> 0.83, listings 0.69 -> 0.72, 37 pages up and 13 down at 0.6).
/// Their menus and teasers are most of a page, and the block the structure
/// points to is more often one card or one section of many. Forums and
/// products are left at [`PAGE_SHARE`]: their own held-out picks scatter
/// (forums lose at 0.6, whose threads the structure finds), as articles lose
/// from 0.3 on.
pub const PAGE_SHARE_OTHER_KINDS: f64 = 0.6;

/// Share of a page's visible text its line reading keeps from which
/// [`PAGE_SHARE_BROAD`] applies, on a page that does not say it is one
/// article, a thread or a product. A service page or a listing of which
/// the structure finds one section or one card (agilecrm's, deloitte's,
/// wagwalking's) is read line by line then. Picked with
/// [`PAGE_SHARE_BROAD`] on the WCXB pages (`cargo xtask fit --page-share`,
/// 0.3 to 0.6 by 0.45 to 0.6) with whole domains held out: 0.5 in four
/// folds of five, 0.55 in three; word F1 0.8714 -> 0.8740 held out (0.8751
/// on all pages; raising [`PAGE_SHARE`] itself to 0.4 instead gives 0.8731
/// and costs Readability's articles 0.9697 -> 0.9609). Those are
/// unchanged: heise's page, whose line
/// reading keeps the teasers below its story, holds one `<article>` and is
/// left to its structure.
pub const BROAD_READING: f64 = 0.5;

/// `page_share` for a page whose line reading keeps much of it: see [`BROAD_READING`].
pub const PAGE_SHARE_BROAD: f64 = 0.55;

impl Rule for MainContent {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        // A page's markup shows its main content better; `html-main-content` has used it.
        if doc.is_page() {
            return Vec::new();
        }
        // The model reads lines as plain text: Markdown is judged as the
        // text it stands for, line for line, and its own lines are cut.
        let plain;
        let read = if doc.is_markdown() {
            plain = Doc::new(crate::reading::structure::as_plain_text(doc.text()));
            &plain
        } else {
            doc
        };
        // Chinese and Japanese write without spaces: two characters count as a word.
        let stop = read.stop_words();
        let cjk: usize = read.readings(stop).iter().map(|r| r.cjk).sum();
        let words: usize = read.word_counts().iter().sum();
        if words + cjk / 2 < params.int("min_words").max(0) as usize {
            return Vec::new();
        }
        // Most texts hold too little furniture to be cut at all: they need
        // no judging, nor the rest of the survey. (Only lines judged out
        // count below; these are all.)
        let share = scorer::furniture_share(doc);
        // Counted alone, furniture lines are evidence only in text the model
        // reads well: it learned from alphabetic text, and a Chinese blog
        // judged on the count of its menu lines lost its post and kept its
        // comments (dev-text's pixnet, word F1 0.21 -> 0.10).
        let mostly_cjk = cjk / 2 >= words;
        let enough = |furniture: usize, lines: usize| {
            if mostly_cjk {
                scorer::furniture_share_reached(furniture, lines, share)
            } else {
                scorer::enough_furniture(furniture, lines, share)
            }
        };
        let marked = scorer::Marked::of(read, stop);
        if !enough(marked.furniture(), marked.len()) {
            return Vec::new();
        }
        let survey = scorer::survey_marked(read, stop, marked);
        let model = params.line_model();
        let judged = scorer::judge(read, survey, stop, &model);
        let evidence = &judged.evidence;
        let words: Vec<usize> = evidence.iter().map(|e| e.words).collect();
        let mut main = model.cut.main_text(&judged.probabilities, &words);
        // A sentence that goes on from the main text is main text too,
        // unless it holds a boilerplate phrase: a text's last paragraph,
        // read beside the footer that follows it, can look like its footer.
        // So is one that leads into it, its first paragraph read beside the
        // menu above it.
        for row in 1..main.len() {
            main[row] |= main[row - 1] && evidence[row].is_prose();
        }
        for row in (0..main.len().saturating_sub(1)).rev() {
            main[row] |= main[row + 1] && evidence[row].is_prose();
        }
        keep_code_blocks(&mut main, evidence);
        keep_what_lies_within(&mut main, evidence);
        keep_headlines(&mut main, evidence);
        let furniture = main.iter().zip(evidence).filter(|&(&main, e)| !main && e.is_furniture()).count();
        if !enough(furniture, main.len()) {
            return Vec::new();
        }
        let spans = doc.spans();
        runs_outside(&main)
            .map(|run| {
                let (start, end) = (spans[judged.lines[run.start]].start, spans[judged.lines[run.end - 1]].next);
                let mean = judged.probabilities[run.clone()].iter().sum::<f32>() / run.len() as f32;
                Change::delete(start..end, reason(&evidence[run], mean))
            })
            .collect()
    }
}

/// The runs of rows judged outside the main text.
fn runs_outside(main: &[bool]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut row = 0;
    std::iter::from_fn(move || {
        let start = row + main.get(row..)?.iter().position(|&m| !m)?;
        row = start + main[start..].iter().position(|&m| m).unwrap_or(main.len() - start);
        Some(start..row)
    })
}

/// Keeps each run of lines judged outside the main text that lies between
/// two lines of it, when every line of the run but a caption heading it
/// (or, at its end, the next part: "Reviews" after a product's
/// specifications) holds figures and none is furniture on its own showing (a menu, a
/// boilerplate phrase, markup): a table of figures inside a text belongs to
/// it, though its rows are short and read like no sentence. (Keeping every
/// such run, figures or not, cost WCXB's word F1 0.002: between two parts
/// of a page's main text often stand teasers and bylines.)
fn keep_what_lies_within(main: &mut [bool], evidence: &[Evidence]) {
    let (Some(first), Some(last)) = (main.iter().position(|&m| m), main.iter().rposition(|&m| m)) else { return };
    let within: Vec<_> = runs_outside(main).filter(|run| run.start > first && run.end <= last).collect();
    for run in within {
        let rows = &evidence[run.clone()];
        let caption = |e: &Evidence| !e.figures && !e.ends_sentence;
        let mut table = rows;
        if table.len() > 1 && caption(&table[0]) {
            table = &table[1..];
        }
        if table.len() > 1 && caption(&table[table.len() - 1]) {
            table = &table[..table.len() - 1];
        }
        if table.iter().all(|e| e.figures) && rows.iter().all(|e| !e.is_furniture()) {
            main[run].fill(true);
        }
    }
}

/// Keeps a block of code that goes on from the main text: a run of lines
/// of code's shape ([`Evidence::code`], none with a boilerplate phrase)
/// after a line of the main text and, it may be, a caption ("An example"),
/// when sentences follow that go on to explain it; those are kept too. A
/// documentation page's examples read like no sentence (`{`, `"preset":
/// "article",`) and often stand just before the feedback prompts and
/// footer at its end, yet they are what the page is for.
fn keep_code_blocks(main: &mut [bool], evidence: &[Evidence]) {
    let caption = |e: &Evidence| {
        (1..=*HEADLINE_WORDS.end()).contains(&e.words) && !e.ends_sentence && !e.figures && e.phrase.is_none() && !e.markup && !e.code
    };
    let mut row = 1;
    while row < main.len() {
        if main[row] || !main[row - 1] {
            row += 1;
            continue;
        }
        let start = row + usize::from(caption(&evidence[row]));
        let code_end = start + evidence[start..].iter().take_while(|e| e.code && e.phrase.is_none()).count();
        let prose_end = code_end + evidence[code_end..].iter().take_while(|e| e.is_prose()).count();
        if code_end > start && prose_end > code_end {
            main[row..prose_end].fill(true);
        }
        row = prose_end.max(row + 1);
    }
}

/// Words of a headline: at least a few (a lone word before a text is more
/// often a menu's last item or a section's name), and not a paragraph's worth.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=20;

/// Keeps the headline of each stretch of main text that opens with prose:
/// the line just before it, when that line reads as a title (a few words,
/// no sentence end, no figures as a date or a price has, no boilerplate
/// phrase or markup, said once in the text).
/// The labelled pages cannot decide this: their annotations leave most
/// titles out (WCXB's keep the page's title in 57 of its 616 articles,
/// Readability's in 34 of 110 pages), so the model learns to drop them with
/// the menu above; a user cleaning an article wants its headline.
fn keep_headlines(main: &mut [bool], evidence: &[Evidence]) {
    for row in 1..main.len() {
        let title = &evidence[row - 1];
        let opens_with_prose =
            evidence[row].is_prose() || (evidence[row].figures && main.get(row + 1) == Some(&true) && evidence[row + 1].is_prose());
        if main[row]
            && !main[row - 1]
            && opens_with_prose
            && HEADLINE_WORDS.contains(&title.words)
            && !title.ends_sentence
            && !title.figures
            && title.phrase.is_none()
            && !title.markup
            && title.repeats <= 1
        {
            main[row - 1] = true;
        }
    }
}

/// Why a run of lines was judged outside the main text, from what they show.
fn reason(run: &[Evidence], probability: f32) -> String {
    let lines = run.len() as f32;
    let mut traits = Vec::new();
    if let Some(list) = run.iter().find_map(|e| e.phrase) {
        traits.push(format!("{} phrases", list.label()));
    }
    if run.iter().any(|e| e.markup) {
        traits.push("markup, code or a bare address".to_string());
    }
    let mean_words = run.iter().map(|e| e.words).sum::<usize>() as f32 / lines;
    if mean_words <= 8.0 {
        traits.push("short".to_string());
    }
    let no_stop = run.iter().filter(|e| e.stop_share <= 0.0).count() as f32;
    if no_stop / lines >= 0.5 {
        traits.push("no sentence words".to_string());
    } else if run.iter().map(|e| e.stop_share.max(0.0)).sum::<f32>() / lines < 0.15 {
        traits.push("few sentence words".to_string());
    }
    if run.iter().all(|e| !e.ends_sentence) {
        traits.push("no sentence end".to_string());
    }
    if run.iter().filter(|e| e.menu_like).count() as f32 / lines >= 0.5 && run.len() >= 2 {
        traits.push("menu-like lines".to_string());
    }
    if run.iter().any(|e| e.repeats > 1) {
        traits.push("repeated on the page".to_string());
    }
    if traits.is_empty() {
        traits.push("unlike the text around it".to_string());
    }
    format!("outside the main text: {} (judged {:.0} % likely main text)", traits.join(", "), probability * 100.0)
}

/// The main text's lines, for tests: which lines `apply` keeps.
#[cfg(test)]
fn kept(text: &str) -> String {
    crate::rules::testing::run(&MainContent, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str =
        "The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday.\n\
        Residents who had left their homes were told that they could return once the water board had checked the supply.\n\
        Engineers will inspect the two bridges in the town before they are opened to lorries, which may take until the end of the month.\n";
    /// Another text, for pages with two: a page seldom says the same twice
    /// by the time this rule reads it, since the duplicate rules run first.
    const MORE: &str = "The ferry to the island will run to its summer timetable from the first week of May, with four crossings a day.\n\
        Tickets bought before the change stay valid, and the harbour office will answer questions about bookings by phone.\n\
        A new waiting room with heating and a cafe opens at the pier next year, paid for by the county and the harbour trust.\n";

    /// Whether every line of `wanted` is among the lines of `text`.
    fn holds_all(text: &str, wanted: &str) -> bool {
        let lines: Vec<&str> = text.lines().collect();
        wanted.lines().all(|line| lines.contains(&line))
    }

    #[test]
    fn drops_menus_and_keeps_the_headline_and_text() {
        let page = format!("Skip\nHome\nNews\nRiver levels fall\n{BODY}Privacy\nTerms\nCookies\n");
        let kept = kept(&page);
        assert!(kept.starts_with(&format!("River levels fall\n{BODY}")), "{kept}");
        assert!(!kept.contains("Cookies"), "{kept}");
    }

    #[test]
    fn keeps_clean_and_short_texts_whole() {
        assert_eq!(kept(BODY), BODY);
        let short = "Home\nNews\nA short note about the weather today.\n";
        assert_eq!(kept(short), short);
        let with_list = format!("{BODY}What to bring\nBoots\nA torch\nWater\n");
        assert_eq!(kept(&with_list), with_list, "a short list after the text stays");
        let rows: String = (1..=20).map(|n| format!("Gauge {n} {}.{n} m\n", n % 4)).collect();
        let with_table = format!("Home\nNews\nSport\nWeather\nTravel\nJobs\nRiver levels fall\n{BODY}Levels by gauge\n{rows}{MORE}");
        let kept_table = kept(&with_table);
        assert!(holds_all(&kept_table, &format!("{BODY}{rows}{MORE}")), "a table of figures inside the text stays: {kept_table}");
        assert!(!kept_table.contains("Sport\n"), "{kept_table}");
    }

    #[test]
    fn chinese_text_amid_menus_is_kept() {
        let menu = "首页\n新闻\n体育\n天气\n";
        let body = "河水一夜之间下降了一米，议会表示山谷里的大部分道路将在星期五重新开放。\n离开家园的居民被告知，在水务局检查供水之后，他们就可以回家了。\n工程师将在桥梁向卡车开放之前检查镇上的两座桥，这可能要到月底。\n\
            渡轮将从五月的第一周开始执行夏季时刻表，每天四班。\n在变更之前购买的船票仍然有效，港口办公室将通过电话回答有关预订的问题。\n";
        let kept = kept(&format!("{menu}河水回落\n{body}{menu}{menu}"));
        assert!(holds_all(&kept, body), "{kept}");
    }

    #[test]
    fn keeps_a_second_article_and_drops_the_footer_between() {
        let footer = "Contact\nAbout us\nJobs\nPress\nAdvertise\nPrivacy\nTerms\nHelp\nSitemap\nArchive\n";
        let kept = kept(&format!("{BODY}{footer}Summer ferries start in May\n{MORE}"));
        assert!(holds_all(&kept, &format!("{BODY}Summer ferries start in May\n{MORE}")), "{kept}");
        let left = footer.lines().filter(|line| kept.lines().any(|k| k == *line)).count();
        assert!(left <= 3, "{left} lines of the footer left: {kept}");
    }

    #[test]
    fn figures_between_two_parts_of_the_main_text_stay_with_it() {
        let row = Evidence { words: 4, figures: true, ..Evidence::default() };
        let menu = Evidence { menu_run: 3, ..row };
        let prose = Evidence { words: 20, ends_sentence: true, ..Evidence::default() };
        let evidence = [prose, row, row, prose, menu, prose, row];
        let mut main = vec![true, false, false, true, false, true, false];
        keep_what_lies_within(&mut main, &evidence);
        // The rows between prose stay; a menu between does not, nor rows after the last of the main text.
        assert_eq!(main, [true, true, true, true, false, true, false]);
        let caption = Evidence { figures: false, ..row };
        let mut main = vec![true, false, false, false, false, true];
        keep_what_lies_within(&mut main, &[prose, caption, row, row, caption, prose]);
        assert_eq!(main, [true; 6], "a caption before the rows, and the next part's after them, stay with them");
        let words = Evidence { figures: false, ..row };
        let mut main = vec![true, false, true];
        keep_what_lies_within(&mut main, &[prose, words, prose]);
        assert_eq!(main, [true, false, true], "a line without figures is left to the model");
    }

    #[test]
    fn a_code_block_explained_after_the_main_text_stays_with_it() {
        let prose = Evidence { words: 20, ends_sentence: true, ..Evidence::default() };
        let caption = Evidence { words: 2, ..Evidence::default() };
        let code = Evidence { words: 1, code: true, ..Evidence::default() };
        let menu = Evidence { words: 1, menu_run: 3, ..Evidence::default() };
        let mut main = vec![true, false, false, false, false, false, false, false];
        keep_code_blocks(&mut main, &[prose, caption, code, code, code, prose, prose, menu]);
        assert_eq!(main, [true, true, true, true, true, true, true, false]);
        // Code that nothing explains, or that does not follow the main text, is left to the model.
        let mut main = vec![true, false, false, false];
        keep_code_blocks(&mut main, &[prose, code, code, menu]);
        assert_eq!(main, [true, false, false, false]);
        let mut main = vec![false, false, false, true];
        keep_code_blocks(&mut main, &[menu, code, prose, prose]);
        assert_eq!(main, [false, false, false, true]);
    }

    #[test]
    fn the_line_that_titles_a_stretch_of_prose_stays_with_it() {
        let title = Evidence { words: 4, ..Evidence::default() };
        let prose = Evidence { words: 20, ends_sentence: true, ..Evidence::default() };
        let menu_item = Evidence { words: 1, ..Evidence::default() };
        let repeated = Evidence { repeats: 2, ..title };
        let sentence = Evidence { ends_sentence: true, ..title };
        let date = Evidence { figures: true, ..title };
        let mut main = vec![false, false, true, false, false, true, false, true, false, true, false, true];
        let evidence = [menu_item, title, prose, menu_item, repeated, prose, sentence, prose, title, menu_item, date, prose];
        keep_headlines(&mut main, &evidence);
        // The title before prose stays; a lone word, a repeated line, a sentence, a date do not, nor a title before no prose.
        assert_eq!(main, [false, true, true, false, false, true, false, true, false, true, false, true]);
    }

    #[test]
    fn a_pages_text_read_as_a_second_opinion_asks_more_furniture() {
        let menu = "Home\nNews\nSport\nWeather\n";
        let body: String = (0..14).map(|n| if n % 2 == 0 { BODY } else { MORE }).collect();
        let text = format!("{menu}{body}");
        let lines = text.lines().count() as f64;
        assert!((0.08..0.10).contains(&(4.0 / lines)), "the menu is {:.3} of the lines", 4.0 / lines);
        let cut = |doc: Doc| !MainContent.apply(&doc, &Params::defaults(INFO.params)).is_empty();
        assert!(cut(Doc::new(text.clone())), "a text is cut with this much furniture");
        assert!(!cut(Doc::from_page_text(text, Vec::new())), "a page's text judged again is not");
    }

    /// `count` different lines of a report, each a sentence.
    fn report(count: usize) -> String {
        let who = [
            "The council", "A ferry captain", "The water board", "Two engineers", "The harbour trust", "A farmer near the bridge",
            "The county surveyor", "Most residents", "The school in the valley", "A volunteer crew", "The mayor", "Local shop owners",
            "The bus company", "A team of divers", "The weather office", "Several families", "The fire brigade",
            "An inspector from the city", "The railway staff", "The owner of the old mill",
        ];
        let how = [
            "said on Tuesday that", "warned in a letter that", "told the meeting that", "explained at the pier that",
            "agreed after a long debate that", "wrote to the paper that", "confirmed in the evening that",
            "admitted with some regret that", "announced before noon that", "hoped aloud that",
        ];
        let what = [
            "the roads would open again once the water had gone down.",
            "the bridge needed new bolts before lorries could cross it.",
            "the ferry would keep to its winter timetable for a while.",
            "the fields by the river would take a month to dry out.",
            "nobody had been hurt when the bank gave way near the church.",
            "the supply was safe to drink again after the tests.",
            "the school would reopen on Monday if the heating worked.",
            "the path along the canal was still under a foot of mud.",
            "a new wall would be built where the old one had fallen.",
            "the cost of the repairs was not yet known.",
            "the shop on the corner had lost most of its stock.",
            "the town had not seen such a flood in forty years.",
            "volunteers were still needed to fill sandbags at the depot.",
        ];
        (0..count).map(|n| format!("{} {} {}\n", who[n % 20], how[n / 20 % 10], what[n % 13])).collect()
    }

    #[test]
    fn plenty_of_menu_lines_are_evidence_whatever_their_share() {
        let menu = |items: &[&str]| items.iter().map(|item| format!("{item}\n")).collect::<String>();
        let top = menu(&[
            "Home", "News", "Sport", "Weather", "Travel", "Jobs", "Homes", "Cars", "Events", "Shop", "Puzzles", "Podcasts", "Video",
        ]);
        let bottom = menu(&[
            "Contact", "Careers", "Advertise", "Privacy", "Terms", "Cookies", "Sitemap", "Archive", "Press", "Apps", "Feeds", "Offers",
            "Games",
        ]);
        let body = report(330);
        let text = format!("{top}River levels fall\n{body}{bottom}");
        let share = 26.0 / text.lines().count() as f64;
        assert!(share < 0.08, "the menus are {share:.3} of the lines, under the share that is evidence");
        let cleaned = kept(&text);
        assert!(holds_all(&cleaned, &body), "{cleaned}");
        assert!(!cleaned.contains("Podcasts") && !cleaned.contains("Sitemap"), "26 menu lines are cut: {cleaned}");
        let fewer = format!("{}River levels fall\n{body}{}", menu(&["Home", "News", "Sport"]), menu(&["Contact", "Privacy", "Terms"]));
        assert_eq!(kept(&fewer), fewer, "six are not evidence among so many lines");
    }

    #[test]
    fn a_count_of_menu_lines_alone_does_not_cut_chinese() {
        let menu: String = "首页 新闻 体育 天气 财经 科技 汽车 房产 教育 旅游 健康 美食 娱乐 军事 历史 文化 读书 游戏 动漫 时尚 母婴 视频 图片 直播 论坛 博客 专题 招聘 地图 帮助"
            .split(' ')
            .map(|item| format!("{item}\n"))
            .collect();
        let body: String = (1..=20)
            .map(|_| "河水一夜之间下降了一米，议会表示山谷里的大部分道路将在星期五重新开放。\n离开家园的居民被告知，在水务局检查供水之后，他们就可以回家了。\n工程师将在桥梁向卡车开放之前检查镇上的两座桥，这可能要到月底。\n渡轮将从五月的第一周开始执行夏季时刻表，每天四班。\n在变更之前购买的船票仍然有效，港口办公室将通过电话回答有关预订的问题。\n")
            .collect();
        let text = format!("{menu}{body}{body}{body}{body}");
        assert!(30.0 / (text.lines().count() as f64) < 0.08);
        assert_eq!(kept(&text), text, "the model learned from alphabetic text: the share alone decides here");
    }

    #[test]
    fn markdown_is_judged_as_the_text_it_stands_for() {
        let menu = |mark: &str| ["Home", "News", "Sport", "Weather", "Travel", "Jobs"].map(|item| format!("{mark}{item}\n")).concat();
        let plain = format!("{}River levels fall\n{BODY}Share this\n{}", menu(""), menu(""));
        let markdown = format!("{}\n## River levels fall\n\n{BODY}\n**Share this**\n\n{}", menu("- "), menu("* "));
        let judged = |text: &str, markdown: bool| {
            let doc = Doc::new(text.to_string()).with_markdown(markdown);
            let changes = MainContent.apply(&doc, &Params::defaults(INFO.params));
            let cut = |line: &crate::reading::Line| changes.iter().any(|c| c.start <= line.start && line.end <= c.end);
            doc.lines().filter(|line| !line.is_blank()).map(|line| cut(&line)).collect::<Vec<_>>()
        };
        let cut = judged(&plain, false);
        assert!(cut.contains(&true) && cut.contains(&false), "{cut:?}");
        assert_eq!(judged(&markdown, true), cut);
    }

    #[test]
    fn a_removal_names_the_evidence_that_decided_it() {
        let page = format!("Skip\nHome\nNews\nRiver levels fall\n{BODY}Privacy\nTerms\nCookies\n");
        let doc = Doc::new(page);
        let reasons: Vec<String> =
            MainContent.apply(&doc, &Params::defaults(INFO.params)).into_iter().map(|c| c.reason.into_owned()).collect();
        assert!(!reasons.is_empty());
        assert!(reasons[0].starts_with("outside the main text: short, no sentence words, no sentence end, menu-like lines"), "{reasons:?}");
        assert!(reasons.iter().all(|r| r.contains("% likely main text)")), "{reasons:?}");
    }
}

use crate::edit::Change;
use crate::prose::{Reading, PROSE_STOP_SHARE};
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};
use crate::stopwords;
use crate::text::Doc;

/// Words of a line that count towards its score, at most.
const WORD_CAP: f64 = 50.0;
/// What every line costs: short lines must earn their place.
const LINE_COST: f64 = 4.0;
/// Extra cost of a line that is page furniture, so that menus and footers
/// split the page into stretches rather than join them.
const FURNITURE_COST: f64 = 16.0;
/// A page needs at least this many lines of furniture, and this share of
/// its lines, before anything is removed as lying outside its main text.
const MIN_FURNITURE_LINES: usize = 6;
const MIN_FURNITURE_SHARE: f64 = 0.10;
/// Another stretch of text is kept when it scores at least this share of
/// the main one, and at least `OTHER_BLOCK_MIN`.
const OTHER_BLOCK_SHARE: f64 = 0.15;
const OTHER_BLOCK_MIN: f64 = 20.0;
/// Most CJK characters in a menu-like line.
const CJK_MENU_CHARS: usize = 8;

/// The article in a page's whole visible text.
pub struct MainContent;

static INFO: RuleInfo = RuleInfo {
    id: "main-content",
    name: "Main content",
    group: Group::Extract,
    summary: "Finds the main text of a whole page's visible text and removes the menus and lists around it.",
    doc: "A page's visible text holds the article amid menus, teasers and footers. Each line is \
          scored by its words (capped) times how much it reads like prose (the share of stop words \
          of the text's language, and whether it ends a sentence), less a fixed cost; the \
          contiguous stretch of lines with the highest total is the main text. Lines outside it are \
          removed only where there is evidence of page furniture: a run of menu-like lines (short, \
          no stop words, no sentence end, no figures), markup, code or a bare address. Other stretches that \
          score well beside the main one (the rest of an article cut by a table, a second article) \
          stay, and so do the lines between the last furniture and a stretch, such as its headline. Texts under `min_words` words, and texts with little \
          furniture, are left alone: a short or clean paste is what the user meant. Page source \
          is left to `html-main-content`, which reads the page's structure.",
    example: Example {
        input: "Home\nNews\nSport\nWeather\nRiver levels fall after a week of floods\n\
                The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday.\n\
                Residents who had left their homes were told that they could return once the water board had checked the supply.\n\
                About us\nContact\nJobs\n",
        output: "River levels fall after a week of floods\n\
                 The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday.\n\
                 Residents who had left their homes were told that they could return once the water board had checked the supply.\n",
    },
    params: &[ParamSpec {
        name: "min_words",
        doc: "Texts with fewer words are left as they are.",
        default: ParamDefault::Int(40),
    }],
    presets: &[Preset::Article, Preset::Corpus],
};

/// What the rule knows of one non-blank line.
struct Scored {
    line: usize,
    score: f64,
    furniture: Option<&'static str>,
    ends_sentence: bool,
}

impl Rule for MainContent {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let text = doc.text();
        // A page's markup shows its main content better; `html-main-content` has used it.
        if doc.is_page() {
            return Vec::new();
        }
        let (readings, word_counts) = (doc.readings(stopwords::for_text(text)), doc.word_counts());
        // Chinese and Japanese write without spaces: two characters count as a word.
        let cjk: usize = readings.iter().map(|r| r.cjk).sum();
        if word_counts.iter().sum::<usize>() + cjk / 2 < params.int("min_words").max(0) as usize {
            return Vec::new();
        }
        let lines: Vec<_> = doc.lines().collect();
        let mut scored: Vec<Scored> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .map(|(i, l)| score(i, l.text, word_counts[i], &readings[i]))
            .collect();
        mark_menu_runs(&mut scored);
        // A text with little furniture is an article already: leave it be.
        let furniture = scored.iter().filter(|s| s.furniture.is_some()).count();
        if furniture < MIN_FURNITURE_LINES || (furniture as f64) < scored.len() as f64 * MIN_FURNITURE_SHARE {
            return Vec::new();
        }
        for line in scored.iter_mut().filter(|s| s.furniture.is_some()) {
            line.score -= FURNITURE_COST;
        }
        let Some((_, _, best)) = best_run(&scored) else { return Vec::new() };
        // Stretches that read as text: the main one, and any others that score
        // well enough beside it (the rest of an article cut by a table, a
        // second article, a long answer).
        let mut blocks = Vec::new();
        find_blocks(&scored, 0, (best * OTHER_BLOCK_SHARE).max(OTHER_BLOCK_MIN), &mut blocks);
        blocks.sort_unstable_by_key(|b| b.start);
        // The line just before a stretch that opens with a sentence is its
        // headline, however short.
        for block in &blocks {
            if !scored[block.start].ends_sentence {
                continue;
            }
            if let Some(headline) = block.start.checked_sub(1).map(|i| &mut scored[i]) {
                if headline.furniture == Some(MENU_LIKE) {
                    headline.furniture = None;
                }
            }
        }
        // Between the stretches: a gap goes when it holds page furniture, up
        // to its last piece of furniture before the next stretch (what
        // follows it, a headline or a dateline, belongs to that stretch).
        let mut changes = Vec::new();
        let mut gap_start = 0;
        let bounds = blocks.iter().map(|b| (b.start, b.end)).chain(std::iter::once((scored.len(), scored.len())));
        for (next_start, next_end) in bounds {
            let gap = &scored[gap_start..next_start];
            gap_start = next_end;
            let Some(why) = gap.iter().find_map(|s| s.furniture) else { continue };
            let removed = if next_start == scored.len() {
                gap
            } else {
                &gap[..=gap.iter().rposition(|s| s.furniture.is_some()).unwrap_or(0)]
            };
            let (first, last) = (&lines[removed[0].line], &lines[removed[removed.len() - 1].line]);
            changes.push(Change::delete(first.start..last.next, format!("outside the main text: {why}")));
        }
        changes
    }
}

/// Adds to `blocks` the best stretch of `region` (which starts at `offset`)
/// if it scores at least `min`, then the best of what is left on each side.
fn find_blocks(region: &[Scored], offset: usize, min: f64, blocks: &mut Vec<std::ops::Range<usize>>) {
    let Some((start, end, score)) = best_run(region) else { return };
    if score < min {
        return;
    }
    blocks.push(offset + start..offset + end);
    find_blocks(&region[..start], offset, min, blocks);
    find_blocks(&region[end..], offset + end, min, blocks);
}

/// The stretch `start..end` with the highest total score (Kadane), and the total.
fn best_run(scored: &[Scored]) -> Option<(usize, usize, f64)> {
    let mut best: Option<(usize, usize, f64)> = None;
    let (mut run_start, mut run_sum) = (0, 0.0);
    for (i, s) in scored.iter().enumerate() {
        if run_sum <= 0.0 {
            run_start = i;
            run_sum = 0.0;
        }
        run_sum += s.score;
        if run_sum > 0.0 && best.is_none_or(|(_, _, b)| run_sum > b) {
            best = Some((run_start, i + 1, run_sum));
        }
    }
    best
}

fn score(index: usize, line: &str, words: usize, reading: &Reading) -> Scored {
    let trimmed = line.trim();
    let &Reading { cjk, ends_sentence, holds_figures, .. } = reading;
    let word_count = (words + cjk / 2) as f64;
    let stop_share = match reading.stop_share {
        Some(share) => share,
        None if cjk > 0 => PROSE_STOP_SHARE,
        None => 0.0,
    };
    let markup = is_markup(trimmed);
    let quality = 0.6 * (stop_share / PROSE_STOP_SHARE).min(1.0) + if ends_sentence { 0.4 } else { 0.0 };
    let score = word_count.min(WORD_CAP) * quality - LINE_COST;
    let furniture = if markup {
        Some("markup, code or a bare address")
    } else if words <= 8 && cjk == 0 && stop_share == 0.0 && !ends_sentence && !holds_figures {
        // Rows of a table hold figures ("4.2 April 2014", "Ann Lee 63 16.6%"); menus seldom do.
        Some(MENU_LIKE)
    } else if cjk > 0 && cjk <= CJK_MENU_CHARS && words <= 2 && !ends_sentence && !holds_figures {
        // Chinese, Japanese and Korean have no stop words to tell by: a menu item is a word or two.
        Some(MENU_LIKE)
    } else {
        None
    };
    Scored { line: index, score, furniture, ends_sentence }
}

const MENU_LIKE: &str = "menu-like lines without sentence words";

/// A menu-like line on its own is a heading or a label; only runs of them
/// are menus.
fn mark_menu_runs(scored: &mut [Scored]) {
    let mut i = 0;
    while i < scored.len() {
        if scored[i].furniture != Some(MENU_LIKE) {
            i += 1;
            continue;
        }
        let start = i;
        while i < scored.len() && scored[i].furniture == Some(MENU_LIKE) {
            i += 1;
        }
        if i - start < 2 {
            scored[start].furniture = None;
        }
    }
}

fn is_markup(line: &str) -> bool {
    let bare_address = !line.contains(' ') && (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."));
    bare_address || (line.starts_with('<') && line.ends_with('>')) || line.starts_with('{') || line.ends_with('{')
}

/// The main text's lines, for tests: which lines `apply` keeps.
#[cfg(test)]
fn kept(text: &str) -> String {
    crate::rules::testing::run(&MainContent, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The river fell by a metre overnight, and the council said that most roads in the valley would open again on Friday.\n\
        Residents who had left their homes were told that they could return once the water board had checked the supply.\n\
        Engineers will inspect the two bridges in the town before they are opened to lorries, which may take until the end of the month.\n";

    #[test]
    fn drops_menus_and_footers_but_keeps_the_headline() {
        let page = format!("Skip\nHome\nNews\nRiver levels fall\n{BODY}Privacy\nTerms\nCookies\n");
        assert_eq!(kept(&page), format!("River levels fall\n{BODY}"));
    }

    #[test]
    fn keeps_clean_and_short_texts_whole() {
        assert_eq!(kept(BODY), BODY);
        let short = "Home\nNews\nA short note about the weather today.\n";
        assert_eq!(kept(short), short);
        let cjk_menu = "首页\n新闻\n体育\n天气\n";
        let cjk_body = "河水一夜之间下降了一米，议会表示山谷里的大部分道路将在星期五重新开放。\n离开家园的居民被告知，在水务局检查供水之后，他们就可以回家了。\n工程师将在桥梁向卡车开放之前检查镇上的两座桥，这可能要到月底。\n";
        let cjk_page = format!("{cjk_menu}河水回落\n{cjk_body}{cjk_body}{cjk_body}{cjk_menu}{cjk_menu}");
        assert_eq!(kept(&cjk_page), format!("河水回落\n{cjk_body}{cjk_body}{cjk_body}"), "menus in Chinese are menus too");
        let with_list = format!("{BODY}What to bring\nBoots\nA torch\nWater\n");
        assert_eq!(kept(&with_list), with_list, "a short list after the text stays");
        let rows: String = (1..=20).map(|n| format!("Gauge {n} {}.{n} m\n", n % 4)).collect();
        let with_table = format!("Home\nNews\nSport\nWeather\nTravel\nJobs\nRiver levels fall\n{BODY}Levels by gauge\n{rows}{BODY}");
        assert_eq!(kept(&with_table), format!("River levels fall\n{BODY}Levels by gauge\n{rows}{BODY}"), "a table of figures inside the text stays");
    }

    #[test]
    fn keeps_a_second_article() {
        let second = BODY.replace("river", "lake").replace("valley", "hills");
        let footer = "Contact\nAbout us\nJobs\nPress\nAdvertise\nPrivacy\nTerms\nHelp\nSitemap\nArchive\n";
        let page = format!("{BODY}{footer}Lake levels fall too\n{second}");
        assert_eq!(kept(&page), format!("{BODY}Lake levels fall too\n{second}"));
    }
}

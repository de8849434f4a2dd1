use std::sync::LazyLock;

use regex::Regex;

use crate::edit::Change;
use crate::reading::{Doc, Line};
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// Readers' comments after an article, known by their author-and-date lines.
pub struct CommentThreads;

static INFO: RuleInfo = RuleInfo {
    id: "comment-threads",
    name: "Comment threads",
    group: Group::Boilerplate,
    summary: "Removes a thread of readers' comments after the article, known by its author-and-date lines.",
    doc: "Below an article, comments come one after another, each opened by a short line naming \
          its author and when it was posted (\"Ann Lee · March 10, 2017 at 12:20 AM\", \"Sam wrote \
          on 4 May 2021, 09:12:\", \"kim says: 3 days ago\") and often closed by \"Reply\". Where \
          `min_comments` such lines follow one another closely, after at least `min_article_words` \
          words of prose with none of them (a menu is no article), the thread is removed: from its heading, if one stands \
          just before it, to the end of the last comment; so is every later thread (a text that \
          holds several pages holds several). A forum or Q&A page, whose first post already has \
          such a line, comes before any article and is kept, and so are posts numbered from the \
          first (\"#1 · Aug 5, 2023\"), however much its page's header reads as an article.",
    example: Example {
        input: "The bridge reopened to traffic on Friday after a year of repairs that cost the city more than it had planned.\n\
                Engineers replaced the deck and the railings, and the council said the work would last for fifty years.\n\
                3 Comments\n\
                Ann Lee · March 10, 2017 at 12:20 AM\nAbout time too.\nReply\n\
                Sam Roy · March 10, 2017 at 1:05 AM\nThe railings look great.\nReply\n\
                Kim · March 11, 2017 at 9:40 PM\nWho paid for it?\nReply\n",
        output: "The bridge reopened to traffic on Friday after a year of repairs that cost the city more than it had planned.\n\
                 Engineers replaced the deck and the railings, and the council said the work would last for fifty years.\n",
    },
    params: &[
        ParamSpec { name: "min_comments", doc: "Fewest author-and-date lines that make a thread.", default: ParamDefault::Int(3) },
        ParamSpec {
            name: "min_article_words",
            doc: "Fewest words of prose (lines longer than a heading that end as a sentence) before the \
                  thread: comments follow an article.",
            default: ParamDefault::Int(MIN_ARTICLE_WORDS),
        },
    ],
    presets: &[Preset::Article, Preset::Corpus],
};

/// The default `min_article_words`, counted in prose lines only: when every
/// word counted, a page's menu made an article, and a listing's dated
/// entries after it went as comments (WCXB's whole-page texts: word F1
/// 0.8300 -> 0.8317, nssa's news 0.06 -> 0.99, Hacker News 0.06 -> 0.70;
/// better in three folds of whole domains of five). Not fitted: WCXB's
/// pages would have it as high as 400 (0.8324 held out, every fold 300 or
/// 400), where forum threads whose first post reads as an article are kept
/// whole, but then any article shorter than that keeps its comments, and
/// from 600 on Readability's articles keep theirs (dev-text F1 0.9386 ->
/// 0.9356). A forum's thread is better told by its kind, which text does not say.
const MIN_ARTICLE_WORDS: i64 = 30;
/// Most lines between two comments' author lines (the first comment's body and its buttons).
const MAX_COMMENT_LINES: usize = 12;
/// Longest author-and-date line, in words.
const MAX_BYLINE_WORDS: usize = 14;
/// Longest heading taken with the thread (the line just before it), in words.
const MAX_HEADING_WORDS: usize = 6;
const MAX_HEADING_DISTANCE: usize = 1;

/// When a comment was posted: a clock time, a date in figures, a month and a
/// day or year, or a time ago; each between word boundaries.
///
/// A boundary is written `(?:^|\W)` and `(?:\W|$)`, not `\b`: every form
/// starts and ends with a word character, so for `is_match` the two say the
/// same, and without `\b` the fast engine reads lines beyond ASCII too.
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:^|\W)
        (?: \d{1,2}:\d{2}
          | \d{4}-\d{1,2}-\d{1,2}
          | \d{1,2}[./]\d{1,2}[./]\d{2,4}
          | (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}
          | \d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*
          | \d+\s+(second|minute|hour|day|week|month|year)s?\s+ago
          | yesterday | today
        )
        (?:\W|$)",
    )
    .expect("the date pattern is valid")
});

/// Who posted: a separator between name and date, or a verb of saying
/// (between word boundaries, written as in [`WHEN`]).
static WHO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[·•|]|(?:^|\W)(?:says|said|wrote|writes|commented|replied|posted by)(?:\W|$)|:\s*$")
        .expect("the author pattern is valid")
});

/// The buttons under a comment, kept with it.
fn is_button(line: &str) -> bool {
    let line = line.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(line.as_str(), "reply" | "report" | "like" | "share" | "flag" | "permalink" | "quote" | "edit" | "delete")
        || line.starts_with("reply") && line.split_whitespace().count() <= 3
}

/// Whether `line` holds what every form of [`WHEN`] needs, a digit or
/// "day": most lines do not, and are not run through the pattern.
fn may_say_when(line: &str) -> bool {
    line.chars().any(char::is_numeric) || line.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"day"))
}

/// A comment's opening line: short, no sentence, and says who posted it
/// and when (a date alone may head an article or a row of a table).
fn is_byline(line: &str, words: usize) -> bool {
    let line = line.trim();
    (2..=MAX_BYLINE_WORDS).contains(&words)
        && !line.ends_with(['.', '!', '?'])
        && may_say_when(line)
        && WHEN.is_match(line)
        && WHO.is_match(line)
}

impl Rule for CommentThreads {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn blank_insensitive(&self) -> bool {
        true
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let min_comments = params.int("min_comments").max(2) as usize;
        let min_article_words = params.int("min_article_words").max(0) as usize;
        let lines: Vec<Line> = doc.lines().collect();
        let words = doc.word_counts();
        // Non-blank lines, and which of them open a comment.
        let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        let bylines: Vec<usize> = (0..text_lines.len()).filter(|&k| is_byline(lines[text_lines[k]].text, words[text_lines[k]])).collect();
        // A forum numbers its posts from the first ("#1 · Aug 5, 2023"): the
        // posts after it are replies to it, not comments on an article (a
        // page's header may quote the first post, and reads as one).
        let first_post = bylines.iter().position(|&k| opens_first_post(lines[text_lines[k]].text)).unwrap_or(bylines.len());
        // Each run of bylines close together is a thread. The first decides
        // whether the text is an article with comments (text before it) or
        // a thread itself, whose later runs are then its own posts too.
        let bylines = &bylines[..first_post];
        let mut changes: Vec<Change> = Vec::new();
        let mut run_start = 0;
        for end in 1..=bylines.len() {
            let close = end < bylines.len() && bylines[end] - bylines[end - 1] <= MAX_COMMENT_LINES;
            if close {
                continue;
            }
            if end - run_start >= min_comments {
                let Some(change) = thread_change(&lines, words, &text_lines, &bylines[run_start..end], min_article_words) else { break };
                // A thread's last comment may run on to where the next thread's heading stands.
                match changes.last_mut() {
                    Some(last) if last.end >= change.start => last.end = last.end.max(change.end),
                    _ => changes.push(change),
                }
            }
            run_start = end;
        }
        changes
    }
}

/// Whether a byline opens a thread's first post, numbered `#1`.
fn opens_first_post(line: &str) -> bool {
    line.trim_start().strip_prefix("#1").is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn ends_as_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
}

/// A line of an article: longer than a heading, and ending as a sentence does.
fn reads_as_prose(line: &str, words: usize) -> bool {
    words > MAX_HEADING_WORDS && ends_as_sentence(line)
}

/// Words of the prose lines among `text_lines`.
fn prose_words(lines: &[Line], words: &[usize], text_lines: &[usize]) -> usize {
    text_lines.iter().filter(|&&i| reads_as_prose(lines[i].text, words[i])).map(|&i| words[i]).sum()
}

/// The deletion of the thread whose bylines (positions among the non-blank
/// lines) are `thread`, if an article stands before it.
fn thread_change(lines: &[Line], words: &[usize], text_lines: &[usize], thread: &[usize], min_article_words: usize) -> Option<Change> {
    let first = thread[0];
    // Only prose counts: a menu or a page's header before a forum's first
    // post, or before a listing's first dated entry, is no article.
    if prose_words(lines, words, &text_lines[..first]) < min_article_words {
        return None;
    }
    // A short heading just before it ("3 Comments", "Discussion") goes with it.
    let mut start = first;
    for back in 1..=MAX_HEADING_DISTANCE.min(first) {
        let i = text_lines[first - back];
        if words[i] <= MAX_HEADING_WORDS && !lines[i].text.trim().ends_with(['.', '!', '?']) {
            start = first - back;
        } else {
            break;
        }
    }
    // The last comment runs on while its lines read as text or are its buttons.
    let mut end = *thread.last()? + 1;
    while end < text_lines.len() {
        let line = lines[text_lines[end]].text.trim();
        let reads_as_text = words[text_lines[end]] > MAX_HEADING_WORDS || ends_as_sentence(line);
        if end > thread.last()? + MAX_COMMENT_LINES || !(reads_as_text || is_button(line)) {
            break;
        }
        end += 1;
    }
    let (from, to) = (&lines[text_lines[start]], &lines[text_lines[end - 1]]);
    Some(Change::delete(from.start..to.next, format!("comment thread: {} comments, each opened by its author and date", thread.len())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;
    use proptest::prelude::*;

    /// The patterns as first written, with `\b`.
    static WHEN_WITH_B: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            \b\d{1,2}:\d{2}\b
            | \b\d{4}-\d{1,2}-\d{1,2}\b
            | \b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b
            | \b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b
            | \b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b
            | \b\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago\b
            | \b(yesterday|today)\b",
        )
        .unwrap()
    });
    static WHO_WITH_B: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)[·•|]|\b(says|said|wrote|writes|commented|replied|posted by)\b|:\s*$").unwrap());

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn boundaries_match_as_word_boundaries_do(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("12:30"), Just("2021-5-4"), Just("4/5/21"), Just("March 10"), Just("10th May"), Just("3 days ago"),
                    Just("today"), Just("said"), Just("Posted by"), Just("wrote"), Just(":"), Just("·"),
                    Just(" "), Just("x"), Just("\u{e9}"), Just("\u{660}"), Just("7"), Just("-"), Just("\u{4e2d}"), Just("_"),
                ],
                0..6,
            )
        ) {
            let line = parts.concat();
            prop_assert_eq!(WHEN.is_match(&line), WHEN_WITH_B.is_match(&line), "{:?}", line);
            prop_assert_eq!(WHO.is_match(&line), WHO_WITH_B.is_match(&line), "{:?}", line);
        }
    }

    const ARTICLE: &str = "The bridge reopened to traffic on Friday after a year of repairs that cost the city more than it had planned.\n\
        Engineers replaced the deck and the railings, and the council said the work would last for fifty years.\n";

    #[test]
    fn removes_a_thread_in_its_many_shapes_and_keeps_what_follows() {
        for (a, b, c) in [
            ("Ann Lee · March 10, 2017 at 12:20 AM", "Sam Roy · March 10, 2017 at 1:05 AM", "Kim · March 11, 2017 at 9:40 PM"),
            ("Ann wrote on 4 May 2021, 09:12:", "Sam wrote on 5 May 2021, 10:00:", "Kim wrote on 6 May 2021, 11:30:"),
            ("ann_lee says: 3 days ago", "sam says: 2 days ago", "kim says: 5 hours ago"),
        ] {
            let thread = format!("Discussion\n{a}\nAbout time too.\nReply\n{b}\nThe railings look great, and the deck is wider.\n{c}\nWho paid for it?\nReply\n");
            let page = format!("{ARTICLE}{thread}Popular now\nTrains\nBuses\n");
            assert_eq!(run(&CommentThreads, &page), format!("{ARTICLE}Popular now\nTrains\nBuses\n"), "{a}");
        }
    }

    #[test]
    fn removes_every_thread_of_a_text_at_once() {
        let thread = |day: u32| {
            format!(
                "{day} Comments\nAnn · March {day}, 2017 at 12:20 AM\nGood.\nReply\nSam · March {day}, 2017 at 1:05 AM\nBad.\n\
                 Kim · March {day}, 2017 at 9:40 PM\nWho paid?\n"
            )
        };
        let filler: String = (1..=13).map(|n| format!("Line {n} between the threads\n")).collect();
        let pages = format!("{ARTICLE}{}{filler}{ARTICLE}{}{filler}{ARTICLE}{}", thread(3), thread(4), thread(5));
        // Cleaning once leaves nothing for a second cleaning to find.
        assert_eq!(run(&CommentThreads, &pages), format!("{ARTICLE}{filler}{ARTICLE}{filler}{ARTICLE}"));
        let forum = format!("{}{ARTICLE}{}", thread(3), thread(4));
        assert_eq!(run(&CommentThreads, &forum), forum, "a thread before any text makes the text a forum's, kept whole");
    }

    #[test]
    fn keeps_forum_posts_a_lone_byline_and_dated_prose() {
        let forum = "Ann Lee · March 10, 2017 at 12:20 AM\nHow do I reset the router?\n\
            Sam Roy · March 10, 2017 at 1:05 AM\nHold the button for ten seconds.\n\
            Kim · March 11, 2017 at 9:40 PM\nThat worked for me too.\n";
        assert_eq!(run(&CommentThreads, forum), forum);
        let dated = format!("By Ann Lee, March 3, 2021\n{ARTICLE}On March 4 the mayor spoke.\nThe works end on May 9.\n");
        assert_eq!(run(&CommentThreads, &dated), dated);
        let table = format!("{ARTICLE}Release\n4.2 April 3, 2014\n4.3 May 1, 2014\n4.4 June 12, 2014\n4.5 July 2, 2014\n");
        assert_eq!(run(&CommentThreads, &table), table, "dates without names are rows of a table");
        let two = format!("{ARTICLE}Ann · March 10, 2017 at 12:20 AM\nGood.\nSam · March 10, 2017 at 1:05 AM\nBad.\n");
        assert_eq!(run(&CommentThreads, &two), two, "two comments are not enough");
    }

    #[test]
    fn posts_numbered_from_the_first_are_a_forums_thread() {
        let post = |n: u32, body: &str| format!("ann_{n}\n{n} posts · Joined 2021\n#{n} · March {n}, 2024\n{body}\nReply Quote Like\n");
        let question = "I want to build a small bench for the garden this summer, long enough for three people and low enough \
            for the children. Which wood lasts outside for years without much care?";
        let replies: String = (2..=5).map(|n| post(n, "Oak or larch will last for years if you oil them every spring.")).collect();
        // The page's header quotes the first post, which then reads as an article.
        let thread = format!("Garden bench\n{question}\n{}{replies}", post(1, question));
        assert_eq!(run(&CommentThreads, &thread), thread);
        assert!(!opens_first_post("#12 · March 4, 2024") && opens_first_post("#1 · March 4, 2024 (Edited)"));
    }

    #[test]
    fn a_menu_before_the_first_byline_is_no_article() {
        let menu = "Home\nAbout the harbour trust\nFerries and timetables\nMoorings for visiting boats\nTide tables for the estuary\n\
            Weather at the pier\nEvents in the town hall\nNews from the harbour office\nContact the harbour master\n";
        assert!(menu.split_whitespace().count() >= 30, "as many words as an article needs");
        let news = "News\n12/09/2025 | Harbour Gazette\nThe ferry timetable changes in May.\n\
            11/09/2025 | Valley Times\nTwenty new moorings open on the east pier.\n\
            10/09/2025 | Harbour Gazette\nThe channel will be deepened in the autumn.\n";
        let listing = format!("{menu}{news}");
        assert_eq!(run(&CommentThreads, &listing), listing, "a listing's dated entries after a menu");
        let commented = format!("{menu}{ARTICLE}{news}");
        assert_eq!(run(&CommentThreads, &commented), format!("{menu}{ARTICLE}"), "after an article, the same lines are comments");
    }
}

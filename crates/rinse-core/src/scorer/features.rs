//! What the line scorer reads of each line: the line's own reading, its
//! neighbours', the stretch around it, and the text as a whole. Every
//! feature means the same in any language: stop words are the text's own
//! language's, CJK characters count as they read (two to a word), and no
//! feature names an English word (the phrase lists stand for their kind of
//! boilerplate, whatever language their phrases are in).

use crate::reading::phrases::{Hits, PhraseList};
use crate::reading::prose::{Reading, StopWords, FULL_STOPS, PROSE_STOP_SHARE};
use crate::reading::Doc;

/// Words of a line that count towards the stretch score, at most.
const WORD_CAP: f32 = 50.0;
/// What every line costs in the stretch score: short lines must earn their place.
const LINE_COST: f32 = 4.0;
/// Lines either side whose own reading is a feature of a line.
const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];
/// Lines either side averaged into a window, near and wide.
const WINDOWS: [usize; 2] = [3, 10];
/// Most CJK characters in a menu-like line.
const CJK_MENU_CHARS: usize = 8;

/// The features of each non-blank line of a text, row after row.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// For each row, the index of its line among all the text's lines.
    pub lines: Vec<usize>,
    /// `lines.len()` rows of [`CONTEXT_FEATURES`] values each: the first
    /// [`FEATURES`] read from the text, the rest the first round's
    /// judgement around the line once [`add_context`] has set them (zero
    /// before). One row holds both rounds, so the second round's input is
    /// the first's with its columns filled in, not a copy of it.
    pub values: Vec<f32>,
    /// What each row's line is, in words, for the reason of a removal.
    pub evidence: Vec<Evidence>,
}

impl Table {
    /// The first round's features of `row`.
    pub fn row(&self, row: usize) -> &[f32] {
        &self.values[row * CONTEXT_FEATURES..row * CONTEXT_FEATURES + FEATURES]
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// What a line shows of itself, for the reason given when it goes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    pub words: usize,
    pub stop_share: f32,
    pub ends_sentence: bool,
    pub menu_like: bool,
    /// The phrase list whose strong or heading phrases it holds, if any.
    pub phrase: Option<PhraseList>,
    pub markup: bool,
    /// How many lines of the text read the same.
    pub repeats: usize,
    /// How many menu-like lines stand in a run with it (0 if it is not menu-like).
    pub menu_run: usize,
    /// Whether it holds figures (a table's row, a price, a date).
    pub figures: bool,
    /// Whether it has the shape of a line of code or data ([`code_shaped`]).
    pub code: bool,
}

/// Words of a line that reads as a sentence of some length.
const SENTENCE_WORDS: usize = 12;

impl Evidence {
    /// Whether the line is a sentence of some length with no boilerplate phrase.
    pub fn is_prose(&self) -> bool {
        self.words >= SENTENCE_WORDS && self.ends_sentence && self.phrase.is_none()
    }

    /// Whether the line is page furniture on its own showing.
    pub fn is_furniture(&self) -> bool {
        is_furniture(self.menu_run, self.phrase, self.markup)
    }
}

/// Whether a line is page furniture on its own showing: one of a run of
/// menu-like lines (`menu_run` long), a boilerplate phrase, or markup or a bare address.
fn is_furniture(menu_run: usize, phrase: Option<PhraseList>, markup: bool) -> bool {
    menu_run >= 2 || phrase.is_some() || markup
}

/// The own reading of a line: the columns a line contributes to its own
/// row and, in part, to its neighbours'.
#[derive(Clone, Copy, Debug, Default)]
struct Own {
    words: f32,
    chars: f32,
    stop_share: f32,
    ends_sentence: f32,
    ends_strongly: f32,
    figures: f32,
    digit_share: f32,
    upper_share: f32,
    punct_share: f32,
    bullet: f32,
    separators: f32,
    markup: f32,
    address: f32,
    menu_like: f32,
    stretch: f32,
    strong_hit: f32,
    /// The list whose strong or heading phrases the line holds, if any.
    phrase: Option<PhraseList>,
}

/// Names of the features, in row order; the fitted model is read against them.
#[rustfmt::skip]
pub const NAMES: &[&str] = &[
    // The line itself.
    "words", "chars", "stop_share", "common_share", "ends_sentence", "ends_strongly", "figures", "digit_share", "upper_share",
    "punct_share", "bullet", "separators", "markup", "address", "menu_like", "stretch_score", "strong_hit",
    "pair_hit", "repeats", "first_of_repeats", "menu_run", "in_best_stretch", "from_best_stretch",
    // Phrase lists, a section each.
    "advertisement.heading", "advertisement.strong", "advertisement.weak",
    "comments.heading", "comments.strong", "comments.weak",
    "cookies.heading", "cookies.strong", "cookies.weak",
    "disclaimer.heading", "disclaimer.strong", "disclaimer.weak",
    "error.heading", "error.strong", "error.weak",
    "navigation.heading", "navigation.strong", "navigation.weak",
    "newsletter.heading", "newsletter.strong", "newsletter.weak",
    "read_more.heading", "read_more.strong", "read_more.weak",
    "related.heading", "related.strong", "related.weak",
    "share.heading", "share.strong", "share.weak",
    // Neighbours at -2, -1, +1, +2: words, stop share, sentence end, menu-like, strong hit.
    "prev2.words", "prev2.stop_share", "prev2.ends_sentence", "prev2.menu_like", "prev2.strong_hit",
    "prev1.words", "prev1.stop_share", "prev1.ends_sentence", "prev1.menu_like", "prev1.strong_hit",
    "next1.words", "next1.stop_share", "next1.ends_sentence", "next1.menu_like", "next1.strong_hit",
    "next2.words", "next2.stop_share", "next2.ends_sentence", "next2.menu_like", "next2.strong_hit",
    // Windows of 3 and 10 lines either side: mean words, stop share, common share, sentence ends, menu-like, stretch score.
    "near.words", "near.stop_share", "near.common_share", "near.ends_sentence", "near.menu_like", "near.stretch",
    "wide.words", "wide.stop_share", "wide.common_share", "wide.ends_sentence", "wide.menu_like", "wide.stretch",
    // The text as a whole. Not its length, nor where in it a line stands:
    // the labelled pages are all whole pages, and a model that learns that
    // their last lines are footers would cut the end off a pasted article.
    "text.prose_share", "text.menu_share", "text.has_stop_list",
];

/// Values in a row.
pub const FEATURES: usize = NAMES.len();
const WINDOW_COLUMNS: usize = 6;

/// What each non-blank line of a text shows of itself: the first part of
/// reading its features, and enough to tell whether the text holds page
/// furniture at all (most clean texts hold none, and need no more read).
pub struct Survey {
    /// For each row, the index of its line among all the text's lines.
    lines: Vec<usize>,
    own: Vec<Own>,
    /// For each row, the row where the first line with its key stands.
    first_of_key: Vec<usize>,
    pub evidence: Vec<Evidence>,
}

/// "Keep unless there is evidence": a text is cut down only when, of the
/// lines judged outside its main text, at least this many, and a share of
/// all its lines ([`furniture_share`]), are page furniture on their own
/// showing (runs of menu-like lines, boilerplate phrases, markup). The
/// labelled pages cannot set these alone: every one of them is a whole page
/// with furniture. They are set where clean texts (an article pasted alone)
/// stay whole: at 4 lines rather than 3, two short texts of `dev-dirty`
/// (a few hundred words, a notice or two around them) are no longer cut
/// to their first lines (its word F1 0.8724 -> 0.8769), while WCXB's pages
/// are all but the same (`wcxb-dev-text` 0.8287 -> 0.8289, 7 pages changed).
const MIN_FURNITURE_LINES: usize = 4;

/// The share of furniture that lets `main-content` cut a text: the lowest
/// at which Readability's clean texts (`dev-clean`) all stay as they were
/// (0.06 cuts some). WCXB's whole pages ask for lower still: 0.10 -> 0.08
/// raised `wcxb-dev-text` word F1 0.8270 -> 0.8287 (36 pages up, 3 down,
/// every fold of whole domains better) and `lines-wcxb-dev` 0.7194 -> 0.7246.
const TEXT_JUDGED_SHARE: f64 = 0.08;

/// The share asked by the rules that stand aside on clean texts
/// ([`crate::scorer::shows_furniture`]), where lower gains nothing, and of
/// a page's whole text judged line by line as a second opinion on its
/// structure: lower there, the line reading overrides the structure's
/// where it should not (`wcxb-dev-html` word F1 0.8704 -> 0.8696 at 0.08).
pub const FURNITURE_SHARE: f64 = 0.10;

/// The share of furniture lines that lets `main-content` cut `doc`.
pub fn furniture_share(doc: &Doc) -> f64 {
    if doc.is_page_text() {
        FURNITURE_SHARE
    } else {
        TEXT_JUDGED_SHARE
    }
}

/// Furniture lines that are evidence enough whatever share of a text they
/// are: a long page whose comments, reviews or description far outnumber
/// its menus still shows them. The clean texts bound it from below (a clean
/// Wikipedia article of `dev-clean` holds 21 such lines and is cut from 19
/// on); WCXB's pages pick the lowest bound allowed with whole domains held
/// out (22: `wcxb-dev-text` word F1 0.8285 -> 0.8302, every fold); 25
/// leaves room above the clean texts' 21 for 0.0005 of that (0.8297,
/// `lines-wcxb-dev` 0.7242 -> 0.7284). At 20 `wcxb-dev-html` loses
/// (0.8704 -> 0.8696): a page's text judged line by line overrides its
/// structure more often.
const PLENTY_OF_FURNITURE: usize = 25;

/// Whether `furniture` lines of `lines` are evidence enough to cut a text,
/// when `share` of them is asked: that share, or plenty of them.
pub fn enough_furniture(furniture: usize, lines: usize, share: f64) -> bool {
    furniture_share_reached(furniture, lines, share) || furniture >= PLENTY_OF_FURNITURE
}

/// Whether `furniture` lines of `lines` make up `share` of them, and at
/// least [`MIN_FURNITURE_LINES`]: [`enough_furniture`] by their share alone.
pub fn furniture_share_reached(furniture: usize, lines: usize, share: f64) -> bool {
    furniture >= MIN_FURNITURE_LINES && furniture as f64 >= lines as f64 * share
}

impl Survey {
    /// How many of its lines are page furniture on their own showing.
    pub fn furniture(&self) -> usize {
        self.evidence.iter().filter(|e| e.is_furniture()).count()
    }

    /// Whether the text shows enough furniture to be a whole page's text,
    /// not a clean text that must come back as it was, when `share` of its
    /// lines is asked ([`furniture_share`]).
    pub fn shows_furniture(&self, share: f64) -> bool {
        enough_furniture(self.furniture(), self.len(), share)
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Surveys each non-blank line of `doc`, whose stop words are `stop`
/// ([`crate::reading::stopwords::for_text`]).
pub fn survey(doc: &Doc, stop: StopWords) -> Survey {
    survey_marked(doc, stop, Marked::of(doc, stop))
}

/// [`survey`], from the lines' marks already read.
pub fn survey_marked(doc: &Doc, stop: StopWords, marked: Marked) -> Survey {
    let readings = doc.readings(stop);
    let (word_counts, keys) = (doc.word_counts(), doc.paragraph_keys());
    let Marked { lines, marks, menu_runs } = marked;
    let spans = doc.spans();
    let own: Vec<Own> = lines
        .iter()
        .zip(marks)
        .map(|(&i, marks)| read_own(&doc.text()[spans[i].start..spans[i].end], word_counts[i], &readings[i], marks))
        .collect();
    // How many lines share each line's key, and the first of them.
    let mut repeats: rustc_hash::FxHashMap<u64, (usize, usize)> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(lines.len(), Default::default());
    for (row, &i) in lines.iter().enumerate() {
        repeats.entry(keys[i].hash).or_insert((0, row)).0 += 1;
    }
    let (evidence, first_of_key) = lines
        .iter()
        .zip(&own)
        .zip(menu_runs)
        .map(|((&i, o), menu_run)| {
            let (count, first) = repeats[&keys[i].hash];
            let evidence = Evidence {
                words: o.words as usize,
                stop_share: o.stop_share,
                ends_sentence: o.ends_sentence > 0.0,
                menu_like: o.menu_like > 0.0,
                phrase: o.phrase,
                markup: o.markup > 0.0 || o.address > 0.0,
                repeats: count,
                menu_run,
                figures: o.figures > 0.0,
                code: code_shaped(doc.text()[spans[i].start..spans[i].end].trim()),
            };
            (evidence, first)
        })
        .unzip();
    Survey { lines, own, first_of_key, evidence }
}

/// Whether `trimmed` has the shape of a line of code or of data written as
/// code: it closes a bracket at its start, opens one or ends a statement at
/// its end, or starts with a quoted key (`"preset": "article",`). Prose
/// and menus seldom do any of these.
fn code_shaped(trimmed: &str) -> bool {
    matches!(trimmed.chars().next(), Some('}' | ']' | ')'))
        || matches!(trimmed.chars().next_back(), Some('{' | '[' | '(' | ';'))
        || (trimmed.starts_with('"') && trimmed.contains("\":"))
}

/// Reads the features of each non-blank line of `doc`, whose stop words are
/// `stop` ([`crate::reading::stopwords::for_text`]), into a whole table (the fit's
/// way; the engine judges a few rows at a time, [`crate::scorer::judge`]).
pub fn table(doc: &Doc, stop: StopWords) -> Table {
    let rows = Rows::of(doc, survey(doc, stop), stop);
    let mut values = vec![0f32; rows.len() * CONTEXT_FEATURES];
    for (row, values) in values.chunks_exact_mut(CONTEXT_FEATURES).enumerate() {
        rows.fill(row, &mut values[..FEATURES]);
    }
    let Rows { lines, evidence, .. } = rows;
    Table { lines, values, evidence }
}

/// What the first round's features of each row are read from: the survey,
/// and what is known of the text as a whole. A row's features are filled
/// in when asked for ([`Rows::fill`]), so a long text's rows need not all
/// be held at once.
pub struct Rows<'a> {
    /// For each row, the index of its line among all the text's lines.
    pub lines: Vec<usize>,
    pub evidence: Vec<Evidence>,
    own: Vec<Own>,
    first_of_key: Vec<usize>,
    hits: &'a [Hits],
    pairs: &'a [Hits],
    best: Option<std::ops::Range<usize>>,
    whole: [f32; 3],
    common: Vec<f32>,
    /// Prefix sums of the window columns, for means over any window; in
    /// double precision, as the sums of a long text's lines grow past what
    /// single precision holds to a fraction of a line.
    sums: Vec<[f64; WINDOW_COLUMNS]>,
}

impl<'a> Rows<'a> {
    /// The rows `survey` holds of `doc`.
    pub fn of(doc: &'a Doc, survey: Survey, stop: StopWords) -> Rows<'a> {
        let Survey { lines, own, first_of_key, evidence } = survey;
        let n = lines.len();
        let best = best_stretch(&own);
        let prose = own.iter().filter(|o| o.stop_share >= PROSE_STOP_SHARE as f32 && o.words >= 8.0).count();
        let menus = own.iter().filter(|o| o.menu_like > 0.0).count();
        let whole = [share(prose, n), share(menus, n), if stop.is_some() { 1.0 } else { 0.0 }];
        let common = common_shares(doc, &lines);
        let window_columns =
            |o: &Own, common: f32| [o.words.min(WORD_CAP), o.stop_share.max(0.0), common, o.ends_sentence, o.menu_like, o.stretch];
        let mut sums = vec![[0f64; WINDOW_COLUMNS]; n + 1];
        for (row, o) in own.iter().enumerate() {
            let columns = window_columns(o, common[row]);
            for c in 0..WINDOW_COLUMNS {
                sums[row + 1][c] = sums[row][c] + f64::from(columns[c]);
            }
        }
        Rows { lines, evidence, own, first_of_key, hits: doc.phrase_hits(), pairs: doc.pair_hits(), best, whole, common, sums }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Sets `values`, [`FEATURES`] of them, to the first round's features of `row`.
    pub fn fill(&self, row: usize, values: &mut [f32]) {
        let (n, o, e, i) = (self.len(), &self.own[row], &self.evidence[row], self.lines[row]);
        let from_best = match &self.best {
            Some(range) if range.contains(&row) => 0.0,
            Some(range) if row < range.start => (range.start - row) as f32,
            Some(range) => (row + 1 - range.end) as f32,
            None => n as f32,
        };
        let mut columns = Columns(values);
        columns.put(&[
            o.words,
            o.chars,
            o.stop_share,
            self.common[row],
            o.ends_sentence,
            o.ends_strongly,
            o.figures,
            o.digit_share,
            o.upper_share,
            o.punct_share,
            o.bullet,
            o.separators,
            o.markup,
            o.address,
            o.menu_like,
            o.stretch,
            o.strong_hit,
            f(self.pairs[i].bits() & SCORED_BITS != 0),
            e.repeats as f32,
            if self.first_of_key[row] == row { 1.0 } else { 0.0 },
            e.menu_run as f32,
            if from_best == 0.0 { 1.0 } else { 0.0 },
            from_best.min(50.0),
        ]);
        // A bit of the hits for each section of each list read, in list order.
        let bits = self.hits[i].bits();
        for bit in 0..SCORED_LISTS * 3 {
            columns.put(&[f(bits >> bit & 1 == 1)]);
        }
        for offset in NEIGHBOURS {
            // Beyond the text's ends, the line itself: that a line is first
            // or last must not count, as the labelled pages would teach
            // that last lines are footers.
            let o = row.checked_add_signed(offset).filter(|&r| r < n).map_or(o, |r| &self.own[r]);
            columns.put(&[o.words, o.stop_share, o.ends_sentence, o.menu_like, o.strong_hit]);
        }
        for reach in WINDOWS {
            let (from, to) = (row.saturating_sub(reach), (row + reach + 1).min(n));
            let span = (to - from) as f64;
            let means: [f32; WINDOW_COLUMNS] = std::array::from_fn(|c| ((self.sums[to][c] - self.sums[from][c]) / span) as f32);
            columns.put(&means);
        }
        columns.put(&self.whole);
        debug_assert!(columns.0.is_empty(), "every feature named is set");
    }
}

/// The columns of a row not yet set, set from the left.
struct Columns<'a>(&'a mut [f32]);

impl Columns<'_> {
    fn put(&mut self, values: &[f32]) {
        let (set, rest) = std::mem::take(&mut self.0).split_at_mut(values.len());
        set.copy_from_slice(values);
        self.0 = rest;
    }
}

/// Words of a text that stand for its function words, whatever its
/// language: its most frequent ones, seen at least [`COMMON_MIN`] times.
const COMMON_WORDS: usize = 30;
const COMMON_MIN: usize = 3;

/// For each row, the share of its words that are among the text's most
/// frequent: in any language these are its function words ("the", "de",
/// "и"), which prose is made of and menus lack. Unlike the stop-word
/// share it needs no list, so it reads languages that have none alike.
fn common_shares(doc: &Doc, lines: &[usize]) -> Vec<f32> {
    let hashes = doc.word_hashes();
    // Grown to the text's distinct words, far fewer than its words in a long text.
    let mut counts: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    for &i in lines {
        for &hash in hashes[i].iter() {
            *counts.entry(hash).or_default() += 1;
        }
    }
    let mut frequent: Vec<(usize, u64)> = counts.into_iter().filter(|&(_, n)| n >= COMMON_MIN).map(|(h, n)| (n, h)).collect();
    // Most frequent first; ties by hash, so the set is the same on every run.
    frequent.sort_unstable_by(|a, b| b.cmp(a));
    let common: rustc_hash::FxHashSet<u64> = frequent.into_iter().take(COMMON_WORDS).map(|(_, h)| h).collect();
    lines
        .iter()
        .map(|&i| {
            let words = &hashes[i];
            share(words.iter().filter(|h| common.contains(h)).count(), words.len())
        })
        .collect()
}

fn share(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// How many of [`PhraseList::ALL`], from the first, the scorer reads: all
/// but the shop's buttons, which `shop-prompts` removes after the scorer
/// has judged the lines. Read as features and fitted again, they moved
/// `wcxb-dev-text` word F1 held out within the noise of a fit (0.8289 -> 0.8294: collections
/// 0.645 -> 0.663, articles 0.911 -> 0.909) and cut clean texts that had
/// been left whole (`dev-clean` 0.9953 -> 0.9945).
const SCORED_LISTS: usize = 10;
/// The bits of [`Hits`] of the lists the scorer reads.
const SCORED_BITS: u64 = (1 << (SCORED_LISTS * 3)) - 1;

/// The first phrase list read by the scorer whose heading or strong phrases `hits` holds.
fn strong_list(hits: Hits) -> Option<PhraseList> {
    // Of each list's three bits (heading, strong, weak), the first two.
    const STRONG: u64 = 0o333_333_333_333_333_333_333 & SCORED_BITS;
    let strong = hits.bits() & STRONG;
    (strong != 0).then(|| PhraseList::ALL[strong.trailing_zeros() as usize / 3])
}

/// What marks a line as page furniture, read alone: the part of its own
/// reading that tells whether a text holds furniture at all.
#[derive(Clone, Copy)]
struct Marks {
    stop_share: f32,
    phrase: Option<PhraseList>,
    markup: bool,
    address: bool,
    menu_like: bool,
}

impl Marks {
    /// The marks of `trimmed`, a line of `words` words read as `reading`, holding the phrases `hits`.
    fn of(trimmed: &str, words: usize, reading: &Reading, hits: Hits) -> Marks {
        let &Reading { cjk, ends_sentence, holds_figures, .. } = reading;
        let stop_share = match reading.stop_share {
            Some(share) => share as f32,
            // Chinese, Japanese and Korean have no stop words to tell by: their lines read as prose.
            None if cjk > 0 => PROSE_STOP_SHARE as f32,
            None => -1.0,
        };
        let markup = (trimmed.starts_with('<') && trimmed.ends_with('>')) || trimmed.starts_with('{') || trimmed.ends_with('{');
        let address =
            !trimmed.contains(' ') && (trimmed.starts_with("http://") || trimmed.starts_with("https://") || trimmed.starts_with("www."));
        let menu_like = !markup
            && !ends_sentence
            && !holds_figures
            && ((words <= 8 && cjk == 0 && stop_share <= 0.0) || (cjk > 0 && cjk <= CJK_MENU_CHARS && words <= 2));
        Marks { stop_share, phrase: strong_list(hits), markup, address, menu_like }
    }
}

/// The marks of each non-blank line of a text: the first part of its
/// survey, and all that tells whether it holds furniture enough to judge.
pub struct Marked {
    /// For each row, the index of its line among all the text's lines.
    lines: Vec<usize>,
    marks: Vec<Marks>,
    /// For each row, how many menu-like lines stand in a run with it.
    menu_runs: Vec<usize>,
}

impl Marked {
    /// The marks of the non-blank lines of `doc`, whose stop words are `stop`.
    pub fn of(doc: &Doc, stop: StopWords) -> Marked {
        let readings = doc.readings(stop);
        let (word_counts, hits) = (doc.word_counts(), doc.phrase_hits());
        let (lines, marks): (Vec<usize>, Vec<Marks>) = doc
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.is_blank())
            .map(|(i, line)| (i, Marks::of(line.text.trim(), word_counts[i], &readings[i], hits[i])))
            .unzip();
        let menu_runs = menu_runs(&marks.iter().map(|m| m.menu_like).collect::<Vec<_>>());
        Marked { lines, marks, menu_runs }
    }

    /// How many of its lines are furniture on their own showing:
    /// [`Survey::furniture`], without the rest of the survey.
    pub fn furniture(&self) -> usize {
        self.marks.iter().zip(&self.menu_runs).filter(|(m, &run)| is_furniture(run, m.phrase, m.markup || m.address)).count()
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// How many of the non-blank lines of `doc`, whose stop words are `stop`,
/// are furniture on their own showing, and how many lines there are.
pub fn furniture(doc: &Doc, stop: StopWords) -> (usize, usize) {
    let marked = Marked::of(doc, stop);
    (marked.furniture(), marked.len())
}

fn read_own(line: &str, words: usize, reading: &Reading, marks: Marks) -> Own {
    let trimmed = line.trim();
    let &Reading { cjk, ends_sentence, holds_figures, .. } = reading;
    let words_read = (words + cjk / 2) as f32;
    let Marks { stop_share, phrase, markup, address, menu_like } = marks;
    let shape = Shape::of(trimmed);
    let first = trimmed.chars().next().unwrap_or(' ');
    let last = trimmed.chars().next_back().unwrap_or(' ');
    let stop_known = stop_share.max(0.0);
    let quality = 0.6 * (stop_known / PROSE_STOP_SHARE as f32).min(1.0) + if ends_sentence { 0.4 } else { 0.0 };
    Own {
        words: words_read,
        chars: shape.chars as f32,
        stop_share,
        ends_sentence: f(ends_sentence),
        ends_strongly: f(FULL_STOPS.contains(&last)),
        figures: f(holds_figures),
        digit_share: share(shape.digits, shape.chars),
        upper_share: share(shape.upper, shape.letters),
        punct_share: share(shape.punct, shape.chars),
        bullet: f(matches!(first, '•' | '·' | '-' | '*' | '–' | '—' | '›' | '»' | '>' | '|' | '◦' | '▪' | '►')),
        separators: shape.separators.min(20) as f32,
        markup: f(markup),
        address: f(address),
        menu_like: f(menu_like),
        stretch: words_read.min(WORD_CAP) * quality - LINE_COST,
        strong_hit: f(phrase.is_some()),
        phrase,
    }
}

/// Counts of a line's kinds of character, read in one pass.
#[derive(Default)]
struct Shape {
    chars: usize,
    digits: usize,
    letters: usize,
    upper: usize,
    /// Neither letter, digit nor blank.
    punct: usize,
    /// Characters that separate menu items and breadcrumbs.
    separators: usize,
}

/// Bytes of a line read for its [`Shape`]: the shares of a long line's
/// kinds of character show in its head as well as in the whole.
const SHAPE_SAMPLE: usize = 256;

impl Shape {
    fn of(line: &str) -> Shape {
        let sample = &line.as_bytes()[..line.len().min(SHAPE_SAMPLE)];
        // Characters: bytes that do not continue a character.
        let chars = line.bytes().filter(|&b| (b as i8) >= -0x40).count();
        if sample.is_ascii() {
            // Most lines: by bytes, with no character decoded nor branch
            // taken; each byte adds its kinds to five counts at once.
            let packed: u64 = sample.iter().map(|&byte| ASCII_CLASS[byte as usize]).sum();
            let count = |kind: usize| (packed >> (kind * CLASS_BITS) & CLASS_MASK) as usize;
            let scale = |count: usize| count * chars / sample.len().max(1);
            return Shape {
                chars,
                digits: scale(count(0)),
                letters: scale(count(1)),
                upper: scale(count(2)),
                punct: scale(count(3)),
                separators: scale(count(4)),
            };
        }
        let mut shape = Shape { chars, ..Shape::default() };
        let mut read = 0;
        for c in line.chars().take(SHAPE_SAMPLE) {
            read += 1;
            if c.is_ascii_digit() {
                shape.digits += 1;
            } else if c.is_alphabetic() {
                shape.letters += 1;
                shape.upper += usize::from(c.is_uppercase());
            } else if !c.is_whitespace() {
                shape.punct += 1;
                shape.separators += usize::from(matches!(c, '|' | '•' | '·' | '/' | '»' | '›' | '>'));
            }
        }
        let scale = |count: usize| count * chars / read.max(1);
        Shape {
            chars,
            digits: scale(shape.digits),
            letters: scale(shape.letters),
            upper: scale(shape.upper),
            punct: scale(shape.punct),
            separators: scale(shape.separators),
        }
    }
}

/// Bits of each count packed in an [`ASCII_CLASS`] number: enough for
/// [`SHAPE_SAMPLE`] bytes.
const CLASS_BITS: usize = 12;
const CLASS_MASK: u64 = (1 << CLASS_BITS) - 1;

/// For each ASCII byte, a one in the field of each of its kinds (digit,
/// letter, capital, punctuation, separator), fields of [`CLASS_BITS`] bits:
/// summing a line's numbers counts every kind at once.
static ASCII_CLASS: [u64; 256] = {
    const fn field(kind: usize) -> u64 {
        1 << (kind * CLASS_BITS)
    }
    let mut table = [0u64; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_digit() {
            field(0)
        } else if b.is_ascii_uppercase() {
            field(1) | field(2)
        } else if b.is_ascii_lowercase() {
            field(1)
        } else if b.is_ascii_whitespace() || b == 0x0b {
            0
        } else if b == b'|' || b == b'/' || b == b'>' {
            field(3) | field(4)
        } else {
            field(3)
        };
        byte += 1;
    }
    table
};

fn f(yes: bool) -> f32 {
    if yes {
        1.0
    } else {
        0.0
    }
}

/// For each row, the length of the run of menu-like lines it stands in (0 if it is not menu-like).
fn menu_runs(menu_like: &[bool]) -> Vec<usize> {
    let mut runs = vec![0; menu_like.len()];
    let mut start = 0;
    while start < menu_like.len() {
        if !menu_like[start] {
            start += 1;
            continue;
        }
        let end = (start..menu_like.len()).find(|&r| !menu_like[r]).unwrap_or(menu_like.len());
        runs[start..end].fill(end - start);
        start = end;
    }
    runs
}

/// The stretch of rows with the highest total stretch score.
fn best_stretch(own: &[Own]) -> Option<std::ops::Range<usize>> {
    best_run(own.iter().map(|o| o.stretch))
}

/// What the second round's features of each row are read from: the first
/// round's probabilities around it and across the text, so that a line is
/// judged with what its neighbours, and the page as a whole, were judged to be.
pub struct Context<'a> {
    first: &'a [f32],
    /// Prefix sums of `first`, in double precision as [`Rows`]' are.
    sums: Vec<f64>,
    sorted: Vec<f32>,
    quantiles: [f32; 3],
    best: Option<std::ops::Range<usize>>,
}

impl<'a> Context<'a> {
    /// The context of rows whose first-round probabilities are `first`.
    pub fn of(first: &'a [f32]) -> Context<'a> {
        let n = first.len();
        let mut sums = vec![0f64; n + 1];
        for (row, &p) in first.iter().enumerate() {
            sums[row + 1] = sums[row] + f64::from(p);
        }
        let mut sorted = first.to_vec();
        sorted.sort_unstable_by(f32::total_cmp);
        let quantile = |q: f32| sorted.get(((n as f32 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
        let quantiles = [quantile(1.0), quantile(0.9), quantile(0.75)];
        let best = best_run(first.iter().map(|p| p - 0.5));
        Context { first, sums, sorted, quantiles, best }
    }

    /// Sets `values`, the [`CONTEXT_NAMES`] columns, to the context of `row`.
    pub fn fill(&self, row: usize, values: &mut [f32]) {
        let (first, n) = (self.first, self.first.len());
        let mean = |from: usize, to: usize| ((self.sums[to] - self.sums[from]) / (to - from).max(1) as f64) as f32;
        let [top, q90, q75] = self.quantiles;
        let mut columns = Columns(values);
        let p = first[row];
        columns.put(&[p]);
        // Beyond the text's ends, the line itself, as in the first round.
        for offset in [-3isize, -2, -1, 1, 2, 3] {
            columns.put(&[row.checked_add_signed(offset).filter(|&r| r < n).map_or(p, |r| first[r])]);
        }
        for reach in [3usize, 10, 30] {
            columns.put(&[
                if row > 0 { mean(row.saturating_sub(reach), row) } else { p },
                if row + 1 < n { mean(row + 1, (row + 1 + reach).min(n)) } else { p },
            ]);
        }
        let rank = self.sorted.partition_point(|&q| q < p) as f32 / n.max(1) as f32;
        columns.put(&[
            mean(0, n),
            top,
            q90,
            q75,
            rank,
            if top > 0.0 { p / top } else { 0.0 },
            f(self.best.as_ref().is_some_and(|b| b.contains(&row))),
        ]);
        debug_assert!(columns.0.is_empty(), "every feature named is set");
    }
}

/// Sets the second round's features of each row of `table` from the first
/// round's probabilities, `first` ([`Context`]).
pub fn add_context(table: &mut Table, first: &[f32]) {
    let context = Context::of(first);
    for (row, values) in table.values.chunks_exact_mut(CONTEXT_FEATURES).enumerate().take(first.len()) {
        context.fill(row, &mut values[FEATURES..]);
    }
}

/// The stretch of `scores` with the highest total (Kadane), if any is positive.
fn best_run(scores: impl Iterator<Item = f32>) -> Option<std::ops::Range<usize>> {
    let mut best: Option<(usize, usize, f32)> = None;
    let (mut run_start, mut run_sum) = (0, 0.0f32);
    for (i, score) in scores.enumerate() {
        if run_sum <= 0.0 {
            run_start = i;
            run_sum = 0.0;
        }
        run_sum += score;
        if run_sum > 0.0 && best.is_none_or(|(_, _, b)| run_sum > b) {
            best = Some((run_start, i + 1, run_sum));
        }
    }
    best.map(|(start, end, _)| start..end)
}

/// Names of the second round's features, after [`NAMES`].
pub const CONTEXT_NAMES: &[&str] = &[
    "p", "p.prev3", "p.prev2", "p.prev1", "p.next1", "p.next2", "p.next3", "p.before3", "p.after3", "p.before10", "p.after10",
    "p.before30", "p.after30", "p.text", "p.text_top", "p.text_q90", "p.text_q75", "p.rank", "p.of_top", "p.in_best_stretch",
];

/// Values in a second-round row.
pub const CONTEXT_FEATURES: usize = FEATURES + CONTEXT_NAMES.len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_count_each_kind_of_character() {
        let shape = Shape::of("Home | News 24/7 > A");
        assert_eq!((shape.chars, shape.digits, shape.letters, shape.upper), (20, 3, 9, 3));
        assert_eq!((shape.punct, shape.separators), (3, 3));
        let beyond = Shape::of("Caf\u{e9} \u{b7} N\u{e9}e 2");
        assert_eq!((beyond.chars, beyond.digits, beyond.letters, beyond.upper, beyond.separators), (12, 1, 7, 2, 1));
    }

    #[test]
    fn rows_hold_every_named_feature_of_every_non_blank_line() {
        let doc = Doc::new("Home\nNews\n\nThe river fell by a metre overnight, the council said.\nShare this\n".into());
        let table = table(&doc, crate::reading::stopwords::for_text(doc.text()));
        assert_eq!(table.lines, [0, 1, 3, 4]);
        assert_eq!(table.values.len(), 4 * CONTEXT_FEATURES);
        let column = |name: &str| NAMES.iter().position(|n| *n == name).unwrap();
        assert_eq!(table.row(2)[column("ends_sentence")], 1.0);
        assert_eq!(table.row(0)[column("menu_run")], 2.0, "Home and News make a run");
        assert_eq!(table.row(3)[column("share.strong")], 1.0);
        assert_eq!(table.row(1)[column("next1.words")], table.row(2)[column("words")]);
        let mut second = table.clone();
        add_context(&mut second, &[0.1, 0.2, 0.9, 0.3]);
        assert_eq!(second.row(1), table.row(1), "the first round's features stay");
        assert_eq!(second.values[CONTEXT_FEATURES + FEATURES + 3], 0.1, "the second row's line before was judged 0.1");
    }

    #[test]
    fn a_line_deep_in_a_long_text_reads_its_window_as_near_the_start() {
        // The same four lines over and over: each copy's windows hold the
        // same lines, whether near the start or 200,000 lines in.
        let block =
            "The river fell by a metre overnight, the council said on Friday.\nHome\nRoads in the valley would open again soon.\nShare\n";
        let doc = Doc::new(block.repeat(50_000));
        let table = table(&doc, crate::reading::stopwords::for_text(doc.text()));
        let near = NAMES.iter().position(|n| *n == "near.words").unwrap();
        let windows = near..near + 2 * WINDOW_COLUMNS;
        let (early, late) = (table.row(40), table.row(table.len() - 40));
        assert_eq!(early[windows.clone()], late[windows], "window means of rows 40 and {}", table.len() - 40);
    }

    #[test]
    fn the_furniture_count_alone_is_the_surveys() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/page-text");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap()).collect();
        texts.push("<div>\n{\nhttps://example.com/a\nHome\nNews\n\u{65b0}\u{805e}\nThe river fell.\n".into());
        let mut pages = 0;
        for text in texts {
            let doc = Doc::new(text);
            let stop = doc.stop_words();
            let survey = survey(&doc, stop);
            assert_eq!(furniture(&doc, stop), (survey.furniture(), survey.len()), "{}", doc.text());
            pages += usize::from(survey.shows_furniture(furniture_share(&doc)));
        }
        assert!(pages >= 3, "the fixtures hold pages with furniture, not only clean texts");
    }

    #[test]
    fn lines_of_code_and_data_are_told_by_their_edges() {
        for line in ["{", "}", "],", "\"preset\": \"article\",", "fn main() {", "let x = 1;", "print("] {
            assert!(code_shaped(line), "{line}");
        }
        for line in ["The storm reached the coast.", "Home", "Quoted \"words\" here", "Prices (from)"] {
            assert!(!code_shaped(line), "{line}");
        }
    }
}

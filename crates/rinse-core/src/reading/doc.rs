//! Small views of text that many rules share.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::hash::{BuildHasher, Hasher};
use std::ops::Range;

use rustc_hash::{FxBuildHasher, FxHasher};

use crate::edit::Change;
use crate::reading::blanks::is_ascii_blank;
pub use crate::reading::blanks::word_count;
use crate::reading::chars::{self, Kind};
use crate::reading::packed::{Lists, PerLine};
use crate::reading::phrases::{fold_into, without_edges, Hits, INDEX};
use crate::reading::prose::{same_list, Reading, Readings, StopWords};
use crate::reading::stopwords::Sample;

/// One line of a text, without its terminator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// Byte offset where the line starts.
    pub start: usize,
    /// Byte offset after the line's last character, before its `\n`.
    pub end: usize,
    /// Byte offset after its `\n` (equal to `end` on a last line without one).
    pub next: usize,
    pub text: &'a str,
}

impl Line<'_> {
    /// The whole line with its terminator: what deleting the line removes.
    pub fn full(&self) -> std::ops::Range<usize> {
        self.start..self.next
    }

    pub fn is_blank(&self) -> bool {
        // Most lines start with an ASCII character that is not blank.
        match self.text.as_bytes().first() {
            None => true,
            Some(&first) if first.is_ascii() && !is_ascii_blank(first) => false,
            Some(_) => self.text.trim().is_empty(),
        }
    }
}

/// Where a line lies in its text: [`Line`] without the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// The lines of `text`, split on `\n`.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    // Breaks found by one search that keeps its place, not one search a line.
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| (at, at + 1));
    let last = (text.len(), text.len());
    let mut start = 0;
    breaks.chain(std::iter::once(last)).filter_map(move |(end, next)| {
        // After a final `\n` there is no line.
        if start == next {
            return None;
        }
        let line = Line { start, end, next, text: text.get(start..end)? };
        start = next;
        Some(line)
    })
}

/// The lines of `text` that hold one of the bytes at `positions` (in
/// increasing order), each once, in order: what [`lines`] gives, filtered,
/// without reading the lines that hold none.
pub fn lines_holding(text: &str, positions: impl Iterator<Item = usize>) -> impl Iterator<Item = Line<'_>> {
    let bytes = text.as_bytes();
    // Where the lines not yet given begin.
    let mut unread = 0;
    positions.filter_map(move |at| {
        if at < unread || at >= bytes.len() {
            return None;
        }
        let start = memchr::memrchr(b'\n', &bytes[unread..at]).map_or(unread, |before| unread + before + 1);
        let (end, next) = memchr::memchr(b'\n', &bytes[at..]).map_or((bytes.len(), bytes.len()), |after| (at + after, at + after + 1));
        unread = next;
        Some(Line { start, end, next, text: text.get(start..end)? })
    })
}

/// Whether `changes` (tidy, against `text`) only delete whole lines.
pub fn deletes_whole_lines(text: &str, changes: &[Change]) -> bool {
    let bytes = text.as_bytes();
    changes.iter().all(|c| {
        c.replacement.is_empty()
            && (c.start == 0 || bytes[c.start - 1] == b'\n')
            && (c.end == bytes.len() || c.end > c.start && bytes[c.end - 1] == b'\n')
    })
}

/// How many lines that are not blank `changes` (tidy, against `text`) delete whole.
pub fn lines_deleted(text: &str, changes: &[Change]) -> usize {
    let whole =
        |c: &&Change| c.replacement.is_empty() && (c.start == 0 || text.as_bytes()[c.start - 1] == b'\n') && text[..c.end].ends_with('\n');
    changes.iter().filter(whole).map(|c| lines(&text[c.start..c.end]).filter(|l| !l.is_blank()).count()).sum()
}

/// Whether `changes` (tidy, against `text`) only delete whole blank lines.
pub fn deletes_blank_lines(text: &str, changes: &[Change]) -> bool {
    deletes_whole_lines(text, changes) && changes.iter().all(|c| text[c.start..c.end].trim().is_empty())
}

/// Whole lines of a page's visible text that lie outside its main content, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    pub range: std::ops::Range<usize>,
    pub reason: String,
}

/// What a page's main content holds beside its own text, read from its
/// markup: a rule of its own takes it out, and turning that rule off keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aside {
    /// A discussion's details beside each post: its author, its date.
    PostDetails,
    /// A product's customer reviews.
    Reviews,
}

/// Whole lines of a page's visible text that are an [`Aside`], and why.
#[derive(Clone, Debug, PartialEq)]
pub struct AsideLines {
    pub aside: Aside,
    pub lines: Dropped,
}

/// A text being cleaned, with views of it that several rules need, each
/// computed at most once while the text stays the same.
pub struct Doc {
    text: String,
    lines: OnceCell<Vec<Span>>,
    words: OnceCell<Vec<usize>>,
    /// [`Doc::words_read`], made only for a text that holds CJK.
    words_read: OnceCell<Vec<usize>>,
    folded: OnceCell<Folded>,
    word_hashes: OnceCell<Lists<u64>>,
    spaced_word_hashes: OnceCell<Lists<u64>>,
    readings: OnceCell<Readings>,
    /// The stop words, and the sample of words they were picked from.
    stop_words: OnceCell<(StopWords, Sample)>,
    paragraphs: OnceCell<Vec<LineKey>>,
    guarded: OnceCell<Vec<crate::reading::structure::Guarded>>,
    holds_cjk: OnceCell<bool>,
    /// For a page's visible text as read, the blocks outside its main
    /// content; gone once any rule changes the text.
    page_dropped: Option<Vec<Dropped>>,
    /// Whether the text was read from a page's markup, however changed since.
    is_page: bool,
    /// Whether the text is a page's whole visible text, read line by line
    /// as text ([`Doc::from_page_text`]), however changed since.
    page_text: bool,
    /// Lines already cut from the text as page furniture (menus, prompts,
    /// notices): evidence, once they are gone, of what the text came as.
    furniture_cut: usize,
    /// Whether the text is Markdown: its indentation and code blocks are structure.
    markdown: bool,
    /// Stretches of a page's text that were preformatted (`<pre>`): code,
    /// whose spacing is its meaning. Kept whole or removed whole.
    preformatted: Vec<Range<usize>>,
    /// On a page read from its markup, the lines of its main content that
    /// are asides, where they are now; none once removed.
    asides: Vec<AsideLines>,
}

/// Lines longer than this, in words, are prose: no phrase rule looks at
/// their normalised form, so it is not computed.
pub const PHRASE_MAX_WORDS: usize = 60;

/// Longest line, in words, that may hold half of a phrase broken across two lines.
pub const BROKEN_MAX_WORDS: usize = 12;

impl Doc {
    pub fn new(text: String) -> Doc {
        Doc {
            text,
            lines: OnceCell::new(),
            words: OnceCell::new(),
            words_read: OnceCell::new(),
            folded: OnceCell::new(),
            word_hashes: OnceCell::new(),
            spaced_word_hashes: OnceCell::new(),
            readings: OnceCell::new(),
            stop_words: OnceCell::new(),
            paragraphs: OnceCell::new(),
            guarded: OnceCell::new(),
            holds_cjk: OnceCell::new(),
            page_dropped: None,
            is_page: false,
            page_text: false,
            furniture_cut: 0,
            markdown: false,
            preformatted: Vec::new(),
            asides: Vec::new(),
        }
    }

    /// A page's visible text, knowing which blocks lie outside its main content.
    pub fn from_page(text: String, dropped: Vec<Dropped>) -> Doc {
        Doc { page_dropped: Some(dropped), is_page: true, ..Doc::new(text) }
    }

    /// A page's visible text read line by line as text, but for its blocks
    /// `furniture`, known to be no part of it however it is read (removed
    /// by `html-main-content`, each with its reason).
    pub fn from_page_text(text: String, furniture: Vec<Dropped>) -> Doc {
        Doc { page_dropped: Some(furniture), page_text: true, ..Doc::new(text) }
    }

    /// The same text, `preformatted` (ranges of it, sorted) read from a
    /// page's `<pre>` blocks: code, which no rule changes but by removing a block whole.
    pub fn with_preformatted(self, preformatted: Vec<Range<usize>>) -> Doc {
        Doc { preformatted, ..self }
    }

    /// The same text, with `asides` (sorted) the lines of its main content
    /// that are asides ([`Doc::asides`]).
    pub fn with_asides(self, asides: Vec<AsideLines>) -> Doc {
        Doc { asides, ..self }
    }

    /// The lines of a page's main content that are `aside`, as read from
    /// its markup, wherever the rules so far have moved them.
    pub fn asides(&self, aside: Aside) -> impl Iterator<Item = &Dropped> {
        self.asides.iter().filter(move |lines| lines.aside == aside).map(|lines| &lines.lines)
    }

    /// The blocks outside the main content, while the text is the page's as read.
    pub fn page_dropped(&self) -> Option<&[Dropped]> {
        self.page_dropped.as_deref()
    }

    /// Whether the text was read from a page's markup: its structure has
    /// then told what its main content is.
    pub fn is_page(&self) -> bool {
        self.is_page
    }

    /// Whether the text is a page's whole visible text, judged line by line
    /// as a second opinion on what its structure told.
    pub fn is_page_text(&self) -> bool {
        self.page_text
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its Markdown blocks that no rule may break: code blocks, table heads.
    pub fn guarded(&self) -> &[crate::reading::structure::Guarded] {
        self.guarded.get_or_init(|| crate::reading::structure::guarded(&self.text))
    }

    /// Leaves out of `changes` (tidy, against this text) those that would
    /// change a preformatted block but for removing it whole: code, whose
    /// lines and spacing are its meaning. A rule that removes a block line
    /// by line (a repeated traceback) removes it whole.
    pub fn keep_preformatted_whole(&self, changes: &mut Vec<Change>) {
        if self.preformatted.is_empty() || changes.is_empty() {
            return;
        }
        let mut refused = vec![false; changes.len()];
        // Both are sorted: the changes before a block are past for the next.
        let mut next = 0;
        for block in &self.preformatted {
            while next < changes.len() && changes[next].end <= block.start && changes[next].start < block.start {
                next += 1;
            }
            let touches =
                |c: &Change| c.start < block.end && c.end > block.start || c.start == c.end && c.start > block.start && c.start < block.end;
            let touching: Vec<usize> =
                (next..changes.len()).take_while(|&i| changes[i].start < block.end).filter(|&i| touches(&changes[i])).collect();
            let (Some(&first), Some(&last)) = (touching.first(), touching.last()) else { continue };
            let one_run = touching.windows(2).all(|pair| changes[pair[0]].end == changes[pair[1]].start);
            let deletions = touching.iter().all(|&i| changes[i].replacement.is_empty());
            if !(one_run && deletions && changes[first].start <= block.start && changes[last].end >= block.end) {
                touching.into_iter().for_each(|i| refused[i] = true);
            }
        }
        let mut index = 0;
        changes.retain(|_| {
            index += 1;
            !refused[index - 1]
        });
    }

    /// Reads the text as Markdown (or not).
    pub fn with_markdown(self, markdown: bool) -> Doc {
        Doc { markdown, ..self }
    }

    /// Whether the text is Markdown: rules leave its indentation and code blocks as they are.
    pub fn is_markdown(&self) -> bool {
        self.markdown
    }

    /// A line of the text as it is compared with others: a Markdown line
    /// is the same as another for its words, whatever its marks.
    pub fn compared<'l>(&self, line: &'l str) -> Cow<'l, str> {
        if self.markdown {
            crate::reading::structure::plain_line(line)
        } else {
            Cow::Borrowed(line)
        }
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// The text with tidy `changes` applied, and the views of it that
    /// survive them: the text is changed where it lies, not copied.
    pub fn apply(mut self, changes: &[Change]) -> Doc {
        let next = crate::edit::apply_changes_owned(std::mem::take(&mut self.text), changes);
        self.after(changes, next)
    }

    /// The document once `changes` (tidy, made against this text) are
    /// applied, giving `next`. When they only delete whole lines, the views
    /// already computed are kept for the lines that remain.
    pub fn after(mut self, changes: &[Change], next: String) -> Doc {
        let (is_page, page_text, markdown, furniture_cut) = (self.is_page, self.page_text, self.markdown, self.furniture_cut);
        let preformatted = shifted(&self.preformatted, changes);
        let asides = std::mem::take(&mut self.asides)
            .into_iter()
            .filter_map(|AsideLines { aside, lines }| Some(AsideLines { aside, lines: shifted_block(lines, changes)? }))
            .collect();
        // Changes bring CJK only in what they write.
        let holds_cjk =
            self.holds_cjk.get().map(|&held| held || changes.iter().any(|c| crate::reading::prose::may_hold_cjk(&c.replacement)));
        let sample = self.stop_words.take();
        let (doc, whole_lines) = self.rebuilt(changes, next);
        let doc = Doc { is_page, page_text, markdown, furniture_cut, preformatted, asides, ..doc };
        let stop_words = sample.and_then(|(list, sample)| {
            // Changes that begin at or past the first word beyond the sample
            // leave the sample, and so the list, as it was.
            if changes.iter().all(|c| c.start >= sample.end) {
                return Some((list, sample));
            }
            // Whole lines cut leave the words read in the other lines as they were.
            if !whole_lines {
                return None;
            }
            let sample = sample.after_cuts(changes.iter().map(|c| c.start..c.end), &doc.text)?;
            Some((sample.list(), sample))
        });
        if let Some(stop_words) = stop_words {
            let _ = doc.stop_words.set(stop_words);
        }
        if let Some(holds_cjk) = holds_cjk {
            let _ = doc.holds_cjk.set(holds_cjk);
        }
        doc
    }

    /// Counts `lines` more lines cut from the text as page furniture.
    pub fn cut_furniture(&mut self, lines: usize) {
        self.furniture_cut += lines;
    }

    /// How many lines have been cut from the text as page furniture.
    pub fn furniture_cut(&self) -> usize {
        self.furniture_cut
    }

    /// [`Doc::after`], but for what the text came from; and whether the
    /// changes only deleted whole lines.
    fn rebuilt(self, changes: &[Change], next: String) -> (Doc, bool) {
        let Some(spans) = self.lines.get() else { return (Doc::new(next), false) };
        let mut keep = vec![true; spans.len()];
        let mut line = 0;
        for change in changes {
            if !change.replacement.is_empty() {
                return (Doc::new(next), false);
            }
            while line < spans.len() && spans[line].start < change.start {
                line += 1;
            }
            if line == spans.len() || spans[line].start != change.start {
                return (Doc::new(next), false);
            }
            while line < spans.len() && spans[line].next <= change.end {
                keep[line] = false;
                line += 1;
            }
            // The change must end where a line it covers ends (a deletion
            // inside the first line covers none).
            if line == 0 || spans[line - 1].next != change.end {
                return (Doc::new(next), false);
            }
        }
        let mut removed = 0;
        let mut shifted = Vec::with_capacity(spans.len());
        for (&Span { start, end, next }, &kept) in spans.iter().zip(&keep) {
            if kept {
                shifted.push(Span { start: start - removed, end: end - removed, next: next - removed });
            } else {
                removed += next - start;
            }
        }
        let doc = Doc::new(next);
        let _ = doc.lines.set(shifted);
        carry(self.words, &doc.words, &keep);
        carry(self.words_read, &doc.words_read, &keep);
        carry(self.word_hashes, &doc.word_hashes, &keep);
        carry(self.spaced_word_hashes, &doc.spaced_word_hashes, &keep);
        carry(self.paragraphs, &doc.paragraphs, &keep);
        if let Some(Readings { stop, mut lines }) = self.readings.into_inner() {
            lines.keep_only(&keep);
            let _ = doc.readings.set(Readings { stop, lines });
        }
        if let Some(Folded { mut keys, mut hits, pairs }) = self.folded.into_inner() {
            keys.keep_only(&keep);
            hits.keep_only(&keep);
            // A line whose line before was kept has the same pair as before.
            let known: Vec<Option<Hits>> =
                (0..pairs.len()).filter(|&i| keep[i]).map(|i| (i == 0 || keep[i - 1]).then_some(pairs[i])).collect();
            let pairs = doc.look_up_pairs(&known);
            let _ = doc.folded.set(Folded { keys, hits, pairs });
        }
        (doc, true)
    }

    /// The lines, as [`lines`] gives them, from the spans made once: rules
    /// that pick lines out by index collect them.
    pub fn lines(&self) -> impl Iterator<Item = Line<'_>> + '_ {
        self.spans().iter().map(|&Span { start, end, next }| Line { start, end, next, text: &self.text[start..end] })
    }

    /// Where the lines lie, found once: [`Doc::lines`] reads the lines
    /// from here, with their text.
    pub fn spans(&self) -> &[Span] {
        self.lines.get_or_init(|| lines(&self.text).map(|l| Span { start: l.start, end: l.end, next: l.next }).collect())
    }

    /// Words in each line.
    pub fn word_counts(&self) -> &[usize] {
        self.words.get_or_init(|| self.lines().map(|l| word_count(l.text)).collect())
    }

    /// Whether the text may hold a Chinese, Japanese or Korean character
    /// (a character of three bytes from U+3000 up). Kept across changes
    /// (set when one writes such a character): a text that lost its last
    /// one reads alike either way.
    pub fn holds_cjk(&self) -> bool {
        *self.holds_cjk.get_or_init(|| crate::reading::prose::may_hold_cjk(&self.text))
    }

    /// Words in each line as a reader counts them: its words between
    /// blanks, and two CJK characters a word (Chinese and Japanese put no
    /// spaces between words, and a paragraph of them is one "word" between
    /// blanks). The word counts themselves in a text without CJK.
    pub fn words_read(&self) -> &[usize] {
        let words = self.word_counts();
        if !self.holds_cjk() {
            return words;
        }
        self.words_read
            .get_or_init(|| self.lines().zip(words).map(|(line, &words)| crate::reading::prose::words_read(line.text, words)).collect())
    }

    /// The phrase lists each line matches, in its normalised form.
    pub fn phrase_hits(&self) -> &[Hits] {
        &self.folded_lines().hits
    }

    /// For each line, the phrase lists it matches joined to the line before
    /// (a phrase broken across two lines, "the page you were" / "looking
    /// for"): only where both lines are short and the first stops
    /// mid-sentence; otherwise none. Across deletions, kept for the lines
    /// whose line before is still the same.
    pub fn pair_hits(&self) -> &[Hits] {
        &self.folded_lines().pairs
    }

    /// Whether line `i` may hold the second half of a phrase broken after
    /// the line before: both short, and the first stops mid-sentence.
    fn pairs_with_previous(&self, i: usize) -> bool {
        let (spans, words) = (self.spans(), self.word_counts());
        i > 0
            && (1..=BROKEN_MAX_WORDS).contains(&words[i - 1])
            && (1..=BROKEN_MAX_WORDS).contains(&words[i])
            && !self.text[spans[i - 1].start..spans[i - 1].end].trim_end().ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
    }

    /// [`Doc::pair_hits`], taken from `known` for the lines it holds them for.
    fn look_up_pairs(&self, known: &[Option<Hits>]) -> Vec<Hits> {
        // After a deletion most pairs are known, and only the few looked up
        // again are normalised again.
        let mut joined = String::new();
        (0..self.spans().len())
            .map(|i| {
                if let Some(&Some(hits)) = known.get(i) {
                    return hits;
                }
                if !self.pairs_with_previous(i) {
                    return Hits::default();
                }
                joined.clear();
                joined.extend([self.normalized(i - 1).as_str(), " ", self.normalized(i).as_str()]);
                INDEX.hits(&joined)
            })
            .collect()
    }

    /// Each line's words ([`word_hashes`]), hashed.
    pub fn word_hashes(&self) -> &Lists<u64> {
        self.word_hashes.get_or_init(|| {
            let (keys, hashes) = self.read_letters();
            let _ = self.paragraphs.set(keys);
            hashes
        })
    }

    /// Each line's words split at blanks ([`spaced_word_hashes`]), hashed.
    pub fn spaced_word_hashes(&self) -> &Lists<u64> {
        self.spaced_word_hashes.get_or_init(|| {
            let (mut hashes, mut all) = (Vec::new(), Lists::new());
            for line in self.lines() {
                spaced_word_hashes(line.text, &mut hashes);
                all.push(&hashes);
            }
            all
        })
    }

    /// The stop words of the text's language, if it has a list.
    pub fn stop_words(&self) -> StopWords {
        self.stop_words
            .get_or_init(|| {
                let sample = Sample::of(&self.text);
                (sample.list(), sample)
            })
            .0
    }

    /// How each line reads as prose in a text whose stop words are `stop`:
    /// kept while the text keeps the same list, made afresh (not kept) if
    /// removals changed its language.
    pub fn readings(&self, stop: StopWords) -> Cow<'_, [Reading]> {
        let read =
            || -> Vec<Reading> { self.lines().zip(self.word_counts()).map(|(line, &words)| Reading::of(line.text, words, stop)).collect() };
        let readings = self.readings.get_or_init(|| Readings { stop, lines: read() });
        if same_list(readings.stop, stop) {
            Cow::Borrowed(&readings.lines)
        } else {
            Cow::Owned(read())
        }
    }

    /// Each line's folded form ([`crate::reading::phrases::fold`]), as a [`LineKey`].
    pub fn folded(&self) -> &[LineKey] {
        &self.folded_lines().keys
    }

    /// Folds each line once for the three views made from its folded form,
    /// [`Doc::folded`], [`Doc::phrase_hits`] and [`Doc::pair_hits`]: all are
    /// made together and kept across deletions alike, so none is ever made
    /// without the others. The normalised lines themselves are not kept (a
    /// long text's would take nearly its size again): the few rules that
    /// read one, on a line with a phrase, normalise it again.
    fn folded_lines(&self) -> &Folded {
        self.folded.get_or_init(|| self.fold_lines())
    }

    /// Reads [`Doc::folded_lines`] afresh.
    fn fold_lines(&self) -> Folded {
        let lines = self.spans().len();
        let (mut keys, mut hits, mut pairs) = (Vec::with_capacity(lines), Vec::with_capacity(lines), Vec::with_capacity(lines));
        let (mut buffer, mut before, mut joined) = (String::new(), String::new(), String::new());
        for (i, (line, &words)) in self.lines().zip(self.word_counts()).enumerate() {
            fold_into(&self.compared(line.text), &mut buffer);
            keys.push(line_key(&buffer));
            let normal = if words <= PHRASE_MAX_WORDS { without_edges(&buffer) } else { "" };
            hits.push(INDEX.hits(normal));
            pairs.push(if self.pairs_with_previous(i) {
                joined.clear();
                joined.extend([before.as_str(), " ", normal]);
                INDEX.hits(&joined)
            } else {
                Hits::default()
            });
            before.clear();
            before.push_str(normal);
        }
        Folded { keys, hits, pairs }
    }

    /// Each line's [`paragraph_key`], as a [`LineKey`].
    pub fn paragraph_keys(&self) -> &[LineKey] {
        self.paragraphs.get_or_init(|| {
            let (keys, hashes) = self.read_letters();
            let _ = self.word_hashes.set(hashes);
            keys
        })
    }

    /// Reads each line's letters and digits once for the two views made
    /// from them, [`Doc::paragraph_keys`] and [`Doc::word_hashes`]: the
    /// rules that read one read the other, and a line read byte by byte
    /// costs about as much for both as for one.
    fn read_letters(&self) -> (Vec<LineKey>, Lists<u64>) {
        let (mut key, mut hashes) = (String::new(), Vec::new());
        let (mut keys, mut word_hashes) = (Vec::with_capacity(self.spans().len()), Lists::new());
        for line in self.lines() {
            paragraph_key_and_word_hashes(line.text, &mut key, &mut hashes);
            keys.push(line_key(&key));
            word_hashes.push(&hashes);
        }
        (keys, word_hashes)
    }

    /// Each line as [`normalize`] gives it, or empty for lines over
    /// [`PHRASE_MAX_WORDS`] words.
    pub fn normalized(&self, line: usize) -> String {
        let (Some(span), Some(&words)) = (self.spans().get(line), self.word_counts().get(line)) else { return String::new() };
        if words > PHRASE_MAX_WORDS {
            return String::new();
        }
        let mut folded = String::new();
        fold_into(&self.compared(&self.text[span.start..span.end]), &mut folded);
        without_edges(&folded).to_string()
    }
}

/// Writes into `key` (cleared first) the line's words, lower case, digits
/// as `0`, punctuation dropped: lines that differ only in these are the
/// same paragraph.
pub fn paragraph_key(line: &str, key: &mut String) {
    read_chars(line, &mut KeyWriter::new(key));
}

/// Writes into `hashes` (cleared first) a hash of each word of `line`,
/// lower case, punctuation aside.
pub fn word_hashes(line: &str, hashes: &mut Vec<u64>) {
    let mut words = WordHasher::new(hashes);
    read_chars(line, &mut words);
    words.end();
}

/// [`paragraph_key`] and [`word_hashes`] of `line` at once, each character
/// read (and looked up) once for both.
pub fn paragraph_key_and_word_hashes(line: &str, key: &mut String, hashes: &mut Vec<u64>) {
    let mut both = (KeyWriter::new(key), WordHasher::new(hashes));
    read_chars(line, &mut both);
    both.1.end();
}

/// What is written from a line's characters, one at a time.
trait ReadChars {
    /// A byte of an ASCII line.
    fn ascii(&mut self, byte: u8);
    /// A character of a line beyond ASCII, with its facts.
    fn char(&mut self, c: char, facts: chars::Facts);
}

/// Gives `reader` each character of `line`: an ASCII line (most lines) by
/// bytes, with no character decoded nor looked up.
fn read_chars(line: &str, reader: &mut impl ReadChars) {
    if line.is_ascii() {
        for byte in line.bytes() {
            reader.ascii(byte);
        }
    } else {
        for c in line.chars() {
            reader.char(c, chars::facts(c));
        }
    }
}

/// Two writers fed from one reading.
impl<A: ReadChars, B: ReadChars> ReadChars for (A, B) {
    #[inline]
    fn ascii(&mut self, byte: u8) {
        self.0.ascii(byte);
        self.1.ascii(byte);
    }

    #[inline]
    fn char(&mut self, c: char, facts: chars::Facts) {
        self.0.char(c, facts);
        self.1.char(c, facts);
    }
}

/// Writes a [`paragraph_key`]: one space between words, none before the first.
struct KeyWriter<'a> {
    key: &'a mut String,
    /// Whether a blank came after the last character written.
    space: bool,
}

impl ReadChars for KeyWriter<'_> {
    /// A byte of an ASCII line, which is read with `u8::is_ascii_whitespace`.
    #[inline]
    fn ascii(&mut self, byte: u8) {
        match ASCII_KEY[byte as usize] {
            DROPPED => {}
            BLANK => self.blank(),
            kept => self.push(kept as char),
        }
    }

    /// A character of a line beyond ASCII, which is read with
    /// `char::is_whitespace`: that also counts the vertical tab. Always
    /// inlined: left to itself, the compiler calls it once a character.
    #[inline(always)]
    fn char(&mut self, c: char, facts: chars::Facts) {
        if c.is_ascii() {
            // Most characters: the table, no Unicode tables.
            match ASCII_KEY[c as usize] {
                _ if is_ascii_blank(c as u8) => self.blank(),
                DROPPED => {}
                kept => self.push(kept as char),
            }
            return;
        }
        match facts.kind {
            Kind::Blank => self.blank(),
            Kind::Figure => self.push('0'),
            Kind::Letter => facts.each_lower(c, |lower| self.push(lower)),
            Kind::Other => {}
        }
    }
}

impl<'a> KeyWriter<'a> {
    /// A writer of a key into `key`, emptied first.
    fn new(key: &'a mut String) -> Self {
        key.clear();
        KeyWriter { key, space: false }
    }

    #[inline]
    fn blank(&mut self) {
        self.space = !self.key.is_empty();
    }

    #[inline]
    fn push(&mut self, c: char) {
        if self.space {
            self.key.push(' ');
            self.space = false;
        }
        self.key.push(c);
    }
}

/// What an ASCII byte of a line (where the vertical tab is not blank)
/// becomes in its [`paragraph_key`]: a letter or digit as it stands there,
/// or [`DROPPED`], or [`BLANK`].
static ASCII_KEY: [u8; 256] = {
    let mut table = [DROPPED; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_digit() {
            b'0'
        } else if b.is_ascii_alphabetic() {
            b.to_ascii_lowercase()
        } else if b.is_ascii_whitespace() {
            BLANK
        } else {
            DROPPED
        };
        byte += 1;
    }
    table
};
const DROPPED: u8 = 0;
const BLANK: u8 = b' ';

/// Writes into `hashes` (cleared first) a hash of each word of `line` as
/// split at blanks: its letters and digits, lower case, the rest dropped
/// ("don't" is "dont"). A word of punctuation alone is left out.
pub fn spaced_word_hashes(line: &str, hashes: &mut Vec<u64>) {
    hashes.clear();
    hashes.extend(line.split_whitespace().filter_map(spaced_word_hash));
}

/// A word's letters and digits, lower case, hashed; `None` for a word of punctuation.
fn spaced_word_hash(word: &str) -> Option<u64> {
    let mut hasher = FxHasher::default();
    let mut any = false;
    if word.is_ascii() {
        for lower in word.bytes().map(|byte| ASCII_WORD[byte as usize]).filter(|&lower| lower != 0) {
            any = true;
            hasher.write_u32(lower as u32);
        }
        return any.then(|| hasher.finish());
    }
    for c in word.chars() {
        let facts = chars::facts(c);
        if facts.is_alphanumeric() {
            any = true;
            facts.each_lower(c, |lower| hasher.write_u32(lower as u32));
        }
    }
    any.then(|| hasher.finish())
}

/// Each ASCII letter or digit in lower case, and 0 for every other byte.
static ASCII_WORD: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = b.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// Writes [`word_hashes`]: each word's characters hashed as they come.
struct WordHasher<'a> {
    hashes: &'a mut Vec<u64>,
    word: FxHasher,
    in_word: bool,
}

impl ReadChars for WordHasher<'_> {
    #[inline]
    fn ascii(&mut self, byte: u8) {
        match ASCII_WORD[byte as usize] {
            0 => self.end(),
            lower => self.add(lower.into()),
        }
    }

    #[inline]
    fn char(&mut self, c: char, facts: chars::Facts) {
        match facts.is_alphanumeric() {
            true => facts.each_lower(c, |lower| self.add(lower)),
            false => self.end(),
        }
    }
}

impl<'a> WordHasher<'a> {
    /// A writer of word hashes into `hashes`, emptied first.
    fn new(hashes: &'a mut Vec<u64>) -> Self {
        hashes.clear();
        WordHasher { hashes, word: FxHasher::default(), in_word: false }
    }

    #[inline]
    fn add(&mut self, lower: char) {
        self.word.write_u32(lower as u32);
        self.in_word = true;
    }

    #[inline]
    fn end(&mut self) {
        if self.in_word {
            self.hashes.push(std::mem::take(&mut self.word).finish());
            self.in_word = false;
        }
    }
}

/// What is read of each line folded ([`Doc::fold_lines`]): its key, the
/// phrase lists it matches, and those it matches joined to the line before.
struct Folded {
    keys: Vec<LineKey>,
    hits: Vec<Hits>,
    pairs: Vec<Hits>,
}

/// A line's key, reduced to its hash and length: lines with equal keys
/// have equal hashes, so only lines whose hashes agree need comparing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineKey {
    pub hash: u64,
    /// The key's length in characters.
    pub chars: usize,
}

/// `key`, as a [`LineKey`].
fn line_key(key: &str) -> LineKey {
    LineKey { hash: FxBuildHasher.hash_one(key), chars: key.chars().count() }
}

/// `ranges` of a text where `changes` (sorted, disjoint) were made: where
/// they are now, those that no longer hold anything gone.
fn shifted(ranges: &[Range<usize>], changes: &[Change]) -> Vec<Range<usize>> {
    ranges.iter().map(|r| moved(r.start, changes)..moved(r.end, changes)).filter(|r| r.start < r.end).collect()
}

/// `block` where it is once `changes` (sorted) are made; `None` when they removed it whole.
fn shifted_block(block: Dropped, changes: &[Change]) -> Option<Dropped> {
    let range = moved(block.range.start, changes)..moved(block.range.end, changes);
    (range.start < range.end).then_some(Dropped { range, ..block })
}

/// Where `offset` is once `changes` (sorted) are made: a change that covers
/// it moves it to where the change starts.
fn moved(offset: usize, changes: &[Change]) -> usize {
    let mut delta = 0isize;
    for c in changes {
        if c.end <= offset {
            delta += c.replacement.len() as isize - (c.end - c.start) as isize;
        } else {
            let at = if c.start < offset { c.start } else { offset };
            return at.checked_add_signed(delta).unwrap_or(0);
        }
    }
    offset.checked_add_signed(delta).unwrap_or(0)
}

/// Sets `to` to the values of `from`, if computed, whose `keep` flag is set.
/// Moved, not copied: the old text's views are not needed again.
fn carry<V: PerLine>(from: OnceCell<V>, to: &OnceCell<V>, keep: &[bool]) {
    if let Some(mut values) = from.into_inner() {
        values.keep_only(keep);
        let _ = to.set(values);
    }
}

/// Whitespace inside a line: every Unicode space except the line break.
pub fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_deleted_counts_whole_lines_that_are_not_blank() {
        let text = "Home\n\nNews\nThe river fell.\nShare this\n";
        let changes = [Change::delete(0..11, "menu"), Change::delete(12..15, "part of a line"), Change::delete(27..38, "prompt")];
        assert_eq!(lines_deleted(text, &changes), 3, "Home, News and Share this; not the blank line nor a word");
    }

    #[test]
    fn words_read_count_cjk_two_characters_a_word_after_any_change() {
        let doc = Doc::new("two words\nxx\n".into());
        assert_eq!(doc.words_read(), [2, 1]);
        // A change that writes CJK where there was none.
        let changes = [Change::replace(10..12, "河水下降了一米", "x")];
        let next = crate::edit::apply_changes(doc.text(), &changes);
        let after = doc.after(&changes, next);
        assert_eq!(after.words_read(), [2, 1 + 3]);
        let kept = after.after(&[Change::delete(0..10, "x")], "河水下降了一米\n".into());
        assert_eq!(kept.words_read(), [1 + 3]);
    }

    #[test]
    fn the_stop_words_are_kept_across_changes_past_the_sample_and_lines_cut_from_it() {
        // Far more words than are sampled, a menu after them.
        let prose = "The river fell a metre and the road will open again on Friday.\n".repeat(60);
        let text = format!("Menu\n{prose}Home\nNews\n");
        let read = |text: &str| {
            let doc = Doc::new(text.to_string());
            let _ = doc.stop_words();
            doc
        };
        // Read as the rules read it: its lines found.
        let read_lines = |text: &str| {
            let doc = read(text);
            let _ = doc.spans();
            doc
        };
        let english = read(&text).stop_words();
        assert!(english.is_some());
        let menu_start = text.len() - "Home\nNews\n".len();
        let after = read(&text).apply(&[Change::delete(menu_start..text.len(), "menu")]);
        assert!(after.stop_words.get().is_some(), "a change past the sample keeps the list");
        assert!(same_list(after.stop_words(), read(after.text()).stop_words()));
        let after = read(&text).apply(&[Change::delete(0..5, "menu")]);
        assert!(after.stop_words.get().is_none(), "a change inside the sample picks the list again");
        assert!(same_list(after.stop_words(), english));
        let after = read_lines(&text).apply(&[Change::delete(0..5, "menu")]);
        assert!(after.stop_words.get().is_some(), "whole lines cut inside the sample: the words read are kept, and more read");
        assert_eq!(after.stop_words.get().map(|(_, sample)| sample), Some(&Sample::of(after.text())));
        let after = read_lines(&text).apply(&[Change::delete(0..2, "menu")]);
        assert!(after.stop_words.get().is_none(), "part of a line cut inside the sample: the text is read anew");
    }

    #[test]
    fn views_survive_whole_line_deletions() {
        let text = "Keep one\nDrop\nKeep  two\nDrop too\nlast";
        let doc = Doc::new(text.to_string());
        let english = crate::reading::stopwords::for_text("the cat and the dog");
        let _ = (doc.phrase_hits(), doc.readings(english), doc.folded(), doc.paragraph_keys(), doc.spaced_word_hashes());
        let changes = [Change::delete(9..14, "x"), Change::delete(25..34, "x")];
        let next = crate::edit::apply_changes(text, &changes);
        let after = doc.after(&changes, next.clone());
        let fresh = Doc::new(next);
        assert_eq!(after.lines().collect::<Vec<_>>(), fresh.lines().collect::<Vec<_>>());
        assert_eq!(after.word_counts(), fresh.word_counts());
        assert_eq!(after.phrase_hits(), fresh.phrase_hits());
        assert_eq!(after.pair_hits(), fresh.pair_hits());
        assert_eq!(after.readings(english), fresh.readings(english));
        let german = crate::reading::stopwords::for_text("der Hund und die Katze");
        assert_eq!(after.readings(german), fresh.readings(german), "another list reads the lines again");
        assert_eq!(after.folded(), fresh.folded());
        assert_eq!(after.paragraph_keys(), fresh.paragraph_keys());
        assert_eq!(after.spaced_word_hashes(), fresh.spaced_word_hashes());
        let edited = Doc::new("a b\nc".into());
        let _ = edited.spans();
        let changes = [Change::replace(1..2, "", "x")];
        assert_eq!(edited.after(&changes, "ab\nc".into()).lines().count(), 2);
    }

    #[test]
    fn pairs_of_lines_made_or_broken_by_deletions_are_looked_up_again() {
        let text = "Sorry, the page you were\nAdvert\nlooking for\nthe page you were\nlooking for\nmoved\n";
        let doc = Doc::new(text.to_string());
        let error_page = &crate::reading::phrases::PhraseList::ErrorPage.file().strong;
        let found: Vec<bool> = doc.pair_hits().iter().map(|hits| hits.has(error_page)).collect();
        assert_eq!(found, [false, false, false, false, true, false]);
        // "Advert" goes, so its neighbours pair; "the page you were" goes, so its pair breaks.
        let changes = [Change::delete(25..32, "x"), Change::delete(44..62, "x")];
        let next = crate::edit::apply_changes(text, &changes);
        let after = doc.after(&changes, next.clone());
        let found: Vec<bool> = after.pair_hits().iter().map(|hits| hits.has(error_page)).collect();
        assert_eq!(found, [false, true, false, false]);
        assert_eq!(after.pair_hits(), Doc::new(next).pair_hits());
    }

    #[test]
    fn words_hash_alike_in_any_case_on_any_line() {
        let (mut ascii, mut beyond) = (Vec::new(), Vec::new());
        word_hashes("The cat, THE 42!", &mut ascii);
        word_hashes("the CAT \u{c9}t\u{e9}\u{2019}s 42 \u{c9}T\u{c9}", &mut beyond);
        assert_eq!(ascii.len(), 4);
        assert_eq!(ascii[0], ascii[2]);
        assert_eq!(ascii[..2], beyond[..2], "read by bytes or by characters alike");
        assert_eq!(beyond.len(), 6, "a curly apostrophe ends a word");
        assert_eq!((beyond[2], beyond[4]), (beyond[5], ascii[3]));
        assert_ne!(beyond[2], beyond[3]);
    }

    #[test]
    fn pair_hits_find_a_phrase_broken_across_short_lines() {
        let strong = &crate::reading::phrases::PhraseList::ErrorPage.file().strong;
        let broken = Doc::new("Sorry, the page you were\nlooking for is gone\n".into());
        assert!(!broken.phrase_hits()[1].has(strong) && broken.pair_hits()[1].has(strong));
        assert!(!broken.pair_hits()[0].has(strong), "the first line has none before it");
        let ended = Doc::new("Sorry, the page you were.\nlooking for is gone\n".into());
        assert!(!ended.pair_hits()[1].has(strong), "a sentence ends between them");
    }

    #[test]
    fn readings_follow_the_stop_word_list_asked_for() {
        let (english, german) =
            (crate::reading::stopwords::for_text("the cat and the dog"), crate::reading::stopwords::for_text("der Hund und die Katze"));
        let doc = Doc::new("the cat and the dog\nder Hund und die Katze\n".into());
        let share = |readings: &[Reading], line: usize| readings[line].stop_share.unwrap_or_default();
        let (in_english, in_german) = (doc.readings(english).into_owned(), doc.readings(german).into_owned());
        assert!(share(&in_english, 0) > share(&in_german, 0));
        assert!(share(&in_german, 1) > share(&in_english, 1));
        assert_eq!(doc.readings(english).as_ref(), in_english.as_slice());
    }

    #[test]
    fn a_deletion_inside_the_first_line_refreshes_the_views() {
        let text = "xKeep
more";
        let doc = Doc::new(text.to_string());
        let _ = doc.spans();
        let changes = [Change::delete(0..1, "x")];
        let after = doc.after(&changes, "Keep\nmore".into());
        assert_eq!(after.lines().collect::<Vec<_>>(), Doc::new("Keep\nmore".into()).lines().collect::<Vec<_>>());
    }

    #[test]
    fn lines_cover_the_text_exactly() {
        let text = "one\n\ntwo";
        let got: Vec<_> = lines(text).map(|l| (l.text, l.full())).collect();
        assert_eq!(got, vec![("one", 0..4), ("", 4..5), ("two", 5..8)]);
        assert_eq!(lines("").count(), 0);
    }

    proptest::proptest! {
        #[test]
        fn lines_are_the_pieces_between_line_breaks(text in "[a\n\r\u{e9} ]{0,30}") {
            let got: Vec<(usize, &str, usize)> = lines(&text).map(|l| (l.start, l.text, l.next)).collect();
            let mut start = 0;
            let mut expected = Vec::new();
            for piece in text.split_inclusive('\n') {
                expected.push((start, piece.strip_suffix('\n').unwrap_or(piece), start + piece.len()));
                start += piece.len();
            }
            proptest::prop_assert_eq!(got, expected);
        }

        #[test]
        fn lines_holding_a_byte_are_those_lines_of_all(text in "[a|\n\u{e9} ]{0,30}") {
            let got: Vec<Line> = lines_holding(&text, memchr::memchr_iter(b'|', text.as_bytes())).collect();
            let expected: Vec<Line> = lines(&text).filter(|line| line.text.contains('|')).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn a_preformatted_block_changes_only_by_going_whole() {
        let text = "Run it:\n  make   all\n  make  test\nDone  now.\n";
        let code = 8..34;
        assert_eq!(&text[code.clone()], "  make   all\n  make  test\n");
        let doc = Doc::new(text.to_string()).with_preformatted(vec![code.clone()]);
        let mut changes = vec![
            Change::delete(8..10, "leading whitespace"),
            Change::replace(14..17, " ", "run of spaces"),
            Change::delete(21..34, "repeated line"),
            Change::replace(38..40, " ", "run of spaces"),
        ];
        doc.keep_preformatted_whole(&mut changes);
        assert_eq!(changes, vec![Change::replace(38..40, " ", "run of spaces")], "only the change outside the code");
        // Removed line by line, the whole block may go.
        let mut whole = vec![Change::delete(0..8, "intro"), Change::delete(8..21, "line"), Change::delete(21..34, "line")];
        doc.keep_preformatted_whole(&mut whole);
        assert_eq!(whole.len(), 3);
    }

    #[test]
    fn preformatted_blocks_move_with_the_changes_around_them() {
        let blocks = vec![5..10, 20..30, 40..45];
        let changes =
            vec![Change::delete(0..3, "a"), Change::replace(12..14, "xyz", "b"), Change::delete(18..32, "c"), Change::delete(42..43, "d")];
        // The first moves back three; the second is gone with the lines around it; the last loses a byte.
        assert_eq!(shifted(&blocks, &changes), vec![2..7, 24..28]);
        assert_eq!(shifted(&blocks, &[]), blocks);
    }

    #[test]
    fn blank_lines_hold_only_blanks_of_any_kind() {
        for line in ["", " ", "\t\x0b\x0c\r", "\u{a0}\u{3000}", "\u{2028}"] {
            assert!(lines(line).all(|l| l.is_blank()), "{line:?}");
        }
        for line in ["a", " a", "\x0ba", "\u{a0}a", "\u{e9}", "."] {
            assert!(lines(line).all(|l| !l.is_blank()), "{line:?}");
        }
    }
}

//! Stop words of many languages (the NLTK lists, and stopwords-iso lists of
//! languages NLTK has none for; Chinese, Japanese and Korean read a
//! character at a time), and picking the list that fits a text.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::reading::{chars, prose};

/// Words sampled to pick a language.
const SAMPLE_WORDS: usize = 600;

/// Characters of Chinese and Japanese that do the work of stop words in
/// those languages, which write their words without spaces between them:
/// the particles, pronouns, negations and auxiliaries that running text is
/// full of and that menus, names and headlines seldom hold. Chinese in its
/// simplified and traditional forms (not the characters that are as often
/// part of a noun: 地, 会, 个), and Japanese particles and verb endings.
const CJK_FUNCTION_CHARS: &str = concat!(
    "的了是在和有我你他她它们这那不也就都而及与或但被把给对从向于以之其为所着过得很还又并将能可要如因此没吗呢吧啊",
    "們這與對從給於為著過還並將沒嗎來說",
    "のにはをがでともへやかたてしなだすまれる",
);

/// Korean particles and verb endings: Korean writes them on the end of the
/// word before, so a syllable counts only where a word ends.
const KOREAN_ENDINGS: &str = "은는이가을를에의도로와과다고서요";

/// CJK characters of a text sampled to tell whether it is written in them.
const SAMPLE_CJK_CHARS: usize = 4 * SAMPLE_WORDS;

/// One language's stop words. Its short ASCII words are also kept
/// [`packed`] into numbers: most words of most texts are looked up there,
/// with no key written or string hashed.
pub struct StopList {
    words: FxHashSet<&'static str>,
    packed: FxHashSet<u64>,
}

/// The list of a text written in Chinese, Japanese or Korean: its
/// function characters and endings, each a word of it.
static CJK: LazyLock<StopList> = LazyLock::new(|| {
    let all = [CJK_FUNCTION_CHARS, KOREAN_ENDINGS];
    let characters: Vec<&'static str> = all.iter().flat_map(|set| set.char_indices().map(|(at, c)| &set[at..at + c.len_utf8()])).collect();
    StopList::new(&characters)
});

/// Of the first `most` CJK characters of `text`, how many there are and how
/// many do the work of stop words: [`CJK_FUNCTION_CHARS`] anywhere, and
/// [`KOREAN_ENDINGS`] where a word ends.
pub fn cjk_function_characters(text: &str, most: usize) -> (usize, usize) {
    let (mut characters, mut hits) = (0, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if characters == most {
            break;
        }
        if !prose::is_cjk(c) {
            continue;
        }
        characters += 1;
        let is_hangul = |c: char| matches!(c as u32, 0xAC00..=0xD7AF);
        let function = if is_hangul(c) {
            KOREAN_ENDINGS.contains(c) && !chars.peek().is_some_and(|&next| is_hangul(next))
        } else {
            CJK_FUNCTION_CHARS.contains(c)
        };
        hits += usize::from(function);
    }
    (characters, hits)
}

impl StopList {
    fn new(words: &[&'static str]) -> StopList {
        StopList { words: words.iter().copied().collect(), packed: words.iter().filter_map(|word| pack(word.as_bytes())).collect() }
    }

    /// Whether `key`, spelt as [`word_key`] spells it, is one of the list's words.
    pub fn contains(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// Whether `word`, a piece of text between blanks, is one of the list's
    /// words once keyed: `self.contains(&word_key(word))`.
    pub fn holds(&self, word: &str) -> bool {
        match packed(word) {
            Some(number) => self.packed.contains(&number),
            None => self.words.contains(word_key(word).as_ref()),
        }
    }
}

/// The lists as `build.rs` wrote them: a word a line, each language's
/// words ended by a NUL.
const LISTS_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/stop-words.txt"));

/// The languages' lists, at most [`MAX_LISTS`] of them.
static LISTS: LazyLock<Vec<StopList>> = LazyLock::new(|| {
    let languages = LISTS_TEXT.split_terminator('\0').map(|words| words.lines().collect::<Vec<_>>());
    languages.map(|words| StopList::new(&words)).take(MAX_LISTS).collect()
});

/// The lists are told apart by one bit each of a [`ListSet`].
const MAX_LISTS: usize = 64;

/// A set of lists, bit `i` standing for `LISTS[i]`.
type ListSet = u64;

/// For each stop word, the lists that hold it: a text's words are each
/// looked up once, not once a list.
static LISTS_OF_WORD: LazyLock<FxHashMap<&'static str, ListSet>> = LazyLock::new(|| lists_by(Some));

/// [`LISTS_OF_WORD`] for the words that pack into a number.
static LISTS_OF_PACKED: LazyLock<FxHashMap<u64, ListSet>> = LazyLock::new(|| lists_by(|word| pack(word.as_bytes())));

/// For each stop word that `key` gives a key, the lists that hold it.
fn lists_by<K: std::hash::Hash + Eq>(key: impl Fn(&'static str) -> Option<K>) -> FxHashMap<K, ListSet> {
    let mut lists_of: FxHashMap<K, ListSet> = FxHashMap::default();
    for (index, list) in LISTS.iter().enumerate() {
        for word in list.words.iter().filter_map(|&word| key(word)) {
            *lists_of.entry(word).or_default() |= 1 << index;
        }
    }
    lists_of
}

/// The stop-word list that covers most of `text`'s words, if any does. In
/// a text written in Chinese, Japanese or Korean, each character is read
/// as a word, and those that do the work of stop words
/// ([`cjk_function_characters`]) as its stop words.
pub fn for_text(text: &str) -> Option<&'static StopList> {
    Sample::of(text).list()
}

/// The words of a text read to pick its stop-word list: its first
/// [`SAMPLE_WORDS`], and its first [`SAMPLE_CJK_CHARS`] CJK characters.
/// Kept with the list, so that when lines are cut from the text the list
/// is picked again from the words read that remain and the words after
/// them, not from the whole text read anew.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sample {
    /// Each word read: where it starts in the text, and the lists that hold it.
    words: Vec<(usize, ListSet)>,
    /// CJK characters read, and of them those that do the work of stop words.
    cjk_chars: usize,
    cjk_hits: usize,
    /// Where the first word not read starts (`usize::MAX` when it read
    /// them all): changes from there on leave the sample, and so the list, as it was.
    pub end: usize,
}

impl Sample {
    /// The sample of `text`.
    pub fn of(text: &str) -> Sample {
        let mut sample = Sample::default();
        sample.read_on(text, 0);
        sample
    }

    /// Reads the words of `text` from `from` (where a word or a line starts)
    /// until the sample is full.
    fn read_on(&mut self, text: &str, from: usize) {
        self.end = usize::MAX;
        let Some(rest) = text.get(from..) else { return };
        for word in rest.split_whitespace() {
            let at = word.as_ptr() as usize - text.as_ptr() as usize;
            if self.words.len() == SAMPLE_WORDS {
                self.end = at;
                break;
            }
            if self.cjk_chars < SAMPLE_CJK_CHARS && prose::may_hold_cjk(word) {
                let (characters, hits) = cjk_function_characters(word, SAMPLE_CJK_CHARS - self.cjk_chars);
                self.cjk_chars += characters;
                self.cjk_hits += hits;
            }
            let lists = match packed(word) {
                Some(number) => LISTS_OF_PACKED.get(&number),
                None => LISTS_OF_WORD.get(word_key(word).as_ref()),
            };
            self.words.push((at, lists.copied().unwrap_or_default()));
        }
    }

    /// The list that holds most of the words read, if any holds one.
    pub fn list(&self) -> Option<&'static StopList> {
        let mut hits = vec![0usize; LISTS.len()];
        for &(_, mut lists) in &self.words {
            while lists != 0 {
                hits[lists.trailing_zeros() as usize] += 1;
                lists &= lists - 1;
            }
        }
        // Of lists with as many hits, the last.
        let (best, &count) = hits.iter().enumerate().max_by_key(|&(_, &count)| count)?;
        if self.cjk_hits > count {
            return Some(&CJK);
        }
        (count > 0).then(|| &LISTS[best])
    }

    /// The sample of `next`, the text once the byte ranges `cuts` (sorted,
    /// disjoint, each of whole lines) were cut from it: the words read that
    /// remain, moved to where they now start, then the words after them.
    /// None when the sample read CJK characters, whose count stops at a cap
    /// part-way through a word: such a text is read anew.
    pub fn after_cuts(mut self, cuts: impl Iterator<Item = Range<usize>>, next: &str) -> Option<Sample> {
        if self.cjk_chars > 0 {
            return None;
        }
        // Where `offset` (no smaller than any asked before) now is, and
        // whether a cut took it: then it moves to where the cut was.
        let mut cuts = cuts.peekable();
        let mut removed = 0;
        let mut moved = |offset: usize| -> (usize, bool) {
            while let Some(range) = cuts.next_if(|range| range.end <= offset) {
                removed += range.len();
            }
            match cuts.peek() {
                Some(range) if range.start <= offset => (range.start - removed, true),
                _ => (offset - removed, false),
            }
        };
        self.words.retain_mut(|(at, _)| {
            let (now, cut) = moved(*at);
            *at = now;
            !cut
        });
        if self.end == usize::MAX {
            return Some(self);
        }
        // Reading goes on from the first word not read, or, if its line was
        // cut, from where the cut was (the start of a line).
        let (from, _) = moved(self.end);
        self.read_on(next, from);
        Some(self)
    }
}

/// The [`word_key`] of `word` [`pack`]ed, when that is quick to make: for
/// a word whose key is at most eight bytes, all ASCII, and which is all
/// ASCII itself or needs no trimming.
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let key = match has_plain_ends(bytes) {
        true => bytes,
        // Punctuation beyond ASCII at the ends is trimmed by `word_key`.
        false if bytes.is_ascii() => trim_ascii_edges(bytes),
        false => return None,
    };
    pack(key).map(ascii_lowercase)
}

/// Whether `word` starts and ends with an ASCII letter or digit, as most
/// words do: [`word_key`] has nothing to trim from it.
fn has_plain_ends(word: &[u8]) -> bool {
    word.first().is_some_and(u8::is_ascii_alphanumeric) && word.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// An ASCII word without what [`word_key`] trims from its ends.
fn trim_ascii_edges(word: &[u8]) -> &[u8] {
    let kept = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'\'';
    let Some(start) = word.iter().position(kept) else { return &[] };
    let end = word.iter().rposition(kept).map_or(start, |last| last + 1);
    &word[start..end]
}

/// Up to eight ASCII bytes as one number, a byte each, zeros after them.
/// Two such strings that do not end with a zero byte are equal when their
/// numbers are: a zero byte inside such a string has more bytes after it.
fn pack(bytes: &[u8]) -> Option<u64> {
    if bytes.len() > 8 {
        return None;
    }
    let number = bytes.iter().rev().fold(0, |number, &byte| number << 8 | u64::from(byte));
    (number & HIGH_BITS == 0).then_some(number)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Each byte of a [`pack`]ed number lowered as `u8::to_ascii_lowercase`
/// lowers it, eight at once: a byte below 0x80 gets its high bit from an
/// addition when it is at least `A`, and from another when it is above `Z`;
/// neither addition carries into the next byte.
fn ascii_lowercase(number: u64) -> u64 {
    let from_a = number + 0x3f3f_3f3f_3f3f_3f3f;
    let above_z = number + 0x2525_2525_2525_2525;
    let upper = from_a & !above_z & HIGH_BITS;
    number | upper >> 2
}

/// A word as stop-word lists spell it: lower case, without surrounding
/// punctuation, apostrophes straight. Most words are that already, and are
/// not copied.
pub fn word_key(word: &str) -> Cow<'_, str> {
    let word =
        if has_plain_ends(word.as_bytes()) { word } else { word.trim_matches(|c: char| !chars::facts(c).is_alphanumeric() && c != '\'') };
    if word.is_ascii() {
        return match word.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(word.to_ascii_lowercase()),
            false => Cow::Borrowed(word),
        };
    }
    if word.chars().all(is_key_char) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
}

/// Whether `c` stands in a word key as it is: lower case already (its
/// lower case is itself), and not a curly apostrophe.
fn is_key_char(c: char) -> bool {
    c != '\u{2019}' && chars::facts(c).lower == Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Cutting whole lines from a text and reading on gives the sample
        /// that reading the text left gives.
        #[test]
        fn a_sample_after_cut_lines_is_the_sample_of_what_is_left(
            lines in proptest::collection::vec("(the|und|le|of|de|x|[a-z]{1,6}|河水|下降了| |\t){0,12}", 1..40),
            cut in proptest::collection::vec(proptest::bool::ANY, 40),
            repeat in 1usize..80,
        ) {
            // Repeated so that some texts hold more words than are sampled.
            let lines: Vec<String> = lines.iter().cycle().take(lines.len() * repeat).cloned().collect();
            let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
            let (mut cuts, mut next, mut at): (Vec<Range<usize>>, _, _) = (Vec::new(), String::new(), 0);
            for (index, line) in lines.iter().enumerate() {
                let len = line.len() + 1;
                if cut[index % cut.len()] {
                    match cuts.last_mut() {
                        Some(last) if last.end == at => last.end = at + len,
                        _ => cuts.push(at..at + len),
                    }
                } else {
                    next.push_str(line);
                    next.push('\n');
                }
                at += len;
            }
            let read_anew = Sample::of(&next);
            match Sample::of(&text).after_cuts(cuts.iter().cloned(), &next) {
                Some(after) => proptest::prop_assert_eq!(after, read_anew),
                None => proptest::prop_assert!(Sample::of(&text).cjk_chars > 0, "only a sample with CJK is read anew"),
            }
        }
    }

    #[test]
    fn picks_the_language_of_the_text() {
        let english = for_text("The cat sat on the mat and it was happy with the world").unwrap();
        assert!(english.contains("the"));
        let german = for_text("Der Hund und die Katze sind nicht in dem Haus, aber sie sind bei uns").unwrap();
        assert!(german.contains("und") && !german.contains("the"));
        assert!(for_text("12345 67890").is_none());
        assert_eq!(word_key("«Über»"), "über");
        assert_eq!(word_key("(The,"), "the");
        assert_eq!(word_key("'tis"), "'tis");
        assert_eq!(word_key("--"), "");
        assert_eq!(word_key("don\u{2019}t"), "don't");
        assert!(matches!(word_key("(straße)"), Cow::Borrowed("straße")), "a word in lower case is not copied");
    }

    #[test]
    fn texts_written_without_spaces_are_read_a_character_at_a_time() {
        let chinese =
            for_text("河水一夜之间下降了一米，议会表示山谷里的大部分道路将在星期五重新开放。居民被告知他们就可以回家了。").unwrap();
        let japanese = for_text("川の水位は一晩で一メートル下がり、谷の道路の多くは金曜日に再開される見込みだと議会は発表した。").unwrap();
        let korean = for_text("강물이 하룻밤 사이에 일 미터 내려갔고 의회는 계곡의 도로 대부분이 금요일에 다시 열린다고 밝혔다").unwrap();
        assert!(std::ptr::eq(chinese, japanese) && std::ptr::eq(chinese, korean) && std::ptr::eq(chinese, &*CJK));
        assert!(!std::ptr::eq(for_text("The river fell by a metre, and the roads will open again on Friday. 河水").unwrap(), chinese));
        // Function characters anywhere; Korean endings only where a word ends.
        assert_eq!(cjk_function_characters("他们的家", 10), (4, 3));
        assert_eq!(cjk_function_characters("首页新闻体育", 10), (6, 0));
        assert_eq!(cjk_function_characters("학교에 갔다", 10), (5, 2));
        assert_eq!(cjk_function_characters("로그인 회원가입", 10), (7, 0), "로 and 가 begin or stand inside a word");
        assert_eq!(cjk_function_characters("的的的的", 2), (2, 2));
    }

    #[test]
    fn languages_beyond_the_nltk_lists_have_theirs() {
        let cases = [
            ("Rzeka opadła w nocy o metr, a rada powiedziała, że drogi w dolinie zostaną otwarte w piątek.", "że"),
            ("Řeka přes noc klesla o metr a rada uvedla, že silnice v údolí se v pátek znovu otevřou.", "že"),
            ("Nước sông đã rút một mét trong đêm và hội đồng cho biết các con đường sẽ mở lại vào thứ Sáu.", "và"),
            ("नदी का पानी रात भर में एक मीटर घट गया और परिषद ने कहा कि घाटी की सड़कें शुक्रवार को फिर से खुलेंगी।", "और"),
            ("Реката спадна с един метър през нощта и съветът каза, че пътищата в долината ще бъдат отворени в петък.", "че"),
        ];
        for (text, word) in cases {
            let list = for_text(text).unwrap_or_else(|| panic!("no list for {text}"));
            assert!(list.contains(word), "{word} in the list picked for {text}");
        }
    }

    #[test]
    fn every_language_has_its_bit() {
        let languages = LISTS_TEXT.split_terminator('\0').count();
        assert!(languages > 20 && languages <= MAX_LISTS, "{languages} lists");
        assert_eq!(LISTS.len(), languages);
    }

    #[test]
    fn packed_bytes_lower_as_ascii_does() {
        for byte in 0..0x80u8 {
            let number = u64::from_le_bytes([byte, b'a', b'Z', 0, byte, 0x7f, b'@', b'[']);
            let lowered = [byte.to_ascii_lowercase(), b'a', b'z', 0, byte.to_ascii_lowercase(), 0x7f, b'@', b'['];
            assert_eq!(ascii_lowercase(number), u64::from_le_bytes(lowered), "{byte:#x}");
        }
        assert_ne!(pack(b"a\0b"), pack(b"ab"));
        assert_ne!(pack(b"a\0b"), pack(b"a"));
        assert_eq!(pack(b"ninechars"), None);
        assert_eq!(pack("\u{e9}t\u{e9}".as_bytes()), None);
    }

    #[test]
    fn words_in_any_case_are_held() {
        let english = for_text("the cat and the dog").unwrap();
        for word in ["The", "THE", "the,", "(the", "Ourselves", "don\u{2019}t", "\"It's"] {
            assert!(english.holds(word), "{word}");
        }
        for word in ["cat", "Thee", "thx", "the-x", "ourselvesx", "t\u{e9}"] {
            assert!(!english.holds(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_word_is_held_when_its_key_is_listed(word in "[(«'\"]{0,2}[A-Za-z\u{e9}\u{c9}'\u{2019}\0-]{0,11}[.,»)\0]{0,2}") {
            let english = for_text("the cat and the dog").unwrap();
            let french = for_text("le chat et le chien sont dans la maison").unwrap();
            for list in [english, french] {
                proptest::prop_assert_eq!(list.holds(&word), list.contains(&word_key(&word)));
            }
        }
    }
}

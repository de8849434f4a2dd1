//! Property tests of the engine's invariants.

use proptest::prelude::*;
use rinse_core::edit::{apply_changes, apply_changes_owned, compose, tidy_changes, Change};
use rinse_core::{apply, apply_except, clean_with, Config, Edit, Preset};

/// Text that looks like a scrape: lines drawn from prose, junk, blanks,
/// odd spacing and non-ASCII, often repeated.
fn scrape_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("The committee met on Tuesday to discuss the new budget proposal.".to_string()),
        Just("Residents said the road had been closed for three weeks.".to_string()),
        Just("  Café   “quoted”  text\t".to_string()),
        Just("Share".to_string()),
        // A phrase broken across two lines.
        Just("Sorry, the page you were".to_string()),
        Just("looking for".to_string()),
        Just(String::new()),
        Just("   ".to_string()),
        Just("\r".to_string()),
        "[a-zA-Z \\t\u{a0}\u{200b}é’\u{3000}.,!]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(line, 0..24).prop_map(|lines| lines.join("\n"))
}

fn check_edits(original: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for edit in edits {
        prop_assert!(edit.start >= last_end && edit.start <= edit.end, "edits sorted and disjoint");
        prop_assert!(original.is_char_boundary(edit.start) && original.is_char_boundary(edit.end));
        prop_assert!(edit.end <= original.len());
        check_edits(original, &edit.inner)?;
        for inner in &edit.inner {
            prop_assert!(inner.start >= edit.start && inner.end <= edit.end, "inner edits inside their outer edit");
        }
        last_end = edit.end;
    }
    Ok(())
}

/// The edits that rejecting `chosen` leaves in force, as one flat list.
fn without(edits: &[Edit], chosen: &[bool]) -> Vec<Edit> {
    let mut kept = Vec::new();
    for (edit, &reject) in edits.iter().zip(chosen.iter().chain(std::iter::repeat(&false))) {
        if reject {
            kept.extend(edit.inner.iter().cloned());
        } else {
            kept.push(edit.clone());
        }
    }
    kept
}

fn reject_all(original: &str, edits: &[Edit]) -> String {
    let restored: Vec<Edit> = edits.iter().flat_map(|e| e.inner.iter().cloned()).collect();
    if restored.is_empty() {
        apply_except(original, edits, |_| true)
    } else {
        reject_all(original, &restored)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_preset_gives_edits_that_reproduce_its_text(text in scrape_like(), preset in prop::sample::select(Preset::ALL.to_vec())) {
        let cleaned = clean_with(&text, &Config::preset(preset)).unwrap();
        check_edits(&text, &cleaned.edits)?;
        prop_assert_eq!(apply(&text, &cleaned.edits), cleaned.text);
    }

    #[test]
    fn cleaning_is_idempotent(text in scrape_like(), preset in prop::sample::select(Preset::ALL.to_vec())) {
        let config = Config::preset(preset);
        let once = clean_with(&text, &config).unwrap().text;
        let twice = clean_with(&once, &config).unwrap();
        prop_assert_eq!(&twice.text, &once);
        prop_assert!(twice.edits.is_empty(), "second pass changed {:?}", twice.edits);
    }

    #[test]
    fn rejecting_edits_applies_only_the_others(text in scrape_like(), chosen in prop::collection::vec(any::<bool>(), 0..40)) {
        let cleaned = clean_with(&text, &Config::default()).unwrap();
        let rejected = apply_except(&text, &cleaned.edits, |i| chosen.get(i).copied().unwrap_or(false));
        prop_assert_eq!(rejected, apply(&text, &without(&cleaned.edits, &chosen)));
        prop_assert_eq!(reject_all(&text, &cleaned.edits), text);
    }

    #[test]
    fn composing_random_stages_matches_applying_them_in_turn(
        text in "[a-c\n é]{0,30}",
        stages in prop::collection::vec(prop::collection::vec((0usize..40, 0usize..6, "[x\n]{0,3}"), 0..6), 1..5),
    ) {
        let mut current = text.clone();
        let mut edits = Vec::new();
        for stage in stages {
            let mut changes: Vec<Change> = stage
                .into_iter()
                .map(|(start, len, replacement)| Change::replace(start..start + len, replacement, "random"))
                .collect();
            tidy_changes(&current, &mut changes);
            let next = apply_changes(&current, &changes);
            prop_assert_eq!(apply_changes_owned(current.clone(), &changes), next.clone(), "changed where it lies, as when copied");
            edits = compose(&current, edits, changes, "random");
            current = next;
            check_edits(&text, &edits)?;
            prop_assert_eq!(apply(&text, &edits), current.clone());
        }
        prop_assert_eq!(reject_all(&text, &edits), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn line_views_kept_across_deletions_match_fresh_ones(text in scrape_like(), drop in prop::collection::vec(any::<bool>(), 0..24)) {
        use rinse_core::reading::{lines, Doc};
        let doc = Doc::new(text.clone());
        let stop = rinse_core::reading::stopwords::for_text(&text);
        let _ = (doc.phrase_hits(), doc.pair_hits(), doc.readings(stop), doc.word_hashes(), doc.spaced_word_hashes(), doc.folded(), doc.paragraph_keys());
        let changes: Vec<Change> = lines(&text)
            .zip(drop.iter().chain(std::iter::repeat(&false)))
            .filter(|(_, &d)| d)
            .map(|(line, _)| Change::delete(line.full(), "drop"))
            .collect();
        let next = apply_changes(&text, &changes);
        let after = doc.after(&changes, next.clone());
        let fresh = Doc::new(next);
        prop_assert_eq!(after.lines().collect::<Vec<_>>(), fresh.lines().collect::<Vec<_>>());
        prop_assert_eq!(after.word_counts(), fresh.word_counts());
        prop_assert_eq!(after.phrase_hits(), fresh.phrase_hits());
        prop_assert_eq!(after.pair_hits(), fresh.pair_hits());
        prop_assert_eq!(after.readings(stop), fresh.readings(stop));
        prop_assert_eq!(after.word_hashes(), fresh.word_hashes());
        prop_assert_eq!(after.spaced_word_hashes(), fresh.spaced_word_hashes());
        prop_assert_eq!(after.folded(), fresh.folded());
        prop_assert_eq!(after.paragraph_keys(), fresh.paragraph_keys());
    }
}

/// Text mixing ASCII with letters, digits and spaces beyond it, and the
/// vertical tab, which ASCII and Unicode readings of whitespace disagree on.
fn mixed_line() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,'`\u{0B}\t\r\u{85}ÜüßΣǅİ\u{212a}٣\u{a0}\u{2003}\u{2019}\u{2018}\u{2bc}\u{3000}語-]{0,40}"
}

/// The plain, character-by-character forms of the line keys, which the fast ones must equal.
mod plain {
    use std::hash::Hasher;

    /// Each blank-separated token's letters and digits (digits as 0, lower
    /// case), the empty ones dropped, joined by spaces.
    pub fn paragraph_key(line: &str) -> String {
        let ascii = line.is_ascii();
        let blank = |c: char| if ascii { c.is_ascii_whitespace() } else { c.is_whitespace() };
        let tokens = line.split(blank).map(|token| {
            token
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(|c| if c.is_numeric() { vec!['0'] } else { c.to_lowercase().collect() })
                .collect::<String>()
        });
        tokens.filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
    }

    /// Trimmed, each blank-separated token lower case with its apostrophes
    /// straight, joined by spaces.
    pub fn fold(line: &str) -> String {
        let line = line.trim();
        let ascii = line.is_ascii();
        let blank = |c: char| if ascii { c.is_ascii_whitespace() } else { c.is_whitespace() };
        let straight = |c: char| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => vec!['\''],
            c => c.to_lowercase().collect(),
        };
        let tokens = line.split(blank).filter(|t| !t.is_empty()).map(|t| t.chars().flat_map(straight).collect::<String>());
        tokens.collect::<Vec<_>>().join(" ")
    }

    pub fn spaced_word_hashes(line: &str) -> Vec<u64> {
        let hash = |word: &str| {
            let mut hasher = rustc_hash::FxHasher::default();
            word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).for_each(|c| hasher.write_u32(c as u32));
            hasher.finish()
        };
        line.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).map(hash).collect()
    }

    pub fn word_hashes(line: &str) -> Vec<u64> {
        line.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut hasher = rustc_hash::FxHasher::default();
                w.chars().flat_map(char::to_lowercase).for_each(|c| hasher.write_u32(c as u32));
                hasher.finish()
            })
            .collect()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn fast_line_keys_equal_the_plain_ones(line in mixed_line()) {
        use rinse_core::reading::{paragraph_key, paragraph_key_and_word_hashes, spaced_word_hashes, word_count, word_hashes};
        prop_assert_eq!(word_count(&line), line.split_whitespace().count());
        let mut key = String::new();
        paragraph_key(&line, &mut key);
        prop_assert_eq!(key, plain::paragraph_key(&line));
        let mut hashes = Vec::new();
        word_hashes(&line, &mut hashes);
        prop_assert_eq!(&hashes, &plain::word_hashes(&line));
        // Both at once, into buffers that held another line's.
        let mut key = "stale".to_string();
        hashes.push(7);
        paragraph_key_and_word_hashes(&line, &mut key, &mut hashes);
        prop_assert_eq!(key, plain::paragraph_key(&line));
        prop_assert_eq!(&hashes, &plain::word_hashes(&line));
        spaced_word_hashes(&line, &mut hashes);
        prop_assert_eq!(hashes, plain::spaced_word_hashes(&line));
        prop_assert_eq!(rinse_core::reading::phrases::fold(&line), plain::fold(&line));
    }
}

/// One member of a JSON object as written on a JSONL line: its key, its
/// value as JSON, and the blanks around the colon and the comma.
fn member() -> impl Strategy<Value = (String, String, String)> {
    let key = prop_oneof![Just("text".to_string()), Just("te\\u0078t".to_string()), "[a-z]{1,6}"];
    let value = prop_oneof![
        scrape_like().prop_map(|text| serde_json::to_string(&text).unwrap()),
        Just("123456789012345678901234567890".to_string()),
        Just("-0.10000000000000000555e-7".to_string()),
        Just("\"caf\\u00e9 \\/ \\ud83d\\ude00\"".to_string()),
        Just("{\"nested\": [1, {\"text\": \"a  b\"}], \"x\": null}".to_string()),
        Just("true".to_string()),
    ];
    (key, value, "[ \t]{0,2}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Cleaning a JSONL line changes the field's last value to the engine's
    /// text for it, and not one byte else.
    #[test]
    fn a_jsonl_line_changes_only_in_its_field(members in prop::collection::vec(member(), 0..5)) {
        use rinse_core::jsonl::{clean_row, Row};
        use rinse_core::{clean, Format};
        let mut line = String::from("{");
        let mut field = None;
        for (index, (key, value, blank)) in members.iter().enumerate() {
            if index > 0 {
                line.push(',');
            }
            line.push_str(&format!("{blank}\"{key}\"{blank}:{blank}"));
            let start = line.len();
            line.push_str(value);
            let is_field = serde_json::from_str::<String>(&format!("\"{key}\"")).unwrap() == "text";
            if is_field {
                field = Some((start..line.len(), serde_json::from_str::<String>(value).ok()));
            }
        }
        line.push('}');
        let plan = Config::default().plan().unwrap();
        let row = clean_row(&line, "text", Format::Text, &plan);
        match field {
            Some((span, Some(text))) => {
                let cleaned = serde_json::to_string(&clean(&text, &plan).text).unwrap();
                let expected = format!("{}{cleaned}{}", &line[..span.start], &line[span.end..]);
                let Ok(Row::Cleaned { line: out, before, .. }) = row else { panic!("not cleaned: {line}") };
                prop_assert_eq!(out, expected);
                prop_assert_eq!(before, text);
            }
            _ => prop_assert_eq!(row, Ok(Row::NoField)),
        }
    }
}

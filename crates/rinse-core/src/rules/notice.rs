//! The shared way boilerplate rules find notices: lines that match a strong
//! phrase, together with the short weak lines around them (buttons, labels,
//! status codes) that mean nothing on their own.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::edit::{Change, Label};
use crate::reading::phrases::PhraseFile;
use crate::reading::Doc;

/// Longest weak line, in words.
const WEAK_MAX_WORDS: usize = 6;

/// A strong line this short is a label or a heading, sure evidence as it is;
/// a longer one must speak to the reader to be sure.
const LABEL_MAX_WORDS: usize = 10;

static READER_ADDRESS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../../phrases/reader-address.txt").lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect());

/// Whether the normalised line says "we", "our", "you" and the like.
fn addresses_reader(normal: &str) -> bool {
    normal.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|word| READER_ADDRESS.contains(word))
}

pub struct Notice<'a> {
    pub phrases: &'a PhraseFile,
    /// A strong line longer than this is prose that mentions the phrase.
    pub max_words: usize,
    /// A strong line is sure evidence when it holds two phrases, or is at
    /// most this long and is a label or speaks to the reader ("we use
    /// cookies", "the page you were looking for"); other strong lines go
    /// only beside sure evidence.
    pub alone_max_words: usize,
    /// This many weak lines in a row make a notice without a strong one (0: never).
    pub weak_run: usize,
    pub reason: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    Strong,
    Weak,
    Other,
}

/// Deletions of every notice in `text`, one change a run of lines.
pub fn notice_changes(doc: &Doc, notice: &Notice) -> Vec<Change> {
    let (hits, pair_hits) = (doc.phrase_hits(), doc.pair_hits());
    let phrases = notice.phrases;
    // Most texts hold none of a file's phrases: no line is then strong or weak.
    if !hits.iter().any(|h| h.has(&phrases.strong) || h.has(&phrases.weak)) && !pair_hits.iter().any(|h| h.has(&phrases.strong)) {
        return Vec::new();
    }
    let lines = doc.spans();
    let words = doc.words_read();
    let mut class: Vec<Class> = (0..lines.len())
        .map(|i| {
            if words[i] == 0 {
                Class::Blank
            } else if words[i] <= notice.max_words && hits[i].has(&phrases.strong) {
                Class::Strong
            } else if words[i] <= WEAK_MAX_WORDS && hits[i].has(&phrases.weak) {
                Class::Weak
            } else {
                Class::Other
            }
        })
        .collect();
    // A phrase broken across two short lines ("the page you were" / "looking for").
    for i in 1..lines.len() {
        let pair = [class[i - 1], class[i]];
        if pair_hits[i].has(&phrases.strong)
            && pair.iter().all(|c| matches!(c, Class::Other | Class::Weak))
            && words[i - 1] + words[i] <= notice.max_words
        {
            class[i - 1] = Class::Strong;
            class[i] = Class::Strong;
        }
    }

    let mut changes = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !matches!(class[i], Class::Strong | Class::Weak) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && matches!(class[i], Class::Strong | Class::Weak) {
            i += 1;
        }
        let run = start..i;
        let sure = |j: usize| {
            if class[j] != Class::Strong {
                return false;
            }
            let normal = doc.normalized(j);
            phrases.strong.count_contained(&normal) >= 2
                || words[j] <= notice.alone_max_words && (words[j] <= LABEL_MAX_WORDS || addresses_reader(&normal))
        };
        let keep_out =
            run.clone().any(sure) || (notice.weak_run > 0 && run.len() >= notice.weak_run && run.clone().all(|j| class[j] == Class::Weak));
        if keep_out {
            let reason: Label = notice.reason.into();
            changes.push(Change::delete(lines[start].start..lines[i - 1].next, reason));
        }
    }
    changes
}

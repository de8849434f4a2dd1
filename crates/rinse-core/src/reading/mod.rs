//! The engine's reading of a text: bytes decoded, then each line read once
//! into what the rules ask about (its words, its stop-word share in the
//! text's own language, its phrase-list hits, its key and word hashes),
//! kept in [`Doc`] and carried over, line by line, as rules remove lines.
//!
//! What feeds that reading lives here with it: decoding, character
//! classes, blanks, stop words and the phrase lists. Nothing here knows a
//! rule, a page's markup or the line model.

pub mod blanks;
pub mod bytes;
pub mod chars;
pub mod decode;
mod doc;
pub mod packed;
pub mod phrases;
pub mod prose;
pub mod stopwords;
pub mod structure;

pub use doc::{
    deletes_blank_lines, deletes_whole_lines, is_inline_space, lines, lines_deleted, lines_holding, paragraph_key,
    paragraph_key_and_word_hashes, spaced_word_hashes, word_count, word_hashes, Aside, AsideLines, Doc, Dropped, Line, LineKey, Span,
    BROKEN_MAX_WORDS, PHRASE_MAX_WORDS,
};

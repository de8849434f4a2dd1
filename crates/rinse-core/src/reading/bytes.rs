//! Scans of a text's bytes that the compiler runs many bytes at a time.
//!
//! Most rules first ask whether a text holds anything for them at all, and
//! most texts hold nothing for most rules. Asked with `Iterator::any` or a
//! search per character, each question costs a pass of several
//! instructions a byte. Asked as a fold with no early exit, over slices of
//! one length, the loop has no branches or bounds checks and is vectorised.
//! The tests passed in should be written with `&` and `|`, not `&&` and
//! `||`: a branch in the test is enough to keep the loop to one byte at a
//! time (in one rule, 20 instructions a byte instead of 1).

/// Whether any byte of `bytes` passes `test`.
pub fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |found, &byte| found | test(byte))
}

/// Whether any byte and the one after it (a zero after the last) pass `test`.
pub fn any_pair(bytes: &[u8], test: impl Fn(u8, u8) -> bool) -> bool {
    any_triple(bytes, |first, second, _| test(first, second))
}

/// Whether any byte and the two after it (zeros past the end) pass `test`.
pub fn any_triple(bytes: &[u8], test: impl Fn(u8, u8, u8) -> bool) -> bool {
    let len = bytes.len();
    let body = len.saturating_sub(2);
    let mut found = false;
    if len >= 2 {
        let (first, second, third) = (&bytes[..body], &bytes[1..][..body], &bytes[2..][..body]);
        for at in 0..body {
            found |= test(first[at], second[at], third[at]);
        }
    }
    // The last two bytes, with the zeros after them.
    let mut tail = [0; 4];
    tail[..len - body].copy_from_slice(&bytes[body..]);
    found || (0..len - body).any(|at| test(tail[at], tail[at + 1], tail[at + 2]))
}

/// The characters of `text` whose first byte passes `lead`, with their
/// offsets: a loop over bytes, not a decoding of every character, for rules
/// that look for a few characters beyond ASCII.
pub fn chars_led_by<'a>(text: &'a str, lead: impl Fn(u8) -> bool + 'a) -> impl Iterator<Item = (usize, char)> + 'a {
    let bytes = text.as_bytes().iter().enumerate();
    // `get` is `None` inside a character, should `lead` pass a continuation byte.
    bytes.filter(move |&(_, &byte)| lead(byte)).filter_map(|(at, _)| Some((at, text.get(at..)?.chars().next()?)))
}

/// The maximal runs of characters beyond ASCII in `text`, with their
/// offsets. Such characters are exactly the bytes from 0x80 up, so the
/// stretches of ASCII between runs are skipped many bytes at a time.
pub fn non_ascii_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + next_non_ascii(&bytes[at..])?;
        let end = bytes[start..].iter().position(u8::is_ascii).map_or(bytes.len(), |length| start + length);
        at = end;
        Some((start, text.get(start..end)?))
    })
}

/// Where the first byte beyond ASCII in `bytes` is, if any.
fn next_non_ascii(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 16;
    let ascii_chunks = bytes.chunks_exact(CHUNK).take_while(|chunk| chunk.is_ascii()).count();
    let skipped = ascii_chunks * CHUNK;
    bytes[skipped..].iter().position(|b| !b.is_ascii()).map(|at| skipped + at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn scans_agree_with_windows(bytes in proptest::collection::vec(0u8..4, 0..12)) {
            let padded = [bytes.as_slice(), &[0, 0]].concat();
            let windows = |n: usize| padded.windows(3).take(bytes.len()).map(move |w| w[..n].to_vec());
            prop_assert_eq!(any_byte(&bytes, |b| b == 3), bytes.contains(&3));
            prop_assert_eq!(any_pair(&bytes, |a, b| a == 1 && b == 0), windows(2).any(|w| w == [1, 0]));
            prop_assert_eq!(any_triple(&bytes, |a, b, c| a == 2 && b == 1 && c == 0), windows(3).any(|w| w == [2, 1, 0]));
        }

        #[test]
        fn runs_beyond_ascii_are_those_decoded(text in "[ab \u{e9}\u{2019}\u{4e2d}\u{1f600}]{0,40}") {
            let mut runs: Vec<(usize, String)> = Vec::new();
            for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                match runs.last_mut() {
                    Some((start, run)) if *start + run.len() == at => run.push(c),
                    _ => runs.push((at, c.to_string())),
                }
            }
            let found: Vec<(usize, String)> = non_ascii_runs(&text).map(|(at, run)| (at, run.to_string())).collect();
            prop_assert_eq!(found, runs);
        }

        #[test]
        fn chars_led_by_a_byte_are_those_decoded(text in "[a\u{e9}\u{a0}\u{2003}\u{2019}\u{4e2d}]{0,20}", lead in 0u8..=255) {
            let led: Vec<(usize, char)> = chars_led_by(&text, |b| b == lead).collect();
            let decoded: Vec<(usize, char)> = text.char_indices().filter(|&(at, _)| text.as_bytes()[at] == lead).collect();
            prop_assert_eq!(led, decoded);
        }
    }
}

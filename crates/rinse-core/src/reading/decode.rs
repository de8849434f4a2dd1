//! Bytes to text: the encoding a byte-order mark gives, UTF-8, or the
//! legacy encoding the bytes look like; binary data refused.

use std::borrow::Cow;
use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// Why bytes were refused as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes without a UTF-16 byte-order mark: an image, archive or other binary file.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "this looks like a binary file (it contains NUL bytes), not text"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Text decoded from bytes, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding used, by its WHATWG name ("UTF-8", "windows-1252", "UTF-16LE").
    pub encoding: &'static str,
    /// Whether it was guessed from the bytes rather than marked (BOM) or valid UTF-8.
    pub guessed: bool,
    /// Whether a byte-order mark gave it; the mark is not part of the text.
    pub marked: bool,
    /// Whether some bytes did not fit the encoding and became U+FFFD.
    pub lossy: bool,
}

/// Reads bytes as text: a byte-order mark (UTF-8, UTF-16) decides; valid
/// UTF-8 is UTF-8; anything else is decoded with the legacy encoding its
/// bytes look like. Binary data is refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded { text, encoding: encoding.name(), guessed: false, marked: true, lossy });
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8", guessed: false, marked: false, lossy: false });
    }
    // The bytes are not UTF-8, so neither guess may be it; ISO-2022-JP is text here, never script.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded { text, encoding: encoding.name(), guessed: true, marked: false, lossy })
}

/// [`decode`], taking the bytes: valid UTF-8 becomes the text without a
/// copy, so a large input is held once.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded<'static>, DecodeError> {
    let Decoded { text, encoding, guessed, marked, lossy } = decode(&bytes)?;
    let text = match text {
        Cow::Owned(text) => text,
        Cow::Borrowed(text) => {
            // Valid UTF-8 after its byte-order mark, if any: the tail of `bytes`.
            let mark = bytes.len() - text.len();
            bytes.drain(..mark);
            String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    };
    Ok(Decoded { text: Cow::Owned(text), encoding, guessed, marked, lossy })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_and_encoding(bytes: &[u8]) -> (String, &'static str) {
        let decoded = decode(bytes).unwrap();
        (decoded.text.into_owned(), decoded.encoding)
    }

    #[test]
    fn decodes_boms_utf8_and_legacy_encodings() {
        assert_eq!(text_and_encoding(b"\xEF\xBB\xBFcaf\xC3\xA9"), ("caf\u{e9}".into(), "UTF-8"));
        assert_eq!(text_and_encoding(b"\xFF\xFEh\0i\0"), ("hi".into(), "UTF-16LE"));
        assert_eq!(text_and_encoding(b"\xFE\xFF\0h\0i"), ("hi".into(), "UTF-16BE"));
        let latin = b"Le caf\xE9 est tr\xE8s bon, et la cr\xE8me br\xFBl\xE9e aussi. O\xF9 est la gare?";
        let decoded = decode(latin).unwrap();
        assert_eq!(decoded.text, "Le caf\u{e9} est tr\u{e8}s bon, et la cr\u{e8}me br\u{fb}l\u{e9}e aussi. O\u{f9} est la gare?");
        assert!(decoded.guessed && decoded.encoding == "windows-1252");
        let russian = "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}, \u{43a}\u{430}\u{43a} \u{434}\u{435}\u{43b}\u{430}? \u{42d}\u{442}\u{43e} \u{442}\u{435}\u{441}\u{442}.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        assert_eq!(text_and_encoding(&bytes), (russian.to_string(), "windows-1251"));
    }

    #[test]
    fn refuses_binary() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode_owned(b"\x89PNG\r\n\x1a\n\0\0".to_vec()), Err(DecodeError::Binary));
    }

    #[test]
    fn decoding_owned_bytes_reads_as_decoding_borrowed_ones() {
        for bytes in [&b"caf\xC3\xA9"[..], b"\xEF\xBB\xBFcaf\xC3\xA9", b"\xFF\xFEh\0i\0", b"caf\xE9 cr\xE8me", b""] {
            assert_eq!(decode_owned(bytes.to_vec()).unwrap(), decode(bytes).unwrap(), "{bytes:?}");
        }
    }
}

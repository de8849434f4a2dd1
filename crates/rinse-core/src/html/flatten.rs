//! The source as the parser gets it: pathologically deep nesting flattened
//! as browsers do, and the code of scripts and styles left out.

/// Browsers stop nesting parsed elements past this depth (Chromium: 512).
const MAX_DEPTH: usize = 512;

/// Elements that never nest: void elements, and those whose end tag may be
/// left out (a new one closes the last).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "tr",
    "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text, where a `<` is not a tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes"];

/// The source as the parser gets it: without the tags of elements nested
/// deeper than [`MAX_DEPTH`] (their text stays), as browsers flatten such
/// pages (the HTML5 tree builder checks scopes by walking its stack of
/// open elements, so pathological nesting would otherwise cost time
/// quadratic in the depth), and without the code of scripts and styles
/// ([`Scan::code`]): a third of a page's bytes, read by the tokenizer a
/// character at a time, and nothing reads it.
pub fn prepare(html: &str) -> std::borrow::Cow<'_, str> {
    let Scan { tags, code } = scan_tags(html);
    let mut depth = 0usize;
    let mut left_out = Vec::new();
    for tag in &tags {
        if tag.closing {
            if depth > MAX_DEPTH {
                left_out.push(tag.range.clone());
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                left_out.push(tag.range.clone());
            }
        }
    }
    if left_out.is_empty() && code.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    // Tags and code never overlap: the scan reads no tag inside code.
    left_out.extend(code);
    left_out.sort_unstable_by_key(|range| range.start);
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for range in left_out {
        out.push_str(&html[pos..range.start]);
        pos = range.end;
    }
    out.push_str(&html[pos..]);
    std::borrow::Cow::Owned(out)
}

/// A start or end tag of a nesting element.
struct Tag {
    range: std::ops::Range<usize>,
    closing: bool,
}

/// What one pass over a page's source finds.
struct Scan {
    /// The nesting tags.
    tags: Vec<Tag>,
    /// The content of each script and style that can go unread, in order:
    /// not structured data (JSON-LD, which is read), and ended as the
    /// tokenizer would end it. A script holding `<!--` is kept: there the
    /// tokenizer's escaped states may end it elsewhere.
    code: Vec<std::ops::Range<usize>>,
}

/// The nesting tags of `html` and the code of its scripts and styles, in
/// one linear pass that skips comments, declarations and raw-text content.
fn scan_tags(html: &str) -> Scan {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut code = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = memchr::memmem::find(rest.as_bytes(), b"-->").map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + 1 + usize::from(closing);
        let name_len = html[name_start..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let end = html[name_start..].find('>').map_or(bytes.len(), |e| name_start + e + 1);
        let name = &bytes[name_start..name_start + name_len];
        i = end;
        if !closing && is_one_of(name, RAW_TEXT) {
            i = find_end_tag(html, end, name);
            if is_unread_code(&html[start..end], name, &html[end..i], &bytes[i..]) {
                code.push(end..i);
            }
            continue;
        }
        let self_closing = html[start..end].ends_with("/>");
        if !is_one_of(name, NOT_NESTING) && (closing || !self_closing) {
            tags.push(Tag { range: start..end, closing });
        }
    }
    Scan { tags, code }
}

/// Whether the content `content` of the raw-text element `name`, opened by
/// `start_tag` and followed by `after` (its end tag, if it has one), is code
/// that nothing reads and that the tokenizer would end where the scan did.
fn is_unread_code(start_tag: &str, name: &[u8], content: &str, after: &[u8]) -> bool {
    let script = name.eq_ignore_ascii_case(b"script");
    if !script && !name.eq_ignore_ascii_case(b"style") || content.is_empty() {
        return false;
    }
    // Each tag's name ends where the tokenizer would end it (`<script_x>` is no script).
    let ends_name = |b: &u8| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>');
    let ended = start_tag.as_bytes().get(1 + name.len()).is_some_and(ends_name) && after.get(2 + name.len()).is_some_and(ends_name);
    // A `>` inside a quoted attribute would have ended the start tag early.
    let quotes_closed =
        start_tag.bytes().filter(|&b| b == b'"').count() % 2 == 0 && start_tag.bytes().filter(|&b| b == b'\'').count() % 2 == 0;
    let structured_data = || start_tag.as_bytes().windows(7).any(|window| window.eq_ignore_ascii_case(b"ld+json"));
    ended && quotes_closed && !(script && (content.contains("<!--") || structured_data()))
}

fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// Where the end tag of the raw-text element `name` starts, from `from` on
/// (the end of the text when there is none).
fn find_end_tag(html: &str, from: usize, name: &[u8]) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr::memmem::find(&bytes[at..], b"</") {
        let tag = at + offset;
        let candidate = &bytes[tag + 2..(tag + 2 + name.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(name) {
            return tag;
        }
        at = tag + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pathological_nesting_is_flattened() {
        let page = "<div><!-- <div> --><p>x</div>";
        assert_eq!(prepare(page), page);
        let deep = "<span>".repeat(600) + "x" + &"</span>".repeat(600);
        let flat = prepare(&deep);
        assert_eq!(flat.matches("<span>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</span>").count(), MAX_DEPTH);
    }

    #[test]
    fn the_code_of_scripts_and_styles_is_left_out() {
        assert_eq!(
            prepare("<style>p { color: red }</style><p>Text</p><SCRIPT src=a.js>if (a<b) {}</script ><p>More</p>"),
            "<style></style><p>Text</p><SCRIPT src=a.js></script ><p>More</p>"
        );
    }

    #[test]
    fn code_that_is_read_or_that_may_end_elsewhere_stays() {
        let kept = [
            // Structured data tells the page's kind.
            "<script type=\"application/ld+json\">{\"@type\": \"Product\"}</script><p>Text</p>",
            // In an escaped script, `</script>` may not end it.
            "<script><!-- document.write('<script></script>') --></script><p>Text</p>",
            // Not an end tag of the script's: it runs on.
            "<script>var a = '</scripts>';</script><p>Text</p>",
            // A quoted `>` in the start tag: the scan's tag ends too soon.
            "<script data-x=\"a>b\">go()</script><p>Text</p>",
            // Never closed: all that follows is the script's.
            "<p>Text</p><script>go()",
            // Another element, whose name only starts like a script's.
            "<script_x>go()</script><p>Text</p>",
            // In a comment, a script is text.
            "<!-- <script>go()</script> --><p>Text</p>",
        ];
        for page in kept {
            assert_eq!(prepare(page), page);
        }
    }
}

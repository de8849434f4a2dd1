//! Pathologically deep nesting, flattened before parsing as browsers do.

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

/// The source with the tags of elements nested deeper than [`MAX_DEPTH`]
/// removed (their text stays), as browsers flatten such pages. The HTML5
/// tree builder checks scopes by walking its stack of open elements, so
/// pathological nesting would otherwise cost time quadratic in the depth.
pub fn flatten_deep_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let tags = scan_tags(html);
    let mut depth = 0usize;
    let mut too_deep = Vec::new();
    for tag in &tags {
        if tag.closing {
            if depth > MAX_DEPTH {
                too_deep.push(tag.range.clone());
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                too_deep.push(tag.range.clone());
            }
        }
    }
    if too_deep.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for range in too_deep {
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

/// The nesting tags of `html`, in one linear pass that skips comments,
/// declarations and raw-text content.
fn scan_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| start + e + 3);
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
            continue;
        }
        let self_closing = html[start..end].ends_with("/>");
        if !is_one_of(name, NOT_NESTING) && (closing || !self_closing) {
            tags.push(Tag { range: start..end, closing });
        }
    }
    tags
}

fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// Where the end tag of the raw-text element `name` starts, from `from` on
/// (the end of the text when there is none).
fn find_end_tag(html: &str, from: usize, name: &[u8]) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = html[at..].find("</") {
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
        let page = "<div><script>if (a<b) {}</script><!-- <div> --><p>x</div>";
        assert_eq!(flatten_deep_nesting(page), page);
        let deep = "<span>".repeat(600) + "x" + &"</span>".repeat(600);
        let flat = flatten_deep_nesting(&deep);
        assert_eq!(flat.matches("<span>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</span>").count(), MAX_DEPTH);
    }
}

//! The source as the parser gets it: pathologically deep nesting flattened
//! as browsers do, and what nothing reads left out: the code of scripts and
//! styles, the attributes no reader asks for, the blanks every reader folds.

use std::borrow::Cow;
use std::ops::Range;

use super::dom::READ_ATTRIBUTES;

/// Browsers stop nesting parsed elements past this depth (Chromium: 512).
const MAX_DEPTH: usize = 512;

/// Elements that never nest: void elements, and those whose end tag may be
/// left out (a new one closes the last).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "tr",
    "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text, where a `<` is not a tag (with
/// scripting off, as pages are parsed here, `<noscript>` is not one).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "plaintext", "noembed", "noframes"];

/// The source as the parser gets it: without the tags of elements nested
/// deeper than [`MAX_DEPTH`] (their text stays), as browsers flatten such
/// pages (the HTML5 tree builder checks scopes by walking its stack of
/// open elements, so pathological nesting would otherwise cost time
/// quadratic in the depth); without the code of scripts and styles
/// ([`Scan::code`]): a third of a page's bytes, read by the tokenizer a
/// character at a time, and nothing reads it; without the attributes
/// nothing reads ([`Scan::unread_attributes`]): once the code is gone,
/// tags are most of what is left, and making attributes was most of the
/// parser's work; and with the blanks between tags folded as every reader
/// folds them ([`Scan::blank_runs`]).
pub fn prepare(html: &str) -> Cow<'_, str> {
    let Scan { tags, code, unread_attributes, blank_runs } = scan_tags(html);
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
    if left_out.is_empty() && code.is_empty() && unread_attributes.is_empty() && blank_runs.is_empty() {
        return Cow::Borrowed(html);
    }
    // Code never overlaps a tag: the scan reads no tag inside code.
    left_out.extend(code);
    left_out.extend(unread_attributes);
    left_out.extend(blank_runs);
    left_out.sort_unstable_by_key(|range| range.start);
    // Every range starts and ends beside an ASCII byte the scan stopped at.
    if !left_out.iter().all(|range| html.is_char_boundary(range.start) && html.is_char_boundary(range.end)) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for range in left_out {
        // Ranges that overlap (an attribute of a tag left out whole; a tag's
        // last attribute, cut with the blanks before it, and the one before)
        // leave out what either covers.
        if range.start < pos {
            pos = pos.max(range.end);
            continue;
        }
        out.push_str(&html[pos..range.start]);
        pos = range.end;
    }
    out.push_str(&html[pos..]);
    Cow::Owned(out)
}

/// A start or end tag of a nesting element.
struct Tag {
    range: Range<usize>,
    closing: bool,
}

/// What one pass over a page's source finds.
///
/// Code, attributes and blanks are left out only while the scan reads the
/// source exactly as the tokenizer does: up to the first place where the
/// tree builder, not the source, would tell the tokenizer's state (raw
/// text holding a `<` where it may not be raw, a script that may run past
/// its first end tag, a CDATA section, `<plaintext>`, a frameset). Past
/// it, the source is left as it is.
struct Scan {
    /// The nesting tags.
    tags: Vec<Tag>,
    /// The content of each script and style that can go unread, in order:
    /// not structured data (JSON-LD, which is read), and not a script
    /// holding `<!--`, whose escaped states are the tokenizer's to end.
    code: Vec<Range<usize>>,
    /// The attributes of start tags that no reader asks for (not in
    /// [`READ_ATTRIBUTES`]), each with what stands between it and the next
    /// one, so that what is left reads as the same tag with fewer
    /// attributes.
    unread_attributes: Vec<Range<usize>>,
    /// Runs of blanks that are all the text between two tags, but for
    /// their first blank: outside `<pre>` every reader folds a run of
    /// blanks into one (and the first tells a sentence's end, `. `, as well
    /// as the run), and the tokenizer reads a page's indentation a
    /// character at a time. None from a page's first `<pre>` or
    /// `<listing>` on, where they may be code's.
    blank_runs: Vec<Range<usize>>,
}

/// The nesting tags of `html` and what nothing reads of it (code,
/// attributes, blanks), in one linear pass that reads tags as the tokenizer
/// does and skips comments, declarations and raw-text content.
fn scan_tags(html: &str) -> Scan {
    let bytes = html.as_bytes();
    let mut scan = Scan { tags: Vec::new(), code: Vec::new(), unread_attributes: Vec::new(), blank_runs: Vec::new() };
    let mut in_step = true;
    let mut preformatted = false;
    // SVG and MathML elements open, as far as the scan can tell (an HTML
    // tag inside one may close it unseen): in them no element's content is
    // raw text.
    let (mut svg, mut math) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        if in_step && !preformatted && start > i + 1 && bytes[i..start].iter().all(|&byte| is_blank(byte)) {
            scan.blank_runs.push(i + 1..start);
        }
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = comment_end(bytes, start);
            continue;
        }
        // Outside SVG and MathML a CDATA section is a bogus comment, ended
        // by the first `>`; inside, by `]]>`: only the tree builder knows.
        in_step &= !rest.starts_with(b"<![CDATA[");
        let closing = rest.starts_with(b"</");
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") || closing && !rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
            // A declaration or a bogus comment, ended by the first `>` (`</>` is nothing at all).
            i = memchr::memchr(b'>', &bytes[start + 2..]).map_or(bytes.len(), |at| start + 2 + at + 1);
            continue;
        }
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // A `<` in text.
            i = start + 1;
            continue;
        }
        // An end tag's attributes are dropped unread; out of step, nothing is cut.
        let cut_attributes = in_step && !closing;
        let Some(tag) = read_tag(bytes, name_start, cut_attributes, &mut scan.unread_attributes) else {
            // Ended by the end of the source: the tokenizer drops it, and nothing follows.
            break;
        };
        let name = &bytes[tag.name.clone()];
        i = tag.end;
        for (open, foreign) in [(&mut svg, b"svg".as_slice()), (&mut math, b"math")] {
            if name.eq_ignore_ascii_case(foreign) {
                *open = if closing { open.saturating_sub(1) } else { *open + usize::from(!tag.self_closing) };
            }
        }
        preformatted |= !closing && is_one_of(name, &["pre", "listing"]);
        // In a frameset most tags are dropped unread, raw-text ones too.
        in_step &= closing || !name.eq_ignore_ascii_case(b"frameset");
        if !closing && is_one_of(name, RAW_TEXT) {
            let content_end = find_end_tag(bytes, i, name);
            let content = &html[i..content_end];
            let script = name.eq_ignore_ascii_case(b"script");
            // Raw text where the tree builder may not make it so (in SVG, in
            // a `<select>` but for scripts) reads alike either way only
            // while it holds no `<`. A script where `<!--` then `<script`
            // may end it past its first end tag, and `<plaintext>`, which
            // nothing ends, leave the scan out of step too.
            let maybe_markup = content.contains('<') && (!script || svg + math > 0);
            let escaped = script && content.contains("<!--");
            let double_escaped = escaped && content.as_bytes().windows(7).any(|w| w.eq_ignore_ascii_case(b"<script"));
            in_step &= !maybe_markup && !double_escaped && !name.eq_ignore_ascii_case(b"plaintext");
            let unread_code =
                if script { !escaped && !is_structured_data(&html[start..tag.end]) } else { name.eq_ignore_ascii_case(b"style") };
            if in_step && unread_code && !content.is_empty() && content_end < bytes.len() {
                scan.code.push(i..content_end);
            }
            i = content_end;
            continue;
        }
        if !is_one_of(name, NOT_NESTING) && (closing || !tag.self_closing) {
            scan.tags.push(Tag { range: start..tag.end, closing });
        }
    }
    scan
}

/// Where the comment opened at `start` (`<!--`) ends, as the tokenizer ends
/// it: after the first `-->` (`<!-->` and `<!--->` too) or `--!>`.
fn comment_end(bytes: &[u8], start: usize) -> usize {
    let closed = memchr::memmem::find(&bytes[start + 2..], b"-->").map_or(bytes.len(), |at| start + 2 + at + 3);
    // Looked for only before the first `-->`: a search to the end of the
    // source for each comment would make the scan quadratic.
    let closed_badly = bytes.get(start + 4..closed).and_then(|before| memchr::memmem::find(before, b"--!>")).map(|at| start + 4 + at + 4);
    closed_badly.unwrap_or(closed)
}

/// A tag as the tokenizer reads it.
struct TagRead {
    /// Its name as written.
    name: Range<usize>,
    /// After its `>`.
    end: usize,
    /// Whether it ends `/>`.
    self_closing: bool,
}

/// Reads the tag whose name starts at `name_start` (a letter) as the
/// tokenizer's tag states do, a quoted `>` included; when `cut_attributes`,
/// adds its attributes that nothing reads to `unread`. `None` when the
/// source ends inside it.
fn read_tag(bytes: &[u8], name_start: usize, cut_attributes: bool, unread: &mut Vec<Range<usize>>) -> Option<TagRead> {
    let len = bytes.len();
    let cuts = unread.len();
    let mut i = name_start;
    while i < len && !is_blank(bytes[i]) && !matches!(bytes[i], b'/' | b'>') {
        i += 1;
    }
    let name = name_start..i;
    // An attribute nothing reads, cut once it is known what follows it.
    let mut pending: Option<Unread> = None;
    // Where the name or the last attribute kept ends, past a blank that
    // must stay (an unquoted value's, which a `/` after it would join).
    let mut kept_to = i;
    loop {
        // Blanks, and a `/` not before `>`, stand between attributes.
        while i < len && (is_blank(bytes[i]) || bytes[i] == b'/' && bytes.get(i + 1) != Some(&b'>')) {
            i += 1;
        }
        let ended = match bytes.get(i) {
            None => {
                unread.truncate(cuts);
                return None;
            }
            Some(b'>') => Some((i + 1, false)),
            Some(b'/') => Some((i + 2, true)),
            Some(_) => None,
        };
        if let Some((end, self_closing)) = ended {
            // The last attribute goes with the blanks and `/`s before it:
            // a `/` left before the `>` would close the tag.
            unread.extend(pending.map(|last| last.after..last.end));
            return Some(TagRead { name, end, self_closing });
        }
        // Another goes with those after it, up to the next.
        if let Some(attribute) = pending.take() {
            unread.push(attribute.start..i);
        }
        // The name: its first character whatever it is (`=` too), then up to a blank, `/`, `>` or `=`.
        let attribute_start = i;
        i += 1;
        while i < len && !is_blank(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end = i;
        let mut next = i;
        while next < len && is_blank(bytes[next]) {
            next += 1;
        }
        let mut unquoted = false;
        if bytes.get(next) == Some(&b'=') {
            next += 1;
            while next < len && is_blank(bytes[next]) {
                next += 1;
            }
            i = match bytes.get(next) {
                Some(&quote @ (b'"' | b'\'')) => match memchr::memchr(quote, &bytes[next + 1..]) {
                    Some(at) => next + 1 + at + 1,
                    None => len,
                },
                // `name=>`: no value, and the tag ends.
                Some(b'>') => next,
                _ => {
                    unquoted = true;
                    while next < len && !is_blank(bytes[next]) && bytes[next] != b'>' {
                        next += 1;
                    }
                    next
                }
            };
        }
        if cut_attributes && !is_one_of(&bytes[attribute_start..name_end], READ_ATTRIBUTES) {
            pending = Some(Unread { after: kept_to, start: attribute_start, end: i });
        } else {
            kept_to = i + usize::from(unquoted);
        }
    }
}

/// An attribute that nothing reads, as [`read_tag`] found it.
struct Unread {
    /// Where the name or the last attribute kept before it ends.
    after: usize,
    start: usize,
    end: usize,
}

/// Whether a script opened by `start_tag` holds structured data (JSON-LD),
/// which the page's kind is read from.
fn is_structured_data(start_tag: &str) -> bool {
    start_tag.as_bytes().windows(7).any(|window| window.eq_ignore_ascii_case(b"ld+json"))
}

/// The tokenizer's blanks (a carriage return becomes a line feed).
fn is_blank(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names.iter().any(|n| n.len() == name.len() && n.as_bytes().eq_ignore_ascii_case(name))
}

/// Where the end tag of the raw-text element `name` starts, from `from` on
/// (the end of the source when there is none): `</name` followed by a
/// blank, `/` or `>`, as the tokenizer ends raw text.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(offset) = memchr::memmem::find(&bytes[at..], b"</") {
        let tag = at + offset;
        let after = tag + 2 + name.len();
        let named = bytes.get(tag + 2..after).is_some_and(|candidate| candidate.eq_ignore_ascii_case(name));
        if named && bytes.get(after).is_some_and(|&b| is_blank(b) || matches!(b, b'/' | b'>')) {
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
        // A quoted `>` does not end the start tag, nor `</scripts` the script.
        assert_eq!(prepare("<script data-x=\"a>b\">go('</scripts>')</script><p>Text</p>"), "<script></script><p>Text</p>");
    }

    #[test]
    fn attributes_nothing_reads_are_left_out() {
        let cases = [
            ("<div data-id=\"7\" class=\"post\" onclick='go()'>Text</div>", "<div class=\"post\">Text</div>"),
            // However they are written: no blank after a quoted value, a
            // stray `/`, a quoted `>`, a value left out, no value at all.
            ("<a data-x=\"1\"href=/y>Y</a>", "<a href=/y>Y</a>"),
            ("<a href=y data-x=1/>Y</a>", "<a href=y >Y</a>"),
            ("<img data-x=\"1\"/ alt='a > b' loading=lazy/>", "<img alt='a > b'>"),
            ("<br class=a data-x=\"1\"/><br class=a data-x/>", "<br class=a /><br class=a />"),
            ("<p title=\"a > b\" data-y=>Z</p>", "<p>Z</p>"),
            ("<p DATA-Y ID=top Hidden>Z</p>", "<p ID=top Hidden>Z</p>"),
            // End tags, comments and raw text keep theirs.
            (
                "</p data-x=1><!-- <b data-x=1> --><title><i data-x=1></title>",
                "</p data-x=1><!-- <b data-x=1> --><title><i data-x=1></title>",
            ),
        ];
        for (page, prepared) in cases {
            assert_eq!(prepare(page), prepared, "{page}");
        }
    }

    #[test]
    fn attributes_stay_past_where_the_tree_builder_tells_the_tokenizers_state() {
        // Each page: the unread attribute before the doubt is left out, all after it stay.
        for (page, doubt) in [
            ("<p data-x=1>a</p><plaintext><b data-x=1>", "<plaintext>"),
            ("<p data-x=1>a</p><svg><![CDATA[ <b data-x=1> ]]></svg><b data-x=1>b</b>", "<svg>"),
            ("<p data-x=1>a</p><script><!-- <script> </script> <b data-x=1> --></script><b data-x=1>c</b>", "<script>"),
            ("<p data-x=1>a</p><svg><title><b class=\"</title><p data-x=1>\"></svg><i data-x=1>d</i>", "<svg>"),
            ("<p data-x=1>a</p><select><style><i data-x=1></style><i data-x=1>e</i>", "<select>"),
            ("<p data-x=1>a</p><frameset><noframes><i data-x=1></noframes>", "<frameset>"),
        ] {
            let at = page.find(doubt).unwrap();
            assert_eq!(prepare(page), format!("<p>a</p>{}", &page[at..]), "{page}");
        }
        // A tag the source ends in is no tag.
        assert_eq!(prepare("<p data-x=1>a</p><b data-x=1"), "<p>a</p><b data-x=1");
    }

    #[test]
    fn every_attribute_read_is_listed() {
        let sources = [
            include_str!("dom.rs"),
            include_str!("kind.rs"),
            include_str!("code.rs"),
            include_str!("markdown.rs"),
            include_str!("content.rs"),
            include_str!("text.rs"),
            include_str!("mod.rs"),
        ];
        let asked = regex::Regex::new(r#"attr\((?:node, )?"([a-z-]+)"\)|"([a-z-]+)" => &mut found|local == "([a-z-]+)""#).unwrap();
        let mut names = 0;
        for source in sources {
            for found in asked.captures_iter(source) {
                let name = found.iter().skip(1).flatten().next().unwrap().as_str();
                assert!(READ_ATTRIBUTES.contains(&name), "{name} is read but not in READ_ATTRIBUTES");
                names += 1;
            }
        }
        assert!(names >= 30, "the readers were found ({names} names)");
    }

    /// The tree the parser builds of `source`, written out: elements with
    /// the attributes read ([`READ_ATTRIBUTES`]), text and comments; not
    /// the text of scripts and styles, which [`prepare`] leaves out; each
    /// run of blanks outside `<pre>` and `<listing>` as its first blank,
    /// as every reader folds it.
    fn tree(source: &str) -> String {
        use html5ever::tendril::TendrilSink;
        let options = html5ever::driver::ParseOpts {
            tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
            ..Default::default()
        };
        let parsed = html5ever::driver::parse_document(scraper::HtmlTreeSink::new(scraper::Html::new_document()), options).one(source);
        let mut out = String::new();
        write_node(parsed.tree.root(), Within::Other, &mut out);
        out
    }

    /// What a node's text is read as, by what holds it.
    #[derive(Clone, Copy, PartialEq)]
    enum Within {
        Code,
        Preformatted,
        Other,
    }

    fn write_node(node: ego_tree::NodeRef<'_, scraper::Node>, within: Within, out: &mut String) {
        match node.value() {
            scraper::Node::Element(element) => {
                let mut attributes: Vec<String> = element
                    .attrs()
                    .filter(|(name, _)| is_one_of(name.as_bytes(), READ_ATTRIBUTES))
                    .map(|(name, value)| format!(" {name}={value:?}"))
                    .collect();
                attributes.sort();
                out.push_str(&format!("<{:?}{}>", element.name, attributes.concat()));
                let within = match element.name() {
                    "script" | "style" => Within::Code,
                    "pre" | "listing" => Within::Preformatted,
                    _ if within == Within::Preformatted => within,
                    _ => Within::Other,
                };
                node.children().for_each(|child| write_node(child, within, out));
                out.push_str("</>");
            }
            scraper::Node::Text(text) => match within {
                Within::Code => {}
                Within::Preformatted => out.push_str(&format!("{:?}", &**text)),
                Within::Other => {
                    let mut folded = String::new();
                    for c in text.chars() {
                        if !(c.is_ascii_whitespace() && folded.ends_with(|last: char| last.is_ascii_whitespace())) {
                            folded.push(c);
                        }
                    }
                    out.push_str(&format!("{folded:?}"));
                }
            },
            scraper::Node::Comment(comment) => out.push_str(&format!("<!{:?}>", &**comment)),
            _ => node.children().for_each(|child| write_node(child, within, out)),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Whatever the markup, leaving out the code, the attributes and
        /// the blanks nothing reads leaves the parser's tree as it was but
        /// for them.
        #[test]
        fn leaving_out_what_nothing_reads_changes_nothing_read(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..48)) {
            let page = pieces.concat();
            proptest::prop_assert_eq!(tree(&prepare(&page)), tree(&page), "{}", page);
        }
    }

    /// What the markup of the property test is made of: tags, attributes
    /// and their quoting, comments, declarations, raw text, foreign content.
    const PIECES: &[&str] = &[
        "<div", "<p", "<a", "<br", "<img", "<input", "<font", "<table>", "<td>", "<select>", "<svg>", "</svg>", "<math>", "<title>",
        "</title>", "<textarea>", "</textarea>", "<script>", "</script>", "<style>", "</style>", "<iframe>", "</iframe>", "<xmp>",
        "<noscript>", "<plaintext>", "<template>", "<![CDATA[", "]]>", "<!--", "-->", "--!>", "<!", "<?", "</", "</div>", "</p>", "</a",
        ">", "/>", "/", " ", "\n", "\t", "=", "\"", "'", "class", "data-x", "href", "hidden", "style", "id", "type", "color", "x", "a>b",
        "text ", "&amp;", "&", "<", "é", "  ", "\n  ", ". ", "<pre>", "</pre>", "<listing>", "<frameset>", "<foreignObject>", "</math>",
        "<option>", "<noembed>", "<body>", "<html",
    ];

    #[test]
    fn code_that_is_read_or_that_may_end_elsewhere_stays() {
        let kept = [
            // Structured data tells the page's kind.
            "<script type=\"application/ld+json\">{\"@type\": \"Product\"}</script><p>Text</p>",
            // In an escaped script, `</script>` may not end it.
            "<script><!-- document.write('<script></script>') --></script><p>Text</p>",
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

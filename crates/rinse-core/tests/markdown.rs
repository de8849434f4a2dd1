//! Markdown output read back by a CommonMark parser: the blocks written are
//! the blocks read, and the words are the page's words, whatever characters
//! the text holds.

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rinse_core::html::{read_as, visible_text, Reading};
use rinse_core::{clean_input, Config, Format, Markdown, To};

/// Words, some of them Markdown's own marks.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}",
        1 => prop::sample::select(vec![
            "#", "##", "1.", "2)", "-", "+", "*", "**", "_", "a_b", "_lead", "`", "``x", "[x](y)", "]", "<b>", "</p>",
            "<http://x.y>", "&amp;", "&#42;", "|", "\\", "\\*", ">", "=", "---", "~~~", "```", "!", "(", ")", "x*y",
        ])
        .prop_map(str::to_string),
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..6).prop_map(|w| w.join(" "))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A run of inline content: plain, emphasised, code or a link.
fn inline() -> impl Strategy<Value = String> {
    (0..5usize, words()).prop_map(|(style, text)| {
        let text = escape(&text);
        match style {
            0 => format!("<b>{text}</b>"),
            1 => format!("<em>{text}</em>"),
            2 => format!("<code>{text}</code>"),
            3 => format!("<a href=\"/p?q={style}\">{text}</a>"),
            _ => text,
        }
    })
}

fn inlines() -> impl Strategy<Value = String> {
    prop::collection::vec(inline(), 1..4).prop_map(|runs| runs.join(" "))
}

/// What a block should read back as.
#[derive(Clone, Debug, Default, PartialEq)]
struct Counts {
    headings: usize,
    items: usize,
    rows: usize,
    code_blocks: usize,
    quotes: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.headings += other.headings;
        self.items += other.items;
        self.rows += other.rows;
        self.code_blocks += other.code_blocks;
        self.quotes += other.quotes;
    }
}

fn list() -> impl Strategy<Value = (String, Counts)> {
    let item = (inlines(), prop::option::of(prop::collection::vec(inlines(), 1..3)));
    (any::<bool>(), prop::collection::vec(item, 1..4)).prop_map(|(ordered, items)| {
        let tag = if ordered { "ol" } else { "ul" };
        let mut count = 0;
        let body: String = items
            .iter()
            .map(|(text, nested)| {
                count += 1 + nested.as_ref().map_or(0, Vec::len);
                let nested = nested.as_ref().map_or(String::new(), |inner| {
                    format!("<ul>{}</ul>", inner.iter().map(|t| format!("<li>{t}</li>")).collect::<String>())
                });
                format!("<li>{text}{nested}</li>")
            })
            .collect();
        (format!("<{tag}>{body}</{tag}>"), Counts { items: count, ..Counts::default() })
    })
}

fn block() -> impl Strategy<Value = (String, Counts)> {
    prop_oneof![
        (1..7usize, inlines())
            .prop_map(|(level, text)| (format!("<h{level}>{text}</h{level}>"), Counts { headings: 1, ..Counts::default() })),
        inlines().prop_map(|text| (format!("<p>{text}</p>"), Counts::default())),
        (inlines(), inlines()).prop_map(|(a, b)| (format!("<p>{a}<br>{b}</p>"), Counts::default())),
        list(),
        (2..4usize, prop::collection::vec(prop::collection::vec(inlines(), 3), 1..4)).prop_map(|(columns, rows)| {
            let body: String = rows
                .iter()
                .map(|cells| format!("<tr>{}</tr>", cells[..columns].iter().map(|c| format!("<td>{c}</td>")).collect::<String>()))
                .collect();
            (format!("<table>{body}</table>"), Counts { rows: rows.len(), ..Counts::default() })
        }),
        (prop::option::of("[a-z]{1,5}"), prop::collection::vec("[ a-z{}();`~#*-]{0,20}", 1..5)).prop_map(|(language, lines)| {
            let code = lines.join("\n");
            let class = language.map_or(String::new(), |l| format!(" class=\"language-{l}\""));
            let blocks = usize::from(!code.trim().is_empty());
            (format!("<pre><code{class}>{}</code></pre>", escape(&code)), Counts { code_blocks: blocks, ..Counts::default() })
        }),
        prop::collection::vec(inlines(), 1..3).prop_map(|paragraphs| {
            let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
            (format!("<blockquote>{body}</blockquote>"), Counts { quotes: 1, ..Counts::default() })
        }),
    ]
}

fn page() -> impl Strategy<Value = (String, Counts)> {
    prop::collection::vec(block(), 1..8).prop_map(|blocks| {
        let mut counts = Counts::default();
        let mut html = String::from("<html><body><main>");
        for (block, count) in blocks {
            html.push_str(&block);
            counts += count;
        }
        html.push_str("</main></body></html>");
        (html, counts)
    })
}

/// The blocks and the words of `markdown` as CommonMark with tables reads them.
fn read_back(markdown: &str) -> (Counts, Vec<String>) {
    let mut counts = Counts::default();
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => counts.headings += 1,
            Event::Start(Tag::Item) => counts.items += 1,
            Event::Start(Tag::TableHead | Tag::TableRow) => counts.rows += 1,
            Event::Start(Tag::CodeBlock(_)) => counts.code_blocks += 1,
            Event::Start(Tag::BlockQuote(_)) => counts.quotes += 1,
            Event::Text(ref t) | Event::Code(ref t) => text.push_str(t),
            _ => {}
        }
        // Blocks and breaks part words; emphasis and links do not.
        let parts = match &event {
            Event::SoftBreak | Event::HardBreak => true,
            Event::Start(tag) => !matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Link { .. }),
            Event::End(tag) => !matches!(tag, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link),
            _ => false,
        };
        if parts {
            text.push(' ');
        }
    }
    (counts, text.split_whitespace().map(str::to_string).collect())
}

fn markdown_config(links: bool) -> Config {
    let mut config = Config::default();
    config.output.to = To::Markdown;
    config.output.links = links;
    config
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_page_as_markdown_reads_back_as_its_blocks_and_words((html, counts) in page(), links in any::<bool>()) {
        let markdown = read_as(&html, &Reading { markdown: Some(Markdown { links, images: false }), ..Reading::default() }).text;
        let (read, words) = read_back(&markdown);
        prop_assert_eq!(read, counts, "{}", markdown);
        let flat: Vec<String> = visible_text(&html).split_whitespace().map(str::to_string).collect();
        prop_assert_eq!(words, flat, "{}", markdown);
    }

    #[test]
    fn cleaning_markdown_never_breaks_a_code_block_or_a_table((html, _) in page()) {
        let plan = markdown_config(false).plan().expect("a valid config");
        let cleaned = clean_input(&html, Format::Html, &plan).cleaned.text;
        let before = read_as(&html, &Reading { markdown: Some(Markdown::default()), ..Reading::default() }).text;
        // Every code block of the result is one of the page's, whole.
        let code_of = |markdown: &str| {
            let mut blocks = Vec::new();
            let mut current: Option<String> = None;
            for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
                match event {
                    Event::Start(Tag::CodeBlock(_)) => current = Some(String::new()),
                    Event::Text(t) => { if let Some(code) = current.as_mut() { code.push_str(&t) } }
                    Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
                    _ => {}
                }
            }
            blocks
        };
        let page_code = code_of(&before);
        let code = code_of(&cleaned);
        for block in &code {
            prop_assert!(page_code.contains(block), "{:?} is not a code block of the page:\n{}", block, cleaned);
        }
        // Every row left is still a row of a table.
        let code_lines: usize = code.iter().map(|c| c.lines().count()).sum();
        let bar_lines = cleaned.lines().filter(|l| l.starts_with('|') && !l.starts_with("| ---")).count();
        let (read, _) = read_back(&cleaned);
        prop_assert!(bar_lines <= read.rows + code_lines, "{} rows read of {} written:\n{}", read.rows, bar_lines, cleaned);
    }
}

#[test]
fn the_config_names_the_output() {
    let config = Config::from_json(r#"{"output": {"to": "markdown", "links": true}}"#).expect("valid");
    assert_eq!(config, markdown_config(true));
    assert_eq!(config.to_json(), "{\n  \"preset\": \"article\",\n  \"output\": {\n    \"to\": \"markdown\",\n    \"links\": true\n  }\n}");
    assert!(Config::from_json(r#"{"output": {"to": "html"}}"#).is_err());
}

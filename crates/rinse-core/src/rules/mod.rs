//! The registry: every rule, in the order they run.
//!
//! Line breaks are settled first, then characters are repaired so later rules
//! see clean text, then lines are trimmed; then the rules that remove
//! boilerplate and duplicates, redactions and corpus filters, user rules, and
//! last the blank-line tidy-up that closes the gaps removals leave.

mod advertisement;
pub mod blank_lines;
mod c4_lines;
mod comment_threads;
mod comments_section;
mod control_chars;
mod cookie_notice;
mod copyright;
mod counters;
mod dehyphenate;
mod disclaimer;
mod duplicate_paragraphs;
mod emails;
mod error_page;
mod fullwidth;
mod html_entities;
mod html_main_content;
mod image_credits;
mod ip_addresses;
mod ligatures;
mod line_endings;
mod lossy_sequences;
pub mod main_content;
mod mojibake;
mod navigation;
mod nbsp;
mod near_duplicates;
mod newsletter_prompts;
mod notice;
mod phone_numbers;
mod post_authors;
mod product_reviews;
mod read_more;
mod redact;
mod related_links;
mod repeated_body;
mod repeated_text;
mod share_prompts;
mod shop_prompts;
mod slideshow;
mod straighten_quotes;
mod terminal_escapes;
mod tex_annotations;
mod unicode_nfc;
mod urls;
mod whitespace;
mod zero_width;

use crate::rule::Rule;

pub static REGISTRY: &[&dyn Rule] = &[
    // A page's structure first: it is known only while the text is the page's as read.
    &html_main_content::HtmlMainContent,
    // A discussion's post details and a product's reviews, while their lines are still as read.
    &post_authors::PostAuthors,
    &product_reviews::ProductReviews,
    // Line breaks and characters.
    &line_endings::LineEndings,
    // Entities first, as they may spell mojibake ("&#226;€&#339;"); then
    // mojibake that lost a byte, which mojibake repaired would leave no sign
    // of; then mojibake, before the rules that would take its C1 controls,
    // soft hyphens and no-break spaces.
    &html_entities::HtmlEntities,
    &lossy_sequences::LossySequences,
    &mojibake::Mojibake,
    &terminal_escapes::TerminalEscapes,
    &control_chars::ControlChars,
    &zero_width::ZeroWidth,
    &nbsp::Nbsp,
    &unicode_nfc::UnicodeNfc,
    &ligatures::Ligatures,
    &fullwidth::Fullwidth,
    &straighten_quotes::StraightenQuotes,
    &dehyphenate::Dehyphenate,
    &whitespace::Whitespace,
    // Boilerplate.
    &tex_annotations::TexAnnotations,
    &error_page::ErrorPage,
    &cookie_notice::CookieNotice,
    &share_prompts::SharePrompts,
    &newsletter_prompts::NewsletterPrompts,
    &navigation::Navigation,
    &counters::Counters,
    &read_more::ReadMore,
    &related_links::RelatedLinks,
    &advertisement::Advertisement,
    &image_credits::ImageCredits,
    &copyright::Copyright,
    &disclaimer::Disclaimer,
    &comments_section::CommentsSection,
    &comment_threads::CommentThreads,
    &slideshow::Slideshow,
    // Duplicates.
    &duplicate_paragraphs::DuplicateParagraphs,
    &repeated_body::RepeatedBody,
    &repeated_text::RepeatedText,
    &near_duplicates::NearDuplicates,
    // The main text, once the known junk is gone.
    &main_content::MainContent,
    // A shop's buttons after it: the line scorer was fitted on pages that
    // hold them, and what it keeps of them goes then. Removed before it and
    // the scorer fitted again, held out 0.8289 -> 0.8297, but Readability's
    // texts lost (dev-text word F1 0.8969 -> 0.8885) and WCXB's pages read
    // from markup too (0.8837 -> 0.8825).
    &shop_prompts::ShopPrompts,
    // Redaction and corpus filters.
    &emails::Emails,
    &urls::Urls,
    &phone_numbers::PhoneNumbers,
    &ip_addresses::IpAddresses,
    &c4_lines::C4Lines,
    // Tidy-up.
    &blank_lines::BlankLines,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.info().id == id)
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::edit::{apply_changes, tidy_changes};
    use crate::format::Format;
    use crate::reading::Doc;
    use crate::rule::{Params, Rule};

    /// Runs one rule alone, with its default parameters, on text or page
    /// source (which is read as a page, as input of either kind would be).
    pub fn run(rule: &dyn Rule, input: &str) -> String {
        let doc = match Format::Auto.resolve(input) {
            Format::Html => crate::html::read(input).into_doc(),
            _ => Doc::new(input.to_string()),
        };
        run_doc(rule, doc)
    }

    /// Runs one rule alone, with its default parameters, on `doc`.
    pub fn run_doc(rule: &dyn Rule, doc: Doc) -> String {
        let mut changes = rule.apply(&doc, &Params::defaults(rule.info().params));
        tidy_changes(doc.text(), &mut changes);
        apply_changes(doc.text(), &changes)
    }

    /// A page's menus and footer around `body`: furniture enough to show the
    /// text is a scraped page's, for rules that stand aside on clean texts.
    pub fn in_a_page(body: &str) -> String {
        format!("Home | News | Sport | Weather\nSearch\n{body}Share on Facebook\nShare on X\nPrivacy | Terms | Contact\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_doc_example_holds() {
        for rule in REGISTRY {
            let info = rule.info();
            assert_eq!(testing::run(*rule, info.example.input), info.example.output, "example of `{}`", info.id);
            assert_ne!(info.example.input, info.example.output, "example of `{}` shows no change", info.id);
        }
    }

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            let info = rule.info();
            assert!(seen.insert(info.id), "duplicate id `{}`", info.id);
            assert!(
                !info.id.is_empty()
                    && info.id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "`{}` is not kebab-case",
                info.id
            );
            assert!(!info.name.is_empty() && !info.summary.is_empty() && !info.doc.is_empty(), "`{}` lacks docs", info.id);
            for param in info.params {
                assert!(!param.doc.is_empty(), "`{}.{}` lacks a doc", info.id, param.name);
            }
        }
    }
}

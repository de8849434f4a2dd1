use crate::edit::Change;
use crate::reading::{Aside, Doc};
use crate::rule::{Example, Group, Params, Preset, Rule, RuleInfo};

/// The author and date lines of a discussion's posts.
pub struct PostAuthors;

static INFO: RuleInfo = RuleInfo {
    id: "post-authors",
    name: "Post authors and dates",
    group: Group::Boilerplate,
    summary: "On a discussion read from HTML, removes the lines beside each post that name its author and date.",
    doc: "A page read as a discussion (a forum thread, a question with its answers) keeps every \
          post. Beside each, its markup repeats the same details: the author's name and when the \
          post was made, often the author's join date, post count or badges, the post's number \
          or votes. Such a detail is an element of the same tag and class beside at least three \
          posts, each time in a parent of its own (a menu's items share one), short in every one \
          (80 characters at most) and never ending a sentence; the posts' own text is not (posts \
          differ in length and end their sentences). The lines made mostly of \
          such details are removed. Turn the rule off to keep who said what. Applies only to HTML \
          input read as a discussion (its structured data, its address, or `--kind forum`).",
    example: Example {
        input: "<html><head><title>Pier gate hinge</title></head><body>\
                <main itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">\
                <div class=post><div class=by><b>Mara</b> <time>3 May, 10:02</time></div>\
                <p>Has anyone fixed the hinge on the old pier gate? It squeals all night.</p></div>\
                <div class=post><div class=by><b>Tomasz</b> <time>3 May, 11:40</time></div><p>Oil it, then tighten the bolts.</p></div>\
                <div class=post><div class=by><b>Ines</b> <time>4 May, 08:15</time></div>\
                <p>The harbour office keeps a spare hinge; ask for Joe.</p></div></main></body></html>",
        output: "Has anyone fixed the hinge on the old pier gate? It squeals all night.\n\
                 Oil it, then tighten the bolts.\n\
                 The harbour office keeps a spare hinge; ask for Joe.\n",
    },
    params: &[],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for PostAuthors {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, _: &Params) -> Vec<Change> {
        doc.asides(Aside::PostDetails).map(|lines| Change::delete(lines.range.clone(), lines.reason.clone())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    fn thread(posts: &[(&str, &str)], kind: &str) -> String {
        let posts: String = posts
            .iter()
            .map(|(author, text)| {
                format!(
                    "<article class=post><header class=meta><a href=/u/{author}>{author}</a> · 2 days ago</header><p>{text}</p></article>"
                )
            })
            .collect();
        format!("<html><body><nav><a href=/>Forums</a></nav><main itemscope itemtype=\"https://schema.org/{kind}\">{posts}</main></body></html>")
    }

    const POSTS: &[(&str, &str)] = &[
        ("mara", "Which ferry runs on Sundays in winter? The timetable online stops in October."),
        ("tomasz", "The early one runs all year, but the afternoon crossing stops from November to March."),
        ("ines", "Check the harbour office board: they post changes there before the website."),
    ];

    #[test]
    fn every_posts_author_line_goes_and_every_post_stays() {
        let cleaned = run(&PostAuthors, &thread(POSTS, "DiscussionForumPosting"));
        for (author, text) in POSTS {
            assert!(cleaned.contains(text), "{text:?} kept: {cleaned:?}");
            assert!(!cleaned.contains(&format!("{author} · 2 days ago")), "{author}'s line removed: {cleaned:?}");
        }
    }

    #[test]
    fn a_page_not_read_as_a_discussion_is_left_alone() {
        let page = thread(POSTS, "Article");
        assert_eq!(run(&PostAuthors, &page), crate::html::read(&page).text);
    }

    #[test]
    fn each_removal_says_why() {
        let doc = crate::html::read(&thread(POSTS, "QAPage")).into_doc();
        let changes = PostAuthors.apply(&doc, &Params::defaults(&[]));
        assert_eq!(changes.len(), 3);
        assert!(changes.iter().all(|change| change.reason == "a post's author or date, repeated beside every post"));
    }
}

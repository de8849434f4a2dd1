//! The details a discussion repeats beside each of its posts: the author's
//! name and the time of posting, the author's join date, post count and
//! badges, a post's number and votes. Each is an element of the same tag
//! and class beside every post, in a parent of its own each time, and short
//! in every one of them; a post's own text is not (its posts differ in
//! length, and end sentences).

use rustc_hash::{FxHashMap, FxHashSet};

use super::dom::{Dom, Kind};

/// Most characters a post's detail holds, in each post that has it. On
/// WCXB's 84 threads, 60, 80 and 120 drop the same lines but for a few: a
/// user's details are a name, a date and a count or two.
const MAX_DETAIL_CHARS: usize = 80;

/// Fewest parents a detail stands in: one beside each of at least this
/// many posts. On WCXB's threads 2, 3 and 5 give the same word F1 within
/// 0.001; 3 is the fewest posts that show a pattern rather than a pair.
const MIN_POSTS: usize = 3;

/// The elements of a discussion that are details of its posts, among the
/// elements `kept` (its main content): those whose tag and class come in at
/// least [`MIN_POSTS`] parents among them, each time holding text, never
/// more than [`MAX_DETAIL_CHARS`] characters of it and never ending a sentence.
/// The outermost such element is marked, with its whole subtree.
pub fn details(dom: &Dom<'_>, kept: impl Fn(usize) -> bool) -> Vec<bool> {
    let n = dom.nodes.len();
    // Characters of text in each node's subtree, blanks folded: summed
    // from the last node back, each node's onto its parent.
    let mut chars = vec![0usize; n];
    for node in (0..n).rev() {
        if let Kind::Text(text) = dom.nodes[node].kind {
            chars[node] = text.split_whitespace().map(|word| word.chars().count() + 1).sum();
        }
        if let Some(parent) = dom.nodes[node].parent {
            chars[parent] += chars[node];
        }
    }
    let ends_sentence = |node: usize| {
        dom.texts(node).rev().map(str::trim_end).find(|text| !text.is_empty()).is_some_and(|text| text.ends_with(['.', '?', '!']))
    };
    // For each template (tag and class) among the kept elements that hold
    // text: the parents they stand in, and whether every one reads as a
    // detail. A detail stands beside each post, so in a parent of its own
    // each time; a menu's or a tag list's items share one.
    let mut templates: FxHashMap<(&str, &str), (FxHashSet<usize>, bool)> = FxHashMap::default();
    for node in (0..n).filter(|&node| kept(node)) {
        let Some(element) = dom.element(node).filter(|e| !e.class.is_empty()) else { continue };
        let (true, Some(parent)) = (chars[node] > 0, dom.nodes[node].parent) else { continue };
        let template = templates.entry((element.tag, element.class)).or_insert_with(|| (FxHashSet::default(), true));
        template.0.insert(parent);
        template.1 &= chars[node] <= MAX_DETAIL_CHARS && !ends_sentence(node);
    }
    let mut details = vec![false; n];
    let mut node = 0;
    while node < n {
        let is_detail = kept(node)
            && chars[node] > 0
            && dom.element(node).is_some_and(|e| {
                !e.class.is_empty()
                    && templates.get(&(e.tag, e.class)).is_some_and(|(parents, all_details)| parents.len() >= MIN_POSTS && *all_details)
            });
        if is_detail {
            let end = dom.nodes[node].end;
            details[node..end].fill(true);
            node = end;
        } else {
            node += 1;
        }
    }
    details
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::parse;

    /// The texts of the elements marked as details in `html`, every element kept.
    fn details_of(html: &str) -> Vec<String> {
        let parsed = parse(html);
        let dom = Dom::new(&parsed);
        let marked = details(&dom, |_| true);
        (0..dom.nodes.len())
            .filter(|&node| marked[node] && dom.nodes[node].parent.is_none_or(|p| !marked[p]))
            .map(|node| dom.texts(node).collect::<String>())
            .collect()
    }

    fn post(author: &str, when: &str, text: &str) -> String {
        format!("<div class=post><div class=who><b>{author}</b> <time>{when}</time></div><div class=body><p>{text}</p></div></div>")
    }

    #[test]
    fn what_every_post_has_short_is_a_detail_and_the_posts_text_is_not() {
        let thread = [
            post("Mara", "3 May, 10:02", "Has anyone fixed the hinge on the old pier gate? It squeals all night."),
            post("Tomasz", "3 May, 11:40", "Oil it."),
            post("Ines", "4 May, 08:15", "The harbour office has a spare hinge; ask for Joe, who fitted the last one."),
        ]
        .concat();
        let found = details_of(&format!("<html><body>{thread}</body></html>"));
        assert_eq!(found, ["Mara 3 May, 10:02", "Tomasz 3 May, 11:40", "Ines 4 May, 08:15"]);
    }

    #[test]
    fn a_detail_must_come_in_enough_posts_and_be_short_in_every_one() {
        let two = [post("Mara", "3 May", "One."), post("Tomasz", "4 May", "Two.")].concat();
        assert!(details_of(&format!("<html><body>{two}</body></html>")).is_empty(), "two posts show no pattern");
        let long_name = "a".repeat(90);
        let three = [post("Mara", "3 May", "One."), post("Tomasz", "4 May", "Two."), post(&long_name, "5 May", "Three.")].concat();
        assert!(details_of(&format!("<html><body>{three}</body></html>")).is_empty(), "one long instance says it is no detail");
        // Short replies, every one a sentence, are posts, not details.
        let replies: String = (0..4).map(|i| format!("<div><p class=reply>Thanks, that worked {i} times!</p></div>")).collect();
        assert!(details_of(&format!("<html><body>{replies}</body></html>")).is_empty());
        // A menu's links, or the tags of one post, share a parent: no post has them beside it.
        let menu = "<div class=menu><a class=item href=/>Home</a> <a class=item href=/new>New</a> <a class=item href=/top>Top</a></div>";
        assert!(details_of(&format!("<html><body>{menu}{two}</body></html>")).is_empty(), "{menu}");
    }
}

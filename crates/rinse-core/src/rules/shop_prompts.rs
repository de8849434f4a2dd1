use super::notice::{notice_changes, Notice};
use super::related_links::headed_lists;
use crate::edit::Change;
use crate::reading::phrases::PhraseList;
use crate::reading::{Doc, Line};
use crate::rule::{Example, Group, ParamDefault, ParamSpec, Params, Preset, Rule, RuleInfo};

/// "Add to cart", "Free returns", "Quantity": a shop's buttons and terms.
pub struct ShopPrompts;

static INFO: RuleInfo = RuleInfo {
    id: "shop-prompts",
    name: "Shop buttons and terms",
    group: Group::Boilerplate,
    summary: "Removes a shop's buttons and purchase terms (\"Add to cart\", \"Free returns\", \"Quantity\").",
    doc: "A product page or a grid of products, saved as text, keeps the labels of its buttons and \
          the terms beside its price: \"Add to cart\", \"Quick view\", \"Subscribe & save\", \
          \"Ships from: Portugal\", \"Free returns within 30 days\". A line that is such a button \
          or term goes, with the short labels beside it (\"Quantity\", \"In stock\", \"Size guide\"); \
          three such labels in a row go on their own. The goods themselves stay: their names, \
          descriptions and prices, and whether an item is sold out, which a grid of products \
          shows as part of each entry. A sentence that mentions a cart is kept. A heading over \
          the shop's other goods (\"Customers also bought\", \"Complete the look\", \"Similar \
          items\") goes with the names and prices listed under it, up to the next line of prose.",
    example: Example {
        input: "Harbour mug\nA stoneware mug glazed the blue of the bay.\n€24.00\nQuantity\nAdd to cart\nShips from: Portugal\n",
        output: "Harbour mug\nA stoneware mug glazed the blue of the bay.\n€24.00\n",
    },
    params: &[ParamSpec {
        name: "max_words",
        doc: "Longest line, in words, that can be a shop's button or term.",
        default: ParamDefault::Int(12),
    }],
    presets: &[Preset::Article, Preset::Corpus],
};

impl Rule for ShopPrompts {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn apply(&self, doc: &Doc, params: &Params) -> Vec<Change> {
        let notice = Notice {
            phrases: PhraseList::ShopPrompts.file(),
            max_words: params.int("max_words").max(1) as usize,
            alone_max_words: 10,
            weak_run: 3,
            reason: "a shop's button or purchase terms",
        };
        let mut changes = other_goods(doc);
        changes.extend(notice_changes(doc, &notice));
        changes
    }
}

/// Longest line, in words, of a list of other goods: a product's name.
const MAX_ITEM_WORDS: usize = 20;

/// Deletions of each list of the shop's other goods, with its heading.
fn other_goods(doc: &Doc) -> Vec<Change> {
    let heading = &PhraseList::ShopPrompts.file().heading;
    let hits = doc.phrase_hits();
    if !hits.iter().any(|h| h.has(heading)) {
        return Vec::new();
    }
    let lines: Vec<Line> = doc.lines().collect();
    headed_lists(&lines, doc.words_read(), MAX_ITEM_WORDS, |i| hits[i].has(heading))
        .into_iter()
        .map(|list| Change::delete(lines[list.start].start..lines[list.end - 1].next, "a list of the shop's other goods"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn removes_buttons_and_terms_beside_the_goods() {
        let text =
            "Tide lantern\n£64.00\nIn stock\nQuantity\nAdd to basket\nFree returns within 30 days\nA brass lantern lit by a candle.\n";
        assert_eq!(run(&ShopPrompts, text), "Tide lantern\n£64.00\nA brass lantern lit by a candle.\n");
        assert_eq!(run(&ShopPrompts, "Lampe\nIn den Warenkorb\nMenge\n"), "Lampe\n");
    }

    #[test]
    fn removes_a_list_of_other_goods_up_to_the_next_prose() {
        let text = "Harbour mug\nA stoneware mug glazed the blue of the bay.\nCustomers also bought\n\nTide lantern\n£64.00\nRope coaster\n£9.00\n\
                    Every mug is thrown by hand in our workshop by the harbour, so no two are alike.\n";
        let kept = "Harbour mug\nA stoneware mug glazed the blue of the bay.\n\
                    Every mug is thrown by hand in our workshop by the harbour, so no two are alike.\n";
        assert_eq!(run(&ShopPrompts, text), kept);
    }

    #[test]
    fn keeps_prose_about_shopping_and_lone_labels() {
        let text = "We add to cart whatever the children point at, and regret it at the till every single week.\n\
                    Compare\nThe two ferries compare well on price.\nSold out\n";
        assert_eq!(run(&ShopPrompts, text), text);
    }
}

//! `cargo xtask fit`: fits the line scorer to the labelled pages of
//! `../shared/eval/data`, cross-validates it with whole domains held out,
//! and writes the model the engine ships (`crates/rinse-core/src/scorer/model.json`).
//!
//! The pages are read as the `main-content` rule sees them: after the rules
//! that run before it. Each line that reaches it is labelled with the label
//! of the line of the page it came from. Each page weighs alike, as in the
//! score (the mean of the pages' word F1); parts of pages stand in for
//! short pastes; half the domains are read as if their language had no
//! stop-word list, and half as if the phrase lists held nothing of theirs.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use forust_ml::{GradientBooster, Matrix};
use rinse_core::reading::Doc;
use rinse_core::scorer::features::{self, CONTEXT_FEATURES, CONTEXT_NAMES, FEATURES, NAMES};
use rinse_core::scorer::{Cut, Fitted, Forest, Model, Node, Table};
use rinse_core::{Config, Edit, Format, Group, Preset};
use sha2::{Digest, Sha256};

/// Folds of the cross-validation; no domain is in two.
const FOLDS: usize = 5;
/// Boosting, for each round: trees, their depth, the learning rate. Few
/// trees: every line of every text walks each of them, and more bought
/// little on held-out domains.
const FIRST_ROUND: Boosting = Boosting { trees: 40, depth: 5, learning_rate: 0.3 };
const SECOND_ROUND: Boosting = Boosting { trees: 20, depth: 4, learning_rate: 0.3 };

struct Boosting {
    trees: usize,
    depth: usize,
    learning_rate: f32,
}

/// What a part of a page ([`crop`]) weighs in the fit against a whole
/// page. Without parts, held out 0.8251 against 0.8265 with them, and the
/// model cut short clean texts (Readability's `dev-clean` F1 0.9942 against
/// 0.9955) and a second article's headline. Held out at other weights:
/// 0.8250 at 0.15, 0.8256 at 0.5; weighed as whole pages, they cost whole
/// pages more than they taught.
const CROP_WEIGHT: f64 = 0.3;

const TEXT_TRACK: &str = "wcxb-dev-text.jsonl.gz";
const LINES_TRACK: &str = "lines-wcxb-dev.jsonl.gz";
const GOLD_TRACK: &str = "wcxb-dev-text.gold.jsonl.gz";

/// One labelled page.
struct Page {
    id: String,
    domain: String,
    kind: String,
    text: String,
    /// The page's non-blank lines as the lines track gives them, and their labels.
    lines: Vec<String>,
    line_labels: Vec<f64>,
    /// The features of the lines that reach `main-content`, and their labels.
    table: Table,
    labels: Vec<f64>,
    /// The text of each row's line.
    seen: Vec<String>,
    /// The page's main text, as annotated.
    main_text: String,
    /// The words of each row's line, and of the page's main text, as ids.
    bags: Vec<Vec<u32>>,
    gold: BTreeMap<u32, u32>,
    /// Whether the page is a part of a labelled page ([`crop`]): fitted on, not scored.
    crop: bool,
}

pub fn fit(root: &Path) -> Result<(), String> {
    let data = root.join("../shared/eval/data");
    let out = root.join("target/fit");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    println!("reading {}", data.display());
    let mut pages = read_pages(&data)?;
    let originals = pages.len();
    let crops: Vec<Page> = pages.iter().filter_map(crop).collect();
    pages.extend(crops);
    pages.iter_mut().for_each(prepare);
    bag_words(&mut pages);
    let rows: usize = pages.iter().map(|p| p.labels.len()).sum();
    println!("{} pages, {rows} lines reach main-content", pages.len());
    let fold: Vec<usize> = pages.iter().map(|p| fold_of(&p.domain, FOLDS, 0)).collect();
    if std::env::args().any(|a| a == "--rows") {
        removed_by_rule(&pages);
        return write_rows(&out.join("rows.tsv"), &pages, &fold);
    }

    // Cross-validation: each fold's pages cleaned by a model fitted without their domains.
    let mut held_out_text = vec![String::new(); pages.len()];
    let mut held_out_lines = vec![String::new(); pages.len()];
    for k in 0..FOLDS {
        let train: Vec<&Page> = pages.iter().zip(&fold).filter(|(_, &f)| f != k).map(|(p, _)| p).collect();
        let model = Arc::new(fit_model(&train, Fitted::default()));
        for (i, page) in pages.iter().enumerate().filter(|&(i, p)| fold[i] == k && !p.crop) {
            held_out_text[i] = clean(&page.text, &model);
            held_out_lines[i] = clean(&page.lines.join("\n"), &model);
        }
        println!("fold {k}: {} pages held out", pages.iter().zip(&fold).filter(|&(p, &f)| f == k && !p.crop).count());
    }
    let scores = score(root, &out, &pages[..originals], &held_out_text[..originals], &held_out_lines[..originals])?;
    // A trial of other features or settings: its figures, and the shipped
    // model as it was (the model is written last, long after the figures).
    if std::env::args().any(|a| a == "--no-write") {
        println!("--no-write: the shipped model is left as it is");
        return Ok(());
    }

    let fitted = Fitted {
        data: [TEXT_TRACK, LINES_TRACK]
            .iter()
            .map(|name| Ok((name.to_string(), sha256(&data.join(name))?)))
            .collect::<Result<_, String>>()?,
        cross_validated: scores,
        command: "cargo xtask fit".into(),
    };
    let model = fit_model(&pages.iter().collect::<Vec<_>>(), fitted);
    let path = root.join("crates/rinse-core/src/scorer/model.json");
    Model::from_json(&model.to_json()).map_err(|e| format!("the fitted model does not load: {e}"))?;
    std::fs::write(&path, model.to_json() + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {} ({} + {} trees)", path.display(), model.first.trees.len(), model.second.trees.len());
    Ok(())
}

/// Prints, for each rule before the scorer, how many labelled lines of
/// main text and of the rest it removed.
fn removed_by_rule(pages: &[Page]) {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for page in pages {
        let cleaned = rinse_core::clean_with(&page.text, &before_scorer()).unwrap_or_default();
        let mut offset = 0;
        let mut index = 0;
        for line in page.text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                let end = offset + line.trim_end_matches('\n').len();
                if let Some(edit) = cleaned.edits.iter().find(|e| e.start <= offset && e.end >= end && e.replacement.is_empty()) {
                    let entry = counts.entry(edit.rule.to_string()).or_default();
                    if page.line_labels.get(index).copied().unwrap_or(0.0) > 0.0 {
                        entry.0 += 1
                    } else {
                        entry.1 += 1
                    }
                }
                index += 1;
            }
            offset += line.len();
        }
    }
    for (rule, (main, rest)) in counts {
        println!("{rule:<24} removed {main:>6} lines of main text, {rest:>6} others");
    }
}

/// Writes every row with its page, fold and label, for a look at the data
/// outside the fit (`cargo xtask fit --rows`).
fn write_rows(path: &Path, pages: &[Page], fold: &[usize]) -> Result<(), String> {
    let mut body = format!("page\tkind\tfold\tlabel\t{}\tline\n", NAMES.join("\t"));
    for (page, fold) in pages.iter().zip(fold) {
        for (row, label) in page.labels.iter().enumerate() {
            let values: Vec<String> = page.table.row(row).iter().map(f32::to_string).collect();
            let line = page.seen.get(row).map_or("", String::as_str).replace(['\t', '"'], " ");
            body += &format!("{}\t{}\t{fold}\t{label}\t{}\t{line}\n", page.id, page.kind, values.join("\t"));
        }
    }
    std::fs::write(path, body).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

pub fn read_gz(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}

fn sha256(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect())
}

fn read_pages(data: &Path) -> Result<Vec<Page>, String> {
    let field = |row: &serde_json::Value, name: &str| row[name].as_str().unwrap_or_default().to_string();
    let mut labelled: BTreeMap<String, (Vec<String>, Vec<f64>)> = BTreeMap::new();
    for line in read_gz(&data.join(LINES_TRACK))?.lines() {
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{LINES_TRACK}: {e}"))?;
        let lines = row["lines"].as_array().into_iter().flatten().map(|l| l.as_str().unwrap_or_default().to_string()).collect();
        let labels = row["labels"].as_array().into_iter().flatten().map(|l| l.as_f64().unwrap_or_default()).collect();
        labelled.insert(field(&row, "id"), (lines, labels));
    }
    let mut main_texts: BTreeMap<String, String> = BTreeMap::new();
    for line in read_gz(&data.join(GOLD_TRACK))?.lines() {
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{GOLD_TRACK}: {e}"))?;
        main_texts.insert(field(&row, "id"), field(&row, "text"));
    }
    let mut pages = Vec::new();
    for line in read_gz(&data.join(TEXT_TRACK))?.lines() {
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{TEXT_TRACK}: {e}"))?;
        let id = field(&row, "id");
        let Some((lines, labels)) = labelled.remove(&id) else { return Err(format!("page {id} has no labels")) };
        let Some(main_text) = main_texts.remove(&id) else { return Err(format!("page {id} has no main text")) };
        pages.push(Page {
            id,
            domain: field(&row, "domain"),
            kind: field(&row, "type"),
            text: field(&row, "text"),
            lines,
            line_labels: labels,
            table: Table::default(),
            labels: Vec::new(),
            seen: Vec::new(),
            main_text,
            bags: Vec::new(),
            gold: BTreeMap::new(),
            crop: false,
        });
    }
    Ok(pages)
}

/// Words as the shared scorer counts them.
static WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"\w+").expect("a valid pattern"));

/// The words of `text` as the shared scorer counts them: `\w+` of its lower case.
fn words(text: &str) -> std::vec::IntoIter<String> {
    let lower = text.to_lowercase();
    WORDS.find_iter(&lower).map(|w| w.as_str().to_string()).collect::<Vec<_>>().into_iter()
}

/// How often each of `words` comes.
fn bag<K: Ord>(words: impl Iterator<Item = K>) -> BTreeMap<K, u32> {
    let mut bag = BTreeMap::new();
    words.for_each(|word| *bag.entry(word).or_default() += 1);
    bag
}

/// The F1 of the words `got` against the words `truth`, as bags.
fn bag_f1<K: Ord>(truth: &BTreeMap<K, u32>, got: &BTreeMap<K, u32>) -> f64 {
    let (expected, output): (u32, u32) = (truth.values().sum(), got.values().sum());
    if expected == 0 {
        return if output == 0 { 1.0 } else { 0.0 };
    }
    let hit: u32 = truth.iter().map(|(w, &n)| n.min(got.get(w).copied().unwrap_or(0))).sum();
    if hit == 0 {
        return 0.0;
    }
    let (precision, recall) = (hit as f64 / output as f64, hit as f64 / expected as f64);
    2.0 * precision * recall / (precision + recall)
}

/// Gives each page the words of its rows and of its main text, as ids:
/// the line is drawn by counting words many times over.
fn bag_words(pages: &mut [Page]) {
    let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut ids_of = |text: &str| -> Vec<u32> {
        words(text)
            .map(|word| {
                let next = ids.len() as u32;
                *ids.entry(word).or_insert(next)
            })
            .collect()
    };
    for page in pages {
        page.bags = page.seen.iter().map(|line| ids_of(line)).collect();
        page.gold = bag(ids_of(&page.main_text).into_iter());
    }
}

/// The mean word F1 of `pages` when the rows `keep` says are kept.
fn mean_word_f1(pages: &[&Page], keep: impl Fn(usize) -> Vec<bool>) -> f64 {
    let scored = pages.iter().filter(|page| !page.crop).count();
    let total: f64 = pages
        .iter()
        .enumerate()
        .filter(|(_, page)| !page.crop)
        .map(|(i, page)| {
            let kept = page.bags.iter().zip(keep(i)).filter(|(_, kept)| *kept).flat_map(|(words, _)| words.iter().copied());
            bag_f1(&page.gold, &bag(kept))
        })
        .sum();
    total / scored.max(1) as f64
}

/// A part of `page` as a short paste would hold it: a few lines before
/// where its main text begins and some of that text, or some of its main
/// text and a few lines after it ends. The labelled pages are all whole
/// pages; without their parts the model reads a short text as it never
/// learned to.
fn crop(page: &Page) -> Option<Page> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in page.text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            spans.push(offset..offset + line.len());
        }
        offset += line.len();
    }
    let n = spans.len().min(page.line_labels.len());
    let first = (0..n).find(|&i| page.line_labels[i] > 0.0)?;
    let last = (0..n).rfind(|&i| page.line_labels[i] > 0.0)?;
    let seed = fold_of(&page.id, 1 << 20, 17);
    let (beside, length, at_end) = (2 + seed % 9, 10 + seed / 16 % 31, seed / 1024 % 2 == 1);
    let (from, to) = if at_end {
        let to = (last + 1 + beside).min(n);
        (to.saturating_sub(length), to)
    } else {
        let from = first.saturating_sub(beside);
        (from, (from + length).min(n))
    };
    Some(Page {
        id: format!("{}#crop", page.id),
        domain: page.domain.clone(),
        kind: page.kind.clone(),
        text: page.text[spans[from].start..spans[to - 1].end].to_string(),
        lines: Vec::new(),
        line_labels: page.line_labels[from..to].to_vec(),
        table: Table::default(),
        labels: Vec::new(),
        seen: Vec::new(),
        main_text: String::new(),
        bags: Vec::new(),
        gold: BTreeMap::new(),
        crop: true,
    })
}

/// The article preset up to the scorer: what `main-content` is given. Of
/// the rules after it, those that change lines (a shop's buttons,
/// redaction, corpus filters) are left out too; the tidy-up of blank
/// lines changes none that it reads.
fn before_scorer() -> Config {
    let mut config = Config::preset(Preset::Article);
    let from_scorer = rinse_core::rules::REGISTRY.iter().skip_while(|rule| rule.info().id != "main-content");
    for &rule in from_scorer.filter(|rule| rule.info().group != Group::Normalize) {
        config.set_enabled(rule, false);
    }
    config
}

/// Reads the page as `main-content` would see it, and labels its lines.
fn prepare(page: &mut Page) {
    let cleaned = rinse_core::clean_with(&page.text, &before_scorer()).unwrap_or_default();
    let doc = Doc::new(cleaned.text.clone());
    // Half the pages (by domain) are read as if their language had no
    // stop-word list, as many languages have none: the model then learns
    // to tell prose by what needs no list as well.
    let stop = if fold_of(&page.domain, 2, 7) == 0 { None } else { rinse_core::reading::stopwords::for_text(doc.text()) };
    let mut table = features::table(&doc, stop);
    // Half the pages (by domain) are read as if the phrase lists held none
    // of their phrases, as the lists hold few of most languages': the model
    // then learns to tell furniture by its shape as well.
    if fold_of(&page.domain, 2, 11) == 0 {
        let phrase_columns: Vec<usize> = NAMES.iter().enumerate().filter(|(_, name)| reads_phrases(name)).map(|(c, _)| c).collect();
        for row in table.values.chunks_exact_mut(CONTEXT_FEATURES) {
            phrase_columns.iter().for_each(|&c| row[c] = 0.0);
        }
    }
    // The page's own non-blank lines, by where they start, with their labels.
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in page.text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            starts.push(offset);
        }
        offset += line.len();
    }
    let spans = doc.spans();
    let labels = table
        .lines
        .iter()
        .map(|&line| {
            let at = original_offset(&cleaned.edits, spans[line].start);
            // The page line holding that offset: the last one starting at or before it.
            let index = starts.partition_point(|&s| s <= at).saturating_sub(1);
            page.line_labels.get(index).copied().unwrap_or(0.0)
        })
        .collect();
    page.seen = table.lines.iter().map(|&line| cleaned.text[spans[line].start..spans[line].end].to_string()).collect();
    page.table = table;
    page.labels = labels;
}

/// Whether the feature `name` reads the phrase lists.
fn reads_phrases(name: &str) -> bool {
    [".heading", ".strong", ".weak"].iter().any(|end| name.ends_with(end)) || name.contains("strong_hit") || name.contains("pair_hit")
}

/// Where the byte at `at` of the cleaned text stood in the original, given
/// the edits (sorted, disjoint) that made one from the other.
fn original_offset(edits: &[Edit], at: usize) -> usize {
    let (mut original, mut cleaned) = (0usize, 0usize);
    for edit in edits {
        let unchanged = edit.start - original;
        if at < cleaned + unchanged {
            return original + (at - cleaned);
        }
        cleaned += unchanged;
        if at < cleaned + edit.replacement.len() {
            return edit.start;
        }
        cleaned += edit.replacement.len();
        original = edit.end;
    }
    original + (at - cleaned)
}

/// A fold for `domain`, from a hash of its name: the same on every run.
fn fold_of(domain: &str, folds: usize, salt: u64) -> usize {
    let mut hash: u64 = 0xcbf29ce484222325 ^ salt;
    for byte in domain.bytes() {
        hash = (hash ^ byte as u64).wrapping_mul(0x100000001b3);
    }
    (hash % folds as u64) as usize
}

/// Fits both rounds on `pages`, and where to draw the line between main
/// text and the rest. The second round is fitted on first-round
/// probabilities that each page got from a model fitted without its domain,
/// as pages never seen will get them; the line is drawn where the pages'
/// word F1 is best, each page judged by models fitted without its domain.
fn fit_model(pages: &[&Page], fitted: Fitted) -> Model {
    const INNER: usize = 4;
    let inner: Vec<usize> = pages.iter().map(|p| fold_of(&p.domain, INNER, 1)).collect();
    let split = |k: usize| -> Vec<&Page> { pages.iter().zip(&inner).filter(|(_, &f)| f != k).map(|(p, _)| *p).collect() };
    let mut first_probabilities: Vec<Vec<f32>> = vec![Vec::new(); pages.len()];
    for k in 0..INNER {
        let forest = fit_forest(&split(k), |page| page.table.values.clone(), FEATURES, &FIRST_ROUND);
        for (i, page) in pages.iter().enumerate().filter(|&(i, _)| inner[i] == k) {
            first_probabilities[i] = forest.probabilities(&page.table.values, CONTEXT_FEATURES);
        }
    }
    let by_id: BTreeMap<&str, &Vec<f32>> = pages.iter().zip(&first_probabilities).map(|(p, f)| (p.id.as_str(), f)).collect();
    let second_rows = |page: &Page| {
        let mut table = page.table.clone();
        features::add_context(&mut table, by_id[page.id.as_str()]);
        table.values
    };
    let mut second_probabilities: Vec<Vec<f32>> = vec![Vec::new(); pages.len()];
    for k in 0..INNER {
        let forest = fit_forest(&split(k), second_rows, CONTEXT_FEATURES, &SECOND_ROUND);
        for (i, page) in pages.iter().enumerate().filter(|&(i, _)| inner[i] == k) {
            second_probabilities[i] = forest.probabilities(&second_rows(page), CONTEXT_FEATURES);
        }
    }
    // Where to draw the line: a threshold, or the most probable lines that
    // make the best word F1 to expect, whichever the pages score best with.
    let thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
        .into_iter()
        .flat_map(|threshold| [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0].map(|relative| Cut::Threshold { threshold, relative }));
    let expected = [0.6, 0.7, 0.8, 0.9, 1.0, 1.2].map(|scale| Cut::ExpectedF1 { scale });
    let words: Vec<Vec<usize>> = pages.iter().map(|page| page.bags.iter().map(Vec::len).collect()).collect();
    let scored = thresholds.chain(expected).map(|cut| (mean_word_f1(pages, |i| cut.main_text(&second_probabilities[i], &words[i])), cut));
    let (score, cut) = scored.fold((f64::MIN, Cut::default()), |best, next| if next.0 > best.0 { next } else { best });
    println!("  line drawn by {cut:?}: word F1 {score:.4} on the pages fitted");
    let first = fit_forest(pages, |page| page.table.values.clone(), FEATURES, &FIRST_ROUND);
    let second = fit_forest(pages, second_rows, CONTEXT_FEATURES, &SECOND_ROUND);
    let features = NAMES.iter().chain(CONTEXT_NAMES).map(|n| n.to_string()).collect();
    Model { fitted, features, first, second, cut }
}

/// Fits one round of trees to the first `width` values of each row (of
/// [`CONTEXT_FEATURES`]) that `rows_of` gives for each page.
fn fit_forest(pages: &[&Page], rows_of: impl Fn(&Page) -> Vec<f32>, width: usize, boosting: &Boosting) -> Forest {
    let labels: Vec<f64> = pages.iter().flat_map(|p| p.labels.iter().copied()).collect();
    let n = labels.len();
    // The score is each page's word F1, averaged over pages: each page
    // weighs the same (a part of one, [`CROP_WEIGHT`]), and within it a
    // line weighs as the root of its words (by its words, the model
    // learned WCXB's long lines and lost on other sites' short ones).
    let mean_rows = n as f64 / pages.len().max(1) as f64;
    let weights: Vec<f64> = pages
        .iter()
        .flat_map(|page| {
            let weigh = |words: &Vec<u32>| (1.0 + words.len() as f64).sqrt();
            let total: f64 = page.bags.iter().map(weigh).sum();
            let share = if page.crop { CROP_WEIGHT } else { 1.0 };
            page.bags.iter().map(move |words| weigh(words) / total * mean_rows * share)
        })
        .collect();
    // Column-major, as the booster reads it.
    let mut columns = vec![0f64; n * width];
    let mut row = 0;
    for page in pages {
        for values in rows_of(page).chunks_exact(CONTEXT_FEATURES) {
            for (c, &v) in values[..width].iter().enumerate() {
                columns[c * n + row] = v as f64;
            }
            row += 1;
        }
    }
    let matrix = Matrix::new(&columns, n, width);
    let mut booster = GradientBooster::default()
        .set_iterations(boosting.trees)
        .set_max_depth(boosting.depth)
        .set_learning_rate(boosting.learning_rate)
        .set_seed(0);
    if let Err(e) = booster.fit(&matrix, &labels, &weights, None) {
        eprintln!("fit failed: {e}");
        return Forest::default();
    }
    Forest::new(booster.base_score as f32, booster.trees.iter().map(convert).collect())
}

/// A fitted tree as the engine's nodes; node 0 is the root in both, and
/// children come after their parent.
fn convert(tree: &forust_ml::tree::Tree) -> Vec<Node> {
    tree.nodes
        .iter()
        .map(|node| match node.is_leaf {
            true => Node(0, 0.0, 0, 0, node.weight_value),
            false => {
                Node(node.split_feature as u16, node.split_value as f32, node.left_child as u32, node.right_child as u32, node.weight_value)
            }
        })
        .collect()
}

/// Cleans `text` with the article preset, judging lines by `model`.
fn clean(text: &str, model: &Arc<Model>) -> String {
    let Ok(mut plan) = Config::preset(Preset::Article).plan() else { return String::new() };
    plan.judge_lines_with(model.clone());
    rinse_core::clean_input(text, Format::Text, &plan).cleaned.text
}

/// Scores the held-out outputs with the shared scorer, and the pages in
/// other languages than English apart; returns the figures by name.
fn score(root: &Path, out: &Path, pages: &[Page], text: &[String], lines: &[String]) -> Result<Vec<(String, f64)>, String> {
    let write = |name: &str, outputs: &[String]| -> Result<PathBuf, String> {
        let path = out.join(name);
        let body: String = pages.iter().zip(outputs).map(|(p, o)| serde_json::json!({"id": p.id, "text": o}).to_string() + "\n").collect();
        std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    };
    let scorer = root.join("../shared/eval/score.py");
    let run = |track: &str, path: &Path| -> Result<serde_json::Value, String> {
        let output = std::process::Command::new("python3")
            .arg(&scorer)
            .args([track, "--", "cat"])
            .arg(path)
            .output()
            .map_err(|e| format!("running score.py: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        println!("{track} (domains held out): {stdout}");
        serde_json::from_str(stdout.trim()).map_err(|e| format!("score.py said {stdout:?}: {e}"))
    };
    let text_scores = run("wcxb-dev-text", &write("cv-wcxb-dev-text.jsonl", text)?)?;
    let line_scores = run("lines-wcxb-dev", &write("cv-lines-wcxb-dev.jsonl", lines)?)?;
    let mut figures = vec![
        ("wcxb-dev-text word_f1".to_string(), text_scores["word_f1"].as_f64().unwrap_or_default()),
        ("wcxb-dev-text f1".to_string(), text_scores["f1"].as_f64().unwrap_or_default()),
        ("lines-wcxb-dev f1".to_string(), line_scores["f1"].as_f64().unwrap_or_default()),
    ];
    if let Some(types) = text_scores["by_type"].as_object() {
        figures.extend(types.iter().map(|(kind, f1)| (format!("wcxb-dev-text word_f1 {kind}"), f1.as_f64().unwrap_or_default())));
    }
    // Pages in other languages, by the stop-word list their text picks.
    let others: Vec<f64> = pages
        .iter()
        .zip(text)
        .filter(|(p, _)| {
            !rinse_core::reading::stopwords::for_text(&p.text).is_some_and(|list| list.contains("the") && list.contains("which"))
        })
        .map(|(p, o)| bag_f1(&bag(words(&p.main_text)), &bag(words(o))))
        .collect();
    if !others.is_empty() {
        let mean = others.iter().sum::<f64>() / others.len() as f64;
        println!("pages not in English: {} of {}, word_f1 {mean:.4}", others.len(), pages.len());
        figures.push((format!("wcxb-dev-text word_f1 not English ({} pages)", others.len()), mean));
    }
    let kinds: BTreeMap<&str, usize> = pages.iter().fold(BTreeMap::new(), |mut m, p| {
        *m.entry(p.kind.as_str()).or_default() += 1;
        m
    });
    println!("pages by kind: {kinds:?}");
    Ok(figures.into_iter().map(|(name, value)| (name, (value * 10000.0).round() / 10000.0)).collect())
}

/// Shares tried for `main-content`'s `page_share`; 0 trusts a page's structure always.
const PAGE_SHARES: [f64; 6] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5];

/// A page of an HTML track, with its domain (its id when the track has none) and its main text.
struct MarkedPage {
    domain: String,
    html: String,
    gold: BTreeMap<String, u32>,
}

/// Reads the pages of the HTML track `name` (`name.jsonl` or `.jsonl.gz`, gold beside it).
fn read_html_track(data: &Path, name: &str) -> Result<Vec<MarkedPage>, String> {
    let read = |file: String| -> Result<String, String> {
        let plain = data.join(&file);
        if plain.exists() {
            std::fs::read_to_string(&plain).map_err(|e| format!("{}: {e}", plain.display()))
        } else {
            read_gz(&data.join(file + ".gz"))
        }
    };
    let rows = |file: String| -> Result<Vec<serde_json::Value>, String> {
        read(file.clone())?.lines().map(|line| serde_json::from_str(line).map_err(|e| format!("{file}: {e}"))).collect()
    };
    let text = |row: &serde_json::Value, field: &str| row[field].as_str().unwrap_or_default().to_string();
    let gold: BTreeMap<String, String> =
        rows(format!("{name}.gold.jsonl"))?.iter().map(|row| (text(row, "id"), text(row, "text"))).collect();
    rows(format!("{name}.jsonl"))?
        .iter()
        .map(|row| {
            let id = text(row, "id");
            let main = gold.get(&id).ok_or(format!("{name}: page {id} has no gold"))?;
            let domain = row["domain"].as_str().map_or(id.clone(), str::to_string);
            Ok(MarkedPage { domain, html: text(row, "text"), gold: bag(words(main)) })
        })
        .collect()
}

/// Pairs of `broad_reading` and `page_share_broad` tried; a reading share
/// above 1 never applies the broad share.
const BROAD_READINGS: [f64; 5] = [0.3, 0.4, 0.5, 0.6, 2.0];
const PAGE_SHARES_BROAD: [f64; 4] = [0.45, 0.5, 0.55, 0.6];

/// Each page's word F1 when cleaned from its markup with `main-content`'s
/// parameters `params` set, on two threads.
fn page_f1s(pages: &[MarkedPage], params: &[(&str, f64)]) -> Result<Vec<f64>, String> {
    let mut config = Config::preset(Preset::Article);
    let rule = config.rules.entry("main-content".into()).or_default();
    for &(name, value) in params {
        rule.params.insert(name.into(), serde_json::json!(value));
    }
    let plan = config.plan().map_err(|e| e.to_string())?;
    let f1 = |page: &MarkedPage| bag_f1(&page.gold, &bag(words(&rinse_core::clean_input(&page.html, Format::Html, &plan).cleaned.text)));
    let half = pages.len() / 2;
    Ok(std::thread::scope(|scope| {
        let first = scope.spawn(|| pages[..half].iter().map(f1).collect::<Vec<f64>>());
        let second: Vec<f64> = pages[half..].iter().map(f1).collect();
        let mut f1s = first.join().unwrap_or_default();
        f1s.extend(second);
        f1s
    }))
}

/// `cargo xtask fit --page-share`: the word F1 of the WCXB pages and of
/// Readability's articles, cleaned from their markup, at each share tried
/// for `main-content`'s `page_share`, then at each pair tried for
/// `broad_reading` and `page_share_broad`, and what is picked on WCXB with
/// whole domains held out. It prints and writes nothing: where the two sets
/// disagree the default is set by hand (see `PAGE_SHARE`).
pub fn page_share(root: &Path) -> Result<(), String> {
    let data = root.join("../shared/eval/data");
    let (wcxb, readability) = (read_html_track(&data, "wcxb-dev-html")?, read_html_track(&data, "dev-html")?);
    let fold: Vec<usize> = wcxb.iter().map(|page| fold_of(&page.domain, FOLDS, 0)).collect();
    let mut tried = Vec::new();
    for share in PAGE_SHARES {
        let params = [("page_share", share), ("broad_reading", 2.0)];
        let (on_wcxb, on_readability) = (page_f1s(&wcxb, &params)?, page_f1s(&readability, &params)?);
        println!("page_share {share:.1}: wcxb-dev-html word F1 {:.4}, dev-html {:.4}", mean(&on_wcxb), mean(&on_readability));
        tried.push((format!("page_share {share:.1}"), on_wcxb));
    }
    pick_held_out(&tried, &fold);
    let mut tried = Vec::new();
    for (reading, share) in BROAD_READINGS.iter().flat_map(|&reading| PAGE_SHARES_BROAD.map(|share| (reading, share))) {
        let params = [("broad_reading", reading), ("page_share_broad", share)];
        let (on_wcxb, on_readability) = (page_f1s(&wcxb, &params)?, page_f1s(&readability, &params)?);
        let name = format!("broad_reading {reading:.1}, page_share_broad {share:.2}");
        println!("{name}: wcxb-dev-html word F1 {:.4}, dev-html {:.4}", mean(&on_wcxb), mean(&on_readability));
        tried.push((name, on_wcxb));
    }
    pick_held_out(&tried, &fold);
    Ok(())
}

/// For each fold of `fold` (each page's), the setting of `tried` (a name and
/// each page's word F1) that does best on the other folds; prints the picks
/// and the word F1 of each page under the setting picked without its fold.
fn pick_held_out(tried: &[(String, Vec<f64>)], fold: &[usize]) {
    let mut held_out = vec![0.0; fold.len()];
    for k in 0..FOLDS {
        let total = |f1s: &Vec<f64>| f1s.iter().zip(fold).filter(|&(_, &f)| f != k).map(|(f1, _)| f1).sum::<f64>();
        let best = (0..tried.len()).max_by(|&a, &b| total(&tried[a].1).total_cmp(&total(&tried[b].1))).unwrap_or(0);
        println!("fold {k}: {} picked without its domains", tried[best].0);
        for (i, _) in fold.iter().enumerate().filter(|&(_, &f)| f == k) {
            held_out[i] = tried[best].1[i];
        }
    }
    println!("wcxb-dev-html word F1 so picked, domains held out: {:.4}", mean(&held_out));
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_through_edits() {
        let original = "Home\nNews\nThe text.\nCaf\u{e9} here\n";
        let cleaned = rinse_core::clean_with(original, &Config::preset(Preset::Minimal)).unwrap();
        assert_eq!(original_offset(&cleaned.edits, 0), 0);
        let edits = vec![Edit { start: 0, end: 10, replacement: String::new(), rule: "x".into(), reason: "y".into(), inner: vec![] }];
        // "The text." starts at 0 once the first two lines are gone, at 10 before.
        assert_eq!(original_offset(&edits, 0), 10);
        assert_eq!(original_offset(&edits, 10), 20);
    }

    #[test]
    fn folds_keep_each_domain_whole_and_are_stable() {
        assert_eq!(fold_of("example.org", 5, 0), fold_of("example.org", 5, 0));
        let folds: std::collections::BTreeSet<usize> = (0..100).map(|i| fold_of(&format!("site{i}.com"), 5, 0)).collect();
        assert_eq!(folds.len(), 5, "a hundred domains fill every fold");
    }

    #[test]
    fn word_f1_counts_words_as_a_bag() {
        let word_f1 = |gold: &str, output: &str| bag_f1(&bag(words(gold)), &bag(words(output)));
        assert_eq!(word_f1("a b c d", "A b, c d"), 1.0);
        assert_eq!(word_f1("a b", ""), 0.0);
        assert!((word_f1("a b c d", "a b") - 2.0 / 3.0).abs() < 1e-9);
    }
}

//! The `rinse` binary, run as users run it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn rinse(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rinse"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run refused for its arguments may exit before reading its input.
    if let Err(error) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rinse-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A scrape: a paragraph said twice, a line badly spaced, a menu and share prompts around them.
const REPEATED: &str =
    "Home | News | Sport | Weather\nWorld | Business | Science | Travel\nA long paragraph that says something useful.\n  Another   one.\n\
                        A long paragraph that says something useful.\nShare on Facebook\nShare on X\nPrivacy | Terms | Contact\n";
const CLEANED: &str = "A long paragraph that says something useful.\nAnother one.\n";

#[test]
fn cleans_stdin_to_stdout() {
    let out = rinse(&[], REPEATED);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), CLEANED);
}

#[test]
fn cleans_files_into_an_out_dir_keeping_names() {
    let dir = temp_dir("outdir");
    let input = dir.join("page.txt");
    std::fs::write(&input, REPEATED).unwrap();
    let out_dir = dir.join("clean");
    let out = rinse(&[input.to_str().unwrap(), "--out-dir", out_dir.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(out_dir.join("page.txt")).unwrap(), CLEANED);
}

#[test]
fn jsonl_cleans_one_field_and_keeps_everything_else() {
    let input = "{\"id\":\"2\",\"text\":\"  a   b \",\"n\":1}\n{\"id\":\"1\",\"body\":\"x  y\"}\n";
    let out = rinse(&["--jsonl"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "{\"id\":\"2\",\"text\":\"a b\",\"n\":1}\n{\"id\":\"1\",\"body\":\"x  y\"}\n");
    assert!(stderr(&out).contains("1 line(s) had no string field `text`"));

    let out = rinse(&["--jsonl", "--field", "body"], input);
    assert!(stdout(&out).ends_with("{\"id\":\"1\",\"body\":\"x y\"}\n"));
}

#[test]
fn a_file_named_jsonl_is_read_as_jsonl_and_jsonl_read_as_text_is_said() {
    let rows = "{\"id\":1,\"text\":\"  a   b \"}\n{\"id\":2,\"text\":\"c  d\"}\n";
    let cleaned = "{\"id\":1,\"text\":\"a b\"}\n{\"id\":2,\"text\":\"c d\"}\n";
    let dir = temp_dir("named-jsonl");
    for name in ["rows.jsonl", "ROWS.NDJSON"] {
        let path = dir.join(name);
        std::fs::write(&path, rows).unwrap();
        let out = rinse(&[path.to_str().unwrap()], "");
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), cleaned, "{name} as the page reads it");
        assert_eq!(stdout(&rinse(&["--jsonl", path.to_str().unwrap()], "")), cleaned, "the same with --jsonl");
        let out = rinse(&["--field", "id", "--keep-going", path.to_str().unwrap()], "");
        assert!(out.status.success(), "its options apply: {}", stderr(&out));
    }
    // Read from standard input, or under another name, it is one text, and
    // that is said: every line of it is cleaned as text, not its fields.
    let out = rinse(&[], rows);
    assert!(out.status.success());
    assert!(stderr(&out).contains("<stdin>: its first line is a JSON object, but it was cleaned as one text"), "{}", stderr(&out));
    assert!(!stderr(&rinse(&[], REPEATED)).contains("JSON"), "nothing said of text");
    assert!(stderr(&rinse(&["--jsonl"], rows)).is_empty());
    // Options that only JSONL takes, with no JSONL to take them, are refused.
    let page = dir.join("page.txt");
    std::fs::write(&page, REPEATED).unwrap();
    let refused = [
        (&["--field", "body"][..], "--field: for JSONL input"),
        (&["--keep-going"], "--keep-going: for JSONL input"),
        (&["--drop-rejected", "--field", "body"], "--field, --drop-rejected: for JSONL input"),
    ];
    for (options, said) in refused {
        let out = rinse(&[options, &[page.to_str().unwrap()]].concat(), "");
        assert_eq!(out.status.code(), Some(2), "{options:?}");
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
    }
}

#[test]
fn a_malformed_jsonl_line_stops_the_run_with_its_number_unless_told_to_keep_going() {
    let input = "{\"text\":\"ok\"}\n{\"text\": broken\n{\"text\":\"a  b\"}\n";
    let out = rinse(&["--jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("<stdin>:2: not valid JSON"), "{}", stderr(&out));

    let out = rinse(&["--jsonl", "--keep-going"], input);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "{\"text\":\"ok\"}\n{\"text\": broken\n{\"text\":\"a b\"}\n");
    assert!(stderr(&out).contains("1 malformed line(s) passed through unchanged"));
}

#[test]
fn parallel_jsonl_keeps_the_order_and_matches_one_thread() {
    let input: String = (0..2000).map(|i| format!("{{\"id\":{i},\"text\":\"Row   {i} of the corpus.  \"}}\n")).collect();
    let many = rinse(&["--jsonl"], &input);
    let one = rinse(&["--jsonl", "--threads", "1"], &input);
    assert!(many.status.success() && one.status.success());
    assert_eq!(stdout(&many), stdout(&one));
    let ids: Vec<u64> =
        stdout(&many).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..2000).collect::<Vec<_>>());
    assert!(stdout(&many).starts_with("{\"id\":0,\"text\":\"Row 0 of the corpus.\"}\n"));
}

#[test]
fn html_input_becomes_its_visible_text() {
    let page = "<html><head><script>var x;</script></head><body><p>One   two.</p><p>Three.</p></body></html>";
    assert_eq!(stdout(&rinse(&["--from", "html"], page)), "One two.\nThree.\n");
    assert_eq!(stdout(&rinse(&[], page)), "One two.\nThree.\n", "auto-detected");
    assert_eq!(stdout(&rinse(&["--from", "text"], "<p>a</p>")), "<p>a</p>");
}

#[test]
fn markdown_keeps_a_pages_structure_and_a_texts_code() {
    let page = "<html><body><article><h2>Ferry times</h2><p>The <b>first</b> boat leaves at six, see \
        <a href=\"/t\">the table</a>.</p><ul><li>Weekdays<ul><li>Summer</li></ul></li></ul>\
        <table><tr><th>Day</th><th>Boats</th></tr><tr><td>Sat</td><td>4</td></tr></table>\
        <pre><code class=\"language-sh\">ferry --from pier\n  --at 6</code></pre></article></body></html>";
    let markdown = "## Ferry times\n\nThe **first** boat leaves at six, see the table.\n\n- Weekdays\n  - Summer\n\n\
        | Day | Boats |\n| --- | --- |\n| Sat | 4 |\n\n```sh\nferry --from pier\n  --at 6\n```\n";
    assert_eq!(stdout(&rinse(&["--from", "html", "--to", "markdown"], page)), markdown);
    assert_eq!(
        stdout(&rinse(&["--from", "html", "--to", "markdown", "--links"], page)),
        markdown.replace("see the table", "see [the table](/t)")
    );
    let line = serde_json::json!({"id": 1, "text": page}).to_string();
    let cleaned: serde_json::Value = serde_json::from_str(stdout(&rinse(&["--jsonl", "--to", "markdown"], &line))).unwrap();
    assert_eq!(cleaned["text"], markdown, "JSONL as the text is");
    let dir = temp_dir("markdown-config");
    let config = dir.join("rinse.json");
    std::fs::write(&config, r#"{"output":{"to":"markdown"}}"#).unwrap();
    assert_eq!(stdout(&rinse(&["--config", config.to_str().unwrap()], page)), markdown, "the config's output");
    assert_eq!(stdout(&rinse(&["--config", config.to_str().unwrap(), "--to", "text"], page)).lines().next(), Some("Ferry times"));
    let text = "# Notes\n\n- one   item\n  - nested\n\n```\nif x:\n    go()   # spaced\n```\n";
    assert_eq!(stdout(&rinse(&["--to", "markdown"], text)), text.replace("one   item", "one item"), "Markdown in stays Markdown");
}

#[test]
fn presets_configs_and_rule_flags_choose_the_rules() {
    assert_eq!(stdout(&rinse(&["--preset", "minimal"], REPEATED)), REPEATED, "repairs only: nothing removed nor re-spaced");
    assert_eq!(
        stdout(&rinse(&["--no-rules", "duplicate-paragraphs"], REPEATED)),
        "A long paragraph that says something useful.\nAnother one.\nA long paragraph that says something useful.\n"
    );
    let dir = temp_dir("config");
    let config = dir.join("rinse.json");
    std::fs::write(&config, r#"{"preset":"minimal","rules":{"duplicate-paragraphs":{"enabled":true},"whitespace":{"enabled":true}}}"#)
        .unwrap();
    assert_eq!(
        stdout(&rinse(&["--config", config.to_str().unwrap()], REPEATED)),
        REPEATED.replacen("A long paragraph that says something useful.\nShare", "Share", 1).replace("  Another   one.", "Another one."),
        "the repeat and the spacing go, the menu and prompts stay"
    );
}

#[test]
fn bad_settings_exit_2_and_say_what_is_wrong() {
    let out = rinse(&["--preset", "shiny"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--preset shiny: no such preset"));
    let out = rinse(&["--rules", "no-such-rule"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-rule: no rule has this id"));
    let dir = temp_dir("badconfig");
    let config = dir.join("bad.json");
    std::fs::write(&config, r#"{"rules":{"whitespace":{"params":{"x":1}}}}"#).unwrap();
    let out = rinse(&["--config", config.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("rules.whitespace.params.x: this rule has no such parameter"));
}

#[test]
fn binary_input_is_refused_with_a_clear_message() {
    let dir = temp_dir("binary");
    let file = dir.join("image.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = rinse(&[file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("image.png: this looks like a binary file"));
}

#[test]
fn legacy_encodings_are_detected_and_said() {
    let dir = temp_dir("latin1");
    let file = dir.join("old.txt");
    std::fs::write(&file, b"Le caf\xE9 est tr\xE8s bon, et la cr\xE8me br\xFBl\xE9e aussi.\n").unwrap();
    let out = rinse(&[file.to_str().unwrap()], "");
    assert!(out.status.success());
    assert_eq!(stdout(&out), "Le caf\u{e9} est tr\u{e8}s bon, et la cr\u{e8}me br\u{fb}l\u{e9}e aussi.\n");
    assert!(stderr(&out).contains("old.txt: not UTF-8; read as windows-1252; written as UTF-8"), "{}", stderr(&out));
}

#[test]
fn a_byte_order_mark_decides_and_what_it_changed_is_said() {
    let dir = temp_dir("bom");
    let (utf16, utf8, plain) = (dir.join("wide.txt"), dir.join("marked.txt"), dir.join("plain.txt"));
    let wide: Vec<u8> = [0xFF, 0xFE].into_iter().chain("caf\u{e9}  au lait\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&utf16, wide).unwrap();
    std::fs::write(&utf8, b"\xEF\xBB\xBFtea  time\n").unwrap();
    std::fs::write(&plain, b"tea  time\n").unwrap();
    let out = rinse(&[utf16.to_str().unwrap()], "");
    assert_eq!(stdout(&out), "caf\u{e9} au lait\n");
    assert!(stderr(&out).contains("wide.txt: read as UTF-16LE, as its byte-order mark says; written as UTF-8"), "{}", stderr(&out));
    let out = rinse(&[utf8.to_str().unwrap()], "");
    assert_eq!(stdout(&out), "tea time\n");
    assert!(stderr(&out).contains("marked.txt: its UTF-8 byte-order mark left out"), "{}", stderr(&out));
    let out = rinse(&[plain.to_str().unwrap()], "");
    assert_eq!(stdout(&out), "tea time\n");
    assert_eq!(stderr(&out), "", "plain UTF-8 needs no word");
}

#[test]
fn explain_and_stats_report_on_stderr() {
    let out = rinse(&["--explain", "--stats"], REPEATED);
    assert_eq!(stdout(&out), CLEANED);
    let err = stderr(&out);
    assert!(err.contains("<stdin>:5: duplicate-paragraphs -\"A long paragraph"), "{err}");
    assert!(err.contains("(repeats an earlier paragraph)"));
    let stats: serde_json::Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(stats["after"]["lines"], 2);
    assert_eq!(stats["rules"]["duplicate-paragraphs"], 1);
}

#[test]
fn timings_list_every_step_of_the_plan_with_its_runs() {
    let records = format!("{}\n{}\n", serde_json::json!({ "text": REPEATED }), serde_json::json!({ "text": "Just one line." }));
    let plain = rinse(&["--jsonl"], &records);
    let timed = rinse(&["--jsonl", "--timings", "--threads", "1"], &records);
    assert!(timed.status.success());
    assert_eq!(stdout(&timed), stdout(&plain), "timing changes no output");
    assert!(stderr(&plain).is_empty());
    let err = stderr(&timed);
    assert!(err.starts_with("rinse: cleaned in ") && err.contains("summed over 1 thread(s)"), "{err}");
    // Each step's row: its runs and the runs that changed the text.
    let row = |id: &str| -> Vec<usize> {
        let row = err.lines().find(|l| l.split_whitespace().next() == Some(id)).unwrap_or_else(|| panic!("no {id} row in {err}"));
        row.split_whitespace().skip(1).take(2).map(|n| n.parse().unwrap()).collect()
    };
    for (id, changed) in [("whitespace", 1), ("duplicate-paragraphs", 1), ("zero-width", 0)] {
        let [runs, changes] = row(id)[..] else { panic!("{id}: no figures") };
        assert!(runs >= 2, "{id} ran on both records: {err}");
        assert_eq!(changes, changed, "{id}: {err}");
    }
    assert!(err.lines().any(|l| l.starts_with("(applying changes)")), "{err}");
    let mut after_table = err.lines().skip_while(|l| !l.starts_with("total, 2 documents")).skip(1);
    // Then the most memory the run held, where the system tells it.
    let peak = after_table.next().and_then(|l| l.strip_prefix("rinse: peak memory ")?.strip_suffix(" MB")?.parse::<f64>().ok());
    if cfg!(target_os = "linux") {
        assert!(peak.is_some_and(|megabytes| megabytes > 0.0), "{err}");
    }
    assert!(err.lines().any(|l| l.starts_with("total, 2 documents")) && after_table.next().is_none(), "{err}");
}

#[test]
fn signals_give_a_verdict_with_reasons() {
    let out = rinse(&["--signals", "--preset", "corpus"], "Home\nNews\n");
    let line: serde_json::Value = serde_json::from_str(stderr(&out).lines().last().unwrap()).unwrap();
    assert_eq!(line["signals"]["keep"], false);
    assert!(line["signals"]["reasons"][0].as_str().unwrap().contains("words"));
}

#[test]
fn lists_every_rule_with_its_docs() {
    let out = rinse(&["--list-rules"], "");
    assert!(out.status.success());
    for rule in rinse_core::rules::REGISTRY {
        assert!(stdout(&out).contains(rule.info().summary), "{} missing", rule.info().id);
    }
}

/// Runs rinse on a pseudo-terminal (util-linux `script`), as a person at a
/// terminal would, with standard output sent to a file; returns what the
/// terminal showed.
fn on_terminal(args: &str, dir: &std::path::Path) -> String {
    let command = format!("{} {args} > {}", env!("CARGO_BIN_EXE_rinse"), dir.join("out.jsonl").display());
    let output = Command::new("script").args(["-qec", &command, "/dev/null"]).output().expect("util-linux script runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_terminal_shows_progress_through_a_jsonl_file_unless_told_not_to() {
    let dir = temp_dir("progress");
    let corpus = dir.join("corpus.jsonl");
    let rows: String = (0..2000).map(|i| format!("{{\"id\":{i},\"text\":\"Row {i}  of the corpus.\"}}\n")).collect();
    std::fs::write(&corpus, &rows).unwrap();
    let shown = on_terminal(&format!("--jsonl {}", corpus.display()), &dir);
    assert!(shown.contains("2000 records"), "{shown:?}");
    assert!(shown.contains("KiB"), "{shown:?}");
    assert_eq!(std::fs::read_to_string(dir.join("out.jsonl")).unwrap().lines().count(), 2000);
    let quiet = on_terminal(&format!("--jsonl --no-progress {}", corpus.display()), &dir);
    assert!(!quiet.contains("records"), "{quiet:?}");
}

#[test]
fn drop_rejected_leaves_out_what_the_corpus_filters_reject_and_counts_it() {
    let prose = "The ferry to the island ran again on Monday, after a winter in which storms had closed the pier for weeks at a time. Fishermen said the new timetable suited them, since the early crossing now leaves before dawn and the last one returns after the markets have shut. The council expects more visitors in summer.";
    let input = format!("{{\"id\":1,\"text\":\"too short\"}}\n{{\"id\":2,\"text\":\"{prose}\"}}\n");
    let out = rinse(&["--jsonl", "--preset", "corpus", "--drop-rejected"], &input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stdout(&out).contains("\"id\":2"));
    assert!(stderr(&out).contains("1 record(s) left out"), "{}", stderr(&out));
    let kept = rinse(&["--jsonl", "--preset", "corpus"], &input);
    assert_eq!(stdout(&kept).lines().count(), 2, "without the flag every record stays");
    assert!(!rinse(&["--drop-rejected"], "x").status.success(), "only with --jsonl");
}

#[test]
fn a_page_kind_is_shown_and_can_be_set_by_hand() {
    let thread = "<html><body><main><div class=post><p>Has anyone fixed the hinge on the old pier gate? It sticks every winter.</p></div>\
                  <div class=post><p>Grease it in autumn and it will open all year, the harbour master told me.</p></div></main></body></html>";
    let said = format!("<html><head><script type=\"application/ld+json\">{{\"@type\": \"QAPage\"}}</script></head>{}", &thread[6..]);
    let out = rinse(&["--from", "html", "--explain", "--stats"], &said);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("page kind: forum (its structured data says QAPage)"), "{}", stderr(&out));
    assert!(stderr(&out).contains("\"kind\":\"forum\""), "{}", stderr(&out));
    let by_hand = rinse(&["--from", "html", "--explain", "--kind", "forum"], thread);
    assert!(stderr(&by_hand).contains("page kind: forum (set by hand)"), "{}", stderr(&by_hand));
    assert!(stderr(&by_hand).contains("read as a discussion (set by hand)"), "{}", stderr(&by_hand));
    let addressed = rinse(&["--from", "html", "--explain", "--url", "https://forum.example.org/t/pier-gate/7"], thread);
    assert!(stderr(&addressed).contains("page kind: forum (its address has /t/)"), "{}", stderr(&addressed));
    let unsaid = rinse(&["--from", "html", "--explain"], thread);
    assert!(!stderr(&unsaid).contains("page kind"), "{}", stderr(&unsaid));
    let bad = rinse(&["--kind", "blog"], thread);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown page kind \"blog\": expected one of article, forum"), "{}", stderr(&bad));
}

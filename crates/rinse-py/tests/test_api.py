"""The Python API gives what the command line gives, and says what is wrong with a config."""

import json
import subprocess

import pytest

import rinse
from conftest import FIXTURES, fixture_texts, run_cli

# Text that every preset changes: mojibake, a repeated paragraph, page furniture.
SCRAPED = (
    "Home\nNews\nSport\n"
    "The ferry to the island will run to its summer timetable from May, with four crossings a day.\n"
    "Tickets bought before the change stay valid, the harbour office said on Tuesday.\n"
    "The ferry to the island will run to its summer timetable from May, with four crossings a day.\n"
    "Itâ€™s   the first change in ten years.\n"
    "Share on Facebook\nCookies help us deliver our services.\n"
)


@pytest.mark.parametrize("preset", ["article", "corpus", "minimal"])
def test_text_is_cleaned_as_the_command_line_cleans_it(cli, preset):
    texts = fixture_texts("text") + [SCRAPED]
    expected = run_cli(cli, texts, "--from", "text", "--preset", preset)
    config = {"preset": preset}
    assert rinse.clean_many(texts, config) == expected
    assert [rinse.clean(t, config) for t in texts] == expected


def test_pages_are_cleaned_as_the_command_line_cleans_them(cli):
    pages = fixture_texts("html")
    expected = run_cli(cli, pages, "--from", "html")
    assert rinse.clean_many(pages, input_format="html") == expected
    assert [rinse.clean(p, input_format="auto") for p in pages] == expected


def test_markdown_output_is_what_the_command_line_writes(cli):
    pages = fixture_texts("html")
    expected = run_cli(cli, pages, "--from", "html", "--to", "markdown")
    assert any(line.startswith("#") for page in expected for line in page.splitlines()), "headings as Markdown"
    assert rinse.clean_many(pages, input_format="html", output="markdown") == expected
    assert [rinse.clean(p, {"output": {"to": "markdown"}}, input_format="html") for p in pages] == expected
    assert rinse.clean(pages[0], {"output": {"to": "markdown"}}, input_format="html", output="text") == run_cli(cli, pages[:1], "--from", "html")[0]


def test_a_config_reads_the_same_as_a_dict_a_json_string_and_a_file(cli, tmp_path):
    config = {"preset": "minimal", "rules": {"whitespace": {"enabled": True}}}
    path = tmp_path / "rinse.json"
    path.write_text(json.dumps(config))
    expected = run_cli(cli, [SCRAPED], "--config", str(path))[0]
    assert "Itâ€™s" not in expected and "Share on Facebook" in expected
    assert rinse.clean(SCRAPED, config) == expected
    assert rinse.clean(SCRAPED, json.dumps(config)) == expected
    assert rinse.clean(SCRAPED, str(path)) == expected
    assert rinse.clean(SCRAPED, path) == expected


def test_many_texts_on_any_number_of_threads_come_back_in_order():
    texts = [f"Line {i} of a text that   says little.\n" for i in range(200)] + [SCRAPED]
    one_by_one = [rinse.clean(t) for t in texts]
    assert rinse.clean_many(texts, threads=1) == one_by_one
    assert rinse.clean_many(texts, threads=3) == one_by_one
    assert rinse.clean_many(iter(texts)) == one_by_one
    with pytest.raises(ValueError, match="threads"):
        rinse.clean_many(texts, threads=0)


def test_explain_gives_each_change_with_its_rule_and_reason_in_characters():
    edits = rinse.explain(SCRAPED)
    assert edits and all(set(e) == {"start", "end", "replacement", "rule", "reason"} for e in edits)
    assert {"duplicate-paragraphs", "mojibake", "share-prompts", "whitespace"} <= {e["rule"] for e in edits}
    # Applied to the text, counted in characters, the edits give the cleaned text.
    rebuilt, at = [], 0
    for edit in edits:
        rebuilt += [SCRAPED[at : edit["start"]], edit["replacement"]]
        at = edit["end"]
    assert "".join(rebuilt) + SCRAPED[at:] == rinse.clean(SCRAPED)


def test_explain_counts_a_page_in_its_visible_text():
    page = fixture_texts("html")[0]
    visible = rinse.visible_text(page)
    assert "<" not in visible[:200]
    edits = rinse.explain(page, input_format="html")
    assert edits and all(0 <= e["start"] <= e["end"] <= len(visible) for e in edits)


PROSE = (
    "The council said that the roads in the valley would open again on Friday, and that the water was safe to drink.\n"
    "Residents who had left their homes were told that they could return once the water board had checked the supply.\n"
    "Engineers will inspect the two bridges in the town before they are opened to lorries, which may take a month.\n"
)


def test_signals_give_the_corpus_verdict_and_its_reasons():
    kept = rinse.signals(PROSE)
    assert kept["keep"] and kept["reasons"] == [] and kept["words"] > 40
    dropped = rinse.signals("Buy now\nBuy now\n", {"preset": "corpus"})
    assert not dropped["keep"] and dropped["reasons"]


@pytest.mark.parametrize(
    "config, field",
    [
        ({"rules": {"no-such-rule": {"enabled": True}}}, "rules.no-such-rule"),
        ({"rules": {"main-content": {"params": {"min_words": "many"}}}}, "rules.main-content.params.min_words"),
        ({"rules": {"whitespace": {"params": {"width": 3}}}}, "rules.whitespace.params.width"),
        ({"custom": [{"name": "broken", "pattern": "(", "replacement": ""}]}, "custom[0]"),
        ({"prest": "article"}, "prest"),
        ('{"preset": "article"', "config is not valid"),
    ],
)
def test_a_bad_config_raises_value_error_naming_the_field(config, field):
    with pytest.raises(ValueError) as raised:
        rinse.clean("text", config)
    assert field in str(raised.value)


def test_bad_arguments_raise_value_error():
    with pytest.raises(ValueError, match="input_format"):
        rinse.clean("text", input_format="pdf")
    with pytest.raises(ValueError, match="output"):
        rinse.clean("text", output="pdf")
    with pytest.raises(FileNotFoundError):
        rinse.clean("text", "no/such/config.json")
    with pytest.raises(TypeError):
        rinse.clean("text", 42)


def test_a_pages_address_tells_its_kind_as_the_command_line_reads_it(cli):
    # A page whose structure points to its introduction, a little over a
    # fifth of its text: enough for an article (as its og:type says), too
    # little of a listing (as its address says, which tells more).
    page = (
        (FIXTURES / "pages" / "pier-notes.html")
        .read_text(encoding="utf-8")
        .replace(
            "the moorings and the tides.</p>",
            "the moorings and the tides.</p><p>Its notes give the times of the first and last sailings of the day, "
            "the height of the next high tide, and any berths that are free for visiting boats.</p>",
        )
        .replace("<title>", '<meta property="og:type" content="article"><title>')
    )
    urls = ["https://harbour.example/tag/pier/", None]
    rows = "".join(json.dumps({"id": str(i), "url": url, "html": page}) + "\n" for i, url in enumerate(urls))
    out = subprocess.run([str(cli), "--jsonl", "--field", "html", "--from", "html", "--no-progress"], input=rows.encode(), capture_output=True, check=True)
    expected = [json.loads(line)["html"] for line in out.stdout.decode().splitlines()]
    assert "The north pier will close" in expected[0] and "The north pier will close" not in expected[1]
    assert rinse.clean_many([page, page], input_format="html", urls=urls) == expected
    assert rinse.clean(page, input_format="html", url=urls[0]) == expected[0]
    assert rinse.clean(page, input_format="html") == expected[1]
    with pytest.raises(ValueError, match="urls: expected one for each of the 1 texts, not 2"):
        rinse.clean_many([page], input_format="html", urls=urls)


def cli_page_reading(cli, page: str, url=None) -> dict:
    """The page's kind and note as `rinse --explain` prints them before its changes."""
    args = [str(cli), "--from", "html", "--explain", "--no-progress"] + (["--url", url] if url else [])
    out = subprocess.run(args, input=page.encode(), capture_output=True, check=True)
    reading = {"text": out.stdout.decode(), "kind": None, "why": None, "note": None}
    for line in out.stderr.decode().splitlines():
        said = line.removeprefix("rinse: <stdin>: ")
        if said == line:
            continue
        if said.startswith("page kind: "):
            reading["kind"], why = said.removeprefix("page kind: ").split(" (", 1)
            reading["why"] = why.removesuffix(")")
        else:
            reading["note"] = said
    return reading


def test_what_reading_a_page_found_is_what_the_command_line_explains(cli):
    pages = {path.name: (path.read_text(encoding="utf-8"), None) for path in sorted((FIXTURES / "pages").glob("*.html"))}
    # A thread told by its address; a page whose scripts draw its text,
    # saved without it.
    pages["thread"] = (pages["thread-replies.html"][0], "https://forum.example.org/t/pier-gate/7")
    pages["hollow"] = ("<html><body><div id='app'></div>" + "<div class='shell'></div>" * 400 + "</body></html>", None)
    readings = {name: rinse.read_page(page, url=url) for name, (page, url) in pages.items()}
    assert readings == {name: cli_page_reading(cli, page, url) for name, (page, url) in pages.items()}
    assert readings["thread"]["kind"] == "forum" and "/t/" in readings["thread"]["why"]
    assert readings["thread"]["note"].startswith("read as a discussion")
    assert readings["hollow"]["text"] == "" and readings["hollow"]["note"].startswith("the page shows 0 words in")
    assert readings["ferry-service.html"]["kind"] == "service"
    assert any(r["kind"] is None and r["note"] is None for r in readings.values()), "most pages say nothing"
    for name, (page, url) in pages.items():
        assert readings[name]["text"] == rinse.clean(page, input_format="html", url=url)

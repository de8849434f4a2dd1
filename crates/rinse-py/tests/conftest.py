"""What the tests share: the release CLI to compare with, and texts to clean."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def cli() -> pathlib.Path:
    """The `rinse` binary the test command built (`RINSE_CLI` names another)."""
    path = pathlib.Path(os.environ.get("RINSE_CLI", ROOT / "target" / "release" / "rinse"))
    assert path.is_file(), f"{path} is missing: build it with cargo build --release -p rinse-cli"
    return path


# The shared evaluation data, where it sits beside the project: its
# development tracks are compared too.
SHARED = ROOT.parent / "shared" / "eval" / "data"
SHARED_TRACKS = {"text": ["dev-text", "dev-dirty", "dev-clean", "repair-dev"], "html": ["dev-html"]}


def fixture_texts(kind: str) -> list:
    """Texts of one kind, "text" (scraped text) or "html" (page source): the
    project's own fixtures, and the shared development tracks' when present."""
    if kind == "html":
        paths = sorted(FIXTURES.glob("pages/*.html"))
    else:
        paths = sorted(p for p in FIXTURES.rglob("*.txt") if not p.name.endswith(".clean.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert texts, f"no {kind} fixtures under {FIXTURES}"
    for track in SHARED_TRACKS[kind]:
        path = SHARED / f"{track}.jsonl"
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").split("\n") if line]
    return texts


def run_cli(cli: pathlib.Path, texts: list, *args: str) -> list:
    """The texts as `rinse --jsonl` cleans them, each in a row of its own."""
    rows = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([str(cli), "--jsonl", "--no-progress", *args], input=rows.encode(), capture_output=True, check=True)
    return [json.loads(line)["text"] for line in out.stdout.decode().split("\n") if line]

"""The adapters give, inside each framework, what `rinse --jsonl` gives."""

import json
import os
import sys
import types

import pytest

import rinse
from conftest import fixture_texts, run_cli
from test_api import PROSE

TEXTS = fixture_texts("text") + [
    "Home\nNews\nItâ€™s the first change in ten years, the council said on Tuesday at the harbour.\nShare on Facebook\n",
    "Plain   text.\n",
]


def test_a_datatrove_pipeline_cleans_a_shard_as_the_command_line_does(cli, tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from rinse.datatrove import RinseFormatter

    source, output = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "shard.jsonl").write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    pipeline = [JsonlReader(str(source)), RinseFormatter(), JsonlWriter(str(output), compression=None)]
    LocalPipelineExecutor(pipeline=pipeline, tasks=1, logging_dir=str(tmp_path / "logs")).run()
    rows = [json.loads(line) for path in sorted(output.glob("*.jsonl")) for line in path.read_text().splitlines()]
    cleaned = {row["id"]: row["text"] for row in rows}
    expected = run_cli(cli, TEXTS, "--from", "text")
    assert [cleaned.get(str(i)) for i in range(len(TEXTS))] == expected


def test_datatrove_extractor_and_filter():
    from datatrove.data import Document

    from rinse.datatrove import RinseExtractor, RinseFilter

    page = fixture_texts("html")[0]
    assert RinseExtractor().extract(page) == rinse.clean(page, input_format="html")
    corpus = RinseFilter()
    assert corpus.filter(Document(text=PROSE, id="kept")) is True
    kept, reason = corpus.filter(Document(text="Buy now\nBuy now\n", id="dropped"))
    assert kept is False and reason == "; ".join(rinse.signals("Buy now\nBuy now\n", {"preset": "corpus"})["reasons"])
    with pytest.raises(ValueError, match="rules.nope"):
        RinseFilter({"rules": {"nope": {}}})


def test_a_spark_job_cleans_a_column_as_the_command_line_does(cli):
    from pyspark.sql import SparkSession

    from rinse.spark import clean_column

    # Spark's Python workers are started with this interpreter, which has rinse.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = SparkSession.builder.master("local[2]").appName("rinse-test").config("spark.ui.enabled", "false").getOrCreate()
    try:
        rows = [(i, t) for i, t in enumerate(TEXTS)] + [(len(TEXTS), None)]
        df = spark.createDataFrame(rows, "id long, text string").repartition(2)
        cleaned = {row["id"]: row["text"] for row in clean_column(df, "text", {"preset": "article"}).collect()}
    finally:
        spark.stop()
    expected = run_cli(cli, TEXTS, "--from", "text")
    assert [cleaned[i] for i in range(len(TEXTS))] == expected
    assert cleaned[len(TEXTS)] is None, "a null stays null"


@pytest.mark.parametrize("module", ["nemo_curator.stages.text.modifiers.doc_modifier", "nemo_curator.modifiers"])
def test_the_nemo_modifier_cleans_each_document(monkeypatch, module):
    # NeMo Curator installs torch and Ray; its modifier interface is one
    # abstract method, so a module with that base class, where NeMo Curator
    # 1.x (or an earlier release) keeps it, stands in for it.
    from abc import ABC, abstractmethod

    class DocumentModifier(ABC):
        def __init__(self):
            self._name = type(self).__name__

        @abstractmethod
        def modify_document(self, text):
            raise NotImplementedError

    parts = module.split(".")
    for depth in range(1, len(parts) + 1):
        monkeypatch.setitem(sys.modules, ".".join(parts[:depth]), types.ModuleType(".".join(parts[:depth])))
    sys.modules[module].DocumentModifier = DocumentModifier
    monkeypatch.delitem(sys.modules, "rinse.nemo", raising=False)
    from rinse.nemo import RinseModifier

    modifier = RinseModifier({"preset": "minimal"})
    assert isinstance(modifier, DocumentModifier)
    assert [modifier.modify_document(t) for t in TEXTS] == rinse.clean_many(TEXTS, {"preset": "minimal"})

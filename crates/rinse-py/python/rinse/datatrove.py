"""rinse as datatrove pipeline steps.

``RinseFormatter`` cleans each document's text, ``RinseExtractor`` takes a
page's HTML to its main text, and ``RinseFilter`` drops documents by the
corpus verdict, with the reason. Importing this module imports datatrove.
"""

from __future__ import annotations

from datatrove.data import Document
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter

import rinse

__all__ = ["RinseFormatter", "RinseExtractor", "RinseFilter"]


class RinseFormatter(BaseFormatter):
    """Cleans ``doc.text`` with rinse (``config``: the page's exported JSON, a dict or a path)."""

    name = "🧼 rinse"

    def __init__(self, config: rinse.Config = None, input_format: str = "text"):
        super().__init__()
        self.config = rinse.config_json(config)
        self.input_format = input_format
        rinse.cleaner(self.config, input_format)  # a bad config fails here, not in a worker

    def format(self, text: str) -> str:
        return rinse.cleaner(self.config, self.input_format).clean(text)


class RinseExtractor(BaseExtractor):
    """A page's HTML (``doc.text``) to its main text, cleaned."""

    name = "🧼 rinse extractor"

    def __init__(self, config: rinse.Config = None, timeout: float = 1.0):
        super().__init__(timeout=timeout)
        self.config = rinse.config_json(config)
        rinse.cleaner(self.config, "html")

    def extract(self, text: str) -> str:
        return rinse.cleaner(self.config, "html").clean(text)


class RinseFilter(BaseFilter):
    """Keeps documents whose cleaned text the corpus signals keep; a dropped
    document is excluded with the signals' reasons."""

    name = "🧼 rinse filter"

    def __init__(self, config: rinse.Config = None, input_format: str = "text", exclusion_writer=None):
        super().__init__(exclusion_writer)
        self.config = rinse.config_json(config if config is not None else {"preset": "corpus"})
        self.input_format = input_format
        rinse.cleaner(self.config, input_format)

    def filter(self, doc: Document):
        verdict = rinse.signals(doc.text, self.config, input_format=self.input_format)
        if verdict["keep"]:
            return True
        return False, "; ".join(verdict["reasons"]) or "dropped by rinse"

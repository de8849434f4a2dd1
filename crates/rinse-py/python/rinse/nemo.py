"""rinse as a NeMo Curator document modifier. Importing this module imports NeMo Curator."""

from __future__ import annotations

try:  # NeMo Curator 1.x
    from nemo_curator.stages.text.modifiers.doc_modifier import DocumentModifier
except ImportError:  # earlier releases
    from nemo_curator.modifiers import DocumentModifier

import rinse

__all__ = ["RinseModifier"]


class RinseModifier(DocumentModifier):
    """Cleans each document's text with rinse (``config``: the page's exported JSON, a dict or a path)."""

    def __init__(self, config: rinse.Config = None, input_format: str = "text"):
        super().__init__()
        self.config = rinse.config_json(config)
        self.input_format = input_format
        rinse.cleaner(self.config, input_format)

    def modify_document(self, text: str) -> str:
        return rinse.cleaner(self.config, self.input_format).clean(text)

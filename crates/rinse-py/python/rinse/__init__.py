"""Clean text scraped from the web with the rinse engine.

The same engine and settings as the rinse page and the ``rinse`` command
line: a config exported from the page cleans a corpus here with the same
bytes. Adapters for pipelines live in ``rinse.datatrove``, ``rinse.nemo`` and
``rinse.spark``; each imports its framework only when it is imported.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any, Iterable, Mapping, Optional, Union

from ._native import Cleaner, __version__

__all__ = ["Cleaner", "clean", "clean_many", "read_page", "explain", "signals", "visible_text", "cleaner", "config_json", "__version__"]

Config = Union[None, str, "os.PathLike[str]", Mapping[str, Any]]


def config_json(config: Config) -> Optional[str]:
    """The config as the engine reads it: the page's exported JSON.

    ``config`` is ``None`` (the default settings), a dict, a JSON string, or
    the path of a JSON file.
    """
    if config is None:
        return None
    if isinstance(config, Mapping):
        return json.dumps(config)
    if isinstance(config, os.PathLike) or (isinstance(config, str) and not config.lstrip().startswith("{")):
        with open(config, encoding="utf-8") as file:
            return file.read()
    if isinstance(config, str):
        return config
    raise TypeError(f"config: expected a dict, a JSON string or a path, not {type(config).__name__}")


@functools.lru_cache(maxsize=32)
def _cleaner(config: Optional[str], input_format: str) -> Cleaner:
    return Cleaner(config, input_format)


def cleaner(config: Config = None, input_format: str = "text") -> Cleaner:
    """A cleaner for ``config``, made ready once (reused for the same settings)."""
    return _cleaner(config_json(config), input_format)


def _with_output(config: Config, output: Optional[str]) -> Optional[str]:
    """The config as JSON, its output set to ``output`` when one is given."""
    if output is None:
        return config_json(config)
    if output not in ("text", "markdown"):
        raise ValueError(f'output: expected "text" or "markdown", not {output!r}')
    settings = json.loads(config_json(config) or "{}")
    if not isinstance(settings, dict):
        raise ValueError("config is not valid: expected an object")
    settings["output"] = {**settings.get("output", {}), "to": output}
    return json.dumps(settings)


def clean(
    text: str, config: Config = None, *, input_format: str = "text", output: Optional[str] = None, url: Optional[str] = None
) -> str:
    """The cleaned text.

    ``input_format`` is ``"text"``, ``"html"`` (a page's source: its main
    text is kept) or ``"auto"``. ``output`` is ``"text"`` or ``"markdown"``
    (headings, lists, tables and code kept), overriding the config's
    ``output.to``; ``None`` follows the config. ``url``, the address a page
    came from, may tell its kind (``/t/…`` a forum thread, ``/docs/…``
    documentation), as ``rinse --url`` does.
    """
    return _cleaner(_with_output(config, output), input_format).clean(text, url)


def clean_many(
    texts: Iterable[str],
    config: Config = None,
    *,
    input_format: str = "text",
    output: Optional[str] = None,
    threads: Optional[int] = None,
    urls: Optional[Iterable[Optional[str]]] = None,
) -> list:
    """Each text cleaned, in parallel with the interpreter's lock released.

    ``threads`` is how many threads to use (``None``: one per core);
    ``output`` as for :func:`clean`; ``urls``, when given, one address (or
    ``None``) for each text.
    """
    return _cleaner(_with_output(config, output), input_format).clean_many(list(texts), threads, None if urls is None else list(urls))


def read_page(
    page: str, config: Config = None, *, input_format: str = "html", output: Optional[str] = None, url: Optional[str] = None
) -> dict:
    """A page cleaned as :func:`clean` cleans it, with what reading it found.

    A dict of ``text``, the cleaned text; ``kind``, the kind of page it was
    read as (``"article"``, ``"forum"``, ``"product"``, ``"listing"``,
    ``"collection"``, ``"documentation"`` or ``"service"``; ``None`` when
    nothing told it); ``why``, what told it ("its structured data says
    Product", "its address has /t/"); and ``note``, what a reader should
    know of the page (one drawn by its scripts and saved without its text
    comes out empty, and says so), or ``None``. The same as ``rinse
    --explain`` prints before its changes.
    """
    return _cleaner(_with_output(config, output), input_format).read_page(page, url)


def explain(text: str, config: Config = None, *, input_format: str = "text", url: Optional[str] = None) -> list:
    """Every change cleaning makes: dicts of ``start``, ``end``, ``replacement``,
    ``rule`` and ``reason``.

    ``start`` and ``end`` count characters of the text the edits apply to:
    ``text`` itself, or for HTML the page's visible text, which
    ``visible_text`` returns.
    """
    edits, _ = cleaner(config, input_format).explain(text, url)
    return edits


def visible_text(page: str) -> str:
    """The visible text of a page's source, which ``explain`` counts in for HTML."""
    _, before = cleaner(None, "html").explain(page)
    return before


def signals(text: str, config: Config = None, *, input_format: str = "text", url: Optional[str] = None) -> dict:
    """The corpus signals of the cleaned text (word count, symbol ratio,
    duplicate lines…), with ``keep`` and the ``reasons`` for a drop."""
    return json.loads(cleaner(config, input_format).signals(text, url))

"""The library entry points the CLI and other programs share: text, bytes or a file in, marked Document out."""

from __future__ import annotations

from collections.abc import Mapping

from .config import DEFAULT_CONFIG, Config
from .document import Document
from .parse import looks_like_html, parse_text_dump
from .pipeline import run_stages
from .sources import STDIN, RawDocument, decode, read_bytes

META_FIELDS = ("url", "date", "title", "author", "language")


def parse(text: str, source: str = STDIN, encoding: str = "utf-8", config: Config = DEFAULT_CONFIG) -> Document:
    """A Document of unmarked blocks from a text dump or an HTML page (sniffed by content)."""
    if looks_like_html(text):
        from .html import parse_html  # lazy: trafilatura and lxml are only needed for HTML

        return parse_html(text, source, encoding, config)
    return parse_text_dump(text, source, encoding)


def add_metadata(doc: Document, known: Mapping[str, str | int]) -> None:
    """Fill the document's metadata gaps with what the input's container knew (url, date, status, id)."""
    for key, value in known.items():
        if key == "status":
            if doc.meta.status is None:
                doc.meta.status = int(value)
        elif key in META_FIELDS:
            if getattr(doc.meta, key) is None:
                setattr(doc.meta, key, str(value))
        else:
            doc.meta.extra.setdefault(key, str(value))


def clean(text: str, source: str = STDIN, config: Config | None = None, encoding: str = "utf-8") -> Document:
    """Clean a dump or HTML page given as a string; returns the marked Document."""
    config = config or DEFAULT_CONFIG
    return run_stages(parse(text, source, encoding, config), config)


def clean_raw(raw: RawDocument, config: Config | None = None) -> Document:
    """Clean one RawDocument (a file, or one record of a container file such as JSONL or WARC)."""
    config = config or DEFAULT_CONFIG
    text, encoding = decode(raw.data, raw.source)
    doc = parse(text, raw.source, encoding, config)
    add_metadata(doc, raw.meta)
    return run_stages(doc, config)


def clean_bytes(data: bytes, source: str = "<bytes>", config: Config | None = None) -> Document:
    """Clean raw bytes in any encoding (decoded with charset-normalizer when not UTF-8)."""
    return clean_raw(RawDocument(source, data), config)


def clean_file(path: str, config: Config | None = None) -> Document:
    """Clean one file ("-" reads stdin); raises InputError subclasses for unreadable input."""
    config = config or DEFAULT_CONFIG
    return clean_raw(RawDocument(str(path), read_bytes(str(path), config.max_bytes)), config)

"""Pure functions from a marked Document to text or JSON; the only place marked blocks are dropped."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from .document import Document

# 2: `page_kind` and `teaser` added after `verdict`.
SCHEMA_VERSION = 2
# A file name that is not UTF-8 reaches Python as lone surrogates (surrogateescape).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_text(doc: Document, title: bool = True) -> str:
    """The title, a blank line, then the body paragraphs separated by blank lines (newline-terminated)."""
    parts = list(doc.paragraphs)
    if title and doc.meta.title:
        parts.insert(0, doc.meta.title)
    return "\n\n".join(parts) + "\n" if parts else ""


def to_dict(doc: Document) -> dict[str, Any]:
    """The documented JSON record of a document (key order fixed; see README "JSON output")."""
    paragraphs = doc.paragraphs
    removed = []
    for block in doc.removed():
        assert block.removal is not None
        item: dict[str, Any] = {
            "line": block.line,
            "text": block.text,
            # The member's value as stored (`.value` is a property lookup, costly on every removed line).
            "stage": block.removal.stage._value_,
            "reason": block.removal.reason,
        }
        if block.removal.duplicate_of is not None:
            item["duplicate_of"] = block.removal.duplicate_of
            item["score"] = block.removal.score
        removed.append(item)
    by_stage = Counter(item["stage"] for item in removed)
    meta = doc.meta
    return {
        "schema": SCHEMA_VERSION,
        "source": doc.source,
        "format": doc.input_format,
        "encoding": doc.encoding,
        "title": meta.title,
        "date": meta.date,
        "status": meta.status,
        "url": meta.url,
        "canonical_url": meta.canonical_url,
        "author": meta.author,
        "language": meta.language if meta.language else (doc.analysis.language if doc.analysis else None),
        "verdict": doc.verdict.value,
        "page_kind": doc.page_kind.value,
        "teaser": "\n\n".join(doc.teaser) if doc.teaser is not None else None,
        "text": "\n\n".join(paragraphs),
        "paragraphs": paragraphs,
        "removed": removed,
        "counts": {
            "blocks": len(doc.blocks),
            "kept": len(paragraphs),
            "removed": len(removed),
            "removed_by_stage": dict(sorted(by_stage.items())),
            "chars_kept": sum(len(p) for p in paragraphs),
        },
        "extra": dict(meta.extra),
    }


def to_json(doc: Document, indent: int | None = 2) -> str:
    """The JSON record as a string (indented by default; indent=None gives one line, as in JSONL)."""
    return json_text(to_dict(doc), indent)


def json_text(value: Any, indent: int | None = None) -> str:
    r"""JSON with non-ASCII text as it is, except lone surrogates (the bytes of a file name that is
    not UTF-8), written as \udcXX escapes: the output is always valid UTF-8, and json.loads gives
    the same string back.

    >>> json_text({"source": "caf\udce9.txt", "title": "Café"})
    '{"source": "caf\\udce9.txt", "title": "Café"}'
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    try:
        # Nearly every record holds no lone surrogate: UTF-8 encoding says so at C speed, three
        # times faster than the search (and ASCII text faster still).
        if text.isascii() or text.encode("utf-8"):
            return text
    except UnicodeEncodeError:  # only a lone surrogate makes str.encode("utf-8") fail
        pass
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


FORMATS = ("text", "json", "jsonl")


def render(doc: Document, fmt: str, title: bool = True) -> str:
    """One document in an output format: "text", "json" (indented) or "jsonl" (one line); newline-terminated."""
    if fmt == "json":
        return to_json(doc) + "\n"
    if fmt == "jsonl":
        return to_json(doc, indent=None) + "\n"
    return to_text(doc, title=title)

"""JSON Lines: one record per line, its text or HTML in one field, its other fields kept as metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from .raw import RawDocument

# Looked for in this order when no --field is given. HTML first: when a record has both, the
# markup lets trafilatura find the article, while a scraper's text has already lost that.
JSONL_FIELDS = ("html", "raw_html", "text", "raw_content", "content", "body")
HTML_FIELDS = {"html", "raw_html"}
# Record keys that mean a metadata field under another name.
META_ALIASES = {"uri": "url", "link": "url", "lang": "language", "status_code": "status", "http_status": "status"}
# Longer values are content, not metadata (another text field of the record, say).
MAX_META_CHARS = 2000
READ_CHUNK = 1 << 20


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int = 0, field: str | None = None) -> Iterator[RawDocument]:
    """One RawDocument per non-blank line, keyed by line number; a bad line becomes a document with a problem."""
    number = 0
    while True:
        line, complete = _read_line(stream, max_bytes, source)
        if not line:
            return
        number += 1
        key = str(number)
        name = f"{source}#{key}"
        if not complete:
            _skip_rest_of_line(stream)
            yield RawDocument(name, b"", record=key, problem=f"line longer than --max-bytes ({max_bytes:,} bytes)")
        elif line.strip():
            yield record_document(line, name, key, field)


def read_json_document(data: bytes, source: str, field: str | None = None) -> Iterator[RawDocument]:
    """A JSON document that is not JSON Lines: one object is one record, an array holds one per item."""
    try:
        value = json.loads(data)
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    items = value if isinstance(value, list) else [value]
    for number, item in enumerate(items, start=1):
        key = str(number)
        yield record_from(item, f"{source}#{key}", key, field)


def record_document(line: bytes, name: str, key: str, field: str | None) -> RawDocument:
    """The RawDocument of one JSONL line (with a `problem` instead of data when it is unusable)."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return RawDocument(name, b"", record=key, problem="not UTF-8 text")
    except json.JSONDecodeError as exc:
        return RawDocument(name, b"", record=key, problem=f"invalid JSON ({exc.msg} at column {exc.colno})")
    return record_from(record, name, key, field)


def record_from(record: Any, name: str, key: str, field: str | None) -> RawDocument:
    """The RawDocument of one parsed record (with a `problem` instead of data when it is unusable)."""
    if not isinstance(record, dict):
        return RawDocument(name, b"", record=key, problem=f"not a JSON object but {_json_type(record)}")
    chosen = field or _detect_field(record)
    if chosen is None:
        tried = ", ".join(JSONL_FIELDS)
        return RawDocument(name, b"", record=key, problem=f"no text field (looked for {tried}); choose one with --field")
    value = record.get(chosen)
    if not isinstance(value, str):
        what = "missing" if chosen not in record else f"{_json_type(value)}, not a string"
        return RawDocument(name, b"", record=key, problem=f'field "{chosen}" is {what}')
    content_type = "text/html" if chosen in HTML_FIELDS else None
    return RawDocument(name, value.encode("utf-8"), record_metadata(record, chosen), key, content_type=content_type)


def record_metadata(record: dict[str, Any], content_field: str) -> dict[str, str | int]:
    """The record's scalar fields other than its content, under newsclean's names where they have one.

    >>> record_metadata({"text": "...", "url": "https://a.example/x", "id": 7, "lang": "en", "html": None}, "text")
    {'url': 'https://a.example/x', 'id': '7', 'language': 'en'}
    """
    meta: dict[str, str | int] = {}
    for key, value in record.items():
        if key == content_field or key in JSONL_FIELDS or value is None or isinstance(value, (dict, list)):
            continue
        name = META_ALIASES.get(key, key)
        if name == "status" and isinstance(value, int) and not isinstance(value, bool):
            meta.setdefault(name, value)
        elif len(text := str(value)) <= MAX_META_CHARS:
            meta.setdefault(name, text)
    return meta


def _detect_field(record: dict[str, Any]) -> str | None:
    """The first known content field holding text, preferring a non-empty one."""
    strings = [name for name in JSONL_FIELDS if isinstance(record.get(name), str)]
    return next((name for name in strings if record[name].strip()), strings[0] if strings else None)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(type(value), "a number")


def _read_line(stream: BinaryIO, max_bytes: int, source: str) -> tuple[bytes, bool]:
    """The next line (b"" at the end) and whether it is whole, reading at most max_bytes of it."""
    try:
        line = stream.readline(max_bytes + 1 if max_bytes > 0 else -1)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    too_long = max_bytes > 0 and len(line) > max_bytes and not line.endswith(b"\n")
    return line, not too_long


def _skip_rest_of_line(stream: BinaryIO) -> None:
    """Read past the end of an over-long line in bounded chunks."""
    while True:
        chunk = stream.readline(READ_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return

"""Header lines scrapers put on top of a dump (` date 2025-10-28 403`, ` url https://...`) become metadata."""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document, Stage

KEY_VALUE = re.compile(r"^(?P<key>[a-z][a-z_-]{1,20})(?:\s*[:=]\s*|\s+)(?P<value>\S.*)$")
ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")
STATUS = re.compile(r"^[1-5]\d\d$")
URL = re.compile(r"^(?:https?|ftp)://\S+$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")

DATE_KEYS = {"date", "fetched", "crawled", "time", "timestamp", "published", "retrieved"}
URL_KEYS = {"url", "uri", "link", "source", "location"}
STATUS_KEYS = {"status", "code", "http", "http_status", "status_code"}
TEXT_KEYS = {"title", "author", "id", "domain", "host", "site", "charset", "encoding", "content-type"}
LANGUAGE_KEYS = {"lang", "language"}


def parse_header_line(text: str) -> dict[str, str | int] | None:
    """The fields of one header line, or None when the line is not a header line.

    >>> parse_header_line("date 2025-10-28 403")
    {'date': '2025-10-28', 'status': 403}
    >>> parse_header_line("url https://example.com/a") == {'url': 'https://example.com/a'}
    True
    >>> parse_header_line("Date of the match was moved") is None
    True
    """
    m = KEY_VALUE.match(text)
    if not m:
        return None
    key, value = m.group("key"), m.group("value").strip()
    if key in DATE_KEYS:
        date = ISO_DATE.search(value)
        if not date or date.start() != 0:
            return None
        fields: dict[str, str | int] = {"date" if key == "date" else key: date.group(0)}
        for rest in value[date.end():].split():
            if STATUS.match(rest):
                fields["status"] = int(rest)
            else:
                return None  # anything else after the date: not a header we understand
        return fields
    if key in URL_KEYS:
        return {"url": value} if URL.match(value) else None
    if key in STATUS_KEYS:
        return {"status": int(value)} if STATUS.match(value) else None
    if key in LANGUAGE_KEYS:
        return {"language": value} if LANGUAGE.match(value) else None
    if key in TEXT_KEYS:
        return {key: value}
    return None


def mark_header(doc: Document, config: Config) -> Document:
    """Take the leading header lines as metadata and remove them from the body."""
    for block in doc.blocks[: config.header_max_lines]:
        fields = parse_header_line(block.text)
        if fields is None:
            break
        for key, value in fields.items():
            if key == "status":
                doc.meta.status = int(value)
            elif key in ("date", "url", "title", "author", "language"):
                if getattr(doc.meta, key) is None:
                    setattr(doc.meta, key, str(value))
            else:
                doc.meta.extra[key] = str(value)
        names = ", ".join(fields)
        block.remove(Stage.HEADER, f"header line ({names})")
    return doc

"""A page's metadata (title, author, date, canonical URL, language) from its parsed tree.

trafilatura's own `extract_metadata` also works out the site name, categories, tags and
licence, which newsclean does not report; skipping them saves about a tenth of the time of a
page. The pieces used here are trafilatura's and htmldate's, in trafilatura's order of trust:
`<meta>` tags, then JSON-LD, then the page's own markup (`<h1>`, bylines, `<link rel=canonical>`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..document import Metadata
from .text import normalize_line

if TYPE_CHECKING:
    from lxml.html import HtmlElement

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def page_metadata(tree: HtmlElement) -> Metadata:
    """Title, author, publication date, canonical URL and declared language of a page."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
        extract_url,
    )

    found: Any = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a single token in an author tag is a handle or a site name (as trafilatura does)
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - broken JSON-LD on a page must not lose the page (trafilatura does the same)
        pass
    title = found.title or extract_title(tree)
    author = found.author or extract_author(tree)
    url = found.url or extract_url(tree)
    # No extensive search: it runs dateparser over free text, whose first call in a process costs
    # seconds (locale tables), and finds few dates the structured search misses.
    date = find_date(tree, url=url, extensive_search=False, original_date=True)
    return Metadata(
        title=_clean(title),
        date=date or None,
        author=_clean(author),
        url=_clean(url),
        language=declared_language(tree),
        page_title=_clean(next((t.text_content() for t in tree.iter("title")), None)),
    )


def declared_language(tree: HtmlElement) -> str | None:
    """The language the page declares in `<html lang>` (or xml:lang), if it is a well-formed tag."""
    for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        value = (tree.get(attribute) or "").strip()
        if LANGUAGE_TAG.match(value):
            return value
    return None


def _clean(value: str | None) -> str | None:
    return normalize_line(value) or None if value else None

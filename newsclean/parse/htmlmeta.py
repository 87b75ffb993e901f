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

# The declared titles' tags: og:title and the like.
META_TITLES = ('//meta[@property="og:title" or @name="og:title" or @name="twitter:title" '
               'or @property="twitter:title"]/@content')
# Bounds on what is read: a headline is short, and a page has few of them.
MAX_H1 = 3
MAX_TITLE_CHARS = 500
MAX_JSON_LD = 10
MAX_JSON_LD_CHARS = 200_000
MAX_SITE_NAME_WORDS = 5
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
        title_candidates=title_candidates(tree, found.title),
        site_names=tuple(name for name in (site_name(found.sitename), _clean(url)) if name),
        page_title=_clean(next((t.text_content() for t in tree.iter("title")), None)),
    )


def title_candidates(tree: HtmlElement, meta_title: str | None) -> tuple[tuple[str, str], ...]:
    """Every title the page declares, as (where, text): og:title and the like, JSON-LD headline,
    the first <h1> elements, and <title>; the headline stage chooses among them."""
    found: list[tuple[str, str]] = []
    for where, values in (
        ("meta", [meta_title]),
        ("og:title", tree.xpath(META_TITLES)),
        ("ld", json_ld_headlines(tree)),
        ("h1", [h.text_content() for h in tree.xpath("//h1")[:MAX_H1]]),
        ("title", tree.xpath("//head/title/text()")[:1] or tree.xpath("//title/text()")[:1]),
    ):
        for value in values:
            text = _clean(str(value)[:MAX_TITLE_CHARS]) if value else None
            if text and (where, text) not in found:
                found.append((where, text))
    return tuple(found)


def json_ld_headlines(tree: HtmlElement) -> list[str]:
    """The `headline` (or `name` of an article) values in the page's JSON-LD, outermost first."""
    import html
    import json

    headlines: list[str] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()')[:MAX_JSON_LD]:
        try:
            data = json.loads(script[:MAX_JSON_LD_CHARS])
        except ValueError:
            continue  # broken JSON-LD is common; it only loses a candidate
        stack = [data]
        while stack and len(headlines) < MAX_H1:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("headline"), str):
                    # JSON-LD is written by templates that sometimes escape it as HTML ("you&#039;ll").
                    headlines.append(html.unescape(item["headline"]))
                stack.extend(v for k, v in item.items() if k == "@graph" or (k == "mainEntity" and isinstance(v, (dict, list))))
    return headlines


def declared_language(tree: HtmlElement) -> str | None:
    """The language the page declares in `<html lang>` (or xml:lang), if it is a well-formed tag."""
    for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        value = (tree.get(attribute) or "").strip()
        if LANGUAGE_TAG.match(value):
            return value
    return None


def site_name(value: str | None) -> str | None:
    """The site's declared name, unless it is too long to be one (some pages put their title there)."""
    name = _clean(value)
    return name if name and len(name.split()) <= MAX_SITE_NAME_WORDS else None


def _clean(value: str | None) -> str | None:
    return normalize_line(value) or None if value else None

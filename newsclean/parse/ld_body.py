"""The article of a page that shows it only in its JSON-LD `articleBody` (a script's shell).

A page built by a script in the browser (`<div id="root">` and a loading notice) shows no article
to a reader of its markup; the publisher's own copy of the text is in its JSON-LD. When the page's
visible text is far shorter than that copy, the copy's paragraphs are the page's article: they are
added as blocks below the visible ones, set in `<p>` inside the article and part of the body, so the
stages read them as any shown article (the fast engine's reading; trafilatura reads such a body
itself).
"""

from __future__ import annotations

import re
from html import unescape

from ..document import Block, DomFeatures
from .text import normalize_line

# Some publishers give the body as markup: a paragraph's or line's end is a break, other tags go.
BREAK_TAG = re.compile(r"<\s*(?:/p|br|/div|/h[1-6]|/li)\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^<>]{0,1000}>")

# The body must be at least this long (characters, spaces aside) and the page's visible text at most
# SHELL_SHARE of it: a page that shows a teaser or the whole article keeps its own blocks.
MIN_SHELL_BODY_CHARS = 300
SHELL_SHARE = 0.5
MAX_SHELL_BODY_CHARS = 500_000


def shell_body_blocks(blocks: list[Block], article_body: str | None, visible_chars: int) -> list[Block]:
    """blocks, followed by the paragraphs of article_body when the page shows too little text to be
    showing it (visible_chars, spaces aside, under SHELL_SHARE of the body's)."""
    if not article_body:
        return blocks
    body = article_body[:MAX_SHELL_BODY_CHARS]
    if "<" in body:
        body = unescape(TAG.sub(" ", BREAK_TAG.sub("\n", body)))
    paragraphs = [normalize_line(part) for part in body.splitlines()]
    paragraphs = [text for text in paragraphs if text]
    body_chars = sum(len(text) - text.count(" ") for text in paragraphs)
    if body_chars < MIN_SHELL_BODY_CHARS or visible_chars >= SHELL_SHARE * body_chars:
        return blocks
    dom = DomFeatures("p", True, 0.0, None, True)
    first = blocks[-1].line + 1 if blocks else 1
    return blocks + [Block(first + number, text, None, dom) for number, text in enumerate(paragraphs)]

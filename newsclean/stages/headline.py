"""The headline inside extracted HTML: the page's title repeated as the first paragraph.

trafilatura often keeps the `<h1>` as the body's first paragraph while also returning it as the
title. Like the text-dump `title` stage, this marks that paragraph `title` (kept as metadata),
so the body starts with the article's first real paragraph.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..config import Config
from ..document import Document, Removal, Stage
from ..parse.text import fold

# The headline sits above the body: only the first few kept paragraphs are looked at.
SCAN_BLOCKS = 3
MATCH_SCORE = 90.0
# "Headline | Site name", "Headline - Section - Site": the parts a page title is built of.
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[|\-–—:·•»]\s+")


def title_variants(title: str) -> set[str]:
    """The folded title and each of its separator-delimited parts.

    >>> sorted(title_variants("Rain again | The Daily Planet"))
    ['rain again', 'rain again the daily planet', 'the daily planet']
    """
    parts = [title, *TITLE_SEPARATORS.split(title)]
    return {folded for folded in map(fold, parts) if folded}


def mark_headline(doc: Document, config: Config) -> Document:
    """Mark the paragraph near the top that repeats the page's title as the headline."""
    if not doc.meta.title:
        return doc
    wanted = title_variants(doc.meta.title)
    for block in doc.kept()[:SCAN_BLOCKS]:
        folded = fold(block.text)
        if folded and any(fuzz.ratio(folded, variant) >= MATCH_SCORE for variant in wanted):
            block.removal = Removal(Stage.TITLE, "headline (kept as the title)")
            break
    return doc

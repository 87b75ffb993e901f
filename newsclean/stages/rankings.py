"""Rankings of other posts above the article: numbered items that each end in a bracketed count
("1. Some title (40819)", "2. Other title (7928)"), the counts never rising (most read, most
commented), one ranking after another under its short heading. The line model reads their titles
as text, and the span starts on them."""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from ..parse.text import is_list_item

# The count at the item's end: a number in brackets, nothing after it.
COUNT = re.compile(r"[(（\[]\s*(\d+)\s*[)）\]]\s*$")
# A ranking has this many items or more.
MIN_RANKED = 3
# A ranking's heading ("Most read") is a short line with no sentence end.
HEADING_WORDS = 8
RANKING_NOTE = "a ranking of other posts (numbered, with their counts)"


def ranked_count(text: str) -> int | None:
    """The count a ranking's item ends with, or None for a line that is no such item."""
    if not is_list_item(text):
        return None
    match = COUNT.search(text)
    return int(match.group(1)) if match else None


def rankings_end(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span [start, end) starts without the rankings at its head (MIN_RANKED items or
    more each, counts never rising, a short heading between two rankings), when running text
    follows them; `start` unchanged otherwise."""
    i, previous, ranked, shortest = start, None, 0, None
    while i < end:
        count = ranked_count(texts[i])
        if count is not None and (previous is None or count <= previous):
            previous, ranked = count, ranked + 1
            i += 1
            continue
        next_count = ranked_count(texts[i + 1]) if i + 1 < end else None
        is_heading = not lines[i].sentence_end and lines[i].size - lines[i].numbers <= HEADING_WORDS
        if count is None and previous is not None and is_heading and next_count is not None:
            # A heading, then the next ranking: the last one must have been a whole ranking.
            shortest = ranked if shortest is None else min(shortest, ranked)
            previous, ranked = None, 0
            i += 1
            continue
        break
    shortest = ranked if shortest is None else min(shortest, ranked)
    if shortest < MIN_RANKED or not any(f.is_prose for f in lines[i:end]):
        return start
    return i

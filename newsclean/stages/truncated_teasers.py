"""Truncated teasers at the span's head: a list of other posts whose titles the site cut short
with an ellipsis ("Ten days on the coast: where we slept and what we..."), above the article.
Cut titles end like a sentence to the line model (the ellipsis), so in scripts without spaces
between words they read as short sentences and the span starts on them. A title cut short is
never the article's own text: the article starts below the last one, where the span's sum from
there to its end is largest, and below the article's date line when one follows the list (the
blog's menus between the list and the article go too). Language-independent: only the ellipsis,
the lines' sizes and a date's shape."""

from __future__ import annotations

from ..model.features import LineFeatures
from ..parse.text import TRAILING_CLOSERS
from .streams import stamp_shape

# An ellipsis at the very end of a line, after the cut text (three dots or the one character),
# with at most a closing bracket or quote after it.
ELLIPSES = ("...", "…")
# A list of cut titles holds this many, ...
MIN_TRUNCATED = 3
# ... and they are at least this share of the lines from the span's start to the last of them.
MIN_TRUNCATED_SHARE = 0.25
# A teaser's title is a short line: a line longer than this above the last cut one is a
# paragraph, and the span starts in the article already (prose that trails off "……").
MAX_TITLE_SIZE = 25
# The article's date line (a date and a time of day) within this many lines below the list: the
# article's header; its text starts below it.
MAX_DATE_DISTANCE = 15
TRUNCATED_NOTE = "a list of other posts' titles cut short (…)"


def is_truncated(text: str) -> bool:
    """A line that ends with an ellipsis: a title the site cut short."""
    return text.rstrip(TRAILING_CLOSERS + " ").endswith(ELLIPSES)


def truncated_teasers_end(
    lines: list[LineFeatures], texts: list[str], gains: list[float], start: int, end: int
) -> int:
    """Where the span [start, end) starts without the list of cut titles at its head: right
    below the date line that follows the last of them within MAX_DATE_DISTANCE lines, else the
    line below it from which the span's sum to `end` is largest; `start` when the head holds no
    such list (fewer than MIN_TRUNCATED cut titles, too few among its lines, or a paragraph
    above the last of them) or nothing worth keeping follows it."""
    last, count = None, 0
    for i in range(start, end):
        if lines[i].size > MAX_TITLE_SIZE:
            break  # the article's first paragraph: no teaser list above it goes on below
        if is_truncated(texts[i]):
            last, count = i, count + 1
    if last is None or count < MIN_TRUNCATED or count < MIN_TRUNCATED_SHARE * (last + 1 - start):
        return start
    dated = next((i for i in range(last + 1, min(end, last + 1 + MAX_DATE_DISTANCE)) if stamp_shape(lines[i], texts[i])), None)
    if dated is not None and dated + 1 < end:
        return dated + 1  # the article's header: its headline, then its text
    # The best start below the list: the suffix of [last + 1, end) with the largest sum.
    best, best_start, total = 0.0, end, 0.0
    for i in range(end - 1, last, -1):
        total += gains[i]
        if total > best:
            best, best_start = total, i
    return best_start if best_start < end else start

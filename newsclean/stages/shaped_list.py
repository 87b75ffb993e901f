"""A list the article's last sentence introduces, below the span: entries of one shape, each
with a number and a few words ("Tuesday, September 24, 2024 at 2:30 PM", "Arsenal 2-1 Chelsea"),
a meeting calendar or a table of results that is the article's substance. The line model scores
such entries low (short, no sentence end, like a menu's labels), so the span kept the sentence
that announces them and lost the list: the article that is a list read as menus and links.

An entry is told by its shape alone (its words, numbers and marks, with each run of words and
each run of digits counting once), so a calendar's dates or a table's scores in any language
match one another; a menu's labels hold no number, an archive's "December 2014 (3)" one word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures
from .item_lists import MIN_ITEMS, is_items_heading
from .keyed_list import is_intro
from .list_article import INTRO_WORDS, flagged_runs
from .span_edges import has_contact

# An entry holds a number and at least this many words that are no numbers (a date and a place,
# two teams and their score); an archive's month and count, or a page counter, has fewer.
MIN_ENTRY_WORDS = 2
# ... and no more than this many words: a row, not a paragraph.
MAX_ENTRY_WORDS = 15
# A list has at least this many entries of one shape, and they are this share or more of its
# entries; a row that carries a note after that shape counts ("... at 2:30 PM **Telephonic").
MIN_SHAPED_ENTRIES = 3
MIN_SHAPE_SHARE = 2 / 3
# The list is the article's substance: the text above it holds at most this many times the
# list's words (a long story's last short sentence over a box of dated teasers is no calendar).
MAX_TEXT_PER_LIST_WORD = 2.0
# The list's shape is one of its first few entries' (a list of entries all of different shapes
# is none, and each candidate is matched against every entry once).
SHAPE_CANDIDATES = 3
# A run of letters (in any script) or of digits; what is left is marks and spaces.
LETTERS = re.compile(r"[^\W\d_]+")
DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
REPEATED_WORDS = re.compile(r"a{2,}")


def entry_shape(text: str) -> str:
    """The line's shape: each run of letters an "a", each run of digits a "0", marks kept, spaces
    dropped, and words in a row one "a" ("Crystal Palace 0-3 Aston Villa" and "Leeds 3-2 Burnley"
    are both "a0-0a")."""
    shape = SPACES.sub("", DIGITS.sub("0", LETTERS.sub("a", text)))
    return REPEATED_WORDS.sub("a", shape)


def is_shaped_entry(features: LineFeatures, text: str) -> bool:
    """A line that can be an entry of a list: a number, MIN_ENTRY_WORDS to MAX_ENTRY_WORDS other
    words, no sentence end, no contact (an address block's "Tel: 555 0100" lines)."""
    words = features.words - features.numbers
    return (
        features.numbers >= 1
        and MIN_ENTRY_WORDS <= words <= MAX_ENTRY_WORDS
        and not features.sentence_end
        and not has_contact(text)
    )


def of_one_shape(entries: Sequence[str], least: int) -> bool:
    """`least` or more of the entries, and MIN_SHAPE_SHARE of them, have one shape (one of the
    first SHAPE_CANDIDATES entries' shapes, perhaps with a note after it)."""
    shapes = [entry_shape(text) for text in entries]
    candidates = shapes[:SHAPE_CANDIDATES]
    alike = max((sum(shape.startswith(candidate) for shape in shapes) for candidate in candidates), default=0)
    return alike >= least and alike >= MIN_SHAPE_SHARE * len(shapes)


def shaped_entries_below(lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int) -> int:
    """The span's end moved down over a list of entries below it (up to `stop`), when the span's
    last line, or the line right below its running text, is a short line that announces it
    (keyed_list.is_intro) and the entries right below that line, in a row, are MIN_SHAPED_ENTRIES or more of one shape (or that shape and a note) making
    MIN_SHAPE_SHARE of them, and the span holds at most MAX_TEXT_PER_LIST_WORD times the list's
    words; `end` unchanged otherwise."""
    if end <= start or end >= stop:
        return end
    # The announcing line is the span's last, or the line right below its running text (a line
    # ending with a colon, trimmed from the span's edge as a heading).
    intro = end - 1 if is_intro(lines[end - 1], texts[end - 1]) else end
    if intro == end and not (lines[end - 1].is_prose and is_intro(lines[end], texts[end])):
        return end
    last = intro + 1
    while last < stop and is_shaped_entry(lines[last], texts[last]):
        last += 1
    if not of_one_shape(texts[intro + 1 : last], MIN_SHAPED_ENTRIES):
        return end
    text, listed = (sum(f.size for f in lines[a:b]) for a, b in ((start, end), (intro + 1, last)))
    return last if text <= MAX_TEXT_PER_LIST_WORD * listed else end


def is_list_entry(features: LineFeatures, text: str) -> bool:
    """A short line (MAX_ENTRY_WORDS words at most) with a digit, as a word or inside one (a
    match's minute, "12'"), no sentence end and no contact: an entry of a list inside the text."""
    return 0 < features.words <= MAX_ENTRY_WORDS and not features.sentence_end and DIGITS.search(text) is not None and not has_contact(text)


def entry_list_lines(lines: list[LineFeatures], texts: list[str]) -> set[int]:
    """Positions of the entries of lists of one shape inside the text (is_list_entry: a match's
    minutes, "12' Shot wide" then "31' GOAL - Rovers 0-1 City (Grant)"): MIN_ITEMS
    (item_lists.py) or more in a row, of one shape, right under a short heading (is_items_heading) that stands right
    under running text, with running text right below them (the article goes on). Their lines
    read as running text now and then, as no recipe's item does; a box of dated teasers below an
    article has no paragraph of the article under it."""
    found: set[int] = set()
    for first, last in flagged_runs([is_list_entry(f, t) for f, t in zip(lines, texts)], max_gap=0):
        head = first - 1
        if head < 1 or last >= len(lines) or not (lines[head - 1].is_prose and lines[last].is_prose):
            continue
        if last - first >= MIN_ITEMS and is_items_heading(lines[head], texts[head]) and of_one_shape(texts[first:last], MIN_ITEMS):
            found.update(range(first, last))
    return found


# A page with no running text is a list of this many entries or more of one shape under its
# heading (a results table, a calendar) rather than menus and links.
MIN_PAGE_ENTRIES = 4


def is_list_head(features: LineFeatures, text: str) -> bool:
    """A line that can head a list: a heading (INTRO_WORDS words or more, no sentence end) or a
    short line announcing it (keyed_list.is_intro)."""
    return (features.words >= INTRO_WORDS and not features.sentence_end) or is_intro(features, text)


def shaped_region(lines: Sequence[LineFeatures], texts: Sequence[str]) -> tuple[int, int] | None:
    """The [start, end) of the longest run of MIN_PAGE_ENTRIES or more entries of one shape right
    under a line that heads it (is_list_head), that line included; None when there is none. (A
    heading with a date in it, "Results, Saturday 12 March", reads as the run's first entry.)"""
    best: tuple[int, int] | None = None
    for first, last in flagged_runs([is_shaped_entry(f, t) for f, t in zip(lines, texts)], max_gap=0):
        head = first - 1 if first > 0 and is_list_head(lines[first - 1], texts[first - 1]) else first
        if head == first and not is_list_head(lines[first], texts[first]):
            continue
        if of_one_shape(texts[head + 1 : last], MIN_PAGE_ENTRIES) and (best is None or last - head > best[1] - best[0]):
            best = (head, last)
    return best


# A ranking counts on: each entry opens with the number after the one above ("1. Name - Title",
# "2. ..."), whatever else its words and marks are.
LEADING_COUNT = re.compile(r"(\d{1,3})(?!\d)")


def leading_count(features: LineFeatures, text: str) -> int | None:
    """The number a line opens with, when words follow it and no sentence ends it; else None."""
    match = LEADING_COUNT.match(text)
    if match is None or features.sentence_end or features.words - features.numbers < 1:
        return None
    return int(match.group(1))


def counted_region(lines: Sequence[LineFeatures], texts: Sequence[str]) -> tuple[int, int] | None:
    """The [start, end) of the longest run of MIN_PAGE_ENTRIES or more lines whose opening numbers
    count on by one (a ranking), with the line right above it when that line heads it; None when
    there is none."""
    best: tuple[int, int] | None = None
    first, previous = 0, None
    for i in range(len(lines) + 1):
        count = leading_count(lines[i], texts[i]) if i < len(lines) else None
        if count is not None and previous is not None and count == previous + 1:
            previous = count
            continue
        if previous is not None and i - first >= MIN_PAGE_ENTRIES and (best is None or i - first > best[1] - best[0]):
            best = (first, i)
        first, previous = i, count
    if best is not None and best[0] > 0 and is_list_head(lines[best[0] - 1], texts[best[0] - 1]):
        best = (best[0] - 1, best[1])
    return best

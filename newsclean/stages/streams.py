"""Streams of dated entries below an article: comments, forum replies, a blog's older posts, a
list of other stories. Each entry carries a stamp of one shape at its head or foot: a machine's
date and time by a name or a title ("# re: Title 2004-12-27 12:46 name"), or a line that is a date
and nothing else (a teaser's foot, "1月13日", "May 18, 2024"). The article above them carries none
(its own date stands above its text). A time alone is a live blog's stamp, whose entries are one
article; a date inside a sentence is a timeline's."""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate

from ..model.features import LineFeatures

# A date: three numbers joined by one separator (2004-12-27, 27.12.2004, 12/27/04), a CJK month
# and day (12月27日, 2004年12月27日), a day, a month's name and a year ("28. April 2024"), or a
# month's name, a day and a year ("July 18, 2026").
DATE = (
    r"\d{1,4}([-/.])\d{1,2}\1\d{2,4}|(?:\d{2,4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\.?\s[^\W\d]{3,12}\.?\s\d{4}|[^\W\d]{3,12}\.?\s\d{1,2},?\s\d{4}"
)
# A machine's time stamp: a date (or a month and day, 08-11) and a time of day (12:46).
STAMP = re.compile(rf"(?<![\d.])(?:{DATE}|\d{{1,2}}[-/]\d{{1,2}})[^\d:]{{0,5}}\d{{1,2}}:\d{{2}}(?!\d)")
# A line that is a date and nothing else.
DATE_LINE = re.compile(rf"\(?(?:{DATE})\)?")
DIGITS = re.compile(r"\d+")
# The stamp stands at the head or the foot of its line (a header "# re: Title 2004-12-27 name"
# is short; a forum's reply line ends with it): within this many characters of either end.
STAMP_EDGE_CHARS = 40
# An entry's stamp line is no long paragraph (a timeline's dated sentences are the article).
MAX_STAMP_WORDS = 40
# A time stamp comes with a name or a title: this many words that are no numbers (a table row
# of dates, times and counts is data).
MIN_STAMP_WORDS = 2
# This many stamps of one shape below the article's first running text make a stream.
MIN_ENTRIES = 3
# The article above the first stamp is at least this share of the entry below it (entries are
# alike; the body below the article's own dateline is many times its standfirst).
ENTRY_SHARE = 0.5
# Entries of a stream: their stamps at most this many lines apart.
MAX_ENTRY_LINES = 15
# An entry's stamp stands at most this many lines above its text (below a headline and a byline).
LEAD_LINES = 3
# The article above the stream holds at least this many words of running text.
MIN_ARTICLE_WORDS = 15
STREAM_NOTE = "a stream of dated entries (comments, replies, other stories)"


def stamp_shape(features: LineFeatures, text: str) -> str | None:
    """The shape of the time stamp a line carries at its head or foot ("0-0-00:0"), or of the
    date that is the whole line ("0月0日"); None for a line without one (or a paragraph that
    opens with a date and time)."""
    # A stamp holds two numbers or more: most lines go at once, without a regular expression.
    if features.numbers < 2 or features.size > MAX_STAMP_WORDS:
        return None
    match = DATE_LINE.fullmatch(text.strip())
    if match is None:
        if features.words - features.numbers < MIN_STAMP_WORDS or ":" not in text:
            return None
        match = STAMP.search(text)
        if match is None:
            return None
    at_foot = len(text) - match.end() <= STAMP_EDGE_CHARS
    # A paragraph opening with a date and time is a timeline's; a reply's title ends with its stamp.
    if not at_foot and (features.is_prose or match.start() > STAMP_EDGE_CHARS):
        return None
    return re.sub(r"\s+", "", DIGITS.sub("0", match.group()))


def stream_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where a stream of dated entries starts inside the span [start, end), below the article's
    running text; `end` when there is none."""
    first_prose = next((i for i in range(start, end) if lines[i].is_prose), end)
    # Only lines with two numbers or more can hold a stamp (see stamp_shape): most never get there.
    shapes = [(i, stamp_shape(lines[i], texts[i])) for i in range(first_prose + 1, end) if lines[i].numbers >= 2]
    counts = Counter(shape for _, shape in shapes if shape)
    streams = {shape for shape, n in counts.items() if n >= MIN_ENTRIES}
    if not streams:
        return end
    # A stamp of the stream's shape right above the first running text: that text is the first
    # entry itself (a section front, a blog's front page), not an article above a stream.
    lead = {stamp_shape(lines[i], texts[i]) for i in range(max(0, first_prose - LEAD_LINES), first_prose)}
    if lead & streams:
        return end
    stamps = [i for i, shape in shapes if shape in streams]
    # Running text in words, summed from `start` (prefix sums: each candidate below costs O(1)).
    prose = [0.0, *accumulate(f.size if f.is_prose else 0.0 for f in lines[start:end])]

    def words(a: int, b: int) -> float:
        return prose[min(b, end) - start] - prose[min(a, end) - start]

    # Runs of stamps at most MAX_ENTRY_LINES apart, and the longest entry from each stamp on.
    run_end = list(range(len(stamps)))
    longest = [0] * len(stamps)
    for k in range(len(stamps) - 2, -1, -1):
        gap = stamps[k + 1] - stamps[k]
        if gap <= MAX_ENTRY_LINES:
            run_end[k], longest[k] = run_end[k + 1], max(gap, longest[k + 1])
    for k in range(len(stamps) - 1):
        last = run_end[k]
        if last - k + 1 < MIN_ENTRIES:
            continue
        above = words(start, stamps[k])
        # Below the last stamp, its entry is as long as the longest entry of the run at most.
        after = words(stamps[last] + longest[k], end)
        # Running text above the first stamp as long as half the entry it opens (an article's
        # own dateline, with its body below, is no comment), and the article does not resume below
        # the entries (rows of a table with dates and times inside the article).
        if above >= MIN_ARTICLE_WORDS and ENTRY_SHARE * words(stamps[k], stamps[k + 1]) <= above and after < above:
            return stamps[k]
    return end

"""Streams of dated entries below an article: comments, forum replies, a blog's older posts, a
list of other stories. Each entry carries a stamp of one shape at its head or foot: a machine's
date and time by a name or a title ("# re: Title 2004-12-27 12:46 name"), or a line that is a date
and nothing else (a teaser's foot, "1月13日", "May 18, 2024"), or a time relative to now on a
short line of its own or by a name ("3 hours ago", "vor 2 Stunden", "2 天前": a number and a
unit of time, the units per language in rules/*.toml as time_units). The article above them carries none
(its own date stands above its text). A time alone is a live blog's stamp, whose entries are one
article; a date inside a sentence is a timeline's. The same stamps at the span's head are a rail
of other stories above the article; the article's own header date line printed below it with
another date or time is the next story of an endless page."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from itertools import accumulate

from ..model.features import LineFeatures
from ..parse.text import LazyPattern
from ..rules import PhraseSet
from .repeated_headline import is_paragraph

# A date: three numbers joined by one separator (2004-12-27, 27.12.2004, 12/27/04), a CJK month
# and day (12月27日, 2004年12月27日), a day, a month's name and a year ("28. April 2024"), or a
# month's name, a day and a year ("July 18, 2026").
DATE = (
    r"\d{1,4}([-/.])\d{1,2}\1\d{2,4}|(?:\d{2,4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\.?\s[^\W\d]{3,12}\.?\s\d{4}|[^\W\d]{3,12}\.?\s\d{1,2},?\s\d{4}"
)
# A machine's time stamp: a date (or a month and day, 08-11) and a time of day (12:46).
STAMP = LazyPattern(rf"(?<![\d.])(?:{DATE}|\d{{1,2}}[-/]\d{{1,2}})[^\d:]{{0,5}}\d{{1,2}}:\d{{2}}(?!\d)")
# A line that is a date and nothing else.
DATE_LINE = LazyPattern(rf"\(?(?:{DATE})\)?")
DIGITS = re.compile(r"\d+")
CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
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
# A relative stamp stands on a short line: alone, by a name, a reply or a count of likes (the
# same number and unit inside a sentence is a duration: "the storm lasted 3 hours").
MAX_RELATIVE_WORDS = 10
# Every relative stamp has this one shape, whatever its unit: a thread's stamps run from
# minutes to days ago.
RELATIVE_SHAPE = "0ago"
# Above a stream of relative stamps, the article has this many paragraphs at least: a section
# front's or a "latest" rail's teasers show their age ("2 hours ago") below one paragraph each.
MIN_RELATIVE_PARAGRAPHS = 2
# An entry's head above its stamp (a name, a title) is this many words at most.
MAX_HEAD_WORDS = 8
STREAM_NOTE = "a stream of dated entries (comments, replies, other stories)"
LEADING_STREAM_NOTE = "a rail of other stories above it, each with its date or age"


@lru_cache(maxsize=8)
def relative_stamp(units: PhraseSet) -> LazyPattern | None:
    """The pattern of a relative time stamp on a folded line: a number of one or two digits (a
    site shows a date beyond a few weeks) and a unit of time ("3 hours", "28 minutos",
    "2 天 前"); None without units. Compiled at its first search (its hundreds of units take 4 ms,
    a third of a small page's cleaning): most pages hold no short dated line to search."""
    if not units.phrases:
        return None
    # Folding spaces CJK characters apart ("2 天 前"); a dump may write them together ("2天前").
    longest_first = sorted(units.phrases, key=len, reverse=True)
    alternatives = "|".join(re.escape(unit).replace(r"\ ", " ?") for unit in longest_first)
    return LazyPattern(rf"(?<!\w)(\d{{1,2}}) ?(?:{alternatives})(?![^\W\d_])")


def relative_shape(features: LineFeatures, text: str, relative: LazyPattern | None) -> str | None:
    """RELATIVE_SHAPE for a short line that is no sentence and carries a relative time stamp."""
    if relative is None or not features.digit_share or features.size > MAX_RELATIVE_WORDS:
        return None
    # A clock time by the age ("2 hours ago 10:05 Jon King") is a live blog's entry stamp: its
    # entries are the article.
    if features.is_prose or features.sentence_end or CLOCK.search(text):
        return None
    for reading in features.folded:
        match = relative.search(reading)
        # A number after a colon is a label's value ("Moyes (2013-2014): 295 days"), a duration.
        if match and not re.search(rf":\s*{match.group(1)}(?!\d)", text):
            return RELATIVE_SHAPE
    return None


def stamp_shape(features: LineFeatures, text: str, relative: LazyPattern | None = None) -> str | None:
    """The shape of the time stamp a line carries at its head or foot ("0-0-00:0"), of the
    date that is the whole line ("0月0日"), or RELATIVE_SHAPE for a short line with a relative
    stamp (`relative`, from relative_stamp); None for a line without one (or a paragraph that
    opens with a date and time)."""
    if features.size > MAX_STAMP_WORDS:
        return None
    # A date holds two numbers or more: most lines go at once, without a regular expression.
    absolute = absolute_shape(features, text) if features.numbers >= 2 else None
    return absolute or relative_shape(features, text, relative)


def absolute_shape(features: LineFeatures, text: str) -> str | None:
    """The shape of the date and time a line carries at its head or foot, or of the date that
    is the whole line; None for a line without one."""
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


def stream_start(
    lines: list[LineFeatures], texts: list[str], start: int, end: int, relative: LazyPattern | None = None
) -> int:
    """Where a stream of dated entries starts inside the span [start, end), below the article's
    running text; `end` when there is none. `relative` (relative_stamp) also finds stamps
    relative to now ("3 hours ago")."""
    first_prose = next((i for i in range(start, end) if lines[i].is_prose), end)
    # Only lines with two numbers or more (a date), or a digit and relative stamps to find, can
    # hold a stamp (see stamp_shape): most never get there.
    shapes = [
        (i, stamp_shape(lines[i], texts[i], relative))
        for i in range(first_prose + 1, end)
        if lines[i].numbers >= 2 or (relative is not None and lines[i].digit_share)
    ]
    counts = Counter(shape for _, shape in shapes if shape)
    streams = {shape for shape, n in counts.items() if n >= MIN_ENTRIES}
    if not streams:
        return end
    # A stamp of the stream's shape right above the first running text: that text is the first
    # entry itself (a section front, a blog's front page), not an article above a stream.
    lead = {stamp_shape(lines[i], texts[i], relative) for i in range(max(0, first_prose - LEAD_LINES), first_prose)}
    if lead & streams:
        return end
    stamps = [i for i, shape in shapes if shape in streams]
    # Running text in words, summed from `start` (prefix sums: each candidate below costs O(1)).
    prose = [0.0, *accumulate(f.size if f.is_prose else 0.0 for f in lines[start:end])]
    # Paragraphs: running text that ends a sentence (a headline in sentence case reads as prose).
    paragraphs = [0, *accumulate(int(f.is_prose and f.sentence_end) for f in lines[start:end])]
    relative_stamps = {i for i, shape in shapes if shape == RELATIVE_SHAPE}

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
        # A listing's teasers carry their age: one paragraph above them is the first teaser, and
        # the page is a listing, with no article above a stream.
        if stamps[k] in relative_stamps and paragraphs[stamps[k] - start] < MIN_RELATIVE_PARAGRAPHS:
            return end
        above = words(start, stamps[k])
        # Below the last stamp, its entry is as long as the longest entry of the run at most.
        after = words(stamps[last] + longest[k], end)
        # Running text above the first stamp as long as half the entry it opens (an article's
        # own dateline, with its body below, is no comment), and the article does not resume below
        # the entries (rows of a table with dates and times inside the article).
        if above >= MIN_ARTICLE_WORDS and ENTRY_SHARE * words(stamps[k], stamps[k + 1]) <= above and after < above:
            return stamps[k] - entry_head(lines, stamps[k : last + 1], first_prose)
    return end


def entry_head(lines: list[LineFeatures], stamps: list[int], first_prose: int) -> int:
    """1 when every entry's stamp line has a short line that is no running text right above it
    (the commenter's name over "3 hours ago", a story's headline over its date): the entries
    start there; else 0."""
    heads = [i - 1 for i in stamps]
    if heads[0] <= first_prose or set(heads) & set(stamps):
        return 0
    return int(all(not lines[i].is_prose and lines[i].size <= MAX_HEAD_WORDS for i in heads))


def stream_around(
    lines: list[LineFeatures],
    texts: list[str],
    start: int,
    end: int,
    relative: re.Pattern[str] | None = None,
    markers: Collection[int] = (),
) -> int | None:
    """The first stamp of a stream of dated entries that the span [start, end) lies inside: one
    run of stamps of one shape (at most MAX_ENTRY_LINES apart, no end marker between) that starts
    above the span and goes on below it, with a stamp within LEAD_LINES of the span's first or
    last line (the span's own entry's, at its head or foot). The span is then one long entry (a
    comment longer than the post it answers), and the article stands above the run. None when
    the span is inside no stream."""
    if start >= end:
        return None
    shapes: dict[int, str | None] = {}

    def shape_at(i: int) -> str | None:
        if i not in shapes:
            features = lines[i]
            wanted = features.numbers >= 2 or (relative is not None and features.digit_share)
            shapes[i] = stamp_shape(features, texts[i], relative) if wanted else None
        return shapes[i]

    bounds = sorted(markers)

    def chain(first: int, shape: str, step: int) -> list[int]:
        # The stamps of `shape` from `first` on, each at most MAX_ENTRY_LINES from the last one
        # found, with no end marker between: only the lines near the run are read.
        found, last, i = [], first, first + step
        while 0 <= i < len(lines) and abs(i - last) <= MAX_ENTRY_LINES:
            if shape_at(i) == shape:
                if crosses(bounds, min(last, i), max(last, i)):
                    break
                found.append(i)
                last = i
            i += step
        return found

    # The span's own entry's stamp, at its head or foot (most spans have none there).
    edges = [*range(max(0, start - LEAD_LINES), min(start + LEAD_LINES, end)),
             *range(max(start, end - LEAD_LINES), min(end + LEAD_LINES, len(lines)))]  # fmt: skip
    for i in dict.fromkeys(edges):
        shape = shape_at(i)
        if shape is None:
            continue
        run = [*reversed(chain(i, shape, -1)), i, *chain(i, shape, 1)]
        # Stamps above the span and below its last line, the run unbroken across it (an article
        # longer than MAX_ENTRY_LINES lines, or an end marker below it, breaks a run of other
        # stories' stamps around it).
        if len(run) >= MIN_ENTRIES and run[0] < start and run[-1] >= end:
            return run[0]
    return None


def crosses(bounds: list[int], a: int, b: int) -> bool:
    """An end marker stands between lines a and b (`bounds`: the markers' positions, sorted)."""
    k = bisect_right(bounds, a)
    return k < len(bounds) and bounds[k] < b


# A rail of teasers at the span's head ("Most read", "Latest"): the article below its last entry
# holds this many paragraphs (on a blog's front page, dated posts run to the page's end: nothing
# is left below the last one).
MIN_ARTICLE_PARAGRAPHS = 3
# A rail's entry names its story in a line of this many words at least.
MIN_TEASER_WORDS = 4


def leading_stream_end(
    lines: list[LineFeatures], texts: list[str], start: int, end: int, relative: re.Pattern[str] | None = None
) -> int:
    """Where the article starts below a stream of dated entries at the span's head (a rail of
    other stories, each showing its date or age, above the article): the line after the last
    entry; `start` when there is none. The rail's first stamp stands above the span's first
    paragraph, MIN_ENTRIES stamps of one shape or more follow at most MAX_ENTRY_LINES apart, each
    entry naming its story, and the article below them holds MIN_ARTICLE_PARAGRAPHS paragraphs."""

    def shape_of(i: int) -> str | None:
        # Only a line with two numbers (a date) or a digit (an age) can hold a stamp.
        if lines[i].numbers >= 2 or (relative is not None and lines[i].digit_share):
            return stamp_shape(lines[i], texts[i], relative)
        return None

    first_paragraph = next((i for i in range(start, end) if is_paragraph(lines[i])), end)
    first = next((i for i in range(start, first_paragraph) if shape_of(i)), None)
    if first is None:
        return start
    shape, run = shape_of(first), [first]
    for i in range(first + 1, end):
        if i - run[-1] > MAX_ENTRY_LINES:
            break
        if shape_of(i) == shape:
            run.append(i)
    # Each entry names its story: a line of a few words between two stamps (a toolbar's
    # "Listen", "Summary (7 min)" repeated is none).
    if len(run) < MIN_ENTRIES or not all(any(f.size >= MIN_TEASER_WORDS for f in lines[a + 1 : b]) for a, b in zip(run, run[1:])):
        return start
    gaps = [b - a for a, b in zip(run, run[1:])]
    # Stamps at the entries' heads (the span opens with one): the last entry runs a gap's lines
    # on; stamps at their feet close their entries.
    below = run[-1] + (gaps[-1] if first - start < gaps[0] - 1 else 1)
    return below if sum(map(is_paragraph, lines[below:end])) >= MIN_ARTICLE_PARAGRAPHS else start


# The article's own date lines stand among this many lines above its first paragraph.
HEADER_LINES = 6
# The article above the next story holds this many paragraphs.
MIN_STORY_PARAGRAPHS = 3
# The next story's top (teaser, headline, caption, bylines) is parted from the article by a run
# of this many lines that are no paragraphs (share buttons, tags, a "more on" box) ...
MIN_GAP_LINES = 3
# ... found within this many lines above its date line.
MAX_TOP_LINES = 15
NEXT_STORY_NOTE = "the next story of an endless page (its own date and time below the article's)"


def next_story_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the next story of an endless page starts inside the span: its header's date line
    (a label, a date and a time) has the shape and words of the article's own ("Updated
    06.01.2026 - 17:32") with another date or time (a date printed again at an article's foot
    is the same; an edition's items carry a date alone), below 3 paragraphs at least. The cut
    falls at the run of lines that are no paragraphs (share buttons, tags) above the next story's
    top; `end` when there is none."""
    first_paragraph = next((i for i in range(start, end) if is_paragraph(lines[i])), end)
    header = {}
    for i in range(max(0, first_paragraph - HEADER_LINES), first_paragraph):
        key = _dated_label(lines[i], texts[i])
        if key:
            header[key] = texts[i].strip()
    if not header:
        return end
    paragraphs = 0
    for i in range(first_paragraph, end):
        paragraphs += is_paragraph(lines[i])
        key = _dated_label(lines[i], texts[i]) if lines[i].numbers >= 2 else None
        own = header.get(key) if key else None
        if own is None or own == texts[i].strip():
            continue
        # The first other date of the header's kind closes a story of 3 paragraphs or more; after
        # fewer, the entries are a section front's teasers, each under its date.
        return _top_of_story(lines, i, first_paragraph, end) if paragraphs >= MIN_STORY_PARAGRAPHS else end
    return end


def _dated_label(features: LineFeatures, text: str) -> tuple[str, str] | None:
    """A header's date line, by its stamp's shape and its words: a label, a date and a clock
    time ("Updated 06.01.2026 - 17:32"). A date alone heads teasers and archive lists too."""
    if features.numbers < 2 or features.size > MAX_STAMP_WORDS or ":" not in text:
        return None
    match = STAMP.search(text)
    label = DIGITS.sub("", text).strip()
    if match is None or not any(c.isalpha() for c in text[: match.start()] + text[match.end() :]):
        return None
    return re.sub(r"\s+", "", DIGITS.sub("0", match.group())), label


def _top_of_story(lines: list[LineFeatures], date_line: int, first_paragraph: int, end: int) -> int:
    """The first line of the last run of MIN_GAP_LINES lines or more that are no paragraphs,
    within MAX_TOP_LINES above the next story's date line; `end` when there is none."""
    run = 0
    for i in range(date_line - 1, max(first_paragraph, date_line - MAX_TOP_LINES) - 1, -1):
        if is_paragraph(lines[i]):
            if run >= MIN_GAP_LINES:
                return i + 1
            run = 0
        else:
            run += 1
    return end

"""Articles without a finished sentence: a list that is the article (a meeting calendar, a results
table), or one paragraph cut off before its last full stop. Both are text, not "menus and links".

The verdict looks for a list among the lines the span kept (list_region). When the span the line
model chose holds no running text at all, main_text looks for one on the whole page first
(titled_list): entries with numbers at a steady pace under a heading that matches the page's
title (or, in a dump without a title, a line shaped like a headline), so that a list article
whose lines the model scored low is not lost to a few lines of it or to an error preamble. When
the span holds neither, the verdict's last look is for a table or programme (table_region). All
three take their runs of lines from one finder (flagged_runs)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures
from ..parse import fuzzy
from ..parse.text import fold, title_variants

# A paragraph this long (in words) with a sentence end inside it is running text, even when the
# page cut it off before its last full stop (a teaser of a video page).
CUT_PARAGRAPH_WORDS = 30
# Sentences glued with no space between ("Reload to refresh your session.You signed out"): text
# nodes of a page's interface run together, not a paragraph. A paragraph may hold a few such
# joints (an inline "Read also" link glued to the sentence before it), beside many more sentences
# parted as prose is: it stays text while its glued joints are fewer than a third of them.
GLUED_SENTENCES = re.compile(r"(?<=[a-zà-ÿ])[.!?](?=[A-ZÀ-Þ])")
SPACED_SENTENCES = re.compile(r"(?<=[a-zà-ÿ])[.!?]\s+(?=[A-ZÀ-Þ])")
GLUED_SHARE = 1 / 3
# Markup read as text (a page whose HTML could not be parsed): a tag is no running text.
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
DIGITS = re.compile(r"\d+")
# An entry of a list (a date and a place, a name and a score) has this many words or more and a
# number; a menu item or a link label has fewer.
ENTRY_WORDS = 6
# A list that is the article has at least this many entries in a row, none more than
# ENTRY_SPREAD times as long as another (entries of one list have one structure).
MIN_ENTRIES = 3
ENTRY_SPREAD = 3.0
# The line right above the list introduces it when it has at least this many words (a heading,
# "Meetings (location as listed below)"); a single menu word does not.
INTRO_WORDS = 4
# A page that is one long table or programme (a conference's sessions: times, then speakers with
# their affiliation and talk, rows without a number among rows with one) is a run of rows, lines
# of ENTRY_WORDS or more, with at most TABLE_GAP short lines (a "Speakers:" label) in a row between
# them. It is the article when rows are TABLE_ROW_SHARE of its lines and MIN_ENTRIES of them carry
# a number; a menu or a footer has mostly short lines, so few rows.
TABLE_GAP = 2
TABLE_ROW_SHARE = 0.75


def is_cut_paragraph(features: LineFeatures, text: str) -> bool:
    """Running text whose last sentence lacks its full stop: a long prose line with a sentence
    end inside it (and not mostly sentences glued together, no markup tag)."""
    return (
        features.is_prose
        and features.sentences >= 1
        and features.size >= CUT_PARAGRAPH_WORDS
        and not mostly_glued(text)
        and TAG.search(text) is None
    )


def mostly_glued(text: str) -> bool:
    """Sentences run together with no space between, in a third or more of the text's joints."""
    glued = len(GLUED_SENTENCES.findall(text))
    return glued > 0 and glued >= GLUED_SHARE * (glued + len(SPACED_SENTENCES.findall(text)))


def is_entry(features: LineFeatures, text: str) -> bool:
    """A line that can be an entry of a structured list: several words and a number (and no
    markup tag)."""
    return features.words >= ENTRY_WORDS and features.numbers >= 1 and TAG.search(text) is None


def flagged_runs(flags: Sequence[bool], max_gap: int) -> list[tuple[int, int]]:
    """The runs of flagged lines, each [first flagged, last flagged + 1), where no more than
    `max_gap` unflagged lines in a row stand between two flagged ones. The three list finders
    below differ in what a line of a list is and what a run must hold, not in this."""
    runs: list[tuple[int, int]] = []
    start = last = -1
    for i, flagged in enumerate(flags):
        if not flagged:
            continue
        if start < 0 or i - last - 1 > max_gap:
            if start >= 0:
                runs.append((start, last + 1))
            start = i
        last = i
    if start >= 0:
        runs.append((start, last + 1))
    return runs


def list_region(lines: Sequence[LineFeatures], texts: Sequence[str]) -> tuple[int, int] | None:
    """The [start, end) of the longest run of MIN_ENTRIES or more list entries of similar length,
    with the line introducing it, or None when the lines hold no such list."""
    best: tuple[int, int] | None = None
    for i, j in flagged_runs([is_entry(f, t) for f, t in zip(lines, texts)], max_gap=0):
        sizes = [f.size for f in lines[i:j]]
        if j - i >= MIN_ENTRIES and max(sizes) <= ENTRY_SPREAD * min(sizes) and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
    if best is None:
        return None
    start, end = best
    if start > 0 and lines[start - 1].words >= INTRO_WORDS and not lines[start - 1].sentence_end:
        start -= 1
    return start, end


# A list article's entries carry numbers (a date, a time, a room, a price, a rank, a score, a
# quantity) at a steady pace: a line with one at most NUMBER_GAP lines below the last, with
# ENTRY_MIN_WORDS words or more that are no numbers (a menu's "2005 (3)" is no entry) ...
NUMBER_GAP = 12
ENTRY_MIN_WORDS = 3
# ... and at least this many of them in one run.
LIST_MIN_NUMBERED = 6
# A heading has this many words at most (a longer line without a sentence end is a toolbar).
HEADING_WORDS = 20
# The heading over the list stands at most this many lines above its first numbered line.
HEAD_LINES = 3
# Below the last numbered line the list goes on over its entry's other lines, up to a menu item
# or a button (this many words at most, no sentence: "View comments", "Privacy").
MENU_ITEM_WORDS = 3
# A heading this close to the title (rapidfuzz ratio, as headline.MATCH_SCORE) is the title.
MATCH_SCORE = 90.0
# A page's title parts its headline from the site's name with one of these, spaced or not
# ("Agenda_Conference Office_Site").
# (Each alternative starts where a run of spaces starts, the look-behinds: unanchored, a long run
# of spaces would be rescanned from each of its positions.)
TITLE_PARTS = re.compile(r"(?<!\s)\s*[|_｜]\s*|(?<!\s)\s+[-–—:·•»]\s+")


def is_numbered_entry(features: LineFeatures) -> bool:
    """A line of a list's entry that carries a number beside a few words."""
    return features.numbers >= 1 and features.size - features.numbers >= ENTRY_MIN_WORDS


def numbered_runs(lines: Sequence[LineFeatures]) -> list[list[int]]:
    """Runs of numbered entry lines at most NUMBER_GAP apart, LIST_MIN_NUMBERED lines or more,
    each as its numbered lines' positions."""
    numbered = [is_numbered_entry(f) for f in lines]
    runs = [[i for i in range(start, end) if numbered[i]] for start, end in flagged_runs(numbered, NUMBER_GAP - 1)]
    return [run for run in runs if len(run) >= LIST_MIN_NUMBERED]


def matches_title(text: str, title: str) -> bool:
    """The line is the page's title, or the part of it before or after a separator (the site's
    name cut off), as printed or nearly."""
    line = fold(text)
    if not line:
        return False
    variants = title_variants(title, TITLE_PARTS)
    return line in variants or any(fuzzy.ratio(line, variant) >= MATCH_SCORE for variant in variants)


def is_list_heading(features: LineFeatures, text: str, title: str | None) -> bool:
    """A heading over a list: the page's title when it has one, else a line shaped like a
    headline (no sentence end, INTRO_WORDS to HEADING_WORDS words, no markup)."""
    if title:
        return matches_title(text, title)
    return (
        not features.sentence_end
        and not features.sentences
        and INTRO_WORDS <= features.size - features.numbers <= HEADING_WORDS
        and TAG.search(text) is None
    )


def entry_end(lines: Sequence[LineFeatures], texts: Sequence[str], run: list[int], stop: int) -> int:
    """Where the last entry of a run of numbered lines ends: its other lines follow the last
    number for at most the run's widest gap between numbers, up to a menu item that is none of
    the list's own lines ("View comments", "Privacy")."""
    own = {DIGITS.sub("0", texts[i]) for i in range(run[0], run[-1] + 1)}
    widest = max(b - a for a, b in zip(run, run[1:]))
    end = run[-1] + 1
    while end < min(stop, run[-1] + widest):
        features = lines[end]
        item = features.size - features.numbers <= MENU_ITEM_WORDS and not features.sentence_end
        if item and DIGITS.sub("0", texts[end]) not in own:
            break
        end += 1
    return end


def titled_list(
    lines: Sequence[LineFeatures], texts: Sequence[str], title: str | None, stop: int | None = None
) -> tuple[int, int] | None:
    """The [start, end) of the largest structured list under a heading that matches the title
    (numbered_runs, each with its heading at most HEAD_LINES above it), from the heading's next
    line to the end of the last entry; None when the page holds no such list. The list ends
    before `stop` (an end marker) when given."""
    stop = len(lines) if stop is None else stop
    best: tuple[int, int] | None = None
    for run in numbered_runs(lines[:stop]):
        # Without a title, the heading is a headline-shaped line above the first entry (which may
        # have that shape too: "(held on 11-12 March)"), and the entry itself only failing one.
        above = range(run[0] - (0 if title else 1), max(-1, run[0] - HEAD_LINES - 1), -1)
        head = next((i for i in [*above, run[0]] if is_list_heading(lines[i], texts[i], title)), None)
        if head is None:
            continue
        end = entry_end(lines, texts, run, stop)
        start = head + 1 if title else head
        if best is None or sum(f.size for f in lines[start:end]) > sum(f.size for f in lines[best[0] : best[1]]):
            best = (start, end)
    return best


def is_row(features: LineFeatures, text: str) -> bool:
    """A line that can be a row of a table or a programme: several words (and no markup tag)."""
    return features.words >= ENTRY_WORDS and TAG.search(text) is None


def table_region(lines: Sequence[LineFeatures], texts: Sequence[str]) -> tuple[int, int] | None:
    """The [start, end) of the longest run of rows (short lines no more than TABLE_GAP in a row
    between them) that reads as a table: rows TABLE_ROW_SHARE of its lines, MIN_ENTRIES of them
    with a number. None when the lines hold no such run."""
    rows = [is_row(f, t) for f, t in zip(lines, texts)]
    runs = flagged_runs(rows, TABLE_GAP)
    best: tuple[int, int] | None = None
    for begin, end in runs:
        row_count = sum(rows[begin:end])
        entries = sum(1 for i in range(begin, end) if rows[i] and lines[i].numbers >= 1)
        if (
            row_count >= TABLE_ROW_SHARE * (end - begin)
            and entries >= MIN_ENTRIES
            and (best is None or end - begin > best[1] - best[0])
        ):
            best = (begin, end)
    return best

"""Articles without a finished sentence: a list that is the article (a meeting calendar, a results
table), or one paragraph cut off before its last full stop. Both are text, not "menus and links"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures

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


def list_region(lines: Sequence[LineFeatures], texts: Sequence[str]) -> tuple[int, int] | None:
    """The [start, end) of the longest run of MIN_ENTRIES or more list entries of similar length,
    with the line introducing it, or None when the lines hold no such list."""
    best: tuple[int, int] | None = None
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and is_entry(lines[j], texts[j]):
            j += 1
        sizes = [f.size for f in lines[i:j]]
        if j - i >= MIN_ENTRIES and max(sizes) <= ENTRY_SPREAD * min(sizes) and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = max(j, i + 1)
    if best is None:
        return None
    start, end = best
    if start > 0 and lines[start - 1].words >= INTRO_WORDS and not lines[start - 1].sentence_end:
        start -= 1
    return start, end


def is_row(features: LineFeatures, text: str) -> bool:
    """A line that can be a row of a table or a programme: several words (and no markup tag)."""
    return features.words >= ENTRY_WORDS and TAG.search(text) is None


def table_region(lines: Sequence[LineFeatures], texts: Sequence[str]) -> tuple[int, int] | None:
    """The [start, end) of the longest run of rows (short lines no more than TABLE_GAP in a row
    between them) that reads as a table: rows TABLE_ROW_SHARE of its lines, MIN_ENTRIES of them
    with a number. None when the lines hold no such run."""
    rows = [is_row(f, t) for f, t in zip(lines, texts)]
    runs: list[tuple[int, int]] = []
    start = last = -1
    for i, row in enumerate(rows):
        if not row:
            continue
        if start < 0 or i - last - 1 > TABLE_GAP:
            if start >= 0:
                runs.append((start, last + 1))
            start = i
        last = i
    if start >= 0:
        runs.append((start, last + 1))
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

"""An article told in numbered sections goes on below the span: "Step 1", "Step 2", ... or
"1. Take the blankets off the bed", "2. Check the peep hole", each heading over a short paragraph
or two. The line model scores such short paragraphs, and the widgets a page sets between them (a
video player, a photo's caption), low, and the span ended early, after the first sections.
Numbers that count on from the span (its last section numbered n, then n + 1, n + 2 below, in the
same shape), each heading with a paragraph under it, are the article's own structure: a ranking
has no paragraphs under its numbers, and numbers that start over (a "Most read" box) do not count
on. (A run from 1 starting below the span is not taken: a list of other stories, each with a
sentence under it, reads alike.)"""

from __future__ import annotations

import re

from ..model.features import LineFeatures

# A section's number after a short label ("Step 3", "Schritt 3") or at the start with its
# punctuation ("3. Check the peep hole", "3) ..."): the label and what follows the number make
# the heading's shape, the same for every section of one article.
NUMBERED = re.compile(r"(\D{0,12}?)(\d{1,2})([.):]?)(?=\s|$)")
# The label before the number is one word, or nothing.
LABEL = re.compile(r"(?:[^\W\d_]+ ?)?")
# A section's heading is short and ends no sentence.
MAX_HEADING_WORDS = 15
# Sections counting on from the span: this many below it at least (n + 1, n + 2).
MIN_MORE_SECTIONS = 2
# Running text stands this near below each heading (a caption or a photo credit may come first),
# and the last section's paragraphs go on with at most this many other lines between them.
PARAGRAPH_REACH = 3


def section_number(features: LineFeatures, text: str) -> tuple[str, int] | None:
    """The heading's shape (label and punctuation around its number) and its number, for a short
    line without a sentence end that opens with a number or a short label and a number; else None."""
    if features.sentence_end or features.size > MAX_HEADING_WORDS:
        return None
    stripped = text.strip()
    match = NUMBERED.match(stripped)
    if match is None or LABEL.fullmatch(match.group(1)) is None:
        return None
    if not match.group(1) and match.end() == len(stripped):
        return None  # a number alone: a ranking's place, a pager's page
    return f"{match.group(1).strip().lower()}#{match.group(3)}", int(match.group(2))


def has_paragraph_below(lines: list[LineFeatures], i: int, stop: int) -> bool:
    """Running text that ends a sentence within PARAGRAPH_REACH lines below line i (a teaser's
    headline under a ranking's number ends none)."""
    return any(lines[j].is_prose and lines[j].sentence_end for j in range(i + 1, min(stop, i + 1 + PARAGRAPH_REACH)))


def last_paragraph_from(lines: list[LineFeatures], i: int, stop: int) -> int:
    """The position after the last paragraph of the section whose heading is line i: running text
    follows running text with at most PARAGRAPH_REACH - 1 other lines between."""
    last = i
    j = i + 1
    while j < stop and j - last <= PARAGRAPH_REACH:
        if lines[j].is_prose:
            last = j
        j += 1
    return last + 1


def numbered_sections_below(lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int) -> int:
    """The span's end moved down (up to `stop`) over the numbered sections that count on from the
    span's last numbered heading (see the module's docstring); `end` unchanged otherwise."""
    if end <= start or end >= stop:
        return end
    anchor = next(((j, number) for j in range(end - 1, start - 1, -1)
                   if (number := section_number(lines[j], texts[j])) is not None), None)
    if anchor is None:
        return end
    shape, wanted = anchor[1][0], anchor[1][1] + 1
    if anchor[0] == end - 1 and wanted > 2 and has_paragraph_below(lines, end - 1, stop):
        # The span ends on a numbered heading that counts on (the last tip's): its paragraph,
        # scored low above the page's widgets, is the section's.
        end = last_paragraph_from(lines, end - 1, stop)
    found: list[int] = []
    for j in range(end, stop):
        number = section_number(lines[j], texts[j])
        if number != (shape, wanted):
            continue
        if not has_paragraph_below(lines, j, stop):
            break
        found.append(j)
        wanted += 1
    if len(found) < MIN_MORE_SECTIONS:
        return end
    return last_paragraph_from(lines, found[-1], stop)

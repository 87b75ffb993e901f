"""A site's menu inside the article span: the span choice bridges it when the text on both sides
outweighs it (a consent box's long paragraphs above a navigation of a hundred one-word links, and
the article below). How much text it takes to bridge a gap depends on how the line model weighs
long lines against short ones, so a refit of the weights moved articles across such menus; this
rule does not depend on the weights' scale: a long run of menu lines that costs the lighter side
a good share of its weight splits the span.

A menu line is a short label that weighs against the span and is not running text: no code
(brackets, operators: a code block is many short lines too), few digits (a table of figures),
more than one character (a CJK text printed one character a line).
"""

from __future__ import annotations

import re
from itertools import accumulate

from ..model.features import LineFeatures

MENU_RUN = 12  # lines in a row, each weighing against the span, that can split it
MENU_SHARE = 0.75  # of which at least this share look like menu labels
SPLIT_COST = 0.5  # the run costs at least this share of the lighter side's weight
MAX_DIGIT_SHARE = 0.2  # a label with more digits is a table's or a list's figure
CODE_MARKS = re.compile(r"[{}();=<>\[\]|]")


def is_menu_label(line: LineFeatures, text: str) -> bool:
    """A short label of a menu: no code marks, few digits, more than one character."""
    return line.digit_share < MAX_DIGIT_SHARE and len(text.strip()) > 1 and not CODE_MARKS.search(text)


def parts_across_menus(
    lines: list[LineFeatures], texts: list[str], gains: list[float], start: int, end: int
) -> list[tuple[int, int]]:
    """The [lo, hi) parts of the span [start, end) between the menus that split it (the span
    itself when none does), in order."""
    totals = [0.0, *accumulate(gains[start:end])]

    def weight(lo: int, hi: int) -> float:
        return totals[hi - start] - totals[lo - start]

    parts: list[tuple[int, int]] = []
    part_start, run, labels = start, 0, 0
    for i in range(start, end + 1):
        if i < end and gains[i] < 0 and not lines[i].is_prose:
            run += 1
            labels += is_menu_label(lines[i], texts[i])
            continue
        gap = i - run
        if run >= MENU_RUN and labels >= MENU_SHARE * run and gap > part_start and i < end:
            lighter = min(weight(part_start, gap), weight(i, end))
            if -weight(gap, i) >= SPLIT_COST * lighter:
                parts.append((part_start, gap))
                part_start = i
        run, labels = 0, 0
    parts.append((part_start, end))
    return parts

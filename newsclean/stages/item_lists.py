"""A list of short items inside the article, most of them with a number, under a short heading:
a recipe's ingredients ("225g caster sugar", "4 eggs") between its introduction and its method,
a kit list with its sizes. Its items are short lines with no sentence, which the line model
scores below zero like a menu's labels, so the span stopped at the list and lost the article's
text on its other side (the introduction above the ingredients).

Its lines weigh nothing in the span's choice (as a table's cells, stages/tables.py): the span
reaches across the list only when running text on its other side pays for it. A menu's labels
hold no numbers; a box of other stories is headlines, longer than items.
"""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from .list_article import flagged_runs
from .streams import DATE

# An item: a quantity and what it measures, a few words with no sentence end.
MAX_ITEM_WORDS = 8
# A list has this many items or more in a row (a byline block has two to four labels), and this
# share of them hold a number.
MIN_ITEMS = 5
MIN_NUMBERED_SHARE = 2 / 3
# The heading over the list is this short, with no number and no sentence end ("Ingredients",
# "What you need:"); a date line or a counter over a list is no heading of the article's.
MAX_HEADING_WORDS = 4
# A number, alone or in a word ("225g", "1½").
DIGIT = re.compile(r"\d")
# Most numbered items open with their quantity ("225g caster sugar", "2 tbsp oil"); a byline
# block's or a teaser box's numbers are dates and times ("Jan 01, 2014", "17.05.2026, 19:06"),
# which no item of such a list holds.
MIN_LEADING_SHARE = 1 / 2
DATE_OR_TIME = re.compile(rf"{DATE}|\d{{1,2}}:\d{{2}}")
# Or the quantity follows the item's name after a dash, as Russian and other languages write
# it ("мука — 3 ст. л.", "sugar - 2 tbsp").
QUANTITY_AFTER_DASH = re.compile(r"\s[-–—]\s*\d")
# An item may end with its unit's abbreviation and that one's full stop ("1 шт.", "3 ст. л.",
# "2 tbsp."): a quantity, not a sentence's end.
UNIT_ABBREVIATION_END = re.compile(r"\d\s*(?:[^\W\d_]{1,4}\.\s*){1,2}$")


def is_item(features: LineFeatures, text: str) -> bool:
    """A short line of words with no sentence (bar a unit's full stop): an item of a list, or a
    menu's label."""
    if not 0 < features.words <= MAX_ITEM_WORDS or features.is_prose:
        return False
    return not features.sentence_end or UNIT_ABBREVIATION_END.search(text) is not None


def opens_with_quantity(text: str) -> bool:
    """An item whose number opens it ("225g caster sugar") or follows its name after a dash."""
    return DIGIT.match(text.lstrip()) is not None or QUANTITY_AFTER_DASH.search(text) is not None


def is_items_heading(features: LineFeatures, text: str) -> bool:
    """A short heading with no number and no sentence end."""
    return 0 < features.words <= MAX_HEADING_WORDS and not features.sentence_end and DIGIT.search(text) is None


def item_list_lines(lines: list[LineFeatures], texts: list[str]) -> set[int]:
    """Positions of the items of lists inside the text: runs of MIN_ITEMS or more items in a row
    (is_item), MIN_NUMBERED_SHARE of them holding a number (no date or time of day), half of
    those opening with it or giving it after a dash, right under a short heading (is_items_heading) that stands right under
    running text (the article's text above the list)."""
    found: set[int] = set()
    for first, last in flagged_runs([is_item(f, t) for f, t in zip(lines, texts)], max_gap=0):
        # The run's first line may be the heading itself (a heading is a short line too).
        head = first if is_items_heading(lines[first], texts[first]) else first - 1
        # And its last may be the next section's heading, over running text ("Method").
        next_heading = last < len(lines) and lines[last].is_prose and is_items_heading(lines[last - 1], texts[last - 1])
        items = range(head + 1, last - 1 if next_heading else last)
        headed = head >= 1 and is_items_heading(lines[head], texts[head]) and lines[head - 1].is_prose
        if not headed or len(items) < MIN_ITEMS:
            continue
        numbered = [texts[i] for i in items if DIGIT.search(texts[i])]
        if len(numbered) < MIN_NUMBERED_SHARE * len(items) or any(DATE_OR_TIME.search(text) for text in numbered):
            continue
        if sum(map(opens_with_quantity, numbered)) >= MIN_LEADING_SHARE * len(numbered):
            found.update(items)
    return found

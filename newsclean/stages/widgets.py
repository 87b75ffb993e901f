"""Widgets that are boilerplate wherever they stand on the page, found by their shape: teasers
for other stories (a headline printed over again in its line, a blurb cut short with a link
label after it), slideshows (slides numbered "1/50", "2/50", ... with their captions) and a
gallery's counter standing alone ("1 of 8").

The boilerplate stage runs them before the article's edges are chosen: a slideshow's captions
read as running text and would otherwise pull the span away from the article around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parse.text import fold
from ..rules import Rules

# A teaser's blurb is cut short ("…", "...") and a link label of at most this many words follows.
TEASER_LINK_WORDS = 6
# ... and the blurb is a sentence or two, not a whole article extracted as one block.
MAX_TEASER_WORDS = 80
ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*")
# A headline printed over again in one line: at least this many words, said at least twice.
MIN_REPEATED_WORDS = 3
MAX_REPEATING_LINE_WORDS = 80


def repeats_itself(text: str) -> bool:
    """The line is one text printed at least twice over, the last copy maybe cut off, even inside a
    word ("How to X How to X How t"): a teaser's headline from several text nodes of one link."""
    # A copy starts with the first word again: a line that holds it only once (most lines) is done
    # with one substring search, before any split.
    head = text.split(None, 1)
    if not head or text.find(head[0], len(head[0])) < 0:
        return False
    # At most MAX_REPEATING_LINE_WORDS splits: a long paragraph is not split to its end, and a
    # line of fewer words splits exactly as with no limit.
    words = text.split(None, MAX_REPEATING_LINE_WORDS)
    if len(words) > MAX_REPEATING_LINE_WORDS:
        return False
    last = len(words) - 1
    periods = range(MIN_REPEATED_WORDS, len(words) // 2 + 1)
    # A period always leaves words[period] before the last word, a copy of words[0]: most lines
    # have their first word nowhere at a period's place, and are done without the loop.
    if not periods or words[0] not in words[periods.start : periods.stop]:
        return False
    first = words[0]
    for period in periods:
        if words[period] != first:
            continue
        if all(words[i] == words[i - period] for i in range(period, last)) and words[last - period].startswith(words[last]):
            return True
    return False


def cut_short_with_link(text: str, rules: Rules) -> bool:
    """A blurb cut short with a link label after it ("... over the last few… Read more")."""
    end = text[-120:]
    if "…" not in end and "..." not in end:
        return False  # no ellipsis to split at (the cheap test first)
    if len(text.split()) > MAX_TEASER_WORDS:
        return False
    parts = ELLIPSIS.split(end)
    if len(parts) < 2 or not parts[-1].strip() or len(parts[-1].split()) > TEASER_LINK_WORDS:
        return False
    tail = (fold(parts[-1]),)
    return bool(rules.boilerplate_lines.prefix(tail) or rules.calls_to_action.prefix(tail))


def teasers(texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """Teasers for other stories: a headline repeating itself in its line, a blurb cut short
    with a link label after it."""
    marks = {}
    # Each text is read once: a dump repeats its menus and teasers.
    reason_of: dict[str, str | None] = {}
    for i, text in enumerate(texts):
        if text not in reason_of:
            if repeats_itself(text):
                reason_of[text] = "a teaser (a headline printed several times over in one line)"
            elif cut_short_with_link(text, rules):
                reason_of[text] = "a teaser (a blurb cut short with a link after it)"
            else:
                reason_of[text] = None
        reason = reason_of[text]
        if reason is not None:
            marks[i] = reason
    return marks


# A slide's counter opens its line: "3/50 Title", "3 of 50" (not a recipe's "1/4 cup": a slideshow's
# counters share their total and count up).
SLIDE_COUNTER = re.compile(r"^\s*(\d{1,3})\s*(?:/|\|)\s*(\d{1,3})\b")
MIN_SLIDES = 3
# A slide is its counter and at most this many lines (title, caption, credit).
MAX_SLIDE_LINES = 4


# A gallery's counter alone on its line: "1 of 8", "3 de 12", "2 из 5" (a number, a short word, a
# number no smaller). The word tells it from a fraction or a score ("1/2", "24/7", "3-1"), which
# stands alone in tables and recipes: a slash needs the slideshow's run of counters above.
LONE_COUNTER = re.compile(r"^\s*(\d{1,3})\s+[^\W\d_]{1,4}\s+(\d{1,3})\s*$")


def lone_counters(texts: Sequence[str]) -> dict[int, str]:
    """Lines that are only a gallery's counter, "k of N" with 0 < k <= N (its pictures are gone
    from a text dump; the counter says nothing of the article)."""
    marks = {}
    for i, text in enumerate(texts):
        # Most lines do not open with a digit: done without the regular expression.
        match = LONE_COUNTER.match(text) if text[:1].isdigit() or text[:1].isspace() else None
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            marks[i] = "a gallery's counter standing alone"
    return marks


def slideshows(texts: Sequence[str]) -> dict[int, str]:
    """The slides of a slideshow printed inside the article: lines opening with counters "k/N" of
    one total N, at least MIN_SLIDES of them, with the caption lines between them; the last
    slide takes as many lines as a typical slide."""
    by_total: dict[int, list[tuple[int, int]]] = {}
    for i, text in enumerate(texts):
        # Most lines do not open with a digit: done without the regular expression (as lone_counters).
        match = SLIDE_COUNTER.match(text) if text[:1].isdigit() or text[:1].isspace() else None
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            by_total.setdefault(int(match.group(2)), []).append((i, int(match.group(1))))
    marks = {}
    for total, counters in by_total.items():
        numbers = [k for _, k in counters]
        if total < MIN_SLIDES or len(set(numbers)) < MIN_SLIDES or numbers != sorted(numbers):
            continue
        positions = [i for i, _ in counters]
        gaps = sorted(b - a for a, b in zip(positions, positions[1:]) if b - a <= MAX_SLIDE_LINES)
        if not gaps:
            continue
        typical = gaps[len(gaps) // 2]
        reason = f"a slideshow inside the article ({len(set(numbers))} slides of {total})"
        for a, b in zip(positions, [*positions[1:], positions[-1] + typical]):
            if b - a <= MAX_SLIDE_LINES:
                marks.update((j, reason) for j in range(a, min(b, len(texts))))
            marks[a] = reason
    return marks

"""The page's legal footer: the site's copyright line and what follows it.

A site prints its copyright line ("© 2005-2025 Example Media") at the top of its footer, and
below it the legal notices: terms of reuse, an advertising disclaimer, the media register's
number. Those are long sentences of dense running text, and on a short article the line model
may find them a larger span than the article above. When the span lies wholly below a
copyright line and the text above that line holds a span of at least as many paragraphs and a
fair share of its score, the article is the one above: a footer's notices are no article. A
span that runs on across the copyright line into them, over related links and menus below the
article's last paragraph, ends above it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.features import LineFeatures
from .repeated_headline import is_paragraph

LEGAL_NOTE = "below the site's copyright line (its legal footer)"


def above_legal_footer(
    lines: list[LineFeatures],
    span: tuple[int, int, float],
    copyright_lines: list[int],
    span_above: Callable[[int], tuple[int, int, float]],
    share: float,
) -> tuple[int, int, int] | None:
    """The span above the last copyright line that stands above `span` (start, end, score), when
    it holds as many paragraphs as `span` or more and `share` of its score, with that line's
    position (the footer's start); else None.

    `copyright_lines` are positions among the kept lines: a copyright line removed just above
    position p. `span_above(p)` is the article span main_text would choose among lines[:p]."""
    start, end, score = span
    above = [p for p in copyright_lines if p <= start]
    if not above or score <= 0:
        return None
    footer = above[-1]
    first, last, first_score = span_above(footer)
    if first == last or first_score < share * score:
        return None
    # A photo credit with a copyright sign inside an article parts its lead from its body: the
    # body below holds more paragraphs than the lead, where a footer's notices are few.
    if sum(map(is_paragraph, lines[first:last])) < sum(map(is_paragraph, lines[start:end])):
        return None
    return first, last, footer


# A copyright line the span runs across is the site's when it stands among this many lines at
# least that are no paragraphs, below the article's last paragraph above it (related links, a
# menu); a photo's copyright credit stands between the article's paragraphs.
MIN_FURNITURE_LINES = 5
# With this many such lines between, the copyright line is the site's however many paragraphs
# its footer holds below it (a consent box's table of cookies, each with a sentence), as long as
# they weigh less than the span above it (a lead above a long menu, a photo's credit and the
# body below: the body weighs more).
SITE_FOOTER_LINES = 4 * MIN_FURNITURE_LINES


def end_above_legal_footer(
    lines: list[LineFeatures], gains: list[float], start: int, end: int, copyright_lines: list[int]
) -> int:
    """Where the span ends when it runs across the site's copyright line into the legal notices
    below it: at that line, when MIN_FURNITURE_LINES lines or more that are no paragraphs stand
    between the article's last paragraph and it, and the span holds no more paragraphs below it
    than above (or SITE_FOOTER_LINES such lines stand between and the span's `gains` above it
    outweigh those below); `end` when there is none."""
    for footer in copyright_lines:
        if not start < footer < end:
            continue
        last_paragraph = next((i for i in range(footer - 1, start - 1, -1) if is_paragraph(lines[i])), None)
        if last_paragraph is None or footer - last_paragraph - 1 < MIN_FURNITURE_LINES:
            continue
        if footer - last_paragraph - 1 >= SITE_FOOTER_LINES and sum(gains[start:footer]) > sum(gains[footer:end]):
            return footer
        above = sum(map(is_paragraph, lines[start:footer]))
        if sum(map(is_paragraph, lines[footer:end])) <= above:
            return footer
    return end

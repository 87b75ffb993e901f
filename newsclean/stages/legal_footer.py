"""The page's legal footer: the site's copyright line and what follows it.

A site prints its copyright line ("© 2005-2025 Example Media") at the top of its footer, and
below it the legal notices: terms of reuse, an advertising disclaimer, the media register's
number. Those are long sentences of dense running text, and on a short article the line model
may find them a larger span than the article above. When the span lies wholly below a
copyright line and the text above that line holds a span of at least as many paragraphs and a
fair share of its score, the article is the one above: a footer's notices are no article.
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

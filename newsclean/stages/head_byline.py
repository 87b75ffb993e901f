"""The article's byline at its head: "By Jane Doe" among the first lines the span keeps.

The span often starts at the standfirst below the headline, and the byline printed between the
standfirst and the body is then kept as a paragraph. Most golds leave it out (of the 52 dev and
train dumps that print a "By First Last" line, 2 golds keep one: pages that are several
articles, each under its byline): it is the page's metadata, as the date line is. A line counts
when one of the rules' byline phrases opens it and a name follows ("By Jane Doe", "Von Hans
Meier", "By Jane Doe and John Roe"), not a subheading that opens with the same preposition ("By
the numbers", "Von Anfang an dabei"), with running text below it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.features import LineFeatures
from ..rules import Rules
from .headline_choice import is_byline_line, looks_like_name

# The byline stands among the article's first lines (over or under its standfirst).
MAX_HEAD_LINES = 3
# A name, or a few names: at most this many words after the byline's phrase.
MAX_NAMES_WORDS = 6
REASON = "the article's byline (at its head)"


def head_bylines(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """Positions of the kept lines among the first MAX_HEAD_LINES that are a byline phrase and a
    name, with running text below them."""
    marks: dict[int, str] = {}
    for i in range(min(MAX_HEAD_LINES, len(lines) - 1)):
        features, text = lines[i], texts[i]
        if features.cjk or ":" in text or not is_byline_line(text, features, rules):
            continue
        phrase = rules.bylines.prefix(features.folded) or ""
        names = " ".join(text.split()[len(phrase.split()):])
        if 0 < len(names.split()) <= MAX_NAMES_WORDS and looks_like_name(names) and any(f.is_prose for f in lines[i + 1 :]):
            marks[i] = REASON
    return marks

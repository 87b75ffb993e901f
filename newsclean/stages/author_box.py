"""The author's box below an article: the byline's name printed again under the last paragraph,
with a short biography below it ("Sobre la firma / Jane Doe / Ver biografía / Es jefa de...")."""

from __future__ import annotations

import re

from ..model.features import LineFeatures

# A name line is this many words (initials included).
NAME_WORDS = range(2, 5)
# The box is at most this many lines, from the name to the span's end.
BOX_LINES = 6
# The article above the box holds at least this many paragraphs.
MIN_PARAGRAPHS = 3
# The byline is in a line this short (words), above the article or in its first half (below a
# standfirst, a video and its caption).
BYLINE_WORDS = 12
NAME_PART = re.compile(r"^[^\W\d_][\w'’.-]*$")


def is_name(features: LineFeatures, text: str) -> bool:
    """A short line of capitalised words with no digit and no sentence end: a person's name."""
    words = text.split()
    if features.sentence_end or features.numbers or len(words) not in NAME_WORDS:
        return False
    return all(NAME_PART.match(word) and word[0].isupper() for word in words)


def in_byline(name: str, lines: list[LineFeatures], texts: list[str], stop: int) -> bool:
    """Whether a short line above `stop` beside a label holds `name` as whole words (the byline,
    among the date and the share buttons), and no two lines there are `name` alone: a row of
    share buttons ("Facebook Twitter") is printed alone over and over, a byline once. A label
    between two paragraphs ("Ad Policy") is the article's furniture, not its byline."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    found = [j for j in range(stop) if lines[j].size <= BYLINE_WORDS and pattern.search(texts[j])]
    beside_label = any(not lines[k].is_prose for j in found for k in (j - 1, j + 1) if 0 <= k < len(lines))
    return beside_label and sum(1 for j in found if texts[j] == name) <= 1


def names_person(name: str, paragraph: str) -> bool:
    """Whether `paragraph` holds one of the words of `name` (initials aside) as a whole word."""
    parts = [word for word in name.split() if len(word.rstrip(".")) > 1]
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", paragraph) for word in parts)


def author_box_start(lines: list[LineFeatures], texts: list[str], start: int, end: int) -> int:
    """Where the span [start, end) ends without the author's box: the byline's name alone on a
    line among the span's last BOX_LINES lines (the byline in a short line above the span or in
    its first half), below MIN_PARAGRAPHS paragraphs of the article and above a first paragraph
    that names them (the biography). Returns `end` when there is none."""
    for i in range(max(start, end - BOX_LINES), end):
        if not is_name(lines[i], texts[i]):
            continue
        above = sum(1 for j in range(start, i) if lines[j].is_prose)
        # The biography names its person (a contact line or a notice may follow it): a paragraph
        # that names nobody of the line above is the article's own, going on under a label ("Ad
        # Policy") or under an inline box with the author's byline.
        below = next((j for j in range(i + 1, end) if lines[j].is_prose), None)
        bio = below is not None and names_person(texts[i], texts[below])
        if above >= MIN_PARAGRAPHS and bio and in_byline(texts[i], lines, texts, start + (i - start) // 2):
            return i
    return end

"""Lines that only state how long something takes: a video's or a podcast's length ("2:43 min",
"Politik 05.08.2024 01:34 min", "Duration 1:30 min") or a reading time ("4 min read", "Lesezeit:
3 Min."), printed under a player or a teaser inside the article's span, and the title right below such a
line (a line ending like a sentence there is the article going on). Two lengths in a row are a
recipe's or a schedule's times ("Prep time 15 min", "Cook time 30 min"): they stay.

The signal is the unit's symbol, "min" (the SI-accepted symbol, written alike in most languages
of the Latin script), closing a short line that is no sentence: an article says how long
something lasted inside a sentence ("The film runs 50 min."), or inside brackets with more after
it ("(documentary, 50 min, Arte)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures
from ..parse.text import is_list_item

# A length at the line's end: minutes ("4 min", "3 Min."), or minutes and seconds ("02:43 min"),
# optionally in brackets, optionally followed by one word ("4 min read").
LENGTH_AT_END = re.compile(r"(?<![\d:.,])\d{1,3}(?::\d{2}){0,2}\s?min\b\.?\)?(?:\s+[^\W\d_]+)?$", re.IGNORECASE)
# Dates and times before the length are the teaser's stamp ("05.08.2024", "17:59"), not words.
STAMP = re.compile(r"\d[\d.:/|,-]*")
# Besides the length and its stamp, a label of two words at most ("Politik", "Lesezeit:",
# "ntv Zertifikate"): three are a phrase ("Ferry crossing takes 50 min").
MAX_LABEL_WORDS = 2
# The whole line, label, stamp and length, is short (the search never scans a paragraph).
MAX_LINE_CHARS = 60
# A player's or a teaser's title stands right below the length (a sentence there, or a question,
# is the article going on).
MAX_TITLE_WORDS = 20


def ends_with_length(text: str) -> bool:
    """A short line that ends with a length in minutes."""
    stripped = text.strip()
    return len(stripped) <= MAX_LINE_CHARS and LENGTH_AT_END.search(stripped) is not None


def is_media_length(features: LineFeatures, text: str) -> bool:
    """A short line, no sentence, that ends with a length in minutes and holds at most a label
    and a date besides."""
    stripped = text.strip()
    if features.is_prose or len(stripped) > MAX_LINE_CHARS or is_list_item(stripped):
        return False  # (a list item is a recipe's or a schedule's step: "- Bake: 20 min")
    match = LENGTH_AT_END.search(stripped)
    if match is None:
        return False
    label = [word for word in STAMP.sub(" ", stripped[: match.start()]).split() if any(c.isalpha() for c in word)]
    return len(label) <= MAX_LABEL_WORDS


def is_title(features: LineFeatures, text: str) -> bool:
    """A headline's shape: a few words, not ending like a sentence, no list item."""
    return 0 < features.words <= MAX_TITLE_WORDS and not features.sentence_end and not is_list_item(text.strip())


def media_lengths(lines: Sequence[LineFeatures], texts: Sequence[str]) -> dict[int, str]:
    """Every line that only states a video's, a podcast's or a reading's length, and the title
    right below one (the video's or the teased story's)."""
    # Lines ending with minutes, label or not: two in a row are a recipe's or a schedule's times
    # ("Prep time 15 min", "Cook time 30 min"; "Docker image build: 11 min", "Unit tests: 9 min").
    timed = {i for i, text in enumerate(texts) if "min" in text.lower() and ends_with_length(text)}
    marks: dict[int, str] = {}
    for i in sorted(timed):
        if i - 1 in timed or i + 1 in timed or not is_media_length(lines[i], texts[i]):
            continue
        text = texts[i]
        marks[i] = "a media length or reading time"
        below = i + 1
        if below < len(lines) and is_title(lines[below], texts[below]):
            marks[below] = f'the title under a media length ("{text.strip()[:30]}")'
    return marks

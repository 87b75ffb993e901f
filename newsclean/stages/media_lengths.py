"""Lines that only state how long something takes: a video's or a podcast's length ("2:43 min",
"Politik 05.08.2024 01:34 min", "Duration 1:30 min") or a reading time ("4 min read", "Lesezeit:
3 Min."), printed under a player or a teaser inside the article's span, and the title right below such a
line (a line ending like a sentence there is the article going on). Two lengths in a row are a
recipe's or a schedule's times ("Prep time 15 min", "Cook time 30 min"): they stay.

The signal is the unit's symbol, "min" (the SI-accepted symbol, written alike in most languages
of the Latin script), closing a short line that is no sentence: an article says how long
something lasted inside a sentence ("The film runs 50 min."), or inside brackets with more after
it ("(documentary, 50 min, Arte)").

A video teaser's blurb may end with the video's date and length, right after its last sentence
("... beschlossen. 18.04.2024 | 0:21 min"): an article's paragraph never ends on a date and a
length. Only the line's end is read.

A player also prints its length as a bare clock reading, minutes and seconds ("01:53", "45:47",
"Duration 12:38", "0:00:49"), with its title right below it or, when running text follows, right
above it. Such a line holds no unit, so two more guards stand for it: no other clock line
within a few lines (a schedule's or a programme's times: "14:30" / "Opening talk" / "15:00"),
and seconds written with two digits (a score is "2:1").
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
# A blurb's end: a sentence end, a date (day, month, year), a separator and a length in minutes.
BLURB_END = re.compile(r"[.!?…][\"'”’»)]*\s+\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\s*[|·•,–-]?\s*\d{1,3}(?::\d{2}){0,2}\s?min\.?$", re.IGNORECASE)
BLURB_END_CHARS = 48
# A bare clock length: minutes and seconds (two digits each after the first colon), optionally
# hours before them, with a label of MAX_LABEL_WORDS words at most ("Duration 1:30"), nothing else.
CLOCK_LENGTH = re.compile(r"^(?:[^\W\d_]+\.?:?\s+){0,2}\d{1,2}(?::[0-5]\d){1,2}$")
# A player's date or age over its length ("14 hours ago", "Aug. 8, 2024").
MAX_STAMP_WORDS = 4
# Clock lines closer than this are a schedule's or a programme's times, not a player's length.
MIN_CLOCK_SPACING = 6
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


def is_dated_blurb(text: str) -> bool:
    """A line whose last sentence is followed by a date and a length in minutes."""
    return BLURB_END.search(text.strip()[-BLURB_END_CHARS:]) is not None


def is_stamp(features: LineFeatures) -> bool:
    """A few words with a number and no sentence end: a date or an age ("1 day ago", "05.08.2024")."""
    return 0 < features.words <= MAX_STAMP_WORDS and features.numbers > 0 and not features.sentence_end


def is_clock_length(features: LineFeatures, text: str) -> bool:
    """A short line that is only a clock reading of minutes and seconds, with at most a label
    ("45:47", "Duration 1:30")."""
    stripped = text.strip()
    return not features.sentence_end and len(stripped) <= MAX_LINE_CHARS and CLOCK_LENGTH.match(stripped) is not None


def clock_lengths(lines: Sequence[LineFeatures], texts: Sequence[str]) -> dict[int, str]:
    """Every bare clock length that stands alone (no other clock line close by), and the title
    right below it, or right above it when running text follows it."""
    clocks = [i for i, text in enumerate(texts) if ":" in text and is_clock_length(lines[i], text)]
    marks: dict[int, str] = {}
    for k, i in enumerate(clocks):
        neighbours = clocks[k - 1 : k] + clocks[k + 1 : k + 2]
        if any(abs(i - j) < MIN_CLOCK_SPACING for j in neighbours):
            continue
        marks[i] = "a media length (a clock reading alone on its line)"
        below, above = i + 1, i - 1
        if below < len(lines) and is_title(lines[below], texts[below]):
            marks[below] = f'the title under a media length ("{texts[i].strip()[:30]}")'
        elif below < len(lines) and lines[below].sentence_end:
            # Above it: the title, or the player's date or age over its title ("14 hours ago").
            if above > 0 and is_stamp(lines[above]) and is_title(lines[above - 1], texts[above - 1]):
                marks[above] = f'the date over a media length ("{texts[i].strip()[:30]}")'
                above -= 1
            if above >= 0 and is_title(lines[above], texts[above]):
                marks[above] = f'the title over a media length ("{texts[i].strip()[:30]}")'
    return marks


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
    marks.update(
        (i, "a video's blurb (its date and length after its last sentence)")
        for i, text in enumerate(texts)
        if "min" in text[-BLURB_END_CHARS:].lower() and is_dated_blurb(text)
    )
    marks.update(clock_lengths(lines, texts))
    return marks

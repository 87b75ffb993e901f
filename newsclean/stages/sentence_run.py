"""The article going on in short sentences: a run of lines that each end like a sentence right
below the span, in a script written without spaces (short CJK sentences) or as quoted speech (a
story's dialogue), is more of the article, even when the line model scores each of them low for
being short."""

from __future__ import annotations

from ..model.features import LineFeatures

# A run of this many sentence lines or more continues the article; one or two short sentences
# below a story are often the site's.
MIN_SENTENCE_LINES = 3
# Quoted speech opens with one of these (“…”, „…“, «…», 「…」, "…").
QUOTES = ("“", "„", "«", "»", "「", "『", '"', "‘", "‚", "‹", "›")


def is_short_sentence(features: LineFeatures, text: str) -> bool:
    """A line that ends like a sentence and is CJK text or quoted speech. Sentence lines in
    spaced scripts below an article are as often the site's ("Found a mistake? Write to us!")."""
    return features.sentence_end and (features.cjk or text.startswith(QUOTES))


def sentences_below(lines: list[LineFeatures], texts: list[str], end: int, stop: int) -> int:
    """The span's end moved down over the short sentences (is_short_sentence) from `end` (up to
    `stop`), when MIN_SENTENCE_LINES or more follow one another; `end` unchanged otherwise."""
    i = end
    while i < stop and is_short_sentence(lines[i], texts[i]):
        i += 1
    return i if i - end >= MIN_SENTENCE_LINES else end

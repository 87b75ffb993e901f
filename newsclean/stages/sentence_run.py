"""The article going on below the span in lines the line model scores low: a run of lines that
each end like a sentence, in a script written without spaces (short CJK sentences) or as quoted
speech (a story's dialogue); or one more section (a heading over one paragraph) below a span that
ends with sections of that shape."""

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


# A section's heading is a short line with no sentence end.
SECTION_HEADING_WORDS = 20
# The span ends with this many sections (a heading over one paragraph) before it may go on with
# one more of the same shape.
MIN_SECTIONS = 2


def is_section(lines: list[LineFeatures], i: int) -> bool:
    """Lines i and i + 1 are a heading over one paragraph of running text that ends a sentence."""
    heading, paragraph = lines[i], lines[i + 1]
    return (
        not heading.is_prose
        and not heading.sentence_end
        and 0 < heading.size - heading.numbers <= SECTION_HEADING_WORDS
        and paragraph.is_prose
        and paragraph.sentence_end
    )


def sections_below(lines: list[LineFeatures], start: int, end: int, stop: int) -> int:
    """The span's end moved down over sections (a heading over one paragraph) below it, when the
    span itself ends with MIN_SECTIONS sections of that shape (an article told in short sections:
    its last one scored low is still the article's); `end` unchanged otherwise."""
    # (The first section's heading may stand right above the span: its edge went as a heading.)
    if end - 2 * MIN_SECTIONS < max(0, start - 1) or not all(is_section(lines, end - 2 * k) for k in range(1, MIN_SECTIONS + 1)):
        return end
    while end + 1 < stop and is_section(lines, end):
        end += 2
    return end

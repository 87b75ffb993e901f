"""The article going on below the span in lines the line model scores low: a run of lines that
each end like a sentence, in a script written without spaces (short CJK sentences) or as quoted
speech (a story's dialogue); or one more section (a heading over one paragraph) below a span that
ends with sections of that shape; or the article's last paragraph (under its heading), or its
closing quote, right above an end marker."""

from __future__ import annotations

from ..model.features import LineFeatures
from .author_box import is_name, names_person

# A run of this many sentence lines or more continues the article; one or two short sentences
# below a story are often the site's.
MIN_SENTENCE_LINES = 3
# Quoted speech opens with one of these (“…”, „…“, «…», 「…」, "…").
QUOTES = ("“", "„", "«", "»", "「", "『", '"', "‘", "‚", "‹", "›")


def is_short_sentence(features: LineFeatures, text: str) -> bool:
    """A line that ends like a sentence and is CJK text or quoted speech. Sentence lines in
    spaced scripts below an article are as often the site's ("Found a mistake? Write to us!")."""
    return features.cjk and features.sentence_end or is_quoted_sentence(features, text)


def is_quoted_sentence(features: LineFeatures, text: str) -> bool:
    """A line of quoted speech that ends a sentence (its speaker's name after it or not)."""
    return features.sentence_end and text.startswith(QUOTES)


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


def is_heading(features: LineFeatures) -> bool:
    """A section's heading: a short line of words with no sentence end."""
    words = features.size - features.numbers
    return not features.is_prose and not features.sentence_end and 0 < words <= SECTION_HEADING_WORDS


def is_section(lines: list[LineFeatures], i: int) -> bool:
    """Lines i and i + 1 are a heading over one paragraph of running text that ends a sentence."""
    paragraph = lines[i + 1]
    return is_heading(lines[i]) and paragraph.is_prose and paragraph.sentence_end


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


# The last paragraph above an end marker runs at least this many words: a long paragraph is the
# article's, while a teaser's blurb or a call to comment is short.
LAST_PARAGRAPH_WORDS = 35


def is_long_paragraph(features: LineFeatures) -> bool:
    """Running text of LAST_PARAGRAPH_WORDS or more in several sentences (its last may end with
    the author's initials, "(kas)")."""
    several = features.sentence_end or features.sentences >= 2
    return features.is_prose and features.size >= LAST_PARAGRAPH_WORDS and several


def is_caption_line(features: LineFeatures) -> bool:
    """A short line with no sentence end: a photo's caption and credit between two sections
    ("Arrests in Palma / Jane Doe"), or a heading."""
    return not features.sentence_end and 0 < features.size - features.numbers <= SECTION_HEADING_WORDS


def last_paragraph_above_marker(lines: list[LineFeatures], texts: list[str], start: int, end: int, marker: int) -> int:
    """The span's end moved down to the end marker at `marker`, when all that stands between them
    is one line of quoted speech, or one long paragraph, alone or under a section's heading (not a
    name the paragraph speaks of: an author's box) with perhaps a photo's caption above that
    heading, and the span ends with running text; `end` unchanged otherwise."""
    # The model reads a paragraph by its neighbours too: with the marker and the links under it
    # below, the article's last paragraph scores low, though nothing parts it from the article.
    if end <= start or not lines[end - 1].is_prose or not 0 < marker - end <= 3:
        return end
    # Or the article closes with a short quote right above the marker ('"Now I'm in a hurry," she
    # says, laughing.'): a site's note below an article is no quoted speech.
    if marker - end == 1 and is_quoted_sentence(lines[end], texts[end]):
        return marker
    if not is_long_paragraph(lines[marker - 1]):
        return end
    heading = marker - 2
    if marker - end >= 2 and not is_heading(lines[heading]):
        return end
    if marker - end == 3 and not is_caption_line(lines[end]):
        return end
    if marker - end >= 2 and is_name(lines[heading], texts[heading]) and names_person(texts[heading], texts[heading + 1]):
        return end
    return marker


# A paragraph right below the span runs at least this many words to be the article's last: a
# site's note under an article (a comment policy, "Found a mistake?") is shorter.
NEXT_PARAGRAPH_WORDS = 25


def last_paragraph_below(lines: list[LineFeatures], lines_at: list[int], start: int, end: int) -> int:
    """The span's end moved down over one paragraph right below it, when the span ends with
    running text and the paragraph (NEXT_PARAGRAPH_WORDS or more, ending a sentence) follows its
    last line on the page with nothing between them and no running text below it; `end`
    unchanged otherwise. `lines_at`: each line's place on the page."""
    # Scored by its neighbours, the last paragraph above the site's menus scores low, though
    # nothing parts it from the article; a note set apart by a label or a box has lines between.
    if end <= start or end >= len(lines) or lines_at[end] != lines_at[end - 1] + 1:
        return end
    paragraph = lines[end]
    if not lines[end - 1].is_prose or not (paragraph.is_prose and paragraph.sentence_end):
        return end
    if paragraph.size < NEXT_PARAGRAPH_WORDS or (end + 1 < len(lines) and lines[end + 1].is_prose):
        return end
    return end + 1

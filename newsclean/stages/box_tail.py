"""The article's last paragraphs below a box of other stories teased inside it: an end marker
("Mehr zum Thema", "Popular") over a few headlines or names, then the article's closing paragraph,
then the page's furniture (the author's name, share buttons, "Back to the front page")."""

from __future__ import annotations

from ..model.features import LineFeatures
from ..parse.text import tokens
from .markers import box_over_paragraph
from .sentence_run import NEXT_PARAGRAPH_WORDS

# The article's tail below the box is a few lines that end sentences, up to this many: a run
# of more paragraphs is another story's (the next one of an endless page), not a closing.
MAX_TAIL_LINES = 4
# The tail speaks of what the article speaks of: this share of its words (of MIN_WORD_CHARS
# letters or more, told apart once each) or more are the article's too. Measured: the closing
# paragraphs of dev and train 0.36-0.64; a comment policy, a site's self-description, an
# author's biography or a teaser's blurb under the box 0.09-0.23. (Scripts without spaces have
# no such words: there the tail is never taken.)
MIN_SHARED_WORDS = 0.3
MIN_WORD_CHARS = 4


def is_paragraph(features: LineFeatures) -> bool:
    """Running text of NEXT_PARAGRAPH_WORDS or more that ends a sentence (shorter, it may be the
    author's line: "Jane Doe is a correspondent in Geneva.")."""
    return features.is_prose and features.sentence_end and features.size >= NEXT_PARAGRAPH_WORDS


def content_words(texts: list[str]) -> set[str]:
    """The distinct case-folded words of MIN_WORD_CHARS characters or more in texts."""
    return {word for text in texts for word in tokens(text) if len(word) >= MIN_WORD_CHARS}


def under_its_heading(heading: str, paragraph: str) -> bool:
    """The paragraph opens with a word of the line above it (of MIN_WORD_CHARS letters or more):
    a teaser's blurb under its headline, a biography under its name ("Jane Doe / Jane has ...")."""
    first = paragraph.split(maxsplit=1)[0] if paragraph.strip() else ""
    return len(first) >= MIN_WORD_CHARS and first in heading.split()


def tail_below_box(lines: list[LineFeatures], texts: list[str], start: int, end: int, marker: int) -> int:
    """The span's end moved past the end marker at `marker` and the box under it, over the
    article's last lines of sentences (up to the last paragraph among them), when the span ends
    with running text right above the marker, the box is a few headlines with no blurb
    (markers.box_over_paragraph), no more than MAX_TAIL_LINES sentence lines follow it in a row,
    and they share MIN_SHARED_WORDS of their words with the span; `end` unchanged otherwise.
    (in_span.py removes the marker and the box.)"""
    if end != marker or end <= start or not lines[end - 1].is_prose:
        return end
    first = box_over_paragraph(lines, texts, marker)
    if first is None or under_its_heading(texts[first - 1], texts[first]):
        return end
    last, below = first, first + 1
    while below < len(lines) and lines[below].sentence_end:
        if is_paragraph(lines[below]):
            last = below
        below += 1
    if below - first > MAX_TAIL_LINES:
        return end
    tail = content_words(texts[first : last + 1])
    shared = len(tail & content_words(texts[start:end]))
    return last + 1 if tail and shared >= MIN_SHARED_WORDS * len(tail) else end

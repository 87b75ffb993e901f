"""The article's last paragraphs below a box of other stories teased inside it: an end marker
("Mehr zum Thema", "Popular") over a few headlines or names, then the article's closing paragraph,
then the page's furniture (the author's name, share buttons, "Back to the front page")."""

from __future__ import annotations

from collections.abc import Container

from ..model.features import LineFeatures
from ..parse.text import tokens
from .markers import box_over_paragraph
from .sentence_run import NEXT_PARAGRAPH_WORDS

# The article's tail below the box is a few lines that end sentences, up to this many: a run
# of more paragraphs is another story's (the next one of an endless page), not a closing.
MAX_TAIL_LINES = 4
# With no marker over it, a box of this many headlines or more right below the span.
MIN_UNLABELLED_BOX = 2
# The tail speaks of what the article speaks of: this share of its words (of MIN_WORD_CHARS
# letters or more, told apart once each) or more are the article's too. Measured: the closing
# paragraphs of dev and train 0.36-0.64; a comment policy, a site's self-description, an
# author's biography or a teaser's blurb under the box 0.09-0.23. (Scripts without spaces have
# no such words: there the tail is never taken.)
MIN_SHARED_WORDS = 0.3
MIN_WORD_CHARS = 4
# A blurb names what its headline names within its first few words ("Die Samsung Galaxy Watch5
# kann ..." under "Samsung Galaxy Watch5"; "Jane has ..." under "Jane Doe").
OPENING_WORDS = 3
# Why the lines of a box with no marker over it go (in_span.py removes a marked box).
HEADLINES_NOTE = "other stories' headlines inside the article, above its last paragraph"


def is_paragraph(features: LineFeatures) -> bool:
    """Running text of NEXT_PARAGRAPH_WORDS or more that ends a sentence (shorter, it may be the
    author's line: "Jane Doe is a correspondent in Geneva.")."""
    return features.is_prose and features.sentence_end and features.size >= NEXT_PARAGRAPH_WORDS


def content_words(texts: list[str]) -> set[str]:
    """The distinct case-folded words of MIN_WORD_CHARS characters or more in texts."""
    return {word for text in texts for word in tokens(text) if len(word) >= MIN_WORD_CHARS}


def speaks_of(tail: list[str], article: list[str]) -> bool:
    """MIN_SHARED_WORDS or more of the tail's content words are the article's too (a tail with no
    such word speaks of nothing)."""
    words = content_words(tail)
    return bool(words) and len(words & content_words(article)) >= MIN_SHARED_WORDS * len(words)


def under_its_heading(heading: str, paragraph: str) -> bool:
    """The paragraph names a word of the line above it (of MIN_WORD_CHARS letters or more) among
    its first OPENING_WORDS words: a teaser's blurb under its headline, a biography under its name."""
    above = set(heading.split())
    return any(len(word) >= MIN_WORD_CHARS and word in above for word in paragraph.split()[:OPENING_WORDS])


def tail_below_box(
    lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int, markers: Container[int]
) -> tuple[int, range]:
    """The span's end moved past a box of other stories' headlines below it, over the article's
    last lines of sentences (up to the last paragraph among them); and the box's lines when no
    end marker heads it (else empty: in_span.py removes a marked box). The box stands under the
    marker at `stop` right below the span, or right below the span with no marker: MIN_UNLABELLED_BOX
    or more headlines, above `stop`. It is a few headlines with no blurb (markers.box_over_paragraph),
    the paragraph below it does not name the line above it (under_its_heading), no more than
    MAX_TAIL_LINES sentence lines follow the box in a row, and they share MIN_SHARED_WORDS of
    their words with the span. `end` and an empty range otherwise."""
    unchanged = end, range(end, end)
    if end <= start or not lines[end - 1].is_prose or end > stop:
        return unchanged
    labelled = end == stop and stop in markers
    first = box_over_paragraph(lines, texts, end if labelled else end - 1)
    if first is None or under_its_heading(texts[first - 1], texts[first]):
        return unchanged
    if not labelled and (first - end < MIN_UNLABELLED_BOX or first >= stop):
        return unchanged
    last, below = first, first + 1
    # Read no further than one line past MAX_TAIL_LINES: a longer run is no tail either way.
    while below < len(lines) and below - first <= MAX_TAIL_LINES and lines[below].sentence_end and below not in markers:
        if is_paragraph(lines[below]):
            last = below
        below += 1
    if below - first > MAX_TAIL_LINES:
        return unchanged
    if not speaks_of(texts[first : last + 1], texts[start:end]):
        return unchanged
    return last + 1, range(end, end) if labelled else range(end, first)


def closing_below_list(lines: list[LineFeatures], texts: list[str], start: int, end: int, stop: int) -> int:
    """The span's end moved down over the article's closing paragraph right below the entries of a
    list the span was carried over ("Here are the weekend's results:", the results, then "The
    leaders host ... next Saturday." above "Most read"), when an end marker follows it at `stop`:
    a paragraph (is_paragraph) that shares MIN_SHARED_WORDS of its words with the span, as the
    closing below a box does (a site's note under the list shares few). `end` otherwise."""
    if stop - end != 1 or not is_paragraph(lines[end]):
        return end
    return stop if speaks_of(texts[end : end + 1], texts[start:end]) else end

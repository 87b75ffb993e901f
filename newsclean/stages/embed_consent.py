"""A consent box for embedded content inside the article: a video or post of another site,
shown only after the reader agrees.

In a dump, the box is a few short lines between the article's paragraphs that keep naming the
other site ("External content from VideoSite is shown here", "Allow VideoSite content", "Link to
the VideoSite content"): a name said in 3 of at most 8 short lines, in sentences and on a
button (a short line with no sentence end), and nowhere else in the article. No
phrase of any language is matched: the repeated name and the box's shape are the signal.
The box's two sentences (what the box holds; "I agree that ... is shown to me") may run longer
than its other lines when the name is on every line of the box, its heading and its button among
them (a section of the article under a subheading naming its subject, or paragraphs quoting one
person by name, are not), and inflect the name when it is a word of the language ("externer
Inhalt", "externe Inhalte"): a name is compared by its first STEM_CHARS letters.
A newsletter's sign-up box has the same shape ("Sign up for Weekly Digest", "Thanks for signing up!
The next Weekly Digest will soon be in your inbox.") and goes too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

from ..model.features import LineFeatures
from .repeated_headline import is_paragraph

CONSENT_BOX_REASON = "a consent or sign-up box (one name said on its short lines and its button)"

NAME = re.compile(r"[^\W\d_][^\W_]{2,}")
# The box: the name on this many lines at least, within BOX_LINES lines, each of BOX_WORDS words
# or less (a sentence SENTENCE_WORDS), two of them sentences and one a button of BUTTON_WORDS
# words or less.
MIN_NAMED_LINES = 3
BOX_LINES = 8
BOX_WORDS = 20
SENTENCE_WORDS = 50
# Names compare by their first letters, this many: an inflected word ("Inhalt", "Inhalte") is
# one name; a shorter name is compared whole (with five, "Security" and "Secure" were one).
STEM_CHARS = 6
MIN_SENTENCES = 2
BUTTON_WORDS = 4


def _names(text: str) -> set[str]:
    """The capitalised words of a line (parts of hyphenated words too): candidate site names."""
    return {word[:STEM_CHARS] for word in NAME.findall(text) if word[0].isupper()}


def holds_sentence(line: LineFeatures) -> bool:
    """The line ends a sentence or holds one ("... is shown to me. More in our privacy policy")."""
    return line.sentence_end or line.sentences > 0


def fits_box(line: LineFeatures) -> bool:
    """Short enough for a box's line: BOX_WORDS words, or SENTENCE_WORDS for a sentence."""
    return line.words <= (SENTENCE_WORDS if holds_sentence(line) else BOX_WORDS)


def consent_boxes(lines: Sequence[LineFeatures], texts: Sequence[str]) -> dict[int, str]:
    """The lines of each embedded-content consent box between the article's paragraphs."""
    paragraphs = [i for i, line in enumerate(lines) if is_paragraph(line)]
    if not paragraphs:
        return {}
    # A box starts between the first paragraph and the last: no line above the first is read. Its
    # lines' names are read only when a box could start above them (most paragraphs never are).
    found: dict[int, set[str]] = {}

    def names(i: int) -> set[str]:
        if i not in found:
            found[i] = _names(texts[i]) if i > paragraphs[0] and fits_box(lines[i]) else set()
        return found[i]

    # A box's window of BOX_LINES lines holds a button and MIN_SENTENCES sentences, named or not:
    # a window without them (most, between an article's paragraphs) is passed over before its
    # names are read (counts of such lines above each position).
    buttons_above = [0, *accumulate(line.words <= BUTTON_WORDS and not line.sentence_end for line in lines)]
    sentences_above = [0, *accumulate(map(holds_sentence, lines))]
    marks: dict[int, str] = {}
    for first in range(paragraphs[0] + 1, paragraphs[-1]):
        # A box opens with a short line (its heading, or any line of a box of short lines).
        if first in marks or lines[first].words > BOX_WORDS:
            continue
        stop = min(first + BOX_LINES, len(lines))
        if buttons_above[stop] == buttons_above[first] or sentences_above[stop] - sentences_above[first] < MIN_SENTENCES:
            continue
        for name in names(first):
            # (a name is a word's first letters: a line that lacks them as text cannot name it)
            named = [j for j in range(first, min(first + BOX_LINES, len(lines))) if name in texts[j] and name in names(j)]
            last = named[-1]
            if len(named) < MIN_NAMED_LINES or not all(fits_box(lines[j]) for j in range(first, last + 1)):
                continue
            if sum(holds_sentence(lines[j]) for j in named) < MIN_SENTENCES:
                continue
            buttons = sum(lines[j].words <= BUTTON_WORDS and not lines[j].sentence_end for j in named)
            if buttons == 0:
                continue
            # Sentences longer than BOX_WORDS could be the article's own section (a subheading and
            # paragraphs naming its subject, or quoting someone by name): then the name is on every
            # line of the box, and two of them are short, its heading and its button.
            if any(lines[j].words > BOX_WORDS for j in range(first, last + 1)) and (len(named) <= last - first or buttons < 2):
                continue
            # The article's other lines never name the site: it is not what the article is about.
            if any(name in texts[j] for j in (*range(first), *range(last + 1, len(lines)))):
                continue
            # Between the article's paragraphs: running text above and below the box.
            if not paragraphs[0] < first or not last < paragraphs[-1]:
                continue
            # The box's heading: one short line with no sentence end right above it.
            top = first - 1 if first > 0 and lines[first - 1].words <= BUTTON_WORDS and not lines[first - 1].sentence_end else first
            marks.update((j, CONSENT_BOX_REASON) for j in range(top, last + 1))
            break
    return marks

"""Other stories' teasers below the article's last paragraph, under a label no phrase list knows
("Passend zum Artikel" / "Bildstrecke" / three headlines each over a blurb of a sentence or two).

headline_boxes.py takes a box of headlines between two paragraphs; below the article there is no
paragraph after the box, and a teaser's blurb reads as prose, so the span runs over it. The
shape says so in any language: a label right below the article's running text, then units that
repeat to the end of the span, each an optional kicker or date line, a headline and one or two
short blurbs, MIN_UNITS of them or more. An article's own sections have that shape too (a
listicle's subheadings, a live ticker's entries): their paragraphs are longer than a blurb, and
they speak of what the article speaks of, a teaser of another story does not.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.features import LineFeatures
from ..rules import Rules
from .box_tail import MIN_SHARED_WORDS, content_words
from .headline_boxes import MAX_HEADLINE_WORDS, MIN_HEADLINE_WORDS, is_box_label, is_headline_line, ran_on_to
from .related_list import MIN_PARAGRAPHS_ABOVE

# A run of teasers holds this many units or more (two headlines over blurbs may be the article's
# last two sections).
MIN_UNITS = 3
# A unit's blurb is one or two lines of this many words or fewer: a teaser's blurb is a sentence
# or two, a section's paragraph is longer.
MAX_BLURB_WORDS = 40
MAX_BLURBS = 2
# Above a headline, a kicker ("Kommentar") and the previous teaser's author and date line.
MAX_KICKERS = 2


def is_blurb(features: LineFeatures) -> bool:
    """A teaser's blurb: a short line of running text ending a sentence."""
    return features.is_prose and features.sentence_end and features.words <= MAX_BLURB_WORDS


def is_kicker(features: LineFeatures) -> bool:
    """A kicker, date or author line over a teaser's headline: short, no sentence."""
    return not features.sentence_end and 0 < features.words <= MAX_HEADLINE_WORDS


def unit_above(lines: Sequence[LineFeatures], texts: Sequence[str], end: int, rules: Rules) -> int | None:
    """Where the teaser unit ending right above `end` starts (its kicker or headline), or None:
    up to MAX_BLURBS blurbs, a headline of MIN_HEADLINE_WORDS words or more above them, and
    up to MAX_KICKERS kicker or date lines above that."""
    start = end
    while start > 0 and end - start < MAX_BLURBS and is_blurb(lines[start - 1]):
        start -= 1
    headline = start - 1
    if start == end or headline < 0 or lines[headline].words < MIN_HEADLINE_WORDS or not is_headline_line(lines[headline], texts[headline], rules):
        return None
    start = headline
    while start > 0 and headline - start < MAX_KICKERS and is_kicker(lines[start - 1]) and not is_run_label(lines, texts, start - 1, rules):
        start -= 1
    return start


def is_run_label(lines: Sequence[LineFeatures], texts: Sequence[str], position: int, rules: Rules) -> bool:
    """The line at position is a box's label right below the article's running text, or below a
    line of one sentence closing it (a source note: "With agency material.")."""
    if position < 1 or not is_box_label(lines[position], texts[position], rules):
        return False
    return ran_on_to(lines, texts, position - 1) or (position > 1 and lines[position - 1].sentence_end and ran_on_to(lines, texts, position - 2))


def speaks_of_the_article(units: Sequence[str], article: set[str], rules: Rules) -> bool:
    """The units share MIN_SHARED_WORDS of their words or more with the article above them
    (stop words of any language aside: "sich", "werden" say nothing of a topic). Taken over the
    whole run: a teaser "related to the article" may share its topic, the run as a whole does
    not continue it, an article's own sections do."""
    words = content_words(list(units)) - rules.stopword_languages.keys()
    return not words or len(words & article) >= MIN_SHARED_WORDS * len(words)


def teaser_tail(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """MIN_UNITS teaser units or more from the span's end upwards (unit_above), under a label
    right below the article's running text (MIN_PARAGRAPHS_ABOVE paragraphs or more), not
    speaking of the article as a whole: the label and the units."""
    starts: list[int] = []
    end = len(lines)
    while (start := unit_above(lines, texts, end, rules)) is not None:
        starts.append(start)
        end = start
    label = end - 1
    if len(starts) < MIN_UNITS or not is_run_label(lines, texts, label, rules):
        return {}
    # An article above the box: its own paragraphs under a widget's repeated labels ("Exit full
    # screen" / "Full screen" / a caption) have the units' shape, with one paragraph above them.
    if sum(1 for features in lines[:label] if features.is_prose and features.sentence_end) < MIN_PARAGRAPHS_ABOVE:
        return {}
    article = content_words(list(texts[:label]))
    if speaks_of_the_article(texts[label + 1 :], article, rules):
        return {}
    reason = f'other stories\' teasers below the article (under "{texts[label].strip()[:40]}")'
    return dict.fromkeys(range(label, len(lines)), reason)

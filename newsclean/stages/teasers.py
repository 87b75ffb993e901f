"""Teaser lists: a section front or a list of other stories, headlines with one-sentence blurbs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model.features import LineFeatures
from .numbered_sections import section_number
from .span_edges import is_label

TEASER_REASON = "a list of teasers (headlines and blurbs), not an article"
# A teaser list has at least this many blurbs, none next to another, of one or two sentences.
MIN_TEASERS = 3
MAX_BLURB_SENTENCES = 1.6
# A blurb may be a short sentence ("Operators blame a shortage of crew."): shorter than running
# text, it still ends like one, under a headline.
MIN_BLURB_WORDS = 5
# ...and a few headlines, bylines and times for each blurb. Many more lines that do not end like a
# sentence are running text of another kind (a photo blog's captions, verse, text that uses spaces
# for punctuation), not headlines.
MAX_HEADINGS_PER_BLURB = 4
# A blurb is a sentence or two: the typical (median) blurb of a teaser list is shorter than this
# (in words, a CJK character half a word). Longer ones are the paragraphs of a listicle.
MAX_MEDIAN_BLURB_WORDS = 40
# Text hard-wrapped at a fixed width (an old page, a plain-text mail) alternates lines that end a
# sentence with lines cut at the width; those are not headlines. The wrapped lines are the
# lines of at least WRAP_MIN_CHARS characters that do not end a sentence, at least WRAP_MIN_LINES
# of them, and WRAP_SHARE of them within a character of one length.
WRAP_MIN_CHARS = 20
WRAP_MIN_LINES = 5
WRAP_SHARE = 0.5
# Headings numbered 1, 2, 3, ... in one shape ("1. Bleed your radiators", "Step 2"), this many at
# least and over half the blurbs, are an article told in numbered sections (tips, steps), each
# with a short paragraph: a section front's headlines count nothing.
MIN_COUNTED_SECTIONS = 3


def is_hard_wrapped(lines: Sequence[LineFeatures], texts: Sequence[str]) -> bool:
    """True when most long lines that do not end a sentence have one length: text wrapped at a
    fixed width, whose cut lines are not headings."""
    lengths = Counter(len(t) for f, t in zip(lines, texts) if not f.sentence_end and len(t) >= WRAP_MIN_CHARS)
    count = sum(lengths.values())
    if count < WRAP_MIN_LINES:
        return False
    modal = max(lengths, key=lambda n: (lengths[n], n))
    return lengths[modal - 1] + lengths[modal] + lengths[modal + 1] >= WRAP_SHARE * count


def headless_entries(lines: Sequence[LineFeatures], blurbs: Sequence[bool]) -> bool:
    """Half the blurbs or more have only bare numbers between them and the blurb before ("11:40"):
    a live blog's entries under their times. Each teaser has its headline."""
    at = [i for i, blurb in enumerate(blurbs) if blurb]
    headless = sum(1 for p, q in zip(at, at[1:]) if all(f.size <= f.numbers for f in lines[p + 1 : q]))
    return 2 * headless >= len(at) - 1


def counted_sections(lines: Sequence[LineFeatures], texts: Sequence[str]) -> int:
    """How many headings count on from 1 in one shape, in order (the longest such count)."""
    wanted: dict[str, int] = {}
    for features, text in zip(lines, texts):
        number = section_number(features, text)
        if number is not None and number[1] == wanted.get(number[0], 0) + 1:
            wanted[number[0]] = number[1]
    return max(wanted.values(), default=0)


def is_teaser_list(lines: Sequence[LineFeatures], texts: Sequence[str] | None = None) -> bool:
    """Headlines with short one-sentence blurbs, bylines and times, but never two paragraphs in a
    row: a section front or a list of other stories, not an article. (A listicle's items are
    longer: paragraphs under their headings. Given the lines' texts, hard-wrapped text is not
    taken for headlines either, nor numbered sections counting on from 1: tips or steps.)"""
    blurbs = [f.sentence_end and (f.is_prose or f.words >= MIN_BLURB_WORDS) for f in lines]
    count = sum(blurbs)
    if count < MIN_TEASERS or any(a and b for a, b in zip(blurbs, blurbs[1:])):
        return False
    from statistics import (
        median,  # here: statistics (with fractions, decimal) costs 5 ms to import
    )

    if median(f.size for f, blurb in zip(lines, blurbs) if blurb) > MAX_MEDIAN_BLURB_WORDS:
        return False
    if headless_entries(lines, blurbs):
        return False
    if texts is not None and is_hard_wrapped(lines, texts):
        return False
    if texts is not None and (counted := counted_sections(lines, texts)) >= MIN_COUNTED_SECTIONS and 2 * counted > count:
        return False
    sentences = sum(max(1, f.sentences) for f, blurb in zip(lines, blurbs) if blurb)
    headings = sum(1 for f in lines if is_label(f) or not f.sentence_end)
    return sentences <= MAX_BLURB_SENTENCES * count and count <= headings <= MAX_HEADINGS_PER_BLURB * count

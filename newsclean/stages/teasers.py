"""Teaser lists: a section front or a list of other stories, headlines with one-sentence blurbs."""

from __future__ import annotations

from ..model.features import LineFeatures
from .span_edges import is_label

TEASER_REASON = "a list of teasers (headlines and blurbs), not an article"
# A teaser list has at least this many blurbs, none next to another, of one or two sentences.
MIN_TEASERS = 3
MAX_BLURB_SENTENCES = 1.6
# ...and a few headlines, bylines and times for each blurb. Many more lines that do not end like a
# sentence are running text of another kind (a photo blog's captions, verse, text that uses spaces
# for punctuation), not headlines.
MAX_HEADINGS_PER_BLURB = 4


def is_teaser_list(lines: list[LineFeatures]) -> bool:
    """Headlines with one-sentence blurbs, bylines and times, but never two paragraphs in a row:
    a section front or a list of other stories, not an article. (A listicle's items are longer:
    paragraphs of several sentences under their headings.)"""
    blurbs = [f.is_prose and f.sentence_end for f in lines]
    count = sum(blurbs)
    if count < MIN_TEASERS or any(a and b for a, b in zip(blurbs, blurbs[1:])):
        return False
    sentences = sum(max(1, f.sentences) for f, blurb in zip(lines, blurbs) if blurb)
    headings = sum(1 for f in lines if is_label(f) or not f.sentence_end)
    return sentences <= MAX_BLURB_SENTENCES * count and count <= headings <= MAX_HEADINGS_PER_BLURB * count

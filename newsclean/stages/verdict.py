"""The verdict: article, error page, or empty, decided once every other stage has marked the page."""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage, Verdict
from ..features import LineFeatures, analyze
from ..rules import load_rules
from .error_page import error_phrase
from .span_edges import is_label

# A page whose body is this share error-page text (by words) is an error page, however long.
ERROR_SHARE = 0.3
# A teaser list has at least this many blurbs, none next to another, of one or two sentences.
MIN_TEASERS = 3
MAX_BLURB_SENTENCES = 1.6


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
    return sentences <= MAX_BLURB_SENTENCES * count and headings >= count


def _remove_all(blocks: list[Block], stage: Stage, reason: str) -> None:
    for block in blocks:
        if block.kept:
            block.remove(stage, reason)


def decide_verdict(doc: Document, config: Config) -> Document:
    """An article needs a real body; a thin body beside error-page evidence makes an error page.

    Evidence of an error page is error-page text removed at the top or standing in the body, or
    an HTTP error status in the header (a signal only: a 403 page that holds a real article is an
    article). A body that is only a list of teasers is no article either.
    """
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    lenient = doc.meta.status is not None and doc.meta.status >= 400
    error_words = sum(lines[i].size for i in kept if error_phrase(lines[i], rules, lenient))
    body_words = sum(lines[i].size for i in kept)
    evidence = lenient or error_words > 0 or any(b.removal and b.removal.stage is Stage.ERROR_PAGE for b in doc.blocks)
    if evidence and (body_words - error_words < config.min_article_words or error_words >= ERROR_SHARE * body_words):
        _remove_all(doc.blocks, Stage.ERROR_PAGE, "the page is an error page: no article besides the error text")
        doc.verdict = Verdict.ERROR_PAGE
    elif kept and doc.input_format != "html" and is_teaser_list([lines[i] for i in kept]):
        # (trafilatura chose HTML paragraphs from the markup: a photo blog's captions are no teasers)
        _remove_all(doc.blocks, Stage.BOILERPLATE, "a list of teasers (headlines and blurbs), not an article")
        doc.verdict = Verdict.EMPTY
    elif body_words == 0:
        doc.verdict = Verdict.EMPTY
    else:
        doc.verdict = Verdict.ARTICLE
    return doc

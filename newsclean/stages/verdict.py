"""The verdict: article, error page, or empty, decided once every other stage has marked the page."""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage, Verdict
from ..model.features import analyze
from ..rules import load_rules
from .error_page import error_phrase
from .teasers import TEASER_REASON, is_teaser_list

# A page whose body is this share error-page text (by words) is an error page, however long.
ERROR_SHARE = 0.3
MAX_ERROR_BODY_LINE = 40


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
    kept = doc.kept_positions()
    lenient = doc.meta.status is not None and doc.meta.status >= 400
    # Error-page text comes in short lines; a paragraph that mentions "not found" is an article's.
    error_words = sum(
        lines[i].size for i in kept if lines[i].words <= MAX_ERROR_BODY_LINE and error_phrase(lines[i], rules, lenient)
    )
    body_words = sum(lines[i].size for i in kept)
    evidence = lenient or error_words > 0 or any(b.removal and b.removal.stage is Stage.ERROR_PAGE for b in doc.blocks)
    # Error text making up much of the body only decides when the page says so loudly: an error
    # status, or a body that opens with the error message (a site's own 404 template).
    loud = lenient or bool(kept and error_phrase(lines[kept[0]], rules))
    thin = body_words - error_words < config.min_article_words
    if evidence and (thin or (loud and error_words >= ERROR_SHARE * body_words)):
        _remove_all(doc.blocks, Stage.ERROR_PAGE, "the page is an error page: no article besides the error text")
        doc.verdict = Verdict.ERROR_PAGE
    # trafilatura chose HTML paragraphs from the markup: a photo blog's captions are no teasers,
    # and need no full stops to be its text.
    elif kept and doc.input_format != "html" and is_teaser_list([lines[i] for i in kept], [doc.blocks[i].text for i in kept]):
        _remove_all(doc.blocks, Stage.BOILERPLATE, TEASER_REASON)
        doc.verdict = Verdict.EMPTY
    elif doc.input_format != "html" and not any(lines[i].is_prose and lines[i].sentence_end for i in kept):
        # Not one sentence of running text: headlines, menus and labels are no article.
        _remove_all(doc.blocks, Stage.BOILERPLATE, "no running text: menus, links and labels only")
        doc.verdict = Verdict.EMPTY
    elif body_words == 0:
        doc.verdict = Verdict.EMPTY
    else:
        doc.verdict = Verdict.ARTICLE
    return doc

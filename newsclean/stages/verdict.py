"""The verdict: article, error page, or empty, decided once every other stage has marked the page."""

from __future__ import annotations

from ..config import Config
from ..document import Document, Stage, Verdict
from ..features import analyze
from ..rules import load_rules


def decide_verdict(doc: Document, config: Config) -> Document:
    """An article needs a real body; a thin body beside error-page evidence makes an error page.

    Evidence of an error page is error-page text removed at the top, or an HTTP error status
    in the header (a signal only: a 403 page that holds a real article is an article).
    """
    lines = analyze(doc, load_rules(config.rule_files)).lines
    body_words = sum(lines[i].size for i, b in enumerate(doc.blocks) if b.kept)
    error_text = any(b.removal is not None and b.removal.stage is Stage.ERROR_PAGE for b in doc.blocks)
    error_status = doc.meta.status is not None and doc.meta.status >= 400
    if (error_text or error_status) and body_words < config.min_article_words:
        for block in doc.blocks:
            block.remove(Stage.ERROR_PAGE, "the page is an error page: no article besides the error text")
        doc.verdict = Verdict.ERROR_PAGE
    elif body_words == 0:
        doc.verdict = Verdict.EMPTY
    else:
        doc.verdict = Verdict.ARTICLE
    return doc

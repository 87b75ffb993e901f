"""The article's edges on an HTML page read by the fast reader: main_text's span choice, with each
block scored by the page model (model/dommodel.py), which reads the block's markup as well as its text.

Same span, markers and edge trimming as stages/main_text.py; only the scores differ, and the
reasons name the markup signal that counted most against a removed block, when one did
(`after the article (lines 12-40; inside <aside class="related">)`).
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..model.dommodel import deciding_signal, page_line_scores
from ..model.features import LineFeatures
from .main_text import mark_outside_main_text, mark_outside_span


def mark_outside_page_article(doc: Document, config: Config) -> Document:
    """Remove every kept block before and after the article's main run of text, and end markers,
    by the page model's scores (main_text's stage for documents without DOM features)."""
    kept = doc.kept_positions()
    if not kept or any(doc.blocks[i].dom is None for i in kept):
        return mark_outside_main_text(doc, config)
    doms = [doc.blocks[i].dom for i in kept]
    has_landmark = any(dom.in_article for dom in doms)

    def scores(lines: list[LineFeatures], texts: list[str], flags: list[bool]) -> list[float]:
        return page_line_scores(lines, texts, doms, flags)

    # Blocks of one context share their DomFeatures, and so the signal that counted against them.
    signals: dict[int, str] = {}

    def markup_signal(position: int) -> str:
        dom = doms[position]
        said = signals.get(id(dom))
        if said is None:
            signal = deciding_signal(dom, has_landmark)
            said = signals[id(dom)] = f"; {signal}" if signal else ""
        return said

    return mark_outside_span(doc, config, scores, markup_signal)

"""The article's edges on an HTML page read by the fast reader: main_text's span choice, with each
block scored by the page model (model/dommodel.py), which reads the block's markup as well as its text.

Same span, markers and edge trimming as stages/main_text.py; only the scores differ, and the
reasons name the markup signal that counted most against a removed block, when one did
(`after the article (lines 12-40; inside <aside class="related">)`).
"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Stage
from ..model.dommodel import deciding_signal, page_line_scores
from ..model.features import analyze
from ..parse.text import phrase_as_written
from ..rules import load_rules
from .main_text import article_span, mark_outside_main_text
from .markers import confirmed_markers, is_end_marker
from .teasers import TEASER_REASON, is_teaser_list


def mark_outside_page_article(doc: Document, config: Config) -> Document:
    """Remove every kept block before and after the article's main run of text, and end markers,
    by the page model's scores (main_text's stage for documents without DOM features)."""
    kept = doc.kept_positions()
    if not kept or any(doc.blocks[i].dom is None for i in kept):
        return mark_outside_main_text(doc, config)
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept_lines = [lines[i] for i in kept]
    texts = [doc.blocks[i].text for i in kept]
    if is_teaser_list(kept_lines, texts):
        for i in kept:
            doc.blocks[i].remove(Stage.BOILERPLATE, TEASER_REASON)
        return doc
    doms = [doc.blocks[i].dom for i in kept]
    scores = page_line_scores(kept_lines, texts, doms, [is_end_marker(f, rules) for f in kept_lines])
    markers = confirmed_markers(kept_lines, texts, rules)
    start, end = article_span(kept_lines, texts, scores, markers, config)
    if start == end:
        return doc  # no running text at all: nothing to anchor on, leave it to the verdict
    first, last = doc.blocks[kept[start]].line, doc.blocks[kept[end - 1]].line
    end_marker = next((m for m in sorted(markers) if m >= end), None)
    has_landmark = any(dom.in_article for dom in doms)
    for position, i in enumerate(kept):
        block = doc.blocks[i]
        if start <= position < end:
            continue
        if position in markers:
            block.remove(Stage.FOOTER, f'end-of-article marker ("{phrase_as_written(markers[position], block.text)}")')
            continue
        signal = deciding_signal(doms[position], has_landmark)
        why = f"; {signal}" if signal else ""
        if position < start:
            block.remove(Stage.BOILERPLATE, f"before the article (lines {first}-{last}{why})")
        elif end_marker is not None and position > end_marker:
            marker_text = doc.blocks[kept[end_marker]].text[:40]
            block.remove(Stage.FOOTER, f'after end-of-article marker "{marker_text}"')
        else:
            block.remove(Stage.BOILERPLATE, f"after the article (lines {first}-{last}{why})")
    return doc

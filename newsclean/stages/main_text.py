"""The article's edges: the one contiguous run of lines that holds the article's running text.

Every kept line gets a score: prose (sentences with stop words) counts for it, by its length;
labels, headlines, menus and link lists count against it. The article is the run of lines with
the highest total (a maximum-sum segment, linear time), so a few short lines inside the article
(subheadings, captions) are kept, while menus above and link lists below are left outside.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Stage
from ..features import LineFeatures, analyze
from ..rules import load_rules


def line_score(features: LineFeatures, config: Config) -> float:
    """Positive for running text, negative for everything a page wraps around it."""
    if features.is_prose:
        return features.size
    if features.size < config.short_line_words:
        return -3.0
    return -1.0


def best_segment(scores: list[float]) -> tuple[int, int]:
    """The [start, end) range with the largest sum (Kadane); (0, 0) when nothing is positive."""
    best, best_range = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_range = total, (start, i + 1)
    return best_range


def mark_outside_main_text(doc: Document, config: Config) -> Document:
    """Remove every kept line before and after the article's main run of text."""
    lines = analyze(doc, load_rules(config.rule_files)).lines
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    if not kept:
        return doc
    start, end = best_segment([line_score(lines[i], config) for i in kept])
    if start == end:
        return doc  # no running text at all: nothing to anchor on, leave it to the verdict
    first, last = doc.blocks[kept[start]].line, doc.blocks[kept[end - 1]].line
    for position, i in enumerate(kept):
        if position < start:
            doc.blocks[i].remove(Stage.BOILERPLATE, f"before the article (lines {first}-{last})")
        elif position >= end:
            doc.blocks[i].remove(Stage.BOILERPLATE, f"after the article (lines {first}-{last})")
    return doc

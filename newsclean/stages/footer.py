"""Footers: an end-of-article marker ("Comments", "Most popular stories", "Related articles")
after the body ends the article; a legal-disclaimer heading takes its paragraph with it."""

from __future__ import annotations

from ..config import Config
from ..document import Document, Stage
from ..features import analyze
from ..rules import load_rules

# An end marker is a short line: a long line that starts with "Related" is a sentence.
MAX_MARKER_WORDS = 6
# A marker only ends the article once this share of the body's text lies above it.
MIN_BODY_SHARE_ABOVE = 0.5


def mark_footer(doc: Document, config: Config) -> Document:
    """Remove everything from the first end-of-article marker below the body, and legal notices."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    total = sum(lines[i].size for i in kept if lines[i].is_prose) or 1.0
    above = 0.0
    for position, i in enumerate(kept):
        features = lines[i]
        if features.words <= MAX_MARKER_WORDS and above >= MIN_BODY_SHARE_ABOVE * total:
            marker = rules.end_markers.prefix(features.folded)
            if marker:
                doc.blocks[i].remove(Stage.FOOTER, f'end-of-article marker ("{marker}")')
                for j in kept[position + 1 :]:
                    doc.blocks[j].remove(Stage.FOOTER, f'after end-of-article marker "{doc.blocks[i].text[:40]}"')
                break
        heading = rules.legal_headings.prefix(features.folded)
        if heading and features.words <= MAX_MARKER_WORDS and position + 1 < len(kept):
            doc.blocks[i].remove(Stage.FOOTER, f'legal notice ("{heading}")')
            doc.blocks[kept[position + 1]].remove(Stage.FOOTER, f'legal notice (under "{doc.blocks[i].text[:40]}")')
        elif heading and features.words > MAX_MARKER_WORDS and above >= MIN_BODY_SHARE_ABOVE * total:
            doc.blocks[i].remove(Stage.FOOTER, f'legal notice ("{heading}")')
        if features.is_prose:
            above += features.size
    return doc

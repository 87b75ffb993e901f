"""Legal notices: a disclaimer heading takes its paragraph with it; a long notice that opens
with a legal phrase below the article's body goes too. (End-of-article markers are handled with
the article's edges, in main_text.py.)"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Stage
from ..features import analyze
from ..rules import load_rules

# A heading is a short line; its notice is the paragraph right below it.
MAX_HEADING_WORDS = 6
# A notice without a heading only counts below this share of the body's running text.
MIN_BODY_SHARE_ABOVE = 0.5


def mark_footer(doc: Document, config: Config) -> Document:
    """Remove legal-notice headings with their paragraph, and legal notices below the body."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    total = sum(lines[i].size for i in kept if lines[i].is_prose) or 1.0
    above = 0.0
    for position, i in enumerate(kept):
        features = lines[i]
        heading = rules.legal_headings.prefix(features.folded)
        if heading and features.words <= MAX_HEADING_WORDS and position + 1 < len(kept):
            doc.blocks[i].remove(Stage.FOOTER, f'legal notice ("{heading}")')
            doc.blocks[kept[position + 1]].remove(Stage.FOOTER, f'legal notice (under "{doc.blocks[i].text[:40]}")')
        elif heading and features.words > MAX_HEADING_WORDS and above >= MIN_BODY_SHARE_ABOVE * total:
            doc.blocks[i].remove(Stage.FOOTER, f'legal notice ("{heading}")')
        if features.is_prose:
            above += features.size
    return doc

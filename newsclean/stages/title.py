"""The headline: the heading-like line just above the article body, kept as metadata."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..config import Config
from ..document import Document, Removal, Stage
from ..features import LineFeatures, analyze
from ..rules import Rules, load_rules

# Stages whose marks the headline may replace: lines outside the body are removed as
# boilerplate first; calling the headline "title" tells the user it was kept as metadata.
REPLACEABLE = {Stage.BOILERPLATE, Stage.FOOTER}
MIN_TITLE_WORDS = 2
MATCH_SCORE = 90.0


def _headline_score(features: LineFeatures, distance: int, rules: Rules) -> float:
    """How much a line looks like the page's headline; <= 0 means not at all."""
    if features.words < MIN_TITLE_WORDS or features.digit_share > 0.3:
        return 0.0
    if rules.boilerplate_lines.equals(features.folded) or rules.end_markers.prefix(features.folded):
        return 0.0
    if rules.boilerplate_phrases.search(features.folded) or rules.error_page.search(features.folded):
        return 0.0
    score = 1.0
    if features.sentence_end and not features.folded.endswith("?"):
        score *= 0.4  # headlines rarely end with a full stop
    if 4 <= features.words <= 20:
        score *= 1.5
    return score / (1 + 0.5 * distance)


def mark_title(doc: Document, config: Config) -> Document:
    """Find the headline above the body; set meta.title and mark that line as the title."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    body_start = next((i for i, b in enumerate(doc.blocks) if b.kept), len(doc.blocks))
    candidates = [
        i
        for i in range(max(0, body_start - config.title_scan_lines), body_start)
        if doc.blocks[i].removal is not None
        and doc.blocks[i].removal.stage in REPLACEABLE
        and lines[i].words <= config.title_max_words
    ]
    if doc.meta.title:
        # A title from the header or the HTML: mark the line that repeats it.
        wanted = doc.meta.title
        chosen = next((i for i in reversed(candidates) if fuzz.ratio(doc.blocks[i].text, wanted) >= MATCH_SCORE), None)
    else:
        scored = [(_headline_score(lines[i], body_start - 1 - i, rules), i) for i in candidates]
        best = max(scored, default=(0.0, None))
        chosen = best[1] if best[0] > 0 else None
        if chosen is not None:
            doc.meta.title = doc.blocks[chosen].text
    if chosen is not None:
        doc.blocks[chosen].removal = Removal(Stage.TITLE, "headline (kept as the title)")
    return doc

"""The headline: the heading-like line just above the article body, kept as metadata."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..config import Config
from ..document import Document, Removal, Stage
from ..features import LineFeatures, analyze
from ..rules import Rules, load_rules
from .boilerplate import boilerplate_reason

# Only lines the region finder left outside (or kept) may become the title; labels, share
# buttons and error text removed for what they are never do.
REPLACEABLE = {Stage.BOILERPLATE, Stage.FOOTER}
MATCH_SCORE = 90.0
# Lines with this share of digits are dates, times and counters, not headlines.
MAX_TITLE_DIGITS = 0.25


def headline_score(text: str, features: LineFeatures, distance: int, repeated: bool) -> float:
    """How much a line looks like the page's headline (> 0), given its distance above the body."""
    size = features.size
    if size < 2 or features.digit_share > MAX_TITLE_DIGITS:
        return 0.0
    score = min(size, 12.0) / 12.0  # a one-word label is rarely the headline
    if features.sentence_end and not text.rstrip("\"'”’»)").endswith(("?", "!", "？", "！")):
        score *= 0.3  # headlines rarely end with a full stop
    if features.is_prose and size > 25:
        score *= 0.2  # a paragraph, not a heading
    if repeated:
        score *= 1.5  # the headline often appears twice (breadcrumb or <title>, then <h1>)
    return score / (1.0 + 0.15 * distance)


def _candidate(doc: Document, i: int, lines: list[LineFeatures], rules: Rules, config: Config) -> bool:
    block = doc.blocks[i]
    if lines[i].words > config.title_max_words:
        return False
    if block.removal is not None and block.removal.stage not in REPLACEABLE:
        return False
    return boilerplate_reason(block.text, lines[i], rules) is None and rules.error_page.search(lines[i].folded) is None


def mark_title(doc: Document, config: Config) -> Document:
    """Find the headline above the body; set meta.title and mark that line as the title."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    # The body starts at its first paragraph of running text (or its first line).
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    if not kept and not doc.meta.title:
        return doc
    body_start = next((i for i in kept if lines[i].is_prose), kept[0] if kept else len(doc.blocks))
    window = range(max(0, body_start - config.title_scan_lines), body_start)
    candidates = [i for i in window if _candidate(doc, i, lines, rules, config)]
    if doc.meta.title:
        # A title from the header or the HTML: mark the line that repeats it.
        wanted = doc.meta.title
        chosen = next((i for i in reversed(candidates) if fuzz.ratio(doc.blocks[i].text, wanted) >= MATCH_SCORE), None)
    else:
        texts = [doc.blocks[i].text for i in window]
        scored = [
            (headline_score(doc.blocks[i].text, lines[i], body_start - 1 - i, texts.count(doc.blocks[i].text) > 1), i) for i in candidates
        ]
        best = max(scored, default=(0.0, None))
        chosen = best[1] if best[0] > 0 else None
        if chosen is not None:
            doc.meta.title = doc.blocks[chosen].text
    if chosen is not None:
        for i in window:  # a repeat of the headline (breadcrumb, <title>) goes with it
            if i == chosen or (doc.blocks[i].text == doc.blocks[chosen].text and doc.blocks[i].kept):
                doc.blocks[i].removal = Removal(Stage.TITLE, "headline (kept as the title)")
    return doc

"""Error, block, bot-check and consent-wall text glued above the article (a preamble).

Whether the whole page is an error page is decided at the end (stages/verdict.py), once the
other stages have said how much article is left.
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document, Stage
from ..model.features import LineFeatures, analyze
from ..parse.text import fold, phrase_as_written
from ..rules import Rules, load_rules

# Error lines are short: a long paragraph that mentions "error" is article text.
MAX_ERROR_LINE_WORDS = 45
# A one-word phrase ("sorry", "error") only counts in a line this short.
MAX_WEAK_LINE_WORDS = 6
# The preamble must start within this many lines of the top.
MAX_LEAD_LINES = 3
# Prose this long without an error phrase ends the preamble.
CONTENT_WORDS = 15
# An error phrase under this share of a line's words that the page's <title> repeats is its
# headline's ("Access denied: court rules against ministry | Example"), not an error message.
HEADLINE_PHRASE_SHARE = 0.5
# A server signature under an error message: "nginx", "Apache/2.4.41 (Ubuntu)", "cloudflare".
SERVER_SIGNATURE = re.compile(r"^[a-z][\w.-]*(?:/[\d.]+)?(?: \([^)]*\))?$")


def error_phrase(features: LineFeatures, rules: Rules, lenient: bool = False) -> str | None:
    """The error-page phrase a line carries, or None. `lenient` (an HTTP error status) accepts weak hits."""
    if features.words == 0 or features.words > MAX_ERROR_LINE_WORDS:
        return None
    weak_counts = features.words <= MAX_WEAK_LINE_WORDS or lenient
    # The first phrase that counts: a one-word phrase ("sorry") only in a short line. (A loop,
    # not next() over a generator: called for most lines by two stages.)
    for phrase in rules.error_page.find_all(features.folded):
        if weak_counts or " " in phrase:
            return phrase
    return None


def titled_headline(text: str, phrase: str, features: LineFeatures, title: str | None) -> bool:
    """Whether a line holding an error phrase is the page's headline: the <title> holds it, and the
    phrase is under half its words (a 404 page's "Page not found" heading is all phrase). Not in
    CJK text: a character is no word, and the first phrase found may be a part of a longer one."""
    if not title or features.cjk or (phrase.count(" ") + 1) >= HEADLINE_PHRASE_SHARE * features.words:
        return False
    folded = fold(text)
    return bool(folded) and folded in fold(title)


def mark_error_page(doc: Document, config: Config) -> Document:
    """Remove an error/consent preamble: a run of error-page lines at the top of the page."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    lenient = doc.meta.status is not None and doc.meta.status >= 400
    top = doc.kept_positions()[: config.error_scan_lines]
    hits: dict[int, str] = {}
    last_hit, strong, gap = -1, False, 0
    for position, i in enumerate(top):
        phrase = error_phrase(lines[i], rules, lenient)
        if phrase is not None and titled_headline(doc.blocks[i].text, phrase, lines[i], doc.meta.page_title):
            phrase = None
        if phrase is not None:
            if last_hit < 0 and position >= MAX_LEAD_LINES:
                break  # the first error line is too far down to be a preamble
            hits[i] = phrase
            last_hit, gap = position, 0
            strong = strong or " " in phrase or lenient
            continue
        if last_hit < 0:
            if lines[i].size >= CONTENT_WORDS:
                break
            continue
        gap += 1
        if gap > config.error_max_gap or lines[i].size >= CONTENT_WORDS:
            break
    if not hits or not strong:
        return doc
    end = last_hit
    # A server signature just below the message belongs to it.
    if end + 1 < len(top) and SERVER_SIGNATURE.match(doc.blocks[top[end + 1]].text):
        end += 1
    first_hit = top.index(min(hits))
    for i in top[first_hit : end + 1]:
        phrase = hits.get(i)
        reason = f'error page text ("{phrase_as_written(phrase, doc.blocks[i].text)}")' if phrase else "inside an error-page preamble"
        doc.blocks[i].remove(Stage.ERROR_PAGE, reason)
    return doc

"""The headline: the heading-like line just above the article body, kept as metadata.

Candidates are the lines above the body that the other stages left outside the article (never
labels, share buttons or error text, which were removed for what they are), and the body's first
line when it reads like a heading. A headline is a short, complete line (6 to 20 words is
typical, no full stop) close above the body; when two such lines stand one above the other, the
upper one is the headline and the lower one its standfirst.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..config import Config
from ..document import Document, Removal, Stage, Verdict
from ..model.features import Analysis, LineFeatures, analyze
from ..parse.text import CJK_CHAR, is_cut_short, tokens
from ..rules import Rules, load_rules
from .boilerplate import boilerplate_reason
from .error_page import error_phrase
from .span_edges import CONTACT

# Only lines the region finder left outside (or kept) may become the title.
REPLACEABLE = {Stage.BOILERPLATE, Stage.FOOTER}
MATCH_SCORE = 90.0
# Lines with this share of digits are dates, times and counters, not headlines.
MAX_TITLE_DIGITS = 0.25
# Headlines are rarely longer; standfirsts often are.
LONG_TITLE_WORDS = 20
# How fast a candidate loses to the ones closer to the body, per line of distance.
DISTANCE_DECAY = 0.08
# A headline-like line right above the best candidate wins if it scores this share of it.
STANDFIRST_SHARE = 0.6
# Bylines are short.
MAX_BYLINE_WORDS = 10
# Breadcrumbs and tag lists separate their items.
SEPARATORS = re.compile(r"\s[|>»›/·•]{1,2}\s|\s>>|>>\s")
# A candidate sharing no word with the body keeps this much of its score.
MIN_OVERLAP_WEIGHT = 0.3
# A candidate that the body repeats word for word keeps this much of its score.
IN_BODY_WEIGHT = 0.3
# How much of the body the candidates' words are compared with.
BODY_LINES = 60
# Topic words are at least this long (shorter ones are mostly function words).
MIN_TOPIC_WORD = 4


def headline_score(text: str, features: LineFeatures, distance: int, repeated: bool) -> float:
    """How much a line looks like the page's headline (> 0), given its distance above the body."""
    size = features.size
    if size < 2 or features.digit_share > MAX_TITLE_DIGITS:
        return 0.0
    score = min(size, 12.0) / 12.0  # a one-word label is rarely the headline
    if features.sentence_end and not text.rstrip("\"'”’»)").endswith(("?", "!", "？", "！")):
        score *= 0.3  # headlines rarely end with a full stop
    if size > LONG_TITLE_WORDS:
        score *= 0.3  # a standfirst or a paragraph, not a heading
    if repeated:
        score *= 1.5  # the headline often appears twice (breadcrumb or <title>, then <h1>)
    return score / (1.0 + DISTANCE_DECAY * distance)


def _candidate(doc: Document, i: int, lines: list[LineFeatures], rules: Rules, config: Config) -> bool:
    block, features = doc.blocks[i], lines[i]
    if features.words > config.title_max_words:
        return False
    if block.removal is not None and block.removal.stage not in REPLACEABLE:
        return False
    if features.words <= MAX_BYLINE_WORDS and rules.bylines.prefix(features.folded):
        return False  # "By Jane Doe", "Par Jean Dupont"
    if len(SEPARATORS.findall(block.text)) >= 2 or CONTACT.search(block.text):
        return False  # a breadcrumb ("Home > News > World") or a byline with a handle
    if is_cut_short(block.text):
        return False  # a title cut short is a teaser for another page: the page shows its own in full
    return (
        boilerplate_reason(block.text, features, rules) is None
        and error_phrase(features, rules) is None
        and rules.end_markers.prefix(features.folded) is None
    )


def body_overlap(candidate: frozenset[str], body: set[str]) -> float:
    """Share of a candidate's topic words that the body uses: a headline announces its article,
    a teaser for another story, a byline or a section name does not."""
    return sum(1 for w in candidate if w in body) / len(candidate) if candidate else 0.0


def cjk_pairs(words: list[str]) -> list[str]:
    """Pairs of neighbouring single CJK characters among a line's words (a character alone says little)."""
    singles = [w for w in words if len(w) == 1 and CJK_CHAR.match(w)]
    return [a + b for a, b in zip(singles, singles[1:])]


def topic_words(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """The words that carry a line's topic: no stop words, no short words, no numbers; in CJK
    text, pairs of neighbouring characters (a character alone says little).

    >>> sorted(topic_words("The council approved the new budget", frozenset({"the"})))
    ['approved', 'budget', 'council']
    """
    words = tokens(text)
    topic = {w for w in words if len(w) >= MIN_TOPIC_WORD and w not in stopwords and not w.isdigit()}
    if not text.isascii():  # only CJK text has single-character words to pair
        topic.update(cjk_pairs(words))
    return frozenset(topic)


def body_vocabulary(texts: Iterable[str]) -> set[str]:
    """Every word of the texts, and their CJK pairs: what candidates' topic words are looked up in.

    The same as the texts' topic words for that purpose, and cheaper (no filtering): whether a
    word is a topic word depends on the word alone, and no word holds two CJK characters.
    """
    vocabulary: set[str] = set()
    for text in texts:
        words = tokens(text)
        vocabulary.update(words)
        if not text.isascii():
            vocabulary.update(cjk_pairs(words))
    return vocabulary


def _choose_headline(doc: Document, analysis: Analysis, candidates: list[int], body_start: int, rules: Rules) -> int | None:
    lines = analysis.lines
    texts = [doc.blocks[i].text for i in candidates]
    language = (analysis.language or "").split("-")[0]
    stopwords = rules.stopwords.get(language, frozenset())
    # The body's opening paragraphs are where a headline's words come back; enough to judge by.
    opening = [doc.blocks[i].text for i in doc.kept_positions() if i != body_start][:BODY_LINES]
    body = body_vocabulary(opening)
    body_lines = set(opening)
    shape_scores, scores = {}, {}
    for i in candidates:
        text = doc.blocks[i].text
        shape_scores[i] = headline_score(text, lines[i], max(0, body_start - 1 - i), texts.count(text) > 1)
        score = shape_scores[i] * (MIN_OVERLAP_WEIGHT + body_overlap(topic_words(text, stopwords), body))
        if text in body_lines:
            score *= IN_BODY_WEIGHT  # a box repeating the body's own subheadings, not the headline
        scores[i] = score
    best = max(scores, key=lambda i: (scores[i], i), default=None)
    if best is None or scores[best] <= 0:
        return None
    # Headline and standfirst both announce the article; the upper one is the headline.
    above = shape_scores.get(best - 1, 0.0)
    if above >= STANDFIRST_SHARE * shape_scores[best] and lines[best - 1].size >= 6:
        return best - 1
    return best


def mark_title(doc: Document, config: Config) -> Document:
    """Find the headline above the body; set meta.title and mark that line as the title."""
    if doc.verdict is not Verdict.ARTICLE:
        return doc  # no article, no headline (a title from the page's metadata stays)
    rules = load_rules(config.rule_files)
    analysis = analyze(doc, rules)
    lines = analysis.lines
    kept = doc.kept_positions()
    body_start = kept[0] if kept else len(doc.blocks)
    window = range(max(0, body_start - config.title_scan_lines), body_start)
    candidates = [i for i in window if _candidate(doc, i, lines, rules, config)]
    first = kept[0] if len(kept) > 1 else None
    if first is not None and not lines[first].sentence_end and _candidate(doc, first, lines, rules, config):
        candidates.append(first)  # a heading that opens the body is the headline
    if doc.meta.title:
        # A title from the header or the HTML: mark the line that repeats it.
        wanted = doc.meta.title
        chosen = next((i for i in reversed(candidates) if fuzz.ratio(doc.blocks[i].text, wanted) >= MATCH_SCORE), None)
    else:
        chosen = _choose_headline(doc, analysis, candidates, body_start, rules)
        if chosen is not None:
            doc.meta.title = doc.blocks[chosen].text
    if chosen is not None:
        for i in [*window, body_start]:  # a repeat of the headline (breadcrumb, <title>) goes with it
            if i < len(doc.blocks) and (i == chosen or doc.blocks[i].text == doc.blocks[chosen].text):
                if doc.blocks[i].removal is None or doc.blocks[i].removal.stage in REPLACEABLE:
                    doc.blocks[i].removal = Removal(Stage.TITLE, "headline (kept as the title)")
    return doc

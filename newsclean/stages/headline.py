"""The headline of extracted HTML, chosen among the titles the page declares.

A page names its headline several times: `<title>` (usually with the site's name), og:title,
the JSON-LD headline, the `<h1>`; trafilatura often keeps the `<h1>` as the body's first
paragraph too. They do not always agree (an `<h1>` holding the site's logo text, a section
name, an og:title written for social media). headline_choice.py scores them all, with the
body's first short paragraphs, by shape, agreement and the words they share with the body;
the site's name is stripped. The paragraph near the top that repeats the chosen title is marked
`title` (kept as metadata), so the body starts with the article's first real paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import Config
from ..document import Document, Removal, Stage
from ..model.features import analyze
from ..parse import fuzzy
from ..parse.text import fold, title_variants
from ..rules import load_rules
from .headline_choice import (
    Candidate,
    Scored,
    best,
    is_arrow_trail,
    is_site_name,
    part_repeated_by,
    score_candidates,
    site_key,
    strip_site_name,
)
from .title_parts import shown_part

# The headline sits above the body: only the first few kept paragraphs are looked at.
SCAN_BLOCKS = 3
MATCH_SCORE = 90.0
# How much of the body the candidates' words are compared with.
BODY_BLOCKS = 60
# A paragraph of the body is a weaker witness than a title the markup declares.
# Of the declared titles, <title> carries the site's name and <h1> is sometimes a logo or a
# section: the meta tags (og:title, JSON-LD) are trusted a little more.
# A kicker run into the headline's paragraph ("Umbau des Weissen Hauses Trump plant ...") is short.
MAX_KICKER_WORDS = 8
# A site's name as letters has at least this many (shorter keys match by chance).
MIN_SITE_KEY = 3
PRIOR = {"paragraph": 0.5, "h1": 0.6, "title": 0.8, "ld": 0.9}
OWN_HEADING = "h1"
# A breadcrumb below a line is looked for this many blocks down (a layout's empty cells between);
# a line over one weighs this much (a headline over its breadcrumb still wins over little else).
BREADCRUMB_GAP = 3
OVER_BREADCRUMB_WEIGHT = 0.5


def is_shown(title: str, paragraphs: list[str]) -> bool:
    """A folded title is one of the folded paragraphs atop the body, or ends one after a short
    kicker run into it ("Umbau des Weissen Hauses Trump plant ...").

    >>> is_shown("lake levels fall", ["drought lake levels fall", "the lake"])
    True
    """
    for paragraph in paragraphs:
        if paragraph == title or fuzzy.ratio(paragraph, title) >= MATCH_SCORE:
            return True
        if title and paragraph.endswith(" " + title) and paragraph.count(" ") - title.count(" ") <= MAX_KICKER_WORDS:
            return True
    return False


def choose_title(doc: Document, config: Config) -> str | None:
    """The declared title or top paragraph that best reads as the body's headline, without the site's name."""
    rules = load_rules(config.rule_files)
    analysis = analyze(doc, rules)
    stopwords = rules.stopwords.get((analysis.language or "").split("-")[0].lower(), frozenset())
    kept = doc.kept_positions()
    sites = doc.meta.site_names
    texts = [text for where, text in doc.meta.title_candidates if where != "meta"]
    # trafilatura's title repeats a tag's: counted once, it would agree with itself.
    declared = [(where, strip_site_name(text, sites)) for where, text in doc.meta.title_candidates if where != "meta" or text not in texts]
    # A title that is only the site's name ("PIXNET", a logo's <h1>) names no article.
    declared = [(where, text) for where, text in declared if text and not is_site_name(text, sites)]
    declared = [(where, without_site_tail(text, [other for _, other in declared], sites)) for where, text in declared]
    shown = [fold(doc.blocks[i].text) for i in kept[:SCAN_BLOCKS]]
    pool = [Candidate(text, -1 - k, 0, where, is_shown(fold(text), shown)) for k, (where, text) in enumerate(declared)]
    top_lines = lead_in_paragraphs(kept[:SCAN_BLOCKS], [analysis.lines[i].is_prose for i in kept[:SCAN_BLOCKS]])
    pool += [Candidate(doc.blocks[i].text, i, 0, "paragraph") for i in top_lines]
    # The body without the candidate paragraphs: a headline is not "repeated by the body" for standing atop it.
    body = [doc.blocks[i].text for i in kept[:BODY_BLOCKS] if i not in top_lines]
    scored = score_candidates(pool, body, stopwords, rules, prior=PRIOR)
    weigh_over_breadcrumb(doc, scored)
    top = best(scored)
    if top is not None and top.candidate.source == OWN_HEADING:
        top = repeated_heading(top, scored) or top
    if top is not None and top.candidate.position < 0:
        top = full_copy(top, scored, stopwords) or top
    if top is None:
        return None
    # A part of the chosen title that another declared title of the page is by itself is the
    # headline; the rest names the site or the author ("Headline - Jane Doe (jdoe)" and the <h1>
    # "Headline"). (Not a paragraph: a subheading "What we expect" may end a headline.)
    # (Not a title that shares no topic with the body the chosen one shares words with: a logo's
    # <h1>, the site's name, is a part of the <title> too.)
    others = [s.candidate.text for s in scored if s.shape > 0 and (s.overlap > 0 or top.overlap == 0) and s is not top and s.candidate.position < 0]
    title = part_repeated_by(strip_site_name(top.candidate.text, sites), others)
    # Else the part a line of the page is, when the site's names come first ("Site - Section - Headline").
    return shown_part(title, (block.text for block in doc.blocks)) or None


def over_breadcrumb(doc: Document, i: int) -> bool:
    """A trail of arrows ("Home >> News >> 2005") stands below block i, within BREADCRUMB_GAP blocks
    and before the next kept block."""
    for block in doc.blocks[i + 1 : i + 1 + BREADCRUMB_GAP]:
        if is_arrow_trail(block.text):
            return True
        if block.kept:
            return False
    return False


def weigh_over_breadcrumb(doc: Document, scored: list[Scored]) -> None:
    """Lines of the page over its breadcrumb weigh less: there stand the masthead, the site's or
    its section's name; the headline stands below the trail (some pages print it above)."""
    for s in scored:
        if s.score > 0 and s.candidate.position >= 0 and over_breadcrumb(doc, s.candidate.position):
            s.score *= OVER_BREADCRUMB_WEIGHT


def lead_in_paragraphs(positions: list[int], prose: list[bool]) -> list[int]:
    """The positions before the first paragraph of running text: a heading below one is the
    article's subheading, no headline.

    >>> lead_in_paragraphs([3, 4, 5], [False, True, False])
    [3]
    """
    return positions[: prose.index(True)] if True in prose else positions


def without_site_tail(title: str, others: list[str], sites: Iterable[str]) -> str:
    """The title without a tail that names the site, when the rest is another title of the page
    ("Headline, Daily Planet, 26.04.2024" and the og:title "Headline": a separator a site-name
    stripper does not know, a comma, may stand before it).

    >>> without_site_tail("Rain again in May, The Daily Planet, 2024", ["Rain again in May"], ["dailyplanet.com"])
    'Rain again in May'
    """
    keys = [key for key in map(site_key, sites) if len(key) >= MIN_SITE_KEY]
    for other in others:
        if len(other) < len(title) and other.count(" ") >= 2 and title.startswith(other):
            tail = site_key(title[len(other):])
            if any(key in tail for key in keys):
                return other
    return title


def repeated_heading(top: Scored, scored: list[Scored]) -> Scored | None:
    """Of a page's several <h1>s, the best one another declared title agrees with (the <title>,
    og:title), when the chosen one agrees with none: the others are the body's subheadings set as
    <h1>s ("How do I know?" in the body, the headline in <title> and the first <h1>)."""
    if top.agreement > 0:
        return None
    agreed = [s for s in scored if s.candidate.source == OWN_HEADING and s.agreement > 0 and s.score > 0 and s is not top]
    return max(agreed, key=lambda s: s.score, default=None)


def full_copy(top: Scored, scored: list[Scored], stopwords: frozenset[str]) -> Scored | None:
    """The declared title that the chosen one is cut from, when the chosen one breaks off after a
    function word ("Winner and" of "Winner and "royal visit"": an attribute cut at a quote)."""
    words = top.candidate.text.split()
    if not words or fold(words[-1]) not in stopwords:
        return None
    start = fold(top.candidate.text)
    longer = [s for s in scored if s.score > 0 and s.candidate.position < 0 and len(fold(s.candidate.text)) > len(start)
              and fold(s.candidate.text).startswith(start + " ")]
    return max(longer, key=lambda s: s.score, default=None)


def mark_headline(doc: Document, config: Config) -> Document:
    """Choose the page's headline, and mark the paragraph near the top that repeats it."""
    if doc.meta.title_candidates:
        doc.meta.title = choose_title(doc, config)
    if not doc.meta.title:
        return doc
    wanted = title_variants(doc.meta.title)
    for block in doc.kept()[:SCAN_BLOCKS]:
        folded = fold(block.text)
        if folded and any(fuzzy.ratio(folded, variant) >= MATCH_SCORE for variant in wanted):
            block.removal = Removal(Stage.TITLE, "headline (kept as the title)")
            break
    return doc

"""The standfirst under the headline, on an HTML page read by the fast reader: kept when the
article's span started below it.

The span choice (stages/dom_text.py) often starts at the body's first paragraph and leaves out
the summary set between it and the headline (an `<h2>` or a `<p>` of its own, a sentence or two
shorter than the paragraphs below): the standfirst most news pages print, and the trafilatura
engine adds back from the page (stages/extraction_lead.py). Here, a block the span left just
below the page's headline is kept again when the markup puts it with the article (outside
furniture, few links, inside the article landmark as the body's first block is) and it reads as
a sentence of running text; the date line, the byline, a photo's credit or a share bar between
them do not. Fast engine page F1 train .9514 -> .9516 (four pages up, none down), dev unchanged
(reaching 10 blocks below the headline instead of 6: as many won, three lost). The body's first
kept block may stand further down (a photo, a byline, a date line and a sharing bar between), and
a standfirst set in a heading needs no full stop (summaries in `<h2>` seldom end with one): page F1
train .9564 -> .9568 (17 pages up, 8 down: decks the newspaper gold leaves out), dev .9623 -> .9622.

The article's date line under the headline goes too (mark_date_line).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage
from ..model.dommodel import named_kind
from ..model.features import analyze
from ..parse.text import CJK_FIRST, LazyPattern
from ..rules import load_rules
from .main_text import BEFORE_ARTICLE
from .streams import DATE

# The standfirst stands at most this many blocks below the headline (a date line, a byline, a
# share bar between them), and above the body's first kept block.
HEADLINE_REACH = 6
# ... while the body's first kept block stands at most this many blocks below the headline.
BODY_REACH = 30
# Its characters inside links at most (a linked name in a sentence; a list of links is no summary).
MAX_LINK_DENSITY = 0.5
# Block tags a standfirst is set in: a heading under the headline, a paragraph, a plain container.
# (Headings of any level below <h1>: <h3> to <h6> added train .9556 -> .9557, AnadoluAjansi's <h4>.)
STANDFIRST_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div"})
# Kinds of furniture a class or id word may name around it (model/dommodel.NAMED_KINDS): none, or
# `related` (a standfirst is often a `teaser` or `summary` in the markup).
OPENING_KINDS = frozenset({None, "related"})
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def headline_position(blocks: list[Block]) -> int | None:
    """Position of the page's headline: the block the title stage took, or else the first `<h1>`
    the span cut above the article (a headline the title stage did not match to the page's
    title: a site's long `<title>`, a kicker glued to it). Fast engine page F1 with the `<h1>`:
    train .96048 -> .96077 (14 pages up: BoersenZeitung .952 -> 1.000, nydailynews .829 -> .865;
    4 down, ok.co.uk1 .861 -> .839, a deck the newspaper gold leaves out), dev unchanged."""
    title = next((i for i, block in enumerate(blocks)
                  if block.removal is not None and block.removal.stage is Stage.TITLE and block.dom is not None), None)
    if title is not None:
        return title
    return next((i for i, block in enumerate(blocks)
                 if block.removal is not None and block.dom is not None and block.dom.tag == "h1"
                 and block.removal.reason.startswith(BEFORE_ARTICLE)), None)


def opening_candidates(doc: Document) -> list[int]:
    """Positions of the blocks between the page's headline and the article's first kept block that
    the span left out, and that the markup puts with the article (see the module's docstring)."""
    blocks = doc.blocks
    headline = headline_position(blocks)
    if headline is None:
        return []
    first = next((i for i in range(headline + 1, min(len(blocks), headline + 1 + BODY_REACH)) if blocks[i].kept), None)
    if first is None or blocks[first].dom is None:
        return []
    in_article = blocks[first].dom.in_article
    return [i for i in range(headline + 1, min(first, headline + 1 + HEADLINE_REACH))
            if with_the_article(blocks[i], in_article)]


def with_the_article(block: Block, in_article: bool) -> bool:
    """True for a block the span cut above the article, set as article text would be."""
    dom, removal = block.dom, block.removal
    return (dom is not None and removal is not None and removal.stage is Stage.BOILERPLATE
            and removal.reason.startswith(BEFORE_ARTICLE) and dom.boilerplate is None and named_kind(dom.named) in OPENING_KINDS
            and dom.tag in STANDFIRST_TAGS and dom.in_article == in_article and dom.link_density <= MAX_LINK_DENSITY)


def keep_standfirst(doc: Document, config: Config) -> Document:
    """Keep again the standfirst the article's span left between the headline and the body."""
    candidates = opening_candidates(doc)
    if not candidates:
        return doc
    blocks = [doc.blocks[i] for i in candidates]
    view = Document(source=doc.source, blocks=[Block(b.line, b.text, dom=b.dom) for b in blocks], meta=doc.meta,
                    input_format=doc.input_format, encoding=doc.encoding)
    for block, features in zip(blocks, analyze(view, load_rules(config.rule_files)).lines):
        if features.is_prose and (features.sentence_end or block.dom.tag in HEADING_TAGS):
            block.removal = None
    return doc


# The article's date line under its headline ("Publié le 30 août 2023 à 14h52", "21.04.2024 , 20:24
# Uhr", "By Jane Doe Dec 29 2014, 12:16 PM ET"): a short block holding a date (streams.DATE: three
# numbers, or a day, a month's name and a year) and few other words, within DATE_LINE_REACH blocks
# below the headline. Page metadata, as trafilatura's extraction leaves it out; the span keeps it
# as the first line of the article's run. Not a heading (a section's title may carry a year), a
# list item or a table cell (a timeline's, a table's dates). Fast engine page F1 train .9568 ->
# .9572 (13 pages up, none down), dev unchanged.
DATE_LINE_REACH = 8
# The article's date lines are one or two ("Published ...", "Updated ..."); this many dates under
# the headline are a list the article gives.
MIN_LISTED_DATES = 3
DATED = LazyPattern(DATE)
# Words without a digit: a label, a weekday, a month's name, an author's name, a place.
MAX_DATE_LINE_WORDS = 8
NOT_DATE_LINE_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"})
# A sentence ends so (a dated sentence of the body); a CJK line is read by characters, not words.
SENTENCE_ENDS = (".", "!", "?", "\u3002")
DATE_LINE = "the article's date line (a date under the headline)"


def is_date_line(text: str) -> bool:
    """True for a short line holding a date: at most MAX_DATE_LINE_WORDS words without a digit,
    not ending as a sentence, without CJK characters."""
    text = text.strip()
    if not text or text.endswith(SENTENCE_ENDS) or max(text) >= CJK_FIRST or DATED.search(text) is None:
        return False
    words = sum(1 for word in text.split() if not any(char.isdigit() for char in word))
    return words <= MAX_DATE_LINE_WORDS


def mark_date_line(doc: Document, config: Config) -> Document:
    """Remove the date lines kept within DATE_LINE_REACH blocks below the page's headline."""
    blocks = doc.blocks
    headline = headline_position(blocks)
    if headline is None:
        return doc
    dated = [block for block in blocks[headline + 1 : headline + 1 + DATE_LINE_REACH]
             if block.kept and block.dom is not None and block.dom.tag not in NOT_DATE_LINE_TAGS and is_date_line(block.text)]
    if len(dated) >= MIN_LISTED_DATES:
        return doc  # a list of dates under the headline (a schedule of meetings, a tour's dates): the article's
    for block in dated:
        block.remove(Stage.BOILERPLATE, DATE_LINE)
    return doc

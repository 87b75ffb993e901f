"""Teaser cards below the article, on an HTML page read by the fast reader: a linked headline, then
a blurb of a sentence or two, card after card ("More from us", a section's latest stories).

`page_furniture` removes each card's headline as link text before the text stages run, so the
blurbs left behind read as short paragraphs, one after another, and the span runs on over them
from the article's last paragraph (the text stages' own teaser test sees headlines and blurbs
alternate, not blurbs alone). Here the kept blocks at the end of the article that each stand right
below a removed linked headline go, when there are several of them: an article's own paragraphs
follow one another, and a "Read also" link between two of them is one, not a run to its end.
Fast engine page F1 train .9572 -> .9576 (three pages up, none down), dev unchanged.
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage
from .dom import LINK_TEXT

# A teaser's headline: a block removed as link text with at least this many words (not a
# category label or an author's name linked above the blurb).
MIN_HEADLINE_WORDS = 4
# This many blurbs at the end of the article, each below its own linked headline, make a list.
MIN_TEASERS = 3
TEASER_BLURB = "a teaser's blurb under a linked headline (a list of them ends the article)"


def linked_headline(block: Block) -> bool:
    """True for a block page_furniture removed as link text, long enough to be a story's headline."""
    removal = block.removal
    return (removal is not None and removal.stage is Stage.BOILERPLATE and removal.reason.startswith(LINK_TEXT)
            and len(block.text.split()) >= MIN_HEADLINE_WORDS)


def mark_teaser_blurbs(doc: Document, config: Config) -> Document:
    """Remove the run of kept blocks ending the article that each stand right below a linked
    headline, when it holds MIN_TEASERS or more and fewer words than the article above it."""
    run: list[Block] = []
    blurb: Block | None = None  # the kept block last met, waiting for the block above it
    # From the page's end up (the run ends the article: only its tail is read on most pages).
    for block in reversed(doc.blocks):
        if not block.text.strip():
            continue
        if blurb is not None:
            if not linked_headline(block):
                break
            run.append(blurb)
            blurb = None
        if block.kept:
            blurb = block
    if len(run) < MIN_TEASERS:
        return doc
    run_words = sum(len(block.text.split()) for block in run)
    article_words = sum(len(block.text.split()) for block in doc.blocks if block.kept) - run_words
    if article_words <= run_words:
        return doc
    for block in run:
        block.remove(Stage.BOILERPLATE, TEASER_BLURB)
    return doc

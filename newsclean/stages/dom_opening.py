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
(reaching 10 blocks below the headline instead of 6: as many won, three lost).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage
from ..model.dommodel import named_kind
from ..model.features import analyze
from ..rules import load_rules
from .main_text import BEFORE_ARTICLE

# The standfirst stands at most this many blocks below the headline (a date line, a byline, a
# share bar between them), and above the body's first kept block.
HEADLINE_REACH = 6
# Its characters inside links at most (a linked name in a sentence; a list of links is no summary).
MAX_LINK_DENSITY = 0.5
# Block tags a standfirst is set in: a heading under the headline, a paragraph, a plain container.
# (Headings of any level below <h1>: <h3> to <h6> added train .9556 -> .9557, AnadoluAjansi's <h4>.)
STANDFIRST_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div"})
# Kinds of furniture a class or id word may name around it (model/dommodel.NAMED_KINDS): none, or
# `related` (a standfirst is often a `teaser` or `summary` in the markup).
OPENING_KINDS = frozenset({None, "related"})


def opening_candidates(doc: Document) -> list[int]:
    """Positions of the blocks between the page's headline and the article's first kept block that
    the span left out, and that the markup puts with the article (see the module's docstring)."""
    blocks = doc.blocks
    headline = next((i for i, block in enumerate(blocks)
                     if block.removal is not None and block.removal.stage is Stage.TITLE and block.dom is not None), None)
    if headline is None:
        return []
    first = next((i for i in range(headline + 1, min(len(blocks), headline + 1 + HEADLINE_REACH)) if blocks[i].kept), None)
    if first is None or blocks[first].dom is None:
        return []
    in_article = blocks[first].dom.in_article
    return [i for i in range(headline + 1, first) if with_the_article(blocks[i], in_article)]


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
        if features.is_prose and features.sentence_end:
            block.removal = None
    return doc

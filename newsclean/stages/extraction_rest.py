"""The rest of the article that trafilatura dropped, added back from the page's whole text.

trafilatura sometimes stops inside the article: an ad slot, an inline "read more" box or a
paywall's markup between two paragraphs ends its extraction, and the rest of the story is lost
(recall 0.14 to 0.5 on such pages), though the page's whole visible text (Document.page_text)
still holds it. Below the last paragraph the extraction keeps, the page's paragraphs that stand in
the same markup as the article's own (same tag, same named enclosing element, same inside or
outside `<article>`/`<main>`), with few links and running text, are the article going on; a few
other blocks between two of them (ad labels, captions, subheadings) are stepped over, and an
end-of-article marker ("Comments", "Related") ends the walk.

Only a long rest is added: a paragraph or two of the same markup below the end is as often a
promotion or a newsletter prompt trafilatura was right to drop (adding every such paragraph lost
F1 on about 50 train pages and gained on 9), while an article cut short leaves many long paragraphs.
Nothing is added when the article's end was found inside the extraction (`after_page_article` or
another stage removed extracted paragraphs below it): the page's text below is then not article.
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document
from ..model.features import analyze
from ..rules import load_rules
from .extraction_end import in_comment_thread, located_on_page
from .markers import is_end_marker

# The article's paragraphs: what the shape of a block's markup is compared on.
PARAGRAPH_TAG = "p"
# A block of the rest holds links in at most this share of its characters (a teaser's link, a
# source named in a sentence, but no list of links).
MAX_LINK_DENSITY = 0.3
# Characters of a paragraph of the rest: running text, not a photo credit or an ad label.
MIN_PARAGRAPH_CHARS = 100
# Other blocks stepped over between two paragraphs of the rest (an ad slot with its label, a
# caption with its credit, a subheading); more than this ends the rest.
MAX_GAP = 3
# The rest is added when it has at least MIN_REST_PARAGRAPHS paragraphs and at least
# MIN_REST_SHARE of the characters the extraction keeps: an article cut short, not a promo below it.
MIN_REST_PARAGRAPHS = 3
MIN_REST_SHARE = 0.25


def markup_shape(block: Block) -> tuple[str, str | None, bool] | None:
    """What two paragraphs of one article share in the markup: tag, named element, inside <article>."""
    dom = block.dom
    return None if dom is None else (dom.tag, dom.named, dom.in_article)


def rest_of_article(doc: Document, config: Config) -> list[Block]:
    """The page's blocks that continue the article below the extraction's last kept paragraph (empty
    when there is no long rest, see the module's docstring)."""
    page = doc.page_text or []
    located = located_on_page(doc)
    kept = [where for block, where in zip(doc.blocks, located) if where is not None and block.kept]
    if not kept:
        return []
    last = max(where[1] for where in kept)
    if any(where is not None and not block.kept and where[0] >= last for block, where in zip(doc.blocks, located)):
        return []
    shapes = {markup_shape(page[i]) for where in kept for i in range(*where) if page[i].dom is not None
              and page[i].dom.tag == PARAGRAPH_TAG}
    extracted = {i for where in located if where is not None for i in range(*where)}
    rest = walk_rest(page, last, shapes, extracted)
    if rest:
        ends = first_end_marker(page[last:rest[-1] + 1], doc, config)
        rest = [page[i] for i in rest if i < last + ends]
    kept_chars = sum(len(block.text) for block in doc.blocks if block.kept)
    if len(rest) < MIN_REST_PARAGRAPHS or sum(len(block.text) for block in rest) < MIN_REST_SHARE * kept_chars:
        return []
    return rest


def walk_rest(page: list[Block], start: int, shapes: set[tuple[str, str | None, bool] | None],
              extracted: set[int]) -> list[int]:
    """The positions of the paragraphs in the article's markup from page position start down,
    stepping over at most MAX_GAP other blocks between two of them; a block trafilatura extracted
    ends the walk."""
    rest: list[int] = []
    gap = 0
    for i in range(start, len(page)):
        if i in extracted or gap > MAX_GAP:
            break
        if continues_article(page[i], shapes):
            rest.append(i)
            gap = 0
        else:
            gap += 1
    return rest


def continues_article(block: Block, shapes: set[tuple[str, str | None, bool] | None]) -> bool:
    """True for a paragraph of running text in the markup of the article's kept paragraphs, outside
    furniture and comments, with few links."""
    dom = block.dom
    return (dom is not None and markup_shape(block) in shapes and dom.boilerplate is None
            and dom.link_density <= MAX_LINK_DENSITY and len(block.text) >= MIN_PARAGRAPH_CHARS
            and not in_comment_thread(block))


def first_end_marker(blocks: list[Block], doc: Document, config: Config) -> int:
    """The position in blocks of the first end-of-article marker (len(blocks) without one)."""
    rules = load_rules(config.rule_files)
    lines = analyze(Document(source=doc.source, blocks=list(blocks), meta=doc.meta, input_format="html"), rules).lines
    return next((i for i, features in enumerate(lines) if is_end_marker(features, rules)), len(blocks))


def add_rest_of_article(doc: Document, config: Config) -> Document:
    """Add the rest of the article trafilatura dropped (see the module's docstring) after the
    extraction's last kept paragraph; the blocks are numbered again in order."""
    if not doc.page_text or not doc.kept_positions():
        return doc
    rest = rest_of_article(doc, config)
    if not rest:
        return doc
    return insert_blocks(doc, doc.kept_positions()[-1] + 1, [block.text for block in rest])


def insert_blocks(doc: Document, at: int, texts: list[str]) -> Document:
    """doc with blocks of `texts` inserted at position `at`, all blocks numbered again in order,
    and what was derived from the old blocks (features, word keys, places on the page) reset."""
    doc.blocks[at:at] = [Block(0, text) for text in texts]
    for number, block in enumerate(doc.blocks, 1):
        block.line = number
    doc.analysis = None
    doc.word_keys = None
    doc.page_located = None
    return doc

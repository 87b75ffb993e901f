"""The article's opening that trafilatura dropped, added back from the page's text.

trafilatura often leaves out the standfirst (the summary under the headline, set in the article's
own paragraph markup) and sometimes the first paragraph or two with it, when they stand apart from
the body (a share bar, a date line, the lead photo between them) or hold a link: recall 0.78 to
0.9 on such pages. The page's whole visible text (Document.page_text) still holds them, in place.
Between the page's headline (an <h1> at most HEADLINE_REACH blocks above the extraction's first
kept paragraph) and that paragraph, a page block is added back when it is in the same markup as
the article's kept paragraphs (tag, named enclosing element, inside or outside <article>/<main>),
holds at most MAX_LINK_DENSITY of links, ends a sentence, and the line model reads it as running
text of an article on its own: the photo's caption, the date line, the byline and the share bar
between them differ in their markup or their text. Without such a headline nothing is added.

A photo caption set in a <p> of the body, and ending a sentence, passes for a paragraph too.

Paragraphs trafilatura dropped *between* two it kept are left alone: most are photo captions set
in <p>, pull quotes, author boxes and subscription prompts it was right to drop (added too, with
no sentence test: train .9589 -> .9587, about 20 pages lost for 6 won; the opening alone: .9596).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document
from .extraction_end import in_comment_thread, kept_block_scores, located_on_page
from .extraction_rest import PARAGRAPH_TAG, insert_blocks, markup_shape

# A paragraph added back holds links in at most this share of its characters (a linked source
# or name in a sentence, as in a first paragraph; a list of links is no paragraph).
MAX_LINK_DENSITY = 0.5
# The page's headline stands at most this many page blocks above the extraction's first kept
# paragraph (its standfirst, date line, share bar and lead photo's caption between them).
HEADLINE_REACH = 10
HEADLINE_TAG = "h1"
# Page blocks read on either side of the candidates, for the line model's context.
CONTEXT = 12


def dropped_opening(doc: Document, config: Config) -> list[int]:
    """The page positions of the article's opening paragraphs trafilatura dropped (see the module's docstring)."""
    page = doc.page_text or []
    located = located_on_page(doc)
    kept = sorted(where for block, where in zip(doc.blocks, located) if where is not None and block.kept)
    if not kept:
        return []
    extracted = {i for where in located if where is not None for i in range(*where)}
    shapes = {markup_shape(page[i]) for where in kept for i in range(*where)
              if page[i].dom is not None and page[i].dom.tag == PARAGRAPH_TAG}
    if not shapes:
        return []
    # The body's first kept block: a headline trafilatura kept stands above the opening.
    first = next((where[0] for where in kept if not is_headline(page[where[0]])), kept[-1][0])
    candidates = [i for i in range(below_headline(page, first), first) if i not in extracted and continues_run(page[i], shapes)]
    if not candidates:
        return []
    lo, hi = max(0, candidates[0] - CONTEXT), min(len(page), candidates[-1] + CONTEXT + 1)
    region = Document(source=doc.source, blocks=[Block(b.line, b.text, dom=b.dom) for b in page[lo:hi]],
                      meta=doc.meta, input_format="html", encoding=doc.encoding)
    positions = [i - lo for i in candidates]
    lines, scores = kept_block_scores(region, positions, config)
    return [i for i, features, score in zip(candidates, lines, scores) if features.is_prose and features.sentence_end and score > 0]


def below_headline(page: list[Block], first: int) -> int:
    """The page position just below the headline <h1> within HEADLINE_REACH blocks above `first`
    (the extraction's first kept block); `first` when there is none."""
    for i in range(first - 1, max(-1, first - 1 - HEADLINE_REACH), -1):
        if is_headline(page[i]):
            return i + 1
    return first


def is_headline(block: Block) -> bool:
    """True for a page block in an <h1>."""
    return block.dom is not None and block.dom.tag == HEADLINE_TAG


def continues_run(block: Block, shapes: set[tuple[str, str | None, bool] | None]) -> bool:
    """True for a paragraph in the markup of the article's kept paragraphs, outside furniture and
    comments, with few links."""
    dom = block.dom
    return (dom is not None and dom.tag == PARAGRAPH_TAG and markup_shape(block) in shapes
            and dom.boilerplate is None and dom.link_density <= MAX_LINK_DENSITY and not in_comment_thread(block))


def add_dropped_opening(doc: Document, config: Config) -> Document:
    """Add the article's opening paragraphs trafilatura dropped (see the module's docstring) above
    the first kept block that stands below them on the page; the blocks are numbered again in order."""
    if not doc.page_text or not doc.kept_positions():
        return doc
    added = dropped_opening(doc, config)
    if not added:
        return doc
    located = located_on_page(doc)
    # They go before the first kept block below them on the page (the body's first).
    below = [(where[0], at) for at, (block, where) in enumerate(zip(doc.blocks, located))
             if where is not None and block.kept and where[0] > added[-1]]
    return insert_blocks(doc, min(below)[1], [doc.page_text[i].text for i in added])

"""What trafilatura kept above the page's headline: the article starts at its headline.

On pages laid out in tables, recall mode keeps rows of the layout above the story (a menu of
regions, a channel's name, a breadcrumb), and the line model may read a long row of short words as
text. The page's whole visible text (Document.page_text) shows where the headline stands: an
<h1> whose text repeats a title the page declares elsewhere (its <title>, og:title, JSON-LD
headline; not the <h1> itself), or its start. The extracted blocks wholly above that <h1> are removed
(but a paragraph in a <p>, a standfirst or kicker set above the headline), when most of the
extraction's kept text lies below it (an <h1> near the page's foot says nothing of the
article's start).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage
from ..parse import fuzzy
from ..parse.text import fold, title_variants
from .extraction_end import located_on_page
from .extraction_lead import is_headline
from .extraction_rest import PARAGRAPH_TAG
from .headline import MATCH_SCORE

# The <h1> candidates the markup itself gives: the headline is checked against the others.
OWN_CANDIDATE = "h1"
# The share of the extraction's kept characters that stand below the headline at least.
MIN_SHARE_BELOW = 0.5
# A title part this short ("News", a site's initials) is no headline to match.
MIN_TITLE_CHARS = 12


def declared_titles(doc: Document) -> set[str]:
    """The folded titles the page declares apart from its <h1> elements, and their parts."""
    titles = [title for where, title in doc.meta.title_candidates if where != OWN_CANDIDATE]
    if doc.meta.title:
        titles.append(doc.meta.title)
    return {variant for title in titles for variant in title_variants(title) if len(variant) >= MIN_TITLE_CHARS}


def page_headline(doc: Document, wanted: set[str]) -> int | None:
    """The page position of the first <h1> repeating one of the `wanted` titles; None without one."""
    return next((i for i, block in enumerate(doc.page_text or []) if is_headline(block) and repeats_any(block.text, wanted)),
                None)


def in_paragraph(block: Block) -> bool:
    """True for a page block in a <p>."""
    return block.dom is not None and block.dom.tag == PARAGRAPH_TAG


def repeats_any(text: str, wanted: set[str]) -> bool:
    """True when text, folded, repeats one of the folded `wanted` titles (see repeats)."""
    folded = fold(text)
    return bool(folded) and any(repeats(folded, variant) for variant in wanted)


def repeats(headline: str, title: str) -> bool:
    """True when the folded headline is the folded title, or its start ("Headline-Section-Site",
    separators a title's parts are not always split at)."""
    return fuzzy.ratio(headline, title) >= MATCH_SCORE or (len(headline) >= MIN_TITLE_CHARS and title.startswith(headline))


def mark_above_page_headline(doc: Document, config: Config) -> Document:
    """Remove the extracted blocks that stand wholly above the page's headline (see the module's docstring)."""
    if not doc.page_text or not doc.kept_positions():
        return doc
    wanted = declared_titles(doc)
    headline = page_headline(doc, wanted)
    if headline is None:
        return doc
    located = located_on_page(doc)
    placed = [(block, where) for block, where in zip(doc.blocks, located) if block.kept and where is not None]
    # A block repeating the title above the <h1> (a kicker line with the headline, a hidden copy)
    # is left to the headline stage, which takes the title from it.
    # A paragraph set above the headline (a standfirst, a kicker in a <p>) stays: only the layout's
    # rows, menus and labels go.
    above = [block for block, where in placed if where[1] <= headline and not repeats_any(block.text, wanted)
             and not any(in_paragraph(page_block) for page_block in doc.page_text[where[0]:where[1]])]
    total = sum(len(block.text) for block, _ in placed)
    if not above or total - sum(len(block.text) for block in above) < MIN_SHARE_BELOW * total:
        return doc
    reason = f'above the page\'s headline ("{doc.page_text[headline].text[:40]}")'
    for block in above:
        block.remove(Stage.BOILERPLATE, reason)
    return doc

"""Short loose lines of a page whose article is written in paragraphs: on an HTML page read by the
fast reader, when the kept text stands mostly in `<p>` elements, a short block of text standing
loose in a `<div>` (or another container that is no paragraph, heading, list item or cell) is a
widget's line: a date stamp, an audio player's `Anhören` or `1.0x`, a `Dela artikel` button, a
price, a form's label. trafilatura, whose extraction keeps paragraphs, drops most of them.

A loose line followed by a paragraph stays: it heads it (`Step 1`, a subheading set in a `<div>`).
Runs after the article's edges are chosen: inside the article's run of lines, these lines are
part of it for the span choice. Fast engine page F1 dev .9592 -> .9598, train .9530 -> .9538
(39 pages up, 7 down; at most 8 words: dev .9593, train .9536; a paragraph share of 85%: .9592 /
.9534; without the exception for a line heading a paragraph: dev .9589, train .9542).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage
from .dom import block_words

# The share of the kept words in <p> blocks from which the article counts as written in paragraphs.
MIN_PARAGRAPH_SHARE = 0.7
# A loose line holds at most this many words.
MAX_LOOSE_WORDS = 20
LOOSE_TAG = "div"  # DomFeatures.tag of text outside every paragraph, heading, list item and cell
PARAGRAPH_TAG = "p"


def mark_loose_lines(doc: Document, config: Config) -> Document:
    """Remove short blocks standing loose in a container, not in a paragraph, from a page whose kept
    text stands mostly in paragraphs, unless a paragraph follows them."""
    kept = [(block, block.dom.tag, block_words(block)) for block in doc.blocks
            if block.kept and block.dom is not None]
    total = sum(words for _, _, words in kept)
    in_paragraphs = sum(words for _, tag, words in kept if tag == PARAGRAPH_TAG)
    if not kept or in_paragraphs < MIN_PARAGRAPH_SHARE * total:
        return doc
    loose: list[Block] = []
    for position, (block, tag, words) in enumerate(kept):
        if tag != LOOSE_TAG or words > MAX_LOOSE_WORDS:
            continue
        following = kept[position + 1][1] if position + 1 < len(kept) else None
        if following != PARAGRAPH_TAG:
            loose.append(block)
    for block in loose:  # (after the look: each line is judged by the kept blocks as they were)
        block.remove(Stage.BOILERPLATE, "a short loose line on a page written in paragraphs")
    return doc

"""Table cells below an article set in paragraphs, on an HTML page read by the fast reader.

An older portal lays its page out in a table: the story in `<p>` blocks, then, in the cells below
it, a list of related headlines each with its date ("·Headline (2005-04-03 17:19)"), a photo box,
the site's links and its legal notices. The cells' headlines are partly link text (under half of
each: the date is not), so `page_furniture` keeps them, and the text stages' span runs on over
them. Here, when the article above is set in paragraphs and every kept block below its last
paragraph is a table cell, some of them a list of links, those cells go: an article's own table
ends before its last paragraph or holds no links, and a data table whose cells are names linked
whole lost those cells as link text already. Fast engine page F1 train .96107 -> .96167
(cwced-2bac7fb2 .695 -> .994; no other page of dev, train or the pages corpus took the rule).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage

CELL_TAGS = frozenset({"td", "th"})
# The article above is set in paragraphs: this share of its kept characters in <p> blocks.
MIN_PARAGRAPH_SHARE = 0.67
# ... and at least this many of the cells below it are partly links (a headline with its date).
MIN_LINKED_CELLS = 3
LINKED_SHARE = 0.25
CELL_TAIL = "a table's cells below the article's last paragraph (a list of links laid out in a table)"


def cell_tail(blocks: list[Block]) -> list[Block]:
    """The kept blocks below the last kept `<p>` when all are table cells, MIN_LINKED_CELLS of them
    at least LINKED_SHARE link text, and the article above is set in paragraphs; else []."""
    last = next((i for i in range(len(blocks) - 1, -1, -1)
                 if blocks[i].kept and blocks[i].dom is not None and blocks[i].dom.tag == "p"), None)
    if last is None:
        return []
    tail = [block for block in blocks[last + 1 :] if block.kept]
    if not tail or any(block.dom is None or block.dom.tag not in CELL_TAGS for block in tail):
        return []
    if sum(1 for block in tail if block.dom is not None and block.dom.link_density >= LINKED_SHARE) < MIN_LINKED_CELLS:
        return []
    above = [block for block in blocks[: last + 1] if block.kept and block.dom is not None]
    in_paragraphs = sum(len(block.text) for block in above if block.dom is not None and block.dom.tag == "p")
    if in_paragraphs < MIN_PARAGRAPH_SHARE * sum(len(block.text) for block in above):
        return []
    return tail


def mark_cell_tail(doc: Document, config: Config) -> Document:
    """Remove the table cells kept below the article's last paragraph (cell_tail)."""
    for block in cell_tail(doc.blocks):
        block.remove(Stage.BOILERPLATE, CELL_TAIL)
    return doc

"""An HTML page's whole visible text, as the fast reader reads it: the second view of a page that
trafilatura extracted (stages/extraction_end.py checks where the extraction's article ends on it)."""

from __future__ import annotations

from ..config import Config
from ..document import Block
from ..errors import InputError
from .deadline import DeadlineExceeded, deadline
from .fast_html import make_blocks, read_blocks


def page_text(html: str, source: str, config: Config) -> list[Block] | None:
    """The page's visible text blocks in order, each with its DomFeatures; None when the reader
    cannot read the page (too large, too slow).

    Only the blocks: trafilatura's side already read the metadata and checked the page's limits of
    attributes, so neither is paid for twice (the JSON-LD articleBody is not compared either).
    """
    from selectolax.lexbor import LexborHTMLParser  # lazy: text dumps never pay for it

    try:
        with deadline(config.html_timeout):
            # Old pages lay a post's title and date out as the two cells of a one-row table: as
            # blocks of their own they read as a dump prints them (a title line, a date line),
            # so extraction_end's stream detector sees a stream of dated posts.
            reader = read_blocks(LexborHTMLParser(html), source, config, lone_row_cells_apart=True)
    except (DeadlineExceeded, InputError):
        return None
    return make_blocks(reader)

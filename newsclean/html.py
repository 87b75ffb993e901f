"""HTML pages: trafilatura extracts the main content and metadata; each paragraph becomes a block.

Imported lazily (trafilatura and lxml are heavy): cleaning text dumps never pays for them.
"""

from __future__ import annotations

from .config import Config
from .document import Block, Document, Metadata
from .text import normalize_line


def parse_html(html: str, source: str = "-", encoding: str = "utf-8", config: Config | None = None) -> Document:
    """A Document whose blocks are the paragraphs trafilatura keeps, with the page's metadata."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    meta = Metadata()
    blocks: list[Block] = []
    if result is not None:
        meta.title = result.title or None
        meta.date = result.date or None
        meta.author = result.author or None
        meta.url = result.url or None
        meta.language = result.language or None
        lines = (normalize_line(line) for line in (result.text or "").split("\n"))
        blocks = [Block(line=n, text=line) for n, line in enumerate((l for l in lines if l), start=1)]
    return Document(source=source, blocks=blocks, meta=meta, input_format="html", encoding=encoding)

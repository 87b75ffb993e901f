"""HTML pages: trafilatura extracts the main content and metadata; each paragraph becomes a block.

Imported lazily (trafilatura and lxml are heavy): cleaning text dumps never pays for them.
trafilatura runs in recall mode by default: it keeps more than it is sure of, and newsclean's
own stages (error text, footers, duplicates, the headline) remove what it let through.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import TYPE_CHECKING, Any

from ..compiled import compiled_module
from ..config import DEFAULT_CONFIG, Config
from ..document import Block, Document, Metadata
from ..errors import InputError, TooLargeError
from ..read.mojibake import repair_mojibake
from .deadline import DeadlineExceeded, deadline
from .htmlmeta import page_metadata
from .text import normalize_line, strip_control

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The attribute guard's scan in C (the optional extension parse/_markup.c), a few times faster than
# the regular expressions below, which stay the reference and the fallback (NEWSCLEAN_PURE_PYTHON=1
# leaves it unused, as it does the model's compiled core).
_markup = compiled_module("newsclean.parse._markup")
compiled_most_attributes = None if _markup is None else _markup.most_attributes

# Elements that are not page structure (vector drawings, formulas) do not count against the limit.
COUNTED_ELEMENTS = "count(//*) - count(//svg//*) - count(//math//*)"
# A recall extraction this short (characters) may have latched onto a small box of a page
# without one clear article (a front page, a gallery); the balanced mode's comparison with
# readability and jusText is then tried as well, and the longer result kept.
SHORT_EXTRACTION = 500
FRAGMENT_SNIFF_CHARS = 1024
# libxml2 (without its "huge" option) stops parsing at this depth: the rest of the page is lost.
PARSER_MAX_DEPTH = 256
DEPTH_LIMIT_REACHED = "boolean(/*" + "/*" * (PARSER_MAX_DEPTH - 1) + ")"
# One attribute of a start tag, as HTML tokenizes it: a name, then maybe `=` and a value, quoted
# (a quoted value may hold `>` and spaces) or not; a `<` ends a name, as in libxml2. Each part
# starts with a character the others cannot start with, so a failed match never backtracks into
# earlier attributes.
ATTRIBUTE = r"""[^\s"'<>/=][^\s<>/=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>][^\s>]*))?"""
ONE_ATTRIBUTE = re.compile(r"\s+" + ATTRIBUTE)
ATOMIC_ATTRIBUTE = r"""(?>[^\s"'<>/=][^\s<>/=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>][^\s>]*+))?+)"""


class ExtractionTimeout(InputError):
    """trafilatura took longer than Config.html_timeout on this page."""


def parse_html(html: str, source: str = "-", encoding: str = "utf-8", config: Config | None = None) -> Document:
    """A Document whose blocks are the paragraphs trafilatura keeps, with the page's metadata."""
    config = config or DEFAULT_CONFIG
    tree = load_tree(html, source, config)
    if tree is None:
        return Document(source=source, blocks=[], input_format="html", encoding=encoding)
    meta, body = extract(tree, source, config)
    # Mojibake is looked for in what is kept, not in megabytes of markup.
    meta.title = repair_mojibake(meta.title) if meta.title else None
    blocks = [Block(b.line, repair_mojibake(b.text)) for b in body_blocks(body)]
    return Document(source=source, blocks=blocks, meta=meta, input_format="html", encoding=encoding)


def load_tree(html: str, source: str, config: Config) -> HtmlElement | None:
    """The parsed page (None when there is no markup at all); refuses trees over the element limit."""
    import trafilatura

    if config.html_max_attributes > 0:
        most = most_attributes(html, config.html_max_attributes)
        if most > config.html_max_attributes:
            raise TooLargeError(source, f"HTML has an element with {most:,} attributes, "
                                        f"more than html_max_attributes ({config.html_max_attributes:,})")
    if "<html" not in html[:FRAGMENT_SNIFF_CHARS].lower():
        # trafilatura takes a lone `<div>...</div>` for "not HTML"; a document around it is fine.
        html = f"<html><body>{html}</body></html>"
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    limit = config.html_max_elements
    if limit > 0:
        count = int(tree.xpath(COUNTED_ELEMENTS))
        if count > limit:
            raise TooLargeError(source, f"HTML has {count:,} elements, more than html_max_elements ({limit:,})")
    if tree.xpath(DEPTH_LIMIT_REACHED):
        raise TooLargeError(source, f"HTML is nested more than {PARSER_MAX_DEPTH - 1} elements deep: "
                                    "the parser cannot read what lies deeper")
    return tree


def most_attributes(html: str | bytes, at_least: int) -> int:
    """The most attributes a start tag holds, if one holds `at_least` or more (else 0); linear in the page
    (given as text, or as its UTF-8 bytes).

    >>> most_attributes('<p class="a b" id=x hidden>' + '<p title="> <" ' + "a b=1 " * 25 + ">", 10)
    51
    """
    if compiled_most_attributes is not None:
        most = compiled_most_attributes(html, at_least)
        if most is not None:  # (None: a text with lone surrogates, which has no UTF-8 form)
            return int(most)
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    return matched_most_attributes(html, at_least)


def matched_most_attributes(html: str, at_least: int) -> int:
    """most_attributes by regular expressions: the reference, and the fallback without the compiled core.

    >>> matched_most_attributes('<p class="a b" id=x hidden>' + '<p title="> <" ' + "a b=1 " * 25 + ">", 10)
    51
    """
    return max((len(ONE_ATTRIBUTE.findall(tag.group())) for tag in _many_attributes(at_least).finditer(html)),
               default=0)


@functools.lru_cache(maxsize=4)
def _many_attributes(at_least: int) -> re.Pattern[str]:
    """Start tags with at least this many attributes (all of them matched)."""
    # Possessive and atomic: no part of an attribute can be given back to make room for another
    # (names and values end where the grammar forces), so this finds what the backtracking
    # pattern finds, at a third of the cost on real pages (most tags fail after a few attributes).
    return re.compile(r"<[A-Za-z][^\s/>]*+(?:\s++" + ATOMIC_ATTRIBUTE + r"){%d,}" % at_least)


def extract(tree: HtmlElement, source: str, config: Config) -> tuple[Metadata, Any]:
    """The page's metadata and trafilatura's extracted body (None when it finds nothing), within the time limit."""
    try:
        with deadline(config.html_timeout):
            meta = page_metadata(tree)
            result = _bare_extraction(tree, config.html_focus, config)
            if config.html_focus == "recall" and _text_length(result) < SHORT_EXTRACTION:
                balanced = _bare_extraction(tree, "balanced", config)
                if _text_length(balanced) > _text_length(result):
                    result = balanced
    except DeadlineExceeded:
        raise ExtractionTimeout(
            source, f"HTML extraction took longer than html_timeout ({config.html_timeout:g} s)"
        ) from None
    return meta, result.body if result is not None else None


def _bare_extraction(tree: HtmlElement, focus: str, config: Config) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=config.html_tables,
        favor_recall=focus == "recall",
        favor_precision=focus == "precision",
    )


def _text_length(result: Any) -> int:
    return len(result.text or "") if result is not None else -1


def body_blocks(body: Any) -> list[Block]:
    """One block per line of trafilatura's text, except that a code block stays one block.

    Rendering the body's children one by one gives exactly trafilatura's own text; keeping a
    code listing whole stops its repeated lines (`FROM`, `)`) from reading as duplicates.
    """
    from trafilatura.xml import xmltotxt

    blocks: list[Block] = []

    def add(text: str) -> None:
        if text:
            blocks.append(Block(line=len(blocks) + 1, text=text))

    if body is None:
        return blocks
    for line in (body.text or "").split("\n"):
        add(normalize_line(line))
    for child in body:
        rendered = render_table(child) if child.tag == "table" else xmltotxt(child, False)
        if child.tag == "code":
            # Indentation is part of a listing; only trailing space and blank lines go.
            add("\n".join(line for line in (strip_control(raw).rstrip() for raw in rendered.split("\n")) if line.strip()))
        else:
            for line in rendered.split("\n"):
                add(normalize_line(line))
    return blocks


# A table cell holding this many characters holds running text (a post, an article), not a datum.
RUNNING_TEXT_CHARS = 500


def render_table(table: Any) -> str:
    """A table as trafilatura renders it, except for rows that lay the page out rather than hold data.

    Old sites lay pages out with tables: a post sits in one cell of a row, next to cells of
    navigation or a sidebar, and trafilatura flattens the whole row, the post's paragraphs
    included, into one `| ... |` line that no stage can take apart. A row of two or more filled
    cells one of which holds running text (RUNNING_TEXT_CHARS or more) is layout: each filled
    cell renders as a plain block, its paragraphs on lines of their own. Other rows stay table
    rows, and a table without such a row renders exactly as before.
    """
    from trafilatura.xml import xmltotxt

    rows = table.findall("row")
    filled_by_row = [_filled_cells(row) for row in rows]
    if not any(_lays_out(filled) for filled in filled_by_row):
        return xmltotxt(table, False)
    parts = [table.text or ""]
    for row, filled in zip(rows, filled_by_row):
        if _lays_out(filled):
            parts += [xmltotxt(_as_plain_block(cell), False) + "\n" for cell in filled]
        else:
            parts.append(xmltotxt(row, False) + "\n")
    return "".join(parts)


def _lays_out(filled: list[Any]) -> bool:
    """True for a row of two or more filled cells one of which holds running text."""
    return len(filled) >= 2 and any(len(_cell_text(cell)) >= RUNNING_TEXT_CHARS for cell in filled)


def _cell_text(cell: Any) -> str:
    return "".join(cell.itertext()).strip()


def _filled_cells(row: Any) -> list[Any]:
    return [cell for cell in row.findall("cell") if _cell_text(cell)]


def _as_plain_block(cell: Any) -> Any:
    """A copy of a table cell as a plain block (a `div`), so trafilatura renders its paragraphs as lines."""
    block = copy.deepcopy(cell)
    block.tag = "div"
    block.tail = None
    return block

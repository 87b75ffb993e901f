"""What the diff report shows, in plain Python: the rows of a document, safe text, labels and counts.

Shared by the terminal report (diff.py, drawn with rich) and the web page (html.py, no rich):
both show the same rows with the same words, so the two views can never disagree.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..document import Block, Document, Removal, Stage
from ..errors import printable
from ..read.raw import STDIN

# The mark column works without colour too (piped output, NO_COLOR), like diff's gutter.
KEPT_MARK, REMOVED_MARK, TITLE_MARK = " ", "-", "#"
TOP_REASONS = 3  # reason kinds named per file in the batch tables


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """How one document is shown."""

    side_by_side: bool = False
    context: int | None = None  # None: every line; N: removed lines with N kept lines around them


@dataclass(frozen=True, slots=True)
class Gap:
    """Kept lines hidden by --context/--only-removed."""

    count: int


def visible(text: str) -> str:
    r"""Text safe to show: other spaces become spaces, control and format characters their escapes.
    A newline stays a newline: a code listing from an HTML page is one block of several lines.

    >>> visible("a\x1b[2J\tb\u202e")
    'a\\x1b[2J b\\u202e'
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    """A space for a space character (tab, no-break space), else the escape as in error lines (\\x1b)."""
    return " " if ch == "\t" or unicodedata.category(ch) == "Zs" else repr(ch)[1:-1]


def stage_label(stage: Stage) -> str:
    """The stage as people read it ("error page" for error_page)."""
    return stage.value.replace("_", " ")


def removal_tag(removal: Removal) -> str:
    """The short reason shown on a removed line; the stage is named unless the reason starts with it.

    >>> removal_tag(Removal(Stage.FOOTER, 'after "Most popular stories"'))
    'footer: after "Most popular stories"'
    >>> removal_tag(Removal(Stage.DUPLICATE, "duplicate of line 5 (97%)", 5, 97.0))
    'duplicate of line 5 (97%)'
    """
    label = stage_label(removal.stage)
    reason = visible(removal.reason)
    return reason if reason.lower().startswith(label) else f"{label}: {reason}"


def plural(count: int, word: str) -> str:
    """`1 line`, `2 lines`.

    >>> plural(1, "line"), plural(3, "paragraph")
    ('1 line', '3 paragraphs')
    """
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def source_name(source: str) -> str:
    """The input's name as shown: the path (a newline or tab in it escaped too, as in error lines), or "stdin"."""
    return "stdin" if source == "-" else printable(source)


def shown_rows(blocks: Sequence[Block], context: int | None) -> Iterator[Block | Gap]:
    """The blocks to show in order, runs of far-away kept blocks replaced by a Gap (like diff -U)."""
    if context is None:
        yield from blocks
        return
    changed = [i for i, b in enumerate(blocks) if b.removal is not None]
    show = [False] * len(blocks)
    for i in changed:
        for j in range(max(0, i - context), min(len(blocks), i + context + 1)):
            show[j] = True
    hidden = 0
    for block, wanted in zip(blocks, show):
        if not wanted:
            hidden += 1
            continue
        if hidden:
            yield Gap(hidden)
            hidden = 0
        yield block
    if hidden:
        yield Gap(hidden)


def unit_of(doc: Document) -> str:
    """What a block is called: a line of a dump, a paragraph of an HTML page."""
    return "paragraph" if doc.input_format == "html" else "line"


def percent(part: int, whole: int) -> str:
    """A share as a whole percentage; a dash when there is nothing to share.

    >>> percent(1, 3), percent(0, 0)
    ('33%', '–')
    """
    return f"{100 * part / whole:.0f}%" if whole else "–"


def common_folder(sources: Sequence[str]) -> str:
    """The folder every source is in ("" when there is none), so rows need not repeat it.

    >>> common_folder(["dumps/a.txt", "dumps/sub/b.txt"]), common_folder(["a.txt", "-"])
    ('dumps', '')
    """
    if not sources or STDIN in sources:
        return ""
    try:
        folder = os.path.commonpath(sources)
    except ValueError:  # absolute and relative paths mixed
        return ""
    return os.path.dirname(folder) if folder in sources else folder


def meta_fields(doc: Document) -> list[tuple[str, str]]:
    """The document's known metadata as (name, safe text) pairs, in the order the reports list them."""
    meta = doc.meta
    fields = [("title", meta.title), ("url", meta.url), ("date", meta.date),
              ("status", None if meta.status is None else str(meta.status)), ("author", meta.author),
              ("language", meta.language or (doc.analysis.language if doc.analysis else None))]
    return [(name, visible(value)) for name, value in fields if value is not None]

"""clean(doc, config): a plain fold of the stages over a Document."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .config import DEFAULT_CONFIG, Config
from .document import Document
from .stages import (
    decide_verdict,
    mark_boilerplate,
    mark_duplicates,
    mark_error_page,
    mark_footer,
    mark_header,
    mark_outside_main_text,
    mark_repeated_blocks,
    mark_title,
)

StageFn = Callable[[Document, Config], Document]

# Order matters: metadata first, then what is noise wherever it stands, then the article's
# edges on what is left, then repetition inside the article, then whether there is an article
# at all, then its headline.
STAGES: tuple[StageFn, ...] = (
    mark_header,
    mark_error_page,
    mark_boilerplate,
    mark_repeated_blocks,
    mark_outside_main_text,
    mark_footer,
    mark_duplicates,
    decide_verdict,
    mark_title,
)


def run_stages(doc: Document, config: Config = DEFAULT_CONFIG, stages: Sequence[StageFn] = STAGES) -> Document:
    """Run every stage over doc in order and return it, marked."""
    for stage in stages:
        doc = stage(doc, config)
    return doc

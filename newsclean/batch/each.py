"""Clean many inputs for a report, in order, in worker processes when there are enough of them.

The diff report needs each document's counts (and, with --details, the document itself), not
an output file: `clean_each` hands each result to a converter in the worker (so only what the
report keeps travels back) and yields the results in input order.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TypeVar

from ..api import clean_path
from ..config import Config
from ..document import Document
from ..errors import InputError
from ..read.raw import STDIN
from ..sites import TemplateTable
from .pool import pool_context

T = TypeVar("T")
# (source, the converted document or None when it failed, the problem or None)
Result = tuple[str, T | None, str | None]
# Below this many inputs, starting workers costs more than it saves.
POOL_MIN_INPUTS = 8


def clean_each(paths: Sequence[str], config: Config, convert: Callable[[Document], T],
               jobs: int = 1, templates: TemplateTable | None = None) -> Iterator[list[Result[T]]]:
    """For each input in order, its documents converted; a failing document or file gives its
    problem (the whole `SOURCE: problem` line) instead.

    `convert` must be a module-level function when jobs > 1 (it runs in the workers).
    """
    work = partial(_clean_input, config=config, convert=convert, templates=templates)
    if jobs <= 1 or len(paths) < POOL_MIN_INPUTS or STDIN in paths:
        yield from map(work, paths)
        return
    pool = pool_context().Pool(min(jobs, len(paths)), initializer=_ignore_interrupts)
    try:
        yield from pool.imap(work, paths, chunksize=4)
    finally:
        pool.terminate()  # also on Ctrl-C (the parent's KeyboardInterrupt): workers stop at once
        pool.join()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which ends them: no traceback from each of them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _clean_input(path: str, config: Config, convert: Callable[[Document], T],
                 templates: TemplateTable | None = None) -> list[Result[T]]:
    """The results of one input (a file, or every record of a container), as clean_path cleans them."""
    results: list[Result[T]] = []

    def failed(exc: InputError) -> None:
        results.append((exc.source, None, str(exc)))

    for doc in clean_path(path, config, on_error=failed, templates=templates):
        results.append((doc.source, convert(doc), None))
    return results

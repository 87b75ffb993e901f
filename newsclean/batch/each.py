"""Clean many inputs for a report, in order, in worker processes when there are enough of them.

The diff report needs each document's counts (and, with --details, the document itself), not
an output file: `clean_each` hands each result to a converter in the worker (so only what the
report keeps travels back) and yields the results in input order.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TypeVar

from ..api import clean_path
from ..config import Config
from ..document import Document
from ..errors import InputError
from ..read.raw import STDIN
from ..sites import TemplateTable
from .pool import DIED, end_workers, pool_context

T = TypeVar("T")
# (source, the converted document or None when it failed, the problem or None)
Result = tuple[str, T | None, str | None]
# Below this many inputs, starting workers costs more than it saves.
POOL_MIN_INPUTS = 8
# Inputs sent to each worker before their results are read: the workers never wait for the
# reader, and memory stays bounded however many inputs there are.
INPUTS_AHEAD_PER_WORKER = 4


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
    yield from _in_workers(work, paths, min(jobs, len(paths)))


def _in_workers(work: Callable[[str], list[Result[T]]], paths: Sequence[str], jobs: int) -> Iterator[list[Result[T]]]:
    """work(path) for each path in order, in `jobs` worker processes, a few inputs ahead of the reader.

    Not multiprocessing.Pool: its terminate() first takes the task queue's read lock, which an idle
    worker holds while it waits for a task (a diff hung under load after a Ctrl-C), and a task lost
    with a dead worker left it waiting forever. Here, leaving early kills the workers (they write
    nothing) and the executor notices it on its own.
    When a worker dies, every input in flight fails with it: the first is run again alone (so only
    the input that kills its worker is reported), and a new pool takes the rest.
    """
    make_executor = partial(ProcessPoolExecutor, jobs, mp_context=pool_context(), initializer=_ignore_interrupts)
    executor = make_executor()
    ahead: deque[tuple[str, Future[list[Result[T]]]]] = deque()
    following = iter(paths)
    finished = False
    try:
        while True:
            while len(ahead) < jobs * INPUTS_AHEAD_PER_WORKER and (path := next(following, None)) is not None:
                ahead.append((path, executor.submit(work, path)))
            if not ahead:
                break
            path, future = ahead.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # a worker died: this input, or another one in flight, killed it
                executor.shutdown(wait=True)
                results = _alone(work, path)
                executor = make_executor()
                ahead = deque((waiting, executor.submit(work, waiting)) for waiting, _ in ahead)
            yield results
        finished = True
    finally:
        if not finished:  # Ctrl-C, or the reader stopped: nothing in flight is wanted any more
            end_workers(executor)
        # Killed workers break the pool and its manager thread fails the pending futures itself;
        # cancelling them too can kill that thread on Python 3.11 (see PoolRun.results).
        executor.shutdown(wait=True)


def _clean_input(path: str, config: Config, convert: Callable[[Document], T],
                 templates: TemplateTable | None = None) -> list[Result[T]]:
    """The results of one input (a file, or every record of a container), as clean_path cleans them."""
    results: list[Result[T]] = []

    def failed(exc: InputError) -> None:
        results.append((exc.source, None, str(exc)))

    for doc in clean_path(path, config, on_error=failed, templates=templates):
        results.append((doc.source, convert(doc), None))
    return results


def _alone(work: Callable[[str], list[Result[T]]], path: str) -> list[Result[T]]:
    """work(path) in a worker of its own: its results, or the problem that it kills its worker."""
    solo = ProcessPoolExecutor(1, mp_context=pool_context(), initializer=_ignore_interrupts)
    try:
        return solo.submit(work, path).result()
    except BrokenProcessPool:
        return [(path, None, f"{path}: {DIED}")]
    except BaseException:  # Ctrl-C while it runs
        end_workers(solo)
        raise
    finally:
        solo.shutdown(wait=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which ends them: no traceback from each of them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

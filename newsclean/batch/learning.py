"""Batch runs, pass 1: learn the site templates of all inputs before any is cleaned.

Every document of every selected file is read and parsed (not cleaned); its site and line
signatures go into one TemplateLearner, whose sample does not depend on the order the pages
arrive in, so neither the input order nor --jobs changes the table or the outputs. With a pool,
workers parse chunks of files and send back only (site, packed signatures) pairs. The parsed
HTML pages of the files the run will clean are written to disk on the way (parsed_cache.py), so
the cleaning pass does not parse them again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Mapping
from itertools import islice

from ..api import add_metadata, decode_raw, parse, parse_bytes, template_page
from ..config import Config
from ..errors import InputError
from ..read.charsets import media_type
from ..read.raw import STDIN
from ..read.sources import documents_of
from ..sites import TemplateLearner, TemplateTable
from .parsed_cache import DEFAULT_BUDGET, Budget, CacheWriter, worth_keeping
from .worker import STOP_NOW, BatchOptions, LocalFlag, StopFlag, Task, init_worker

Page = tuple[str, bytes]  # (site, packed line signatures)
Input = tuple[str, str | None]  # a file to learn from, and where to keep its parsed pages (None: nowhere)


def file_pages(path: str, config: Config, keep: CacheWriter | None = None) -> list[Page]:
    """The (site, signatures) of every document a file holds that has a site; unreadable input gives none
    (cleaning reports it). With `keep`, its parsed HTML pages are written there for the cleaning pass."""
    pages: list[Page] = []
    try:
        for number, raw in enumerate(documents_of(path, config)):
            try:
                # As api.clean_raw parses (so the kept parse is the one cleaning would make).
                doc = parse_bytes(raw, config)
                if doc is None:
                    text, encoding = decode_raw(raw, config)
                    doc = parse(text, raw.source, encoding, config, media_type(raw.content_type))
                    del text
            except InputError:
                continue  # cleaning will report it
            if keep is not None and worth_keeping(doc, config.html_engine):
                keep.add(number, doc)
            add_metadata(doc, raw.meta)
            page = template_page(doc, config)
            if page is not None:
                pages.append(page)
    except Exception:  # unreadable input, or a reader bug on one odd file: cleaning reports it
        pass
    finally:
        if keep is not None:
            keep.close()
    return pages


def input_pages(item: Input, config: Config, budget: Budget) -> list[Page]:
    """file_pages of one input, its parsed pages kept where the item says (within the budget)."""
    path, target = item
    return file_pages(path, config, CacheWriter(target, budget) if target else None)


def chunk_pages(items: list[Input], config: Config, allowance: int) -> list[Page]:
    """A pool task: the pages of a chunk of files (until the run is stopped), keeping at most
    `allowance` bytes of parsed pages."""
    from . import worker  # this process's worker state, set by init_worker

    pages: list[Page] = []
    budget = Budget(allowance)
    for item in items:
        if worker._worker is not None and worker._worker.stopped():
            break
        pages += input_pages(item, config, budget)
    return pages


def readable_twice(path: str) -> bool:
    """True for a regular file: a FIFO, a device or stdin can be read only once, by the cleaning pass."""
    try:
        return path != STDIN and stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def single_document(path: str, config: Config) -> bool:
    """True when a file holds at most one document (nothing to learn a template from)."""
    try:
        return len(list(islice(documents_of(path, config), 2))) < 2
    except Exception:
        return True


def learn(tasks: list[Task], options: BatchOptions, jobs: int, flag: StopFlag | None = None,
          on_error: Callable[[str], None] | None = None, keep: Mapping[str, str] | None = None,
          budget: int = DEFAULT_BUDGET) -> TemplateTable | None:
    """The site templates of the tasks' files (only regular files: stdin or a FIFO can be read once).

    `keep` maps the paths of files to keep parsed pages of to the files to write them to (at most
    `budget` bytes in all). None when stopped, when no site has two pages, or when a worker died
    (reported with on_error: the run goes on without templates rather than with a table that
    misses pages).
    """
    flag = flag or LocalFlag()
    keep = keep or {}
    tasks = [task for task in tasks if readable_twice(task.path)]
    if jobs <= 1 or len(tasks) < 2:
        return learn_paths([task.path for task in tasks], options.config, flag, keep, budget)
    if nothing_to_learn([task.path for task in tasks], options.config):
        return None
    learner = TemplateLearner(options.config.template_max_pages)
    if not _learn_in_pool(tasks, options, jobs, flag, learner, keep, budget):
        if on_error is not None and not flag.value:
            on_error("a worker process died while learning site templates; cleaning without them")
        return None
    return None if flag.value else useful(learner.table())


def learn_paths(paths: list[str], config: Config, flag: StopFlag | None = None,
                keep: Mapping[str, str] | None = None, budget: int = DEFAULT_BUDGET) -> TemplateTable | None:
    """The site templates of files, learnt in this process (unreadable ones skipped), parsed pages kept
    as in learn(); None when no site has two pages, or when the flag asks to stop."""
    paths = [path for path in paths if readable_twice(path)]
    if nothing_to_learn(paths, config):
        return None
    learner = TemplateLearner(config.template_max_pages)
    left = Budget(budget)
    for path in paths:
        if flag is not None and flag.value:
            return None
        _add(learner, input_pages((path, (keep or {}).get(path)), config, left))
    return None if flag is not None and flag.value else useful(learner.table())


def nothing_to_learn(paths: list[str], config: Config) -> bool:
    """No file, or one file of one document: no line can repeat (checked without parsing it)."""
    return not paths or (len(paths) == 1 and single_document(paths[0], config))


def useful(table: TemplateTable) -> TemplateTable | None:
    """The table when some site has two pages (else no line can repeat: cleaning needs no stage)."""
    return table if any(n >= 2 for n in table.pages.values()) else None


def _learn_in_pool(tasks: list[Task], options: BatchOptions, jobs: int, flag: StopFlag,
                   learner: TemplateLearner, keep: Mapping[str, str], budget: int) -> bool:
    """Learn chunks of files in worker processes; False when a worker died.

    Each chunk may keep a share of the budget for parsed pages in proportion to its bytes (no
    state shared between workers, and never more than the budget in all). A stop (the flag) ends
    the pass after the workers' current file; a second Ctrl-C (STOP_NOW) kills them, as in the
    cleaning pass.
    """
    # Here, not at the top: learning in one process needs neither the pool nor multiprocessing.
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from .pool import chunk_tasks, end_workers, pool_context

    chunks = chunk_tasks(tasks, jobs)
    total = max(1, sum(task.size for task in tasks))
    executor = ProcessPoolExecutor(jobs, mp_context=pool_context(), initializer=init_worker, initargs=(options, flag))
    try:
        pending = {executor.submit(chunk_pages, [(t.path, keep.get(t.path)) for t in chunk], options.config,
                                   budget * sum(t.size for t in chunk) // total)
                   for chunk in chunks}
        while pending and not flag.value:
            # A timeout, so a stop asked for by a signal is seen while every worker is busy.
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:  # any order of arrival gives the same sample
                _add(learner, future.result())
    except BrokenProcessPool:
        return False
    finally:
        killed = flag.value == STOP_NOW
        if killed:
            end_workers(executor)
        # Cancelling futures of a pool whose workers were killed kills its manager thread on
        # Python 3.11 (InvalidStateError) and shutdown then waits forever: see pool.results().
        executor.shutdown(wait=True, cancel_futures=not killed)
    return True


def _add(learner: TemplateLearner, pages: Iterable[Page]) -> None:
    for site, packed in pages:
        learner.add_packed(site, packed)

"""Batch runs, pass 1: learn the site templates of all inputs before any is cleaned.

Every document of every selected file is read and parsed (not cleaned); its site and line
signatures go into one TemplateLearner, whose sample does not depend on the order the pages
arrive in, so neither the input order nor --jobs changes the table or the outputs. With a pool,
workers parse chunks of files and send back only (site, packed signatures) pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ..api import template_page
from ..config import Config
from ..errors import NewscleanError
from ..read.raw import STDIN
from ..read.sources import read_documents
from ..sites import TemplateLearner, TemplateTable
from .pool import chunk_tasks, pool_context
from .worker import BatchOptions, LocalFlag, StopFlag, Task, init_worker

Page = tuple[str, bytes]  # (site, packed line signatures)


def file_pages(path: str, config: Config) -> list[Page]:
    """The (site, signatures) of every document a file holds that has a site; unreadable input gives none
    (cleaning reports it)."""
    pages: list[Page] = []
    try:
        for raw in read_documents(path, config.max_bytes, config.input_format, config.field):
            page = template_page(raw, config)
            if page is not None:
                pages.append(page)
    except NewscleanError:
        pass
    except Exception:  # a reader bug on one odd file must not stop the run: cleaning reports it
        pass
    return pages


def chunk_pages(paths: list[str], config: Config) -> list[Page]:
    """A pool task: the pages of a chunk of files."""
    return [page for path in paths for page in file_pages(path, config)]


def single_document(path: str, config: Config) -> bool:
    """True when a file holds at most one document (nothing to learn a template from)."""
    try:
        return len(list(islice(read_documents(path, config.max_bytes, config.input_format, config.field), 2))) < 2
    except Exception:
        return True


def learn(tasks: list[Task], options: BatchOptions, jobs: int, flag: StopFlag | None = None,
          on_error: Callable[[str], None] | None = None) -> TemplateTable | None:
    """The site templates of the tasks' files (stdin is not learnt from: it can be read once).

    None when stopped, when no site has two pages, or when a worker died (reported with on_error:
    the run goes on without templates rather than with a table that misses pages).
    """
    flag = flag or LocalFlag()
    config = options.config
    paths = [task.path for task in tasks if task.path != STDIN]
    if not paths or (len(paths) == 1 and single_document(paths[0], config)):
        return None
    learner = TemplateLearner(config.template_max_pages)
    if jobs > 1:
        if not _learn_in_pool(tasks, options, jobs, flag, learner):
            if on_error is not None and not flag.value:
                on_error("a worker process died while learning site templates; cleaning without them")
            return None
    else:
        for path in paths:
            if flag.value:
                return None
            _add(learner, file_pages(path, config))
    return None if flag.value else useful(learner.table())


def learn_paths(paths: list[str], config: Config) -> TemplateTable | None:
    """The site templates of files, learnt in this process (unreadable ones skipped); None when no
    site has two pages."""
    paths = [path for path in paths if path != STDIN]
    if not paths or (len(paths) == 1 and single_document(paths[0], config)):
        return None
    learner = TemplateLearner(config.template_max_pages)
    for path in paths:
        _add(learner, file_pages(path, config))
    return useful(learner.table())


def useful(table: TemplateTable) -> TemplateTable | None:
    """The table when some site has two pages (else no line can repeat: cleaning needs no stage)."""
    return table if any(n >= 2 for n in table.pages.values()) else None


def _learn_in_pool(tasks: list[Task], options: BatchOptions, jobs: int, flag: StopFlag,
                   learner: TemplateLearner) -> bool:
    """Learn chunks of files in worker processes; False when a worker died."""
    chunks = [[t.path for t in chunk if t.path != STDIN] for chunk in chunk_tasks(tasks, jobs)]
    executor = ProcessPoolExecutor(jobs, mp_context=pool_context(), initializer=init_worker, initargs=(options, flag))
    try:
        futures = [executor.submit(chunk_pages, chunk, options.config) for chunk in chunks if chunk]
        for future in futures:  # any order of arrival gives the same sample; this keeps it simple
            if flag.value:
                return True
            _add(learner, future.result())
    except BrokenProcessPool:
        return False
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return True


def _add(learner: TemplateLearner, pages: Iterable[Page]) -> None:
    for site, packed in pages:
        learner.add_packed(site, packed)

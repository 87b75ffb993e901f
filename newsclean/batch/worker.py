"""Batch runs, worker side: the run's options, and what a worker does with a chunk of input files.

A worker (a process of the pool, or the main process with --jobs 1) reads each file (a container
may hold many documents), cleans every document, and writes its output atomically below OUTDIR,
or keeps the rendered text for the parent to print in order. Between documents it checks the
run's stop flag, so a stop leaves only whole outputs.
"""

from __future__ import annotations

import errno
import gc
import os
import signal
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from ..api import clean_parsed, clean_raw
from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from ..errors import NewscleanError, OutputError, printable
from ..read.raw import RawDocument
from ..read.sources import Selection, documents_of
from ..sites import TemplateTable
from ..writers import render
from .outputs import (
    EXTENSIONS,
    AtomicFile,
    is_up_to_date,
    make_parents,
    output_path,
    write_atomically,
)
from .parsed_cache import DEFAULT_BUDGET, CacheReader, cache_file

EXIT_ORPHANED = 1  # a worker whose run died ends with this status (nobody reads it)
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}  # every later write would fail too: stop

@dataclass(frozen=True)
class BatchOptions:
    """How a run reads, cleans, writes and reports (the CLI builds one from its options)."""

    config: Config = DEFAULT_CONFIG
    fmt: str = "text"  # "text", "json" or "jsonl"
    title: bool = True
    output_dir: str | None = None  # None: stream to stdout
    jobs: int = 1
    selection: Selection = Selection()
    skip_existing: bool = False
    fail_on_error_page: bool = False
    headers: bool = False  # text to stdout: a `==> SOURCE <==` line before each document
    progress: bool = False  # a progress bar on stderr, when stderr is a terminal
    summary: bool = False  # the summary on stderr at the end
    summary_json: str | None = None  # "-": stdout
    split_records: bool = False  # -o -f jsonl: one output per record of a container, not one per file
    site_templates: bool = True  # learn the inputs' site templates in a first pass (when `templates` is None)
    templates: TemplateTable | None = None  # a table to clean with (given, or learnt by the run)
    save_templates: str | None = None  # write the learnt table here (--learn-templates FILE)
    parse_cache_bytes: int = DEFAULT_BUDGET  # pages parsed while learning kept on disk for cleaning (0: none)
    parsed_cache: str | None = None  # the run's directory of those pages (set by the run, once learnt)


@dataclass(frozen=True, slots=True)
class Task:
    """One input file for a worker: where to read it and the stem of its output below OUTDIR."""

    index: int
    path: str
    stem: str | None  # None when streaming to stdout
    size: int
    mtime_ns: int


@dataclass(slots=True)
class DocResult:
    """What became of one document: its verdict and removals, or the problem; its output or text."""

    source: str
    verdict: str | None = None
    page_kind: str | None = None
    removed_by_stage: dict[str, int] = field(default_factory=dict)
    problem: str | None = None  # the whole one-line message, "SOURCE: problem"
    output: str | None = None  # the file written below OUTDIR
    data: bytes | None = None  # the rendered document, when streaming
    skipped: bool = False  # its output was up to date (--skip-existing)


@dataclass(slots=True)
class FileResult:
    """What became of one input file: its documents, or why it could not be read."""

    index: int
    path: str
    read: bool = False
    bytes_read: int = 0
    docs: list[DocResult] = field(default_factory=list)
    problem: str | None = None  # reading failed (before or between documents)
    fatal: str | None = None  # the run must stop (disk full)
    complete: bool = True  # False when a stop came between the documents of a container
    output: str | None = None  # the one output of all its documents (-o with JSONL)
    cpu_seconds: float = 0.0  # CPU time spent on this file (in whichever process cleaned it)


STOP_NOW = 2  # the flag's value after Ctrl-C or SIGTERM: the parent kills the workers (1: stop after the document)


class StopFlag(Protocol):
    """A shared byte the parent sets to stop the workers (a multiprocessing RawValue, or a plain stand-in)."""

    value: int


@dataclass
class LocalFlag:
    value: int = 0


class Worker:
    """What a worker process (or the parent, with --jobs 1) needs between documents."""

    def __init__(self, options: BatchOptions, flag: StopFlag) -> None:
        self.options = options
        self.flag = flag
        self.made_dirs: set[str] = set()  # output directories known to exist (and not to be symlinks)

    def stopped(self) -> bool:
        """True once the parent asked the run to stop."""
        return bool(self.flag.value)


_worker: Worker | None = None  # the state of a worker process, set once by init_worker

# A cleaning process allocates many short-lived containers (a page's DOM wrappers, blocks, token
# lists) beside long-lived caches: with Python's default threshold (700) the cyclic collector ran
# ~540 young collections over train's 497 HTML pages, 0.24 ms a page (fast engine, measured with
# gc.callbacks); at 10,000 it runs ~75 and costs 0.06 ms. Freezing the imports (gc.freeze) as well
# measured no further gain. Memory: at most this many more young objects wait for a collection.
YOUNG_COLLECTION_THRESHOLD = 10_000


def settle_collector() -> tuple[int, int, int]:
    """Collect this process's young generation less often, for cleaning many documents (a pool's
    workers; see settled_collector for the caller's process); returns the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *before[1:])
    return before


@contextmanager
def settled_collector() -> Iterator[None]:
    """settle_collector while the block runs (a batch run in the caller's process), then the
    thresholds as they were: a program that calls the batch runner keeps its own settings."""
    before = settle_collector()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def init_worker(options: BatchOptions, flag: StopFlag) -> None:
    """Set up a worker process: it ignores SIGINT and SIGTERM and stops when the parent sets the flag."""
    global _worker
    import multiprocessing  # here, not at the top: a one-process run never needs it
    import threading

    # The parent decides when to stop (Ctrl-C reaches the whole process group); a worker killed
    # mid-write would leave a temporary file behind, one told to stop finishes its document.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker = Worker(options, flag)
    settle_collector()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


def _exit_with_parent(sentinel: int) -> None:
    """End this worker when the run's process dies (killed hard): it would wait for work forever."""
    import multiprocessing.connection

    multiprocessing.connection.wait([sentinel])
    os._exit(EXIT_ORPHANED)


def run_chunk(tasks: list[Task]) -> list[FileResult]:
    """The pool's task: clean a chunk of files with this worker's state."""
    assert _worker is not None, "worker not initialised"
    return clean_chunk(tasks, _worker)


def clean_chunk(tasks: list[Task], worker: Worker) -> list[FileResult]:
    """Clean files in order until done, stopped, or a fatal write error."""
    results: list[FileResult] = []
    for task in tasks:
        if worker.stopped():
            break
        results.append(clean_task(task, worker))
        if results[-1].fatal:
            break
    return results


class _Fatal(Exception):
    """A write error every later write would hit too (disk full, read-only file system)."""


def clean_task(task: Task, worker: Worker) -> FileResult:
    """Read one input file, clean every document it holds, and write (or render) each one.

    With -o and JSONL (unless --split-records), all documents of a file go into its one output,
    written whole once the file is done: a WARC or JSONL file gives one JSONL file, as its input.
    """
    result = FileResult(task.index, task.path)
    cpu_started = time.process_time()
    joined = _joined_output(task, worker.options)
    parsed = _parsed_pages(task, worker.options)
    try:
        config = worker.options.config
        for number, raw in enumerate(documents_of(task.path, config)):
            if number and worker.stopped():
                result.complete = False
                break
            result.read = True
            result.bytes_read += len(raw.data)
            document = clean_document(raw, task, worker, joined is not None,
                                      parsed.take(number) if parsed is not None else None)
            if joined is not None and document.data is not None:
                with _writing(joined.target):
                    if not joined.opened:
                        _prepare_target(joined.target, task, worker)
                    joined.write(document.data)
                document.data = None
            result.docs.append(document)
        result.read = True  # also a container that holds no documents
        if joined is not None and joined.opened and result.complete:
            with _writing(joined.target):
                joined.commit()
            result.output = joined.target
    except _Fatal as exc:
        result.fatal = str(exc)
    except NewscleanError as exc:
        result.problem = str(exc)
    except Exception as exc:  # a reader bug on one odd file must cost that file, not the crawl
        result.problem = f"{task.path}: cannot read: {type(exc).__name__}: {exc}"
    finally:
        if joined is not None:
            joined.discard()  # nothing left after a commit; else no half output
        if parsed is not None:
            parsed.close()
    result.cpu_seconds = time.process_time() - cpu_started
    return result


def _parsed_pages(task: Task, options: BatchOptions) -> CacheReader | None:
    """The file's pages parsed by the learning pass, when the run kept them."""
    if options.parsed_cache is None or options.templates is None:
        return None
    return CacheReader(cache_file(options.parsed_cache, task.path, task.size, task.mtime_ns))


def _joined_output(task: Task, options: BatchOptions) -> AtomicFile | None:
    """The one output all documents of the file go into (-o with JSONL), or None: one output per document."""
    if task.stem is None or options.output_dir is None or options.fmt != "jsonl" or options.split_records:
        return None
    return AtomicFile(output_path(options.output_dir, task.stem, EXTENSIONS[options.fmt]))


@contextmanager
def _writing(target: str) -> Iterator[None]:
    """Write errors as the run reports them: a full disk stops the run, any other fails the input."""
    try:
        yield
    except OSError as exc:
        message = f"{target}: cannot write: {exc.strerror or exc}"
        if exc.errno in DISK_FULL:
            raise _Fatal(message) from None
        raise OutputError(target, f"cannot write: {exc.strerror or exc}") from None


def _prepare_target(target: str, task: Task, worker: Worker) -> None:
    """Refuse to overwrite the input itself; create the target's directories inside OUTDIR."""
    assert worker.options.output_dir is not None
    if os.path.exists(target) and os.path.samefile(target, task.path):
        raise OutputError(target, "is the input itself; refusing to overwrite it")
    make_parents(worker.options.output_dir, target, worker.made_dirs)


def clean_document(raw: RawDocument, task: Task, worker: Worker, joined: bool = False,
                   parsed: Document | None = None) -> DocResult:
    """Clean one document (from its parse by the learning pass, when given) and write its output (or
    keep its rendered text for stdout, or for the file's joined output)."""
    options = worker.options
    target = None
    if task.stem is not None and options.output_dir is not None and not joined:
        target = output_path(options.output_dir, task.stem, EXTENSIONS[options.fmt], raw.record)
        if options.skip_existing and is_up_to_date(target, task.mtime_ns):
            return DocResult(raw.source, skipped=True)
    try:
        if parsed is not None:  # clean_raw's own steps after its parse (which this is)
            doc = clean_parsed(parsed, "", options.config, raw.meta, options.templates)
        else:
            doc = clean_raw(raw, options.config, options.templates)
    except NewscleanError as exc:
        return DocResult(raw.source, problem=str(exc))
    except Exception as exc:  # a cleaner bug on one page must cost that page, not the crawl
        return DocResult(raw.source, problem=f"{raw.source}: internal error: {type(exc).__name__}: {exc}")
    removed = Counter(block.removal.stage.value for block in doc.removed() if block.removal)
    result = DocResult(raw.source, verdict=doc.verdict.value, page_kind=doc.page_kind.value, removed_by_stage=dict(removed))
    text = render(doc, options.fmt, options.title)
    # A record of a container is one of many documents, even when the container is the only input.
    if target is None and options.fmt == "text" and (options.headers or raw.record is not None):
        # The name comes from the outside: a control character in it must not reach the terminal.
        text = f"==> {printable(raw.source)} <==\n{text}\n"
    # File names that are not UTF-8 come back as they were (surrogateescape), like other Unix tools.
    data = text.encode("utf-8", "surrogateescape")
    if target is None:
        result.data = data
        return result
    try:
        with _writing(target):
            _prepare_target(target, task, worker)
            write_atomically(target, data)
    except OutputError as exc:
        result.problem = str(exc)
    else:
        result.output = target
    return result

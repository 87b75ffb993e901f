"""Chunks of files cleaned by worker processes, results in input order, surviving a worker's death.

Files go to workers in chunks (few round trips per document); results come back in input
order. When a worker dies (killed by the out-of-memory killer, a crash in a C library), the
pool is replaced and the files that were in flight are run again one at a time, alone, so a
file that kills its worker again is named and reported, and every other file is cleaned.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.connection import wait as connection_wait

from .outputs import EXTENSIONS, output_path, remove_temporaries
from .worker import (
    STOP_NOW,
    BatchOptions,
    FileResult,
    StopFlag,
    Task,
    init_worker,
    run_chunk,
)

MAX_CHUNK_FILES = 64  # files per task sent to a worker: amortises the inter-process round trip
MAX_CHUNK_BYTES = 8 * 1024 * 1024  # ...but a chunk of big files is cut early, so workers stay balanced
CHUNKS_PER_WORKER = 8  # at least this many chunks per worker, so all finish together
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: none waits for work, a stop cancels the rest at once
# Streaming keeps input order, so finished chunks wait behind a slow one: this bounds their memory.
STREAM_WINDOW_PER_WORKER = 16
WORKERS_DIE_WITHIN = 30.0  # seconds for killed workers to be gone before their result pipe is closed
DIED = "the worker process died while cleaning it (killed, or out of memory?)"


def chunk_tasks(tasks: list[Task], jobs: int) -> list[list[Task]]:
    """Tasks cut into chunks of up to MAX_CHUNK_FILES files and MAX_CHUNK_BYTES bytes, CHUNKS_PER_WORKER+ per worker.

    The first chunks are small (1, 2, 4, ... files) so the first output and progress come at once.
    """
    per_chunk = max(1, min(MAX_CHUNK_FILES, -(-len(tasks) // (jobs * CHUNKS_PER_WORKER))))
    chunks: list[list[Task]] = []
    current: list[Task] = []
    size = 0
    for task in tasks:
        limit = min(per_chunk, 2 ** (len(chunks) // jobs))
        if current and (len(current) >= limit or size + task.size > MAX_CHUNK_BYTES):
            chunks.append(current)
            current, size = [], 0
        current.append(task)
        size += task.size
    if current:
        chunks.append(current)
    return chunks


def pool_context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: workers start from a clean, preloaded process (safe with threads)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsclean.batch.worker"])  # workers start with it imported
        return context
    return multiprocessing.get_context("spawn")


@dataclass(slots=True)
class _Unit:
    """Work sent to one worker: a whole chunk, or (after a worker died) one file of it."""

    chunk: int  # the chunk's index: results are delivered in this order
    part: int | None  # None for the whole chunk, else the file's position in its chunk
    tasks: list[Task]

    @property
    def suspect(self) -> bool:
        """True for a file rerun alone after a worker died: if its worker dies again, it is the cause."""
        return self.part is not None


class PoolRun:
    """Drive one pool over the chunks of a run: submit, collect, replace a dead pool, deliver in order."""

    def __init__(self, tasks: list[Task], options: BatchOptions, flag: StopFlag, jobs: int,
                 on_done: Callable[[int], None], on_death: Callable[[int], None],
                 make_executor: Callable[[], Executor] | None = None) -> None:
        self.chunks = chunk_tasks(tasks, jobs)
        self.options = options
        self.flag = flag
        self.on_done = on_done  # files finished (for the progress bar)
        self.on_death = on_death  # a worker died: this many files will be rerun one at a time
        self.limit = jobs * IN_FLIGHT_PER_WORKER
        # With -o the results are small counts, so a slow chunk never holds the others back.
        self.window = len(self.chunks) if options.output_dir else jobs * STREAM_WINDOW_PER_WORKER
        self.make_executor = make_executor or (lambda: ProcessPoolExecutor(
            jobs, mp_context=pool_context(), initializer=init_worker, initargs=(options, flag)))
        self.in_flight: dict[Future[list[FileResult]], _Unit] = {}
        self.suspects: deque[_Unit] = deque()
        self.pieces: dict[int, list[list[FileResult] | None]] = {}  # results of chunks cut into files
        self.ready: dict[int, list[FileResult]] = {}
        self.submitted = self.delivered = 0

    def results(self) -> Iterator[tuple[int, list[FileResult]]]:
        """(chunk index, its files' results) in input order; after a stop, what finished, in order."""
        executor = self.make_executor()
        try:
            while True:
                lost = self._submit(executor)
                while self.delivered in self.ready:
                    yield self.delivered, self.ready.pop(self.delivered)
                    self.delivered += 1
                if not self.in_flight and not lost:
                    if self.flag.value or (self.submitted == len(self.chunks) and not self.suspects):
                        break
                    continue  # delivering made room in the window: submit more
                # A timeout, so a stop asked for by a signal is seen even while every worker is busy.
                done, _ = wait(self.in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
                if lost or any(isinstance(future.exception(), BrokenProcessPool) for future in done):
                    executor = self._replace_dead_pool(executor, lost)
                else:
                    for future in done:
                        self._complete(self.in_flight.pop(future), future.result())
            finished = {**self.ready, **{chunk: self._joined(parts) for chunk, parts in self.pieces.items()}}
            for index in sorted(finished):  # finished after a gap left by a stop: their outputs exist
                yield index, finished[index]
        finally:
            killed: list[int] = []
            if self.flag.value == STOP_NOW:
                killed = end_workers(executor)  # a second Ctrl-C: do not wait for their documents
            elif self.delivered < len(self.chunks):
                self.flag.value = 1  # leaving early (stop, closed pipe, error): workers finish their document
            # Killed workers break the pool, and its manager thread then fails every pending future;
            # on Python 3.11 it dies (InvalidStateError) on one already cancelled, and shutdown waits
            # for it forever. So futures are cancelled only when the workers live to finish.
            if not killed:
                for future in self.in_flight:
                    future.cancel()
            executor.shutdown(wait=True, cancel_futures=not killed)
            self._remove_temporaries(list(self.in_flight.values()), killed)

    def _submit(self, executor: Executor) -> list[_Unit]:
        """Send work to the pool; returns units the pool refused because it is already dead."""
        units: list[_Unit] = []
        if self.suspects:
            # After a worker died, suspects run one at a time, so another death names its file.
            if not self.in_flight and not self.flag.value:
                units.append(self.suspects.popleft())
        else:
            while (not self.flag.value and self.submitted < len(self.chunks)
                   and len(self.in_flight) + len(units) < self.limit and self.submitted - self.delivered < self.window):
                units.append(_Unit(self.submitted, None, self.chunks[self.submitted]))
                self.submitted += 1
        lost: list[_Unit] = []
        for unit in units:
            try:
                self.in_flight[executor.submit(run_chunk, unit.tasks)] = unit
            except BrokenProcessPool:
                lost.append(unit)
        return lost

    def _replace_dead_pool(self, executor: Executor, lost: list[_Unit]) -> Executor:
        """A worker died: keep what finished, queue the rest to run alone, and start a new pool."""
        wait(self.in_flight)  # the dead pool fails everything still in flight at once
        dead = list(lost)
        for future, unit in self.in_flight.items():
            if isinstance(future.exception(), BrokenProcessPool):
                dead.append(unit)
            else:
                self._complete(unit, future.result())  # finished in time (or raises a real bug)
        self.in_flight.clear()
        pids = end_workers(executor)
        executor.shutdown(wait=True)
        self._remove_temporaries(dead, pids)
        rerun = 0
        for unit in dead:
            if unit.suspect:  # it ran alone: this file is what killed its worker
                task = unit.tasks[0]
                self._complete(unit, [FileResult(task.index, task.path, problem=f"{task.path}: {DIED}")])
            else:
                self.pieces[unit.chunk] = [None] * len(unit.tasks)
                self.suspects.extend(_Unit(unit.chunk, part, [task]) for part, task in enumerate(unit.tasks))
                rerun += len(unit.tasks)
        if rerun:
            self.on_death(rerun)
        return self.make_executor()

    def _remove_temporaries(self, units: list[_Unit], pids: list[int]) -> None:
        """Remove what the dead pool's workers left half-written where the outputs of their files go."""
        outdir = self.options.output_dir
        if outdir is None or not pids:
            return
        ext = EXTENSIONS[self.options.fmt]
        directories = set()
        for task in (task for unit in units for task in unit.tasks if task.stem is not None):
            assert task.stem is not None
            directories.add(os.path.dirname(output_path(outdir, task.stem, ext)))
            directories.add(os.path.join(outdir, task.stem))  # a container's records
        for directory in directories:
            remove_temporaries(directory, pids)

    def _complete(self, unit: _Unit, results: list[FileResult]) -> None:
        """File a unit's results; a chunk cut into files is ready once all its files are."""
        self.on_done(len(results))
        if unit.part is None:
            self.ready[unit.chunk] = results
            return
        parts = self.pieces[unit.chunk]
        parts[unit.part] = results
        if all(part is not None for part in parts):
            self.ready[unit.chunk] = self._joined(self.pieces.pop(unit.chunk))

    @staticmethod
    def _joined(parts: list[list[FileResult] | None]) -> list[FileResult]:
        return [result for part in parts if part for result in part]


def end_workers(executor: Executor) -> list[int]:
    """Kill what is left of a broken pool's workers; returns the pids of all its workers.

    The pool ends its other workers with SIGTERM, which ours ignore (a Ctrl-C or SIGTERM sent to
    the whole process group must let them finish their document); and one may wait forever on a
    queue lock the dead worker held. Their files were failed by the pool and run again.
    """
    processes = dict(getattr(executor, "_processes", None) or {})
    for process in processes.values():
        if process.is_alive():
            process.kill()
    _unblock_result_reader(executor, [process.sentinel for process in processes.values()])
    return list(processes)


def _unblock_result_reader(executor: Executor, sentinels: list[int]) -> None:
    """Once the killed workers are gone, close this process's end of the pool's result pipe.

    A worker killed halfway through sending a result leaves a message cut short in the pipe. The
    pool's manager thread reads it and waits for the rest, which never comes, since this process
    still holds a write end (shutdown then waits for that thread forever: a SIGTERM hung a run
    about once in 80 under load). With every writer closed, the read ends at EOF instead, and the
    thread fails the pool as for any dead worker. Nothing here ever writes to that pipe.
    """
    deadline = time.monotonic() + WORKERS_DIE_WITHIN
    waiting = list(sentinels)  # readable once its process has exited, and from then on
    while waiting and (left := deadline - time.monotonic()) > 0:  # SIGKILL cannot be ignored: this is quick
        ready = connection_wait(waiting, timeout=left)
        waiting = [sentinel for sentinel in waiting if sentinel not in ready]
    if waiting:
        return  # a worker stuck in the kernel could still write: leave the pipe as it is
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()

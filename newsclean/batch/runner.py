"""Batch runs, parent side: choose the inputs, plan the outputs, drive the workers, report, exit status.

The parent chooses the inputs and plans the outputs. Workers (worker.py) get chunks of paths
(few round trips per document), clean, and write their outputs atomically themselves, sending
back only counts; when streaming to stdout they send the rendered text and the parent writes
it in input order. SIGINT and SIGTERM set a shared stop flag that workers check between
documents, so a run stops within one document and leaves only whole outputs.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from ..errors import NewscleanError, printable
from ..read.raw import STDIN
from ..read.sources import InputFile, InputProblem, Selection, iter_inputs
from ..sites import TemplateTable
from .outputs import (
    EXTENSIONS,
    is_up_to_date,
    output_path,
    output_stems,
    write_all,
    write_file,
)
from .run_summary import RunSummary
from .worker import (
    STOP_NOW,
    BatchOptions,
    DocResult,
    FileResult,
    LocalFlag,
    StopFlag,
    Task,
    Worker,
    clean_chunk,
    settled_collector,
)

__all__ = ["BatchError", "BatchOptions", "run", "usable_cpus"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PIPE = 0, 1, 2, 141
# Interrupted runs exit with 128 + the signal number: 130 for SIGINT (Ctrl-C), 143 for SIGTERM.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Starting workers costs about half a second: worth it from this many files, or this many bytes.
POOL_MIN_FILES, POOL_MIN_BYTES = 64, 1024 * 1024


class BatchError(NewscleanError):
    """The run cannot start as asked (an unusable output directory, stdin with an output directory)."""


# --- the parent side: plan, execute, report ----------------------------------------------


def usable_cpus() -> int:
    """How many CPUs this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _Reporter:
    """Error lines and progress on stderr: a rich progress bar on a terminal, plain lines otherwise."""

    def __init__(self, show_progress: bool, total: int) -> None:
        self.progress: Any = None
        if show_progress and total > 1 and sys.stderr.isatty():
            self.progress = _rich_progress(total)

    def error(self, message: str) -> None:
        """One `newsclean: ...` line on stderr (above the bar when there is one)."""
        line = "newsclean: " + printable(message)
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def advance(self, files: int) -> None:
        """Count files done on the bar."""
        if self.progress is not None and files:
            self.progress.advance(self.progress.task_ids[0], files)

    def close(self) -> None:
        """Remove the bar (the summary that follows says the same, for good)."""
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _rich_progress(total: int) -> Any:
    """A started rich progress bar on stderr: files done, files/s, elapsed, ETA."""
    from rich.console import Console  # lazy: rich is only needed on a terminal
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import (
        Task as RichTask,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: RichTask) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} files/s" if speed else "- files/s", style="progress.data.speed")

    progress = Progress(
        TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(), RateColumn(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False,
    )
    progress.add_task("cleaning", total=total)
    progress.start()
    return progress


def show_summary(summary: RunSummary) -> None:
    """The summary on stderr: a table on a terminal, plain `newsclean:` lines otherwise."""
    if not sys.stderr.isatty():
        sys.stderr.write("".join(f"newsclean: {line}\n" for line in summary.text_lines()))
        sys.stderr.flush()
        return
    from rich.console import Console  # lazy: only for a terminal
    from rich.table import Table

    table = Table(title="newsclean summary", show_header=False, title_justify="left")
    for label, text in summary.rows():
        table.add_row(label, text)
    Console(stderr=True).print(table)


@dataclass
class _Run:
    """The parent's state for one run: options, summary, reporter, stop flag, stdout."""

    options: BatchOptions
    summary: RunSummary
    flag: StopFlag = field(default_factory=LocalFlag)
    reporter: _Reporter = field(default_factory=lambda: _Reporter(False, 0))
    stdout: BinaryIO | None = None
    signum: int | None = None
    pipe_closed: bool = False
    stdout_broken: bool = False  # stdout failed: the rest of the output has nowhere to go
    writing: bool = False  # a document is being written to stdout: a signal waits for its end
    seen_outputs: dict[str, str] = field(default_factory=dict)  # output -> the source that wrote it
    selected: list[InputFile] = field(default_factory=list)  # every selected file (site templates learn from all)
    parsed_cache: str | None = None  # the directory of pages parsed while learning (removed at the end)

    def fail(self, source: str, message: str) -> None:
        """Record and print one failure (message is the whole line without the prefix)."""
        self.summary.add_failure(source, message.removeprefix(source + ": "))
        self.reporter.error(message)

    def stop(self) -> None:
        """Tell the workers to stop after their current document."""
        self.flag.value = 1

    def on_signal(self, signum: int, frame: object) -> None:
        """SIGINT/SIGTERM: stop at once. Workers are killed and the documents they were on dropped
        (one may be an 8 MB page, or stuck reading a FIFO); outputs stay whole, since each is
        written to a temporary file first and the temporaries of killed workers are removed.
        Only a document being written to stdout is finished first, so stdout ends with a whole one."""
        if self.signum is None:
            self.signum = signum
        self.flag.value = STOP_NOW
        if not self.writing:
            raise KeyboardInterrupt


def run(inputs: Sequence[str], options: BatchOptions) -> RunSummary:
    """Clean every input (files, directories, "-") as options say; returns the summary with its exit status.

    Failures are printed (`newsclean: PATH: problem`) and counted; the run goes on. Raises
    BatchError when the run cannot start (an output directory that cannot be created).
    """
    started = time.perf_counter()
    if options.output_dir is not None and STDIN in inputs:
        raise BatchError("- (stdin) cannot be cleaned into an output directory; redirect stdout instead")
    selection, outdir = _prepare_output_dir(options)
    _refuse_output_as_input(inputs, outdir)
    summary = RunSummary(jobs=options.jobs)
    state = _Run(replace(options, selection=selection, output_dir=outdir), summary)
    previous = _install_signal_handlers(state)  # before the walk: a long walk can be interrupted too
    try:
        # Both passes (learning the templates, cleaning) run here with --jobs 1; with a pool, this
        # process still reads every result back. Its collector is the pool workers' meanwhile.
        with settled_collector():
            _execute(inputs, state)
    except KeyboardInterrupt:
        state.signum = state.signum or signal.SIGINT
    finally:
        _restore_signal_handlers(previous)
        state.reporter.close()
        if state.parsed_cache:
            from .parsed_cache import remove_cache_dir

            remove_cache_dir(state.parsed_cache)
    summary.seconds = time.perf_counter() - started
    missing = summary.files_selected - summary.files_done
    if missing and state.signum is None and not state.stdout_broken and summary.exit_status == EXIT_OK:
        # Nothing may go missing silently: a run that was not stopped accounts for every file.
        state.fail("-", f"internal error: {missing} files were not processed; run again with --skip-existing")
    summary.exit_status = _exit_status(state)
    _finish(state)
    return summary


def _execute(inputs: Sequence[str], state: _Run) -> None:
    """Plan the tasks, then clean them in this process or in a pool, consuming the results in order."""
    options = state.options
    tasks = _plan(inputs, options, state)
    pool_jobs = min(options.jobs, len(tasks)) if _worth_a_pool(tasks) else 1
    state.summary.jobs = max(pool_jobs, 1)
    if pool_jobs > 1:
        # Shared memory the workers read, set without locks (safe in a signal handler); it keeps
        # a stop that came during the walk.
        from .pool import pool_context  # lazy: one process needs no multiprocessing

        state.flag = pool_context().RawValue("b", state.flag.value)
    if options.templates is None and options.site_templates and tasks:
        options = state.options = _with_learnt_templates(options, state, tasks)
    state.reporter = _Reporter(options.progress, len(tasks))
    state.stdout = None if options.output_dir else _binary_stdout()
    if pool_jobs > 1:
        from .pool import PoolRun

        reporter = state.reporter
        results = PoolRun(tasks, options, state.flag, pool_jobs, on_done=reporter.advance, on_death=lambda files: (
            reporter.error(f"a worker process died (killed, or out of memory?); its {files} files are cleaned "
                           "again, one at a time"))).results()
    else:
        results = _local_results(tasks, options, state)
    _consume(results, state)


def _with_learnt_templates(options: BatchOptions, state: _Run, tasks: list[Task]) -> BatchOptions:
    """Pass 1: the options with the site templates of every selected file (saved with --learn-templates),
    and the directory where the parsed HTML pages of the tasks wait for the cleaning pass.

    Files --skip-existing leaves out are learnt from too: the table is the batch's, whatever was done before.
    """
    from .learning import learn, nothing_to_learn, readable_twice
    from .parsed_cache import cache_file, make_cache_dir, remove_cache_dir

    everything = [Task(i, f.path, None, f.size, f.mtime_ns) for i, f in enumerate(state.selected)]
    if not options.save_templates and nothing_to_learn([t.path for t in everything if readable_twice(t.path)], options.config):
        # One file of one document (the CLI on a page): learn() would find no site with two pages;
        # told before a directory for parsed pages is made and removed again (6 ms of a 140 ms run).
        return options
    jobs = min(options.jobs, len(everything)) if _worth_a_pool(everything) else 1
    if jobs > 1 and isinstance(state.flag, LocalFlag):
        from .pool import pool_context

        state.flag = pool_context().RawValue("b", state.flag.value)  # the learning workers read it too
    cache = state.parsed_cache = make_cache_dir() if options.parse_cache_bytes > 0 else None
    keep = {t.path: cache_file(cache, t.path, t.size, t.mtime_ns) for t in tasks} if cache else {}
    table = learn(everything, options, jobs, state.flag, state.reporter.error, keep, options.parse_cache_bytes)
    if table is None:
        remove_cache_dir(cache)  # nothing to clean with: the cleaning pass parses as it always does
        cache = state.parsed_cache = None
    if options.save_templates and state.signum is None:
        try:
            (table or TemplateTable()).save(options.save_templates)
        except OSError as exc:
            state.fail(options.save_templates, f"{options.save_templates}: cannot write templates: {exc.strerror or exc}")
    return replace(options, templates=table, parsed_cache=cache)


def _prepare_output_dir(options: BatchOptions) -> tuple[Selection, str | None]:
    """Create OUTDIR and keep walks out of it (it may sit inside the input tree)."""
    selection, outdir = options.selection, options.output_dir
    if outdir is None:
        return selection, None
    try:
        os.makedirs(outdir, exist_ok=True)
        st = os.stat(outdir)
    except FileExistsError:
        raise BatchError(f"{outdir}: output directory exists and is not a directory") from None
    except OSError as exc:
        raise BatchError(f"{outdir}: cannot create output directory: {exc.strerror or exc}") from None
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise BatchError(f"{outdir}: output directory is not writable")
    return replace(selection, skip_dirs=selection.skip_dirs | {(st.st_dev, st.st_ino)}), os.path.normpath(outdir)


def _refuse_output_as_input(inputs: Sequence[str], outdir: str | None) -> None:
    """An input directory that is the output directory itself would be found empty (the output
    directory is never walked) and its outputs would land beside, or over, its inputs: refused."""
    if outdir is None:
        return
    for path in inputs:
        if path != STDIN and os.path.isdir(path) and os.path.samefile(path, outdir):
            raise BatchError(f"{path}: the output directory is this input directory; "
                             "write the outputs into another directory (-o)")


def _plan(inputs: Sequence[str], options: BatchOptions, state: _Run) -> list[Task]:
    """The tasks to run, in input order: selection problems reported, up-to-date outputs skipped."""
    summary = state.summary
    files: list[InputFile] = []
    for item in iter_inputs(inputs, options.selection):
        if state.signum is not None:
            break
        if isinstance(item, InputProblem):
            if item.skipped:
                summary.leave_out(item.path, item.problem)
            else:
                state.fail(item.path, f"{item.path}: {item.problem}")
        else:
            files.append(item)
    state.selected = files
    summary.files_selected = len(files) + len(summary.failures)
    summary.files_failed = len(summary.failures)
    if options.output_dir is None:
        return [Task(i, f.path, None, f.size, f.mtime_ns) for i, f in enumerate(files)]
    ext = EXTENSIONS[options.fmt]
    inputs_at = {os.path.abspath(f.path) for f in files}
    tasks: list[Task] = []
    for f, stem in zip(files, output_stems([f.relative for f in files], ext), strict=True):
        target = output_path(options.output_dir, stem.as_posix(), ext)
        other = state.seen_outputs.setdefault(target, f.path)
        if other != f.path:
            state.fail(f.path, f"{f.path}: its output {target} is also the output of {other}; clean them separately")
            summary.files_failed += 1
        elif os.path.abspath(target) in inputs_at:
            state.fail(f.path, f"{f.path}: its output {target} would overwrite an input; choose another -o")
            summary.files_failed += 1
        elif options.skip_existing and is_up_to_date(target, f.mtime_ns):
            summary.files_skipped += 1
        else:
            tasks.append(Task(len(tasks), f.path, stem.as_posix(), f.size, f.mtime_ns))
    return tasks


def _worth_a_pool(tasks: list[Task]) -> bool:
    """True when workers pay for their start-up; stdin can only be read by this process."""
    if any(task.path == STDIN for task in tasks):
        return False
    return len(tasks) >= POOL_MIN_FILES or sum(task.size for task in tasks) >= POOL_MIN_BYTES


def _binary_stdout() -> BinaryIO | None:
    """The binary stdout (None where there is none, e.g. in a notebook)."""
    return getattr(sys.stdout, "buffer", None)


def _install_signal_handlers(state: _Run) -> dict[int, Any]:
    """Route SIGINT/SIGTERM to the run's stop flag (only possible in the main thread)."""
    previous: dict[int, Any] = {}
    for signum in STOP_SIGNALS:
        try:
            previous[signum] = signal.signal(signum, state.on_signal)
        except ValueError:  # not the main thread: leave signals alone
            break
    return previous


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _local_results(tasks: list[Task], options: BatchOptions, state: _Run) -> Iterator[tuple[int, list[FileResult]]]:
    """--jobs 1: clean in this process, one file at a time, in order."""
    worker = Worker(options, state.flag)
    for task in tasks:
        if worker.stopped():
            return
        results = clean_chunk([task], worker)
        state.reporter.advance(len(results))
        yield task.index, results


def _consume(results: Iterator[tuple[int, list[FileResult]]], state: _Run) -> None:
    """Count, report and (when streaming) print the results in input order.

    Stdout gets a prefix of the inputs: after a gap (a chunk a stop cut short, or one that did not
    finish; a container stopped between its records) nothing more is printed.
    """
    expected: int | None = 0  # the next file stdout may print; None once there was a gap
    for _index, file_results in results:
        for file_result in file_results:
            in_order = file_result.index == expected
            _account(file_result, state, print_it=in_order)
            if in_order:
                expected = file_result.index + 1 if file_result.complete else None
        _flush_stdout(state)


def _account(result: FileResult, state: _Run, print_it: bool) -> None:
    """Add one file's result to the summary, print its problems, write its documents to stdout."""
    summary, options = state.summary, state.options
    summary.cpu_seconds += result.cpu_seconds
    if result.read:
        summary.files_read += 1
        summary.bytes_read += result.bytes_read
    elif result.problem or result.fatal:
        summary.files_failed += 1
    for doc in result.docs:
        if doc.skipped:
            summary.documents_skipped += 1
            continue
        if doc.problem:
            state.fail(doc.source, doc.problem)
            continue
        assert doc.verdict is not None
        summary.add_document(doc.verdict, doc.removed_by_stage, doc.page_kind)
        if doc.output is not None:
            _note_output(doc, state)
        if options.fail_on_error_page and doc.verdict == "error_page":
            state.fail(doc.source, f"{doc.source}: error page")
        if doc.data is not None and print_it:
            _write_stdout(doc.data, state)
    if result.output is not None:
        summary.outputs_written += 1  # its target was planned (and checked) for this file alone
    if result.problem:
        state.fail(result.path, result.problem)
    if result.fatal:
        state.fail(result.path, result.fatal)
        state.summary.exit_status = EXIT_FAILED
        state.stop()


def _note_output(doc: DocResult, state: _Run) -> None:
    """Count an output, and report when a record's output replaced one written earlier in this run."""
    assert doc.output is not None
    earlier = state.seen_outputs.setdefault(doc.output, doc.source)
    if earlier != doc.source:
        state.fail(doc.source, f"{doc.source}: its output {doc.output} replaced the output of {earlier}")
    else:
        state.summary.outputs_written += 1


def _write_stdout(data: bytes, state: _Run) -> None:
    if state.stdout_broken:
        return
    signalled_before = state.signum is not None
    state.writing = True
    try:
        if state.stdout is not None:
            write_all(state.stdout, data)
        else:
            sys.stdout.write(data.decode("utf-8", "surrogateescape"))
    except OSError as exc:
        _stdout_failed(exc, state)
    finally:
        state.writing = False
    if state.signum is not None and not signalled_before:
        raise KeyboardInterrupt  # a signal came during the write: stop now that the document is whole


def _flush_stdout(state: _Run) -> None:
    if state.stdout_broken:
        return
    try:
        (state.stdout or sys.stdout).flush()
    except OSError as exc:
        _stdout_failed(exc, state)


def _stdout_failed(exc: OSError, state: _Run) -> None:
    """A closed pipe ends the run quietly (141); another write error (disk full) is reported (1)."""
    state.stdout_broken = True
    state.stop()
    if isinstance(exc, BrokenPipeError):
        state.pipe_closed = True
    else:
        state.fail("-", f"stdout: cannot write: {exc.strerror or exc}")
    # Point stdout at /dev/null so the interpreter's last flush cannot fail (and print) again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test runner's capture): nothing to protect


def _exit_status(state: _Run) -> int:
    """130/143 when interrupted by a signal, 141 for a closed stdout, 1 for any failure, else 0."""
    if state.signum is not None:
        return 128 + state.signum
    if state.pipe_closed:
        return EXIT_PIPE
    if state.summary.failures or state.summary.exit_status == EXIT_FAILED:
        return EXIT_FAILED
    return EXIT_OK


def _finish(state: _Run) -> None:
    """The summary on stderr and in --summary-json; a note when interrupted or nothing was found."""
    summary, options = state.summary, state.options
    if state.signum is not None:
        summary.interrupted_by = signal.Signals(state.signum).name
    if state.pipe_closed:
        return  # `| head` closed the pipe on purpose: nothing to say
    if summary.interrupted_by:
        hint = "; run again with --skip-existing to finish" if options.output_dir else ""
        sys.stderr.write(f"newsclean: interrupted: {summary.files_done} of {summary.files_selected} files done{hint}\n")
    elif summary.files_selected == 0:
        found = f"; left out: {summary.left_out_text()}" if summary.left_out else " (see --glob, --exclude, --hidden)"
        sys.stderr.write(f"newsclean: no input files found{found}\n")
    if options.summary:
        show_summary(summary)
    if options.summary_json:
        _write_summary_json(summary, options.summary_json, state)


def _write_summary_json(summary: RunSummary, path: str, state: _Run) -> None:
    from ..writers import json_text

    data = (json_text(summary.to_dict(), indent=2) + "\n").encode()
    if path == STDIN:  # after the documents, when they go to stdout too
        _write_stdout(data, state)
        _flush_stdout(state)
        return
    try:
        write_file(path, data)
    except OSError as exc:
        sys.stderr.write(f"newsclean: {printable(path)}: cannot write summary: {exc.strerror or exc}\n")
        if summary.exit_status == EXIT_OK:
            summary.exit_status = EXIT_FAILED

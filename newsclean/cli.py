"""The command line: click options -> Config and BatchOptions once, call the batch runner, exit with its status.

Exit status: 0 all inputs cleaned; 1 some inputs failed (or, with --fail-on-error-page, were
error pages); 2 usage error; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM); 141 output
pipe closed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import BinaryIO, NoReturn

import click

from . import __version__
from .api import clean_raw
from .config import DEFAULT_CONFIG, HTML_ENGINES, INPUT_FORMATS, Config, load_config
from .document import Document
from .errors import ConfigError, NewscleanError, printable
from .read.raw import STDIN
from .read.sources import Selection, read_documents, read_path_list
from .writers import FORMATS

# batch.py decides a run's status; these name the codes for the commands that decide their own.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141


class DefaultCommandGroup(click.Group):
    """A group that runs `clean` when no command is named: `newsclean FILE`, `cat FILE | newsclean`."""

    default_command = "clean"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        """Ctrl-C outside a batch run (a diff report, start-up) exits 130 quietly, as a batch run does,
        not with click's "Aborted!" and status 1."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            sys.stderr.write("newsclean: interrupted\n")
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def main() -> None:
    """Clean raw scraped news dumps into the article.

    \b
    newsclean FILE                      clean one dump (same as `newsclean clean FILE`)
    cat FILE | newsclean                clean stdin
    newsclean clean A B --format jsonl  one JSON object per line, in input order
    newsclean clean crawl/ -o clean/    clean a directory tree into another
    newsclean clean crawl/ | jq .title  a directory without -o streams JSONL
    newsclean crawl.warc.gz -f jsonl    HTML pages, JSONL and WARC files, compressed or not
    newsclean diff FILE                 see what was removed and why
    newsclean clean --help              all cleaning options

    Exit status: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted
    (143 by SIGTERM), 141 stdout closed early.
    """


def build_config(
    config_file: str | None,
    rule_files: tuple[str, ...],
    max_bytes: int | None,
    input_format: str | None = None,
    field: str | None = None,
    html_engine: str | None = None,
) -> Config:
    """The run's Config: defaults, then the config file, then command-line options."""
    config = load_config(config_file) if config_file else DEFAULT_CONFIG
    changes: dict[str, object] = {}
    if rule_files:
        changes["rule_files"] = config.rule_files + tuple(rule_files)
    if max_bytes is not None:
        changes["max_bytes"] = max_bytes
    if input_format is not None:
        changes["input_format"] = input_format
    if field is not None:
        changes["field"] = field
    if html_engine is not None:
        changes["html_engine"] = html_engine
    return config.replace(**changes) if changes else config


# One option for both commands that read HTML (clean and diff).
html_engine_option = click.option(
    "--html-engine", type=click.Choice(HTML_ENGINES), default=None,
    help="How HTML pages are read: trafilatura (its extraction, then newsclean's stages), fast (newsclean's "
         "own reader and the line model, several times faster) or auto (fast, and trafilatura where the fast "
         f"reader is unsure). [default: {DEFAULT_CONFIG.html_engine}]")


def error_line(message: str) -> None:
    """One line on stderr, control characters neutralised (file names come from the outside)."""
    click.echo(f"newsclean: {printable(message)}", err=True)


def validate_rules(config: Config) -> None:
    """Load the rule files now, so a broken one is a usage error before anything runs."""
    from .rules import load_rules

    load_rules(config.rule_files)


@main.command("clean")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), metavar="OUTDIR",
              help="Write one output per input into this directory, mirroring the input tree. "
                   "Without it, outputs go to stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="text: title, blank line, paragraphs; json: one object per document; jsonl: one object "
                   "per line. [default: text; jsonl for a directory or --files-from without -o]")
@click.option("--no-title", is_flag=True, help="Print the body only (text format).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="TOML file of Config settings.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra phrase-list TOML file (repeatable), merged with the built-in rules.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=None,
              help=f"Refuse inputs larger than this many bytes (0 = no limit). [default: {DEFAULT_CONFIG.max_bytes}]")
@click.option("--fail-on-error-page", is_flag=True, help="Count error pages as failures (exit status 1).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes (0 = one per usable CPU). [default: 0]")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Clean only files in directories matching PATTERN (repeatable; replaces the default "
                   "*.txt, *.html, *.json, *.jsonl, *.warc, ... and their .gz/.bz2/.xz/.zst).")
@click.option("--exclude", "excludes", multiple=True, metavar="PATTERN",
              help="Leave out files and directories matching PATTERN (repeatable). A pattern with / "
                   "matches the path below the directory given, otherwise the name.")
@click.option("--hidden", is_flag=True, help="Also walk hidden files and directories (names starting with .).")
@click.option("--no-recursive", is_flag=True, help="Clean only the files directly in each directory.")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links found in directories (loops are walked once). By default they are skipped.")
@click.option("--skip-existing", is_flag=True,
              help="With -o: skip inputs whose output exists and is not older than the input (resume a run).")
@click.option("--files-from", type=click.File("rb"), metavar="FILE",
              help="Read input paths from FILE (- for stdin), one a line.")
@click.option("-0", "--null", is_flag=True, help="With --files-from: paths are NUL-separated (find -print0).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors are still printed.")
@click.option("--summary-json", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the run's summary as JSON to FILE.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None,
              help="What the inputs are; auto detects each by content: compression, WARC, JSONL, HTML or text. [default: auto]")
@click.option("--field", default=None, metavar="NAME",
              help="JSONL field holding the text or HTML. [default: the first of html, raw_html, text, raw_content, content, body]")
@html_engine_option
def clean_command(inputs: tuple[str, ...], output_dir: str | None, fmt: str | None, no_title: bool,
                  config_file: str | None, rule_files: tuple[str, ...], max_bytes: int | None,
                  fail_on_error_page: bool, jobs: int, globs: tuple[str, ...], excludes: tuple[str, ...],
                  hidden: bool, no_recursive: bool, follow_symlinks: bool, skip_existing: bool,
                  files_from: BinaryIO | None, null: bool, quiet: bool, summary_json: str | None,
                  input_format: str | None, field: str | None, html_engine: str | None) -> None:
    """Clean dumps (files, directories, or - for stdin) and print or write the clean articles.

    With no INPUTS (and no --files-from), reads stdin. Directories are walked recursively for
    dump files (hidden files, symbolic links and other kinds of files are left out by default).

    With -o OUTDIR, each input gets one output file in OUTDIR, at its path below the directory
    given (a file named on the command line keeps its own relative path), with the extension
    of the format (.txt, .json, .jsonl); outputs are written atomically. Without -o, outputs go
    to stdout in input order: text separates documents with a `==> FILE <==` line when there
    are several; jsonl is one object per line.

    An input may be a text dump, an HTML page, a JSONL file (one record per line) or a WARC
    archive (one document per HTML or text response), each optionally compressed (.gz, .bz2,
    .xz, .zst); the kind is detected by content. A record of a JSONL or WARC file is named
    FILE#KEY (line number, or WARC record id).

    A file that cannot be cleaned is reported (`newsclean: PATH: problem`) and the run goes on.
    Runs of several files show a progress bar when stderr is a terminal and end with a summary
    on stderr (--quiet for neither).

    \b
    Exit status: 0 all inputs cleaned; 1 some inputs failed (or were error pages
    with --fail-on-error-page); 2 usage error; 130 interrupted by Ctrl-C (143 by
    SIGTERM; outputs written so far are whole, rerun with --skip-existing);
    141 stdout closed early (e.g. | head).
    """
    try:
        config = build_config(config_file, rule_files, max_bytes, input_format, field, html_engine)
        validate_rules(config)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if null and files_from is None:
        raise click.UsageError("-0/--null needs --files-from")
    if skip_existing and output_dir is None:
        raise click.UsageError("--skip-existing needs -o/--output-dir")
    sources = list(inputs)
    if files_from is not None:
        if files_from is sys.stdin.buffer and STDIN in sources:
            raise click.UsageError("--files-from - and - both read stdin; use one")
        sources += read_path_list(files_from, null)
    elif not sources:
        sources = [STDIN]
        if sys.stdin.isatty():  # typed `newsclean` alone: say why nothing happens yet
            sys.stderr.write("newsclean: reading a dump from the terminal; end it with Ctrl-D (see newsclean --help)\n")
    walks = files_from is not None or any(os.path.isdir(path) for path in sources if path != STDIN)
    batch = walks or output_dir is not None or len(sources) > 1
    if fmt is None:
        fmt = "jsonl" if walks and output_dir is None else "text"
    from .batch.runner import (  # lazy: keeps --help fast
        BatchError,
        BatchOptions,
        run,
        usable_cpus,
    )

    options = BatchOptions(
        config=config, fmt=fmt, title=not no_title, output_dir=output_dir, jobs=jobs or usable_cpus(),
        selection=Selection(globs=globs, excludes=excludes, hidden=hidden, recursive=not no_recursive,
                            follow_symlinks=follow_symlinks),
        skip_existing=skip_existing, fail_on_error_page=fail_on_error_page,
        headers=fmt == "text" and output_dir is None and batch,
        # A bar would garble text printed to the same terminal.
        progress=batch and not quiet and (output_dir is not None or not sys.stdout.isatty()),
        summary=batch and not quiet, summary_json=summary_json,
    )
    try:
        summary = run(sources, options)
    except BatchError as exc:
        error_line(str(exc))
        sys.exit(EXIT_USAGE)
    sys.exit(summary.exit_status)


def write_stdout(text: str) -> None:
    """Write to stdout; a closed pipe (`| head`) ends the program quietly with status 141."""
    from .batch.outputs import write_all

    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a stream without bytes underneath (a test runner's capture)
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            write_all(buffer, text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict"))
        sys.stdout.flush()
    except OSError as exc:
        stdout_failed(exc)


def stdout_failed(exc: OSError) -> NoReturn:
    """End the program after stdout failed: quietly with 141 for a closed pipe, else (a full disk)
    with one line and status 1."""
    try:
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test runner's capture)
    if isinstance(exc, BrokenPipeError):
        sys.exit(EXIT_PIPE)
    error_line(f"stdout: cannot write: {exc.strerror or exc}")
    sys.exit(EXIT_FAILED)


# --- newsclean diff ------------------------------------------------------------------------
# Imports for type checking only, kept here with the command so this section merges as a unit;
# rich itself is imported only when `diff` runs.
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console, RenderableType

    from .report.diff import ViewOptions as ReportViewOptions

SORT_ORDERS = ("input", "removed", "share", "name")


def clean_for_report(sources: Iterable[str], config: Config) -> Iterator[tuple[str, Document | None, str | None]]:
    """Clean inputs one by one for the report; a failing input yields its problem for its table row."""
    for source in sources:
        try:
            for raw in read_documents(source, config.max_bytes, config.input_format, config.field):
                try:
                    yield raw.source, clean_raw(raw, config), None
                except NewscleanError as exc:
                    error_line(str(exc))
                    yield raw.source, None, getattr(exc, "problem", str(exc))
        except NewscleanError as exc:
            error_line(str(exc))
            yield source, None, getattr(exc, "problem", str(exc))


@main.command("diff")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-y", "--side-by-side", is_flag=True, help="Raw input on the left, clean output on the right.")
@click.option("--only-removed", is_flag=True, help="Show only removed lines (same as --context 0).")
@click.option("-U", "--context", type=click.IntRange(min=0), default=None, metavar="N",
              help="Show removed lines with N kept lines around them, like diff -U.")
@click.option("--details", is_flag=True, help="Several inputs: print each file's report after the table.")
@click.option("--sort", "order", type=click.Choice(SORT_ORDERS), default="input", show_default=True,
              help="Table row order: input, most removed lines, highest removed share, or name.")
@click.option("--pager/--no-pager", default=None,
              help="Page the report through $PAGER (less). [default: when stdout is a terminal]")
@click.option("--color/--no-color", default=None,
              help="Force colours on or off. [default: on for terminals, off when piped or NO_COLOR is set]")
@click.option("--html", "html_file", type=click.Path(dir_okay=False),
              help="Write the report as a standalone HTML page to this file instead of printing it.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="TOML file of Config settings.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra phrase-list TOML file (repeatable), merged with the built-in rules.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=None,
              help=f"Refuse inputs larger than this many bytes (0 = no limit). [default: {DEFAULT_CONFIG.max_bytes}]")
@html_engine_option
def diff_command(inputs: tuple[str, ...], side_by_side: bool, only_removed: bool, context: int | None,
                 details: bool, order: str, pager: bool | None, color: bool | None, html_file: str | None,
                 config_file: str | None, rule_files: tuple[str, ...], max_bytes: int | None,
                 html_engine: str | None) -> None:
    """Show what cleaning removed from each input line, and why.

    \b
    newsclean diff page.txt                every line; removed ones tagged with stage and reason
    newsclean diff page.txt -y             raw input and clean output side by side
    newsclean diff page.txt -U 2           removed lines with 2 kept lines around them
    newsclean diff dumps/ --sort removed   one row per file, most removed first, totals
    newsclean diff page.txt --html r.html  the same report as a web page

    With one file the report lists every non-blank input line (blank lines are skipped; line
    numbers are the input's). In the mark column `-` is removed, `#` is the headline (kept as
    the title), a blank is kept. With several files or a directory (walked recursively, hidden
    files skipped) it prints a table. Exit status: 0 ok, 1 some inputs failed, 2 usage error,
    130 interrupted.
    """
    from .report import diff as report  # lazy: rich is only needed for reports

    try:
        config = build_config(config_file, rule_files, max_bytes, html_engine=html_engine)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    sources = list(inputs) or [STDIN]
    console = report.make_console(color)
    options = report.ViewOptions(side_by_side=side_by_side, context=0 if only_removed and context is None else context)
    renderables, any_failed = diff_renderables(sources, config, options, details, order)  # Ctrl-C: see invoke()
    if html_file:
        from .batch.outputs import write_file

        page = report.html_page(renderables, console.width, f"newsclean diff {' '.join(sources)}")
        try:
            write_file(html_file, page.encode("utf-8"))  # atomic for a regular file: no half page
        except OSError as exc:
            error_line(f"{html_file}: cannot write: {exc.strerror or exc}")
            sys.exit(EXIT_FAILED)
    elif renderables:
        show(console, renderables, sys.stdout.isatty() if pager is None else pager)
    sys.exit(EXIT_FAILED if any_failed else EXIT_OK)


def diff_renderables(sources: list[str], config: Config, options: ReportViewOptions, details: bool,
                     order: str) -> tuple[list[RenderableType], bool]:
    """The report's parts and whether any input failed: one report per document for a single
    file, else a table (and with details each document's report after it)."""
    from .read.sources import iter_inputs
    from .report import diff as report
    from .report.summary import failed, sort_summaries, summarize

    renderables: list[RenderableType] = []
    any_failed = False
    if len(sources) == 1 and not (sources[0] != STDIN and os.path.isdir(sources[0])):
        for _source, doc, _problem in clean_for_report(sources, config):
            any_failed |= doc is None
            if doc is not None:
                renderables.append(report.document_report(doc, options))
        return renderables, any_failed
    summaries, docs = [], {}
    # Directories are walked as `clean` walks them; a path that cannot be walked fails its row.
    paths = [item.path for item in iter_inputs(sources)]
    for source, doc, problem in clean_for_report(report.tracked(paths), config):
        if doc is None:
            any_failed = True
            summaries.append(failed(source, problem or "failed"))
            continue
        summaries.append(summarize(doc))
        if details:  # kept only when asked for: a big directory's documents need not sit in memory
            docs[source] = doc
    summaries = sort_summaries(summaries, order)
    renderables.append(report.batch_table(summaries))
    renderables.extend(report.document_report(docs[s.source], options) for s in summaries if s.source in docs)
    return renderables, any_failed


def show(console: Console, renderables: list[RenderableType], paged: bool) -> None:
    """Print the report, through the pager when asked (colours kept for less -R)."""
    if paged:
        from .report.pager import SystemPager

        with console.pager(pager=SystemPager(), styles=True):  # type: ignore[arg-type]  # duck-typed Pager
            for renderable in renderables:
                console.print(renderable)
        return
    try:
        with console.capture() as capture:  # then written like clean's output: a closed pipe exits 141
            for renderable in renderables:
                console.print(renderable)
    except OSError as exc:  # rich flushes stdout when the capture ends
        stdout_failed(exc)
    write_stdout(capture.get())

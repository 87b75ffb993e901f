"""The command line: click options -> Config once, call the library, print, exit with a status.

Exit status: 0 all inputs cleaned; 1 some inputs failed (or, with --fail-on-error-page, were
error pages); 2 usage error; 130 interrupted; 141 output pipe closed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import click

from . import __version__
from .api import clean_raw
from .config import DEFAULT_CONFIG, INPUT_FORMATS, Config, load_config
from .document import Document
from .errors import ConfigError, NewscleanError
from .sources import STDIN, read_documents
from .writers import to_json, to_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141
FORMATS = ("text", "json", "jsonl")


class DefaultCommandGroup(click.Group):
    """A group that runs `clean` when no command is named: `newsclean FILE`, `cat FILE | newsclean`."""

    default_command = "clean"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def main() -> None:
    """Clean raw scraped news dumps into the article.

    \b
    newsclean FILE               clean one dump (same as `newsclean clean FILE`)
    cat FILE | newsclean         clean stdin
    newsclean clean A B --format jsonl
    newsclean crawl.warc.gz -f jsonl   HTML pages, JSONL and WARC files, compressed or not
    newsclean clean --help       all cleaning options

    Exit status: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted.
    """


def build_config(config_file: str | None, rule_files: tuple[str, ...], max_bytes: int | None) -> Config:
    """The run's Config: defaults, then the config file, then command-line options."""
    config = load_config(config_file) if config_file else DEFAULT_CONFIG
    changes: dict[str, object] = {}
    if rule_files:
        changes["rule_files"] = config.rule_files + tuple(rule_files)
    if max_bytes is not None:
        changes["max_bytes"] = max_bytes
    return config.replace(**changes) if changes else config


def render(doc: Document, fmt: str, title: bool) -> str:
    """One document in the chosen output format."""
    if fmt == "json":
        return to_json(doc) + "\n"
    if fmt == "jsonl":
        return to_json(doc, indent=None) + "\n"
    return to_text(doc, title=title)


def error_line(message: str) -> None:
    """One line on stderr, control characters neutralised (file names come from the outside)."""
    safe = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)
    click.echo(f"newsclean: {safe}", err=True)


def clean_each(sources: list[str], config: Config) -> Iterator[tuple[str, Document | None]]:
    """Clean inputs one by one; a failing input yields None after its error line, the rest go on."""
    for source in sources:
        try:
            for raw in read_documents(source, config.max_bytes, config.input_format, config.field):
                try:
                    yield raw.source, clean_raw(raw, config)
                except NewscleanError as exc:
                    error_line(str(exc))
                    yield raw.source, None
        except NewscleanError as exc:
            error_line(str(exc))
            yield source, None


@main.command("clean")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: title, blank line, paragraphs; json: one object per document; jsonl: one object per line.")
@click.option("--no-title", is_flag=True, help="Print the body only (text format).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="TOML file of Config settings.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False),
              help="Extra phrase-list TOML file (repeatable), merged with the built-in rules.")
@click.option("--max-bytes", type=click.IntRange(min=0), default=None,
              help="Refuse documents larger than this many bytes, after decompression; for JSONL and WARC, "
                   f"each record (0 = no limit). [default: {DEFAULT_CONFIG.max_bytes}]")
@click.option("--fail-on-error-page", is_flag=True, help="Count error pages as failures (exit status 1).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None,
              help="What the inputs are; auto detects each by content: compression, WARC, JSONL, HTML or text. [default: auto]")
@click.option("--field", default=None, metavar="NAME",
              help="JSONL field holding the text or HTML. [default: the first of html, raw_html, text, raw_content, content, body]")
def clean_command(inputs: tuple[str, ...], fmt: str, no_title: bool, config_file: str | None,
                  rule_files: tuple[str, ...], max_bytes: int | None, fail_on_error_page: bool,
                  input_format: str | None, field: str | None) -> None:
    """Clean dumps (files, or - for stdin) and print the clean articles.

    With no INPUTS, reads stdin. Text output separates documents with a `==> FILE <==` line
    when there are several (`==> FILE#KEY <==` for records); jsonl keeps input order, one
    object per line.

    \b
    An input may be a text dump, an HTML page, a JSONL file (one record per line)
    or a WARC archive (one document per HTML or text response), each optionally
    compressed (.gz, .bz2, .xz, .zst); the kind is detected by content. A record
    of a JSONL or WARC file is named FILE#KEY (line number, or WARC record id).
    """
    try:
        config = build_config(config_file, rule_files, max_bytes)
        reading = {"input_format": input_format, "field": field}
        config = config.replace(**{k: v for k, v in reading.items() if v is not None})
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    sources = list(inputs) or [STDIN]
    failed = False
    many = len(sources) > 1
    for source, doc in clean_each(sources, config):
        if doc is None:
            failed = True
            continue
        if fail_on_error_page and doc.verdict.value == "error_page":
            error_line(f"{source}: error page")
            failed = True
        out = render(doc, fmt, title=not no_title)
        # A record of a JSONL or WARC file is one of many documents even when it is the only input.
        if fmt == "text" and (many or source not in sources):
            out = f"==> {source} <==\n{out}\n"
        write_stdout(out)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def write_stdout(text: str) -> None:
    """Write to stdout; a closed pipe (`| head`) ends the program quietly with status 141."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_PIPE)


# --- newsclean diff ------------------------------------------------------------------------
# Imports for type checking only, kept here with the command so this section merges as a unit;
# rich itself is imported only when `diff` runs.
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console, RenderableType

    from .report import ViewOptions as ReportViewOptions

SORT_ORDERS = ("input", "removed", "share", "name")


def clean_for_report(sources: Iterable[str], config: Config) -> Iterator[tuple[str, Document | None, str | None]]:
    """Like clean_each, but a failing input also yields its problem, for the report's table row."""
    for source in sources:
        try:
            for raw in read_documents(source, config.max_bytes):
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
def diff_command(inputs: tuple[str, ...], side_by_side: bool, only_removed: bool, context: int | None,
                 details: bool, order: str, pager: bool | None, color: bool | None, html_file: str | None,
                 config_file: str | None, rule_files: tuple[str, ...], max_bytes: int | None) -> None:
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
    files skipped) it prints a table. Exit status: 0 ok, 1 some inputs failed, 2 usage error.
    """
    from . import report  # lazy: rich is only needed for reports

    try:
        config = build_config(config_file, rule_files, max_bytes)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    sources = list(inputs) or [STDIN]
    console = report.make_console(color)
    options = report.ViewOptions(side_by_side=side_by_side, context=0 if only_removed and context is None else context)
    renderables, any_failed = diff_renderables(sources, config, options, details, order)
    if html_file:
        page = report.html_page(renderables, console.width, f"newsclean diff {' '.join(sources)}")
        try:
            with open(html_file, "w", encoding="utf-8") as handle:
                handle.write(page)
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
    from . import report
    from .summary import failed, sort_summaries, summarize
    from .walk import expand_inputs, has_directory

    renderables: list[RenderableType] = []
    any_failed = False
    if len(sources) == 1 and not has_directory(sources):
        for _source, doc, _problem in clean_for_report(sources, config):
            any_failed |= doc is None
            if doc is not None:
                renderables.append(report.document_report(doc, options))
        return renderables, any_failed
    summaries, docs = [], {}
    for source, doc, problem in clean_for_report(report.tracked(list(expand_inputs(sources))), config):
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
        from .pager import SystemPager

        with console.pager(pager=SystemPager(), styles=True):  # type: ignore[arg-type]  # duck-typed Pager
            for renderable in renderables:
                console.print(renderable)
        return
    with console.capture() as capture:  # then written like clean's output: a closed pipe exits 141
        for renderable in renderables:
            console.print(renderable)
    write_stdout(capture.get())

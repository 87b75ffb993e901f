"""The command line: click options -> Config and BatchOptions once, call the batch runner, exit with its status.

Exit status: 0 all inputs cleaned; 1 some inputs failed (or, with --fail-on-error-page, were
error pages); 2 usage error; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM); 141 output
pipe closed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Generic, NoReturn, TypeVar

import click

from . import __version__
from .config import (
    DEFAULT_CONFIG,
    HTML_ENGINES,
    INPUT_FORMATS,
    Config,
    load_config,
    parse_size,
)
from .document import Document
from .errors import ConfigError, printable
from .read.raw import STDIN
from .read.sources import Selection, read_path_list
from .report.summary import SORT_KEYS
from .sites import TemplateLearner, TemplateTable
from .writers import FORMATS

T = TypeVar("T")
# batch.py decides a run's status; these name the codes for the commands that decide their own.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141


class ByteSize(click.ParamType):
    """A size in bytes: a number, or with a suffix K, M, G (KiB, MiB, GiB) or KB, MB, GB."""

    name = "size"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


MAX_BYTES_HELP = ("Refuse documents larger than this after decompression (per record in JSONL and WARC); "
                  f"bytes, or with K, M, G (KiB, MiB, GiB) or KB, MB, GB; 0 = no limit. [default: {DEFAULT_CONFIG.max_bytes // 2**20}M]")


class DefaultCommandGroup(click.Group):
    """A group that runs `clean` when no command is named: `newsclean FILE`, `cat FILE | newsclean`."""

    default_command = "clean"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] == "help":  # `newsclean help`, `newsclean help diff`: as --help
            args = [*args[1:2], "--help"]
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
    newsclean crawl IN/ OUT/            a crawl on datatrove: local, Slurm or Ray
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


def config_or_exit(config_file: str | None, rule_files: tuple[str, ...], max_bytes: int | None,
                   input_format: str | None = None, field: str | None = None,
                   html_engine: str | None = None) -> Config:
    """The run's Config with its rule files loaded, checked before anything runs: an invalid
    setting or rules file is one line on stderr and exit status 2."""
    try:
        config = build_config(config_file, rule_files, max_bytes, input_format, field, html_engine)
        validate_rules(config)
    except ConfigError as exc:
        error_line(str(exc))
        sys.exit(EXIT_USAGE)
    return config


def site_template_options(command: Callable[..., None]) -> Callable[..., None]:
    """The site-template options, shared by clean, diff (so diff shows what clean removes) and crawl."""
    for option in reversed((
        click.option("--no-site-templates", is_flag=True,
                     help="Do not learn the inputs' site templates (lines repeated across pages of one site) "
                          "before cleaning."),
        click.option("--learn-templates", "save_templates", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Save the site templates learnt from the inputs to FILE (JSON), to clean later pages "
                          "with --templates."),
        click.option("--templates", "templates_file", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Clean with the site templates saved in FILE (by --learn-templates) instead of "
                          "learning them."),
        click.option("--site-from-dir", is_flag=True,
                     help="A document without a URL belongs to the site its input's directory names "
                          "(crawl/example.com/a.txt)."),
        click.option("--site-map", "site_map_file", type=click.Path(dir_okay=False), metavar="FILE",
                     help="A document without a URL belongs to the site named beside the first pattern its "
                          "path matches: lines `GLOB SITE` (crawl/nyt/* nytimes.com)."),
    )):
        command = option(command)
    return command


def site_config(config: Config, site_from_dir: bool, site_map_file: str | None) -> Config:
    """The config with how documents without a URL get their site; ConfigError for a bad site map."""
    from .sites.key import read_site_map

    site_map = read_site_map(site_map_file) if site_map_file else config.site_map
    TemplateLearner(config.template_max_pages)  # a bad setting is a usage error before the run
    return config.replace(site_from_dir=site_from_dir or config.site_from_dir, site_map=site_map)


def load_templates(templates_file: str | None, save_templates: str | None, no_site_templates: bool) -> TemplateTable | None:
    """The table --templates names (None without it); ConfigError for a bad file or clashing flags."""
    if templates_file is None:
        if save_templates and no_site_templates:
            raise ConfigError("--learn-templates and --no-site-templates contradict each other")
        return None
    if save_templates or no_site_templates:
        raise ConfigError("--templates uses a saved table: it goes with neither --learn-templates nor --no-site-templates")
    return TemplateTable.load(templates_file)


def templates_or_exit(config: Config, site_from_dir: bool, site_map_file: str | None, templates_file: str | None,
                      save_templates: str | None, no_site_templates: bool) -> tuple[Config, TemplateTable | None]:
    """The config with how documents without a URL get their site, and the saved table --templates
    names (None: learn or not, as the flags say); a bad site map, table or flag mix is exit 2."""
    try:
        return (site_config(config, site_from_dir, site_map_file),
                load_templates(templates_file, save_templates, no_site_templates))
    except ConfigError as exc:
        error_line(str(exc))
        sys.exit(EXIT_USAGE)


def error_line(message: str) -> None:
    """One line on stderr, control characters neutralised (file names come from the outside)."""
    click.echo(f"newsclean: {printable(message)}", err=True)


def validate_rules(config: Config) -> None:
    """Load the rule files now, so a broken one is a usage error before anything runs."""
    from .rules import load_rules

    load_rules(config.rule_files)


def input_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options `clean` and `diff` share: the walk's choice of files and workers, then the settings."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
                     help="Worker processes (0 = one per usable CPU). [default: 0]"),
        click.option("--glob", "globs", multiple=True, metavar="PATTERN",
                     help="In directories, take only files matching PATTERN (repeatable; replaces the default "
                          "*.txt, *.html, *.json, *.jsonl, *.warc, ... and their .gz/.bz2/.xz/.zst; '*' takes all)."),
        click.option("--exclude", "excludes", multiple=True, metavar="PATTERN",
                     help="Leave out files and directories matching PATTERN (repeatable). A pattern with / "
                          "matches the path below the directory given, otherwise the name."),
        click.option("--hidden", is_flag=True, help="Also walk hidden files and directories (names starting with .)."),
    ]
    for option in reversed(options):
        command = option(command)
    return settings_options(command)


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that cleans shares (clean, diff, crawl): settings, limits, how inputs are read."""
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False), help="TOML file of Config settings."),
        click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra phrase-list TOML file (repeatable), merged with the built-in rules."),
        click.option("--max-bytes", type=ByteSize(), default=None, metavar="SIZE", help=MAX_BYTES_HELP),
        click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None,
                     help="What the inputs are; auto detects each by content: compression, WARC, JSONL, "
                          "a JSON document, HTML or text. [default: auto]"),
        click.option("--field", default=None, metavar="NAME",
                     help="JSON/JSONL field holding the text or HTML. [default: the first of html, raw_html, "
                          "text, raw_content, content, body]"),
        click.option("--html-engine", type=click.Choice(HTML_ENGINES), default=None,
                     help="How HTML pages are read: trafilatura (its extraction, then newsclean's stages), fast "
                          "(newsclean's own reader and the line model, about 3x faster, less accurate) or auto "
                          f"(fast, and trafilatura where the fast reader is unsure). [default: {DEFAULT_CONFIG.html_engine}]"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def selection_of(reading: dict[str, Any], recursive: bool = True, follow_symlinks: bool = False) -> Selection:
    """The walk's choice of files from the shared options."""
    return Selection(globs=reading["globs"], excludes=reading["excludes"], hidden=reading["hidden"],
                     recursive=recursive, follow_symlinks=follow_symlinks)


def _usable_cpus() -> int:
    from .batch.runner import usable_cpus  # lazy: keeps --help fast

    return usable_cpus()


@main.command("clean")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), metavar="OUTDIR",
              help="Write one output per input into this directory, mirroring the input tree. "
                   "Without it, outputs go to stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="text: title, blank line, paragraphs; json: one object per document; jsonl: one object "
                   "per line. [default: text; jsonl for a directory or --files-from without -o]")
@click.option("--no-title", is_flag=True, help="Print the body only (text format).")
@click.option("--fail-on-error-page", is_flag=True, help="Count error pages as failures (exit status 1).")
@click.option("--no-recursive", is_flag=True, help="Clean only the files directly in each directory.")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links found in directories (loops are walked once). By default they are skipped.")
@click.option("--skip-existing", is_flag=True,
              help="With -o: skip inputs whose output exists and is not older than the input (resume a run).")
@click.option("--split-records", is_flag=True,
              help="With -o -f jsonl: one output per record of a JSONL or WARC file (OUTDIR/STEM/KEY.jsonl) "
                   "instead of one JSONL output per file.")
@click.option("--files-from", type=click.File("rb"), metavar="FILE",
              help="Read input paths from FILE (- for stdin), one a line.")
@click.option("-0", "--null", is_flag=True, help="With --files-from: paths are NUL-separated (find -print0).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors are still printed.")
@click.option("--stats", is_flag=True,
              help="Print the run's summary on stderr even when stderr is not a terminal (a log file, a pipe).")
@click.option("--summary-json", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Write the run's summary as JSON to FILE (- for stdout, after the documents).")
@input_options
@site_template_options
def clean_command(inputs: tuple[str, ...], output_dir: str | None, fmt: str | None, no_title: bool,
                  fail_on_error_page: bool, no_recursive: bool, follow_symlinks: bool, skip_existing: bool,
                  split_records: bool, files_from: BinaryIO | None, null: bool, quiet: bool, stats: bool,
                  summary_json: str | None, no_site_templates: bool, save_templates: str | None,
                  templates_file: str | None, site_from_dir: bool, site_map_file: str | None,
                  **reading: Any) -> None:
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

    With -o and -f jsonl, a JSONL or WARC file gives one JSONL output of its records
    (--split-records: one output per record, as text and json always do).

    A file that cannot be cleaned is reported (`newsclean: PATH: problem`) and the run goes on.
    When stderr is a terminal, runs of several files show a progress bar and end with a
    summary; elsewhere (a pipe, a log) only errors are printed, unless --stats asks for the
    summary. --quiet: no bar and no summary.

    \b
    Exit status: 0 all inputs cleaned; 1 some inputs failed (or were error pages
    with --fail-on-error-page); 2 usage error; 130 interrupted by Ctrl-C (143 by
    SIGTERM; outputs written so far are whole, rerun with --skip-existing);
    141 stdout closed early (e.g. | head).

    Site templates: when at least two documents share a site (the registered domain of their
    URL; documents without one only with --site-map or --site-from-dir), a first pass counts
    every line over the site's pages, and lines repeated on many of them (menus, subscribe and
    app prompts, footers) are removed as the `template` stage (--no-site-templates: no pass).
    """
    config = config_or_exit(reading["config_file"], reading["rule_files"], reading["max_bytes"],
                            reading["input_format"], reading["field"], reading["html_engine"])
    config, templates = templates_or_exit(config, site_from_dir, site_map_file, templates_file,
                                          save_templates, no_site_templates)
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
    from .batch.runner import BatchError, BatchOptions, run  # lazy: keeps --help fast

    jobs = reading["jobs"]
    options = BatchOptions(
        config=config, fmt=fmt, title=not no_title, output_dir=output_dir, jobs=jobs or _usable_cpus(),
        selection=selection_of(reading, recursive=not no_recursive, follow_symlinks=follow_symlinks),
        skip_existing=skip_existing, fail_on_error_page=fail_on_error_page,
        headers=fmt == "text" and output_dir is None and batch, split_records=split_records,
        # A bar would garble documents printed to the same terminal.
        progress=batch and not quiet and (output_dir is not None or not same_terminal()),
        # A filter is quiet: the summary goes to a terminal, or wherever --stats sends stderr.
        summary=stats or (batch and not quiet and sys.stderr.isatty()), summary_json=summary_json,
        site_templates=not no_site_templates, templates=templates, save_templates=save_templates,
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

    from rich.console import Console, RenderableType

    from .report.diff import ViewOptions as ReportViewOptions
    from .report.summary import Summary

    ReportEntry = tuple[Summary, Document | None]  # a document's counts, and the document when kept

SORT_ORDERS = tuple(SORT_KEYS)  # the orders report.summary knows


def diff_and_document(doc: Document) -> tuple[Summary, Document]:
    """A document's table row and the document itself (for --details); runs in the workers."""
    from .report.summary import summarize

    return summarize(doc), doc


def diff_summary(doc: Document) -> tuple[Summary, None]:
    """A document's table row only: a big directory's documents need not travel or stay in memory."""
    from .report.summary import summarize

    return summarize(doc), None


def keep_document(doc: Document) -> Document:
    """The document as it is (one input's report)."""
    return doc


@main.command("diff")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-y", "--side-by-side", is_flag=True,
              help="Raw input on the left, clean output on the right (each file's report: with several files, --details).")
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
@input_options
@site_template_options
def diff_command(inputs: tuple[str, ...], side_by_side: bool, only_removed: bool, context: int | None,
                 details: bool, order: str, pager: bool | None, color: bool | None, html_file: str | None,
                 no_site_templates: bool, save_templates: str | None, templates_file: str | None,
                 site_from_dir: bool, site_map_file: str | None, **reading: Any) -> None:
    """Show what cleaning removed from each input line, and why.

    \b
    newsclean diff page.txt                every line; removed ones tagged with stage and reason
    newsclean diff page.txt -y             raw input and clean output side by side
    newsclean diff page.txt -U 2           removed lines with 2 kept lines around them
    newsclean diff dumps/ --sort removed   one row per document, most removed first, totals
    newsclean diff page.txt --html r.html  the same report as a web page

    With one file the report lists every non-blank input line (blank lines are skipped; line
    numbers are the input's). In the mark column `-` is removed, `#` is the headline (kept as
    the title), a blank is kept; a JSONL or WARC file gives one such report per record. With
    several files or a directory (walked as `clean` walks it) it prints a table, one row per
    document; -y, -U and --only-removed shape each document's report, which --details adds
    after the table.
    Exit status: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted.
    """
    from .report import diff as report  # lazy: rich is only needed for reports

    config = config_or_exit(reading["config_file"], reading["rule_files"], reading["max_bytes"],
                            reading["input_format"], reading["field"], reading["html_engine"])
    config, templates = templates_or_exit(config, site_from_dir, site_map_file, templates_file,
                                          save_templates, no_site_templates)
    sources = list(inputs) or [STDIN]
    table = len(sources) > 1 or (sources[0] != STDIN and os.path.isdir(sources[0]))
    if table and not details and not html_file and (side_by_side or only_removed or context is not None):
        raise click.UsageError("-y, -U and --only-removed shape each file's report; with several files add "
                               "--details (the table alone has no lines to show)")
    console = report.make_console(color)
    options = report.ViewOptions(side_by_side=side_by_side, context=0 if only_removed and context is None else context)
    entries, any_failed = diff_entries(  # Ctrl-C: see invoke()
        sources, config, order, table, keep=details or bool(html_file),
        reading=DiffReading(selection_of(reading), reading["jobs"] or _usable_cpus(), bool(html_file),
                            TemplateChoice(templates, templates is None and not no_site_templates, save_templates)))
    if html_file:
        from .batch.outputs import write_file
        from .report.html import html_report

        page = html_report(entries, options, f"newsclean diff {' '.join(sources)}")
        try:
            write_file(html_file, page.encode("utf-8"))  # atomic for a regular file: no half page
        except OSError as exc:
            error_line(f"{html_file}: cannot write: {exc.strerror or exc}")
            sys.exit(EXIT_FAILED)
    else:
        renderables = diff_renderables(entries, options, table, details)
        if renderables:
            show(console, renderables, sys.stdout.isatty() if pager is None else pager)
    sys.exit(EXIT_FAILED if any_failed else EXIT_OK)


@dataclass(frozen=True)
class TemplateChoice:
    """The site templates a report cleans with: a saved table, or learnt from its inputs (and saved)."""

    table: TemplateTable | None = None
    learn: bool = False
    save: str | None = None

    def resolve(self, paths: list[str], config: Config) -> TemplateTable | None:
        """The table for these inputs, as `clean` would use it."""
        if not self.learn:
            return self.table
        from .batch.learning import learn_paths

        table = learn_paths(paths, config)
        if self.save:
            try:
                (table or TemplateTable()).save(self.save)
            except OSError as exc:
                error_line(f"{self.save}: cannot write templates: {exc.strerror or exc}")
        return table



@dataclass(frozen=True)
class DiffReading:
    """How `diff` chooses and cleans its inputs: the walk's selection, worker processes, progress."""

    selection: Selection
    jobs: int
    to_file: bool  # the report goes to a file (--html): a progress bar cannot get in its way
    templates: TemplateChoice = TemplateChoice()  # the site templates to clean with, as `clean` would


def diff_entries(sources: list[str], config: Config, order: str, table: bool, keep: bool,
                 reading: DiffReading) -> tuple[list[ReportEntry], bool]:
    """Each document's summary with the document itself (always for one input; for a table only
    when keep is set: a big directory's documents need not travel or stay in memory), a failed
    input's summary with its problem, in the table's order (--sort); and whether any input failed.
    Directories are walked as `clean` walks them, with its --glob / --exclude and --jobs."""
    from .batch.each import clean_each
    from .read.sources import InputProblem, iter_inputs
    from .report import diff as report
    from .report.summary import failed, summarize

    entries: list[ReportEntry] = []
    any_failed = False
    if not table:  # one input: a report per document (several for a JSONL or WARC file)
        templates = reading.templates.resolve(sources, config)
        for source, doc, problem in next(clean_each(sources, config, keep_document, templates=templates)):
            if doc is None:
                any_failed = True
                error_line(problem or f"{source}: failed")
            else:
                entries.append((summarize(doc), doc))
        return entries, any_failed
    paths: list[str] = []
    left_out: dict[str, list[str]] = {}
    for item in iter_inputs(sources, reading.selection):
        if isinstance(item, InputProblem) and item.skipped:
            left_out.setdefault(item.problem, []).append(item.path)
        else:
            paths.append(item.path)  # a path that cannot be read fails its row
    say_left_out(left_out, found=bool(paths))
    if not paths:
        return [], False  # no table of nothing: the line above said why
    convert = diff_and_document if keep else diff_summary
    templates = reading.templates.resolve(paths, config)
    per_input = Counted(len(paths), clean_each(paths, config, convert, reading.jobs, templates))
    # The bar is drawn on stderr: never over a report that goes to the same terminal.
    for results in report.tracked(per_input) if reading.to_file or not same_terminal() else per_input:
        for source, result, problem in results:
            if result is None:
                any_failed = True
                error_line(problem or f"{source}: failed")
                entries.append((failed(source, (problem or "failed").removeprefix(f"{source}: ")), None))
            else:
                entries.append(result)
    key = SORT_KEYS[order]
    return (entries if key is None else sorted(entries, key=lambda entry: key(entry[0]))), any_failed


def diff_renderables(entries: list[ReportEntry], options: ReportViewOptions, table: bool,
                     details: bool) -> list[RenderableType]:
    """The terminal report's parts: one report per document for a single input, else a table (and
    with details each document's report after it)."""
    from .report import diff as report

    if not table:
        return [report.document_report(doc, options) for _, doc in entries if doc is not None]
    if not entries:
        return []
    renderables: list[RenderableType] = [report.batch_table([summary for summary, _ in entries])]
    if details:
        renderables.extend(report.document_report(doc, options) for _, doc in entries if doc is not None)
    return renderables


class Counted(Generic[T]):
    """An iterator that knows its length in advance (for a progress bar's total)."""

    def __init__(self, length: int, items: Iterator[T]) -> None:
        self.length, self.items = length, items

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[T]:
        return self.items


def say_left_out(left_out: dict[str, list[str]], found: bool) -> None:
    """One line on stderr naming what a walk left out and how to include it (or that nothing was found)."""
    if not left_out:
        if not found:
            error_line("no input files found")
        return
    parts = "; ".join(f"{len(paths):,} {reason}, e.g. {paths[0]}" for reason, paths in sorted(left_out.items()))
    error_line(("left out " if found else "no input files found; left out: ") + parts)


def same_terminal() -> bool:
    """True when stdout and stderr are the same terminal: a bar on stderr would mix with the output."""
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return sys.stdout.isatty() and sys.stderr.isatty() and out.st_rdev == err.st_rdev


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


@main.command("crawl")
@click.argument("input_path", metavar="INPUT")
@click.argument("output_folder", metavar="OUTPUT")
@click.option("--executor", type=click.Choice(["local", "slurm", "ray"]), default="local", show_default=True,
              help="Where the tasks run: this machine, a Slurm cluster (sbatch), or a Ray cluster.")
@click.option("--tasks", type=click.IntRange(min=0), default=0,
              help="Tasks to split the input files into (each task reads whole files) [default: one per file].")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Tasks run at a time [default: usable CPUs locally, all at once on a cluster].")
@click.option("--logging-dir", metavar="DIR", default=None,
              help="datatrove's logs, stats and completion marks [default: OUTPUT/logs]. A rerun skips the tasks marked complete.")
@click.option("-f", "--format", "output_format", type=click.Choice(["jsonl", "parquet"]), default="jsonl",
              show_default=True, help="jsonl: the records of `newsclean clean -f jsonl`; parquet: a fixed schema.")
@click.option("--removed", "keep_removed", is_flag=True, help="Keep every removed line with its stage and reason.")
@click.option("--glob", "glob_pattern", metavar="PATTERN", default=None,
              help="Read only the files below INPUT matching PATTERN ('*.warc.gz'; '**/*.warc.gz' in subfolders too).")
@click.option("--partition", default=None, help="Slurm partition (--executor slurm).")
@click.option("--time", "time_limit", default="24:00:00", show_default=True, help="Slurm time limit per task.")
@click.option("--cpus-per-task", type=click.IntRange(min=1), default=1, show_default=True, help="Slurm and Ray.")
@click.option("--mem-per-cpu-gb", type=click.IntRange(min=1), default=2, show_default=True, help="Slurm and Ray.")
@settings_options
@site_template_options
def crawl_command(input_path: str, output_folder: str, executor: str, tasks: int, workers: int | None,
                  logging_dir: str | None, output_format: str, keep_removed: bool, glob_pattern: str | None,
                  partition: str | None, time_limit: str, cpus_per_task: int, mem_per_cpu_gb: int,
                  no_site_templates: bool, save_templates: str | None, templates_file: str | None,
                  site_from_dir: bool, site_map_file: str | None, **settings: Any) -> None:
    """Clean a crawl too big for one `newsclean clean` run with datatrove: on this machine, Slurm or Ray.

    INPUT and OUTPUT are folders, local or remote (s3://, hf://, anything fsspec opens); INPUT may
    also be one local file. Articles go to OUTPUT/articles, the other pages (error pages, empty
    pages) to OUTPUT/rejected with their `filter_reason`, one file per task. Run the same command
    again after a failure: the tasks that finished are skipped, the others are redone from the
    start of their files (no duplicates). Needs the datatrove extra: pip install 'newsclean[datatrove]'.

    Each task reads whole files: one big WARC file is one task's work, however many tasks.

    Site templates, as `newsclean clean` learns them: two passes before cleaning count every line
    over the pages of each site (signatures in OUTPUT/site-templates/signatures, one table per
    bucket of sites in OUTPUT/site-templates/tables), and the cleaning removes the lines repeated
    on many of a site's pages as the `template` stage (--no-site-templates: no passes). The site
    options are clean's: --learn-templates FILE saves the learnt table (local or remote) before
    the cleaning starts, --templates FILE cleans with a saved one (no passes), --site-from-dir
    and --site-map give documents without a URL a site (a relative --site-map pattern is taken
    from the current directory, as clean matches the paths it is given).
    """
    config = config_or_exit(**settings)
    config, templates = templates_or_exit(config, site_from_dir, site_map_file, templates_file, save_templates,
                                          no_site_templates)
    if save_templates and "://" not in save_templates:
        save_templates = os.path.abspath(save_templates)  # the tasks may run in another directory (Slurm)
    try:
        from .integrations import (
            datatrove as steps,  # lazy: datatrove is an optional extra
        )
    except ImportError as exc:
        raise click.UsageError(f"newsclean crawl needs the datatrove extra ({exc}): pip install 'newsclean[datatrove]'") from None
    files = steps.input_files(input_path, glob_pattern)
    if not files:
        raise click.UsageError(f"no input files in {input_path}" + (f" matching {glob_pattern}" if glob_pattern else ""))
    tasks = tasks or len(files)
    for warning in steps.parallelism_warnings(steps.local_sizes(input_path, files), len(files), tasks):
        error_line(f"warning: {warning}")
    if workers is None:
        workers = min(tasks, _usable_cpus()) if executor == "local" else -1
    options = steps.CrawlOptions(
        input_path, output_folder, executor, tasks, workers, logging_dir, output_format, keep_removed, glob_pattern,
        partition, time_limit, cpus_per_task, mem_per_cpu_gb, site_templates=not no_site_templates,
        templates=templates, save_templates=save_templates,
    )  # fmt: skip
    config = steps.anchored_site_map(config, input_path)
    if missing := steps.missing_requirement(executor):
        raise click.UsageError(missing)
    try:
        run = steps.build_executor(options, config)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        run.run()
    except Exception as exc:  # a task failed: datatrove logged it; the finished tasks stay finished
        error_line(f"a task failed ({type(exc).__name__}: {exc}); run the same command again to resume")
        sys.exit(EXIT_FAILED)
    if executor == "slurm":
        click.echo(f"newsclean: submitted to Slurm; logs and stats in {options.log_folder()}; rerun to resume failed tasks")
        return
    click.echo(steps.merged_stats(options.log_folder()).get_repr(f"All {tasks} tasks (this run and earlier ones)"))

"""The command line: click options -> Config and BatchOptions once, call the batch runner, exit with its status.

Exit status: 0 all inputs cleaned; 1 some inputs failed (or, with --fail-on-error-page, were
error pages); 2 usage error; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM); 141 output
pipe closed.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

import click

from . import __version__
from .config import DEFAULT_CONFIG, Config, load_config
from .errors import ConfigError
from .sources import STDIN, Selection, read_path_list
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


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def main() -> None:
    """Clean raw scraped news dumps into the article.

    \b
    newsclean FILE               clean one dump (same as `newsclean clean FILE`)
    cat FILE | newsclean         clean stdin
    newsclean clean A B --format jsonl
    newsclean clean crawl/ -o clean/       clean a directory tree into another
    newsclean clean crawl/ | jq .title     a directory without -o streams JSONL
    newsclean clean --help       all cleaning options

    Exit status: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted
    (143 by SIGTERM), 141 stdout closed early.
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



def error_line(message: str) -> None:
    """One line on stderr, control characters neutralised (file names come from the outside)."""
    from .batch import printable

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
def clean_command(inputs: tuple[str, ...], output_dir: str | None, fmt: str | None, no_title: bool,
                  config_file: str | None, rule_files: tuple[str, ...], max_bytes: int | None,
                  fail_on_error_page: bool, jobs: int, globs: tuple[str, ...], excludes: tuple[str, ...],
                  hidden: bool, no_recursive: bool, follow_symlinks: bool, skip_existing: bool,
                  files_from: BinaryIO | None, null: bool, quiet: bool, summary_json: str | None) -> None:
    """Clean dumps (files, directories, or - for stdin) and print or write the clean articles.

    With no INPUTS (and no --files-from), reads stdin. Directories are walked recursively for
    dump files (hidden files, symbolic links and other kinds of files are left out by default).

    With -o OUTDIR, each input gets one output file in OUTDIR, at its path below the directory
    given (a file named on the command line keeps its own relative path), with the extension
    of the format (.txt, .json, .jsonl); outputs are written atomically. Without -o, outputs go
    to stdout in input order: text separates documents with a `==> FILE <==` line when there
    are several; jsonl is one object per line.

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
        config = build_config(config_file, rule_files, max_bytes)
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
    walks = files_from is not None or any(os.path.isdir(path) for path in sources if path != STDIN)
    batch = walks or output_dir is not None or len(sources) > 1
    if fmt is None:
        fmt = "jsonl" if walks and output_dir is None else "text"
    from .batch import BatchError, BatchOptions, run, usable_cpus  # lazy: keeps --help fast

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

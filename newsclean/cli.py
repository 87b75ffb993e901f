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

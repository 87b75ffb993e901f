"""The library entry points the CLI and other programs share: text, bytes or a file in, marked Document out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from .config import DEFAULT_CONFIG, Config
from .document import Document
from .errors import InputError, TooLargeError
from .parse.deadline import DeadlineExceeded, deadline
from .parse.dump import parse_text_dump
from .parse.text import normalize_line
from .pipeline import fast_reading_is_sure, read_by_fast_reader, run_stages
from .read.charsets import declared_charset, media_type
from .read.raw import STDIN, RawDocument, decode, looks_like_html
from .read.sources import read_documents

META_FIELDS = ("url", "date", "title", "author", "language")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse(
    text: str, source: str = STDIN, encoding: str = "utf-8", config: Config = DEFAULT_CONFIG, kind: str | None = None
) -> Document:
    """A Document of unmarked blocks from a text dump or an HTML page.

    Which one: `kind` (a media type such as "text/html") when the container knew it, else
    config.input_format when it is "text" or "html", else sniffed from the text's start.
    Mojibake ("cafÃ©") is repaired: in a dump's text, or in the paragraphs kept from a page.
    """
    if kind not in HTML_TYPES and kind != "text/plain":
        kind = {"html": "text/html", "text": "text/plain"}.get(config.input_format)
    if kind in HTML_TYPES or (kind is None and looks_like_html(text)):
        return parse_page(text, source, encoding, config, fast=config.html_engine != "trafilatura")
    return parse_text_dump(text, source, encoding)


def parse_page(text: str, source: str, encoding: str, config: Config, fast: bool) -> Document:
    """An HTML page read by the fast reader or by trafilatura (imported lazily: dumps never pay for either)."""
    if fast:
        from .parse.fast_html import parse_html_fast

        return parse_html_fast(text, source, encoding, config)
    from .parse.html import parse_html

    return parse_html(text, source, encoding, config)


def add_metadata(doc: Document, known: Mapping[str, str | int]) -> None:
    """Fill the document's metadata gaps with what the input's container knew (url, date, status, id).

    The values are cleaned like the text's lines (control characters removed, line breaks and
    whitespace runs made one space): a JSONL field or a WARC header is page text too, and the
    title is printed.
    """
    for key, value in known.items():
        if key == "status":
            if doc.meta.status is None:
                doc.meta.status = int(value)
            continue
        text = normalize_line(" ".join(str(value).splitlines()))
        if not text:
            continue
        if key in META_FIELDS:
            if getattr(doc.meta, key) is None:
                setattr(doc.meta, key, text)
        else:
            doc.meta.extra.setdefault(key, text)


class CleaningTimeout(InputError):
    """The cleaning stages took longer than Config.clean_timeout (and clean_timeout_per_mb) on this document."""


def time_limit(doc: Document, config: Config) -> float:
    """Seconds the stages may spend on doc: clean_timeout plus clean_timeout_per_mb per million characters."""
    if config.clean_timeout <= 0:
        return 0.0
    chars = sum(len(block.text) for block in doc.blocks)
    return config.clean_timeout + config.clean_timeout_per_mb * chars / 1e6


def run_stages_in_time(doc: Document, config: Config) -> Document:
    """run_stages within the document's time limit (in a main thread; elsewhere unbounded, as html_timeout).

    No stage is meant to come near it; it turns a pathological case (a regular expression that
    backtracks on one odd line) into one failed document instead of a stalled run.
    """
    limit = time_limit(doc, config)
    if limit <= 0:
        return run_stages(doc, config)  # a caller's own deadline must reach the caller
    try:
        with deadline(limit):
            return run_stages(doc, config)
    except DeadlineExceeded:
        raise CleaningTimeout(doc.source, f"cleaning took longer than {limit:.3g} s (clean_timeout)") from None


def clean(text: str, source: str = STDIN, config: Config | None = None, encoding: str = "utf-8") -> Document:
    """Clean a dump or HTML page given as a string; returns the marked Document."""
    config = config or DEFAULT_CONFIG
    return clean_parsed(parse(text, source, encoding, config), text, config)


def clean_parsed(doc: Document, text: str, config: Config, known: Mapping[str, str | int] | None = None) -> Document:
    """Run the stages over a parsed document (its metadata gaps filled from `known`); with the "auto"
    HTML engine, a page the fast reader is unsure of is read again by trafilatura and cleaned."""
    if known:
        add_metadata(doc, known)
    doc = run_stages_in_time(doc, config)
    if config.html_engine == "auto" and read_by_fast_reader(doc) and not fast_reading_is_sure(doc, config):
        doc = parse_page(text, doc.source, doc.encoding, config, fast=False)
        if known:
            add_metadata(doc, known)
        doc = run_stages_in_time(doc, config)
    return doc


def clean_raw(raw: RawDocument, config: Config | None = None) -> Document:
    """Clean one RawDocument (a file, or one record of a container file such as JSONL or WARC)."""
    config = config or DEFAULT_CONFIG
    if raw.problem:
        raise InputError(raw.source, raw.problem)
    if config.max_bytes and len(raw.data) > config.max_bytes:
        raise TooLargeError(raw.source, f"larger than --max-bytes ({config.max_bytes:,} bytes)")
    text, encoding = decode(raw.data, raw.source, declared_charset(raw.data, raw.content_type))
    doc = parse(text, raw.source, encoding, config, media_type(raw.content_type))
    if not read_by_fast_reader(doc) or config.html_engine != "auto":
        text = ""  # the blocks hold their own lines: a huge dump's decoded text need not outlive parsing
    return clean_parsed(doc, text, config, raw.meta)


def clean_path(
    path: str, config: Config | None = None, on_error: Callable[[InputError], None] | None = None
) -> Iterator[Document]:
    """Clean every document a file holds ("-" reads stdin): one for a page or dump, one per JSONL or WARC record.

    Compressed files are read transparently. A bad record (invalid JSON, too large) raises
    InputError, which ends the iteration; give `on_error` to be handed each error instead and
    go on with the next record.
    """
    config = config or DEFAULT_CONFIG
    try:
        for raw in read_documents(str(path), config.max_bytes, config.input_format, config.field):
            try:
                yield clean_raw(raw, config)
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(exc)
    except InputError as exc:  # the file itself: missing, unreadable, corrupt compression
        if on_error is None:
            raise
        on_error(exc)


def clean_bytes(data: bytes, source: str = "<bytes>", config: Config | None = None) -> Document:
    """Clean raw bytes in any encoding (decoded with charset-normalizer when not UTF-8)."""
    return clean_raw(RawDocument(source, data), config)


def clean_file(path: str, config: Config | None = None) -> Document:
    """Clean a file holding one document ("-" reads stdin); raises InputError subclasses for unreadable input.

    Compressed files are read transparently; for JSONL or WARC files use clean_path.
    """
    config = config or DEFAULT_CONFIG
    raws = read_documents(str(path), config.max_bytes, config.input_format, config.field)
    first = next(raws, None)
    if first is None:
        raise InputError(str(path), "holds no document (an empty JSONL or WARC file)")
    if next(raws, None) is not None:
        raise InputError(str(path), "holds several documents (JSONL or WARC): use newsclean.clean_path")
    return clean_raw(first, config)

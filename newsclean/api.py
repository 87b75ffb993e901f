"""The library entry points the CLI and other programs share: text, bytes or a file in, marked Document out."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping

from .config import DEFAULT_CONFIG, Config
from .document import Block, Document, Stage
from .errors import InputError, NotTextError, TooLargeError
from .parse.deadline import DeadlineExceeded, deadline
from .parse.dump import parse_text_dump
from .parse.text import normalize_line
from .pipeline import fast_reading_is_sure, read_by_fast_reader, run_stages
from .read.charsets import declared_charset, media_type
from .read.compression import MAGIC_BYTES, compression_of
from .read.raw import HTML_SNIFF_CHARS, STDIN, RawDocument, decode, looks_like_html, reads_as_utf8
from .read.server_messages import holds_no_messages, strip_server_messages
from .read.sources import documents_of
from .sites import TemplateLearner, TemplateTable, site_key
from .sites.templates import page_lines
from .stages import mark_header

META_FIELDS = ("url", "date", "title", "author", "language")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Enough of a page's bytes to hold the characters looks_like_html reads (a character is at most 4 bytes).
HTML_SNIFF_BYTES = 4 * (HTML_SNIFF_CHARS + 1)


def parse(
    text: str, source: str = STDIN, encoding: str = "utf-8", config: Config = DEFAULT_CONFIG, kind: str | None = None
) -> Document:
    """A Document of unmarked blocks from a text dump or an HTML page.

    Which one: `kind` (a media type such as "text/html") when the container knew it, else
    config.input_format when it is "text" or "html", else sniffed from the text's start.
    Mojibake ("cafÃ©") is repaired: in a dump's text, or in the paragraphs kept from a page.
    """
    kind = input_kind(kind, config)
    if kind in HTML_TYPES or (kind is None and looks_like_html(text)):
        return parse_page(text, source, encoding, config, fast=config.html_engine != "trafilatura")
    return parse_text_dump(text, source, encoding)


def input_kind(kind: str | None, config: Config) -> str | None:
    """The media type a document is read as: `kind` when it names HTML or plain text, else the one
    config.input_format names ("html", "text"), else None (sniffed from the text's start)."""
    if kind not in HTML_TYPES and kind != "text/plain":
        kind = {"html": "text/html", "text": "text/plain"}.get(config.input_format)
    return kind


def parse_bytes(raw: RawDocument, config: Config) -> Document | None:
    """parse's Document of a RawDocument the fast engine reads from its bytes as they are: an HTML page
    that decode_raw would decode as UTF-8, unchanged (reads_as_utf8), and that holds no server message,
    so that its text's UTF-8 form, which Lexbor parses, is the bytes themselves. The same Document as
    decode_raw and parse give, without decoding the page and encoding it again (about 0.4 ms of a train
    page's 6). None for any other document (decode_raw and parse read it)."""
    data = raw.data
    if config.html_engine != "fast" or raw.problem or (config.max_bytes and len(data) > config.max_bytes):
        return None
    kind = input_kind(media_type(raw.content_type), config)
    if kind == "text/plain" or not reads_as_utf8(data) or not holds_no_messages(data):
        return None
    # (No server message at the top either: the sniffing reads the start of the text as it is.)
    if kind is None and not looks_like_html(data[:HTML_SNIFF_BYTES].decode("utf-8", errors="ignore")):
        return None
    from .parse.fast_html import parse_html_fast

    doc = parse_html_fast(data, raw.source, "utf-8", config)
    doc.meta.canonical_url = doc.meta.url  # (as parse_page)
    return doc


def parse_page(text: str, source: str, encoding: str, config: Config, fast: bool) -> Document:
    """An HTML page read by the fast reader or by trafilatura (imported lazily: dumps never pay for either)."""
    text = strip_server_messages(text)  # PHP warnings are the server talking: never the page's text
    if fast:
        from .parse.fast_html import parse_html_fast

        doc = parse_html_fast(text, source, encoding, config)
    else:
        from .parse.html import parse_html

        doc = parse_html(text, source, encoding, config)
        if doc.blocks:
            from .parse.page_text import page_text

            doc.page_text = page_text(text, source, config)
    doc.meta.canonical_url = doc.meta.url  # the page's own; a container's URL replaces `url` (add_metadata)
    return doc


def add_metadata(doc: Document, known: Mapping[str, str | int]) -> None:
    """Fill the document's metadata gaps with what the input's container knew (url, date, status, id).

    The container's URL is where the page was fetched, so it is the `url` even when the page
    names another (its canonical link stays in `canonical_url`). The values are cleaned like
    the text's lines (control characters removed, line breaks and whitespace runs made one
    space): a JSONL field or a WARC header is page text too, and the title is printed.
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
            if key == "url" or getattr(doc.meta, key) is None:
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


def run_stages_in_time(doc: Document, config: Config, templates: TemplateTable | None = None) -> Document:
    """run_stages within the document's time limit (in a main thread; elsewhere unbounded, as html_timeout).

    No stage is meant to come near it; it turns a pathological case (a regular expression that
    backtracks on one odd line) into one failed document instead of a stalled run.
    """
    limit = time_limit(doc, config)
    if limit <= 0:
        return run_stages(doc, config, templates=templates)  # a caller's own deadline must reach the caller
    try:
        with deadline(limit):
            return run_stages(doc, config, templates=templates)
    except DeadlineExceeded:
        raise CleaningTimeout(doc.source, f"cleaning took longer than {limit:.3g} s (clean_timeout)") from None


def clean(
    text: str,
    source: str = STDIN,
    config: Config | None = None,
    encoding: str = "utf-8",
    templates: TemplateTable | None = None,
) -> Document:
    """Clean a dump or HTML page given as a string; returns the marked Document.

    With `templates` (a TemplateTable from learn_templates), lines of the page's site template are
    removed too (stage `template`)."""
    config = config or DEFAULT_CONFIG
    return clean_parsed(parse(text, source, encoding, config), text, config, templates=templates)


def clean_parsed(doc: Document, text: str, config: Config, known: Mapping[str, str | int] | None = None,
                 templates: TemplateTable | None = None) -> Document:
    """Run the stages over a parsed document (its metadata gaps filled from `known`); with the "auto"
    HTML engine, a page the fast reader is unsure of is read again by trafilatura and cleaned."""
    if known:
        add_metadata(doc, known)
    doc = run_stages_in_time(doc, config, templates)
    if config.html_engine == "auto" and read_by_fast_reader(doc) and not fast_reading_is_sure(doc, config):
        doc = parse_page(text, doc.source, doc.encoding, config, fast=False)
        if known:
            add_metadata(doc, known)
        doc = run_stages_in_time(doc, config, templates)
    return doc


def clean_raw(raw: RawDocument, config: Config | None = None, templates: TemplateTable | None = None) -> Document:
    """Clean one RawDocument (a file, or one record of a container file such as JSONL or WARC)."""
    config = config or DEFAULT_CONFIG
    doc = parse_bytes(raw, config)
    if doc is not None:
        return clean_parsed(doc, "", config, raw.meta, templates)
    # No name holds the decoded text here: clean_decoded lets go of it once parsed.
    return clean_decoded(*decode_raw(raw, config), config, raw.content_type, raw.meta, raw.source, templates)


def parse_raw(raw: RawDocument, config: Config) -> Document:
    """A RawDocument decoded and parsed into an unmarked Document with its container's metadata."""
    doc = parse_bytes(raw, config)
    if doc is None:
        text, encoding = decode_raw(raw, config)
        doc = parse(text, raw.source, encoding, config, media_type(raw.content_type))
    add_metadata(doc, raw.meta)
    return doc


def decode_raw(raw: RawDocument, config: Config | None = None) -> tuple[str, str]:
    """The text of a RawDocument and the encoding it was decoded from; raises InputError for a
    record that came with a problem, one larger than config.max_bytes, or binary data."""
    config = config or DEFAULT_CONFIG
    if raw.problem:
        raise InputError(raw.source, raw.problem)
    if config.max_bytes and len(raw.data) > config.max_bytes:
        raise TooLargeError(raw.source, f"larger than --max-bytes ({config.max_bytes:,} bytes)")
    return decode(raw.data, raw.source, declared_charset(raw.data, raw.content_type))


def clean_decoded(
    text: str,
    encoding: str,
    config: Config | None = None,
    content_type: str | None = None,
    known: Mapping[str, str | int] | None = None,
    source: str = STDIN,
    templates: TemplateTable | None = None,
) -> Document:
    """Clean a document already decoded (by decode_raw), as clean_raw would: parsed as its
    content type says, its container's metadata (`known`: url, date, status, id) filling the
    gaps, then the stages. For pipelines that carry the text between steps (datatrove)."""
    config = config or DEFAULT_CONFIG
    doc = parse(text, source, encoding, config, media_type(content_type))
    if not (config.html_engine == "auto" and read_by_fast_reader(doc)):
        text = ""  # only "auto" may read the page again: a huge dump's text need not outlive parsing
    return clean_parsed(doc, text, config, known, templates)


def clean_path(
    path: str,
    config: Config | None = None,
    on_error: Callable[[InputError], None] | None = None,
    templates: TemplateTable | None = None,
) -> Iterator[Document]:
    """Clean every document a file holds ("-" reads stdin): one for a page or dump, one per JSONL or WARC record.

    Compressed files are read transparently. A bad record (invalid JSON, too large) raises
    InputError, which ends the iteration; give `on_error` to be handed each error instead and
    go on with the next record.
    """
    config = config or DEFAULT_CONFIG
    try:
        for raw in documents_of(str(path), config):
            try:
                yield clean_raw(raw, config, templates)
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(exc)
    except InputError as exc:  # the file itself: missing, unreadable, corrupt compression
        if on_error is None:
            raise
        on_error(exc)


def clean_bytes(
    data: bytes, source: str = "<bytes>", config: Config | None = None, templates: TemplateTable | None = None
) -> Document:
    """Clean raw bytes in any encoding (decoded with charset-normalizer when not UTF-8).

    The bytes are one document as it is: compressed bytes are refused with a message that says
    how to read them (clean_file and clean_path decompress files).
    """
    compression = compression_of(data[:MAGIC_BYTES])
    if compression:
        raise NotTextError(source, f"not text: {compression}-compressed data; clean_bytes takes the decompressed "
                                   "bytes: decompress them first, or give the file to clean_file or clean_path, "
                                   "which decompress")
    return clean_raw(RawDocument(source, data), config, templates)


def clean_file(path: str, config: Config | None = None, templates: TemplateTable | None = None) -> Document:
    """Clean a file holding one document ("-" reads stdin); raises InputError subclasses for unreadable input.

    Compressed files are read transparently; for JSONL or WARC files use clean_path.
    """
    config = config or DEFAULT_CONFIG
    raws = documents_of(str(path), config)
    first = next(raws, None)
    if first is None:
        raise InputError(str(path), "holds no document (an empty JSONL or WARC file)")
    if next(raws, None) is not None:
        raise InputError(str(path), "holds several documents (JSONL or WARC): use newsclean.clean_path")
    return clean_raw(first, config, templates)


# --- site templates: learnt over many pages, used on each -----------------------------------


def template_page(item: Document | RawDocument, config: Config) -> tuple[str, bytes] | None:
    """A page's site and its packed line signatures for learning (None: no site, or unreadable).

    A text dump's header lines are read (they hold the URL that names the site) and left out of
    the count; a Document given is not changed.
    """
    if isinstance(item, RawDocument):
        try:
            doc = parse_raw(item, config)
        except InputError:
            return None  # cleaning will report it
    else:
        doc = item
    if doc.input_format == "text" and not any(b.removal and b.removal.stage is Stage.HEADER for b in doc.blocks):
        doc = mark_header(_unmarked_copy(doc), config)
    site = site_key(doc, config.site_from_dir, config.site_map)
    return None if site is None else (site, TemplateLearner.pack(page_lines(doc)))


def _unmarked_copy(doc: Document) -> Document:
    """A copy of doc's blocks and metadata a stage may mark without touching the caller's document."""
    meta = dataclasses.replace(doc.meta, extra=dict(doc.meta.extra))
    return Document(doc.source, [Block(b.line, b.text, b.removal) for b in doc.blocks], meta,
                    input_format=doc.input_format)


def learn_templates(items: Iterable[Document | RawDocument | str | os.PathLike[str]], config: Config | None = None) -> TemplateTable:
    """Learn the site templates of a batch: which lines recur on how many distinct pages of each site.

    Items are Documents (parsed or cleaned), RawDocuments, or paths of files (every document each
    holds). A page's site is the registered domain of its URL (a dump's ` url` header line, a
    JSONL `url` field, a WARC target URI, an HTML canonical link; archive URLs unwrapped), or its
    directory with config.site_from_dir; pages without a site are not learnt from. At most
    config.template_max_pages pages per site are used (chosen by page hash: the order of items
    does not matter). Pass the table to clean(..., templates=table) and the other entry points.
    """
    config = config or DEFAULT_CONFIG
    learner = TemplateLearner(config.template_max_pages)
    for item in items:
        raws: Iterable[Document | RawDocument] = (
            documents_of(os.fspath(item), config)
            if isinstance(item, str | os.PathLike) else [item])
        for one in raws:
            page = template_page(one, config)
            if page is not None:
                learner.add_packed(*page)
    return learner.table()

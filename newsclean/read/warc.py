"""WARC archives, read with warcio: each HTML or text payload is a document, its capture the metadata.

Documents are HTTP `response` records (status from the HTTP header), `resource` records (a page
stored without HTTP) and `conversion` records (the extracted text of Common Crawl WET files).
warcio undoes chunked transfer and gzip or deflate content encoding (brotli too, when the
brotli package is installed); images, scripts, requests, metadata and revisits are skipped.
Compression of the archive itself (.warc.gz, .warc.zst) was already undone by the container
reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from .raw import RawDocument, looks_like_html

DOCUMENT_RECORDS = {"response", "resource", "conversion"}
# Media types whose payload is a page or a text; others (images, scripts, PDFs) are skipped.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
SNIFF_CHARS = 1024
READ_CHUNK = 1 << 20


def read_warc(stream: BinaryIO, source: str, max_bytes: int = 0) -> Iterator[RawDocument]:
    """One RawDocument per HTML or text record, keyed by its WARC-Record-ID (or its position)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    position = 0
    try:
        for record in ArchiveIterator(stream):
            position += 1
            if not record.rec_type:
                # warcio takes any line after `WARC/1.x` for a header: garbage gives a record of none.
                raise InputError(source, f"invalid WARC: record {position} has no WARC-Type header "
                                         "(damaged, or not a WARC file)")
            document = warc_raw_document(record, source, max_bytes, position)
            cut = _cut_short(record)
            if cut:
                if document is None:  # a record newsclean skips: the file still ended early
                    raise InputError(source, f"WARC file cut off inside record {position}: {cut}")
                yield RawDocument(document.source, b"", record=document.record,
                                  problem=f"record cut off: {cut} (the WARC file is truncated)")
            elif document is not None:
                yield document
    except InputError:
        raise  # the archive's compression is broken (already named)
    except ArchiveLoadFailed as exc:
        raise InputError(source, f"invalid WARC after record {position}: {exc.msg.strip().splitlines()[0]}") from None
    except Exception as exc:  # warcio's parsers fail in their own ways on a cut or damaged record
        raise InputError(source, f"invalid WARC after record {position} ({type(exc).__name__}: {exc})") from None


def warc_raw_document(record: Any, source: str = "<warc>", max_bytes: int = 0, position: int = 0) -> RawDocument | None:
    """The RawDocument one warcio record holds, or None when it is not a page or a text.

    For programs that iterate WARC records themselves (Spark jobs over Common Crawl, say):
    hand the result to newsclean.clean_raw. The document is named `SOURCE#RECORD-ID` (the
    record's position in the archive when it has no id); a payload larger than max_bytes comes
    back with a problem, which clean_raw raises as an InputError.
    """
    if record.rec_type not in DOCUMENT_RECORDS:
        return None
    content_type = _content_type(record)
    if content_type is not None and not content_type.lower().startswith(TEXT_TYPES):
        return None
    key = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>") or str(position)
    name = f"{source}#{key}"
    payload, problem = _payload(record, max_bytes)
    if problem:
        return RawDocument(name, b"", record=key, problem=problem)
    if not payload.strip():
        return None  # a redirect or an empty reply: no document at all
    if content_type is None and not looks_like_html(payload[:SNIFF_CHARS].decode("latin-1")):
        return None  # untyped and not a page: most likely media
    return RawDocument(name, payload, capture_metadata(record), key, content_type=content_type)


def _cut_short(record: Any) -> str | None:
    """How much of the record is missing when the archive ends inside it ("1,610 of 2,065 bytes"), else None.

    Reads what is left of the record (warcio would read past it anyway): a record's block is as
    long as its Content-Length says, and warcio hands back fewer bytes, without a word, when the
    file ends first.
    """
    raw = record.raw_stream
    while raw.read(READ_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)  # a LimitReader's bytes still due
    if not missing or not record.length:
        return None
    return f"{record.length - missing:,} of {record.length:,} bytes"


def capture_metadata(record: Any) -> dict[str, str | int]:
    """What the archive knew about the capture: the URL, the capture date and the HTTP status."""
    meta: dict[str, str | int] = {}
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = record.rec_headers.get_header("WARC-Date")
    if url:
        meta["url"] = url.strip("<>")
    if date:
        meta["date"] = date
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode()
        if status and status.isdigit():
            meta["status"] = int(status)
    return meta


def _payload(record: Any, max_bytes: int) -> tuple[bytes, str | None]:
    """The record's payload with its HTTP encodings undone, or a problem when it is larger than max_bytes.

    warcio hands back the bytes as they are when an encoding cannot be undone; decoding then
    refuses them as binary, for this record alone.
    """
    stream = record.content_stream()
    if max_bytes > 0:
        payload = stream.read(max_bytes + 1)
        if len(payload) > max_bytes:
            return b"", f"record larger than --max-bytes ({max_bytes:,} bytes)"
        return payload, None
    # No limit: warcio's readers return nothing for read(-1), so read in chunks to the end.
    chunks = []
    while chunk := stream.read(READ_CHUNK):
        chunks.append(chunk)
    return b"".join(chunks), None


def _content_type(record: Any) -> str | None:
    """The payload's Content-Type: from the HTTP header of a response, else from the WARC header."""
    if record.http_headers is not None and record.rec_type == "response":
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")

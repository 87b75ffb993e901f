"""What one input holds: a page or dump, or many records (JSONL lines, WARC records), maybe compressed.

The kind is told by content, not by the file name: compression by its magic bytes, WARC by
its `WARC/1.` start, JSONL by a first line that opens a JSON object (`{"`); everything else is one
document (a text dump or an HTML page, told apart later by the parser). Inputs are streamed, so
a multi-gigabyte WARC or JSONL file is fine; the size limit applies to each document.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from .compression import MAGIC_BYTES, compression_of, decompressing
from .raw import RawDocument, open_binary, read_limited

SNIFF_BYTES = 4096
WARC_MAGIC = b"WARC/1."
UTF8_BOM = b"\xef\xbb\xbf"
# --input-format values that name one document's content type rather than a container.
DOCUMENT_TYPES = {"text": "text/plain", "html": "text/html"}


def read_input(source: str, max_bytes: int = 0, input_format: str = "auto", field: str | None = None) -> Iterator[RawDocument]:
    """The documents one input (a path, or "-" for stdin) holds; `max_bytes` limits each (0 = none)."""
    with open_binary(source) as raw:
        yield from read_stream(raw, source, max_bytes, input_format, field)


def read_stream(
    raw: BinaryIO, source: str, max_bytes: int = 0, input_format: str = "auto", field: str | None = None
) -> Iterator[RawDocument]:
    """The documents an open binary stream holds (a local file, or one opened by fsspec), named after `source`."""
    head, stream = take_head(raw, MAGIC_BYTES, source)
    kind = compression_of(head)
    if kind:
        stream = decompressing(stream, kind, source)
    container = input_format if input_format in ("json", "jsonl", "warc") else None
    if input_format == "auto":
        head, stream = take_head(stream, SNIFF_BYTES, source)
        container = sniff_container(head)
    if container == "warc":
        from .warc import read_warc  # lazy: warcio is only needed for WARC files

        yield from read_warc(stream, source, max_bytes)
    elif container == "jsonl":
        from .jsonl import read_jsonl

        yield from read_jsonl(stream, source, max_bytes, field)
    elif container == "json":
        from .jsonl import read_json_document

        data = read_limited(stream, source, max_bytes, compressed=kind is not None)
        yield from read_json_document(data, source, field)
    else:
        data = read_limited(stream, source, max_bytes, compressed=kind is not None)
        yield RawDocument(source, data, content_type=DOCUMENT_TYPES.get(input_format))


def sniff_container(head: bytes) -> str | None:
    """ "warc", "jsonl" or "json" (one JSON document) when the (decompressed) head of a file looks like
    one, else None.

    >>> sniff_container(b"WARC/1.1\\r\\nWARC-Type: warcinfo"), sniff_container(b'\\n{"url": "u", "text": "t"}\\n')
    ('warc', 'jsonl')
    >>> sniff_container(b"{{Infobox}} is wiki markup") is None
    True
    """
    if head.startswith(WARC_MAGIC):
        return "warc"
    text = head.removeprefix(UTF8_BOM).lstrip()
    # A JSON object opens with `{` and a quoted key (or is empty): `{{template}}` or `{ }` prose is not.
    if text.startswith(b"{") and text[1:].lstrip()[:1] in (b'"', b"}"):
        first, newline, _ = text.partition(b"\n")
        # One object per line, or one object (or array) spread over lines: a JSON document.
        return "json" if newline and not _is_json_object(first) else "jsonl"
    if text.startswith(b"[") and text[1:].lstrip()[:1] in (b"{", b"]"):
        return "json"
    return None


def _is_json_object(line: bytes) -> bool:
    import json

    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def take_head(stream: BinaryIO, size: int, source: str) -> tuple[bytes, BinaryIO]:
    """The first `size` bytes of a stream (fewer at its end) and a stream that still starts with them.

    Read in full rather than peeked: a pipe may hand over only a few bytes per read. Each read
    reads the stream at most once (read1), so that an end of input typed on a terminal (Ctrl-D),
    which is not sticky, is seen as the end rather than swallowed inside a longer read.
    """
    read = getattr(stream, "read1", stream.read)
    chunks, got, ended = [], 0, False
    try:
        while got < size:
            chunk = read(size - got)
            if not chunk:
                ended = True
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    head = b"".join(chunks)
    if ended:  # the head is the whole input
        return head, io.BytesIO(head)
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, followed by the rest of that stream.

    Its end is final: a terminal's end of input (Ctrl-D) is not, and reading on would wait for more.
    """

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._read = getattr(rest, "read1", rest.read)  # one read of the stream at most, as in take_head
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        if self._ended:
            return 0
        data = self._read(len(buffer))
        self._ended = not data
        buffer[: len(data)] = data
        return len(data)

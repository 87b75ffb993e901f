"""One input's bytes: open a path or stdin, read it within a size limit, tell text from binary,
decode any encoding; and RawDocument, the bytes of one document with what its container knew."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..compiled import compiled_module
from ..errors import InputError, NotTextError, TooLargeError
from .server_messages import skip_server_messages

_scan = compiled_module("newsclean.read._scan")
utf8_valid = None if _scan is None else _scan.utf8_valid

STDIN = "-"

# Signatures of common binary formats, named in the error message.
MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text may hold a few stray control bytes (NULs too: a bad splice, a disk error, a scraper that
# padded a buffer); more than this share of them means binary data.
MAX_CONTROL_SHARE = 0.05
SNIFF_BYTES = 64 * 1024
# A declared multi-byte codec that fails on more than this share of a page's non-ASCII characters
# is the wrong one (charset-normalizer guesses instead); below it, the failures are damaged bytes.
# Only a multi-byte codec says so much: the wrong one fails on most of the text's characters,
# where a wrong single-byte codec reads nearly every byte and fails on a rare one, which is then
# the only sign that the declaration is wrong (windows-1252 declared for windows-1251 text).
MAX_UNDECODABLE_SHARE = 0.01
MULTI_BYTE_CODECS = frozenset({"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950", "cp932", "shift_jis",
                               "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213",
                               "cp949", "euc_kr", "johab"})
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")  # NUL included
# No file name holds a NUL byte, but a line of a --files-from list can.
NUL_IN_NAME = "invalid file name (it holds a NUL byte)"

# HTML is recognised by its start, not by tags anywhere: articles about HTML quote markup.
# A page starts with its document tags; a saved fragment (a scraper's `outerHTML`) with a
# block or sectioning element; a page saved without its head, with the element wrapping its body
# (an ASP.NET page's <form>, an old page's <center>).
HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title"
    r"|div|article|main|section|header|nav|p|table|ul|ol|h[1-6]|figure|blockquote|link|script|style"
    r"|form|center|noscript|iframe)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_SNIFF_CHARS = 2048


def read_bytes(source: str, max_bytes: int = 0) -> bytes:
    """The raw bytes of a path, or of stdin for "-"; refuses more than max_bytes (0 = no limit)."""
    with open_binary(source) as handle:
        return read_limited(handle, source, max_bytes)


@contextmanager
def open_binary(source: str) -> Iterator[BinaryIO]:
    """A binary stream of a path or of stdin ("-"), with one clear InputError when it cannot be opened."""
    if source == STDIN:
        yield sys.stdin.buffer
        return
    if "\0" in source:
        raise InputError(source, NUL_IN_NAME)
    path = Path(source)
    try:
        if path.is_dir():
            raise InputError(source, "is a directory (newsclean clean DIR walks it)")
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    with handle:
        yield handle


def read_limited(stream: BinaryIO, source: str, max_bytes: int, compressed: bool = False) -> bytes:
    """All of a stream, refused with TooLargeError as soon as it passes max_bytes (0 = no limit)."""
    try:
        data = stream.read(max_bytes + 1 if max_bytes > 0 else -1)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None
    if max_bytes > 0 and len(data) > max_bytes:
        what = "decompresses to more than" if compressed else "larger than"
        raise TooLargeError(source, f"{what} --max-bytes ({max_bytes:,} bytes)")
    return data


def _binary_kind(data: bytes) -> str | None:
    """A description of the binary format of data, or None when it may be text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:SNIFF_BYTES]
    if not sample or any(sample.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in sample and _utf16_order(sample):
        return None  # UTF-16 without a BOM is text with a NUL in every other byte, not binary
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if controls / len(sample) > MAX_CONTROL_SHARE:
        return "binary data (NUL bytes)" if b"\x00" in sample else "binary data (control bytes)"
    return None  # a few NULs in otherwise clean text are damage: decode() drops them


def _utf16_order(sample: bytes) -> str | None:
    """UTF-16 without a BOM: "utf-16-le" or "utf-16-be" when NUL bytes sit in every other position.

    Latin-script UTF-16 has a NUL in nearly every high byte and almost none in the low bytes;
    binary data has NULs on both sides. The sample must also decode as that UTF-16.
    """
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    high, low = max(even, odd), min(even, odd)
    if high <= 0.3 * len(sample) / 2 or low > 0.1 * high:
        return None
    order = "utf-16-le" if odd > even else "utf-16-be"  # ASCII in LE is "a\x00": the NUL comes second
    try:
        # Incremental, not final: the sample may end inside a surrogate pair.
        text = codecs.getincrementaldecoder(order)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None  # unpaired surrogates: not UTF-16 after all
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v")
    return order if controls <= MAX_CONTROL_SHARE * max(len(text), 1) else None


def decode_as_declared(data: bytes, declared: str) -> str | None:
    """The bytes decoded with the codec the page declares; for a multi-byte codec, a few undecodable
    bytes (a character cut in half, a stray byte of a bad splice) made U+FFFD as a browser does.
    None when the codec is unknown, or a single-byte codec fails on any byte, or a multi-byte one on
    more than MAX_UNDECODABLE_SHARE of the non-ASCII characters (the declaration is wrong)."""
    if declared not in MULTI_BYTE_CODECS:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            return None
    text = data.decode(declared, errors="replace")
    undecodable = text.count("\ufffd")
    if undecodable and undecodable > MAX_UNDECODABLE_SHARE * (len(text) - len(text.encode("ascii", "ignore"))):
        return None
    return text


def decode(data: bytes, source: str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Text and the name of its encoding: BOMs honoured, UTF-8 first, then the `declared` codec
    (a page's charset) if the bytes fit it, else charset-normalizer's guess.

    Raises NotTextError for binary data. Never raises on undecodable bytes of text: the rare
    bytes that fit no encoding become U+FFFD.
    """
    kind = _binary_kind(data)
    if kind:
        raise NotTextError(source, f"not text: looks like {kind}")
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name.replace("-sig", "")
    if b"\x00" in data[:SNIFF_BYTES] and (order := _utf16_order(data[:SNIFF_BYTES])):
        return data.decode(order, errors="replace"), order
    # Stray NULs (text that is not UTF-16) carry nothing: dropped, so that they can neither
    # break a multi-byte character apart nor sway the encoding guess.
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            # Valid UTF-8 cut inside its last character (a truncated download, a size cap):
            # the rest stays UTF-8 whatever the proportion of non-ASCII text.
            return data.decode("utf-8", errors="replace"), "utf-8"
    if _mostly_utf8(data):
        # UTF-8 with a few damaged bytes (a truncated download, a bad splice) is far more
        # common than a legacy encoding that happens to contain valid UTF-8 sequences.
        return data.decode("utf-8", errors="replace"), "utf-8"
    if declared and (text := decode_as_declared(data, declared)) is not None:
        return text, declared
    from .charsets import (
        guess_encoding,  # lazy: charset-normalizer is only needed for legacy encodings
    )

    return guess_encoding(data) or (data.decode("utf-8", errors="replace"), "utf-8")


def reads_as_utf8(data: bytes) -> bool:
    """True when decode(data) is (data.decode("utf-8"), "utf-8"): bytes that are text (not binary, no
    byte-order mark, no NUL byte to drop) and valid UTF-8, so that their text's UTF-8 form is the bytes
    themselves. Found without decoding, by the compiled core; False without it."""
    if utf8_valid is None or b"\x00" in data or _binary_kind(data) is not None:
        return False
    return not any(data.startswith(bom) for bom, _ in BOMS) and bool(utf8_valid(data))


def _mostly_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 sequences outnumber invalid bytes two to one.

    Legacy text almost never holds valid UTF-8 by chance (in cp1252 or Latin-1, an accented
    letter is one high byte, followed by ASCII): nearly all its high bytes are invalid. So a
    clear majority of valid sequences, even a handful in a short text, means damaged UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - text.count("\ufffd")
    return valid >= 2 * max(invalid, 1)


@dataclass(frozen=True)
class RawDocument:
    """One document to clean, as read from an input: a whole file, or one record of a container.

    `source` names it in outputs and messages: the path as given ("-" for stdin), or
    "path#KEY" for a record of a container file (a JSONL line, a WARC record), where `record`
    is KEY (a line number or the record's id). `meta` carries what the container knew about it
    (url, date, status, id). A bad record of a good container is yielded with a `problem`, so
    that one broken line reports an error and the records after it are still cleaned.
    """

    source: str
    data: bytes
    meta: dict[str, str | int] = field(default_factory=dict)
    record: str | None = None
    # The payload's Content-Type when the container knows it ("text/html; charset=cp1252"):
    # the media type decides HTML vs text, the charset is a decoding hint. None: sniff.
    content_type: str | None = None
    # Why this record cannot be cleaned (invalid JSON, too large); cleaning it raises InputError.
    problem: str | None = None


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document or fragment (after any PHP warnings the
    server printed before the page).

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("<div class=story><p>Text</p>")
    (True, True)
    >>> looks_like_html("Use <div> for blocks"), looks_like_html("<3 this band")
    (False, False)
    """
    start = skip_server_messages(text)
    return bool(HTML_START.match(text[start : start + HTML_SNIFF_CHARS]))

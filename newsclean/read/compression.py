"""Compressed inputs (gzip, bzip2, xz, zstd), recognised by their magic bytes and read as streams.

Decompression is streamed in chunks: whoever reads decides how much to take, so a
decompression bomb is stopped by the reader's size limit long before memory runs out.
zstandard is imported only when a zstd file shows up.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from ..errors import InputError

# (magic bytes, name); bzip2 is checked separately because its magic is also plain text.
MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
BZIP2_BLOCK = (b"1AY&SY", b"\x17rE8P\x90")  # a first block, or the end of an empty stream
MAGIC_BYTES = 10  # enough of the head to tell every format above


def compression_of(head: bytes) -> str | None:
    """The compression format a file starting with `head` uses, or None for uncompressed data.

    >>> compression_of(b"\\x1f\\x8b\\x08\\x00"), compression_of(b"BZh91AY&SY"), compression_of(b"BZh is text")
    ('gzip', 'bzip2', None)
    """
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"BZh") and head[3:4].isdigit() and head[4:10] in BZIP2_BLOCK:
        return "bzip2"
    return None


def decompressing(stream: BinaryIO, kind: str, source: str) -> BinaryIO:
    """A buffered stream of the decompressed bytes; corrupt data raises InputError naming the source."""
    if kind == "gzip":
        import gzip

        inner: BinaryIO = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    elif kind == "bzip2":
        import bz2

        inner = bz2.BZ2File(stream, mode="rb")  # type: ignore[assignment]
    elif kind == "xz":
        import lzma

        inner = lzma.LZMAFile(stream, mode="rb")  # type: ignore[assignment]
    elif kind == "zstd":
        import zstandard

        # read_across_frames: files written in parallel (pzstd, zstd -T) hold several frames.
        inner = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True, closefd=False)
    else:
        raise ValueError(f"unknown compression {kind!r}")
    return io.BufferedReader(_Checked(inner, kind, source), buffer_size=1 << 16)


class _Checked(io.RawIOBase):
    """A decompressor's stream whose failures become one clear InputError."""

    def __init__(self, inner: BinaryIO, kind: str, source: str) -> None:
        self._inner, self._kind, self._source = inner, kind, source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except Exception as exc:  # each library has its own error types (zlib, lzma, zstd, EOF)
            detail = str(exc) or type(exc).__name__
            raise InputError(self._source, f"corrupt {self._kind} data ({detail})") from None
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()

"""Parsed HTML pages kept on disk between the two passes of a run with site templates.

Learning (pass 1) parses every page to read its lines, and cleaning (pass 2) needs the same
parse. For an HTML page the parse is most of the cost (trafilatura: about 25 ms for a train
page, against 0.5 ms to pickle, compress, write and read back its Document), so pass 1 writes
each parsed HTML Document to one file per input below a private temporary directory, and pass 2
reads them back in the order it meets the documents. Text dumps are not kept: their parse
(0.9 ms) costs what the round trip does.

Memory stays bounded: documents go to disk one at a time and come back one at a time. Disk is
bounded by a byte budget (parsed text is about 2% of the HTML, so 1 GiB holds some 200,000
train-like pages); pages beyond it are parsed again. A copy that cannot be read back (a worker
killed while writing, a full disk) is parsed again too: the cache only saves time, it never
changes an output.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from ..document import Document
from ..pipeline import read_by_fast_reader

DEFAULT_BUDGET = 1 << 30  # bytes of compressed parsed pages a run may keep on disk
ENTRY = struct.Struct("<QI")  # the document's number in its file, the payload's length


def make_cache_dir() -> str:
    """A new private directory for a run's parsed pages (mode 0700, in $TMPDIR)."""
    import tempfile  # here, as pickle and shutil below: one file through the CLI keeps no pages

    return tempfile.mkdtemp(prefix="newsclean-parsed-")


def remove_cache_dir(directory: str | None) -> None:
    """Remove a run's parsed pages (nothing when there is no directory)."""
    if directory:
        import shutil

        shutil.rmtree(directory, ignore_errors=True)


def cache_file(directory: str, path: str, size: int, mtime_ns: int) -> str:
    """Where an input's parsed pages are kept: named by its path, size and time, so a file changed
    between the passes is never read from an old copy."""
    key = hashlib.blake2b(f"{path}\0{size}\0{mtime_ns}".encode("utf-8", "surrogateescape"), digest_size=16)
    return os.path.join(directory, key.hexdigest())


def worth_keeping(doc: Document, engine: str) -> bool:
    """True for an HTML page whose cleaning can start from its parse alone (the "auto" engine may read a
    fast-read page again from its HTML, which is not kept)."""
    return doc.input_format == "html" and not (engine == "auto" and read_by_fast_reader(doc))


@dataclass
class Budget:
    """Bytes a writer (or all writers of one process) may still write."""

    left: int


class CacheWriter:
    """Pass 1: the parsed pages of one input file, written as they come, until the budget is spent."""

    def __init__(self, target: str, budget: Budget) -> None:
        self.target = target
        self.budget = budget
        self.out: BinaryIO | None = None
        self.failed = False

    def add(self, number: int, doc: Document) -> None:
        """Keep the number-th document of the file (an unmarked parse, before any metadata is added),
        unless it would overrun the budget."""
        if self.failed or self.budget.left <= ENTRY.size:
            return
        import pickle

        entry = zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 1)
        if ENTRY.size + len(entry) > self.budget.left:
            return  # this page is parsed again; a smaller one may still fit
        try:
            if self.out is None:
                self.out = open(self.target, "wb")  # noqa: SIM115 - closed by close()
            self.out.write(ENTRY.pack(number, len(entry)) + entry)
        except OSError:  # a full disk: the rest of this file is parsed again in pass 2
            self.failed = True
            return
        self.budget.left -= ENTRY.size + len(entry)

    def close(self) -> None:
        """Close the file (what was written stays readable)."""
        if self.out is not None:
            try:
                self.out.close()
            except OSError:
                self.failed = True
            self.out = None


class CacheReader:
    """Pass 2: the parsed pages of one input file, read in order; documents without a copy get None."""

    def __init__(self, source: str) -> None:
        try:
            self.file: BinaryIO | None = open(source, "rb")  # noqa: SIM115 - closed by close()
        except OSError:
            self.file = None
        self.pending: tuple[int, int] | None = None  # the next entry's (number, payload length)

    def take(self, number: int) -> Document | None:
        """The number-th document's parse, or None (not kept, or the copy is unreadable)."""
        while self.file is not None:
            if self.pending is None:
                self.pending = self._header()
                if self.pending is None:
                    return None
            at, length = self.pending
            if at > number:
                return None  # this document was not kept; a later one was
            self.pending = None
            payload = self.file.read(length)
            if at < number:
                continue  # a document pass 2 did not clean (its output was up to date)
            import pickle

            try:
                doc = pickle.loads(zlib.decompress(payload))
            except Exception:  # a copy cut short by a killed worker: parse again
                self.close()
                return None
            return doc if isinstance(doc, Document) else None
        return None

    def _header(self) -> tuple[int, int] | None:
        assert self.file is not None
        header = self.file.read(ENTRY.size)
        if len(header) < ENTRY.size:
            self.close()
            return None
        number, length = ENTRY.unpack(header)
        return number, length

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

"""What to read and how to turn its bytes into text: files, stdin, and decoding any encoding."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .errors import InputError, NotTextError, TooLargeError

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
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text may hold a few stray control bytes; more than this share of them means binary data.
MAX_CONTROL_SHARE = 0.05
SNIFF_BYTES = 64 * 1024
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")
# No file name holds a NUL byte, but a line of a --files-from list can.
NUL_IN_NAME = "invalid file name (it holds a NUL byte)"


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
    if b"\x00" in sample:
        # UTF-16 without a BOM is text with a NUL in every other byte, not binary.
        return None if _utf16_order(sample) else "binary data (NUL bytes)"
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if controls / len(sample) > MAX_CONTROL_SHARE:
        return "binary data (control bytes)"
    return None


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
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration is wrong: guess instead
    from .charsets import guess_encoding  # lazy: charset-normalizer is only needed for legacy encodings

    return guess_encoding(data) or (data.decode("utf-8", errors="replace"), "utf-8")


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


def read_documents(
    source: str, max_bytes: int = 0, input_format: str = "auto", field: str | None = None
) -> Iterator[RawDocument]:
    """The documents an input holds: one for a page or dump, one per record of a JSONL or WARC file.

    Compressed files (gzip, bzip2, xz, zstd) are read transparently; `input_format` ("auto",
    "text", "html", "jsonl", "warc") overrides detection, `field` names the JSONL text field.
    """
    from .containers import read_input

    yield from read_input(source, max_bytes, input_format, field)


# --- choosing inputs: directories, --files-from lists, --glob / --exclude ----------------------

# What a directory walk picks by default: dumps, HTML pages and the container kinds, plain or
# compressed. Anything else in a crawl (images, PDFs, logs, the scraper's own files) is left out.
DUMP_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".warc")
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def strip_dump_suffixes(name: str) -> str:
    """The name without its compression suffix and dump suffix ("a.warc.gz" -> "a"); may be empty.

    >>> strip_dump_suffixes("crawl.2024.warc.gz"), strip_dump_suffixes("page.HTML"), strip_dump_suffixes("notes.md")
    ('crawl.2024', 'page', 'notes.md')
    """
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            name, lower = name[: -len(suffix)], lower[: -len(suffix)]
            break
    for suffix in DUMP_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_dump_name(name: str) -> bool:
    """True when a file name has a dump or container suffix, possibly compressed (case-insensitive).

    >>> is_dump_name("a.WARC.gz"), is_dump_name("archive.tar.gz"), is_dump_name("page.htm")
    (True, False, True)
    """
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        lower = lower.removesuffix(suffix)
    return lower.endswith(DUMP_SUFFIXES)


@dataclass(frozen=True)
class Selection:
    """Which files a directory walk picks (named files and --files-from paths are always taken).

    `globs` replace the default choice (dump and container suffixes); `excludes` leave out files
    and whole directories. A pattern without "/" matches the name, one with "/" the path below
    the directory given (fnmatch: `*` also matches "/"). `skip_dirs` holds (st_dev, st_ino) of
    directories never entered, such as the output directory inside the input tree.
    """

    globs: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    hidden: bool = False
    recursive: bool = True
    follow_symlinks: bool = False
    skip_dirs: frozenset[tuple[int, int]] = frozenset()

    def excluded(self, name: str, relative: str) -> bool:
        """True for a hidden name (unless `hidden`) or one an exclude pattern matches."""
        if name.startswith(".") and not self.hidden:
            return True
        return any(_pattern_matches(p, name, relative) for p in self.excludes)

    def wants_file(self, name: str, relative: str) -> bool:
        """True when a file found in a walk is to be cleaned (excludes are checked separately)."""
        if not self.globs:
            return is_dump_name(name)
        return any(_pattern_matches(p, name, relative) for p in self.globs)


def _pattern_matches(pattern: str, name: str, relative: str) -> bool:
    if "/" in pattern:
        return fnmatchcase(relative, pattern.strip("/"))
    return fnmatchcase(name, pattern)


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file chosen for cleaning: the path to read, and where below OUTDIR its output belongs."""

    path: str  # as given, or joined from the walk ("crawl/a/b.txt"); "-" for stdin
    relative: PurePosixPath  # below the directory given; a named file keeps its own (relative) path
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A path that was not taken: a failure (missing, unreadable) or, when `skipped`, left out on purpose."""

    path: str
    problem: str
    skipped: bool = False


def named_relative(path: str) -> PurePosixPath:
    """Where a named file's output goes below OUTDIR: its path without root, "." and ".." parts.

    >>> named_relative("/data/crawl/../a.txt"), named_relative("../x/b.txt"), named_relative("c.txt")
    (PurePosixPath('data/a.txt'), PurePosixPath('x/b.txt'), PurePosixPath('c.txt'))
    """
    parts = [p for p in PurePosixPath(os.path.normpath(path)).parts if p not in ("/", "//", ".", "..")]
    return PurePosixPath(*parts) if parts else PurePosixPath(Path(path).name or "input")


def _stat_problem(path: str, exc: OSError) -> str:
    """The reason a path cannot be used, as the one-line message shows it."""
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {exc.strerror or exc}"


def iter_inputs(paths: Iterable[str], selection: Selection = Selection()) -> Iterator[InputFile | InputProblem]:
    """The files to clean from paths as given: files as they are, directories walked; "-" is stdin.

    Deterministic: arguments in order, directory entries sorted by name. A path reached twice
    is taken once; with `follow_symlinks` a directory reached again (a symlink loop) is not
    walked twice.
    """
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path == STDIN:
            yield InputFile(STDIN, PurePosixPath("stdin"), 0, 0)
            continue
        if "\0" in path:
            yield InputProblem(path, NUL_IN_NAME)
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            yield InputProblem(path, _stat_problem(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, selection, seen_files, seen_dirs)
        elif _first_time(path, seen_files):
            # Named files may be FIFOs or devices (`<(cmd)`, /dev/stdin): the user chose them.
            yield InputFile(path, named_relative(path), st.st_size, st.st_mtime_ns)


def _first_time(path: str, seen: set[str]) -> bool:
    key = os.path.abspath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(root: str, selection: Selection, seen_files: set[str],
          seen_dirs: set[tuple[int, int]]) -> Iterator[InputFile | InputProblem]:
    """Depth-first walk of one directory argument, in name order, without recursion limits."""
    entries = _list_dir(root, selection, seen_dirs)
    if isinstance(entries, InputProblem):
        yield entries
        return
    stack: list[tuple[PurePosixPath, Iterator[os.DirEntry[str]]]] = [(PurePosixPath(), iter(entries))]
    while stack:
        base, remaining = stack[-1]
        entry = next(remaining, None)
        if entry is None:
            stack.pop()
            continue
        relative = base / entry.name
        if selection.excluded(entry.name, relative.as_posix()):
            continue
        if entry.is_symlink() and not selection.follow_symlinks:
            yield InputProblem(entry.path, "symbolic link not followed", skipped=True)
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=selection.follow_symlinks)
        except OSError:  # a link that loops: if its name is wanted, stat() below names the problem
            is_dir = False
        if is_dir:
            if selection.recursive:
                listed = _list_dir(entry.path, selection, seen_dirs)
                if isinstance(listed, InputProblem):
                    yield listed
                elif listed:
                    stack.append((relative, iter(listed)))
            continue
        if not selection.wants_file(entry.name, relative.as_posix()):
            continue
        try:
            st = entry.stat(follow_symlinks=selection.follow_symlinks)
        except OSError as exc:
            yield InputProblem(entry.path, _stat_problem(entry.path, exc))
            continue
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device in a crawl would block or never end: only named ones are read.
            yield InputProblem(entry.path, "not a regular file", skipped=True)
        elif _first_time(entry.path, seen_files):
            yield InputFile(entry.path, relative, st.st_size, st.st_mtime_ns)


def _list_dir(path: str, selection: Selection,
              seen_dirs: set[tuple[int, int]]) -> list[os.DirEntry[str]] | InputProblem:
    """A directory's entries sorted by name; empty when it is skipped or was walked already."""
    try:
        st = os.stat(path)
        key = (st.st_dev, st.st_ino)
        if key in selection.skip_dirs:
            return []
        if key in seen_dirs:
            return InputProblem(path, "directory already walked (symbolic link loop?)", skipped=True)
        seen_dirs.add(key)
        with os.scandir(path) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        return InputProblem(path, "cannot list directory: " + _stat_problem(path, exc).removeprefix("cannot read: "))


def read_path_list(stream: BinaryIO, null: bool = False) -> list[str]:
    """Paths from a --files-from list: one a line (CR LF tolerated), or NUL-separated; blanks skipped.

    >>> import io
    >>> read_path_list(io.BytesIO(b"a.txt\\r\\n\\nb c.txt\\n")), read_path_list(io.BytesIO(b"x\\ny\\0z\\0"), null=True)
    (['a.txt', 'b c.txt'], ['x\\ny', 'z'])
    """
    data = stream.read()
    if null:
        items = data.split(b"\0")
    else:
        items = [line.removesuffix(b"\r") for line in data.split(b"\n")]
    # os.fsdecode keeps names that are not valid UTF-8 readable (surrogateescape), as the OS gave them.
    return [os.fsdecode(item) for item in items if item]

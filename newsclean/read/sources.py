"""What to read: the documents an input holds, and which files a directory walk, a --files-from
list and --glob / --exclude choose."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..config import Config
from .raw import NUL_IN_NAME, STDIN, RawDocument


def read_documents(
    source: str, max_bytes: int = 0, input_format: str = "auto", field: str | None = None
) -> Iterator[RawDocument]:
    """The documents an input holds: one for a page or dump, one per record of a JSONL or WARC file.

    Compressed files (gzip, bzip2, xz, zstd) are read transparently; `input_format` ("auto",
    "text", "html", "jsonl", "warc") overrides detection, `field` names the JSONL text field.
    """
    from .containers import read_input

    yield from read_input(source, max_bytes, input_format, field)


def documents_of(source: str, config: Config) -> Iterator[RawDocument]:
    """read_documents with the run's reading settings (max_bytes, input_format, field)."""
    return read_documents(source, config.max_bytes, config.input_format, config.field)


# --- choosing inputs: directories, --files-from lists, --glob / --exclude ----------------------

# What a directory walk picks by default: dumps, HTML pages and the container kinds, plain or
# compressed. Anything else in a crawl (images, PDFs, logs, the scraper's own files) is left out.
DUMP_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".warc")
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
# Why a walk left a path out, as the summary counts it; each names the option that takes it in.
HIDDEN = "hidden (--hidden includes them)"
EXCLUDED = "excluded by --exclude"
NOT_A_DUMP_NAME = "not named like a dump (.txt, .html, .jsonl, ...; --glob '*' includes them)"
NOT_MATCHING = "not matching --glob"


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
        return self.left_out_because(name, relative) is not None

    def left_out_because(self, name: str, relative: str) -> str | None:
        """Why a walk leaves out this file or directory (a reason for the summary), or None."""
        if name.startswith(".") and not self.hidden:
            return HIDDEN
        if any(_pattern_matches(p, name, relative) for p in self.excludes):
            return EXCLUDED
        return None

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
        reason = selection.left_out_because(entry.name, relative.as_posix())
        if reason is not None:
            yield InputProblem(entry.path, reason, skipped=True)
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
            yield InputProblem(entry.path, NOT_MATCHING if selection.globs else NOT_A_DUMP_NAME, skipped=True)
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

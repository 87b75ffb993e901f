"""Where outputs go below OUTDIR and how they are written: mirrored names, safe record keys, atomic files."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import BinaryIO

from ..errors import OutputError
from ..read.sources import strip_dump_suffixes

EXTENSIONS = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}
MAX_KEY_CHARS = 100  # well below NAME_MAX (255 bytes) even with an extension and a digest
UNSAFE_KEY_CHARS = re.compile(r"[^A-Za-z0-9._-]")
TEMP_PREFIX, TEMP_SUFFIX = ".newsclean-", ".tmp"


def sanitize_key(key: str) -> str:
    """A record key as one safe file name: no separators, NUL, leading dots, or excessive length.

    A key that had to change gets a digest of the original, so two keys never share a name.

    >>> sanitize_key("42"), sanitize_key("../../etc/passwd"), sanitize_key("")
    ('42', '_.._etc_passwd-3754d6cb3a', 'record-e3b0c44298')
    """
    safe = UNSAFE_KEY_CHARS.sub("_", key).lstrip(".")
    if safe == key and 0 < len(safe) <= MAX_KEY_CHARS:
        return safe
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{safe[: MAX_KEY_CHARS - 11] or 'record'}-{digest}"


def output_stems(relatives: Sequence[PurePosixPath], ext: str) -> list[PurePosixPath]:
    """Each input's output path below OUTDIR without extension: its relative path, dump suffixes stripped.

    When two inputs would share a stem (page.txt and page.html), the ones not already named
    with the output extension keep their whole name (page.html -> page.html.txt), so no output
    silently replaces another.

    >>> paths = [PurePosixPath("a/p.html"), PurePosixPath("a/p.txt"), PurePosixPath("b.warc.gz")]
    >>> [stem.as_posix() for stem in output_stems(paths, ".txt")]
    ['a/p.html', 'a/p', 'b']
    """
    stems = [r.with_name(strip_dump_suffixes(r.name) or r.name) for r in relatives]
    groups: defaultdict[PurePosixPath, list[int]] = defaultdict(list)
    for index, stem in enumerate(stems):
        groups[stem].append(index)
    for members in groups.values():
        if len(members) > 1:
            for index in members:
                if relatives[index].name != stems[index].name + ext:
                    stems[index] = relatives[index]
    return stems


def output_path(outdir: str, stem: str, ext: str, record: str | None = None) -> str:
    """The output file of a plain input (OUTDIR/STEM.ext) or of one record of a container (OUTDIR/STEM/KEY.ext)."""
    if record is None:
        return os.path.join(outdir, stem + ext)
    return os.path.join(outdir, stem, sanitize_key(record) + ext)


def is_up_to_date(target: str, input_mtime_ns: int) -> bool:
    """True when target exists and is not older than the input (as make decides)."""
    try:
        return os.stat(target).st_mtime_ns >= input_mtime_ns
    except OSError:
        return False


def make_parents(outdir: str, target: str, made: set[str]) -> None:
    """Create target's directories below outdir, refusing any that is a symlink or a file (outputs stay inside)."""
    parent = os.path.dirname(target)
    if parent in made:
        return
    relative = os.path.relpath(parent, outdir)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        raise OutputError(target, "would be written outside the output directory")
    current = outdir
    for part in [] if relative == os.curdir else relative.split(os.sep):
        current = os.path.join(current, part)
        if current in made:
            continue
        try:
            os.mkdir(current)
        except FileExistsError:
            # A symlink planted inside OUTDIR would carry outputs elsewhere; a file blocks the tree.
            if os.path.islink(current) or not os.path.isdir(current):
                raise OutputError(current, "is in the way of outputs (a symbolic link or a file)") from None
        made.add(current)


class AtomicFile:
    """A file written whole or not at all: written to a temporary file in the target's directory,
    which `commit` renames to the target and `discard` removes."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.temp: str | None = None
        self.handle: BinaryIO | None = None

    @property
    def opened(self) -> bool:
        """True once something was written (the temporary file exists)."""
        return self.handle is not None

    def write(self, data: bytes) -> None:
        """Append data, creating the temporary file on the first write."""
        if self.handle is None:
            directory = os.path.dirname(self.target) or os.curdir
            self.temp = os.path.join(directory, f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")
            # O_EXCL with mode 0o666: the umask applies as for any new file (mkstemp would force 0o600).
            fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
            self.handle = open(fd, "wb")  # noqa: SIM115  # closed by commit or discard
        self.handle.write(data)

    def commit(self) -> None:
        """Close the temporary file and rename it to the target."""
        assert self.handle is not None and self.temp is not None
        self.handle.close()
        os.replace(self.temp, self.target)
        self.handle = self.temp = None

    def discard(self) -> None:
        """Remove the temporary file, if any (the target stays as it was)."""
        if self.handle is not None:
            self.handle.close()
        if self.temp is not None:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
        self.handle = self.temp = None


def write_atomically(target: str, data: bytes) -> None:
    """Write data to target via a temporary file in the same directory and a rename: never half-written."""
    output = AtomicFile(target)
    try:
        output.write(data)
        output.commit()
    except BaseException:
        output.discard()
        raise


def write_file(target: str, data: bytes) -> None:
    """Write a file the user named (a run's summary, a report): atomically when it is new or a
    regular file, so a failed write never clobbers the previous one; straight into it when it is
    a FIFO, a device or a symbolic link (`/dev/stdout`, `>(jq .)`), which must not be replaced."""
    try:
        special = not stat.S_ISREG(os.lstat(target).st_mode)
    except FileNotFoundError:
        special = False
    if not special:
        write_atomically(target, data)
        return
    with open(target, "wb") as handle:
        handle.write(data)


def write_all(stream: BinaryIO, data: bytes) -> None:
    """Write every byte of data to a binary stream such as stdout.

    A buffered stream's write() returns a short count, without an error, when the pipe closes
    part-way through a large write (`| head -c 100` on a 1 MB article); writing the rest raises
    the BrokenPipeError that ends the run with status 141 instead of 0.
    """
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None or written >= len(view):
            return
        if written <= 0:
            raise OSError(errno.EIO, "short write to stdout")
        view = view[written:]


def remove_temporaries(directory: str, pids: list[int]) -> None:
    """Remove the temporary files that the processes `pids` (dead workers) left in directory."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    prefixes = tuple(f"{TEMP_PREFIX}{pid}-" for pid in pids)
    for name in names:
        if name.startswith(prefixes) and name.endswith(TEMP_SUFFIX):
            try:
                os.unlink(os.path.join(directory, name))
            except OSError:
                pass

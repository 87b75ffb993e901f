"""Input paths to files: directories walked recursively, in a stable order, hidden entries skipped.

A stand-in for the batch engine's directory walking: `expand_inputs` is the one function the
diff report calls, so it can be swapped for the batch engine's walker when that lands.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .sources import STDIN


def is_hidden(name: str) -> bool:
    """Dot files and dot directories (.git, .DS_Store) are never inputs."""
    return name.startswith(".")


def walk_directory(root: str) -> Iterator[str]:
    """Every non-hidden file below root, sorted by path; symlinked directories are not followed (no loops)."""
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not is_hidden(d))
        for name in sorted(files):
            if not is_hidden(name):
                yield os.path.join(directory, name)


def expand_inputs(sources: Iterable[str]) -> Iterator[str]:
    """Files to read: each file (or "-") as given, each directory replaced by the files below it."""
    for source in sources:
        if source != STDIN and Path(source).is_dir():
            yield from walk_directory(source)
        else:
            yield source


def has_directory(sources: Iterable[str]) -> bool:
    """True when any input is a directory (the report then summarises many files)."""
    return any(source != STDIN and Path(source).is_dir() for source in sources)

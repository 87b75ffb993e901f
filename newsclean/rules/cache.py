"""A cache of the built rules across processes, correct by construction.

Parsing 28 TOML files and folding thousands of phrases takes tens of milliseconds, paid by every
process at its first document. The built tables are stored with `marshal` under a key that is
a hash of everything they are made of: the text and name of every rules file, the code that
builds them (this package and the text folding it uses) and the Python version (marshal's format
is Python's own). A changed file, a new newsclean or another Python gives another key, so a
stored table is never stale; an unreadable, corrupt or foreign entry is ignored and the rules are
built again. The cache lives in $NEWSCLEAN_CACHE_DIR, else $XDG_CACHE_HOME/newsclean, else
~/.cache/newsclean; NEWSCLEAN_CACHE_DIR="" turns it off. Nothing fails when it cannot be written.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..parse import text as text_module

FORMAT = 1  # bump when the stored layout changes (the code hash would change anyway)
PREFIX = "rules-"
SUFFIX = ".marshal"
STALE_AFTER_DAYS = 30  # other keys' files untouched this long are removed when a new one is written


def cache_dir() -> Path | None:
    """Where the tables are stored, or None when the cache is turned off."""
    configured = os.environ.get("NEWSCLEAN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsclean"


def cache_key(sources: list[tuple[str, bytes]]) -> str:
    """The hash of every input of the built tables: the files, the building code, the Python."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{marshal.version}\0".encode())
    for module_file in (Path(__file__).with_name("__init__.py"), Path(text_module.__file__ or "")):
        digest.update(module_file.read_bytes() + b"\0")
    for name, content in sources:
        digest.update(f"{len(name)}:{name}\0{len(content)}:".encode("utf-8", "surrogatepass") + content)
    return digest.hexdigest()


def cached_tables(sources: list[tuple[str, bytes]], build: Callable[[list[tuple[str, bytes]]], dict]) -> dict:
    """The tables build(sources) returns, read from the cache when stored under their key, else
    built (raising what build raises: a broken file is never stored) and stored."""
    folder = cache_dir()
    if folder is None:
        return build(sources)
    key = cache_key(sources)
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    stored = _read(path, key)
    if stored is not None:
        return stored
    tables = build(sources)
    _write(folder, path, key, tables)
    return tables


def _read(path: Path, key: str) -> dict | None:
    """The tables stored at path under key, or None (missing, truncated, corrupt or another key's)."""
    try:
        data = path.read_bytes()
        stored_key, tables = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return tables if stored_key == key and isinstance(tables, dict) else None


def _write(folder: Path, path: Path, key: str, tables: dict) -> None:
    """Store the tables atomically (a reader sees the whole file or none); give up quietly on any OS error."""
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((key, tables)))
        os.replace(temporary, path)
        _remove_stale(folder, path)
    except (OSError, ValueError):
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


def _remove_stale(folder: Path, keep: Path) -> None:
    """Remove other keys' tables unused for STALE_AFTER_DAYS, so edited rule files do not pile up."""
    oldest = time.time() - STALE_AFTER_DAYS * 86400
    for other in folder.glob(f"{PREFIX}*{SUFFIX}"):
        if other != keep and other.stat().st_mtime < oldest:
            other.unlink(missing_ok=True)

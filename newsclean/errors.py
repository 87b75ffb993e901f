"""The library's own exceptions; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


def printable(message: str) -> str:
    r"""A message with control and format characters shown as escapes: file names, record keys and
    URIs come from the outside and must never drive the terminal they are printed to.

    >>> printable("a\x1b[2Jb\u202e.txt\n")
    'a\\x1b[2Jb\\u202e.txt\\n'
    """
    if message.isprintable():
        return message
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)


class NewscleanError(Exception):
    """Base class: something about one input or the configuration is wrong."""


class InputError(NewscleanError):
    """An input cannot be read or is not something newsclean can clean."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NotTextError(InputError):
    """The input is binary data (PDF, image, random bytes), not text."""


class TooLargeError(InputError):
    """The input is larger than the configured --max-bytes."""


class ConfigError(NewscleanError):
    """A rules or configuration file is invalid."""


class OutputError(NewscleanError):
    """An output cannot be written where it belongs (a symlink or a file in the way inside OUTDIR)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

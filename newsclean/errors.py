"""The library's own exceptions; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


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

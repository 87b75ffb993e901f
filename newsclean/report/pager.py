"""Show long output in the user's pager, keeping colours, like git does.

`less` gets `LESS=FRX` unless the user set LESS: -R shows colours instead of escape codes,
-F quits at once when the report fits on one screen (so short reports print like any
output), -X leaves the report on the screen afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys

DEFAULT_PAGER = "less"
DEFAULT_LESS = "FRX"


def pager_command(environ: dict[str, str] | None = None) -> list[str]:
    """The pager to run: $PAGER, else less; an empty list when $PAGER is set to nothing or `cat`.

    >>> pager_command({"PAGER": "most -s"})
    ['most', '-s']
    >>> pager_command({})
    ['less']
    >>> pager_command({"PAGER": "cat"})
    []
    """
    env = os.environ if environ is None else environ
    command = shlex.split(env.get("PAGER", DEFAULT_PAGER))
    return [] if not command or command == ["cat"] else command


class SystemPager:
    """A rich pager (anything with `show(content)`) that pipes into $PAGER, falling back to stdout."""

    def show(self, content: str) -> None:
        """Page the content; print it directly when no pager can be started."""
        command = pager_command()
        env = dict(os.environ)
        env.setdefault("LESS", DEFAULT_LESS)
        encoding = sys.stdout.encoding or "utf-8"
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env) if command else None
        except OSError:
            process = None
        if process is None or process.stdin is None:
            sys.stdout.write(content)
            sys.stdout.flush()
            return
        try:
            process.stdin.write(content.encode(encoding, errors="replace"))
        except (BrokenPipeError, KeyboardInterrupt):
            pass  # the user quit (or pressed Ctrl-C in) the pager before it read everything
        with contextlib.suppress(OSError):
            process.stdin.close()
        while True:
            try:
                process.wait()
                break
            except KeyboardInterrupt:
                continue  # Ctrl-C belongs to the pager (less uses it); wait until it exits

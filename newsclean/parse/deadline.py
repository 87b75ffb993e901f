"""A time limit for one call into a library that cannot be told to stop (trafilatura on a pathological page).

Python cannot stop a running thread, but a signal handler can raise inside the main thread at
the next bytecode. So the limit holds in the main thread of a process (the CLI, each worker
of a process pool); elsewhere the call runs unbounded and the cheap size guards must do.
"""

from __future__ import annotations

# signal.signal's C core: the module's wrapper turns each handler it returns into a Handlers enum
# member, a failed enum lookup (an exception) for any function; two calls a deadline, and the fast
# engine sets two a page (about 12 of 22 us each, measured in a loop).
import _signal
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DeadlineExceeded(BaseException):
    """Raised inside the guarded code when its time is up.

    A BaseException, like KeyboardInterrupt, so that the library's own broad `except Exception`
    blocks cannot swallow it and carry on.
    """


def can_interrupt() -> bool:
    """True when a deadline can actually interrupt code here (main thread, SIGALRM available)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise DeadlineExceeded in the block after `seconds` of wall time (0 or less: no limit)."""
    if seconds <= 0 or not can_interrupt():
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise DeadlineExceeded(f"time limit of {seconds:g} s exceeded")

    previous_handler = _signal.signal(signal.SIGALRM, _expire)
    # Someone else's timer (an outer deadline) keeps running after ours, with what it has left.
    outer_left, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _signal.signal(signal.SIGALRM, previous_handler)
        if outer_left > 0:
            # A timer that came due meanwhile still fires (after a millisecond), late rather than never.
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 0.001))

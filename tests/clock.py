"""A clock the test controls: the time limit of a deadline runs out at the moment the test chooses.

newsclean's limits (html_timeout, clean_timeout) arm a real interval timer; a test that waits for
it against a page "slow enough" depends on how fast the machine is. Here the timer comes due
inside a chosen call instead: the same signal through the same handler, however fast the machine.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import Any

import pytest


def time_runs_out_in(monkeypatch: pytest.MonkeyPatch, owner: object, name: str,
                     when: Callable[..., bool]) -> list[float]:
    """Make the armed time limit run out inside owner.name whenever when(*args, **kwargs) holds.

    Returns the seconds that were left on the timer each time it ran out (so a test can check the
    configured limit was armed); fails the test if the call ran without a time limit at all.
    """
    original = getattr(owner, name)
    left: list[float] = []

    def out_of_time(*args: Any, **kwargs: Any) -> Any:
        if when(*args, **kwargs):
            remaining, _ = signal.getitimer(signal.ITIMER_REAL)
            if remaining <= 0:
                pytest.fail(f"{name} ran without a time limit")
            left.append(round(remaining))
            # The timer's own signal, now: its handler raises here, as it would when the time is up.
            signal.raise_signal(signal.SIGALRM)
            pytest.fail(f"the time limit ran out in {name} and nothing stopped it")
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, out_of_time)
    return left

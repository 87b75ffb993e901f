"""Growth, not seconds: how much longer a piece of work takes on an input `GROWTH` times as large.

A wall-clock limit fails on a slow or busy machine and lets a quadratic slide through on a fast one;
the ratio of two timings on the same machine, a moment apart, holds on both. Linear work grows
about GROWTH times, quadratic work GROWTH**2 times; GROWTH_LIMIT sits well between the two.

The time is the process's CPU time, not the wall clock: on a busy machine a longer run is
preempted more often, and wall time then grew 33 times for 8 times the (linear) work.
"""

from __future__ import annotations

import time
from collections.abc import Callable

GROWTH = 8
GROWTH_LIMIT = 24
SHORTEST = 1e-6  # seconds: a timer's resolution; a shorter run counts as this long


def best_time(run: Callable[[], object], repeats: int = 3) -> float:
    """The least CPU time of a few runs: the work it takes, without the machine's hiccups."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def growth(run: Callable[[int], object], size: int, repeats: int = 3) -> float:
    """How many times longer run(size) takes than run(size // GROWTH), each at its best of `repeats`.

    The two sizes take turns, so a burst of load elsewhere slows both rather than one of them.
    """
    small, large = float("inf"), float("inf")
    run(size // GROWTH)  # warm up: imports, compiled patterns and caches are not the work measured
    for _ in range(repeats):
        small = min(small, best_time(lambda: run(size // GROWTH), 1))
        large = min(large, best_time(lambda: run(size), 1))
    return large / max(small, SHORTEST)


def calls_per_timing(run: Callable[[], object], at_least: float = 1e-3) -> int:
    """How many calls of `run` in a row take at least `at_least` seconds of wall time.

    A run of a few microseconds is below what one CPU-time reading can be trusted with: on a
    virtual machine a reading of a 14 µs search once came back as 0.0, and the growth from it as
    96 000x. Timing this many calls in a row puts the measurement well above the clock's steps.
    """
    calls = 1
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            run()
        if time.perf_counter() - started >= at_least or calls >= 1 << 20:
            return calls
        calls *= 4


def best_time_per_call(run: Callable[[], object], calls: int, repeats: int = 5) -> float:
    """best_time of `calls` calls of `run` in a row, per call."""
    def many() -> None:
        for _ in range(calls):
            run()
    return best_time(many, repeats) / calls


"""The similarity of two strings: computed in Python for a process's first few comparisons, by
rapidfuzz after that, with the same value to the bit either way."""

from __future__ import annotations

import random

import pytest
from rapidfuzz.fuzz import ratio as rapid_ratio

from newsclean.parse import fuzzy
from newsclean.parse.fuzzy import indel_ratio

LINES = [
    "Japan and the US sign a deal on critical minerals",
    "Japan, US ink deal on critical minerals supply chains",
    "The council met on Tuesday to discuss the new budget for the city's schools.",
    "Der Stadtrat traf sich am Dienstag, um über den Haushalt zu beraten.",
    "日本と米国は重要鉱物の供給網で合意した。",
    "Share this article", "", "a", "😀 emoji 😀", "ÄÖÜ äöü ß",
]


def variants(seed: int) -> list[tuple[str, str]]:
    """Pairs of lines, of their cuts and of copies with a few characters changed."""
    rng = random.Random(seed)
    pairs = [(a, b) for a in LINES for b in LINES]
    for _ in range(2000):
        a = rng.choice(LINES)[: rng.randint(0, 80)] + rng.choice(LINES)
        b = list(a)
        for _ in range(rng.randint(0, 6)):
            if b:
                b[rng.randrange(len(b))] = rng.choice("xyzé中 .")
        pairs.append((a, "".join(b)[rng.randint(0, 5):]))
    return pairs


@pytest.mark.parametrize("seed", [1, 2])
def test_the_python_ratio_is_rapidfuzz_ratio_to_the_bit(seed: int) -> None:
    for a, b in variants(seed):
        assert indel_ratio(a, b) == rapid_ratio(a, b), (a, b)


def test_rapidfuzz_takes_over_once_the_budget_is_spent_or_for_long_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[int] = []
    monkeypatch.setattr(fuzzy, "indel_ratio", lambda a, b: computed.append(len(a)) or indel_ratio(a, b))
    monkeypatch.setattr(fuzzy, "_budget_left", 100)
    monkeypatch.setattr(fuzzy, "ratio", fuzzy.first_ratio)  # as in a new process (restored afterwards)
    assert fuzzy.ratio("a" * 60, "a" * 60) == 100.0 and computed == [60] and fuzzy.ratio is fuzzy.first_ratio
    assert fuzzy.ratio("b" * 60, "b" * 59) == rapid_ratio("b" * 60, "b" * 59) and computed == [60]  # over budget
    assert fuzzy.ratio is rapid_ratio
    monkeypatch.setattr(fuzzy, "_budget_left", 100)
    monkeypatch.setattr(fuzzy, "ratio", fuzzy.first_ratio)
    long = "x" * (fuzzy.PURE_MAX_CHARS + 1)
    assert fuzzy.ratio(long, long) == 100.0 and computed == [60] and fuzzy.ratio is rapid_ratio  # too long for Python

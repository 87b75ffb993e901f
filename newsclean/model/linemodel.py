"""How much each line looks like article text, in context: a small linear model over
language-independent features of the line and of its neighbourhood.

The weights live in `linemodel.json` beside this module. They are fitted by
`benchmarks/train_line_model.py` (an averaged structured perceptron that learns the span choice
of stages/main_text.py directly; cross-validated by page) on generic features only: length,
sentence punctuation, stop-word share, capitalisation, digits, position, repetition, and the same
signals averaged over neighbouring lines. No word or phrase of any page is a feature, so the model
carries over to other sites and languages.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, mul
from pathlib import Path

from ..parse.text import list_items
from . import features
from .features import LineFeatures

ONE, ZERO = 1.0, 0.0
SHORT_LINE_WORDS = 5  # a line of fewer words is short
LIST_RUN = 3  # bulleted lines in a row that make a list
NEAR = 3  # lines on each side for the near context
FAR = 10  # lines on each side for the wide context

# Own-line signals, then context signals. Order = order of the weights.
OWN = (
    "log_size",
    "prose",
    "sentence_end",
    "short_sentence",
    "ends_colon",
    "stop_share",
    "capitalised",
    "digit_share",
    "no_words",
    "short",
    "cjk",
    "rel_size",
    "repeated",
    "bullet",
)
CONTEXT = (
    "prev_prose",
    "next_prose",
    "prev_colon",
    "near_prose",
    "near_sentence",
    "near_short",
    "near_log_size",
    "far_prose",
    "far_sentence",
    "far_capitalised",
    "position",
    "after_end_marker",
    "in_list",
    "list_after_colon",
)
FEATURE_NAMES = ("bias", *OWN, *CONTEXT)


def _prefix(values: Sequence[float]) -> list[float]:
    return [0.0, *accumulate(values)]


def _window(column: list[float], radius: int) -> list[float]:
    """Mean of each line's neighbours within `radius` lines (the line itself excluded), in O(n)."""
    n = len(column)
    sums = _prefix(column)

    def edge(i: int) -> float:
        lo, hi = max(0, i - radius), min(n, i + radius + 1)
        width = hi - lo - 1
        return (sums[hi] - sums[lo] - column[i]) / width if width else 0.0

    if n <= 2 * radius:
        return [edge(i) for i in range(n)]
    width = 2 * radius
    inner = [(hi - lo - v) / width for lo, hi, v in zip(sums, sums[width + 1 :], column[radius : n - radius])]
    return [*map(edge, range(radius)), *inner, *map(edge, range(n - radius, n))]


def _list_runs(bullet: list[float], colon: list[float]) -> tuple[list[float], list[float]]:
    """Which lines belong to a run of LIST_RUN or more bulleted or numbered lines, and which of
    those runs follow a line ending with a colon (a list inside the text)."""
    n = len(bullet)
    in_list, after_colon = [ZERO] * n, [ZERO] * n
    i = 0
    while i < n:
        j = i
        while j < n and bullet[j]:
            j += 1
        if j - i >= LIST_RUN:
            introduced = ONE if i > 0 and colon[i - 1] > 0 else ZERO
            for k in range(i, j):
                in_list[k], after_colon[k] = ONE, introduced
        i = max(j, i + 1)
    return in_list, after_colon


def _after_marker(prose: list[float], end_markers: Sequence[bool]) -> list[float]:
    """1 for the lines below an end-of-article marker that itself follows some prose."""
    out, seen_prose, after = [], False, ZERO
    for is_prose, marker in zip(prose, end_markers):
        if marker and seen_prose:
            after = ONE
        seen_prose = seen_prose or bool(is_prose)
        out.append(after)
    return out


def _flags(values: Iterable[object]) -> list[float]:
    """1.0 or 0.0 for each value, as the two shared float objects (a huge page has many lines)."""
    return [ONE if value else ZERO for value in values]


def feature_columns(
    lines: Sequence[LineFeatures], texts: Sequence[str], end_markers: Sequence[bool] = ()
) -> Iterator[list[float]]:
    """The features of all lines, one column per name of FEATURE_NAMES (in that order).

    Computed column by column (each a C-speed comprehension or a prefix-sum window), because
    this runs for every line of every page; yielded one by one, so that a huge page never holds
    every column at once.
    """
    n = len(lines)
    biggest = max((f.size for f in lines), default=0.0) or 1.0
    size = [f.size for f in lines]
    # The flags straight from the values (a generator feeding _flags costs more than the flag).
    short = [ONE if x < SHORT_LINE_WORDS else ZERO for x in size]
    sentence_end = [ONE if f.sentence_end else ZERO for f in lines]
    prose = [ONE if f.is_prose else ZERO for f in lines]
    log_size = list(map(math.log1p, size))
    colon = [ONE if t.endswith((":", "：")) else ZERO for t in texts]
    capitalised = [f.capitalised for f in lines]
    bullet = _flags(list_items(texts))
    yield [ONE] * n  # bias
    yield log_size
    yield prose
    yield sentence_end
    yield [ONE if a and b else ZERO for a, b in zip(sentence_end, short)]
    yield colon
    yield [f.stop_share for f in lines]
    yield capitalised
    yield [f.digit_share for f in lines]
    yield [ZERO if f.words else ONE for f in lines]
    yield short
    yield [ONE if f.cjk else ZERO for f in lines]
    yield [x / biggest for x in size]
    counts = Counter(texts)
    yield [ONE if s and counts[t] > 1 else ZERO for t, s in zip(texts, short)]
    del counts
    yield bullet
    yield [ZERO, *prose[:-1]]
    yield [*prose[1:], ZERO]
    yield [ZERO, *colon[:-1]]
    yield _window(prose, NEAR)
    yield _window(sentence_end, NEAR)
    yield _window(short, NEAR)
    yield _window(log_size, NEAR)
    yield _window(prose, FAR)
    yield _window(sentence_end, FAR)
    yield _window(capitalised, FAR)
    yield [i / (n - 1) if n > 1 else ZERO for i in range(n)]
    yield _after_marker(prose, end_markers or [False] * n)
    yield from _list_runs(bullet, colon)  # in_list, list_after_colon


def line_vectors(lines: Sequence[LineFeatures], texts: Sequence[str], end_markers: Sequence[bool] = ()) -> list[list[float]]:
    """One feature vector per line (FEATURE_NAMES order), from the line and its neighbours.

    `end_markers` flags lines that are end-of-article markers ("Comments", "Related"); lines
    below one that follows some prose get the `after_end_marker` signal.
    """
    return [list(row) for row in zip(*feature_columns(lines, texts, end_markers))] if lines else []


@lru_cache(maxsize=1)
def default_weights() -> tuple[float, ...]:
    """The fitted weights shipped with newsclean, in FEATURE_NAMES order."""
    try:
        text = Path(__file__).with_name("linemodel.json").read_text(encoding="utf-8")
    except OSError:  # installed in a zip: only importlib.resources (5 ms to import) can read it
        from importlib import resources

        text = resources.files(__package__).joinpath("linemodel.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return tuple(float(data["weights"].get(name, 0.0)) for name in FEATURE_NAMES)


def line_scores(
    lines: Sequence[LineFeatures],
    texts: Sequence[str],
    end_markers: Sequence[bool] = (),
    weights: Sequence[float] | None = None,
) -> list[float]:
    """How much each line reads as article text (positive) or page furniture (negative)."""
    if not lines:
        return []
    if features.compiled_core is not None:
        # The same columns and sums in C doubles, operation for operation (_features.c: model_scores).
        bullets = list_items(texts)
        return features.compiled_core.model_scores(weights or default_weights(), lines, texts, end_markers, bullets)
    scores = [0.0] * len(lines)
    for weight, column in zip(weights or default_weights(), feature_columns(lines, texts, end_markers)):
        if weight:
            # score + weight * value for each line, summed in the same order, at C speed.
            scores = list(map(add, scores, map(mul, repeat(weight), column)))
    return scores

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
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .features import LineFeatures
from .text import is_list_item

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


def _own(f: LineFeatures, text: str, biggest: float, repeats: int) -> list[float]:
    short = f.size < 5
    return [
        math.log1p(f.size),
        float(f.is_prose),
        float(f.sentence_end),
        float(f.sentence_end and short),
        float(text.endswith((":", "："))),
        f.stop_share,
        f.capitalised,
        f.digit_share,
        float(f.words == 0),
        float(short),
        float(f.cjk),
        f.size / biggest if biggest else 0.0,
        float(repeats > 1 and short),
        float(is_list_item(text)),
    ]


def _prefix(values: Sequence[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _list_runs(bullet: list[float], colon: list[float]) -> tuple[list[float], list[float]]:
    """Which lines belong to a run of LIST_RUN or more bulleted or numbered lines, and which of
    those runs follow a line ending with a colon (a list inside the text)."""
    n = len(bullet)
    in_list, after_colon = [0.0] * n, [0.0] * n
    i = 0
    while i < n:
        j = i
        while j < n and bullet[j]:
            j += 1
        if j - i >= LIST_RUN:
            introduced = float(i > 0 and colon[i - 1] > 0)
            for k in range(i, j):
                in_list[k], after_colon[k] = 1.0, introduced
        i = max(j, i + 1)
    return in_list, after_colon


def line_vectors(lines: Sequence[LineFeatures], texts: Sequence[str], end_markers: Sequence[bool] = ()) -> list[list[float]]:
    """One feature vector per line (FEATURE_NAMES order), from the line and its neighbours.

    `end_markers` flags lines that are end-of-article markers ("Comments", "Related"); lines
    below one that follows some prose get the `after_end_marker` signal.
    """
    n = len(lines)
    if n == 0:
        return []
    biggest = max(f.size for f in lines)
    counts = Counter(texts)
    own = [_own(f, t, biggest, counts[t]) for f, t in zip(lines, texts)]
    col = {name: [o[k] for o in own] for k, name in enumerate(OWN)}
    # Prefix sums make every window mean O(1): the cost stays linear in the number of lines.
    sums = {name: _prefix(col[name]) for name in ("prose", "sentence_end", "short", "log_size", "capitalised")}

    def window(name: str, i: int, radius: int) -> float:
        lo, hi = max(0, i - radius), min(n, i + radius + 1)
        width = hi - lo - 1
        return (sums[name][hi] - sums[name][lo] - col[name][i]) / width if width else 0.0

    markers = list(end_markers) or [False] * n
    in_list, after_colon = _list_runs(col["bullet"], col["ends_colon"])
    vectors = []
    prose_seen, after_marker = False, 0.0
    for i, o in enumerate(own):
        if markers[i] and prose_seen:
            after_marker = 1.0
        prose_seen = prose_seen or bool(col["prose"][i])
        context = [
            col["prose"][i - 1] if i > 0 else 0.0,
            col["prose"][i + 1] if i + 1 < n else 0.0,
            col["ends_colon"][i - 1] if i > 0 else 0.0,
            window("prose", i, NEAR),
            window("sentence_end", i, NEAR),
            window("short", i, NEAR),
            window("log_size", i, NEAR),
            window("prose", i, FAR),
            window("sentence_end", i, FAR),
            window("capitalised", i, FAR),
            i / (n - 1) if n > 1 else 0.0,
            after_marker,
            in_list[i],
            after_colon[i],
        ]
        vectors.append([1.0, *o, *context])
    return vectors


@lru_cache(maxsize=1)
def default_weights() -> tuple[float, ...]:
    """The fitted weights shipped with newsclean, in FEATURE_NAMES order."""
    data = json.loads(resources.files(__package__).joinpath("linemodel.json").read_text(encoding="utf-8"))
    return tuple(float(data["weights"].get(name, 0.0)) for name in FEATURE_NAMES)


def line_scores(
    lines: Sequence[LineFeatures],
    texts: Sequence[str],
    end_markers: Sequence[bool] = (),
    weights: Sequence[float] | None = None,
) -> list[float]:
    """How much each line reads as article text (positive) or page furniture (negative)."""
    w = weights or default_weights()
    return [sum(a * b for a, b in zip(w, v)) for v in line_vectors(lines, texts, end_markers)]

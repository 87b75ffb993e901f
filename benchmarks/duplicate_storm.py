"""How long cleaning takes on a dump full of repetition: the duplicate stages' worst case.

    python benchmarks/duplicate_storm.py [--paragraphs 5000] [--storm-lines 50000] [--runs 3] [--by-stage]

Builds the dump at run time (seeded, so every run cleans the same text): `--paragraphs` paragraphs of
running text of which about half are near-duplicates of earlier ones (a changed word, a truncated
copy, damaged spacing, another case), with menu lines and repeated runs between them; and, with
`--storm-lines N`, N near-identical long lines that share their first and last words (the blocking
keys) and differ only in a number in the middle. Prints the median wall time of `newsclean.clean`
over `--runs` runs; `--by-stage` adds the median time of each stage.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

import newsclean
from newsclean.config import DEFAULT_CONFIG
from newsclean.parse.dump import parse_text_dump
from newsclean.pipeline import STAGES

WORDS = (
    "the council river water school bridge harbour budget residents farmers ferry island police market "
    "museum hospital station district summer winter rain drought minister report plan year week road "
    "city village company workers union price rent tax train line court judge vote mayor lake shore"
).split()
GLUE = "of and in to on for with after before said that was were has had would could will from".split()
MENU = ["Home", "News", "Share", "Most read", "Sign up for our newsletter", "Advertisement", "By Maria Lindqvist"]


def sentence(rng: random.Random) -> str:
    """A sentence of 12 to 30 words that reads as running text (stop words between content words)."""
    words = [rng.choice(WORDS) if i % 2 else rng.choice(GLUE) for i in range(rng.randint(12, 30))]
    return " ".join(words).capitalize() + "."


def near_copy(text: str, rng: random.Random) -> str:
    """A damaged copy: one changed word, a truncated copy, glued words, or upper case."""
    kind = rng.randrange(4)
    words = text.split()
    if kind == 0:
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        return " ".join(words)
    if kind == 1:
        return " ".join(words[: max(8, len(words) * 3 // 4)])
    if kind == 2:
        at = rng.randrange(1, len(words))
        return " ".join(words[: at - 1] + [words[at - 1] + words[at]] + words[at + 1 :])
    return text.upper()


def storm_dump(paragraphs: int, storm_lines: int, seed: int = 7) -> str:
    """The benchmark dump: paragraphs with near-duplicates, menus and repeated runs, then the storm lines."""
    rng = random.Random(seed)
    lines: list[str] = ["Lake levels fall to record low after dry summer"]
    originals: list[str] = []
    while len(lines) <= paragraphs:
        roll = rng.random()
        if roll < 0.45 or not originals:
            text = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
            originals.append(text)
            lines.append(text)
        elif roll < 0.9:
            lines.append(near_copy(rng.choice(originals), rng))
        elif roll < 0.95:
            start = rng.randrange(len(originals))
            lines.extend(originals[start : start + rng.randint(3, 8)])  # a whole repeated run
        else:
            lines.append(rng.choice(MENU))
    del lines[paragraphs + 1 :]
    for i in range(storm_lines):
        lines.append(
            f"The river gauge at the old harbour bridge showed a reading of {1000 + i} centimetres "
            "on the morning the regional flood warning was issued."
        )
    return "\n".join(lines) + "\n"


def time_stages(text: str) -> dict[str, float]:
    """Seconds spent in each stage of one run (parse included)."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    doc = parse_text_dump(text)
    times["parse"] = time.perf_counter() - start
    for stage in STAGES:
        start = time.perf_counter()
        doc = stage(doc, DEFAULT_CONFIG)
        times[stage.__name__] = time.perf_counter() - start
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=5000, help="paragraphs of the dump (default 5000)")
    ap.add_argument("--storm-lines", type=int, default=0, help="near-identical lines added below (e.g. 50000)")
    ap.add_argument("--runs", type=int, default=3, help="runs to take the median of (default 3)")
    ap.add_argument("--by-stage", action="store_true", help="also print the median time of each stage")
    args = ap.parse_args()
    text = storm_dump(args.paragraphs, args.storm_lines)
    newsclean.clean("warm up the rules and the line model\n")
    runs, stage_runs, doc = [], [], None
    for _ in range(args.runs):
        start = time.perf_counter()
        doc = newsclean.clean(text)
        runs.append(time.perf_counter() - start)
        if args.by_stage:
            stage_runs.append(time_stages(text))
    assert doc is not None
    removed = newsclean.to_dict(doc)["counts"]["removed_by_stage"]
    print(
        f"dump: {len(doc.blocks):,} lines ({args.paragraphs:,} paragraphs + {args.storm_lines:,} storm lines), "
        f"{len(text.encode('utf-8')) / 1e6:.1f} MB"
    )
    print(f"kept {len(doc.paragraphs):,}; removed {', '.join(f'{n:,} {stage}' for stage, n in removed.items())}")
    if args.by_stage:
        for name in stage_runs[0]:
            print(f"  {name:<24} {statistics.median(r[name] for r in stage_runs):8.3f} s")
    print(f"median clean time over {args.runs} runs: {statistics.median(runs):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The "auto" HTML engine's thresholds (pipeline.fast_reading_is_sure) over a grid, on dev and train.

    python benchmarks/auto_thresholds.py            # the grid's best rule for each share of pages sent
    python benchmarks/auto_thresholds.py --top 20   # also the 20 best rules by F1
    python benchmarks/auto_thresholds.py --loso 0.2 0.3  # each source's F1, rule chosen on the others
    python benchmarks/auto_thresholds.py --by-source     # each source's F1 by engine, shipped thresholds

Each page is cleaned once by the fast engine and once by the trafilatura engine and both are scored
with score.py (as benchmarks/html_engines.py does); the auto engine's F1 on a page is then the fast
engine's when fast_reading_is_sure says so under the thresholds tried, else the trafilatura
engine's. The share of pages sent to trafilatura is what auto pays for its second look.

`--loso SHARE...` checks the choice itself: for each source (dev, and train's cwced, fundus and
newspaper), the rule with the best page F1 on the other sources among those sending at most SHARE
of their pages is applied to the held-out source.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

from accuracy import load_pages, score_page
from html_engines import CORPORA

import newsclean
from newsclean import pipeline

FAST = newsclean.Config(html_engine="fast")
TRAFILATURA = newsclean.Config(html_engine="trafilatura")
GRID = {
    "SURE_MIN_WORDS": (100, 150, 200),
    "SURE_MIN_PROSE_KEPT": (0.0, 0.3, 0.5, 0.6, 0.7, 0.8),
    "SURE_MIN_LANDMARK_KEPT": (0.0, 0.5, 0.6, 0.7, 0.8, 0.9),
    "SURE_MIN_BODY_KEPT": (0.0, 0.5, 0.7, 0.9),
    "SURE_WITHOUT_SECOND_HEADLINE": (False, True),
}
SHARES = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def page_results(corpus: str) -> list[tuple[newsclean.Document, float, float]]:
    """Each page's fast-engine Document, its F1, and the trafilatura engine's F1."""
    out = []
    for page in load_pages(CORPORA[corpus], ["html"], None):
        raw = newsclean.RawDocument(str(page.inputs["html"]), page.inputs["html"].read_bytes())
        fast = newsclean.clean_raw(raw, FAST)
        slow = newsclean.clean_raw(raw, TRAFILATURA)
        out.append((fast, score_page("\n\n".join(fast.paragraphs), page.gold)["F1"],
                    score_page("\n\n".join(slow.paragraphs), page.gold)["F1"]))
    return out


def auto_scores(results: list[tuple[newsclean.Document, float, float]]) -> tuple[float, float]:
    """Macro F1 of the auto engine under the thresholds set now, and the share of pages it sends."""
    sure = [pipeline.fast_reading_is_sure(doc, FAST) for doc, _, _ in results]
    f1 = sum(fast if ok else slow for ok, (_, fast, slow) in zip(sure, results)) / len(results)
    return f1, 1 - sum(sure) / len(results)


# Train pages' sources by their ID's prefix (as benchmarks/train_line_model.py groups them).
SOURCE_PREFIXES = (("fundus-", "fundus"), ("newspaper4k-", "newspaper"), ("newspaper-", "newspaper"), ("cwced-", "cwced"))


def source_of(corpus: str, doc: newsclean.Document) -> str:
    """The source a page counts under: `dev`, or its train source."""
    name = Path(doc.source).name
    return next((source for prefix, source in SOURCE_PREFIXES if name.startswith(prefix)), corpus)


def by_source(results: dict[str, list[tuple[newsclean.Document, float, float]]]) -> None:
    """Print each source's page F1 (newspaper4k apart from newspaper) under the shipped thresholds:
    the trafilatura engine, fast, auto, the share auto sends, and the better engine of each page."""
    groups: dict[str, list[tuple[newsclean.Document, float, float]]] = {}
    for corpus, rows in results.items():
        for row in rows:
            name = Path(row[0].source).name
            source = "newspaper4k" if name.startswith("newspaper4k-") else source_of(corpus, row[0])
            groups.setdefault(source, []).append(row)
    for source, rows in groups.items():
        f1, sent = auto_scores(rows)
        n = len(rows)
        print(f"{source} ({n} pages): trafilatura engine {sum(r[2] for r in rows) / n:.4f}, fast "
              f"{sum(r[1] for r in rows) / n:.4f}, auto {f1:.4f} (sent {sent:.0%}), best of both "
              f"{sum(max(r[1:]) for r in rows) / n:.4f}")


def held_out(pages: list[tuple[str, float, float]], rules: list, sure_flags: list[list[bool]], share: float) -> None:
    """Print each source's auto F1 under the rule chosen on the other sources (best page F1 among
    the rules sending at most `share` of their pages)."""
    def f1_and_sent(flags: list[bool], keep) -> tuple[float, float]:
        chosen = [(sure, fast, slow) for sure, (source, fast, slow) in zip(flags, pages) if keep(source)]
        return (sum(fast if sure else slow for sure, fast, slow in chosen) / len(chosen),
                1 - sum(sure for sure, _, _ in chosen) / len(chosen))

    for source in dict.fromkeys(s for s, _, _ in pages):
        others = [(f1_and_sent(flags, lambda s: s != source), i) for i, flags in enumerate(sure_flags)]
        (_, _), best = max(((f1, sent), i) for (f1, sent), i in others if sent <= share)
        f1, sent = f1_and_sent(sure_flags[best], lambda s: s == source)
        mine = [(fast, slow) for s, fast, slow in pages if s == source]
        fast_f1, slow_f1 = (sum(row[k] for row in mine) / len(mine) for k in (0, 1))
        print(f"at most {share:.0%}: held out {source} ({len(mine)} pages): auto F1 {f1:.4f}, sent {sent:.0%}; "
              f"fast {fast_f1:.4f}, trafilatura engine {slow_f1:.4f}; rule chosen on the others: {rules[best][2]}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=0, help="also list the N best rules by dev + train F1")
    ap.add_argument("--by-source", action="store_true",
                    help="also each source's F1 by engine under the shipped thresholds (newspaper4k apart)")
    ap.add_argument("--loso", type=float, nargs="+", default=[],
                    help="held-out check of the best rule sending at most this share (one check per share given)")
    args = ap.parse_args(argv)
    results = {corpus: page_results(corpus) for corpus in CORPORA}
    for corpus, rows in results.items():
        print(f"{corpus}: fast {sum(r[1] for r in rows) / len(rows):.4f}, trafilatura engine "
              f"{sum(r[2] for r in rows) / len(rows):.4f}, best of both {sum(max(r[1:]) for r in rows) / len(rows):.4f}")
    if args.by_source:
        by_source(results)
    shipped = {name: getattr(pipeline, name) for name in GRID}
    rules = []
    pages = [(corpus, fast, slow) for corpus, rows in results.items() for _, fast, slow in rows]
    sources = [source_of(corpus, doc) for corpus, rows in results.items() for doc, _, _ in rows]
    sure_flags = []  # for each rule, whether it keeps each page's fast reading (pages' order)
    try:
        for values in itertools.product(*GRID.values()):
            for name, value in zip(GRID, values):
                setattr(pipeline, name, value)
            flags = [pipeline.fast_reading_is_sure(doc, FAST) for rows in results.values() for doc, _, _ in rows]
            scores = {corpus: (sum(fast if sure else slow for sure, (c, fast, slow) in zip(flags, pages) if c == corpus)
                               / len(rows), 1 - sum(sure for sure, (c, _, _) in zip(flags, pages) if c == corpus) / len(rows))
                      for corpus, rows in results.items()}
            rules.append((sum(f1 for f1, _ in scores.values()), sum(s for _, s in scores.values()) / len(scores),
                          dict(zip(GRID, values)), scores))
            sure_flags.append(flags)
    finally:
        for name, value in shipped.items():
            setattr(pipeline, name, value)
    for share in args.loso:
        held_out([(source, fast, slow) for source, (_, fast, slow) in zip(sources, pages)], rules, sure_flags, share)
    print("shipped:", shipped, {c: f"F1 {f:.4f}, sent {s:.0%}" for c, (f, s) in
                                 ((c, auto_scores(rows)) for c, rows in results.items())})
    for share in SHARES:
        best = max((r for r in rules if r[1] <= share), key=lambda r: r[0], default=None)
        if best:
            print(f"sending at most {share:.0%}:", best[2], {c: f"F1 {f:.4f}, sent {s:.0%}" for c, (f, s) in best[3].items()})
    for rule in sorted(rules, key=lambda r: -r[0])[: args.top]:
        print(rule[2], {c: f"F1 {f:.4f}, sent {s:.0%}" for c, (f, s) in rule[3].items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())

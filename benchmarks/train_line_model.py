"""Fit the line model's weights (newsclean/linemodel.json) on a labelled corpus.

    pip install numpy
    python benchmarks/train_line_model.py [--corpus ../shared/corpus/dev] [--epochs 60] [--cv 6] [--write]

The model scores each line from language-independent features (linemodel.FEATURE_NAMES); the
article is the span of lines with the largest total of (words + region_line_weight) * score
(stages/main_text.py). The weights are learnt for that span choice directly, with an averaged
structured perceptron: for each page, find the span the current weights choose, and when it is
not the labelled one, move the weights towards the labelled span's features and away from the
chosen one's. Labels are the manifest's article line range (`block`) of each page, mapped onto
the lines still kept when the span is chosen, for both the clean (`.txt`) and the faulty
(`.noisy.txt`) dump of every page.

`--cv K` reports the token F1 of the whole pipeline on each page with weights learnt without
that page (K folds by page, both dumps of a page in the same fold): the honest estimate.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import random
import sys
from pathlib import Path

import numpy as np

import newsclean
from newsclean.api import parse
from newsclean.config import DEFAULT_CONFIG
from newsclean.model import linemodel
from newsclean.model.features import analyze
from newsclean.parse.text import normalize_line
from newsclean.pipeline import STAGES
from newsclean.read.raw import decode
from newsclean.rules import load_rules
from newsclean.stages import main_text

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".txt", ".noisy.txt")
WEIGHTS = ROOT / "newsclean" / "model" / "linemodel.json"


def load_scorer(corpus: Path):
    """score.py from the shared tools beside the corpus (stdlib only)."""
    spec = importlib.util.spec_from_file_location("score", corpus.parents[1] / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_example(corpus: Path, page: str, suffix: str, block: tuple[int, int]):
    """Feature matrix, line sizes, labelled span and marker zones of one dump, as main_text sees it."""
    rules = load_rules()
    text, _ = decode((corpus / f"{page}{suffix}").read_bytes())
    doc = parse(text, page)
    for stage in STAGES[: STAGES.index(main_text.mark_outside_main_text)]:
        stage(doc, DEFAULT_CONFIG)
    lines = analyze(doc, rules).lines
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    kept_lines = [lines[i] for i in kept]
    texts = [doc.blocks[i].text for i in kept]
    flags = [main_text.is_end_marker(f, rules) for f in kept_lines]
    matrix = np.array(linemodel.line_vectors(kept_lines, texts, flags))
    raw = (corpus / f"{page}.txt").read_text(encoding="utf-8").split("\n")
    article = {normalize_line(line) for line in raw[block[0] : block[1]]}
    inside = [j for j, i in enumerate(kept) if doc.blocks[i].text in article]
    span = (inside[0], inside[-1] + 1) if inside else (0, 0)
    markers = main_text.confirmed_markers(kept_lines, texts, rules)
    sizes = np.array([f.size for f in kept_lines])
    return matrix, sizes, span, (kept_lines, texts, markers)


def choose(scores: np.ndarray, sizes: np.ndarray, context) -> tuple[int, int]:
    """The span main_text chooses for these line scores, before its edges are trimmed (the
    labelled spans are not trimmed either)."""
    _, _, markers = context
    gains = [main_text.segment_gain(size, score, DEFAULT_CONFIG) for size, score in zip(sizes, scores)]
    return main_text.choose_span(gains, markers, DEFAULT_CONFIG)


def span_features(matrix: np.ndarray, weight: np.ndarray, span: tuple[int, int]) -> np.ndarray:
    start, end = span
    return (matrix[start:end] * weight[start:end, None]).sum(0) if end > start else np.zeros(matrix.shape[1])


def train(examples: list, epochs: int, seed: int, runs: int = 5) -> np.ndarray:
    """Mean of `runs` averaged perceptrons, each visiting the pages in its own random orders
    (one run's weights depend on the order; the mean is stabler)."""
    return np.mean([train_once(examples, epochs, seed + run) for run in range(runs)], axis=0)


def train_once(examples: list, epochs: int, seed: int) -> np.ndarray:
    """Averaged structured perceptron over the pages' span choices."""
    config = DEFAULT_CONFIG
    weights = np.zeros(len(linemodel.FEATURE_NAMES))
    weights[linemodel.FEATURE_NAMES.index("bias")] = -0.5
    weights[linemodel.FEATURE_NAMES.index("prose")] = 1.0
    total, steps = np.zeros_like(weights), 0
    rng = random.Random(seed)
    for _ in range(epochs):
        order = examples[:]
        rng.shuffle(order)
        for matrix, sizes, gold, context in order:
            weight = sizes + config.region_line_weight
            chosen = choose(matrix @ weights, sizes, context)
            if chosen != gold:
                delta = span_features(matrix, weight, gold) - span_features(matrix, weight, chosen)
                weights += delta / weight.sum()
            total += weights
            steps += 1
    return total / steps


def pipeline_f1(corpus: Path, pages: list[str], suffix: str, weights_of, scorer) -> float:
    """Macro token F1 of the whole pipeline with the given weights per page."""
    original = linemodel.default_weights
    scores = []
    try:
        for page in pages:
            w = tuple(weights_of(page))
            linemodel.default_weights = lambda w=w: w
            doc = newsclean.clean_file(str(corpus / f"{page}{suffix}"))
            gold = (corpus / f"{page}.gold.txt").read_text(encoding="utf-8")
            scores.append(scorer.score_doc("\n\n".join(doc.paragraphs), gold)["F1"])
    finally:
        linemodel.default_weights = original
    return sum(scores) / len(scores)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cv", type=int, default=0, help="also report K-fold cross-validated F1")
    ap.add_argument("--write", action="store_true", help=f"write the weights to {WEIGHTS.relative_to(ROOT)}")
    args = ap.parse_args()
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    pages = sorted(manifest)
    examples = {
        (page, suffix): page_example(args.corpus, page, suffix, tuple(manifest[page]["block"]))
        for page in pages
        for suffix in SUFFIXES
    }
    weights = train(list(examples.values()), args.epochs, args.seed)
    scorer = load_scorer(args.corpus)
    report = {}
    for suffix in SUFFIXES:
        report[f"train_f1{suffix}"] = round(pipeline_f1(args.corpus, pages, suffix, lambda p: weights, scorer), 4)
    if args.cv:
        order = pages[:]
        random.Random(args.seed).shuffle(order)
        folds = [order[k :: args.cv] for k in range(args.cv)]
        fold_weights = {}
        for fold in folds:
            held_out = set(fold)
            fitted = train([ex for (p, _), ex in examples.items() if p not in held_out], args.epochs, args.seed)
            fold_weights.update((p, fitted) for p in fold)
        for suffix in SUFFIXES:
            report[f"cv_f1{suffix}"] = round(pipeline_f1(args.corpus, pages, suffix, fold_weights.get, scorer), 4)
    print(json.dumps(report, indent=1))
    if args.write:
        data = {
            "weights": dict(zip(linemodel.FEATURE_NAMES, (round(float(x), 6) for x in weights))),
            "trained": {
                "date": datetime.date.today().isoformat(),
                "corpus": args.corpus.name,
                "pages": len(pages),
                "epochs": args.epochs,
                "seed": args.seed,
                **report,
            },
        }
        WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

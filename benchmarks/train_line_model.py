"""Fit the line model's weights (newsclean/model/linemodel.json) on every labelled page.

    pip install numpy
    python benchmarks/train_line_model.py                 # fit on dev + train, score each source
    python benchmarks/train_line_model.py --loso --write  # also leave-one-source-out; ship the weights
    python benchmarks/train_line_model.py --corpora dev --cv 6   # the old dev-only K-fold check
    python benchmarks/train_line_model.py --html --loso --write  # the page model (model/dommodel.json)
    python benchmarks/train_line_model.py --loso --oracle --labels best   # another labelling, and its ceiling
    python benchmarks/train_line_model.py --loso --labels agreeing --from-shipped 1   # variants, not shipped
    python benchmarks/train_line_model.py --keep-shipped --refine 0.5 --jobs 2   # the shipped weights, checked on every page

The model scores each line from language-independent features (linemodel.FEATURE_NAMES); the
article is the span of lines with the largest total of (words + region_line_weight) * score
(stages/main_text.py). The weights are learnt for that span choice directly, with an averaged
structured perceptron: for each page, find the span the current weights choose, and when it is
not the labelled one, move the weights towards the labelled span's features and away from the
chosen one's. Labels are the manifest's article line range (`block`) of each page, mapped onto
the lines still kept when the span is chosen, for both the clean (`.txt`) and the faulty
(`.noisy.txt`) dump of every page. The labelled span runs from the first to the last of those
lines (`--labels first-last`, the default), or is the span with the most article words less
other words (`--labels best`): a short article line printed again far away ("Werbung
überspringen", "Stellenmarkt", a table's "备注" cell) stretches first-last over the junk between
(99 of the 570 pages, 70 of them fundus). `--oracle` reports the pipeline's F1 with the
labelled span handed to it in place of the model's choice: best 0.957, first-last 0.951 on all
570 pages (fundus 0.951 against 0.943), the shipped weights 0.9425. No fit of either labelling,
nor of the variants in benchmarks/results/loso.md, beat the shipped dev-only weights there.
`--labels agreeing` is first-last, less the dumps where the two labellings disagree (their spans
share under LABEL_AGREEMENT of their words): those labels are in doubt, and left out of training.

The fit starts from bias -0.5 and prose 1 (the default), or from the shipped weights times SCALE
(`--from-shipped SCALE`, a fine-tune: a larger SCALE makes each step smaller beside them, a prior
centred on them). The default stays the one reproducible command: the variants measured against
it (weighing pages or sources, the dev pages weighted up, fine-tuning, agreeing labels, blends
with the shipped weights, stopping early) are in benchmarks/results/loso.md; none met issue 12's
bars on every source at once.

Pages come from the corpora given (default: shared/corpus/dev and shared/corpus/train), grouped
into sources: `dev`, and by ID prefix `fundus`, `newspaper` (newspaper- and newspaper4k-) and
`cwced`. The pages whose gold is only part of the article (PARTIAL_GOLDS, from the train
corpus's README) are left out of training and of the scores.

Each source weighs the same in training (`--by-page` weighs each page the same instead): fundus
alone has more pages than the three other sources, and the model is for sites none of them has.

`--loso` reports, for each source, the token F1 of the whole pipeline (score.py's token F1 on the
`.noisy.txt` dumps) with weights fitted on the other sources only: the honest estimate for sites
the model has never seen. Every run also reports the shipped weights ("before") and the weights
fitted on everything ("all", in-sample) on each source.

`--refine STEPS` then climbs the measure itself, on every page fitted on: one weight at a time is
moved by +-STEP (each STEP in turn, largest first), and a move is kept when the whole pipeline's
macro F1 (each source weighing the same, as in training) gains at least REFINE_MIN_GAIN; it stops
when no move gains. The perceptron's objective is the untrimmed span; this one is what users get.
`--keep-shipped` starts it from the shipped weights instead of a new perceptron fit: it is how the
shipped weights are checked against every labelled page (on 570 pages at 2026-12-07, no move of
0.5 gained: they are a local maximum of the pipeline's F1 on dev and train together, where the
perceptron's all-data fit scores 0.0010 lower). Each try scores every page: one pass over the 29
weights took 18 minutes on two cores (`--jobs 2`).

`--html` fits the page model instead (newsclean/model/dommodel.json: the text columns and the
DOM columns of model/dommodel.py, for HTML read by the fast reader) on each page's `ID.html`, as
the fast engine sees it when it chooses the article's edges (after `page_furniture` and the text
stages before the span). Its labels come from the gold: the span from the first to the last block
whose text is a gold line or starts with a piece of the gold text. F1 is the fast engine's on the pages.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

import newsclean
from newsclean.api import parse
from newsclean.config import DEFAULT_CONFIG, Config
from newsclean.document import Document
from newsclean.model import dommodel, linemodel
from newsclean.model.features import analyze
from newsclean.parse.text import normalize_line
from newsclean.pipeline import STAGES, TEXT_STAGES_FOR_PAGES
from newsclean.read.raw import decode
from newsclean.rules import load_rules
from newsclean.stages import main_text
from newsclean.stages.dom import mark_page_furniture
from newsclean.stages.dom_text import mark_outside_page_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUFFIXES = (".txt", ".noisy.txt")
SCORED_SUFFIX = ".noisy.txt"
WEIGHTS = ROOT / "newsclean" / "model" / "linemodel.json"
PAGE_WEIGHTS = ROOT / "newsclean" / "model" / "dommodel.json"
FAST = Config(html_engine="fast")
# A block this long whose first LABEL_KEY_CHARS characters are in the gold text is article text
# (gold lines may split or join the page's blocks: cwced keeps the source's hard line breaks).
LABEL_MIN_CHARS = 15
LABEL_KEY_CHARS = 40
# Golds that hold only part of the article (shared/corpus/train/README.md, "Caveats"): learning
# from them would teach the model to cut real articles short.
PARTIAL_GOLDS = frozenset(
    {
        "newspaper-cntraveler.com1",
        "newspaper-cntraveler.com2",
        "newspaper-slate.com2",
        "newspaper-upworthy.com2",
        "fundus-uk-TheIndependent_2023_08_14-h",
    }
)
SOURCE_PREFIXES = (("fundus-", "fundus"), ("newspaper4k-", "newspaper"), ("newspaper-", "newspaper"), ("cwced-", "cwced"))


# What --help says of the default (the module docstring says more).
FIT_CHOICE = (
    "The default is the one reproducible fit: first-last labels, each source weighing the same, 30 epochs x 3 "
    "runs from bias -0.5 and prose 1. Weighing pages instead, the dev pages weighted up, --labels agreeing, "
    "--from-shipped (a prior centred on the shipped weights) and stopping early were measured against it "
    "(benchmarks/results/loso.md): none kept every source within 0.002 of the shipped dev-only weights, "
    "which stay in linemodel.json: `--keep-shipped --refine 0.5` finds no move of one weight that raises the "
    "pipeline's F1 on all 570 pages."
)


class Page:
    """One labelled page: its corpus directory, ID and source."""

    def __init__(self, corpus: Path, page_id: str, block: tuple[int, int]) -> None:
        self.corpus, self.id, self.block = corpus, page_id, block
        self.source = next((name for prefix, name in SOURCE_PREFIXES if page_id.startswith(prefix)), corpus.name)

    def path(self, suffix: str) -> Path:
        return self.corpus / f"{self.id}{suffix}"


def load_pages(corpora: Sequence[Path]) -> list[Page]:
    """Every page of the corpora's manifests, without the partial golds."""
    pages = []
    for corpus in corpora:
        manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
        pages += [Page(corpus, pid, tuple(manifest[pid]["block"])) for pid in sorted(manifest) if pid not in PARTIAL_GOLDS]
    return pages


def load_scorer():
    """score.py from the shared tools (stdlib only)."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kept_view(doc: Document, rules):
    """The kept blocks' positions, features, texts and end-marker flags, as the span stage sees them."""
    lines = analyze(doc, rules).lines
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    kept_lines = [lines[i] for i in kept]
    texts = [doc.blocks[i].text for i in kept]
    marker_at = main_text.page_end_markers(doc, rules)  # as main_text.scored_span reads them
    return kept, kept_lines, texts, [marker_at[i] for i in kept]


# `--refine`: a move must gain this much macro F1 to be kept (a page's F1 moves by about 1/500 of
# that on a single changed line: smaller gains are noise of a few pages, not a better model).
REFINE_MIN_GAIN = 2e-4


# `--labels agreeing`: a dump whose first-last and best spans share less than this (word-weighted
# F1 of their lines) is left out of training.
LABEL_AGREEMENT = 0.9


def span_overlap(sizes: Sequence[float], a: tuple[int, int], b: tuple[int, int]) -> float:
    """Word-weighted F1 of two spans' lines (1.0 for two empty spans)."""
    shared = sum(sizes[max(a[0], b[0]) : min(a[1], b[1])])
    total = sum(sizes[a[0] : a[1]]) + sum(sizes[b[0] : b[1]])
    return 2 * shared / total if total else 1.0


def labelled_span(sizes: Sequence[float], inside: list[int], labels: str = "first-last") -> tuple[int, int]:
    """The span the model should choose, from the positions of the article's lines.

    "first-last": from the first to the last article line. "best": the span with the most article
    words less the other words (each line weighing its words + region_line_weight, as in the span
    choice), so that a short line of the article printed again far away (an ad label, a table's
    "Note" cell) does not stretch the span over what lies between.
    """
    if not inside:
        return 0, 0
    if labels in ("first-last", "agreeing"):
        return inside[0], inside[-1] + 1
    article = set(inside)
    signed = [(size + DEFAULT_CONFIG.region_line_weight) * (1 if j in article else -1) for j, size in enumerate(sizes)]
    start, end, _ = main_text.best_segment(signed)
    return start, end


def training_span(sizes: Sequence[float], inside: list[int], labels: str) -> tuple[int, int] | None:
    """The labelled span to train on, or None when `agreeing` finds the labels in doubt."""
    span = labelled_span(sizes, inside, labels)
    if labels == "agreeing" and span_overlap(sizes, span, labelled_span(sizes, inside, "best")) < LABEL_AGREEMENT:
        return None
    return span


def example_of(matrix: np.ndarray, kept_lines: list, texts: list[str], inside: list[int], rules, labels: str = "first-last"):
    """A training example: the matrix, the line sizes, the labelled span (None when the labels
    are in doubt: `agreeing`) and the marker bounds."""
    span = training_span([f.size for f in kept_lines], inside, labels)
    bounds = [-1, *sorted(main_text.confirmed_markers(kept_lines, texts, rules)), len(texts)]
    return matrix, np.array([f.size for f in kept_lines], dtype=float), span, bounds


def article_lines(page: Page) -> set[str]:
    """The normalised lines of the page's article: its manifest `block` of the clean dump."""
    raw = page.path(".txt").read_text(encoding="utf-8").split("\n")
    return {normalize_line(line) for line in raw[page.block[0] : page.block[1]]}


def page_example(page: Page, suffix: str, labels: str = "first-last"):
    """Feature matrix, line sizes, labelled span and marker bounds of one dump, as main_text sees it."""
    rules = load_rules()
    text, _ = decode(page.path(suffix).read_bytes())
    doc = parse(text, page.id)
    for stage in STAGES[: STAGES.index(main_text.mark_outside_main_text)]:
        stage(doc, DEFAULT_CONFIG)
    kept, kept_lines, texts, flags = kept_view(doc, rules)
    matrix = np.array(linemodel.line_vectors(kept_lines, texts, flags), dtype=float).reshape(len(kept), -1)
    article = article_lines(page)
    return example_of(matrix, kept_lines, texts, [j for j, t in enumerate(texts) if t in article], rules, labels)


def page_example_html(page: Page, suffix: str, labels: str = "first-last"):
    """page_example for the page's HTML read by the fast reader: text and DOM columns, gold span."""
    rules = load_rules()
    text, _ = decode(page.path(suffix).read_bytes())
    doc = mark_page_furniture(parse(text, page.id, config=FAST, kind="text/html"), FAST)
    left = Document(source=doc.source, blocks=doc.kept(), meta=doc.meta, input_format=doc.input_format)
    for stage in TEXT_STAGES_FOR_PAGES[: TEXT_STAGES_FOR_PAGES.index(mark_outside_page_article)]:
        stage(left, FAST)
    kept, kept_lines, texts, flags = kept_view(left, rules)
    rows = zip(linemodel.line_vectors(kept_lines, texts, flags), dommodel.dom_vectors([left.blocks[i].dom for i in kept]))
    matrix = np.array([own + dom for own, dom in rows], dtype=float).reshape(len(kept), -1)
    gold = [normalize_line(line) for line in page.path(".gold.txt").read_text(encoding="utf-8").split("\n")]
    gold_lines, gold_text = set(gold), " ".join(gold)
    inside = [j for j, t in enumerate(texts)
              if t in gold_lines or (len(t) >= LABEL_MIN_CHARS and t[:LABEL_KEY_CHARS] in gold_text)]
    return example_of(matrix, kept_lines, texts, inside, rules, labels)


def choose(scores: np.ndarray, sizes: np.ndarray, bounds: list[int]) -> tuple[int, int]:
    """The span main_text.choose_span picks for these line scores, before its edges are trimmed
    (the labelled spans are not trimmed either)."""
    gains = ((sizes + DEFAULT_CONFIG.region_line_weight) * scores).tolist()
    return main_text.choose_span(gains, dict.fromkeys(bounds[1:-1], ""), DEFAULT_CONFIG)


def span_features(matrix: np.ndarray, weight: np.ndarray, span: tuple[int, int]) -> np.ndarray:
    start, end = span
    return (matrix[start:end] * weight[start:end, None]).sum(0) if end > start else np.zeros(matrix.shape[1])


def train(examples: list, epochs: int, seed: int, runs: int, names: Sequence[str] = linemodel.FEATURE_NAMES,
          start: np.ndarray | None = None) -> np.ndarray:
    """Mean of `runs` averaged perceptrons, each visiting the pages in its own random orders
    (one run's weights depend on the order; the mean is stabler)."""
    return np.mean([train_once(examples, epochs, seed + run, names, start) for run in range(runs)], axis=0)


def train_once(examples: list, epochs: int, seed: int, names: Sequence[str] = linemodel.FEATURE_NAMES,
               start: np.ndarray | None = None) -> np.ndarray:
    """Averaged structured perceptron over the pages' span choices, from `start` (else bias -0.5
    and prose 1)."""
    if start is not None:
        weights = np.array(start, dtype=float)
    else:
        weights = np.zeros(len(names))
        weights[names.index("bias")] = -0.5
        weights[names.index("prose")] = 1.0
    total, steps = np.zeros_like(weights), 0
    rng = random.Random(seed)
    for _ in range(epochs):
        order = examples[:]
        rng.shuffle(order)
        for matrix, sizes, gold, bounds, share in order:
            if not len(sizes):
                continue
            weight = sizes + DEFAULT_CONFIG.region_line_weight
            chosen = choose(matrix @ weights, sizes, bounds)
            if chosen != gold:
                delta = span_features(matrix, weight, gold) - span_features(matrix, weight, chosen)
                weights += share * delta / weight.sum()
            total += weights
            steps += 1
    return total / steps


def pipeline_scores(pages: Sequence[Page], weights_of: Callable[[Page], Sequence[float]], scorer,
                    html: bool = False) -> dict[str, float]:
    """Token F1 of the whole pipeline on each page's scored dump (its HTML with the fast engine,
    for the page model), with the given weights per page."""
    model = dommodel if html else linemodel
    original = model.default_weights
    split = len(linemodel.FEATURE_NAMES)
    scores = {}
    try:
        for page in pages:
            w = tuple(float(x) for x in weights_of(page))
            model.default_weights = (lambda w=w: (w[:split], w[split:])) if html else (lambda w=w: w)
            scores[page.id] = page_f1(page, scorer, html)
    finally:
        model.default_weights = original
    return scores


def page_f1(page: Page, scorer, html: bool = False) -> float:
    """Token F1 of the whole pipeline on the page's scored dump (its HTML with the fast engine)."""
    doc = newsclean.clean_file(str(page.path(".html")), FAST) if html else newsclean.clean_file(str(page.path(SCORED_SUFFIX)))
    return scorer.score_doc("\n\n".join(doc.paragraphs), page.path(".gold.txt").read_text(encoding="utf-8"))["F1"]


_WORKER: dict = {}


def _scores_in_worker(job: tuple[tuple[float, ...], list[int], bool]) -> dict[str, float]:
    """pipeline_scores in a worker process: the pages are the parent's (inherited at fork)."""
    weights, indices, html = job
    pages = [_WORKER["pages"][i] for i in indices]
    return pipeline_scores(pages, lambda p: weights, _WORKER["scorer"], html)


class PipelineScorer:
    """Token F1 of the whole pipeline on every page for one weight vector, in `jobs` processes."""

    def __init__(self, pages: Sequence[Page], scorer, html: bool, jobs: int) -> None:
        self.pages, self.scorer, self.html, self.jobs = list(pages), scorer, html, jobs
        self.pool = None
        if jobs > 1:
            import multiprocessing

            _WORKER.update(pages=self.pages, scorer=scorer)
            self.pool = multiprocessing.get_context("fork").Pool(jobs)

    def __call__(self, weights: Sequence[float], pages: Sequence[Page]) -> dict[str, float]:
        if self.pool is None:
            return pipeline_scores(pages, lambda p: weights, self.scorer, self.html)
        index = {p.id: i for i, p in enumerate(self.pages)}
        chosen = [index[p.id] for p in pages]
        jobs = [(tuple(float(x) for x in weights), chosen[k :: self.jobs], self.html) for k in range(self.jobs)]
        scores: dict[str, float] = {}
        for part in self.pool.map(_scores_in_worker, jobs):
            scores.update(part)
        return scores

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def source_macro(pages: Sequence[Page], scores: dict[str, float]) -> float:
    """Mean over sources of their mean F1: each source weighs the same, as in training."""
    by_source = macro_by_source(pages, scores)
    return sum(v for k, v in by_source.items() if k != "all") / (len(by_source) - 1)


def refine(weights: np.ndarray, pages: Sequence[Page], score_all: PipelineScorer, steps: Sequence[float],
           names: Sequence[str], log: Callable[[str], None]) -> tuple[np.ndarray, list[str]]:
    """Coordinate ascent of the pipeline's macro F1 on `pages` from `weights` (see the module's
    docstring): the weights it ends at, and the moves it kept."""
    weights = np.array(weights, dtype=float)
    best = source_macro(pages, score_all(weights, pages))
    log(f"refine: start {best:.5f}")
    moves = []
    for step in sorted(steps, reverse=True):
        moved = True
        while moved:
            moved = False
            for k, name in enumerate(names):
                for sign in (1.0, -1.0):
                    trial = weights.copy()
                    trial[k] += sign * step
                    value = source_macro(pages, score_all(trial, pages))
                    if value >= best + REFINE_MIN_GAIN:
                        weights, best, moved = trial, value, True
                        moves.append(f"{name} {sign * step:+g} -> {value:.5f}")
                        log(f"refine: {moves[-1]}")
                        break
    log(f"refine: end {best:.5f} after {len(moves)} moves")
    return weights, moves


def oracle_scores(pages: Sequence[Page], scorer, labels: str) -> dict[str, float]:
    """Token F1 of the whole pipeline on each page's scored dump when the span choice is handed
    the labelled span (the line scores +1 inside it, -1 outside): the most that a better span
    choice alone could give, and how good a target each way of labelling is."""
    original = main_text.line_scores
    scores = {}
    try:
        for page in pages:
            article = article_lines(page)

            def labelled(lines: list, texts: list[str], end_markers: list[bool], article: set[str] = article) -> list[float]:
                inside = [j for j, text in enumerate(texts) if text in article]
                start, end = labelled_span([f.size for f in lines], inside, labels)
                return [1.0 if start <= j < end else -1.0 for j in range(len(texts))]

            main_text.line_scores = labelled
            scores[page.id] = page_f1(page, scorer)
    finally:
        main_text.line_scores = original
    return scores


def macro_by_source(pages: Sequence[Page], scores: dict[str, float]) -> dict[str, float]:
    """Mean F1 per source, then over every page."""
    out = {}
    for source in dict.fromkeys(p.source for p in pages):
        values = [scores[p.id] for p in pages if p.source == source]
        out[source] = round(sum(values) / len(values), 4)
    out["all"] = round(sum(scores[p.id] for p in pages) / len(pages), 4)
    return out


def commit() -> str:
    """The code's commit, for the record in linemodel.json."""
    result = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=FIT_CHOICE)
    ap.add_argument("--corpora", nargs="+", type=Path, default=[SHARED / "corpus" / "dev", SHARED / "corpus" / "train"])
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3, help="perceptrons averaged (each its own page order)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--by-page", action="store_true", help="weigh every page the same in training, not every source")
    ap.add_argument("--labels", choices=("first-last", "best", "agreeing"), default="first-last",
                    help="the labelled span: first to last article line, or the span with the most article words "
                    "less other words, or first-last with the dumps where the two disagree left out")
    ap.add_argument("--from-shipped", type=float, metavar="SCALE",
                    help="start from the shipped weights times SCALE (a fine-tune; larger SCALE, smaller steps)")
    ap.add_argument("--oracle", action="store_true", help="also report F1 with the labelled span handed to the pipeline")
    ap.add_argument("--loso", action="store_true", help="also report leave-one-source-out F1")
    ap.add_argument("--cv", type=int, default=0, help="also report K-fold (by page) cross-validated F1")
    ap.add_argument("--save-loso", type=Path, help="write each held-out source's weights to DIR/loso-SOURCE.json (to study them)")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages of each source (held-out scores)")
    ap.add_argument("--html", action="store_true", help="fit the page model (text and DOM columns) on the pages' HTML")
    ap.add_argument("--refine", type=lambda text: [float(x) for x in text.split(",")], metavar="STEPS",
                    help="then move one weight at a time by +-STEP while the pipeline's macro F1 gains (comma-separated steps)")
    ap.add_argument("--keep-shipped", action="store_true",
                    help="no perceptron fit: the shipped weights are the fit (with --refine: check them on every page)")
    ap.add_argument("--jobs", type=int, default=1, help="processes that score the pages (--refine)")
    ap.add_argument("--write", action="store_true", help=f"write the weights to {WEIGHTS.relative_to(ROOT)} "
                    f"({PAGE_WEIGHTS.relative_to(ROOT)} with --html)")
    args = ap.parse_args()
    if args.keep_shipped and (args.loso or args.cv):
        ap.error("--keep-shipped has no held-out estimate: the shipped weights were fitted on dev")
    suffixes = (".html",) if args.html else SUFFIXES
    example = page_example_html if args.html else page_example
    names = (*linemodel.FEATURE_NAMES, *dommodel.DOM_NAMES) if args.html else linemodel.FEATURE_NAMES
    target = PAGE_WEIGHTS if args.html else WEIGHTS
    pages = load_pages(args.corpora)
    scorer = load_scorer()
    print(f"{len(pages)} pages: " + ", ".join(f"{s} {sum(p.source == s for p in pages)}" for s in dict.fromkeys(p.source for p in pages)), file=sys.stderr)
    examples = {} if args.keep_shipped else {
        (page.id, suffix): example(page, suffix, args.labels) for page in pages for suffix in suffixes}
    print("features done", file=sys.stderr)

    def fit(keep: Callable[[Page], bool]) -> np.ndarray:
        chosen = [p for p in pages if keep(p)]
        weights = np.array(shipped, dtype=float) if args.keep_shipped else perceptron(chosen)
        if args.refine:
            weights, moves[frozenset(p.id for p in chosen)] = refine(
                weights, chosen, score_all, args.refine, names, lambda line: print(line, file=sys.stderr, flush=True))
        return weights

    def perceptron(chosen: list[Page]) -> np.ndarray:
        # Each source weighs the same in training (fundus alone has more pages than the rest):
        # the model is for sites none of them has, not for the biggest source's habits.
        per_source = Counter(p.source for p in chosen)
        share = {src: len(chosen) / (len(per_source) * n) for src, n in per_source.items()} if not args.by_page else {}
        return train(
            [(*examples[p.id, s], share.get(p.source, 1.0)) for p in chosen for s in suffixes if examples[p.id, s][2] is not None],
            args.epochs, args.seed, args.runs, names, start,
        )

    table: dict[str, dict[str, float]] = {}
    shipped = tuple(np.concatenate(dommodel.default_weights())) if args.html else linemodel.default_weights()
    start = None if args.from_shipped is None else np.array(shipped) * args.from_shipped
    score_all = PipelineScorer(pages, scorer, args.html, args.jobs)
    moves: dict[frozenset[str], list[str]] = {}
    before_scores = score_all(shipped, pages)
    table["before"] = macro_by_source(pages, before_scores)
    if args.oracle and not args.html:
        table["oracle"] = macro_by_source(pages, oracle_scores(pages, scorer, args.labels))
    print(json.dumps({"before": table["before"]}), file=sys.stderr)
    weights = fit(lambda p: True)
    # (--keep-shipped with no move: the weights scored above)
    all_scores = before_scores if np.array_equal(weights, shipped) else score_all(weights, pages)
    table["all"] = macro_by_source(pages, all_scores)
    print(json.dumps({"all": table["all"]}), file=sys.stderr)
    held_scores = None
    if args.loso:
        sources = list(dict.fromkeys(p.source for p in pages))
        fitted = {source: fit(lambda p, s=source: p.source != s) for source in sources}
        held_scores = pipeline_scores(pages, lambda p: fitted[p.source], scorer, args.html)
        table["loso"] = macro_by_source(pages, held_scores)
        if args.save_loso:
            args.save_loso.mkdir(parents=True, exist_ok=True)
            for source, fitted_weights in fitted.items():
                weights_json = {"weights": dict(zip(names, (round(float(x), 6) for x in fitted_weights)))}
                (args.save_loso / f"loso-{source}.json").write_text(json.dumps(weights_json, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({"loso": table["loso"]}), file=sys.stderr)
    if args.cv:
        order = [p.id for p in pages]
        random.Random(args.seed).shuffle(order)
        folds = [set(order[k :: args.cv]) for k in range(args.cv)]
        fold_weights = {}
        for fold in folds:
            fitted_without = fit(lambda p, f=fold: p.id not in f)
            fold_weights.update(dict.fromkeys(fold, fitted_without))
        held_scores = pipeline_scores(pages, lambda p: fold_weights[p.id], scorer, args.html)
        table[f"cv{args.cv}"] = macro_by_source(pages, held_scores)
    score_all.close()
    print(json.dumps(table, indent=1))
    if args.worst:
        shown = held_scores or all_scores
        for source in dict.fromkeys(p.source for p in pages):
            ranked = sorted((shown[p.id], p.id) for p in pages if p.source == source)[: args.worst]
            print(source, ", ".join(f"{pid} {f1:.3f}" for f1, pid in ranked))
    if args.write:
        refined = {
            "date": datetime.date.today().isoformat(),
            "pages": len(pages),
            "steps": args.refine,
            "min_gain": REFINE_MIN_GAIN,
            "moves": moves.get(frozenset(p.id for p in pages), []),
            "code": f"{commit()} (benchmarks/train_line_model.py{' --keep-shipped' if args.keep_shipped else ''} --refine)",
        } if args.refine else None
        if args.keep_shipped:  # the shipped fit's own record stays; the check is added to it
            trained = json.loads(target.read_text(encoding="utf-8"))["trained"]
            trained["refined"] = {**(refined or {}), f"f1{SCORED_SUFFIX}": table}
            data = {"weights": dict(zip(names, (round(float(x), 6) for x in weights))), "trained": trained}
            target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {target}", file=sys.stderr)
            return 0
        data = {
            "weights": dict(zip(names, (round(float(x), 6) for x in weights))),
            "trained": {
                "date": datetime.date.today().isoformat(),
                "corpora": [c.name for c in args.corpora],
                "pages": len(pages),
                "left_out": sorted(PARTIAL_GOLDS),
                "epochs": args.epochs,
                "runs": args.runs,
                "seed": args.seed,
                "labels": args.labels,
                "from_shipped": args.from_shipped,
                "refined": refined,
                "code": f"{commit()} (benchmarks/train_line_model.py, on the code of that commit or its child)",
                f"f1{'.html (fast engine)' if args.html else SCORED_SUFFIX}": table,
            },
        }
        target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

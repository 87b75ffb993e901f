"""newsclean's HTML cleaning against trafilatura's own extract() (default settings) on the labelled HTML pages.

    python benchmarks/html_vs_trafilatura.py [--corpus ../shared/corpus/dev] [--rounds 3] [--out benchmarks/results/html.json]

All get the page's raw bytes. The reference is extract() with default settings (text only);
trafilatura with its metadata (title, author, date, ...), which newsclean also reports, is
timed beside it. Accuracy: token precision, recall and F1 (and on 4-token runs)
against ID.gold.txt, with ../shared/tools/score.py's own functions; macro means over pages.
Speed: CPU time per page (time.process_time, so other processes on the machine count less),
the minimum over `--rounds` rounds for each page and tool, run alternately so that both meet
the same caches; summed over pages. `run()` returns the same record for other harnesses
(benchmarks/accuracy.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

import newsclean

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "benchmarks" / "results" / "html.json"


def load_scorer(shared: Path = SHARED) -> ModuleType:
    """../shared/tools/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def newsclean_text(data: bytes, source: str) -> str:
    """The article body newsclean writes for one page (what `text` holds in its JSON)."""
    return "\n\n".join(newsclean.clean_bytes(data, source).paragraphs)


def trafilatura_text(data: bytes, source: str) -> str:
    """trafilatura's extract() with its default settings."""
    return trafilatura.extract(data) or ""


def trafilatura_with_metadata(data: bytes, source: str) -> str:
    """trafilatura's default extraction plus its metadata: the same fields newsclean reports."""
    result = trafilatura.bare_extraction(data, with_metadata=True)
    return (result.text or "") if result is not None else ""


TOOLS: dict[str, Callable[[bytes, str], str]] = {
    "newsclean": newsclean_text,
    "trafilatura_extract_default": trafilatura_text,
    "trafilatura_with_metadata": trafilatura_with_metadata,
}


def run(corpus: Path, rounds: int = 3) -> dict[str, Any]:
    """Scores and CPU time per page of every tool on corpus/*.html (pages with a gold text)."""
    score = load_scorer(corpus.resolve().parents[1])  # shared/corpus/dev -> shared/tools/score.py
    pages = sorted(p for p in corpus.glob("*.html") if (corpus / f"{p.stem}.gold.txt").exists())
    data = {p.stem: p.read_bytes() for p in pages}
    for tool in TOOLS.values():  # warm up: imports, lazily built tables
        tool(data[pages[0].stem], str(pages[0]))
    best: dict[str, dict[str, float]] = {name: {} for name in TOOLS}
    texts: dict[str, dict[str, str]] = {name: {} for name in TOOLS}
    for _ in range(rounds):
        for page in pages:
            for name, tool in TOOLS.items():
                started = time.process_time()
                texts[name][page.stem] = tool(data[page.stem], str(page))
                took = time.process_time() - started
                best[name][page.stem] = min(took, best[name].get(page.stem, took))
    result: dict[str, Any] = {"corpus": str(corpus), "pages": len(pages), "rounds": rounds}
    per_page: dict[str, dict[str, float]] = {}
    for name in TOOLS:
        scores = {}
        for page in pages:
            gold = (corpus / f"{page.stem}.gold.txt").read_text(encoding="utf-8")
            s1 = score.score_doc(texts[name][page.stem], gold, 1)
            s4 = score.score_doc(texts[name][page.stem], gold, 4)
            scores[page.stem] = (s1, s4)
            per_page.setdefault(page.stem, {})[f"{name}_f1"] = round(s1["F1"], 4)
        n = len(pages)
        result[name] = {
            "P": round(sum(s1["P"] for s1, _ in scores.values()) / n, 4),
            "R": round(sum(s1["R"] for s1, _ in scores.values()) / n, 4),
            "F1": round(sum(s1["F1"] for s1, _ in scores.values()) / n, 4),
            "F1_ngram4": round(sum(s4["F1"] for _, s4 in scores.values()) / n, 4),
            "dupexcess_ngram4": round(sum(s4["dupexcess"] for _, s4 in scores.values()) / n, 4),
            "cpu_ms_per_page": round(1000 * sum(best[name].values()) / n, 2),
        }
    result["time_ratio"] = round(
        result["newsclean"]["cpu_ms_per_page"] / result["trafilatura_extract_default"]["cpu_ms_per_page"], 3
    )
    result["per_page"] = per_page
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--rounds", type=int, default=3, help="time each page this many times, keep the fastest")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    result = run(args.corpus, args.rounds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{'':30} {'P':>6} {'R':>6} {'F1':>6} {'F1@4':>6} {'ms/page':>8}")
    for name in TOOLS:
        r = result[name]
        print(f"{name:30} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} {r['F1_ngram4']:6.3f} {r['cpu_ms_per_page']:8.1f}")
    print(f"time ratio newsclean / trafilatura: {result['time_ratio']:.2f}  ({result['pages']} pages) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

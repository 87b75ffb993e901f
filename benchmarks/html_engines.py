"""newsclean's HTML engines beside the fast extractors, speed and accuracy in one run (one process).

    python benchmarks/html_engines.py                       # dev and train, every system
    python benchmarks/html_engines.py --corpora dev --systems fast,auto --no-write
    python benchmarks/html_engines.py --worst 10            # also the fast engine's worst pages

For each corpus (`../shared/corpus/dev`, `../shared/corpus/train`) every system reads each
`ID.html` (raw bytes, as `newsclean clean` gets them) and is scored against `ID.gold.txt` with
`../shared/tools/score.py`'s own functions (as benchmarks/accuracy.py does):

- newsclean with `html_engine` "fast", "auto" and "trafilatura" (clean_raw, the CLI's call);
- trafilatura `extract()` with its defaults;
- resiliparse `extract_plain_text(main_content=True)` (skipped with a note when not installed).

Speed is pages per second of CPU time of this process (time.process_time around each system's
own call), i.e. per core: the machine is shared, and CPU time is what other work cannot inflate.
Results go to `benchmarks/results/html_engines.json` (per-page P, R, F1) and `html_engines.md`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from accuracy import SHARED, Page, load_pages, markdown_table, score_page, trafilatura_mode

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
CORPORA = {"dev": SHARED / "corpus" / "dev", "train": SHARED / "corpus" / "train"}

Extractor = Callable[[bytes, Path], str]


def newsclean_engine(engine: str) -> Extractor:
    """newsclean's clean_raw (what `newsclean clean` calls per file) with the given html_engine."""

    def run(data: bytes, path: Path) -> str:
        import newsclean

        doc = newsclean.clean_raw(newsclean.RawDocument(str(path), data), newsclean.Config(html_engine=engine))
        return "\n\n".join(doc.paragraphs)

    return run


def resiliparse_main_content(data: bytes, path: Path) -> str:
    """resiliparse's main-content text extraction on the page (its own decoding of the bytes)."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(bytes_to_str(data, detect_encoding(data))), main_content=True)


SYSTEMS: dict[str, tuple[str, Extractor, str]] = {
    # key: (row label, extractor, module it needs)
    "fast": ("newsclean --html-engine fast", newsclean_engine("fast"), "selectolax"),
    "auto": ("newsclean --html-engine auto", newsclean_engine("auto"), "selectolax"),
    "trafilatura-engine": ("newsclean --html-engine trafilatura", newsclean_engine("trafilatura"), "trafilatura"),
    "trafilatura": ("trafilatura extract()", trafilatura_mode(), "trafilatura"),
    "resiliparse": ("resiliparse extract_plain_text(main_content=True)", resiliparse_main_content, "resiliparse"),
}


def run_system(extract: Extractor, pages: Sequence[Page]) -> dict[str, Any]:
    """One system over the pages: per-page scores, CPU seconds of its own calls, failures."""
    inputs = [(page, page.inputs["html"].read_bytes()) for page in pages if "html" in page.inputs]
    if inputs:  # one untimed call, so lazy imports are not billed to the first page
        try:
            extract(inputs[0][1], inputs[0][0].inputs["html"])
        except Exception:  # noqa: BLE001 - recorded per page below
            pass
    scores: dict[str, dict[str, float]] = {}
    errors: dict[str, str] = {}
    seconds = 0.0
    for page, data in inputs:
        t0 = time.process_time()
        try:
            pred = extract(data, page.inputs["html"])
        except Exception as exc:  # noqa: BLE001 - a failure scores as an empty prediction
            pred = ""
            errors[page.doc_id] = f"{type(exc).__name__}: {exc}"[:200]
        seconds += time.process_time() - t0
        full = score_page(pred, page.gold)
        scores[page.doc_id] = {key: round(full[key], 4) for key in ("P", "R", "F1", "dupexcess4")}
    n = len(scores)
    macro = {k: sum(s[k] for s in scores.values()) / n if n else 0.0 for k in ("P", "R", "F1", "dupexcess4")}
    return {"pages": scores, "errors": errors, "seconds": seconds, "docs": n,
            "pages_per_s": n / seconds if seconds else 0.0, **macro}


def versions() -> dict[str, str]:
    """Versions of the packages that matter here."""
    out = {"python": platform.python_version()}
    for name in ("newsclean", "trafilatura", "selectolax", "resiliparse"):
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            pass
    try:
        out["commit"] = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"],
                                       capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def worst(results: dict[str, Any], system: str, corpus: str, count: int) -> list[list[str]]:
    """The system's lowest-F1 pages on a corpus, with the trafilatura engine's F1 beside them."""
    mine = results[corpus][system]["pages"]
    other = results[corpus].get("trafilatura-engine", {}).get("pages", {})
    rows = sorted(mine.items(), key=lambda item: item[1]["F1"])[:count]
    return [[doc_id, f"{s['P']:.3f}", f"{s['R']:.3f}", f"{s['F1']:.3f}",
             f"{other[doc_id]['F1']:.3f}" if doc_id in other else ""] for doc_id, s in rows]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default="dev,train", help="comma-separated: dev, train")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated: {', '.join(SYSTEMS)}")
    ap.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    ap.add_argument("--worst", type=int, default=0, help="list the fast engine's N worst pages per corpus")
    ap.add_argument("--no-write", action="store_true", help="print only; leave benchmarks/results alone")
    ap.add_argument("--out", type=Path, default=RESULTS, help="folder for html_engines.md and .json")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpora = [c for c in args.corpora.split(",") if c]
    systems = [s for s in args.systems.split(",") if s]
    unknown = sorted(set(systems) - set(SYSTEMS)) + sorted(set(corpora) - set(CORPORA))
    if unknown:
        print(f"unknown: {', '.join(unknown)}", file=sys.stderr)
        return 2
    notes = []
    for key in list(systems):
        if importlib.util.find_spec(SYSTEMS[key][2]) is None:
            notes.append(f"{SYSTEMS[key][0]}: skipped ({SYSTEMS[key][2]} is not installed)")
            systems.remove(key)
    load_before = os.getloadavg()[0]
    results: dict[str, dict[str, Any]] = {}
    rows = []
    for corpus in corpora:
        pages = load_pages(CORPORA[corpus], ["html"], args.limit)
        results[corpus] = {}
        for key in systems:
            cell = run_system(SYSTEMS[key][1], pages)
            results[corpus][key] = cell
            rows.append([corpus, SYSTEMS[key][0], f"{cell['pages_per_s']:.1f}", f"{cell['P']:.3f}",
                         f"{cell['R']:.3f}", f"{cell['F1']:.3f}", f"{cell['dupexcess4']:.4f}",
                         str(len(cell["errors"])) if cell["errors"] else ""])
            print(" | ".join(rows[-1]), flush=True)
    header = ["corpus", "system", "pages/s (CPU, 1 core)", "P", "R", "F1", "dupexcess4", "errors"]
    meta = versions()
    lines = [
        f"# HTML engines, {dt.date.today().isoformat()}",
        "",
        f"`benchmarks/html_engines.py`, one process; {', '.join(f'{k} {v}' for k, v in meta.items())}; "
        f"load average {load_before:.2f} -> {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs. "
        "Speed is pages per CPU second of this process (time.process_time around each call: reading the "
        "bytes' encoding, parsing, cleaning); F1 is score.py's macro token F1 against the gold.",
        "",
        markdown_table(header, rows),
    ]
    for note in notes:
        lines += ["", note]
    if args.worst and "fast" in systems:
        for corpus in corpora:
            lines += ["", f"The fast engine's worst pages on `{corpus}`:", "",
                      markdown_table(["page", "P", "R", "F1", "trafilatura engine F1"],
                                     worst(results, "fast", corpus, args.worst))]
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "html_engines.md").write_text(report, encoding="utf-8")
        (args.out / "html_engines.json").write_text(
            json.dumps({"versions": meta, "results": results}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

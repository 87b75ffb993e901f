"""Quick in-process accuracy check on the labelled dev corpus (../shared/corpus/dev).

    python benchmarks/dev_eval.py [--suffix .noisy.txt] [--worst 15] [--page ID]

Scores with ../shared/tools/score.py's own functions (tokens and 4-grams), per page and macro.
For the full side-by-side comparison with peers, see benchmarks/accuracy.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import newsclean

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--suffix", default=".noisy.txt")
    ap.add_argument("--worst", type=int, default=15, help="show this many worst pages")
    ap.add_argument("--page", help="show the marks of one page")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    score = load_scorer()
    rows, elapsed, size = [], 0.0, 0
    for gold in sorted(args.corpus.glob("*.gold.txt")):
        doc_id = gold.name[: -len(".gold.txt")]
        if args.page and doc_id != args.page:
            continue
        path = args.corpus / (doc_id + args.suffix)
        data = path.read_bytes()
        size += len(data)
        t0 = time.process_time()
        doc = newsclean.clean_bytes(data, str(path))
        elapsed += time.process_time() - t0
        pred = "\n\n".join(doc.paragraphs)
        gold_text = gold.read_text(encoding="utf-8")
        s1 = score.score_doc(pred, gold_text, 1)
        s4 = score.score_doc(pred, gold_text, 4)
        rows.append((doc_id, s1, s4, doc))
    n = len(rows)
    macro = {k: sum(r[1][k] for r in rows) / n for k in ("P", "R", "F1")}
    dup4 = sum(r[2]["dupexcess"] for r in rows) / n
    if args.page:
        doc = rows[0][3]
        gold_lines = set((args.corpus / (args.page + ".gold.txt")).read_text().split("\n"))
        for b in doc.blocks:
            g = "G" if b.text in gold_lines else " "
            mark = "  KEEP" if b.kept else f"  [{b.removal.stage.value}: {b.removal.reason}]"
            print(f"{b.line:4d} {g} {b.text[:90]!s:90}{mark[:70]}")
    else:
        for doc_id, s1, s4, doc in sorted(rows, key=lambda r: r[1]["F1"])[: args.worst]:
            print(f"{doc_id:32} P={s1['P']:.3f} R={s1['R']:.3f} F1={s1['F1']:.3f} dup4={s4['dupexcess']:.3f} {doc.verdict.value}")
    print(f"macro P={macro['P']:.3f} R={macro['R']:.3f} F1={macro['F1']:.3f} dupexcess4={dup4:.4f} docs={n} "
          f"{size / 1e6 / elapsed:.1f} MB/s (CPU time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

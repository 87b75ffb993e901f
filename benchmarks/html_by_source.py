"""F1 per corpus and source of newsclean runs saved as JSONL, beside trafilatura's extract() on the same pages.

    newsclean clean ../shared/corpus/train -f jsonl --jobs 2 > train.jsonl   # (and dev), once per version
    python benchmarks/html_by_source.py --run before=/tmp/base --run after=/tmp/new [--trafilatura] [--decimals 4] [--out FILE]

Each `--run NAME=PREFIX` reads PREFIX-dev.jsonl and PREFIX-train.jsonl (records of every file of the
corpus: the `.html` records are scored as NAME, the `.noisy.txt` records of the first run as "text
path"). Sources are the train corpus's ID prefixes (fundus, newspaper, newspaper4k, cwced); dev is
one source. Scores are ../shared/tools/score.py's macro token F1 against ID.gold.txt.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from html_vs_trafilatura import SHARED, load_scorer

CORPORA = ("dev", "train")
SOURCES = ("dev", "fundus", "newspaper", "newspaper4k", "cwced", "train")


def texts_of(jsonl: Path, suffix: str) -> dict[str, str]:
    """The `text` of each record whose source ends with suffix, by page ID."""
    out = {}
    with jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            name = Path(record["source"]).name
            if name.endswith(suffix):
                out[name[: -len(suffix)]] = record.get("text") or ""
    return out


def source_of(corpus: str, page: str) -> str:
    """The page's source: dev, or the train page's ID prefix."""
    return "dev" if corpus == "dev" else page.split("-")[0]


def main() -> None:
    """Print (and write) the per-source table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="append", required=True, help="NAME=PREFIX (PREFIX-dev.jsonl, PREFIX-train.jsonl)")
    parser.add_argument("--trafilatura", action="store_true", help="also score trafilatura's extract() on each page")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--decimals", type=int, default=3, help="decimals of each F1 (default 3)")
    args = parser.parse_args()
    score = load_scorer()
    runs = [tuple(run.split("=", 1)) for run in args.run]
    columns = ["text path", *(["trafilatura"] if args.trafilatura else []), *(name for name, _ in runs)]
    f1: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for corpus in CORPORA:
        folder = SHARED / "corpus" / corpus
        golds = {p.name[: -len(".gold.txt")]: p.read_text(encoding="utf-8") for p in folder.glob("*.gold.txt")}
        predictions = {"text path": texts_of(Path(f"{runs[0][1]}-{corpus}.jsonl"), ".noisy.txt")}
        for name, prefix in runs:
            predictions[name] = texts_of(Path(f"{prefix}-{corpus}.jsonl"), ".html")
        if args.trafilatura:
            import trafilatura

            predictions["trafilatura"] = {page: trafilatura.extract((folder / f"{page}.html").read_bytes()) or ""
                                          for page in golds if (folder / f"{page}.html").exists()}
        for page, gold in golds.items():
            if not (folder / f"{page}.html").exists():
                continue
            for column in columns:
                value = score.score_doc(predictions[column].get(page, ""), gold)["F1"]
                f1[source_of(corpus, page)][column].append(value)
                if corpus == "train":
                    f1["train"][column].append(value)
    rows = ["| source | pages | " + " | ".join(columns) + " |", "| --- | --- |" + " --- |" * len(columns)]
    for source in SOURCES:
        if source in f1:
            values = f1[source]
            rows.append(f"| {source} | {len(values[columns[0]])} | "
                        + " | ".join(f"{sum(values[c]) / len(values[c]):.{args.decimals}f}" for c in columns) + " |")
    table = "\n".join(rows)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

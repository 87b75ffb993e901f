"""What newsclean removes from an article that is already clean: every line it drops is a loss.

    python benchmarks/clean_input.py                  # dev and train, results/clean_input.md
    python benchmarks/clean_input.py --corpora dev --jobs 1 --no-write

Each page's gold article (`ID.gold.txt`, the text a person kept) is given to the CLI as a dump of
its own (`newsclean clean --format jsonl`), with nothing around it to remove. The output's title
and body together should be the input again, so the share of the gold's words that come back
(recall, counted with `../shared/tools/score.py`'s tokens) measures how often the stages take real
article lines for junk: a span that stops at a code listing or a table, a phrase list that hits a
sentence, a duplicate check that takes a quotation printed twice in the article for a repeat.

The held-out corpora are scored on noisy dumps, where a false removal hides behind the noise it
sits in; here it stands alone. Not every removal is wrong: some golds keep lines their source's
habit keeps ("Read more: ..." links, photo credits, a headline printed twice), so the table of
reasons is the thing to read, with the pages that lose the most. The golds are copied to a
temporary folder; nothing is written beside the corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

from accuracy import load_scorer

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CORPORA = {"dev": SHARED / "corpus" / "dev", "train": SHARED / "corpus" / "train"}
RESULTS = HERE / "results"
GOLD = ".gold.txt"
WORST = 12  # pages listed per corpus
REASONS = 15  # removal reasons listed per corpus


def clean_golds(corpus: Path, jobs: int) -> list[dict]:
    """The CLI's JSONL records for each gold article of `corpus`, given as a dump of its own."""
    with tempfile.TemporaryDirectory(prefix="newsclean-clean-input-") as tmp:
        folder = Path(tmp)
        for gold in sorted(corpus.glob("*" + GOLD)):
            shutil.copyfile(gold, folder / (gold.name[: -len(GOLD)] + ".txt"))
        run = subprocess.run(
            [sys.executable, "-m", "newsclean", "clean", "--format", "jsonl", "--jobs", str(jobs), str(folder)],
            capture_output=True, text=True, check=False,
        )
        if run.returncode not in (0, 1):  # 1: some page had no article, which is a result here
            raise SystemExit(f"newsclean failed on {corpus}: {run.stderr.strip()[-500:]}")
        return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def reason_key(removed: dict) -> str:
    """A removal's stage and reason with its line numbers and counts folded, so like ones add up."""
    return f"{removed.get('stage')}: " + re.sub(r"\d+", "N", removed.get("reason", ""))[:90]


def measure(corpus: Path, jobs: int, score: ModuleType) -> dict:
    """Words kept per page and words removed per reason, for one corpus."""
    pages: list[tuple[float, str, int, int]] = []
    removed_words: Counter[str] = Counter()
    removed_lines: Counter[str] = Counter()
    for record in clean_golds(corpus, jobs):
        page = Path(record["source"]).name[: -len(".txt")]
        gold = (corpus / (page + GOLD)).read_text(encoding="utf-8", errors="replace")
        kept = "\n".join(filter(None, [record.get("title") or "", record.get("text") or ""]))
        recall = score.score_doc(kept, gold)["R"]
        gold_words = len(score.tokens(gold))
        pages.append((recall, page, gold_words, round(gold_words * (1 - recall))))
        for removed in record.get("removed", []):
            key = reason_key(removed)
            removed_words[key] += len(score.tokens(removed.get("text", "")))
            removed_lines[key] += 1
    total_gold = sum(p[2] for p in pages)
    return {
        "pages": len(pages),
        "macro_recall": sum(p[0] for p in pages) / len(pages) if pages else 1.0,
        "words_kept": 1 - sum(p[3] for p in pages) / total_gold if total_gold else 1.0,
        "pages_whole": sum(1 for p in pages if p[0] >= 0.999),
        "worst": sorted(pages)[:WORST],
        "reasons": [(key, words, removed_lines[key]) for key, words in removed_words.most_common(REASONS)],
    }


def markdown(results: dict[str, dict]) -> str:
    """The results as the Markdown page benchmarks/results/clean_input.md."""
    out = ["# An article that is already clean: what newsclean removes from it", "",
           "`python benchmarks/clean_input.py`: each gold article given to the CLI as a dump of its own.", "",
           "| corpus | pages | macro recall | words kept | pages kept whole |", "| --- | --- | --- | --- | --- |"]
    for name, r in results.items():
        out.append(f"| {name} | {r['pages']} | {r['macro_recall']:.3f} | {r['words_kept']:.3f} | {r['pages_whole']} |")
    for name, r in results.items():
        out += ["", f"## {name}: words removed by reason", "", "| words | lines | stage: reason |", "| --- | --- | --- |"]
        out += [f"| {words} | {lines} | {key.replace('|', '/')} |" for key, words, lines in r["reasons"]]
        out += ["", f"## {name}: the pages that lose the most", "", "| page | recall | gold words | lost |", "| --- | --- | --- | --- |"]
        out += [f"| {page} | {recall:.3f} | {gold} | {lost} |" for recall, page, gold, lost in r["worst"]]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", choices=sorted(CORPORA), default=["dev", "train"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print only; leave results/ alone")
    args = parser.parse_args()
    missing = [name for name in args.corpora if not CORPORA[name].is_dir()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found beside the checkout (../shared/corpus)", file=sys.stderr)
        return 0
    score = load_scorer(SHARED)
    results = {name: measure(CORPORA[name], args.jobs, score) for name in args.corpora}
    page = markdown(results)
    print(page)
    if not args.no_write:
        (RESULTS / "clean_input.md").write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Page verdicts on labelled error, block and wall pages: which get a non-article verdict, and which kind.

    python benchmarks/page_verdicts.py [--corpus ../shared/corpus/pages] [--out benchmarks/results/page_verdicts.md]

Reads the corpus's labels.json (kind, verdict, negative_control, language per page) and cleans
each page's `.html` and `.txt` with newsclean's public API. A labelled error or wall page is
right when it gets a non-article verdict on every format it comes in; a negative control (a real
article about errors, walls, cookies, captchas, outages) is right when it stays `article` on
every format. Our own fixtures (tests/fixtures/pages) are listed below, by the kind they must get.
Prints the tables and writes them, with the misses named, as Markdown.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import newsclean

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"
FORMATS = (".html", ".txt")
# A hand-written section's heading starts with its date.
DATED = re.compile(r"\n## \d{4}-\d{2}-\d{2}")


def clean(path: Path) -> newsclean.Document:
    return newsclean.clean_bytes(path.read_bytes(), source=str(path))


def judge(corpus: Path) -> list[dict]:
    """One row per labelled page: its label, and verdict and kind per format."""
    rows = []
    for label in json.loads((corpus / "labels.json").read_text(encoding="utf-8")):
        row = {"id": label["id"], "kind": label["kind"] or "(negative control)", "language": label["language"],
               "control": label["negative_control"], "results": {}}
        for ext in FORMATS:
            path = corpus / f"{label['id']}{ext}"
            if path.exists():
                doc = clean(path)
                row["results"][ext] = (doc.verdict.value, doc.page_kind.value)
        want_article = label["negative_control"]
        row["right"] = {ext: (verdict == "article") == want_article for ext, (verdict, _) in row["results"].items()}
        row["ok"] = all(row["right"].values())
        rows.append(row)
    return rows


def table(rows: list[dict], key: str) -> list[str]:
    """Markdown rows: pages, right on all formats, right per format, the kinds given, grouped by `key`."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    out = [f"| {key} | pages | right | right .html | right .txt | page_kind given |", "| --- | --- | --- | --- | --- | --- |"]
    for name, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        per = {ext: [m["right"][ext] for m in members if ext in m["right"]] for ext in FORMATS}
        kinds = Counter(kind for m in members for _, kind in m["results"].values())
        shown = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
        cells = [f"{sum(v)}/{len(v)}" if v else "-" for v in per.values()]
        out.append(f"| {name} | {len(members)} | {sum(m['ok'] for m in members)}/{len(members)} | {' | '.join(cells)} | {shown} |")
    total = {ext: [m["right"][ext] for m in rows if ext in m["right"]] for ext in FORMATS}
    out.append(f"| **all** | {len(rows)} | {sum(m['ok'] for m in rows)}/{len(rows)} | "
               + " | ".join(f"{sum(v)}/{len(v)}" for v in total.values()) + " | |")
    return out


def fixtures() -> list[str]:
    """Our own fixture pages: the verdict and kind each gets."""
    out = ["| fixture | verdict | page_kind |", "| --- | --- | --- |"]
    for path in sorted(FIXTURES.glob("*")):
        if path.suffix in FORMATS:
            doc = clean(path)
            out.append(f"| {path.name} | {doc.verdict.value} | {doc.page_kind.value} |")
    return out


def dated_sections(out: Path) -> str:
    """The dated sections written by hand at the end of an earlier results file ("## 2026-12-07: ..."),
    kept when the tables above them are written anew."""
    if not out.is_file():
        return ""
    old = out.read_text(encoding="utf-8")
    match = DATED.search(old)
    return "\n" + old[match.start() + 1 :] if match else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "pages")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "page_verdicts.md")
    args = ap.parse_args()
    if not (args.corpus / "labels.json").is_file():
        print(f"no labelled pages at {args.corpus}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    rows = judge(args.corpus)
    seconds = time.perf_counter() - start
    walls = [r for r in rows if not r["control"]]
    controls = [r for r in rows if r["control"]]
    missed = [r for r in walls if not r["ok"]]
    wrong = [r for r in controls if not r["ok"]]
    lines = [
        "# Page verdicts on labelled error, block and wall pages",
        "",
        f"`python benchmarks/page_verdicts.py` on `{args.corpus.name}` ({len(rows)} pages; {seconds:.1f} s).",
        "A page is right when every format it comes in gets the right side of the line: a non-article",
        "verdict for an error or wall page, `article` for a negative control.",
        "",
        f"Error and wall pages with a non-article verdict: **{len(walls) - len(missed)} of {len(walls)}**; "
        f"negative controls kept as articles: **{len(controls) - len(wrong)} of {len(controls)}**.",
        "",
        "## By labelled kind",
        "",
        *table(rows, "kind"),
        "",
        "## By language",
        "",
        *table(rows, "language"),
        "",
        "## Misses",
        "",
        *([f"- `{r['id']}` ({r['kind']}): " + ", ".join(f"{ext} {v} ({k})" for ext, (v, k) in r["results"].items())
           for r in [*missed, *wrong]] or ["none"]),
        "",
        "## Our own fixtures (tests/fixtures/pages)",
        "",
        *fixtures(),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + dated_sections(args.out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How often newsclean's title is the page's headline, on the dev and train corpora.

    python benchmarks/titles.py                       # dev (.txt, .noisy.txt, .html) and train
    python benchmarks/titles.py --corpora dev --wrong # list every wrong title
    python benchmarks/titles.py --corpora train --kinds txt --jobs 2 --no-write

A title is right when its token F1 against the reference title is at least 0.8 (tokens as
`../shared/tools/score.py` counts them, so CJK characters are one token each). The reference is
`ID.meta.json`'s `title`:

- dev: Readability's expected title, the page's headline;
- train, `fundus-` pages: fundus's expected title, the headline;
- train, other pages: the page's `<title>`, which often carries the site's name ("Headline |
  Site"). There the title is also right when it matches the `<title>` with a part split off at
  a separator (| – — : · - • » @ ::), so stripping the site name is not counted as an error.
  A part must keep 2/5 of the title's tokens: "Code" is not the headline of "X | Code"; a long
  site part ("Headline @ Jane's travel blog :: BlogHost ::") does not count against it.
- dev references come from Readability, which often keeps the site's name too ("... - Medium",
  "... · V8"), so the same split-off forms count there (`--strict` counts only the full title).

A page whose reference is null or empty is not counted. A `null` title counts as wrong (the page
has a headline that was not found). Results go to `benchmarks/results/titles.md`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
CORPORA = {"dev": SHARED / "corpus" / "dev", "train": SHARED / "corpus" / "train"}
KINDS = {"txt": ".txt", "noisy": ".noisy.txt", "html": ".html"}
RESULTS = HERE / "results"
# The heading of the generated part of titles.md; the notes above it are written by hand.
TABLE_HEADING = "# Titles: is newsclean's title the page's headline?"
RIGHT_F1 = 0.8
SOURCES = ("fundus", "newspaper", "newspaper4k", "cwced")  # train page ID prefixes
# The separators page titles are built with ("Headline | Site", "Site - Headline", a blog's
# "Post @ Blog :: Host ::"): a spaced sign (a trailing one ends the title), a bar or a dot, or an
# underscore between CJK characters.
TITLE_PARTS = re.compile(r"\s+(?:[|\-–—:·•»@]|::)(?:\s+|$)|\s*[|–—·•]\s*|(?<=[^\x00-\x7f])_(?=[^\x00-\x7f])")


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    assert spec and spec.loader, "../shared/tools/score.py is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def token_f1(predicted: str, reference: str, tokens) -> float:
    """Token F1 of two short texts (bags of tokens)."""
    a, b = Counter(tokens(predicted)), Counter(tokens(reference))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def references(title: str, page_title_only: bool, tokens=None) -> list[str]:
    """The reference title, and when it is only the page's <title>, the title with a leading or
    trailing part split off at a separator (the site name); `tokens` counts a form's share of the
    title (characters when not given).

    >>> references("Rain again in May after a dry spring @ Jane's notes :: BlogHost ::", True, str.split)[:3]
    ["Rain again in May after a dry spring @ Jane's notes :: BlogHost ::", 'Rain again in May after a dry spring', "Rain again in May after a dry spring Jane's notes"]
    """
    if not page_title_only:
        return [title]
    parts = [p for p in TITLE_PARTS.split(title) if p.strip()]
    found = [title]
    for k in range(1, len(parts)):
        found += [" ".join(parts[:k]), " ".join(parts[k:])]
    # A split-off form must keep much of the title: "Code" is not the headline of "X | Code".
    size = (lambda text: len(tokens(text))) if tokens else len
    return [f for f in found if size(f) * 5 >= size(title) * 2]


@dataclass
class Outcome:
    page: str
    kind: str
    reference: str
    predicted: str | None
    f1: float

    @property
    def right(self) -> bool:
        return self.f1 >= RIGHT_F1


STRICT = False


def judge(task: tuple[str, str, str, bool]) -> Outcome | None:
    """Clean one file and score its title against the page's meta title."""
    from newsclean import Config, clean_file

    global STRICT
    corpus, page, kind, STRICT = task
    folder = Path(corpus)
    meta = json.loads((folder / f"{page}.meta.json").read_text(encoding="utf-8"))
    reference = (meta.get("title") or "").strip()
    if not reference:
        return None
    # (No time limits: a title is measured, not speed; on a loaded machine a large page ran over
    # the 20 s HTML limit and failed as an input, which broke the process pool.)
    doc = clean_file(str(folder / f"{page}{KINDS[kind]}"), Config(html_timeout=0, clean_timeout=0))
    tokens = _score_module().tokens
    page_title_only = not STRICT and not page.startswith("fundus-")
    predicted = doc.meta.title
    f1 = max((token_f1(predicted, r, tokens) for r in references(reference, page_title_only, tokens)), default=0.0) if predicted else 0.0
    return Outcome(page, kind, reference, predicted, f1)


def pages_of(folder: Path, limit: int | None) -> list[str]:
    """The page IDs of a corpus folder (those with a meta file), sorted."""
    pages = sorted(p.name[: -len(".meta.json")] for p in folder.glob("*.meta.json"))
    return pages[:limit] if limit else pages


def run(corpora: Iterable[str], kinds: Iterable[str], jobs: int, limit: int | None, strict: bool = False) -> dict[tuple[str, str], list[Outcome]]:
    """Every outcome, grouped by (corpus, kind)."""
    results: dict[tuple[str, str], list[Outcome]] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for corpus in corpora:
            folder = CORPORA[corpus]
            for kind in kinds:
                tasks = [(str(folder), page, kind, strict) for page in pages_of(folder, limit)]
                outcomes = [o for o in pool.map(judge, tasks, chunksize=4) if o is not None]
                results[(corpus, kind)] = outcomes
                right = sum(o.right for o in outcomes)
                print(f"{corpus} {kind}: {right}/{len(outcomes)} right", file=sys.stderr)
    return results


def markdown(results: dict[tuple[str, str], list[Outcome]]) -> str:
    """The results table, then the wrong titles of the dev corpus."""
    lines = [
        TABLE_HEADING,
        "",
        f"Right = token F1 >= {RIGHT_F1} against `ID.meta.json`'s title (`python benchmarks/titles.py`).",
        "Except for fundus pages (whose reference is the headline), references are often the page's",
        "`<title>` with the site's name: a title also counts as right when it matches the reference with",
        "a leading or trailing part split off at a separator (| – — : · - • » @ ::).",
        "",
        "| corpus | input | right | pages | share | no title |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for (corpus, kind), outcomes in results.items():
        right = sum(o.right for o in outcomes)
        none = sum(o.predicted is None for o in outcomes)
        share = right / len(outcomes) if outcomes else 0.0
        lines.append(f"| {corpus} | {KINDS[kind]} | {right} | {len(outcomes)} | {share:.1%} | {none} |")
    by_source = [(corpus, kind, outcomes) for (corpus, kind), outcomes in results.items() if corpus == "train"]
    if by_source:
        lines += ["", "Train by source (fundus references are the headline; the others mostly the page's `<title>`):", "",
                  "| input | " + " | ".join(SOURCES) + " |", "| --- |" + " --- |" * len(SOURCES)]
        for _, kind, outcomes in by_source:
            cells = []
            for source in SOURCES:
                mine = [o for o in outcomes if o.page.split("-")[0] == source]
                cells.append(f"{sum(o.right for o in mine)}/{len(mine)}")
            lines.append(f"| {KINDS[kind]} | " + " | ".join(cells) + " |")
    for (corpus, kind), outcomes in results.items():
        if corpus != "dev":
            continue
        wrong = [o for o in outcomes if not o.right]
        if wrong:
            lines += ["", f"## Wrong on dev {KINDS[kind]}", "", "| page | newsclean | reference |", "| --- | --- | --- |"]
            lines += [f"| {o.page} | {_cell(o.predicted)} | {_cell(o.reference)} |" for o in wrong]
    return "\n".join(lines) + "\n"


def _cell(text: str | None) -> str:
    return "*null*" if text is None else text.replace("|", "\\|")[:90]


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, and write benchmarks/results/titles.md (unless --no-write)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default="dev,train", help="comma-separated: dev, train")
    parser.add_argument("--kinds", default="txt,noisy,html", help="comma-separated: txt, noisy, html")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each corpus")
    parser.add_argument("--strict", action="store_true", help="compare with the full reference title only")
    parser.add_argument("--wrong", action="store_true", help="print every wrong title")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not (SHARED / "tools" / "score.py").exists():
        print("../shared is missing: nothing to measure", file=sys.stderr)
        return 2
    results = run(args.corpora.split(","), args.kinds.split(","), args.jobs, args.limit, args.strict)
    text = markdown(results)
    if args.wrong:
        for (corpus, kind), outcomes in results.items():
            for o in outcomes:
                if not o.right:
                    print(f"{corpus} {kind} {o.page}: {o.predicted!r}  <>  {o.reference!r}")
    print(text.split("\n## ")[0])
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / "titles.md"
        out.write_text(notes_above_table(out) + text, encoding="utf-8")
    return 0


def notes_above_table(out: Path) -> str:
    """The sessions' notes written by hand above the generated table of an earlier results file,
    which a rerun keeps (it replaces the table only)."""
    if not out.exists():
        return ""
    earlier = out.read_text(encoding="utf-8")
    at = earlier.find(TABLE_HEADING)
    return earlier[:at] if at > 0 else ""


if __name__ == "__main__":
    sys.exit(main())

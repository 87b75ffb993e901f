"""How the text path does on noise worded as another site would word it (issues 12 and 14).

    python benchmarks/reworded_noise.py [--pages 150] [--seed 9] [--write]

Takes a seeded sample of gold articles (dev + train ID.gold.txt, languages en de fr es it nl pt pl), and for
each page and each noise class builds a text dump: the page's title, the gold lines, and one block of that
class written fresh in benchmarks/reworded_noise_wordings.py, placed where sites put it (above the article,
between two paragraphs, below). Each dump is cleaned in-process and scored with ../shared/tools/score.py's
functions (token F1 against the gold); "kept" is the share of the inserted noise lines left in the output.
The clean row is the same dumps without noise. Deterministic: same sample, same wordings, same table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import newsclean

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reworded_noise_wordings as W  # noqa: E402  (the benchmark's own data, next to it)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RESULTS = Path(__file__).resolve().parent / "results" / "reworded_noise.md"
POSITIONS: dict[str, tuple[str, ...]] = {
    "cookie": ("above", "below"),
    "nav": ("above",),
    "share": ("above", "between"),
    "app": ("above", "between"),
    "photo": ("above", "between"),
    "newsletter": ("between", "below"),
    "related": ("between", "below"),
    "bio": ("above", "below"),
    "comments": ("below",),
    "legal": ("below",),
}


def load_scorer():
    """The shared scorer module (score_doc)."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_language(meta: dict) -> str:
    """The two-letter language of a page's metadata ('' when unknown)."""
    return str(meta.get("lang") or meta.get("language") or "")[:2].lower()


def sample_pages(count: int, seed: int) -> list[tuple[str, str, str, list[str]]]:
    """(id, language, title, gold lines) of a seeded sample: every page in a rarer language, the rest en/de."""
    pages = []
    for corpus in ("dev", "train"):
        for gold in sorted((SHARED / "corpus" / corpus).glob("*.gold.txt")):
            doc_id = gold.name[: -len(".gold.txt")]
            meta = json.loads((gold.parent / f"{doc_id}.meta.json").read_text(encoding="utf-8"))
            lang = page_language(meta)
            lines = [line for line in gold.read_text(encoding="utf-8").split("\n") if line.strip()]
            if lang in W.LANGS and len(lines) >= 3:
                pages.append((f"{corpus}/{doc_id}", lang, str(meta.get("title") or ""), lines))
    rare = [p for p in pages if p[1] not in ("en", "de")]
    common = [p for p in pages if p[1] in ("en", "de")]
    random.Random(seed).shuffle(common)
    return sorted(rare + common[: max(0, count - len(rare))])


def fill(line: str, rng: random.Random) -> str:
    """A wording line with its placeholders filled."""
    return line.format(name=rng.choice(W.NAMES), site=rng.choice(W.SITES), n=rng.randint(2, 9),
                       year=rng.choice((2023, 2024, 2025)))


def related(lang: str, rng: random.Random) -> list[str]:
    """A "more from" box: a heading and 4-8 invented teaser headlines."""
    teasers = rng.sample(W.TEASERS[lang], rng.randint(4, 8))
    return [rng.choice(W.RELATED_HEADINGS[lang])] + teasers


def comments(lang: str, rng: random.Random) -> list[str]:
    """A comment section: a heading, then 2-4 comments of name, time, text, reply and likes."""
    words = W.COMMENT_WORDS[lang]
    lines = [rng.choice(words["head"])]
    for _ in range(rng.randint(2, 4)):
        lines += [rng.choice(W.NAMES), rng.choice(words["time"]), rng.choice(words["text"]),
                  rng.choice(words["reply"]), rng.choice(words["likes"])]
    return lines


def noise_block(kind: str, lang: str, rng: random.Random) -> list[str]:
    """One block of the noise class `kind` in language `lang`, placeholders filled."""
    builders: dict[str, Callable[[], list[str]]] = {
        "related": lambda: related(lang, rng),
        "comments": lambda: comments(lang, rng),
        "photo": lambda: [rng.choice(W.PHOTO[lang])],
    }
    tables = {"cookie": W.COOKIE, "newsletter": W.NEWSLETTER, "share": W.SHARE, "bio": W.BIO, "legal": W.LEGAL,
              "nav": W.NAV, "app": W.APP}
    lines = builders[kind]() if kind in builders else rng.choice(tables[kind][lang])
    return [fill(line, rng) for line in lines]


def build_dump(title: str, gold: list[str], noise: list[str], position: str) -> str:
    """A text dump: the title, the gold lines, and the noise block above, in the middle of, or below them."""
    lines = list(gold)
    at = {"above": 0, "between": len(lines) // 2, "below": len(lines)}[position]
    lines[at:at] = noise
    return "\n".join(([title] if title else []) + lines) + "\n"


def measure(count: int, seed: int) -> tuple[dict, dict]:
    """Per (class, position): F1, precision, share of noise lines kept, pages; and the clean rows."""
    score = load_scorer()
    cells: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    pages = sample_pages(count, seed)
    clean_rows = []
    for index, (doc_id, lang, title, gold) in enumerate(pages):
        gold_text = "\n".join(gold)
        doc = newsclean.clean(build_dump(title, gold, [], "below"), doc_id + ".txt")
        s = score.score_doc("\n\n".join(doc.paragraphs), gold_text, 1)
        clean_rows.append((s["F1"], s["P"]))
        for k, (kind, positions) in enumerate(POSITIONS.items()):
            rng = random.Random(zlib.crc32(f"{seed}:{doc_id}:{kind}".encode()))
            position = positions[(index + k) % len(positions)]
            noise = noise_block(kind, lang, rng)
            doc = newsclean.clean(build_dump(title, gold, noise, position), doc_id + ".txt")
            kept = {b.text for b in doc.blocks if b.kept}
            s = score.score_doc("\n\n".join(doc.paragraphs), gold_text, 1)
            share_kept = sum(line in kept for line in noise) / len(noise)
            cells[(kind, position)].append((s["F1"], s["P"], share_kept))
    return cells, {"clean": clean_rows, "pages": pages}


def table(cells: dict, extra: dict) -> str:
    """The markdown table of the measurement."""
    langs = defaultdict(int)
    for page in extra["pages"]:
        langs[page[1]] += 1
    clean = extra["clean"]
    out = [f"Pages: {len(extra['pages'])} ({', '.join(f'{k} {v}' for k, v in sorted(langs.items()))}); "
           f"clean dumps: F1 {sum(r[0] for r in clean) / len(clean):.4f}, P {sum(r[1] for r in clean) / len(clean):.4f}",
           "", "| class | position | pages | F1 | P | noise lines kept |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    by_class: dict[str, list] = defaultdict(list)
    for (kind, position), rows in cells.items():
        by_class[kind] += rows
        n = len(rows)
        out.append(f"| {kind} | {position} | {n} | {sum(r[0] for r in rows) / n:.4f} | "
                   f"{sum(r[1] for r in rows) / n:.4f} | {sum(r[2] for r in rows) / n:.3f} |")
    out += ["", "| class | F1 | noise lines kept |", "| --- | ---: | ---: |"]
    for kind, rows in sorted(by_class.items(), key=lambda kv: -sum(r[2] for r in kv[1]) / len(kv[1])):
        n = len(rows)
        out.append(f"| {kind} | {sum(r[0] for r in rows) / n:.4f} | {sum(r[2] for r in rows) / n:.3f} |")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=150, help="gold pages in the sample (default 150)")
    ap.add_argument("--seed", type=int, default=9, help="the sample's and the placements' seed (default 9)")
    ap.add_argument("--write", action="store_true", help=f"replace the measured table in {RESULTS.name}")
    args = ap.parse_args()
    if not (SHARED / "corpus" / "dev").is_dir():
        print(f"no corpus under {SHARED}", file=sys.stderr)
        return 2
    text = table(*measure(args.pages, args.seed))
    print(text)
    if args.write:
        marker = "## Measured table (generated)\n"
        head = RESULTS.read_text(encoding="utf-8").split(marker)[0] if RESULTS.exists() else "# Reworded noise\n\n"
        RESULTS.write_text(head + marker + "\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accuracy of newsclean beside the tools people use instead, on the labelled dev corpus.

    python benchmarks/accuracy.py                      # everything: 3 input kinds x all systems
    python benchmarks/accuracy.py --kinds noisy --worst 20
    python benchmarks/accuracy.py --systems newsclean,c4 --limit 10 --no-write

Runs newsclean (through its public API, exactly as `newsclean clean` does) on every page of
`../shared/corpus/dev` for each input kind (`ID.txt` clean dump, `ID.noisy.txt` dump with
scraper faults, `ID.html` original page) and the peers on the same pages:

- on the dumps: a C4-style line filter (the rules of TensorFlow Datasets' `c4_utils.clean_page`)
  and trafilatura `extract()` fed the dump wrapped as `<p>` lines;
- on the HTML: trafilatura `extract()` (default, `favor_precision`, `favor_recall`),
  readability-lxml (`Document(html).summary()`) and jusText.

Every prediction is scored with `../shared/tools/score.py`'s own functions (tokens, and runs of
4 tokens for the duplicate excess), so newsclean's rows equal what `../shared/tools/evaluate.py`
prints; the harness checks that by running evaluate.py itself (`--no-cross-check` skips it).
Peers are optional (`pip install -e '.[bench]'`): one that is not importable is skipped with a
note. Results go to `benchmarks/results/accuracy.json` and `accuracy.md`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import html as html_lib
import importlib.metadata
import importlib.util
import json
import logging
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "dev"
RESULTS = HERE / "results"

# Input kinds: short name -> file suffix in the corpus.
KINDS: dict[str, str] = {"txt": ".txt", "noisy": ".noisy.txt", "html": ".html"}
GOLD_SUFFIX = ".gold.txt"


# --------------------------------------------------------------------------------------
# Scoring: score.py's own functions, imported by path (it is stdlib-only and not a package).
# --------------------------------------------------------------------------------------


@functools.cache
def load_scorer(shared: Path = SHARED) -> ModuleType:
    """The shared scorer module (`../shared/tools/score.py`), loaded once."""
    path = shared / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("newsclean_shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------------------
# The systems. Each one maps (raw bytes of one input file, its path) to the article text.
# --------------------------------------------------------------------------------------

Extractor = Callable[[bytes, Path], str]


@dataclass(frozen=True)
class System:
    """One contender: which input kinds it reads and how it turns an input into article text."""

    name: str
    reads: str  # "dump" (the .txt kinds), "html", or "any"
    extract: Extractor
    needs: tuple[str, ...] = ()  # importable modules it needs; missing ones skip the system
    peer: bool = True  # False for newsclean and for the keep-everything reference
    note: str = ""

    def handles(self, kind: str) -> bool:
        """True when this system runs on inputs of that kind."""
        if self.reads == "any":
            return True
        return (kind == "html") == (self.reads == "html")

    def missing(self) -> list[str]:
        """The modules it needs that cannot be imported here."""
        return [name for name in self.needs if importlib.util.find_spec(name) is None]


def run_newsclean(data: bytes, path: Path) -> str:
    """newsclean through its public API, the same calls `newsclean clean` makes for a plain file."""
    import newsclean

    # The CLI reads each input with read_documents() and cleans every record with clean_raw();
    # a corpus file is one record, so this is what `newsclean clean --format jsonl` computes,
    # and the body is its "text" field (paragraphs joined by blank lines, no title).
    doc = newsclean.clean_raw(newsclean.RawDocument(str(path), data))
    return "\n\n".join(doc.paragraphs)


def keep_everything(data: bytes, path: Path) -> str:
    """The input itself: the reference row of the corpus README (recall 1, precision of the raw dump)."""
    return data.decode("utf-8", errors="replace")


# --- C4 ---------------------------------------------------------------------------------
# The rules of tensorflow_datasets/text/c4_utils.py (clean_page), which built C4 for the T5
# paper. Constants are the code's (5 words a line, 3 sentences a page), which differ from the
# paper's prose; the code is what made the data set.
C4_END_MARKS = (".", "?", "!", '"')
C4_ELLIPSIS = "..."
C4_MIN_WORDS_PER_LINE = 5
C4_MIN_SENTENCES = 3
C4_MAX_WORD_LENGTH = 1000
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
# C4 counts sentences with NLTK's punkt; the code's docstring calls it "a simple count of end
# marks", which is what this does without shipping NLTK's model: a run of end marks followed by
# a space or the end of the line closes a sentence.
C4_SENTENCE_END = re.compile(r"[.?!]+[\"')\]]*(?=\s|$)")


def c4_filter(text: str) -> str:
    """The C4 line filter on one page: the kept lines, or "" when C4 would drop the whole page."""
    kept: list[str] = []
    seen: set[str] = set()
    sentences = 0
    for raw in text.splitlines():
        line = raw.strip()
        if any(len(word) > C4_MAX_WORD_LENGTH for word in line.split()):
            continue
        line = C4_CITATION.sub("", line)
        if not line.endswith(C4_END_MARKS) or line.endswith(C4_ELLIPSIS):
            continue
        if len(line.split()) < C4_MIN_WORDS_PER_LINE:
            continue
        lower = line.lower()
        if "lorem ipsum" in lower:
            return ""
        if "javascript" in lower:
            continue
        if "{" in line:  # C4 takes a curly brace for code and drops the page
            return ""
        if any(phrase in lower for phrase in C4_POLICY):
            continue
        # C4's dedup step also drops a line already seen on the same page (its cross-page
        # step needs a whole crawl and does not apply to one page).
        if lower in seen:
            continue
        seen.add(lower)
        sentences += max(1, len(C4_SENTENCE_END.findall(line)))
        kept.append(line)
    return "\n".join(kept) if sentences >= C4_MIN_SENTENCES else ""


def run_c4(data: bytes, path: Path) -> str:
    """C4's line filter on a dump."""
    return c4_filter(data.decode("utf-8", errors="replace"))


def dump_as_html(text: str) -> str:
    """A text dump as the HTML page a user would build to feed it to an HTML extractor: one <p> a line."""
    paragraphs = "\n".join(f"<p>{html_lib.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n{paragraphs}\n</body></html>"


def run_trafilatura_dump(data: bytes, path: Path) -> str:
    """trafilatura extract() with its defaults on the dump wrapped as <p> lines."""
    import trafilatura

    return trafilatura.extract(dump_as_html(data.decode("utf-8", errors="replace"))) or ""


# --- HTML peers -------------------------------------------------------------------------


def trafilatura_mode(**options: bool) -> Extractor:
    """trafilatura extract() on the page, with the given mode flags (none = its defaults)."""

    def run(data: bytes, path: Path) -> str:
        import trafilatura

        return trafilatura.extract(data, **options) or ""

    return run


# Elements after which a browser starts a new line; text inside one block stays on one line.
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
SKIP_TAGS = frozenset("script style noscript template".split())


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one block a line (so words of two blocks never fuse into one token)."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    parts: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""  # comments have a function as tag
        block = tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if tag and tag.lower() not in SKIP_TAGS:
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def run_readability(data: bytes, path: Path) -> str:
    """readability-lxml: Document(html).summary(), then the summary's visible text."""
    import readability

    # readability logs every candidate it scores at INFO/DEBUG; quiet it for the table.
    logging.getLogger("readability").setLevel(logging.CRITICAL)
    # The page's bytes, as its README passes response.content: it sniffs the encoding itself.
    return html_to_text(readability.Document(data).summary(html_partial=True))


# ISO 639-1 codes of the <html lang> attribute -> jusText stop-list names.
JUSTEXT_LANGUAGES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "is": "Icelandic", "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian_Bokmal",
    "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}
HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
HTML_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


@functools.cache
def justext_stoplist(language: str | None) -> frozenset[str]:
    """jusText's stop list for a declared language; all its lists merged when it has none (as trafilatura does)."""
    import justext

    name = JUSTEXT_LANGUAGES.get((language or "").lower())
    if name:
        return frozenset(justext.get_stoplist(name))
    return frozenset().union(*(justext.get_stoplist(n) for n in justext.get_stoplists()))


def declared_language(data: bytes) -> str | None:
    """The page's own <html lang>, ignoring the copies inside IE conditional comments."""
    match = HTML_LANG.search(HTML_COMMENT.sub(b"", data[:200_000]))
    return match.group(1).decode("ascii") if match else None


def run_justext(data: bytes, path: Path) -> str:
    """jusText with the stop list of the page's declared language: the non-boilerplate paragraphs."""
    import justext

    paragraphs = justext.justext(data, justext_stoplist(declared_language(data)))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


SYSTEMS: tuple[System, ...] = (
    System("newsclean", "any", run_newsclean, ("newsclean",), peer=False),
    System("keep everything", "dump", keep_everything, peer=False, note="the input dump itself"),
    System("C4 line filter", "dump", run_c4, note="TFDS c4_utils.clean_page rules + same-page line dedup"),
    System("trafilatura (dump as <p>)", "dump", run_trafilatura_dump, ("trafilatura",), note="extract() defaults"),
    System("trafilatura", "html", trafilatura_mode(), ("trafilatura",), note="extract() defaults"),
    System("trafilatura precision", "html", trafilatura_mode(favor_precision=True), ("trafilatura",)),
    System("trafilatura recall", "html", trafilatura_mode(favor_recall=True), ("trafilatura",)),
    System("readability-lxml", "html", run_readability, ("readability", "lxml_html_clean")),
    System("jusText", "html", run_justext, ("justext",), note="stop list of the page's <html lang>"),
)
# Short names for --systems.
ALIASES = {
    "newsclean": "newsclean", "keep": "keep everything", "c4": "C4 line filter",
    "trafilatura-dump": "trafilatura (dump as <p>)", "trafilatura": "trafilatura",
    "trafilatura-precision": "trafilatura precision", "trafilatura-recall": "trafilatura recall",
    "readability": "readability-lxml", "justext": "jusText",
}


def select_systems(spec: str | None) -> tuple[list[System], list[str]]:
    """The systems to run (all by default) and a note for each one skipped because a module is missing."""
    by_name = {s.name: s for s in SYSTEMS}
    if spec:
        names = [ALIASES.get(part.strip(), part.strip()) for part in spec.split(",") if part.strip()]
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise SystemExit(f"unknown systems {unknown}; choose from {', '.join(ALIASES)}")
        chosen = [by_name[n] for n in names]
    else:
        chosen = list(SYSTEMS)
    ready, skipped = [], []
    for system in chosen:
        missing = system.missing()
        if missing:
            skipped.append(f"{system.name}: skipped, {', '.join(missing)} not installed (pip install -e '.[bench]')")
        else:
            ready.append(system)
    return ready, skipped


# --------------------------------------------------------------------------------------
# The corpus and the run.
# --------------------------------------------------------------------------------------


@dataclass
class Page:
    """One labelled page: its id, its gold text and the path of each input kind."""

    doc_id: str
    gold: str
    inputs: dict[str, Path] = field(default_factory=dict)


def load_pages(corpus: Path, kinds: Sequence[str], limit: int | None = None, only: Sequence[str] = ()) -> list[Page]:
    """The corpus pages (those with an ID.gold.txt), sorted by id, optionally the first `limit` or the named ones."""
    pages = []
    for gold_path in sorted(corpus.glob("*" + GOLD_SUFFIX)):
        doc_id = gold_path.name[: -len(GOLD_SUFFIX)]
        if only and doc_id not in only:
            continue
        page = Page(doc_id, gold_path.read_text(encoding="utf-8", errors="replace"))
        for kind in kinds:
            path = corpus / (doc_id + KINDS[kind])
            if path.is_file():
                page.inputs[kind] = path
        pages.append(page)
    return pages[:limit] if limit else pages


@dataclass
class Cell:
    """One system on one input kind: per-page scores, predictions' timing, failures."""

    system: str
    kind: str
    pages: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: float = 0.0
    bytes_in: int = 0
    errors: dict[str, str] = field(default_factory=dict)

    def macro(self) -> dict[str, float]:
        """Plain means over the pages, as score.py computes its macro line."""
        n = len(self.pages)
        keys = ("P", "R", "F1", "dupexcess", "P4", "R4", "F1_4", "dupexcess4")
        out = {k: sum(p[k] for p in self.pages.values()) / n if n else 0.0 for k in keys}
        out["docs"] = n
        out["docs_per_s"] = n / self.seconds if self.seconds else 0.0
        out["mb_per_s"] = self.bytes_in / 1e6 / self.seconds if self.seconds else 0.0
        return out


def score_page(pred: str, gold: str) -> dict[str, float]:
    """score.py's figures for one prediction: tokens and 4-token runs."""
    score = load_scorer()
    s1, s4 = score.score_doc(pred, gold, 1), score.score_doc(pred, gold, 4)
    return {
        "P": s1["P"], "R": s1["R"], "F1": s1["F1"], "dupexcess": s1["dupexcess"],
        "P4": s4["P"], "R4": s4["R"], "F1_4": s4["F1"], "dupexcess4": s4["dupexcess"],
        "pred_tokens": s1["pred_units"], "gold_tokens": s1["gold_units"],
    }


def run_cell(system: System, kind: str, pages: Sequence[Page]) -> Cell:
    """Run one system over every page of one kind; time only the system's own call."""
    cell = Cell(system.name, kind)
    inputs = [(page, page.inputs[kind].read_bytes()) for page in pages if kind in page.inputs]
    if inputs:
        # One untimed call first, so lazy imports (trafilatura, lxml) are not billed to page one.
        first_page, first_data = inputs[0]
        try:
            system.extract(first_data, first_page.inputs[kind])
        except Exception:  # noqa: BLE001 - a peer's failure is recorded per page below
            pass
    for page, data in inputs:
        t0 = time.perf_counter()
        try:
            pred = system.extract(data, page.inputs[kind])
        except Exception as exc:  # noqa: BLE001 - a crash on one page scores as an empty prediction
            pred = ""
            cell.errors[page.doc_id] = f"{type(exc).__name__}: {exc}"[:200]
        cell.seconds += time.perf_counter() - t0
        cell.bytes_in += len(data)
        cell.pages[page.doc_id] = score_page(pred, page.gold)
    return cell


# --------------------------------------------------------------------------------------
# The cross-check against evaluate.py and the report.
# --------------------------------------------------------------------------------------


def cross_check(corpus: Path, kind: str, cell: Cell) -> dict[str, Any]:
    """Run ../shared/tools/evaluate.py on the same kind; compare its summary lines and its per-page scores with ours.

    evaluate.py runs the real CLI (`python -m newsclean clean --format jsonl`) and score.py on
    the files it writes, so agreement here means the in-process numbers are the CLI's numbers.
    """
    evaluate = SHARED / "tools" / "evaluate.py"
    score = load_scorer()
    with tempfile.TemporaryDirectory(prefix="nc-crosscheck-") as keep:
        # cwd is the scratch folder: `python -m` puts the working directory first on sys.path,
        # and from a checkout it would import that checkout's newsclean, not the one measured here.
        run = subprocess.run(
            [sys.executable, str(evaluate), str(corpus.resolve()), "--suffix", KINDS[kind],
             "--newsclean", shlex.join([sys.executable, "-P", "-m", "newsclean"]), "--keep", keep],
            capture_output=True, text=True, timeout=1800, cwd=keep,
        )
        # Per page, to the last bit: score.py on evaluate.py's prediction files against our figures.
        page_diffs = []
        for n, suffix in ((1, ""), (4, "4")):
            docs, _ = score.score_dirs(keep, corpus, ".txt", n)
            for doc_id, theirs in docs.items():
                ours = cell.pages.get(doc_id)
                for key in ("P", "R", "F1", "dupexcess"):
                    ours_key = {"F1": "F1_4"}.get(key, key + suffix) if n == 4 else key
                    if ours is None or ours[ours_key] != theirs[key]:
                        page_diffs.append(f"{doc_id} ngram{n} {key}")
    macro = cell.macro()
    ours_lines = {
        "1": score.summary_line({"P": macro["P"], "R": macro["R"], "F1": macro["F1"],
                                 "dupexcess": macro["dupexcess"], "docs": macro["docs"]}),
        "4": score.summary_line({"P": macro["P4"], "R": macro["R4"], "F1": macro["F1_4"],
                                 "dupexcess": macro["dupexcess4"], "docs": macro["docs"]}),
    }
    theirs_lines = dict(re.findall(r"ngram(\d): (macro [^|]*?docs=\d+)", run.stdout))
    same = bool(theirs_lines) and theirs_lines == ours_lines and not page_diffs
    return {"kind": kind, "match": same, "evaluate_py": theirs_lines, "harness": ours_lines,
            "pages_differing": page_diffs[:20], "evaluate_output": run.stdout.strip()[-500:],
            "stderr": run.stderr.strip()[-300:]}


def fmt(value: float) -> str:
    """A score with three decimals."""
    return f"{value:.3f}"


def table_rows(cells: Sequence[Cell]) -> list[list[str]]:
    """The main table: system x input kind, with P, R, F1 (tokens), 4-gram dupexcess, docs/s."""
    rows = []
    for cell in cells:
        m = cell.macro()
        rows.append([cell.system, KINDS[cell.kind], fmt(m["P"]), fmt(m["R"]), fmt(m["F1"]),
                     f"{m['dupexcess4']:.4f}", f"{m['docs_per_s']:.1f}",
                     str(len(cell.errors)) if cell.errors else ""])
    return rows


TABLE_HEADER = ["system", "input", "P", "R", "F1", "dupexcess4", "docs/s", "errors"]
WORST_HEADER = ["page", "P", "R", "F1", "dupexcess4", "tokens pred/gold", "best peer (F1)", "faults"]


def worst_rows(cells: Sequence[Cell], kind: str, count: int, manifest: dict[str, Any]) -> list[list[str]]:
    """newsclean's `count` lowest-F1 pages of one kind, beside the best peer on each page."""
    ours = next((c for c in cells if c.system == "newsclean" and c.kind == kind), None)
    if ours is None:
        return []
    peers = [c for c in cells if c.kind == kind and c.system not in ("newsclean", "keep everything")]
    rows = []
    for doc_id, s in sorted(ours.pages.items(), key=lambda item: item[1]["F1"])[:count]:
        best = max(peers, key=lambda c: c.pages[doc_id]["F1"], default=None)
        best_text = f"{best.system} ({best.pages[doc_id]['F1']:.3f})" if best else "-"
        rows.append([doc_id, fmt(s["P"]), fmt(s["R"]), fmt(s["F1"]), f"{s['dupexcess4']:.4f}",
                     f"{s['pred_tokens']}/{s['gold_tokens']}", best_text,
                     faults(manifest.get(doc_id, {})) if kind == "noisy" else ""])
    return rows


def faults(entry: dict[str, Any]) -> str:
    """The scraper faults the corpus put into a page's noisy dump, from its manifest."""
    names = [name for name in ("preamble", "duplicate", "footer", "header") if entry.get(name)]
    if entry.get("preamble"):
        names[0] = f"preamble:{entry['preamble']}"
    return ",".join(names) or "none"


# A cell that reads as a number: "0.912", "1,000", "+131", "2.50x", "1 kB", "202.4 us/line", "-" or empty.
NUMBER_CELL = re.compile(r"|-|[-+]?\d[\d.,/]*(?: ?[A-Za-z/%]+)?")


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An aligned plain-text table (numbers right-aligned)."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    numeric = [bool(rows) and all(NUMBER_CELL.fullmatch(r[i]) for r in rows) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub markdown table."""
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|").replace("<p>", "`<p>`")

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def load_average() -> float | None:
    """The 1-minute load average: timings on a machine busy with other work are slower, so it goes with them."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def versions() -> dict[str, str]:
    """Versions of Python, newsclean (and its git commit) and every peer package, for the record."""
    out = {"python": platform.python_version(), "machine": f"{platform.machine()} {platform.system()}"}
    for dist in ("newsclean", "trafilatura", "readability-lxml", "jusText", "lxml"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "not installed"
    # The commit of the newsclean being measured: the checkout its package was imported from,
    # which need not be this harness's checkout (a venv may hold another branch's install).
    spec = importlib.util.find_spec("newsclean")
    package_dir = Path(spec.origin).parent if spec and spec.origin else ROOT
    out["newsclean_path"] = str(package_dir)
    try:
        commit = subprocess.run(["git", "-C", str(package_dir), "describe", "--always", "--dirty"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
        out["git"] = commit or "unknown"
    except (OSError, subprocess.SubprocessError):
        out["git"] = "unknown"
    return out


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled corpus (default ../shared/corpus/dev)")
    ap.add_argument("--kinds", default="txt,noisy,html", help="input kinds: txt, noisy, html (comma-separated)")
    ap.add_argument("--systems", help=f"comma-separated subset of: {', '.join(ALIASES)} (default all)")
    ap.add_argument("--limit", type=int, help="only the first N pages (by id)")
    ap.add_argument("--pages", default="", help="only these page ids (comma-separated)")
    ap.add_argument("--worst", type=int, default=12, help="newsclean's N worst pages per kind")
    ap.add_argument("--out", type=Path, default=RESULTS, help="where accuracy.json and accuracy.md go")
    ap.add_argument("--no-write", action="store_true", help="print only, write no result files")
    ap.add_argument("--no-cross-check", action="store_true", help="do not re-score newsclean with evaluate.py")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the accuracy benchmark; 0 on success, 1 when the evaluate.py cross-check disagrees, 2 on bad input."""
    args = parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if bad := [k for k in kinds if k not in KINDS]:
        print(f"unknown kinds {bad}; choose from {', '.join(KINDS)}", file=sys.stderr)
        return 2
    if not args.corpus.is_dir() or not (SHARED / "tools" / "score.py").is_file():
        print(f"no corpus at {args.corpus} or no scorer at {SHARED / 'tools'}: nothing to measure", file=sys.stderr)
        return 2
    systems, skipped = select_systems(args.systems)
    for note in skipped:
        print(note, file=sys.stderr)
    only = [p for p in args.pages.split(",") if p]
    pages = load_pages(args.corpus, kinds, args.limit, only)
    if not pages:
        print(f"no *{GOLD_SUFFIX} pages in {args.corpus}", file=sys.stderr)
        return 2

    load_before = load_average()
    cells: list[Cell] = []
    for kind in kinds:
        for system in systems:
            if system.handles(kind):
                print(f"  {system.name} on {KINDS[kind]} ...", file=sys.stderr, flush=True)
                cells.append(run_cell(system, kind, pages))

    checks = []
    whole_corpus = not args.limit and not only
    if not args.no_cross_check and whole_corpus:
        for cell in cells:
            if cell.system == "newsclean":
                print(f"  cross-check with evaluate.py on {KINDS[cell.kind]} ...", file=sys.stderr, flush=True)
                checks.append(cross_check(args.corpus, cell.kind, cell))

    manifest_path = args.corpus / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    today = dt.date.today().isoformat()
    meta = versions()
    rows = table_rows(cells)
    worst = {kind: worst_rows(cells, kind, args.worst, manifest) for kind in kinds}

    load = {"before": load_before, "after": load_average(), "cpus": os.cpu_count()}
    print(f"\nAccuracy on {args.corpus} ({len(pages)} pages), {today}, newsclean {meta['newsclean']} ({meta['git']}); "
          f"load average {load['before']} -> {load['after']} on {load['cpus']} CPUs")
    print("P, R, F1: score.py tokens, macro over pages; dupexcess4: score.py --ngram 4; docs/s: the system's own calls\n")
    print(text_table(TABLE_HEADER, rows))
    for kind, wrows in worst.items():
        if wrows:
            print(f"\nnewsclean's {len(wrows)} worst pages on {KINDS[kind]} (by F1):\n")
            print(text_table(WORST_HEADER, wrows))
    for check in checks:
        verdict = ("same as evaluate.py, every page to the last digit" if check["match"]
                   else f"DIFFERS from evaluate.py ({len(check['pages_differing'])} page figures differ)")
        print(f"\ncross-check {KINDS[check['kind']]}: {verdict}")
        for n in ("1", "4"):
            print(f"  ngram{n} harness:     {check['harness'][n]}")
            print(f"  ngram{n} evaluate.py: {check['evaluate_py'].get(n, '(none)')}")
    for cell in cells:
        for doc_id, error in cell.errors.items():
            print(f"error: {cell.system} on {doc_id}{KINDS[cell.kind]}: {error}", file=sys.stderr)

    if not args.no_write:
        args.out.mkdir(parents=True, exist_ok=True)
        record = {
            "date": today, "corpus": str(args.corpus), "pages": len(pages), "versions": meta, "load": load, "skipped": skipped,
            "systems": {s.name: s.note for s in systems},
            "table": [dict(system=c.system, input=KINDS[c.kind], **c.macro(), errors=c.errors) for c in cells],
            "per_page": {f"{c.system} {KINDS[c.kind]}": c.pages for c in cells},
            "cross_check": checks,
        }
        (args.out / "accuracy.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        md = [f"# Accuracy, {today}", "",
              f"Corpus `{args.corpus.name}` ({len(pages)} pages); newsclean {meta['newsclean']} ({meta['git']}), "
              f"trafilatura {meta['trafilatura']}, readability-lxml {meta['readability-lxml']}, jusText {meta['jusText']}, "
              f"Python {meta['python']}; load average {load['before']} -> {load['after']} on {load['cpus']} CPUs.",
              "", markdown_table(TABLE_HEADER, rows)]
        for check in checks:
            agree = "the same on every page" if check["match"] else "DIFFERENT"
            md += ["", f"Cross-check on `{KINDS[check['kind']]}`: newsclean re-scored by `evaluate.py` (the CLI) is {agree}: "
                       f"`{check['evaluate_py'].get('1', '(none)')}`."]
        for kind, wrows in worst.items():
            if wrows:
                md += ["", f"newsclean's worst pages on `{KINDS[kind]}`:", "", markdown_table(WORST_HEADER, wrows)]
        (args.out / "accuracy.md").write_text("\n".join(md) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out / 'accuracy.json'} and {args.out / 'accuracy.md'}")
    return 0 if all(check["match"] for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Speed and scale of newsclean, beside the tools people use instead, measured in one run.

    python benchmarks/speed.py                        # every section, full sizes (about half an hour)
    python benchmarks/speed.py --sections scaling     # one section
    python benchmarks/speed.py --quick --no-write     # small sizes, a smoke run of every section

Sections:

- throughput: docs/s and MB/s of the text path (the corpus's `.noisy.txt` dumps) and the HTML
  path (its `.html` pages) for newsclean and the peers of `accuracy.py`, median of several
  rounds, with each peer's speed as a ratio to newsclean's from the same round. Without the
  corpus, generated dumps and pages stand in.
- scaling: seconds per document against its number of lines (100 to 50,000; varied text, and
  text with many near-duplicate paragraphs) and against line length (one line of up to 10 MB,
  alone and inside a page). Each point runs in its own process (a runaway size can be stopped
  by a timeout); the log-log slope of each curve is printed and anything above 1.2 is flagged.
  The curves go to `results/scaling.png` when matplotlib is installed.
- startup: `newsclean --help` and cleaning one small dump, against `python -c pass`.
- batch: files/s over a directory of generated dumps with `--jobs 1` and `--jobs 2` (skipped with
  a message while the CLI has no `--jobs`), and the one-process `newsclean clean FILE...` path.
- memory: peak resident memory of `newsclean clean --max-bytes 0` on one generated 200 MB dump.

All documents are generated at run time with fixed seeds: news-like sentences, navigation and
footer lines, and near-duplicate paragraphs. Results go to `results/speed.json` and `speed.md`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
SEED = 20251028
SLOPE_FLAG = 1.2  # a curve steeper than this in log-log grows faster than n log n over these sizes


def load_accuracy() -> ModuleType:
    """The sibling accuracy.py (its peers and corpus helpers), loaded by path: benchmarks/ is not a package."""
    name = "newsclean_bench_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up while the class body runs
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------------------
# Generated documents.
# --------------------------------------------------------------------------------------

# Common words weigh more by appearing several times, so sentences read like prose and carry
# the stop-word density real articles have.
FUNCTION_WORDS = (
    "the the the the of of of and and and to to to a a in in is was that for on with as by at it "
    "from be this which have has had were are their not but its after said who would could been more"
).split()
CONTENT_WORDS = (
    "government minister report council city market company plan week year month people officials "
    "police court election vote party budget energy price water school hospital study data team "
    "season match players coach agreement trade talks border region village river storm flood "
    "research scientists patients museum festival artists film music record growth rates bank "
    "investors shares profit workers union strike contract project bridge railway airport road "
    "housing rent families children teachers students university climate emissions policy law "
    "judge case trial witness statement spokesperson interview survey results figures increase "
    "decline support opposition leaders meeting summit deal funding costs tax reform health care "
    "doctors nurses vaccine virus outbreak cases deaths recovery forecast weather morning evening "
    "announced reported confirmed expected warned agreed rejected approved delayed launched opened "
    "closed raised cut rose fell signed promised denied suggested argued described explained "
    "new local national former senior major public private early late recent annual final key"
).split()
SYLLABLES = "ka lo mi ra ten sul dor vis an el mar pe ri zu bo nat gre hol cam fen".split()
NAV_ITEMS = (
    "Home World Politics Business Markets Tech Science Health Sport Culture Opinion Travel Video "
    "Podcasts Weather Local Subscribe Search Menu Newsletters Live"
).split() + ["Sign in", "My account", "Today's paper", "Log out"]
SHARE_ITEMS = ["Share", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "Email", "Copy link", "Print"]
FOOTER_LINES = [
    "Sign up for our morning newsletter and get the day's top stories in your inbox.",
    "Comments are closed for this article.",
    "Terms of use",
    "Privacy policy",
    "Cookie settings",
    "Contact us",
    "Advertise with us",
]


class DumpGenerator:
    """News-like text dumps from a seeded random source: same seed, same documents."""

    def __init__(self, seed: int = SEED, history_limit: int = 5000) -> None:
        self.rng = random.Random(seed)
        self.history: list[str] = []  # body paragraphs written so far, copied by near-duplicates
        self.history_limit = history_limit  # bounded, so a 200 MB dump does not keep them all

    def name(self) -> str:
        """A made-up proper name, so that paragraphs do not all share one small vocabulary."""
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()

    def sentence(self) -> str:
        """One sentence of 6 to 24 words ending in terminal punctuation."""
        rng = self.rng
        words = []
        for _ in range(rng.randint(6, 24)):
            roll = rng.random()
            if roll < 0.08:
                words.append(self.name())
            elif roll < 0.11:
                words.append(str(rng.randint(2, 2030)))
            elif roll < 0.55:
                words.append(rng.choice(FUNCTION_WORDS))
            else:
                words.append(rng.choice(CONTENT_WORDS))
        if len(words) > 10 and rng.random() < 0.4:
            words[rng.randint(3, len(words) - 4)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choices([".", "?", "!", '."'], weights=[90, 4, 2, 4])[0]

    def paragraph(self) -> str:
        """A body paragraph of one to five sentences (the length spread of news paragraphs)."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 5)))

    def headline(self) -> str:
        """A headline: 4 to 10 title-cased words, no final punctuation."""
        words = [self.rng.choice(CONTENT_WORDS + FUNCTION_WORDS) for _ in range(self.rng.randint(4, 10))]
        return " ".join(w.capitalize() if len(w) > 3 else w for w in words).capitalize()

    def near_copy(self, text: str) -> str:
        """A copy of text with a scraper's typical damage: none, one word changed, truncated, or spacing."""
        rng = self.rng
        edit = rng.choice(("exact", "word", "truncated", "spaces"))
        words = text.split()
        if edit == "word" and len(words) > 3:
            words[rng.randrange(len(words))] = rng.choice(CONTENT_WORDS)
        elif edit == "truncated" and len(words) > 5:
            words = words[: max(3, int(len(words) * rng.uniform(0.5, 0.9)))]
        elif edit == "spaces":
            return "  ".join(words) + " "
        return " ".join(words)

    def body_lines(self, count: int, dup_share: float) -> Iterator[str]:
        """`count` article lines: paragraphs, some subheadings and inline junk, and near-duplicates.

        With probability dup_share a line starts a copy: most often of one earlier paragraph,
        sometimes of a run of several (a repeated block), as scrapers produce.
        """
        rng = self.rng
        written = 0
        while written < count:
            if self.history and rng.random() < dup_share:
                run = rng.randint(2, 12) if rng.random() < 0.3 else 1
                start = rng.randrange(len(self.history))
                for text in self.history[start:start + min(run, count - written)]:
                    yield self.near_copy(text)
                    written += 1
                continue
            roll = rng.random()
            if roll < 0.05:
                line = self.headline()  # a subheading
            elif roll < 0.07:
                line = "Advertisement"
            elif roll < 0.09:
                line = "Read more: " + self.headline()
            else:
                line = self.paragraph()
                self.history.append(line)
                if len(self.history) > self.history_limit:
                    del self.history[: self.history_limit // 2]
            yield line
            written += 1

    def page_lines(self, total: int, dup_share: float = 0.02) -> Iterator[str]:
        """A whole dump of about `total` lines: header, navigation, headline, body, footer."""
        rng = self.rng
        head = []
        if rng.random() < 0.5:
            head.append(f" date 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.choice((200, 200, 403, 404))}")
        head += rng.sample(NAV_ITEMS, rng.randint(8, 16))
        head += [self.headline(), f"By {self.name()} {self.name()}", f"Published {rng.randint(1, 28)} March 2025"]
        foot = rng.sample(SHARE_ITEMS, 4) + ["Most popular"] + [self.headline() for _ in range(5)]
        foot += rng.sample(FOOTER_LINES, 4) + [f"© 2025 {self.name()} Media Group. All rights reserved."]
        self.history.clear()  # near-duplicates copy from this page only
        yield from head
        yield from self.body_lines(max(1, total - len(head) - len(foot)), dup_share)
        yield from foot

    def page(self, total: int, dup_share: float = 0.02) -> str:
        """A dump of about `total` lines as one string."""
        return "\n".join(self.page_lines(total, dup_share)) + "\n"

    def long_line(self, size: int) -> str:
        """One line of prose `size` characters long (sentences joined by spaces, cut at a space)."""
        parts: list[str] = []
        length = 0
        while length < size:
            sentence = self.sentence()
            parts.append(sentence)
            length += len(sentence) + 1
        text = " ".join(parts)[:size]
        return text.rsplit(" ", 1)[0] if " " in text[-50:] else text

    def html_page(self, total: int) -> str:
        """An HTML page with the same parts as a dump, in the elements real pages put them in."""
        from html import escape

        lines = list(self.page_lines(total))
        nav = "".join(f"<li><a href=\"/{i}\">{escape(item)}</a></li>" for i, item in enumerate(lines[:12]))
        body = "\n".join(f"<p>{escape(line)}</p>" for line in lines[12:-12])
        foot = "".join(f"<li>{escape(line)}</li>" for line in lines[-12:])
        return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(lines[12])}</title></head>"
                f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>{escape(lines[12])}</h1>\n"
                f"{body}\n</article></main><footer><ul>{foot}</ul></footer></body></html>\n")


def write_big_dump(path: Path, size: int, seed: int, dup_share: float = 0.1) -> int:
    """Write one dump of at least `size` bytes to path, streaming (the generator keeps little in memory)."""
    gen = DumpGenerator(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for line in gen.page_lines(50, dup_share):  # a page's head and foot around a huge body
            if line.startswith("Share") or line == "Most popular":
                while written < size:
                    chunk = "\n".join(gen.body_lines(2000, dup_share)) + "\n"
                    out.write(chunk)
                    written += len(chunk.encode("utf-8"))
            out.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
    return written


# --------------------------------------------------------------------------------------
# Small helpers: commands, timing, fitting.
# --------------------------------------------------------------------------------------


def newsclean_command() -> list[str]:
    """How users start newsclean: the installed console script beside this Python, else `python -m newsclean`."""
    script = Path(sys.executable).parent / "newsclean"
    # -P: never the working directory's newsclean (a checkout's) instead of the installed one.
    return [str(script)] if script.is_file() else [sys.executable, "-P", "-m", "newsclean"]


def timed_run(command: Sequence[str], timeout: float, **kwargs: Any) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall seconds of one command run to completion, and its result."""
    t0 = time.perf_counter()
    done = subprocess.run(list(command), capture_output=True, text=True, timeout=timeout, **kwargs)
    return time.perf_counter() - t0, done


def log_slope(sizes: Sequence[float], seconds: Sequence[float]) -> float | None:
    """Least-squares slope of log(seconds) against log(size): 1 is linear, 2 quadratic."""
    if len(sizes) < 2:
        return None
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else None


def human_bytes(size: float) -> str:
    """1_000_000 -> '1 MB' (decimal units, as MB/s are)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{int(size)} B"


def say(message: str) -> None:
    """Progress on stderr, so stdout keeps only the tables."""
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------
# Section: throughput, newsclean beside the peers.
# --------------------------------------------------------------------------------------


def throughput_inputs(corpus: Path, path: str, limit: int | None, seed: int,
                      lines: tuple[int, int] = (60, 400)) -> tuple[list[tuple[bytes, Path]], str]:
    """The documents of one path ("text" or "html"): the corpus files when present, else generated ones."""
    suffix = ".noisy.txt" if path == "text" else ".html"
    # Only labelled inputs (ID+suffix beside ID.gold.txt), the pages accuracy.py scores.
    files = sorted(p for p in corpus.glob("*" + suffix) if (corpus / (p.name[: -len(suffix)] + ".gold.txt")).is_file()) \
        if corpus.is_dir() else []
    if files:
        files = files[:limit] if limit else files
        return [(p.read_bytes(), p) for p in files], f"{len(files)} corpus pages ({suffix})"
    gen = DumpGenerator(seed)
    count = limit or 60
    docs = []
    for i in range(count):
        count_lines = gen.rng.randint(*lines)
        text = gen.page(count_lines) if path == "text" else gen.html_page(count_lines)
        docs.append((text.encode("utf-8"), Path(f"generated-{i}{'.txt' if path == 'text' else '.html'}")))
    return docs, f"{count} generated {'dumps' if path == 'text' else 'pages'}"


def compiled_core_built() -> bool:
    """True when newsclean's optional compiled core is built and in use here."""
    from newsclean.model import features

    return features.compiled_core is not None


def pure_python_system(newsclean: Any) -> Any:
    """newsclean with its compiled core set aside for each call: the pure-Python path, the reference."""
    from newsclean.model import features

    def extract(data: bytes, path: Path) -> str:
        core, features.compiled_core = features.compiled_core, None
        try:
            return newsclean.extract(data, path)
        finally:
            features.compiled_core = core

    # The text path only: HTML pages spend their time in the markup's extraction, not in features.
    return type(newsclean)("newsclean, pure Python", "dump", extract, newsclean.needs, peer=False,
                           note="without the compiled core")


def run_throughput(corpus: Path, systems_spec: str | None, rounds: int, limit: int | None,
                   lines: tuple[int, int] = (60, 400)) -> dict[str, Any]:
    """docs/s and MB/s of each system on the text path and the HTML path, median over rounds."""
    accuracy = load_accuracy()
    systems, skipped = accuracy.select_systems(systems_spec)
    systems = [s for s in systems if s.name != "keep everything"]  # not a cleaner: nothing to time
    systems += [pure_python_system(s) for s in systems if s.name == "newsclean" and compiled_core_built()]
    out: dict[str, Any] = {"rounds": rounds, "skipped": skipped, "paths": {}}
    for path, kind in (("text", "noisy"), ("html", "html")):
        chosen = [s for s in systems if s.handles(kind)]
        if not chosen:
            continue
        docs, source = throughput_inputs(corpus, path, limit, SEED + (1 if path == "text" else 2), lines)
        total_bytes = sum(len(d) for d, _ in docs)
        failed: dict[str, str] = {}
        for system in chosen:  # warm-up: lazy imports and first-call caches are not what we measure
            try:
                system.extract(*docs[0])
            except Exception as exc:  # noqa: BLE001 - a system that cannot even start is reported, not timed
                failed[system.name] = f"{type(exc).__name__}: {exc}"[:300]
        chosen = [s for s in chosen if s.name not in failed]
        per_round: dict[str, list[float]] = {s.name: [] for s in chosen}
        ratios: dict[str, list[float]] = {s.name: [] for s in chosen}
        for r in range(rounds):
            say(f"  throughput {path}: round {r + 1}/{rounds}")
            this_round = {}
            # Systems take turns within a round, so a slow machine phase hits all of them alike.
            for system in chosen:
                t0 = time.perf_counter()
                for data, file in docs:
                    try:
                        system.extract(data, file)
                    except Exception:  # noqa: BLE001 - a peer failing on a page still spent the time
                        pass
                this_round[system.name] = time.perf_counter() - t0
            for name, seconds in this_round.items():
                per_round[name].append(seconds)
                if "newsclean" in this_round:
                    ratios[name].append(this_round["newsclean"] / seconds)
        rows = []
        for system in chosen:
            median = statistics.median(per_round[system.name])
            rows.append({
                "system": system.name,
                "docs_per_s": len(docs) / median,
                "mb_per_s": total_bytes / 1e6 / median,
                "vs_newsclean": statistics.median(ratios[system.name]) if ratios[system.name] else None,
                "seconds_per_round": per_round[system.name],
            })
        rows += [{"system": name, "error": error} for name, error in failed.items()]
        out["paths"][path] = {"inputs": source, "docs": len(docs), "bytes": total_bytes, "rows": rows}
    return out


# --------------------------------------------------------------------------------------
# Section: scaling, each point in its own process.
# --------------------------------------------------------------------------------------

WORKER_FLAG = "--time-clean-worker"


WORKER_MIN_RUNS = 3  # a median needs three runs, unless one run alone takes longer than:
WORKER_LONG_RUN = 30.0


def worker(path: str, max_runs: int, budget: float) -> None:
    """Child process: time newsclean.clean_bytes on one file: at least 3 runs (1 if a run takes 30 s),
    then more up to max_runs while the total stays within budget seconds."""
    import newsclean

    newsclean.clean("Warm-up line that pays for the lazy imports.\nA second line, for good measure.\n")
    data = Path(path).read_bytes()
    times: list[float] = []
    while len(times) < max_runs and (len(times) < min(WORKER_MIN_RUNS, max_runs) or sum(times) < budget):
        t0 = time.perf_counter()
        newsclean.clean_bytes(data, path)
        times.append(time.perf_counter() - t0)
        if times[-1] > WORKER_LONG_RUN:
            break
    print(json.dumps({"seconds": times, "bytes": len(data)}))


@dataclass(frozen=True)
class Curve:
    """One scaling curve: what grows, its sizes, and how to make the document of each size."""

    name: str
    unit: str  # "lines" or "bytes"
    sizes: tuple[int, ...]
    make: Callable[[int], str]


def scaling_curves(max_lines: int, max_line_bytes: int, per_decade: float = 2) -> list[Curve]:
    """The curves: lines (varied, and many near-duplicates), and line length (alone, and inside a page)."""
    def steps(low: int, high: int, per_decade: float) -> tuple[int, ...]:
        count = max(2, round(math.log10(high / low) * per_decade) + 1)
        return tuple(sorted({int(round(low * (high / low) ** (i / (count - 1)))) for i in range(count)}))

    line_sizes = steps(100, max_lines, per_decade)
    length_sizes = steps(1000, max_line_bytes, per_decade / 2)

    def long_line_in_page(size: int) -> str:
        gen = DumpGenerator(SEED + 13)
        lines = list(gen.page_lines(60))
        lines[len(lines) // 2] = gen.long_line(size)
        return "\n".join(lines) + "\n"

    return [
        Curve("lines, varied text", "lines", line_sizes, lambda n: DumpGenerator(SEED + 10).page(n, 0.02)),
        Curve("lines, 40% near-duplicates", "lines", line_sizes, lambda n: DumpGenerator(SEED + 11).page(n, 0.4)),
        Curve("one line alone", "bytes", length_sizes, lambda n: DumpGenerator(SEED + 12).long_line(n) + "\n"),
        Curve("one long line in a 60-line page", "bytes", length_sizes, long_line_in_page),
    ]


def run_scaling(max_lines: int, max_line_bytes: int, max_runs: int, point_timeout: float, workdir: Path,
                per_decade: float = 2) -> dict[str, Any]:
    """Seconds per document for every curve point, the log-log slope of each curve, and flags."""
    out: dict[str, Any] = {"curves": [], "flag_above": SLOPE_FLAG}
    for curve in scaling_curves(max_lines, max_line_bytes, per_decade):
        points: list[dict[str, Any]] = []
        stopped = ""
        for size in curve.sizes:
            if stopped:
                points.append({"size": size, "skipped": stopped})
                continue
            say(f"  scaling {curve.name}: {size:,} {curve.unit}")
            doc = workdir / "scaling-doc.txt"
            doc.write_text(curve.make(size), encoding="utf-8")
            command = [sys.executable, str(Path(__file__).resolve()), WORKER_FLAG, str(doc), str(max_runs), "3"]
            try:
                _, done = timed_run(command, timeout=point_timeout)
            except subprocess.TimeoutExpired:
                points.append({"size": size, "timeout": point_timeout})
                stopped = f"a smaller size took over {point_timeout:.0f} s"
                continue
            if done.returncode != 0:
                points.append({"size": size, "error": done.stderr.strip()[-400:]})
                stopped = "a smaller size failed"
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            median = statistics.median(result["seconds"])
            points.append({"size": size, "bytes": result["bytes"], "seconds": median, "runs": len(result["seconds"]),
                           "us_per_unit": median / size * 1e6})
        timed = [p for p in points if "seconds" in p]
        # The slope over the upper sizes: at the small end a fixed per-document cost flattens the curve.
        upper = timed[-4:] if len(timed) >= 4 else timed
        slope = log_slope([p["size"] for p in upper], [p["seconds"] for p in upper])
        last = log_slope([p["size"] for p in timed[-2:]], [p["seconds"] for p in timed[-2:]]) if len(timed) >= 2 else None
        out["curves"].append({
            "name": curve.name, "unit": curve.unit, "points": points, "slope": slope, "slope_last_step": last,
            # The flag goes by the fit over several sizes: a single step is at the mercy of one noisy point.
            "flagged": (slope is not None and slope > SLOPE_FLAG) or len(timed) < len(points),
        })
    return out


def plot_scaling(scaling: dict[str, Any], path: Path) -> str:
    """Draw the curves (log-log, with linear and n log n guides) to a PNG; returns its file name, or why not."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib not installed (pip install -e '.[bench]'): no plot"
    fig, axes = plt.subplots(1, 2, figsize=(12, 5), constrained_layout=True)
    for ax, unit, label in ((axes[0], "lines", "lines in the document"), (axes[1], "bytes", "length of the long line (bytes)")):
        for curve in (c for c in scaling["curves"] if c["unit"] == unit):
            timed = [p for p in curve["points"] if "seconds" in p]
            if not timed:
                continue
            xs, ys = [p["size"] for p in timed], [p["seconds"] for p in timed]
            slope = f"{curve['slope']:.2f}" if curve["slope"] is not None else "?"
            ax.plot(xs, ys, "o-", label=f"{curve['name']} (slope {slope})")
        # Guides through the first curve's largest point: where linear and n log n growth would be.
        first = next((c for c in scaling["curves"] if c["unit"] == unit and any("seconds" in p for p in c["points"])), None)
        if first:
            timed = [p for p in first["points"] if "seconds" in p]
            x1, y1 = timed[-1]["size"], timed[-1]["seconds"]
            xs = [p["size"] for p in timed]
            ax.plot(xs, [y1 * x / x1 for x in xs], "k:", linewidth=1, label="linear (slope 1)")
            ax.plot(xs, [y1 * (x * math.log(x)) / (x1 * math.log(x1)) for x in xs], "k--", linewidth=1, label="n log n")
            ax.plot(xs, [y1 * (x / x1) ** 2 for x in xs], color="0.6", linestyle="-.", linewidth=1, label="quadratic (slope 2)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        # Keep the measured curves in view: the quadratic guide may leave the plot at the small end.
        measured = [p["seconds"] for c in scaling["curves"] if c["unit"] == unit for p in c["points"] if "seconds" in p]
        if measured:
            ax.set_ylim(min(measured) / 4, max(measured) * 4)
        ax.set_xlabel(label)
        ax.set_ylabel("seconds per document (median)")
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(fontsize=8)
    axes[0].set_title("Cost against document length")
    axes[1].set_title("Cost against line length")
    fig.suptitle(f"newsclean scaling, {dt.date.today().isoformat()}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path.name


# --------------------------------------------------------------------------------------
# Section: start-up.
# --------------------------------------------------------------------------------------


def run_startup(runs: int, workdir: Path) -> dict[str, Any]:
    """Median wall time of starting newsclean (help, one small dump) against bare Python and a peer's CLI."""
    small = workdir / "small-dump.txt"
    small.write_text(DumpGenerator(SEED + 20).page(60), encoding="utf-8")
    nc = newsclean_command()
    commands: list[tuple[str, list[str]]] = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import newsclean'", [sys.executable, "-c", "import newsclean"]),
        ("newsclean --help", [*nc, "--help"]),
        ("newsclean small.txt (60 lines)", [*nc, str(small)]),
    ]
    trafilatura_cli = Path(sys.executable).parent / "trafilatura"
    if trafilatura_cli.is_file():
        commands.append(("trafilatura --help (peer)", [str(trafilatura_cli), "--help"]))
    rows = []
    times: dict[str, list[float]] = {label: [] for label, _ in commands}
    for _ in range(runs):
        for label, command in commands:  # interleaved, as in the throughput rounds
            # In a scratch folder: `python -c` puts the working directory first on sys.path, and in a
            # checkout `import newsclean` would load that checkout instead of the installed one.
            seconds, done = timed_run(command, timeout=120, cwd=workdir)
            if done.returncode != 0:
                raise RuntimeError(f"{label} failed: {done.stderr.strip()[-300:]}")
            times[label].append(seconds)
    base = statistics.median(times["python -c pass"])
    for label, _ in commands:
        median = statistics.median(times[label])
        rows.append({"command": label, "ms": median * 1000, "ms_over_python": (median - base) * 1000,
                     "x_python": median / base})
    return {"runs": runs, "rows": rows}


# --------------------------------------------------------------------------------------
# Section: batch.
# --------------------------------------------------------------------------------------


def cli_has_option(option: str) -> bool:
    """True when `newsclean clean --help` lists the option (features land on other branches first)."""
    done = subprocess.run([*newsclean_command(), "clean", "--help"], capture_output=True, text=True, timeout=60)
    return re.search(rf"(?<![\w-]){re.escape(option)}\b", done.stdout) is not None


def make_batch_dir(directory: Path, count: int) -> int:
    """`count` generated dumps of 30 to 150 lines in directory; returns their total size in bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    gen = DumpGenerator(SEED + 30)
    total = 0
    for i in range(count):
        text = gen.page(gen.rng.randint(30, 150), 0.05)
        (directory / f"d{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def run_batch(files: int, runs: int, workdir: Path, timeout: float) -> dict[str, Any]:
    """files/s over one directory of dumps: `--jobs 1`, `--jobs 2`, and the one-process FILE... path."""
    indir = workdir / "batch-in"
    say(f"  batch: writing {files:,} dumps")
    total_bytes = make_batch_dir(indir, files)
    names = sorted(p.name for p in indir.iterdir())
    nc = newsclean_command()
    variants: list[tuple[str, list[str] | None, str]] = []
    # The one-process path that exists on every branch: all files as arguments, JSONL to a pipe.
    has_jobs, has_output = cli_has_option("--jobs"), cli_has_option("--output") or cli_has_option("-o")
    one_process = ["--jobs", "1"] if has_jobs else []  # the default is one worker per CPU
    variants.append(("newsclean clean FILE... --format jsonl (1 process)",
                     [*nc, "clean", "--format", "jsonl", *one_process, *names], ""))
    for jobs in (1, 2):
        if has_jobs and has_output:
            variants.append((f"newsclean clean DIR -o OUT --jobs {jobs}", [*nc, "clean", str(indir), "-o", "OUT", "--jobs", str(jobs)], ""))
        else:
            variants.append((f"newsclean clean DIR -o OUT --jobs {jobs}", None,
                             "skipped: `newsclean clean` has no --jobs/-o on this branch yet (batch runs land separately)"))
    rows = []
    for label, command, skip in variants:
        if command is None:
            say(f"  batch: {label}: {skip}")
            rows.append({"command": label, "skipped": skip})
            continue
        times, failure = [], ""
        for r in range(runs):
            say(f"  batch: {label}, run {r + 1}/{runs}")
            out = workdir / "OUT"
            shutil.rmtree(out, ignore_errors=True)
            try:
                seconds, done = timed_run([str(out) if c == "OUT" else c for c in command],
                                          timeout=timeout, cwd=indir)
            except subprocess.TimeoutExpired:
                failure = f"timed out after {timeout:.0f} s"
                break
            if done.returncode != 0:
                failure = f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
                break
            times.append(seconds)
        if failure:
            rows.append({"command": label, "error": failure})
            continue
        median = statistics.median(times)
        rows.append({"command": label, "files_per_s": files / median, "mb_per_s": total_bytes / 1e6 / median,
                     "seconds": times})
    shutil.rmtree(indir, ignore_errors=True)
    shutil.rmtree(workdir / "OUT", ignore_errors=True)
    return {"files": files, "bytes": total_bytes, "runs": runs, "rows": rows}


# --------------------------------------------------------------------------------------
# Section: peak memory on one huge dump.
# --------------------------------------------------------------------------------------

# Runs a command as its only child and reports that child's peak RSS: RUSAGE_CHILDREN of a fresh
# process holds nothing else. ru_maxrss is in KiB on Linux.
RSS_WRAPPER = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"maxrss_kib": rss, "seconds": wall, "exit": done.returncode, "stderr": done.stderr.decode()[-300:]}))
"""


def peak_rss(command: Sequence[str], timeout: float) -> dict[str, Any]:
    """Peak resident memory (MiB), wall seconds and exit status of one command."""
    done = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *command], capture_output=True, text=True, timeout=timeout)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["peak_mib"] = result.pop("maxrss_kib") / 1024
    return result


def run_memory(size_mb: float, workdir: Path, timeout: float) -> dict[str, Any]:
    """Peak memory of cleaning one dump of size_mb MB with the CLI, beside just reading and decoding it."""
    path = workdir / "big-dump.txt"
    say(f"  memory: writing a {size_mb} MB dump")
    size = write_big_dump(path, int(size_mb * 1_000_000), SEED + 40)
    rows = []
    floor = [sys.executable, "-c", "import sys; data = open(sys.argv[1], 'rb').read(); text = data.decode('utf-8')", str(path)]
    for label, command in (("read + decode only (python)", floor),
                           ("newsclean clean --max-bytes 0 --format jsonl", [*newsclean_command(), "clean", "--max-bytes", "0",
                                                                              "--format", "jsonl", str(path)])):
        say(f"  memory: {label}")
        try:
            result = peak_rss(command, timeout)
        except subprocess.TimeoutExpired:
            rows.append({"command": label, "error": f"timed out after {timeout:.0f} s"})
            continue
        result["x_input"] = result["peak_mib"] * 1024 * 1024 / size
        result["mb_per_s"] = size / 1e6 / result["seconds"] if result["seconds"] else None
        rows.append({"command": label, **result})
    path.unlink(missing_ok=True)
    return {"input_bytes": size, "rows": rows}


# --------------------------------------------------------------------------------------
# Report.
# --------------------------------------------------------------------------------------


def measured_rows(items: Sequence[dict[str, Any]], key: str, cells: Callable[[dict[str, Any]], list[str]],
                  blanks: int) -> list[list[str]]:
    """Rows of command results: measured ones (holding `key`) through `cells`, others as dashes and their note."""
    return [[item["command"], *cells(item)] if key in item
            else [item["command"], *["-"] * blanks, item.get("skipped") or item.get("error", "")] for item in items]


def report(results: dict[str, Any], stream: TextIO, markdown: bool = False) -> None:
    """Every measured section as tables (aligned text, or markdown for the results file)."""
    accuracy = load_accuracy()
    table = accuracy.markdown_table if markdown else accuracy.text_table

    def section(title: str, block: dict[str, Any] | None = None) -> None:
        block = block or {}
        notes = [f"{block['date']}, newsclean {block['newsclean']}"] if "date" in block else []
        if block.get("load_average"):
            notes.append(f"load average {block['load_average'][0]} -> {block['load_average'][1]}")
        note = f" ({'; '.join(notes)})" if notes else ""
        print(f"\n{'## ' if markdown else ''}{title}{note}\n", file=stream)

    if "throughput" in results:
        t = results["throughput"]
        for path, block in t["paths"].items():
            section(f"Throughput, {path} path: {block['inputs']}, {human_bytes(block['bytes'])}, median of {t['rounds']} rounds", t)
            rows = [[r["system"], f"{r['docs_per_s']:.1f}", f"{r['mb_per_s']:.2f}",
                     f"{r['vs_newsclean']:.2f}x" if r["vs_newsclean"] is not None else "-", ""]
                    if "error" not in r else [r["system"], "-", "-", "-", f"failed: {r['error']}"] for r in block["rows"]]
            print(table(["system", "docs/s", "MB/s", "speed vs newsclean", "note"], rows), file=stream)
        for note in t["skipped"]:
            print(f"\n{note}", file=stream)
    if "scaling" in results:
        s = results["scaling"]
        section(f"Scaling: seconds per document (median); slope = log-log fit over the largest 4 sizes, flagged above {s['flag_above']}", s)
        for curve in s["curves"]:
            rows = []
            for p in curve["points"]:
                size = f"{p['size']:,}" if curve["unit"] == "lines" else human_bytes(p["size"])
                if "seconds" in p:
                    per = f"{p['us_per_unit']:.1f} us/line" if curve["unit"] == "lines" else f"{p['us_per_unit'] * 1000:.1f} ns/byte"
                    rows.append([size, f"{p['seconds']:.4f}", per, str(p["runs"])])
                else:
                    rows.append([size, "-", p.get("skipped") or (f"timeout {p['timeout']:.0f} s" if "timeout" in p else "error"), ""])
            slope = f"{curve['slope']:.2f}" if curve["slope"] is not None else "?"
            last = f"{curve['slope_last_step']:.2f}" if curve["slope_last_step"] is not None else "?"
            flag = "  ** FLAGGED: grows faster than n log n **" if curve["flagged"] else ""
            print(f"\n{curve['name']}: slope {slope} (last step {last}){flag}\n", file=stream)
            print(table([curve["unit"], "seconds", "per unit", "runs"], rows), file=stream)
        plot = s.get("plot", "")
        if plot.endswith(".png"):  # drawn beside speed.json
            print(f"\n![scaling curves]({Path(plot).name})" if markdown else f"\nplot: {Path(plot).name}", file=stream)
        elif plot:
            print(f"\n{plot}", file=stream)
    if "startup" in results:
        st = results["startup"]
        section(f"Start-up: median wall time of {st['runs']} runs", st)
        rows = [[r["command"], f"{r['ms']:.0f}", f"{r['ms_over_python']:+.0f}", f"{r['x_python']:.1f}x"] for r in st["rows"]]
        print(table(["command", "ms", "ms over python", "x python -c pass"], rows), file=stream)
    if "batch" in results:
        b = results["batch"]
        section(f"Batch: {b['files']:,} generated dumps ({human_bytes(b['bytes'])}), median of {b['runs']} runs", b)
        rows = measured_rows(b["rows"], "files_per_s", lambda r: [f"{r['files_per_s']:.0f}", f"{r['mb_per_s']:.2f}", ""], 2)
        print(table(["command", "files/s", "MB/s", "note"], rows), file=stream)
    if "memory" in results:
        m = results["memory"]
        section(f"Peak memory: one {human_bytes(m['input_bytes'])} dump", m)
        rows = measured_rows(m["rows"], "peak_mib", lambda r: [
            f"{r['peak_mib']:.0f}", f"{r['x_input']:.1f}x", f"{r['seconds']:.1f}",
            "" if r["exit"] == 0 else f"exit {r['exit']}: {r['stderr']}"], 3)
        print(table(["command", "peak RSS (MiB)", "x input size", "seconds", "note"], rows), file=stream)


SECTIONS = ("throughput", "scaling", "startup", "batch", "memory")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options; --quick shrinks every size to smoke-test scale."""
    accuracy = load_accuracy()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated subset of: {', '.join(SECTIONS)}")
    ap.add_argument("--quick", action="store_true", help="tiny sizes and few runs (the smoke test uses this)")
    ap.add_argument("--corpus", type=Path, default=accuracy.DEFAULT_CORPUS, help="corpus for the throughput section")
    ap.add_argument("--systems", help="throughput systems, as accuracy.py --systems (default all installed)")
    ap.add_argument("--rounds", type=int, help="throughput rounds (default 5; quick 2)")
    ap.add_argument("--docs", type=int, help="throughput documents per path (default all corpus pages)")
    ap.add_argument("--max-lines", type=int, help="largest document of the line curves (default 50000)")
    ap.add_argument("--max-line-bytes", type=int, help="longest line of the line-length curves (default 10000000)")
    ap.add_argument("--point-timeout", type=float, default=600, help="seconds one scaling point may take")
    ap.add_argument("--startup-runs", type=int, help="runs per start-up command (default 15; quick 1)")
    ap.add_argument("--batch-files", type=int, help="dumps in the batch directory (default 20000; quick 20)")
    ap.add_argument("--batch-runs", type=int, help="runs per batch variant (default 3; quick 1)")
    ap.add_argument("--memory-mb", type=float, help="size of the memory test's dump in MB (default 200; quick 0.5)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds one batch or memory command may take")
    ap.add_argument("--out", type=Path, default=RESULTS, help="where speed.json, speed.md and scaling.png go")
    ap.add_argument("--no-write", action="store_true", help="print only, write no result files")
    ap.add_argument("--render", action="store_true",
                    help="measure nothing: print the results in --out/speed.json and rewrite speed.md from them")
    ap.add_argument("--fresh", action="store_true",
                    help="replace speed.json whole (by default sections not run now are kept from it)")
    args = ap.parse_args(argv)
    quick = args.quick
    defaults = {"rounds": (5, 2), "docs": (None, 3), "max_lines": (50_000, 1000), "max_line_bytes": (10_000_000, 100_000),
                "startup_runs": (15, 1), "batch_files": (20_000, 20), "batch_runs": (3, 1), "memory_mb": (200, 0.5)}
    for key, (full, small) in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, small if quick else full)
    return args


def save_json(results: dict[str, Any], path: Path, fresh: bool = False) -> dict[str, Any]:
    """Write results to path, keeping the sections this run did not measure from the file already there.

    So `--sections batch` re-measures the batch rows (say, once `--jobs` lands) and leaves the
    others as they were; every section carries its own date and newsclean commit. `--fresh`, or
    a file of the other size class (--quick or not), starts over. Returns what was written.
    """
    merged = dict(results)
    if path.is_file() and not fresh:
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        if previous.get("quick") == results.get("quick"):
            old_versions = previous.get("versions", {})
            for name in SECTIONS:
                if name not in results and name in previous:
                    merged[name] = previous[name]
                    # Sections kept from a file written before sections carried their own date.
                    merged[name].setdefault("date", previous.get("date"))
                    merged[name].setdefault("newsclean", f"{old_versions.get('newsclean')} ({old_versions.get('git')})")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    return merged


def measure(args: argparse.Namespace, sections: Sequence[str]) -> dict[str, Any]:
    """Run the chosen sections in order; with writing on, speed.json is updated after each one."""
    accuracy = load_accuracy()
    results: dict[str, Any] = {"date": dt.date.today().isoformat(), "quick": args.quick, "versions": accuracy.versions(),
                               "cpus": os.cpu_count()}
    versions = results["versions"]
    with tempfile.TemporaryDirectory(prefix="newsclean-speed-") as tmp:
        workdir = Path(tmp)
        runners: dict[str, Callable[[], dict[str, Any]]] = {
            "throughput": lambda: run_throughput(args.corpus, args.systems, args.rounds, args.docs,
                                                 (20, 80) if args.quick else (60, 400)),
            "scaling": lambda: run_scaling(args.max_lines, args.max_line_bytes, 1 if args.quick else 5,
                                           args.point_timeout, workdir, 1 if args.quick else 2),
            "startup": lambda: run_startup(args.startup_runs, workdir),
            "batch": lambda: run_batch(args.batch_files, args.batch_runs, workdir, args.timeout),
            "memory": lambda: run_memory(args.memory_mb, workdir, args.timeout),
        }
        results["load"] = {"start": accuracy.load_average()}
        for name in SECTIONS:
            if name not in sections:
                continue
            load_before = accuracy.load_average()
            results[name] = runners[name]()
            results[name].update(date=results["date"], newsclean=f"{versions['newsclean']} ({versions['git']})",
                                 load_average=[load_before, accuracy.load_average()])
            if name == "scaling" and not args.no_write:
                results[name]["plot"] = plot_scaling(results[name], args.out / "scaling.png")
            if not args.no_write:  # after every section, so a long run stopped late keeps what it measured
                save_json(results, args.out / "speed.json", args.fresh)
        results["load"]["end"] = accuracy.load_average()
    return results


def headline(results: dict[str, Any]) -> str:
    """One line saying what was measured, where and under what load."""
    v = results["versions"]
    return (f"newsclean {v['newsclean']} ({v['git']}), trafilatura {v['trafilatura']}, Python {v['python']}, "
            f"{results['cpus']} CPUs{' (quick sizes)' if results.get('quick') else ''}; load average "
            f"{results['load']['start']} at the start, {results['load']['end']} at the end of the latest run")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections (or --render the saved ones), print their tables, write the results."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [WORKER_FLAG]:
        worker(argv[1], int(argv[2]), float(argv[3]))
        return 0
    args = parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    if bad := [s for s in sections if s not in SECTIONS]:
        print(f"unknown sections {bad}; choose from {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    saved = args.out / "speed.json"
    if args.render:
        if not saved.is_file():
            print(f"no {saved} to render", file=sys.stderr)
            return 2
        results = json.loads(saved.read_text(encoding="utf-8"))
    else:
        results = measure(args, sections)
    print(f"Speed, {results['date']}: {headline(results)}")
    report(results, sys.stdout)
    if not args.no_write:
        if not args.render:
            results = save_json(results, saved, args.fresh)
        with (args.out / "speed.md").open("w", encoding="utf-8") as md:
            print(f"# Speed, {results['date']}\n\n{headline(results)}.", file=md)
            report(results, md, markdown=True)
        print(f"\nwrote {saved} and {args.out / 'speed.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Batch throughput: files/s and MB/s of `newsclean clean DIR -o OUT` with --jobs 1 and --jobs 2.

Generates N varied dumps (default 20,000, a few KB each: scraper headers, error and consent
preambles, navigation, headlines, paragraphs in several languages, repeated paragraphs,
footers, some pure error pages and empty pages) in a temporary directory, then times the real
command (a fresh process and output directory per run, median of 3 runs per job count) and
writes benchmarks/results/batch_speed.json.

    python benchmarks/batch_speed.py                  # 20,000 dumps
    python benchmarks/batch_speed.py --files 2000 --runs 1

Importable: `run(files=..., runs=..., jobs=(1, 2))` returns the results dict; `write_dumps`
builds a test tree (the tests use it too).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "batch_speed.json"

WORDS = {
    "en": ("the government said on tuesday that the new agreement would expand cooperation between both "
           "countries and support industry while critics warned about rising costs for families and "
           "small businesses across the region after months of negotiations officials confirmed"),
    "fr": ("le gouvernement a annoncé mardi que le nouvel accord renforcera la coopération entre les deux "
           "pays et soutiendra l'industrie tandis que les critiques craignent une hausse des coûts pour "
           "les familles et les petites entreprises de la région après des mois de négociations"),
    "de": ("die regierung erklärte am dienstag dass das neue abkommen die zusammenarbeit zwischen beiden "
           "ländern ausbauen und die industrie stärken werde während kritiker vor steigenden kosten für "
           "familien und kleine unternehmen in der region nach monatelangen verhandlungen warnten"),
    "es": ("el gobierno dijo el martes que el nuevo acuerdo ampliará la cooperación entre ambos países y "
           "apoyará a la industria mientras los críticos advirtieron sobre el aumento de los costos para "
           "las familias y las pequeñas empresas de la región tras meses de negociaciones"),
}
NAVIGATION = ["Home", "World", "Business", "Politics", "Sport", "Opinion", "Search", "Menu", "Subscribe", "Log in"]
ERROR_LINES = ["Sorry!!", "Error 404 - page not found", "We're sorry, but the page you were looking for doesn't exist.",
               "Please enable JavaScript to continue.", "Access denied", "Checking your browser before accessing"]
CONSENT = ["We use cookies to improve your experience.", "Accept all cookies", "Manage preferences"]
FOOTER = ["Share this article", "Facebook", "Twitter", "Most popular stories", "Comments",
          "Sign up for our newsletter", "Copyright 2025 Example Media. All rights reserved."]


def _sentence(rng: random.Random, words: list[str]) -> str:
    chosen = rng.sample(words, k=min(len(words), rng.randint(8, 22)))
    return " ".join(chosen).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def make_dump(rng: random.Random, index: int) -> str:
    """One varied scraper dump (a few KB): mostly articles, some error pages and empty pages."""
    kind = rng.random()
    lines = [f" date 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.choice([200, 200, 200, 403, 404])}"]
    if rng.random() < 0.5:
        lines.append(f" url https://news.example.org/{index}/story-{rng.randint(1, 10**6)}")
    if rng.random() < 0.3:
        lines += rng.sample(ERROR_LINES, k=2)
    if rng.random() < 0.2:
        lines += CONSENT
    lines += rng.sample(NAVIGATION, k=rng.randint(0, 7))
    if kind < 0.06:  # a bare error page
        return "\n".join(lines + rng.sample(ERROR_LINES, k=3)) + "\n"
    if kind < 0.09:  # navigation only
        return "\n".join(lines + rng.sample(NAVIGATION, k=5)) + "\n"
    words = WORDS[rng.choice(list(WORDS))].split()
    lines.append(" ".join(rng.sample(words, k=rng.randint(5, 9))).title())
    paragraphs = [" ".join(_sentence(rng, words) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(3, 14))]
    lines += paragraphs
    if rng.random() < 0.25:  # the scraper caught the body twice
        lines += paragraphs[: rng.randint(1, len(paragraphs))]
    lines += rng.sample(FOOTER, k=rng.randint(1, len(FOOTER)))
    lines += rng.sample(NAVIGATION, k=rng.randint(0, 4))
    return "\n".join(lines) + "\n"


def write_dumps(directory: Path, count: int, seed: int = 1, per_dir: int = 500) -> int:
    """Write `count` dumps below directory, `per_dir` to a subdirectory (a crawl's shape); returns the bytes."""
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        folder = directory / f"site-{index // per_dir:03d}"
        if index % per_dir == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = make_dump(rng, index).encode("utf-8")
        (folder / f"{index:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def cpu_pressure() -> float | None:
    """Share of the last minute in which runnable tasks waited for a CPU (Linux PSI), in %; None elsewhere."""
    try:
        some = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    return float(dict(item.split("=") for item in some.split()[1:])["avg60"])


def time_run(source: Path, jobs: int) -> dict[str, Any]:
    """One `newsclean clean SOURCE -o OUT --jobs N` in a fresh process; wall time and its summary."""
    out = Path(tempfile.mkdtemp(prefix="newsclean-bench-out-"))
    summary_file = out.parent / (out.name + ".summary.json")
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsclean", "clean", str(source), "-o", str(out), "--jobs", str(jobs),
                        "--quiet", "--summary-json", str(summary_file)], check=True)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # The newsclean process itself (walk, planning, results): workers are not its children.
        parent_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        summary = json.loads(summary_file.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(out, ignore_errors=True)
        summary_file.unlink(missing_ok=True)
    return {"seconds": seconds, "files": summary["files"]["read"], "bytes": summary["bytes_read"],
            "failed": summary["failed"], "cpu_seconds": summary["cpu_seconds"], "parent_cpu_seconds": parent_cpu}


def run(files: int = 20_000, runs: int = 3, jobs: tuple[int, ...] = (1, 2), seed: int = 1) -> dict[str, Any]:
    """Generate the dumps, time each job count `runs` times (median), and return the results."""
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        source = Path(tmp) / "crawl"
        total_bytes = write_dumps(source, files, seed)
        results: dict[str, Any] = {
            "benchmark": "batch_speed",
            "files": files,
            "bytes": total_bytes,
            "mean_file_bytes": round(total_bytes / files) if files else 0,
            "runs_per_setting": runs,
            "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "python": sys.version.split()[0],
            "jobs": {},
        }
        # Other processes on the machine skew a parallel speed-up: record how busy it was.
        results["load_average_before"] = round(os.getloadavg()[0], 2)
        results["cpu_pressure_before"] = cpu_pressure()
        # Runs alternate between job counts, so a burst of load elsewhere hits all of them alike.
        timed: dict[int, list[dict[str, Any]]] = {n: [] for n in jobs}
        for _ in range(runs):
            for n in jobs:
                timed[n].append(time_run(source, n))
        for n, timings in timed.items():
            seconds = statistics.median(t["seconds"] for t in timings)
            assert all(t["files"] == files and t["failed"] == 0 for t in timings), timings
            results["jobs"][str(n)] = {
                "seconds_median": round(seconds, 3),
                "seconds_all": [round(t["seconds"], 3) for t in timings],
                "files_per_second": round(files / seconds, 1),
                "mb_per_second": round(total_bytes / 1e6 / seconds, 2),
                # CPU time spent cleaning, over all workers: equal across job counts when the
                # workers add no overhead; divided by the wall time, how many CPUs the run got.
                "cleaning_cpu_seconds_median": round(statistics.median(t["cpu_seconds"] for t in timings), 3),
                "cpus_used": round(statistics.median(t["cpu_seconds"] / t["seconds"] for t in timings), 2),
                # With --jobs 1 this includes the cleaning; with workers it is the parent's own share.
                "main_process_cpu_seconds_median": round(
                    statistics.median(t["parent_cpu_seconds"] for t in timings), 3),
            }
        results["load_average_after"] = round(os.getloadavg()[0], 2)
        results["cpu_pressure_after"] = cpu_pressure()
        if "1" in results["jobs"] and "2" in results["jobs"]:
            one, two = results["jobs"]["1"]["seconds_median"], results["jobs"]["2"]["seconds_median"]
            results["speedup_2_vs_1"] = round(one / two, 2)
    return results


def main() -> None:
    """Command line: run the benchmark and write benchmarks/results/batch_speed.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000, help="dumps to generate (default 20,000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per job count; the median is kept (default 3)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to time (default 1 2)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"results file (default {RESULTS})")
    args = parser.parse_args()
    results = run(args.files, args.runs, tuple(args.jobs))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    temp = args.output.with_suffix(".json.tmp")
    temp.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    temp.replace(args.output)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

"""Start-up cost of newsclean: medians of N fresh interpreters per command, run in interleaved rounds.

    python benchmarks/startup.py                 # 21 rounds, writes results/startup.md
    python benchmarks/startup.py --runs 5 --no-write

Commands, each in a new process so nothing is warm but the OS file cache:
`python -c pass` (the floor), `python -c 'import newsclean'`, `newsclean --help`, `newsclean`
on samples/japan-us-minerals.txt (a 60-line dump), and in one process the import plus
`clean_file` of that sample (the first small document). Rounds interleave the commands so that
a burst of load on a shared machine hits all of them alike; the load average is recorded.
Beside wall time, the CPU time (user + system) of each child is reported: on a loaded machine
it moves much less than wall time, since waiting for a CPU is not counted.

The package is byte-compiled first (`compileall`), as `pip install` leaves it: without .pyc
files (an editable install under PYTHONDONTWRITEBYTECODE=1) every start compiles some 60
modules from source, about 45 ms that no installed copy pays.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "samples" / "japan-us-minerals.txt"
FIRST_DOCUMENT = (
    "import time; t = time.perf_counter(); import newsclean; "
    f"newsclean.clean_file({str(SAMPLE)!r}); print(time.perf_counter() - t)"
)
CLI = [sys.executable, "-m", "newsclean"]


def commands() -> dict[str, list[str]]:
    """The measured commands by label, all run with the Python that runs this script."""
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import newsclean'": [sys.executable, "-c", "import newsclean"],
        "newsclean --help": [*CLI, "--help"],
        "newsclean samples/japan-us-minerals.txt": [*CLI, str(SAMPLE)],
    }


def child_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_seconds(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU time of one run of argv, its output discarded (a failing command is an error)."""
    cpu, start = child_cpu(), time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, child_cpu() - cpu


def first_document_seconds() -> float:
    """Seconds from the start of `import newsclean` to the first cleaned sample, inside one fresh process."""
    out = subprocess.run([sys.executable, "-c", FIRST_DOCUMENT], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


IN_PROCESS = "import + first document (in-process)"


def measure(runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU seconds per run of every command, in `runs` interleaved rounds (after one
    unmeasured warm-up round, which also fills the rules cache)."""
    cmds = commands()
    wall: dict[str, list[float]] = {label: [] for label in [*cmds, IN_PROCESS]}
    cpu: dict[str, list[float]] = {label: [] for label in cmds}
    for round_no in range(runs + 1):
        for label, argv in cmds.items():
            seconds, cpu_seconds = run_seconds(argv)
            if round_no:
                wall[label].append(seconds)
                cpu[label].append(cpu_seconds)
        seconds = first_document_seconds()
        if round_no:
            wall[IN_PROCESS].append(seconds)
    return wall, cpu


def package_dir() -> Path:
    """The folder of the newsclean these commands import (PYTHONPATH included)."""
    found = subprocess.run([sys.executable, "-c", "import newsclean; print(newsclean.__file__)"],
                           check=True, capture_output=True, text=True)
    return Path(found.stdout.strip()).parent


def git_commit() -> str:
    """The checkout's short commit, with '+' when the tree has changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=package_dir(), capture_output=True, text=True).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD")
    return commit + ("+" if git("status", "--porcelain", "--", ".") else "") if commit else f"(not a checkout: {package_dir()})"


def markdown(times: dict[str, list[float]], cpu: dict[str, list[float]], load_before: tuple[float, ...],
             load_after: tuple[float, ...]) -> str:
    """The results as a Markdown table: wall median, min and max in ms, each median over
    `python -c pass`, and the CPU-time median and its excess over `python -c pass`."""
    floor = statistics.median(times["python -c pass"])
    cpu_floor = statistics.median(cpu["python -c pass"])
    runs = len(times["python -c pass"])
    lines = [
        "# Start-up",
        "",
        f"Measured {dt.date.today().isoformat()} at commit `{git_commit()}` by `python benchmarks/startup.py`, "
        f"{runs} interleaved rounds, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; load average "
        f"{load_before[0]:.2f} before and {load_after[0]:.2f} after (a shared machine: medians, not means).",
        "",
        "| command | median ms | min ms | max ms | median over `python -c pass` ms | CPU median ms | CPU over `python -c pass` ms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, values in times.items():
        median = statistics.median(values)
        over = "-" if label == "python -c pass" else f"{(median - floor) * 1000:.0f}"
        cpu_median, cpu_over = "-", "-"
        if label == IN_PROCESS:
            over = "-"  # measured inside the process: the interpreter's own start is not in it
        else:
            cpu_median = f"{statistics.median(cpu[label]) * 1000:.0f}"
            if label != "python -c pass":
                cpu_over = f"{(statistics.median(cpu[label]) - cpu_floor) * 1000:.0f}"
        lines.append(f"| `{label}` | {median * 1000:.0f} | {min(values) * 1000:.0f} | {max(values) * 1000:.0f} | {over} "
                     f"| {cpu_median} | {cpu_over} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure, print the table, and write results/startup.md unless --no-write."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21, help="measured rounds (default 21)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave results/startup.md alone")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "startup.md", help="where to write the table")
    args = ap.parse_args()
    compileall.compile_dir(package_dir(), quiet=1)
    load_before = os.getloadavg()
    wall, cpu = measure(args.runs)
    table = markdown(wall, cpu, load_before, os.getloadavg())
    print(table, end="")
    if not args.no_write:
        args.out.write_text(table)


if __name__ == "__main__":
    main()

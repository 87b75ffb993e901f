"""Time and peak memory of `newsclean clean` on the inputs a crawl throws at it, built at run time.

    python benchmarks/hostile_inputs.py                  # every case, full sizes (about 3 minutes)
    python benchmarks/hostile_inputs.py --cases line,storm --no-write
    python benchmarks/hostile_inputs.py --dump-mb 20     # a smaller dump

Cases (each is one `newsclean clean ... --format jsonl` process, stdout to /dev/null):

- dump: one generated news dump of 200 MB (`--dump-mb`) with `--max-bytes 0`, cleaned whole;
- dump-limit: the same file with the default `--max-bytes` (64 MiB): refused with one line;
- line: one line of 10 MB of prose (`--line-mb`), alone in its file;
- token: one line of 100 kB and of 1 MB without a space (a hex dump), in a page: the case that
  once showed a regular expression rescanning a long token from each of its positions;
- storm: 50,000 near-identical long lines (`--storm-lines`), the duplicate stages' worst case;
- html-attributes: an HTML page with one element of 200,000 attributes (refused by
  `html_max_attributes` before the parser's quadratic attribute check runs).

Each command is the only child of a fresh Python process, whose `RUSAGE_CHILDREN.ru_maxrss` is
the command's peak resident memory. Results go to `results/hostile_inputs.json`; the tests
(`tests/test_bad_inputs.py`) build the same inputs at smaller or equal sizes with generous bounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from speed import SEED, DumpGenerator, newsclean_command, write_big_dump

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
MB = 1_000_000
# Sentences of running English text of our own: a line made of them is an article paragraph, so the
# whole pipeline (and the writer) handles the text, not only the stages that reject word salad.
SENTENCES = (
    "The council voted on Tuesday to approve the new budget after a debate that lasted well into the night.",
    "Residents of the eastern districts said they had waited years for the bus line to reach their streets.",
    "Officials expect the bridge to reopen in the spring, although engineers warned that repairs could take longer.",
    "The company reported a sharp rise in profits for the third quarter, helped by strong demand overseas.",
    "Police said the driver had been taken to hospital with minor injuries and the road was closed for two hours.",
    "Teachers welcomed the decision but said more money was needed to repair the crumbling school buildings.",
    "The museum will extend its opening hours during the summer to cope with the growing number of visitors.",
    "Scientists at the university have found a new species of beetle in a forest only a few kilometres away.",
    "Hospital managers said waiting times for routine operations had fallen for the first time in three years.",
    "The old cinema on the main square is to become a library, a cafe and a rehearsal space for local bands.",
)

# Runs a command as its only child and reports that child's peak RSS: RUSAGE_CHILDREN of a fresh
# process holds nothing else. ru_maxrss is in KiB on Linux.
RSS_WRAPPER = """
import json, resource, subprocess, sys, time
stdin = open(sys.argv[1], "rb") if sys.argv[1] else subprocess.DEVNULL
t0 = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": wall, "peak_mib": rss / 1024, "exit": done.returncode,
                  "stderr": done.stderr.decode("utf-8", "replace")}))
"""


def measure(command: Sequence[str], timeout: float, stdin: Path | None = None) -> dict[str, Any]:
    """Wall seconds, peak resident memory (MiB), exit status and stderr of one command.

    Raises subprocess.TimeoutExpired when it runs longer than timeout (the command is killed).
    """
    done = subprocess.run([sys.executable, "-c", RSS_WRAPPER, str(stdin or ""), *command],
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"measuring {command[-1]} failed: {done.stderr[-500:]}")
    return json.loads(done.stdout)


def prose_line(size: int, seed: int = SEED) -> str:
    """One line of running text about `size` characters long (the sentences above, in a seeded order)."""
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)


def token_page(size: int, seed: int = SEED) -> str:
    """A short article whose first line is one `size`-character token without spaces (a hex dump)."""
    gen = DumpGenerator(seed)
    token = ("0123456789abcdef" * (size // 16 + 1))[:size]
    return "\n".join([token, gen.headline(), *(gen.paragraph() for _ in range(6))]) + "\n"


def storm(lines: int) -> str:
    """`lines` near-identical long lines (same first and last words, a number in the middle)."""
    return "".join(f"The river gauge at the old harbour bridge showed a reading of {1000 + i} centimetres "
                   "on the morning the regional flood warning was issued.\n" for i in range(lines))


def many_attributes_page(count: int) -> str:
    """A page with one paragraph carrying `count` distinct attributes."""
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(count))
    return f"<html><body><article><p {attributes}>The council met on Tuesday.</p></article></body></html>\n"


def build(case: str, workdir: Path, args: argparse.Namespace) -> tuple[Path, list[str], int]:
    """The input file of a case, the extra CLI options, and the input's size in bytes."""
    path = workdir / f"{case}.txt"
    options: list[str] = []
    if case in ("dump", "dump-limit"):
        path = workdir / "dump.txt"
        if not path.exists():
            write_big_dump(path, int(args.dump_mb * MB), SEED + 40)
        options = ["--max-bytes", "0"] if case == "dump" else []
    elif case == "line":
        path.write_text(prose_line(int(args.line_mb * MB)) + "\n", encoding="utf-8")
    elif case.startswith("token-"):
        path.write_text(token_page(int(case.removeprefix("token-")) * 1000), encoding="utf-8")
    elif case == "storm":
        path.write_text(storm(args.storm_lines), encoding="utf-8")
    elif case == "html-attributes":
        path = workdir / "attributes.html"
        path.write_text(many_attributes_page(args.attributes), encoding="utf-8")
    else:
        raise ValueError(case)
    return path, options, path.stat().st_size


CASES: dict[str, Callable[[argparse.Namespace], str]] = {
    "dump": lambda a: f"one {a.dump_mb:g} MB dump, --max-bytes 0",
    "dump-limit": lambda a: f"one {a.dump_mb:g} MB dump, default --max-bytes (64 MiB)",
    "line": lambda a: f"one line of {a.line_mb:g} MB (prose)",
    "storm": lambda a: f"{a.storm_lines:,} near-identical lines",
    "html-attributes": lambda a: f"HTML element with {a.attributes:,} attributes",
}


def token_label(case: str) -> Callable[[argparse.Namespace], str]:
    return lambda a: f"one line of {case.removeprefix('token-')} kB without a space, in a page"


def run(args: argparse.Namespace) -> dict[str, Any]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsclean-hostile-") as tmp:
        for case in args.cases:
            path, options, size = build(case, Path(tmp), args)
            label = (token_label(case) if case.startswith("token-") else CASES[case])(args)
            print(f"  {label} ...", file=sys.stderr, flush=True)
            command = [*newsclean_command(), "clean", "--format", "jsonl", *options, str(path)]
            row: dict[str, Any] = {"case": case, "input": label, "input_bytes": size}
            try:
                row.update(measure(command, args.timeout))
                row["stderr"] = row["stderr"].strip()[-300:]
                row["x_input"] = round(row["peak_mib"] * 1024 * 1024 / size, 2)
                row["mb_per_s"] = round(size / MB / row["seconds"], 2) if row["seconds"] else None
            except subprocess.TimeoutExpired:
                row["error"] = f"timed out after {args.timeout:.0f} s"
            rows.append(row)
            print("    " + describe(row), file=sys.stderr, flush=True)
    return {"date": dt.date.today().isoformat(), "python": sys.version.split()[0], "rows": rows}


def describe(row: dict[str, Any]) -> str:
    if "error" in row:
        return f"{row['input']}: {row['error']}"
    return (f"{row['input']}: {row['seconds']:.2f} s, peak {row['peak_mib']:.0f} MiB "
            f"({row['x_input']:.1f}x the input), exit {row['exit']}"
            + (f", stderr: {row['stderr']}" if row["stderr"] else ""))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default=",".join(CASES) + ",token", help=f"comma-separated subset of {', '.join(CASES)}, token")
    ap.add_argument("--dump-mb", type=float, default=200)
    ap.add_argument("--line-mb", type=float, default=10)
    ap.add_argument("--token-kb", default="100,1000", help="lengths of the token lines in kB")
    ap.add_argument("--storm-lines", type=int, default=50_000)
    ap.add_argument("--attributes", type=int, default=200_000)
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a case counts as timed out")
    ap.add_argument("--out", type=Path, default=RESULTS / "hostile_inputs.json")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    cases = [c for c in args.cases.split(",") if c]
    unknown = set(cases) - set(CASES) - {"token"}
    if unknown:
        ap.error(f"unknown cases: {', '.join(sorted(unknown))}")
    args.cases = [part for c in cases for part in ([f"token-{kb}" for kb in args.token_kb.split(",")] if c == "token" else [c])]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    results = run(args)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    for row in results["rows"]:
        print(describe(row))
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

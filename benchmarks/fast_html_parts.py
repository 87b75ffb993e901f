"""Where the fast HTML engine's time goes: CPU milliseconds a page for each part of its work.

    python benchmarks/fast_html_parts.py                   # the train corpus's HTML, 3 rounds
    python benchmarks/fast_html_parts.py --corpus dev --rounds 5
    python benchmarks/fast_html_parts.py --json out.json   # also the numbers as JSON

Each page's raw bytes go through the steps of `newsclean clean --html-engine fast`, one at a
time, each timed with time.process_time (CPU time of this process: the machine is shared, and
CPU time is what other work inflates least): decoding (for a UTF-8 page, api.parse_bytes's check
that its bytes can be read as they are), the server-message strip and the
attribute guard, Lexbor's parse, the metadata (head and JSON-LD), the walk over the DOM
(read_blocks), making the Blocks (and marking the JSON-LD's media texts), the stages up to
`page_furniture` (the title's site name, then the furniture), the text stages on what it left
(`CleanWhatIsLeft`), and the DOM stages after them (`dom_stages`: paragraph runs, teasers, link
lines, standfirst, date line, named furniture, loose lines, other stories, cell tails). Each round reads every page once; the table gives each part's
median over the rounds. To compare two commits, run the script on each in turn, several times,
alternating (two code versions cannot share one process).

What the cleaning imports only when a page first needs it (ftfy for mojibake, rapidfuzz for long
near-copies, charset_normalizer for pages without a declared charset) is imported before the
first round: a one-time cost of the process (0.1-0.2 s, of ftfy most), not of the pages that
happen to need it first (it used to be billed to `blocks` and `text_stages` with --rounds 1).

The cyclic garbage collector is tuned as in the CLI's cleaning processes (`settle_collector`,
pool workers and --jobs 1) after the first page; `--default-gc` keeps Python's defaults, as a
program calling `clean_raw` has them. Its CPU time (inside the parts) is given apart too.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Imported by the cleaning only when a page first needs them (see the module's docstring).
LAZY_IMPORTS = ("ftfy", "rapidfuzz.fuzz", "charset_normalizer", "statistics")
PARTS = ("decode", "guards", "parse", "metadata", "walk", "blocks", "page_furniture", "text_stages", "dom_stages")


def page_parts(source: str, data: bytes, clock: Callable[[], float] = time.process_time) -> dict[str, float]:
    """CPU seconds of each part of cleaning one page with the fast engine (PARTS order)."""
    from newsclean import Config, Document
    from newsclean.parse import fast_html
    from newsclean.parse.domshape import lexbor_page
    from newsclean.read.charsets import declared_charset
    from newsclean.read.raw import decode, reads_as_utf8
    from newsclean.read.server_messages import holds_no_messages, strip_server_messages

    config = Config(html_engine="fast")
    times: list[float] = [clock()]
    # As api.parse_bytes: a UTF-8 page without server messages is read from its bytes as they are
    # (the check is `decode`), others are decoded and their text read.
    page_input: str | bytes = data
    if reads_as_utf8(data):
        encoding = "utf-8"
        times.append(clock())
        if not holds_no_messages(data):
            page_input = strip_server_messages(data.decode("utf-8"))
    else:
        text, encoding = decode(data, source, declared_charset(data, None))
        times.append(clock())
        page_input = strip_server_messages(text)
    fast_html.most_attributes(page_input, config.html_max_attributes)
    times.append(clock())
    page = lexbor_page(page_input)
    times.append(clock())
    media: set[str] = set()
    meta, article_body = fast_html.fast_metadata(page, media)
    times.append(clock())
    reader = fast_html.read_blocks(page, source, config)
    times.append(clock())
    blocks = fast_html.mark_media_texts(fast_html.make_blocks(reader, article_body, figures=True, cards=True), media)
    times.append(clock())
    doc = Document(source=source, blocks=blocks, meta=meta, input_format="html", encoding=encoding)
    for group in stage_groups():
        for stage in group:
            doc = stage(doc, config)
        times.append(clock())
    return {part: after - before for part, before, after in zip(PARTS, times, times[1:])}


def stage_groups() -> tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]:
    """The fast engine's stages (pipeline.FAST_HTML_STAGES) in the three parts timed: up to and with
    `page_furniture`, the text stages (`CleanWhatIsLeft`), and the DOM stages after them."""
    from newsclean.pipeline import FAST_HTML_STAGES, CleanWhatIsLeft
    from newsclean.stages.dom import mark_page_furniture

    furniture = FAST_HTML_STAGES.index(mark_page_furniture) + 1
    text = next(i for i, stage in enumerate(FAST_HTML_STAGES) if isinstance(stage, CleanWhatIsLeft)) + 1
    return FAST_HTML_STAGES[:furniture], FAST_HTML_STAGES[furniture:text], FAST_HTML_STAGES[text:]


class CollectorClock:
    """CPU seconds the cyclic garbage collector spends while installed (gc.callbacks)."""

    def __init__(self) -> None:
        self.seconds = self._started = 0.0

    def __call__(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started


def measure(pages: list[tuple[str, bytes]], rounds: int) -> dict[str, Any]:
    """Median over the rounds of each part's CPU milliseconds a page (and the collector's, which
    the parts include), and pages per CPU second."""
    per_round: dict[str, list[float]] = {part: [] for part in (*PARTS, "total", "of which gc")}
    for _ in range(rounds):
        sums = dict.fromkeys(per_round, 0.0)
        collector = CollectorClock()
        gc.callbacks.append(collector)
        for source, data in pages:
            for part, seconds in page_parts(source, data).items():
                sums[part] += seconds
                sums["total"] += seconds
        gc.callbacks.remove(collector)
        sums["of which gc"] = collector.seconds
        for part, seconds in sums.items():
            per_round[part].append(seconds * 1000 / len(pages))
    medians = {part: round(statistics.median(values), 3) for part, values in per_round.items()}
    return {"pages": len(pages), "rounds": rounds, "ms_per_page": medians,
            "pages_per_cpu_second": round(1000 / medians["total"], 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="train", help="a folder of ../shared/corpus (dev, train)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    ap.add_argument("--default-gc", action="store_true", help="Python's collector settings, not the CLI's")
    args = ap.parse_args()
    paths = sorted((SHARED / "corpus" / args.corpus).glob("*.html"))[: args.limit]
    if not paths:
        print(f"no pages in {SHARED / 'corpus' / args.corpus}", file=sys.stderr)
        return 1
    pages = [(str(path), path.read_bytes()) for path in paths]
    page_parts(*pages[0])  # lazy imports and caches are not billed to the first round
    for name in LAZY_IMPORTS:
        importlib.import_module(name)
    if not args.default_gc:
        from newsclean.batch.worker import settle_collector

        settle_collector()
    result = measure(pages, args.rounds)
    print("| part | CPU ms a page |\n| --- | --- |")
    for part, ms in result["ms_per_page"].items():
        print(f"| {part} | {ms:.2f} |")
    print(f"\n{result['pages']} pages, median of {result['rounds']} rounds: {result['pages_per_cpu_second']} pages per CPU second")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

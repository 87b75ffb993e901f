"""Why newsclean reads WARC with warcio: read time of warcio and FastWARC beside the cleaning time.

Builds a gzipped WARC of the dev corpus's HTML pages (5 copies, with warcio's writer), then times
reading every response payload with each library (median of 5), and compares it with newsclean's
own time per HTML page (benchmarks/results/speed.json). FastWARC is optional:
`pip install fastwarc` to include it.

    python benchmarks/warc_readers.py [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"


def build_warc(pages: list[bytes], copies: int) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for copy in range(copies):
        for number, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(page)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.com/{copy}/{number}", "response",
                                                          payload=io.BytesIO(page), http_headers=headers))
    return buffer.getvalue()


def read_with_warcio(data: bytes) -> int:
    from warcio.archiveiterator import ArchiveIterator

    return sum(len(record.content_stream().read()) for record in ArchiveIterator(io.BytesIO(data))
               if record.rec_type == "response")


def read_with_fastwarc(data: bytes) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response, parse_http=True,
                              fsspec_args=False)
    return sum(len(record.reader.read()) for record in records)


def median_seconds(read: Callable[[bytes], int], data: bytes, runs: int = 5) -> tuple[float, int]:
    times, total = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        total = read(data)
        times.append(time.perf_counter() - started)
    return statistics.median(times), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=5)
    args = parser.parse_args()
    pages = [path.read_bytes() for path in sorted(args.corpus.glob("*.html"))]
    data = build_warc(pages, args.copies)
    records = len(pages) * args.copies
    results: dict[str, object] = {"records": records, "warc_gz_bytes": len(data)}
    readers = {"warcio": read_with_warcio, "fastwarc": read_with_fastwarc}
    for name, read in readers.items():
        try:
            seconds, payload = median_seconds(read, data)
        except ImportError:
            print(f"{name}: not installed, skipped")
            continue
        results[name] = {"seconds": round(seconds, 4), "us_per_record": round(seconds / records * 1e6),
                         "payload_bytes": payload}
        print(f"{name}: {seconds * 1000:.0f} ms for {records} records, {seconds / records * 1e6:.0f} us a record")
    speed = HERE / "results" / "speed.json"
    if speed.exists():
        rows = json.loads(speed.read_text()).get("throughput", {}).get("paths", {}).get("html", {}).get("rows", [])
        for row in rows:
            if row["system"] == "newsclean":
                results["newsclean_us_per_html_page"] = round(1e6 / row["docs_per_s"])
                print(f"newsclean cleans an HTML page in {1e6 / row['docs_per_s']:.0f} us (results/speed.json)")
    (HERE / "results" / "warc_readers.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

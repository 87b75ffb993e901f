"""WARC archives built with warcio: every HTML or text payload is a document with its capture metadata."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import zstandard
from conftest import SAMPLES
from pages import ERROR_PAGES, FRENCH, PARAGRAPHS, TITLE, article_html, write_warc

import newsclean
from newsclean import Config, InputError, Verdict

DUMP = SAMPLES / "japan-us-minerals.txt"
ARTICLE_URL = "https://courier.example/news/riverside-park?utm=feed"


def crawl_records() -> list[dict]:
    return [
        {"url": ARTICLE_URL, "body": article_html().encode("utf-8")},
        {"url": "https://courier.example/old-story", "body": ERROR_PAGES["server_404"].encode(), "status": "404 Not Found"},
        {"url": "https://courier.example/logo.png", "body": b"\x89PNG\r\n\x1a\n" + bytes(200), "content_type": "image/png"},
        {"url": "https://courier.example/app.js", "body": b"console.log('hi')", "content_type": "application/javascript"},
        {"url": "https://courier.example/moved", "body": b"", "status": "301 Moved Permanently"},
        {"url": "https://courier.example/wire.txt", "type": "resource", "body": DUMP.read_bytes(), "content_type": "text/plain"},
    ]


@pytest.mark.parametrize("compressed", [True, False])
def test_html_and_text_records_become_documents_with_capture_metadata(tmp_path: Path, compressed: bool) -> None:
    warc = write_warc(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), crawl_records(), gzip=compressed)
    docs = list(newsclean.clean_path(str(warc)))
    assert len(docs) == 3  # the page, the 404, the text resource; not the image, script or empty redirect
    page, missing, wire = docs
    assert page.source.startswith(f"{warc}#urn:uuid:")
    assert page.verdict is Verdict.ARTICLE and page.paragraphs == PARAGRAPHS
    assert page.meta.title == TITLE and page.meta.status == 200
    assert page.meta.url == ARTICLE_URL  # where it was fetched: the capture's URL
    assert page.meta.canonical_url == "https://courier.example/news/riverside-park"  # the page's own
    assert missing.verdict is Verdict.ERROR_PAGE
    assert missing.meta.status == 404 and missing.meta.url == "https://courier.example/old-story"
    assert missing.meta.date is not None and missing.meta.date.endswith("Z")  # the capture date (WARC-Date)
    assert wire.input_format == "text" and len(wire.paragraphs) == 7
    assert wire.meta.url == "https://courier.example/wire.txt"


def test_cli_writes_one_jsonl_record_per_document(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    result = subprocess.run([sys.executable, "-m", "newsclean", str(warc), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # The text resource carries its own scraper header line (` date 2025-10-28 403`).
    assert [(r["status"], r["verdict"]) for r in records] == [(200, "article"), (404, "error_page"), (403, "article")]
    assert len({r["source"] for r in records}) == 3


def test_chunked_and_gzip_encoded_payloads_are_decoded(tmp_path: Path) -> None:
    body = gzip.compress(article_html().encode("utf-8"))
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 500]), body[i:i + 500]) for i in range(0, len(body), 500)) + b"0\r\n\r\n"
    record = {"url": ARTICLE_URL, "body": chunked, "headers": [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]}
    [doc] = list(newsclean.clean_path(str(write_warc(tmp_path / "c.warc.gz", [record]))))
    assert doc.paragraphs == PARAGRAPHS


def test_http_charset_header_decodes_a_legacy_page(tmp_path: Path) -> None:
    html = article_html(paragraphs=FRENCH).replace('<meta charset="utf-8">', "")
    record = {"url": ARTICLE_URL, "body": html.encode("cp1252"), "content_type": "text/html; charset=ISO-8859-1"}
    [doc] = list(newsclean.clean_path(str(write_warc(tmp_path / "l.warc", [record], gzip=False))))
    assert doc.encoding == "cp1252"
    assert doc.paragraphs == FRENCH


def test_wet_conversion_records_and_zstd_archive(tmp_path: Path) -> None:
    record = {"url": "https://news.example/a", "type": "conversion", "body": DUMP.read_bytes(), "date": "2025-10-29T08:00:00Z"}
    warc = write_warc(tmp_path / "crawl.warc.wet", [record], gzip=False)
    packed = tmp_path / "crawl.warc.zst"
    packed.write_bytes(zstandard.compress(warc.read_bytes()))
    [doc] = list(newsclean.clean_path(str(packed)))
    assert len(doc.paragraphs) == 7
    assert doc.meta.date == "2025-10-29T08:00:00Z"  # what the archive knew comes first
    assert doc.meta.status == 403  # the dump's own header line fills what the archive did not know


def test_oversized_record_fails_alone(tmp_path: Path) -> None:
    records = [{"url": "https://a.example/big", "body": article_html(paragraphs=PARAGRAPHS * 40).encode()},
               {"url": ARTICLE_URL, "body": article_html().encode()}]
    warc = write_warc(tmp_path / "big.warc.gz", records)
    errors: list[InputError] = []
    docs = list(newsclean.clean_path(str(warc), Config(max_bytes=8000), on_error=errors.append))
    assert [d.meta.title for d in docs] == [TITLE]
    assert len(errors) == 1 and errors[0].problem == "record larger than --max-bytes (8,000 bytes)"


def test_broken_http_encoding_fails_alone(tmp_path: Path) -> None:
    packed = gzip.compress(article_html().encode())
    broken = packed[:30] + bytes(300) + packed[330:]  # warcio hands back the undecodable bytes as they are
    records = [{"url": "https://a.example/x", "body": broken, "headers": [("Content-Encoding", "gzip")]},
               {"url": ARTICLE_URL, "body": zlib.compress(article_html().encode()), "headers": [("Content-Encoding", "deflate")]}]
    errors: list[InputError] = []
    docs = list(newsclean.clean_path(str(write_warc(tmp_path / "e.warc.gz", records)), on_error=errors.append))
    assert [d.paragraphs for d in docs] == [PARAGRAPHS]
    assert [e.problem for e in errors] == ["not text: looks like gzip-compressed data"]  # the encoding was not undone


@pytest.mark.parametrize("where", ["inside the second record's header", "inside the second record's payload"])
def test_truncated_archive_keeps_the_records_before_the_damage(tmp_path: Path, where: str) -> None:
    warc = write_warc(tmp_path / "crawl.warc", crawl_records(), gzip=False)
    data = warc.read_bytes()
    second = data.index(b"old-story")
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: second - 50 if "header" in where else second + 600])
    errors: list[InputError] = []
    docs = list(newsclean.clean_path(str(cut), on_error=errors.append))
    assert [d.meta.title for d in docs][:1] == [TITLE]
    assert [e.source for e in errors] == [str(cut)]
    assert errors[0].problem.startswith("invalid WARC after record")


def test_text_output_names_each_record(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    result = subprocess.run([sys.executable, "-m", "newsclean", str(warc)], capture_output=True, text=True, timeout=60)
    headers = [line for line in result.stdout.splitlines() if line.startswith("==> ")]
    assert len(headers) == 3 and all(line.startswith(f"==> {warc}#urn:uuid:") for line in headers)
    assert f"{TITLE}\n\n{PARAGRAPHS[0]}" in result.stdout


def test_warc_raw_document_turns_records_of_ones_own_iteration_into_the_same_documents(tmp_path: Path) -> None:
    # What a Spark job over WARC files does: iterate the records itself, clean each one.
    from warcio.archiveiterator import ArchiveIterator

    warc = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    with warc.open("rb") as stream:
        raws = [newsclean.warc_raw_document(record, str(warc)) for record in ArchiveIterator(stream)]
    # The warcinfo record, the image, the script and the empty redirect are no documents.
    assert [raw is None for raw in raws] == [True, False, False, True, True, True, False]
    mine = [newsclean.to_dict(newsclean.clean_raw(raw)) for raw in raws if raw is not None]
    assert mine == [newsclean.to_dict(doc) for doc in newsclean.clean_path(str(warc))]


def test_warc_raw_document_reports_a_record_over_the_size_limit(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    warc = write_warc(tmp_path / "big.warc", crawl_records()[:1], gzip=False)
    with warc.open("rb") as stream:
        [document] = [newsclean.warc_raw_document(record, "big.warc", max_bytes=100) for record in ArchiveIterator(stream)
                      if record.rec_type == "response"]  # a record is read while it is the iterator's current one
    assert document is not None and document.problem and "--max-bytes" in document.problem
    with pytest.raises(InputError, match="max-bytes"):
        newsclean.clean_raw(document)


def test_no_size_limit_still_reads_every_payload(tmp_path: Path) -> None:
    # --max-bytes 0 means no limit; warcio's reader once gave back nothing for read(-1).
    warc = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    docs = list(newsclean.clean_path(str(warc), Config(max_bytes=0)))
    assert [doc.verdict for doc in docs] == [Verdict.ARTICLE, Verdict.ERROR_PAGE, Verdict.ARTICLE]

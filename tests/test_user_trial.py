"""What a new user tripped over (issue #15): data lost without a word, settings not checked, shell
manners. Each test failed before its fix."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES
from pages import PARAGRAPHS, TITLE, article_html, write_warc

import newsclean
from newsclean import Config, Verdict
from newsclean.cli import main

DUMP = SAMPLES / "japan-us-minerals.txt"
PAGE_URL = "https://courier.example/feed/item?id=42"
CANONICAL = "https://courier.example/news/riverside-park"
PHP_WARNING = ("<br />\n<b>Warning</b>:  Undefined variable $section in "
               "<b>/var/www/html/wp-content/themes/news/header.php</b> on line <b>42</b><br />\n")


def invoke(*args: object, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, [*map(str, args)], input=stdin, catch_exceptions=False)


# --- data lost without a word --------------------------------------------------------------------


def test_a_few_nul_bytes_in_text_are_dropped_and_the_text_cleaned() -> None:
    data = DUMP.read_bytes()
    damaged = data.replace(b"agreement", b"agree\x00ment", 1).replace(b"\n", b"\n\x00", 3)
    assert newsclean.clean_bytes(damaged, "page.txt").paragraphs == newsclean.clean_bytes(data).paragraphs


def test_binary_data_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(newsclean.NotTextError, match="binary data \\(NUL bytes\\)"):
        newsclean.clean_bytes(b"\x00\x00\x01\x02text" * 200)


def test_a_gzip_payload_given_to_clean_bytes_says_how_to_read_it() -> None:
    with pytest.raises(newsclean.NotTextError, match="gzip-compressed data.*clean_file or clean_path"):
        newsclean.clean_bytes(gzip.compress(DUMP.read_bytes()))


def test_max_bytes_0_on_a_warc_means_no_limit(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "c.warc", [{"url": PAGE_URL, "body": article_html().encode()}], gzip=False)
    docs = list(newsclean.clean_path(str(warc), Config(max_bytes=0)))
    assert [d.paragraphs for d in docs] == [PARAGRAPHS]


def test_the_container_url_stays_and_the_page_link_is_canonical_url(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "c.warc.gz", [{"url": PAGE_URL, "body": article_html().encode()}])
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"url": PAGE_URL, "html": article_html()}) + "\n")
    page = tmp_path / "page.html"
    page.write_text(article_html())
    for path in (warc, jsonl):
        result = invoke(path, "-f", "jsonl")
        record = json.loads(result.stdout)
        assert (record["url"], record["canonical_url"]) == (PAGE_URL, CANONICAL), path
    record = json.loads(invoke(page, "-f", "json").stdout)
    assert (record["url"], record["canonical_url"]) == (CANONICAL, CANONICAL)  # no container: the page's own


def test_html_after_a_php_warning_is_read_as_html_without_the_warning() -> None:
    doc = newsclean.clean_bytes((PHP_WARNING * 2 + article_html()).encode())
    assert doc.input_format == "html" and doc.meta.title == TITLE
    assert doc.paragraphs == PARAGRAPHS


def test_php_warnings_inside_a_page_are_not_text() -> None:
    page = article_html().replace("<p>", "<p>" + PHP_WARNING.replace("Warning", "Notice"), 1)
    assert newsclean.clean(page).paragraphs == PARAGRAPHS


def test_prose_that_starts_like_a_warning_is_left_alone() -> None:
    text = "Warning: the bridge on line 5 is closed until Monday, the council said in <b>bold</b> type.\n"
    assert not newsclean.clean(text).input_format == "html"


def _two_record_warc(tmp_path: Path) -> bytes:
    records = [{"url": PAGE_URL, "body": article_html().encode()}, {"url": CANONICAL, "body": article_html().encode()}]
    return write_warc(tmp_path / "whole.warc", records, gzip=False).read_bytes()


def test_a_warc_cut_off_inside_its_last_record_reports_the_record(tmp_path: Path) -> None:
    cut = tmp_path / "cut.warc"
    cut.write_bytes(_two_record_warc(tmp_path)[:-400])
    result = invoke(cut, "-f", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # the whole first record only
    assert "record cut off:" in result.stderr and "the WARC file is truncated" in result.stderr


def test_a_warc_cut_off_inside_a_skipped_record_is_reported(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "img.warc", [{"url": PAGE_URL, "body": article_html().encode()},
                                                {"url": "https://a.example/i.png", "body": b"\x89PNG" + bytes(3000),
                                                 "content_type": "image/png"}], gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:-1000])
    errors: list[newsclean.InputError] = []
    docs = list(newsclean.clean_path(str(cut), on_error=errors.append))
    assert len(docs) == 1 and [e.problem for e in errors] == [errors[0].problem]
    assert errors[0].problem.startswith("WARC file cut off inside record 3:")


def test_a_warc_start_followed_by_garbage_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"WARC/1.0\r\n" + b"lorem ipsum, not a header\n" * 50)
    result = invoke(bad)
    assert result.exit_code == 1
    assert "invalid WARC: record 1 has no WARC-Type header" in result.stderr


def test_clean_dir_into_itself_says_so(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.txt").write_bytes(DUMP.read_bytes())
    result = invoke("clean", crawl, "-o", crawl)
    assert result.exit_code == 2
    assert "the output directory is this input directory" in result.stderr
    assert sorted(p.name for p in crawl.iterdir()) == ["a.txt"]


def test_verdict_of_a_page_behind_a_warning_is_an_article() -> None:
    # Before: read as a text dump of markup and emptied.
    assert newsclean.clean(PHP_WARNING + article_html()).verdict is Verdict.ARTICLE


def test_cli_subprocess_reads_a_nul_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(DUMP.read_bytes().replace(b"\n", b"\x00\n", 1))
    result = subprocess.run([sys.executable, "-m", "newsclean", str(path)], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert b"Japan, US ink rare-earth minerals agreement" in result.stdout

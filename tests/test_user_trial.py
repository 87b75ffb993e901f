"""What a new user tripped over (issue #15): data lost without a word, settings not checked, shell
manners. Each test failed before its fix."""

from __future__ import annotations

import gzip
import json
import os
import re
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


# --- settings checked up front ------------------------------------------------------------------


@pytest.mark.parametrize(("setting", "message"), [
    ('duplicate_threshold = "x"', "duplicate_threshold must be a number from 0 to 100, not 'x'"),
    ("duplicate_threshold = 150", "duplicate_threshold must be a number from 0 to 100, not 150"),
    ("duplicate_threshold = -5", "duplicate_threshold must be a number from 0 to 100, not -5"),
    ('html_tables = "no"', "html_tables must be true or false, not 'no'"),
    ("max_bytes = -1", "max_bytes must be a whole number of at least 0, not -1"),
    ("header_max_lines = 2.5", "header_max_lines must be a whole number of at least 0, not 2.5"),
    ('max_bytes = "10 apples"', "max_bytes: not a size: '10 apples'"),
    ('rule_files = "mine.toml"', "rule_files must be a list of file names, not 'mine.toml'"),
])
def test_config_values_are_checked_with_one_line_and_status_2(tmp_path: Path, setting: str, message: str) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(setting + "\n")
    for command in ("clean", "diff"):
        result = invoke(command, "--config", config, DUMP)
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr.splitlines() == [f"newsclean: {config}: {message}" + result.stderr.split(message)[1].rstrip()]
        assert message in result.stderr and result.stdout == ""


def test_sizes_take_suffixes(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('max_bytes = "1K"\n')
    assert invoke(DUMP, "--max-bytes", "10M").exit_code == 0
    small = invoke(DUMP, "--max-bytes", "1KiB")
    assert small.exit_code == 1 and "larger than --max-bytes (1,024 bytes)" in small.stderr
    assert "larger than --max-bytes (1,024 bytes)" in invoke(DUMP, "--config", config).stderr
    wrong = invoke(DUMP, "--max-bytes", "10X")
    assert wrong.exit_code == 2 and "not a size: '10X'" in wrong.stderr


def test_input_format_json_reads_a_json_document(tmp_path: Path) -> None:
    path = tmp_path / "page.data"
    # One object per line would be sniffed as JSONL; --input-format json reads the whole document.
    path.write_text(json.dumps([{"url": PAGE_URL, "html": article_html()}, {"text": DUMP.read_text()}], indent=1))
    result = invoke(path, "--input-format", "json", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["url"] for line in result.stdout.splitlines()] == [PAGE_URL, "https://menafn.com/1110262418"] or \
        len(result.stdout.splitlines()) == 2


# --- shell manners -------------------------------------------------------------------------------

COMMAND = [sys.executable, "-m", "newsclean"]


def crawl_of(tmp_path: Path, names: list[str]) -> Path:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for name in names:
        (crawl / name).write_bytes(DUMP.read_bytes())
    return crawl


def test_a_filter_is_quiet_unless_asked_for_stats(tmp_path: Path) -> None:
    crawl = crawl_of(tmp_path, ["a.txt", "b.txt"])
    quiet = subprocess.run([*COMMAND, "clean", str(crawl)], capture_output=True, text=True, timeout=60)
    assert quiet.returncode == 0 and quiet.stderr == "" and len(quiet.stdout.splitlines()) == 2
    stats = subprocess.run([*COMMAND, "clean", str(crawl), "--stats"], capture_output=True, text=True, timeout=60)
    assert "newsclean: documents: 2 cleaned: 2 article" in stats.stderr
    failing = subprocess.run([*COMMAND, "clean", str(crawl), str(tmp_path / "missing.txt")],
                             capture_output=True, text=True, timeout=60)
    assert failing.stderr == f"newsclean: {tmp_path / 'missing.txt'}: no such file\n"  # errors always


def test_summary_json_dash_is_stdout_after_the_documents(tmp_path: Path) -> None:
    crawl = crawl_of(tmp_path, ["a.txt", "b.txt"])
    result = invoke("clean", crawl, "-f", "jsonl", "--summary-json", "-")
    assert result.exit_code == 0 and not (Path.cwd() / "-").exists()
    lines = result.stdout.splitlines()
    assert [json.loads(line)["verdict"] for line in lines[:2]] == ["article", "article"]
    assert json.loads("\n".join(lines[2:]))["documents"]["cleaned"] == 2


def test_a_container_gives_one_jsonl_output_unless_split(tmp_path: Path) -> None:
    records = [{"url": PAGE_URL, "body": article_html().encode()}, {"url": CANONICAL, "body": article_html().encode()}]
    warc = write_warc(tmp_path / "crawl.warc.gz", records)
    joined = invoke("clean", warc, "-o", tmp_path / "out", "-f", "jsonl")
    assert joined.exit_code == 0, joined.stderr
    outputs = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert [p.name for p in outputs] == ["crawl.jsonl"]
    assert [json.loads(line)["url"] for line in outputs[0].read_text().splitlines()] == [PAGE_URL, CANONICAL]
    invoke("clean", warc, "-o", tmp_path / "split", "-f", "jsonl", "--split-records")
    assert len([p for p in (tmp_path / "split").rglob("*.jsonl")]) == 2


def test_what_a_walk_leaves_out_is_counted_named_and_includable(tmp_path: Path) -> None:
    crawl = crawl_of(tmp_path, ["index", "article.php?id=3", "page.shtml", ".draft.txt"])
    summary = tmp_path / "summary.json"
    result = invoke("clean", crawl, "--summary-json", summary)
    assert result.exit_code == 0
    assert result.stderr.startswith("newsclean: no input files found; left out: 1 hidden (--hidden includes them), "
                                    f"e.g. {crawl / '.draft.txt'}; 3 not named like a dump")
    assert "--glob '*' includes them" in result.stderr
    assert json.loads(summary.read_text())["left_out"] == {
        "hidden (--hidden includes them)": 1,
        "not named like a dump (.txt, .html, .jsonl, ...; --glob '*' includes them)": 3}
    diff = invoke("diff", crawl)
    assert diff.stdout == "" and "no input files found; left out: " in diff.stderr
    taken = invoke("diff", crawl, "--glob", "*", "--jobs", "1", "--no-color")
    assert "total: 3 documents" in taken.stdout


def test_help_command_shows_the_help() -> None:
    assert "Clean raw scraped news dumps into the article." in invoke("help").stdout
    assert invoke("help", "diff").stdout.startswith("Usage: main diff [OPTIONS]")  # CliRunner names it main


def test_diff_reads_as_clean_reads(tmp_path: Path) -> None:
    pages = tmp_path / "pages.data"
    pages.write_text("\n".join(json.dumps({"body": DUMP.read_text(), "n": n}) for n in range(2)) + "\n")
    other = tmp_path / "more.data"
    other.write_text(json.dumps({"body": DUMP.read_text()}) + "\n")
    table = invoke("diff", pages, other, "--input-format", "jsonl", "--field", "body", "--no-color")
    assert table.exit_code == 0, table.stderr
    assert "total: 3 documents" in table.stdout  # in two files: documents, not files
    crawl = crawl_of(tmp_path, ["a.txt", "b.txt", "skip.txt"])
    excluded = invoke("diff", crawl, "--exclude", "skip*", "-j", "2", "--no-color")
    assert "total: 2 documents" in excluded.stdout and "1 excluded by --exclude" in excluded.stderr


def test_diff_side_by_side_of_a_table_asks_for_details(tmp_path: Path) -> None:
    crawl = crawl_of(tmp_path, ["a.txt", "b.txt"])
    result = invoke("diff", crawl, "-y")
    assert result.exit_code == 2 and "add --details" in result.stderr
    assert invoke("diff", crawl, "-y", "--details", "--no-color").exit_code == 0


def run_on_one_terminal(args: list[str]) -> str:
    """What a terminal showed when stdout and stderr both went to it."""
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(args, stdout=secondary, stderr=secondary, env={**os.environ, "TERM": "xterm"})
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    proc.wait(timeout=60)
    return shown.decode("utf-8", "replace")


def test_no_progress_bar_over_a_report_on_the_same_terminal(tmp_path: Path) -> None:
    crawl = crawl_of(tmp_path, [f"{n}.txt" for n in range(4)])
    shown = run_on_one_terminal([*COMMAND, "diff", str(crawl), "--no-pager"])
    assert "total: 4 documents" in shown and "cleaning" not in shown


# --- smaller -------------------------------------------------------------------------------------


def test_reasons_quote_cjk_phrases_as_written() -> None:
    doc = newsclean.clean_file(str(SAMPLES / "zh-gaotie-kaitong.txt"))
    reasons = [block.removal.reason for block in doc.removed() if block.removal]
    assert 'error page text ("启用JavaScript")' in reasons
    assert 'navigation or share label ("登录")' in reasons
    spaced = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]")
    assert not [r for r in reasons if '("' in r and spaced.search(r)]


def test_gitignore_holds_the_quick_start_output_directory() -> None:
    root = Path(__file__).resolve().parents[1]
    quick_start = re.search(r"newsclean clean samples/ -o (\S+)", (root / "README.md").read_text()).group(1)
    assert quick_start.strip("/") + "/" in (root / ".gitignore").read_text().splitlines()


def test_diff_jobs_gives_the_same_table_as_one_process(tmp_path: Path) -> None:
    crawl = crawl_of(tmp_path, [f"{n}.txt" for n in range(9)])  # enough for worker processes
    (crawl / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    one, two = (subprocess.run([*COMMAND, "diff", str(crawl), "-j", jobs, "--details", "--no-color"], capture_output=True,
                               text=True, timeout=120, env={**os.environ, "COLUMNS": "120"}) for jobs in ("1", "2"))
    assert one.returncode == two.returncode == 1  # the broken file
    assert one.stdout == two.stdout and "total: 10 documents" in two.stdout
    assert two.stderr == f"newsclean: {crawl / 'broken.txt'}: not text: looks like binary data (NUL bytes)\n"

"""JSON Lines: one document per record, text or HTML from a field, the other fields carried into the output."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from pages import PARAGRAPHS, TITLE, article_html

import newsclean
from newsclean import Config, InputError

DUMP_TEXT = (SAMPLES / "japan-us-minerals.txt").read_text(encoding="utf-8")


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def run_jsonl(*args: str) -> tuple[list[dict], list[str], int]:
    result = subprocess.run([sys.executable, "-m", "newsclean", "clean", "--format", "jsonl", *args],
                            capture_output=True, text=True, timeout=60)
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr.splitlines(), result.returncode


@pytest.mark.parametrize("field", ["text", "content", "raw_content", "body"])
def test_text_fields_are_found_by_name(tmp_path: Path, field: str) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [{"id": "n1", "url": "https://news.example/a", field: DUMP_TEXT}])
    [record], errors, status = run_jsonl(str(path))
    assert status == 0 and errors == []
    assert record["source"] == f"{path}#1"
    assert record["format"] == "text"
    assert record["title"] == "Japan, US ink rare-earth minerals agreement"
    assert len(record["paragraphs"]) == 7


def test_html_field_goes_through_the_html_path_and_wins_over_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pages.jsonl", [{"url": "https://courier.example/p", "text": "nav text", "html": article_html()}])
    [record], _, _ = run_jsonl(str(path))
    assert record["format"] == "html"
    assert record["title"] == TITLE
    assert record["paragraphs"] == PARAGRAPHS


def test_other_fields_become_metadata(tmp_path: Path) -> None:
    record_in = {"id": 42, "url": "https://news.example/a", "date": "2025-10-28", "lang": "en", "source_name": "wire", "text": DUMP_TEXT}
    path = write_jsonl(tmp_path / "crawl.jsonl", [record_in])
    [record], _, _ = run_jsonl(str(path))
    assert record["url"] == "https://news.example/a"
    assert record["date"] == "2025-10-28"
    assert record["language"] == "en"
    assert record["extra"] == {"id": "42", "source_name": "wire"}


def test_field_option_picks_a_custom_field(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [{"article_text": DUMP_TEXT, "text": "a teaser line"}])
    [record], _, _ = run_jsonl("--field", "article_text", str(path))
    assert len(record["paragraphs"]) == 7
    assert "article_text" not in record["extra"]


def test_bad_lines_are_reported_and_the_other_records_still_cleaned(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [
        {"id": "a", "text": DUMP_TEXT},
        "{broken json",
        "",
        ["not", "an", "object"],
        {"id": "d", "title": "no text here"},
        {"id": "e", "text": None},
        {"id": "f", "content": DUMP_TEXT},
    ])
    records, errors, status = run_jsonl(str(path))
    assert status == 1
    assert [r["source"] for r in records] == [f"{path}#1", f"{path}#7"]
    assert errors == [
        f"newsclean: {path}#2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"newsclean: {path}#4: not a JSON object but an array",
        f"newsclean: {path}#5: no text field (looked for html, raw_html, text, raw_content, content, body); choose one with --field",
        f"newsclean: {path}#6: no text field (looked for html, raw_html, text, raw_content, content, body); choose one with --field",
    ]


def test_named_field_missing_or_not_a_string(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [{"body": 3}, {"other": "x"}])
    _, errors, status = run_jsonl("--field", "body", str(path))
    assert status == 1
    assert errors == [f'newsclean: {path}#1: field "body" is a number, not a string',
                      f'newsclean: {path}#2: field "body" is missing']


def test_line_longer_than_the_limit_is_one_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [{"text": "x" * 20000}, {"text": DUMP_TEXT}])
    with pytest.raises(InputError, match=r"#1: line longer than --max-bytes \(10,000 bytes\)"):
        list(newsclean.clean_path(str(path), Config(max_bytes=10000)))
    errors: list[InputError] = []
    docs = list(newsclean.clean_path(str(path), Config(max_bytes=10000), on_error=errors.append))
    assert [e.source for e in errors] == [f"{path}#1"]
    assert [len(d.paragraphs) for d in docs] == [7]  # the record after it is read normally


def test_compressed_jsonl_and_forced_format(tmp_path: Path) -> None:
    packed = tmp_path / "crawl.jsonl.gz"
    packed.write_bytes(gzip.compress(json.dumps({"text": DUMP_TEXT}).encode() + b"\n"))
    [doc] = list(newsclean.clean_path(str(packed)))
    assert len(doc.paragraphs) == 7
    as_text = newsclean.clean_file(str(packed), Config(input_format="text"))
    assert as_text.input_format == "text" and as_text.blocks[0].text.startswith('{"text"')


def test_clean_file_refuses_several_records(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [{"text": DUMP_TEXT}, {"text": DUMP_TEXT}])
    with pytest.raises(InputError, match="holds several documents"):
        newsclean.clean_file(str(path))


def test_a_pretty_printed_json_document_is_one_record_not_one_per_line(tmp_path: Path) -> None:
    single = tmp_path / "page.json"
    single.write_text(json.dumps({"text": DUMP_TEXT, "url": "https://example.org/a"}, indent=2))
    [doc] = list(newsclean.clean_path(str(single)))
    assert doc.source == f"{single}#1" and doc.meta.url == "https://example.org/a" and len(doc.paragraphs) == 7
    listed = tmp_path / "pages.json"
    listed.write_text(json.dumps([{"text": DUMP_TEXT}, {"html": "<p>x</p>", "id": 2}], indent=1))
    assert [d.source for d in newsclean.clean_path(str(listed))] == [f"{listed}#1", f"{listed}#2"]
    metadata_only = tmp_path / "meta.json"
    metadata_only.write_text(json.dumps({"title": "A title", "byline": None}, indent=1))
    problems: list[str] = []
    assert list(newsclean.clean_path(str(metadata_only), on_error=lambda exc: problems.append(exc.problem))) == []
    assert problems == ["no text field (looked for html, raw_html, text, raw_content, content, body); choose one with --field"]

"""The Python API as README "Python API" documents it: clean, clean_bytes, clean_file, to_text,
to_dict, to_json, and the errors with their .source and .problem."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import BODY, HEADLINE, JSON_KEYS, dump

import newsclean
from newsclean import (
    Config,
    ConfigError,
    InputError,
    NewscleanError,
    NotTextError,
    Stage,
    TooLargeError,
    Verdict,
)

PAGE = dump(
    " date 2025-09-12 200",
    " url https://news.example.com/climate/lake-levels",
    "Home",
    "Climate",
    HEADLINE,
    "By Maria Lindqvist",
    *BODY[:3],
    BODY[1].replace("Monday", "Tuesday"),
    *BODY[3:],
    "Share",
    "Most popular stories",
    "Storm closes mountain pass for the second time this month",
)


def test_clean_gives_the_marked_document() -> None:
    doc = newsclean.clean(PAGE)
    assert isinstance(doc, newsclean.Document)
    assert doc.source == "-" and doc.input_format == "text" and doc.encoding == "utf-8"
    assert doc.verdict is Verdict.ARTICLE
    assert (doc.meta.title, doc.meta.date, doc.meta.status) == (HEADLINE, "2025-09-12", 200)
    assert doc.meta.url == "https://news.example.com/climate/lake-levels"
    assert doc.paragraphs == BODY
    removed = {b.line: b.removal.stage for b in doc.removed()}
    assert removed == {
        1: Stage.HEADER, 2: Stage.HEADER, 3: Stage.BOILERPLATE, 4: Stage.BOILERPLATE, 5: Stage.TITLE,
        6: Stage.BOILERPLATE, 10: Stage.DUPLICATE, 13: Stage.BOILERPLATE, 14: Stage.FOOTER, 15: Stage.FOOTER,
    }  # fmt: skip
    assert [b.line for b in doc.kept()] == [7, 8, 9, 11, 12]
    assert all(isinstance(b.removal.reason, str) and b.removal.reason for b in doc.removed())


def test_clean_names_the_source() -> None:
    assert newsclean.clean(PAGE, source="pages/lake.txt").source == "pages/lake.txt"


def test_config_changes_a_threshold() -> None:
    near = next(b for b in newsclean.clean(PAGE).removed() if b.removal.stage is Stage.DUPLICATE)
    assert 90 <= near.removal.score < 99
    strict = newsclean.clean(PAGE, config=Config(duplicate_threshold=99.5))
    assert near.text in strict.paragraphs


def test_clean_bytes_decodes_any_encoding() -> None:
    text = PAGE.replace("country's", "country’s café")
    for encoding, name in [("utf-8", "utf-8"), ("utf-16", "utf-16"), ("cp1252", "cp1252")]:
        doc = newsclean.clean_bytes(text.encode(encoding))
        assert doc.source == "<bytes>"
        assert doc.encoding == name
        assert doc.paragraphs[0].startswith("The level of the country’s café largest lake")
    assert newsclean.clean_bytes(PAGE.encode(), source="lake.txt").source == "lake.txt"


def test_clean_file_reads_plain_and_compressed_files(tmp_path: Path) -> None:
    plain = tmp_path / "lake.txt"
    plain.write_text(PAGE, encoding="utf-8")
    packed = tmp_path / "lake.txt.gz"
    packed.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    for path in (plain, packed):
        doc = newsclean.clean_file(str(path))
        assert doc.source == str(path)
        assert doc.paragraphs == BODY and doc.meta.title == HEADLINE
    assert newsclean.clean_file(plain).paragraphs == BODY  # a Path works too


def test_to_text_title_blank_line_paragraphs() -> None:
    doc = newsclean.clean(PAGE)
    assert newsclean.to_text(doc) == "\n\n".join([HEADLINE, *BODY]) + "\n"
    assert newsclean.to_text(doc, title=False) == "\n\n".join(BODY) + "\n"
    assert newsclean.to_text(newsclean.clean("")) == ""
    assert newsclean.to_text(newsclean.clean(dump("404", "Page not found", "The page you requested could not be found."))) == ""


def test_to_dict_is_the_documented_record() -> None:
    doc = newsclean.clean(PAGE, source="lake.txt")
    record = newsclean.to_dict(doc)
    assert list(record) == JSON_KEYS
    assert record["schema"] == 2 and record["source"] == "lake.txt" and record["format"] == "text"
    assert record["title"] == HEADLINE and record["status"] == 200 and record["language"] == "en"
    assert record["verdict"] == "article"
    assert record["text"] == "\n\n".join(BODY) and record["paragraphs"] == BODY
    duplicate = next(item for item in record["removed"] if item["stage"] == "duplicate")
    assert list(duplicate) == ["line", "text", "stage", "reason", "duplicate_of", "score"]
    assert duplicate["line"] == 10 and duplicate["duplicate_of"] == 8
    header = record["removed"][0]
    assert header == {"line": 1, "text": "date 2025-09-12 200", "stage": "header", "reason": "header line (date, status)"}
    assert record["counts"] == {
        "blocks": 15,
        "kept": 5,
        "removed": 10,
        "removed_by_stage": {"boilerplate": 4, "duplicate": 1, "footer": 2, "header": 2, "title": 1},
        "chars_kept": sum(map(len, BODY)),
    }
    assert record["extra"] == {}


def test_to_json_indented_or_one_line() -> None:
    doc = newsclean.clean(PAGE.replace("country's", "country’s"))
    pretty, line = newsclean.to_json(doc), newsclean.to_json(doc, indent=None)
    assert pretty.startswith('{\n  "schema": 2,')
    assert "\n" not in line
    assert json.loads(pretty) == json.loads(line) == newsclean.to_dict(doc)
    assert "country’s" in line  # not escaped as \u2019


def test_extra_header_fields_reach_the_record() -> None:
    doc = newsclean.clean(dump(" id crawl-42", " site The Valley Courier", HEADLINE, *BODY))
    assert newsclean.to_dict(doc)["extra"] == {"id": "crawl-42", "site": "The Valley Courier"}


# --- errors -----------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "missing.txt")
    with pytest.raises(InputError) as caught:
        newsclean.clean_file(path)
    assert (caught.value.source, caught.value.problem) == (path, "no such file")
    assert str(caught.value) == f"{path}: no such file"


def test_directory_is_no_input(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        newsclean.clean_file(str(tmp_path))
    assert caught.value.source == str(tmp_path)
    assert caught.value.problem.startswith("is a directory")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not text: looks like a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text: looks like a PNG image"),
        (bytes(range(256)) * 8, "not text: looks like binary data (NUL bytes)"),
        (b"\x01\x02\x03\x04\x05 text \x06\x07\x08" * 40, "not text: looks like binary data (control bytes)"),
    ],
)
def test_binary_data_is_not_text(tmp_path: Path, data: bytes, problem: str) -> None:
    with pytest.raises(NotTextError) as caught:
        newsclean.clean_bytes(data)
    assert (caught.value.source, caught.value.problem) == ("<bytes>", problem)
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    with pytest.raises(NotTextError) as caught:
        newsclean.clean_file(str(path))
    assert (caught.value.source, caught.value.problem) == (str(path), problem)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "lake.txt"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.raises(TooLargeError) as caught:
        newsclean.clean_file(str(path), config=Config(max_bytes=100))
    assert (caught.value.source, caught.value.problem) == (str(path), "larger than --max-bytes (100 bytes)")
    assert newsclean.clean_file(str(path), config=Config(max_bytes=0)).paragraphs == BODY  # 0: no limit


def test_too_large_after_decompression(tmp_path: Path) -> None:
    path = tmp_path / "lake.txt.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8") * 20))
    assert path.stat().st_size < 2000
    with pytest.raises(TooLargeError) as caught:
        newsclean.clean_file(str(path), config=Config(max_bytes=2000))
    assert caught.value.problem == "decompresses to more than --max-bytes (2,000 bytes)"


def test_clean_bytes_refuses_more_than_max_bytes() -> None:
    with pytest.raises(TooLargeError):
        newsclean.clean_bytes(PAGE.encode("utf-8") * 10, config=Config(max_bytes=100))


def test_file_of_several_documents_is_for_clean_path(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"text": PAGE}) + "\n" + json.dumps({"text": dump(HEADLINE, *BODY)}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        newsclean.clean_file(str(path))
    assert caught.value.problem == "holds several documents (JSONL or WARC): use newsclean.clean_path"
    docs = list(newsclean.clean_path(str(path)))
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2"]
    assert all(d.paragraphs == BODY for d in docs)


def test_the_error_hierarchy() -> None:
    assert issubclass(NotTextError, InputError) and issubclass(TooLargeError, InputError)
    assert issubclass(InputError, NewscleanError) and issubclass(ConfigError, NewscleanError)
    with pytest.raises(ConfigError):
        Config(input_format="pdf")


def test_carriage_return_line_ends_separate_blocks() -> None:
    doc = newsclean.clean("\r".join([HEADLINE, *BODY]))
    assert doc.paragraphs == BODY

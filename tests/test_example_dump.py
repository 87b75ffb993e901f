"""The real example dump from the issue: exact expected result through the library and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SAMPLES

import newsclean
from newsclean import Stage, Verdict

EXAMPLE = SAMPLES / "japan-us-minerals.txt"
FIRST_WORDS = [
    "(MENAFN) The United States and Japan",
    "The accord was concluded",
    "According to official statements",
    "The leaders also endorsed",
    "Trump praised Japan",
    "The U.S. president has repeatedly",
    "Earlier this year, Washington",
]


def test_example_gives_title_metadata_and_seven_paragraphs() -> None:
    doc = newsclean.clean_file(str(EXAMPLE))
    assert doc.meta.title == "Japan, US ink rare-earth minerals agreement"
    assert doc.meta.date == "2025-10-28"
    assert doc.meta.status == 403
    assert doc.verdict is Verdict.ARTICLE
    assert len(doc.paragraphs) == 7
    for paragraph, start in zip(doc.paragraphs, FIRST_WORDS):
        assert paragraph.startswith(start)


def test_example_every_other_line_removed_with_its_reason() -> None:
    doc = newsclean.clean_file(str(EXAMPLE))
    stage_of = {b.line: b.removal.stage for b in doc.removed()}
    assert stage_of[1] is Stage.HEADER
    assert stage_of[2] is Stage.ERROR_PAGE and stage_of[3] is Stage.ERROR_PAGE
    assert stage_of[4] is Stage.TITLE
    assert all(stage_of[line] is Stage.DUPLICATE for line in range(12, 18))
    assert {b.removal.duplicate_of for b in doc.removed() if b.removal.stage is Stage.DUPLICATE} == set(range(6, 12))
    assert all(stage_of[line] in (Stage.FOOTER, Stage.BOILERPLATE) for line in range(18, 25))
    assert len(doc.blocks) == 24 and len(stage_of) == 17
    assert all(b.removal.reason for b in doc.removed())


def test_example_through_cli_text_and_json() -> None:
    text = subprocess.run([sys.executable, "-m", "newsclean", str(EXAMPLE)], capture_output=True, text=True, check=True).stdout
    parts = text.rstrip("\n").split("\n\n")
    assert parts[0] == "Japan, US ink rare-earth minerals agreement"
    assert len(parts) == 8
    out = subprocess.run([sys.executable, "-m", "newsclean", "clean", "--format", "json", str(EXAMPLE)],
                         capture_output=True, text=True, check=True).stdout
    record = json.loads(out)
    assert record["verdict"] == "article" and record["status"] == 403 and record["date"] == "2025-10-28"
    assert record["text"] == "\n\n".join(parts[1:])
    assert record["counts"]["kept"] == 7 and record["counts"]["removed"] == 17
    assert list(record)[:4] == ["schema", "source", "format", "encoding"]


def test_stdin_is_cleaned_like_the_file() -> None:
    data = EXAMPLE.read_bytes()
    piped = subprocess.run([sys.executable, "-m", "newsclean"], input=data, capture_output=True, check=True).stdout
    direct = subprocess.run([sys.executable, "-m", "newsclean", str(EXAMPLE)], capture_output=True, check=True).stdout
    assert piped == direct

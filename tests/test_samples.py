"""Golden tests: every samples/NAME.txt with a hand-written tests/expected/NAME.expected.txt and
NAME.expected.json (kept out of samples/, so that `newsclean clean samples/` cleans only dumps).

expected.txt is what a careful editor keeps (headline, blank line, body paragraphs separated by
blank lines); expected.json holds the title, date, status and verdict. Each sample is checked
through the library and through the CLI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

import newsclean

EXPECTED_DIR = ROOT / "tests" / "expected"

SUFFIX = ".expected.txt"
EXPECTED = sorted(EXPECTED_DIR.glob(f"*{SUFFIX}"))
NAMES = [path.name[: -len(SUFFIX)] for path in EXPECTED]


def dump_of(name: str) -> Path:
    return SAMPLES / f"{name}.txt"


def expected_text(name: str) -> str:
    return (EXPECTED_DIR / f"{name}{SUFFIX}").read_text(encoding="utf-8")


def expected_meta(name: str) -> dict:
    return json.loads((EXPECTED_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))


def test_every_sample_has_its_dump_and_expectations() -> None:
    assert len(NAMES) >= 9
    for name in NAMES:
        assert dump_of(name).is_file(), name
        meta = expected_meta(name)
        assert set(meta) == {"title", "date", "status", "verdict"}, name
        assert meta["verdict"] in {"article", "error_page", "empty"}, name
        text = expected_text(name)
        assert text == "" or (text.endswith("\n") and not text.endswith("\n\n")), name
        if meta["title"] is not None:
            assert text.split("\n\n", 1)[0] == meta["title"], name


@pytest.mark.parametrize("name", NAMES)
def test_library_output_matches_expected(name: str) -> None:
    doc = newsclean.clean_file(str(dump_of(name)))
    assert newsclean.to_text(doc) == expected_text(name)


@pytest.mark.parametrize("name", NAMES)
def test_library_metadata_matches_expected(name: str) -> None:
    doc = newsclean.clean_file(str(dump_of(name)))
    meta = expected_meta(name)
    got = {"title": doc.meta.title, "date": doc.meta.date, "status": doc.meta.status, "verdict": doc.verdict.value}
    assert got == meta


@pytest.mark.parametrize("name", NAMES)
def test_cli_output_matches_expected(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", str(dump_of(name).relative_to(ROOT))],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8") == expected_text(name)

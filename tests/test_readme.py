"""The README's examples run as written: the quick start (verbatim, in a fresh venv) and the Python API block."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES
from pages import article_html, write_warc

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README text under a `## title` heading, up to the next `## ` heading."""
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def test_quick_start_cleans_the_samples_into_a_tree(tmp_path: Path) -> None:
    command = re.search(r"pip install \. && (newsclean [^\n`]+)", section("Quick start")).group(1)
    assert command == "newsclean clean samples/ -o clean/"
    shutil.copytree(SAMPLES, tmp_path / "samples")
    args = command.split()[1:]
    result = subprocess.run([sys.executable, "-m", "newsclean", *args], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "clean").iterdir())
    assert written == sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert (tmp_path / "clean" / "japan-us-minerals.txt").read_text().startswith("Japan, US ink rare-earth minerals agreement\n\n")


def test_quick_start_command_runs_verbatim_on_a_fresh_copy(tmp_path: Path) -> None:
    # The whole first command, as a new user pastes it: a fresh venv, a real (not editable) install.
    command = re.search(r"```sh\n(python3 -m venv .*pip install \. && .*)\n```", section("Quick start")).group(1)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("newsclean", "samples"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    written = sorted(p.name for p in (tmp_path / "clean").iterdir())
    assert written == sorted(p.name for p in SAMPLES.glob("*.txt"))
    # stderr is not a terminal: no summary lines (a filter is quiet), and no error line either.
    assert "newsclean:" not in result.stderr


def run_python_block(page_text: str, tmp_path: Path, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Run the first ```python block of a page where its examples' files exist; its printed lines."""
    block = re.search(r"```python\n(.*?)```", page_text, re.S).group(1)
    (tmp_path / "samples").mkdir(exist_ok=True)
    shutil.copy(SAMPLES / "japan-us-minerals.txt", tmp_path / "samples")
    shutil.copy(SAMPLES / "japan-us-minerals.txt", tmp_path / "page.txt")
    write_warc(tmp_path / "crawl.warc.gz", [{"url": "https://example.org/a", "body": article_html().encode()}])
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "example", "exec"), {})
    return printed.getvalue().splitlines()


def test_python_api_block_runs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lines = run_python_block(section("Python API"), tmp_path, monkeypatch)
    assert "1 header header line (date, status)" in lines  # the loop over doc.removed()
    assert json.loads(lines[-1])["title"] == "Japan, US ink rare-earth minerals agreement"


def test_python_api_page_block_runs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lines = run_python_block((ROOT / "docs" / "python-api.md").read_text(encoding="utf-8"), tmp_path, monkeypatch)
    assert "1 header header line (date, status)" in lines
    # The capture's URL stays the url (docs/inputs.md); the line ends with status and verdict.
    assert any(line.startswith("crawl.warc.gz#") and line.endswith(" 200 article") for line in lines), lines[-3:]
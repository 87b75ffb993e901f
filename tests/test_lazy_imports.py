"""Heavy libraries load only for the inputs that need them: a text dump and --help pay for none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES

HEAVY = ("trafilatura", "lxml", "warcio", "zstandard", "ftfy", "charset_normalizer", "htmldate", "justext")
PROBE = """
import json, sys
from newsclean.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def loaded_after(*args: str, expect: str = "") -> list[str]:
    """The heavy modules loaded by running the CLI with args in a fresh interpreter (whose output must hold `expect`)."""
    result = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
                            capture_output=True, text=True, timeout=60)
    assert expect in result.stdout
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_cleaning_a_text_dump_imports_no_heavy_library() -> None:
    dump = str(SAMPLES / "japan-us-minerals.txt")
    assert loaded_after("clean", "--format", "json", dump, expect='"verdict": "article"') == []


def test_help_imports_no_heavy_library() -> None:
    assert loaded_after("--help", expect="Usage:") == []
    assert loaded_after("clean", "--help", expect="--input-format") == []


def test_a_compressed_dump_needs_only_its_decompressor(tmp_path: Path) -> None:
    import zstandard

    packed = tmp_path / "dump.txt.zst"
    packed.write_bytes(zstandard.compress((SAMPLES / "japan-us-minerals.txt").read_bytes()))
    assert loaded_after(str(packed), expect="Japan, US ink") == ["zstandard"]


def test_an_html_page_loads_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "A sentence of the article. " * 20 + "</p></body></html>")
    assert "trafilatura" in loaded_after(str(page), expect="A sentence of the article.")

"""Heavy libraries load only for the inputs that need them: a text dump and --help pay for none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES

HEAVY = ("trafilatura", "lxml", "warcio", "zstandard", "ftfy", "charset_normalizer", "htmldate", "justext")
# What a run in one process must not import: the batch pool and what it stands on.
POOL = ("multiprocessing", "concurrent.futures", "newsclean.batch.pool")
PROBE = """
import json, sys
from newsclean.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(*args: str, expect: str = "", cache_dir: Path | None = None) -> set[str]:
    """Every module loaded by running the CLI with args in a fresh interpreter (whose output must
    hold `expect`), with the rules cache in cache_dir when given."""
    env = {**os.environ, **({"NEWSCLEAN_CACHE_DIR": str(cache_dir)} if cache_dir else {})}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60, env=env)
    assert expect in result.stdout
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def loaded_after(*args: str, expect: str = "") -> list[str]:
    """The heavy modules loaded by running the CLI with args in a fresh interpreter (whose output must hold `expect`)."""
    return sorted(m for m in HEAVY if m in modules_after(*args, expect=expect))


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


def test_help_loads_no_pool_rules_parser_or_rapidfuzz(tmp_path: Path) -> None:
    loaded = modules_after("--help", expect="Usage:", cache_dir=tmp_path)
    assert not {m for m in loaded if m.startswith((*POOL, "rapidfuzz", "tomllib", "statistics", "newsclean.rules.cache"))}


def test_one_dump_needs_no_pool_and_with_a_warm_rules_cache_no_toml_parser(tmp_path: Path) -> None:
    dump = str(SAMPLES / "japan-us-minerals.txt")
    cold = modules_after("clean", "--format", "json", dump, expect="Japan, US ink", cache_dir=tmp_path)
    assert "tomllib" in cold  # the first run parses the rules and stores them
    warm = modules_after("clean", "--format", "json", dump, expect="Japan, US ink", cache_dir=tmp_path)
    # A small page's few comparisons are computed without rapidfuzz (parse/fuzzy.py).
    assert "newsclean.rules.cache" in warm and "rapidfuzz" not in warm
    assert not {m for m in warm if m.startswith((*POOL, "tomllib"))}


def test_help_loads_no_stage_and_the_entry_points_load_at_first_use() -> None:
    # The stages and their patterns are most of the import's cost: --help needs none of them.
    loaded = modules_after("--help", expect="Usage:")
    assert not {m for m in loaded if m.startswith(("newsclean.api", "newsclean.pipeline", "newsclean.stages"))}
    probe = ("import sys, newsclean\n"
             "before = 'newsclean.pipeline' in sys.modules\n"
             "from newsclean import clean\n"
             "print(before, 'clean' in dir(newsclean), clean('Hello there.').source, newsclean.parse('<p>Hi.</p>').input_format)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "True", "-", "html"], result.stderr

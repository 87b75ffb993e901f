"""Start-up work, counted rather than timed: how often the rules are parsed, and the rules cache
(rules/cache.py) never serving stale or broken tables. What gets imported: test_lazy_imports.py."""

from __future__ import annotations

import marshal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES

import newsclean
from newsclean import rules
from newsclean.errors import ConfigError
from newsclean.rules import cache

DUMP = SAMPLES / "japan-us-minerals.txt"
BUILTIN_FILES = len(list(Path(rules.__file__).parent.glob("*.toml")))


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh rules cache folder, and load_rules' in-process cache emptied before and after."""
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path / "cache"))
    rules.load_rules.cache_clear()
    yield tmp_path / "cache"
    rules.load_rules.cache_clear()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the rules files parsed from TOML, in order, while the test runs."""
    seen: list[str] = []
    real = rules._read_rule_file

    def counting(path: Path | str, text: str) -> dict:
        seen.append(str(path))
        return real(path, text)

    monkeypatch.setattr(rules, "_read_rule_file", counting)
    return seen


def same_rules(a: rules.Rules, b: rules.Rules) -> bool:
    """Equal in every table, tries included."""
    def tables(r: rules.Rules) -> tuple:
        sets = [getattr(r, kind) for kind in rules.PHRASE_KINDS] + [r.page_kinds[k] for k in rules.PAGE_KIND_PHRASES]
        return r.stopwords, r.stopword_languages, [(s.phrases, s._depth, {word: s._branch(word) for word in s._trie}) for s in sets]
    return tables(a) == tables(b)


def test_rules_are_parsed_once_per_process_however_many_documents(cache_in: Path, parses: list[str]) -> None:
    for _ in range(3):
        newsclean.clean_file(DUMP)
    assert len(parses) == BUILTIN_FILES and len(set(parses)) == BUILTIN_FILES


def test_a_second_process_reads_the_cache_and_parses_nothing(cache_in: Path, parses: list[str]) -> None:
    built = rules.load_rules()
    assert len(parses) == BUILTIN_FILES and len(list(cache_in.glob("rules-*.marshal"))) == 1
    rules.load_rules.cache_clear()  # as a new process would start
    loaded = rules.load_rules()
    assert len(parses) == BUILTIN_FILES  # none more
    assert loaded is not built and same_rules(loaded, built)


def test_an_edited_rules_file_is_never_served_stale(cache_in: Path, tmp_path: Path) -> None:
    extra = tmp_path / "house.toml"
    extra.write_text('boilerplate_lines = ["read the house magazine"]\n', encoding="utf-8")
    assert "read the house magazine" in rules.load_rules((str(extra),)).boilerplate_lines.phrases
    extra.write_text('boilerplate_lines = ["subscribe to the house magazine"]\n', encoding="utf-8")
    rules.load_rules.cache_clear()
    phrases = rules.load_rules((str(extra),)).boilerplate_lines.phrases
    assert "subscribe to the house magazine" in phrases and "read the house magazine" not in phrases


def test_the_key_covers_names_texts_and_the_building_code(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [("en.toml", b'language = "en"\n')]
    key = cache.cache_key(sources)
    assert cache.cache_key([("fr.toml", b'language = "en"\n')]) != key  # the name gives the default language
    assert cache.cache_key([("en.toml", b'language = "fr"\n')]) != key
    assert cache.cache_key([("en.toml", b""), ("x", b'language = "en"\n')]) != cache.cache_key(
        [("en.toml", b"\0\0x"), ("", b'language = "en"\n')])  # lengths delimit every part
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert cache.cache_key(sources) != key


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"truncated"])
def test_a_damaged_cache_file_is_rebuilt(cache_in: Path, parses: list[str], damage: bytes) -> None:
    built = rules.load_rules()
    (stored,) = cache_in.glob("rules-*.marshal")
    stored.write_bytes(stored.read_bytes()[:1000] if damage == b"truncated" else damage)
    rules.load_rules.cache_clear()
    assert same_rules(rules.load_rules(), built)
    assert len(parses) == 2 * BUILTIN_FILES  # parsed again, and stored again whole
    rules.load_rules.cache_clear()
    assert same_rules(rules.load_rules(), built) and len(parses) == 2 * BUILTIN_FILES


def test_a_file_stored_under_another_key_is_not_used(cache_in: Path, parses: list[str]) -> None:
    rules.load_rules()
    (stored,) = cache_in.glob("rules-*.marshal")
    _, tables = marshal.loads(stored.read_bytes())
    stored.write_bytes(marshal.dumps(("0" * 64, tables)))  # right place, wrong key inside
    rules.load_rules.cache_clear()
    rules.load_rules()
    assert len(parses) == 2 * BUILTIN_FILES


def test_an_unwritable_cache_folder_or_none_at_all_still_works(cache_in: Path, monkeypatch: pytest.MonkeyPatch,
                                                              parses: list[str]) -> None:
    cache_in.parent.mkdir(parents=True, exist_ok=True)
    cache_in.write_text("a file where the folder should be")
    assert rules.load_rules().stopwords["en"]
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", "")  # turned off
    rules.load_rules.cache_clear()
    assert rules.load_rules().stopwords["en"]
    assert len(parses) == 2 * BUILTIN_FILES


def test_a_broken_rules_file_is_an_error_every_time_and_never_stored(cache_in: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('boilerplate_lines = "not a list"\n', encoding="utf-8")
    for _ in range(2):
        rules.load_rules.cache_clear()
        with pytest.raises(ConfigError, match="must be a list of strings"):
            rules.load_rules((str(broken),))
    assert not list(cache_in.glob("rules-*.marshal"))


COMPILED_PATTERNS = """
import importlib, sys
text = importlib.import_module("newsclean.parse.text")
import newsclean
newsclean.clean_file(sys.argv[1])
print(sorted(name for name, value in vars(text).items() if isinstance(value, text.LazyPattern) and "search" in vars(value)))
"""


def test_an_english_dump_compiles_none_of_the_lazy_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", COMPILED_PATTERNS, str(DUMP)], capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs[0] != "[]"  # the first run folds the rules' CJK phrases, and stores them folded
    assert runs[1] == "[]"


def test_builtin_rules_read_through_importlib_resources_when_not_in_a_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    # As in a zip install: the package's __file__ names no folder on disk.
    on_disk = rules._builtin_files()
    monkeypatch.setattr(rules, "__file__", "/nonexistent.zip/newsclean/rules/__init__.py")
    assert rules._builtin_files() == on_disk and len(on_disk) == BUILTIN_FILES

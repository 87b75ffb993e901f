"""The optional compiled phrase matcher (newsclean/rules/_phrases.c) finds what PhraseSet's Python walk
of its trie finds, to the phrase: on generated readings over a set's own words, and for every set of
the built-in rules on the corpora's folded lines. Skips where the matcher is not built (no compiler)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import rules as rules_module
from newsclean.parse.dump import parse_text_dump
from newsclean.parse.text import fold
from newsclean.rules import PhraseSet, load_rules

core = pytest.importorskip("newsclean.rules._phrases", reason="the compiled phrase matcher is not built here")

PHRASES = {"share", "share this", "share this story", "read more", "read more about this", "more", "sign up for our newsletter",
           "北 京", "𠀀 x", "a b c d e f"}
# The phrases' words, neighbours of them, an empty word (two spaces), characters beyond the BMP.
WORDS = sorted({w for p in PHRASES for w in p.split(" ")} | {"", "shares", "sha", "thi", "story.", "x", "𠀀"})


def both_paths(phrases: PhraseSet, folded: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    """(find_all, prefix) of the compiled matcher and of the Python walk, each on a fresh copy of the set
    (so each builds its own branches, in its own order)."""
    answers = []
    for matcher in (core, None):
        monkeypatch.setattr(rules_module, "compiled_matcher", matcher)
        fresh = PhraseSet(phrases.phrases, phrases._depth)
        found = fresh.find_all(folded)
        assert isinstance(found, Iterator)  # callers take next() of it
        answers.append((list(found), fresh.prefix(folded)))
    return answers[0], answers[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join), min_size=0, max_size=3).map(tuple))
def test_generated_readings_match_as_in_python(folded: tuple[str, ...]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        compiled, python = both_paths(PhraseSet.build(PHRASES), folded, monkeypatch)
    assert compiled == python


def test_edge_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    phrases = PhraseSet.build(PHRASES)
    long_line = " ".join(["filler"] * 200 + ["read", "more", "about", "this"])  # past the C stack buffer
    for folded in [(), ("",), (" ",), ("share",), ("share ",), (" share",), ("share  this",), ("share this story now",),
                   ("x", "read more"), (long_line,), (long_line, "share this"), ("a b c d e f g",), ("a b c d e",)]:
        compiled, python = both_paths(phrases, folded, monkeypatch)
        assert compiled == python, folded
    empty = PhraseSet.build(set())
    assert both_paths(empty, ("share this",), monkeypatch) == (([], None), ([], None))
    with pytest.raises(TypeError):
        core.Matcher({}, 1, print).find_all([b"bytes"])


def test_prefixes_of_a_page_are_each_lines_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [("share this story now",), (), ("x", "read more"), ("sharing",), ("",), ("北 京 news", "share")]
    expected = [PhraseSet.build(PHRASES).prefix(folded) for folded in lines]
    assert expected == ["share this story", None, "read more", None, None, "北 京"]
    for matcher in (core, None):
        monkeypatch.setattr(rules_module, "compiled_matcher", matcher)
        assert PhraseSet.build(PHRASES).prefixes(lines) == expected
        assert PhraseSet.build(PHRASES).prefixes([]) == []
    with pytest.raises(TypeError):
        core.Matcher({}, 1, print).prefixes([("ok",), 3])


def corpus_readings() -> list[tuple[str, ...]]:
    files = [p for name in ("dev", "train") for p in sorted(Path(SHARED / "corpus" / name).glob("*.noisy.txt"))][::4]
    if not files:
        pytest.skip("the shared dev and train corpora are not beside this checkout")
    lines = [b.text for p in files for b in parse_text_dump(p.read_text(encoding="utf-8", errors="replace")).blocks]
    return [(fold(line[:400]),) for line in lines]


def test_every_builtin_set_matches_corpus_lines_as_in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules()
    sets = [getattr(rules, kind) for kind in rules_module.PHRASE_KINDS] + [*rules.page_kinds.values(), rules.any_page_kind]
    readings = corpus_readings()
    matched = 0
    for phrases in sets:
        answers = {}
        for matcher in (core, None):
            monkeypatch.setattr(rules_module, "compiled_matcher", matcher)
            fresh = PhraseSet(phrases.phrases, phrases._depth)
            answers[matcher] = [(list(fresh.find_all(f)), fresh.prefix(f)) for f in readings]
        assert answers[core] == answers[None]
        matched += sum(1 for found, first in answers[core] if found or first)
    assert matched > 1000  # the corpora do hold phrases


def test_a_set_binds_the_matcher_in_use_and_rules_are_made_per_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules_module, "compiled_matcher", core)
    compiled = load_rules()
    markers = compiled.end_markers
    found = markers.prefix(("comments 12",))
    assert isinstance(vars(markers)["prefix"], type(core.Matcher({}, 1, print).prefix))  # next calls go straight to C
    assert markers.prefix(("comments 12",)) == found and load_rules() is compiled
    monkeypatch.setattr(rules_module, "compiled_matcher", None)
    walked = load_rules()
    assert walked is not compiled  # the Python walk's own sets, not the ones bound to the matcher
    assert walked.end_markers.prefix(("comments 12",)) == found and "prefix" not in vars(walked.end_markers)
    assert list(walked.error_page.find_all(("page not found",))) == list(compiled.error_page.find_all(("page not found",)))

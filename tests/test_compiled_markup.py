"""The optional compiled markup scan (newsclean/parse/_markup.c) counts the attributes of a page's
start tags as the attribute guard's regular expressions do: on generated tags, on every whitespace
character, and on corpus pages. Skips where it is not built (no compiler); CI builds it."""

from __future__ import annotations

import re

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

markup = pytest.importorskip("newsclean.parse._markup", reason="the compiled markup scan is not built here")

# Start tags from the pieces the attribute grammar treats specially, with every whitespace character
# str.isspace knows (the core recognises the non-ASCII ones by their UTF-8 bytes) and non-ASCII
# neighbours that share those first bytes without being whitespace.
UNICODE_SPACES = [c for c in map(chr, range(0x3001)) if c.isspace()]
NEAR_SPACES = ["\u00a1", "\u0084", "\u1681", "\u167f", "\u200b", "\u2027", "\u202a", "\u2030", "\u205e", "\u2060",
               "\u3001", "é", "北", "😀", "\x00"]
ATTRIBUTE_PIECES = st.lists(st.sampled_from(["<p", "<a", "<", "a", "b=1", 'c="x y"', "d='>'", " ", "=", "/", ">", '"',
                                             "'", "e=", "\t", *UNICODE_SPACES, *NEAR_SPACES]), max_size=40)


@given(ATTRIBUTE_PIECES, st.integers(min_value=1, max_value=6))
@settings(max_examples=600, deadline=None)
def test_the_attribute_scan_counts_what_the_regular_expressions_count(pieces: list[str], at_least: int) -> None:
    from newsclean.parse.html import matched_most_attributes

    html = "<p " + "".join(pieces) + "><div x y>"
    assert markup.most_attributes(html, at_least) == matched_most_attributes(html, at_least)


def test_the_attribute_scan_knows_whitespace_as_str_isspace_does() -> None:
    from newsclean.parse.html import matched_most_attributes

    for code in [*range(0x3001), 0x1680, 0x20000, 0x10FFFF]:
        html = "<p" + chr(code) + "a" + chr(code) + "b>"
        assert markup.most_attributes(html, 1) == matched_most_attributes(html, 1) == (2 if chr(code).isspace() else 0), hex(code)
    assert markup.most_attributes("<p a b \ud800>", 1) is None  # no UTF-8 form: most_attributes runs the pattern
    from newsclean.parse.html import most_attributes

    assert most_attributes("<p a b \ud800>", 1) == 3  # (the lone surrogate is a third attribute)


def test_the_attribute_scan_agrees_on_the_corpus_pages() -> None:
    from newsclean.parse.html import matched_most_attributes

    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::4]
    if not pages:
        pytest.skip("the shared corpus is not here")
    for path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        for at_least in (1, 3, 10, 1000):
            assert markup.most_attributes(html, at_least) == matched_most_attributes(html, at_least), path.name


# Class and id values from pieces of the furniture words, in any case, with non-ASCII letters whose
# lower case is ASCII (KELVIN SIGN, dotted I) and other characters around.
WORD_PIECES = st.lists(st.sampled_from(["comm", "ent", "COMMENT", "Share", "sr-", "only", "sr-only", "-", " ", "x", "menu",
                                        "\u212aomment", "\u0130", "é", "北", "\ud800", "related", "REL", "ated", "_"]),
                       max_size=12)


def effect_words() -> tuple[object, ...]:
    from newsclean.parse import fast_html

    if fast_html.holds_word is None:
        pytest.skip("NEWSCLEAN_PURE_PYTHON is set")
    return ((fast_html.NOTABLE_CLASS, fast_html.CLASS_WORDS), (fast_html.NOTABLE_ID, fast_html.ID_WORDS))


@given(WORD_PIECES)
@settings(max_examples=600, deadline=None)
def test_the_word_test_finds_the_furniture_words_as_the_patterns_do(pieces: list[str]) -> None:
    value = "".join(pieces)
    for pattern, finder in effect_words():
        found = pattern.search(value.lower()) is not None
        held = markup.holds_word(value, finder)
        assert held == found or (held and not value.isascii()), value  # (non-ASCII: said to hold one)


def test_the_word_test_agrees_on_the_corpus_class_and_id_values() -> None:
    from selectolax.lexbor import LexborHTMLParser

    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::6]
    if not pages:
        pytest.skip("the shared corpus is not here")
    for path in pages:
        for node in LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace")).css("[class], [id]"):
            for (pattern, finder), value in zip(effect_words(), (node.attributes.get("class"), node.attributes.get("id"))):
                if value is not None:
                    found = pattern.search(value.lower()) is not None
                    assert markup.holds_word(value, finder) == found or not value.isascii(), (path.name, value)


def test_the_walk_reads_the_same_effects_with_the_word_test_and_without(monkeypatch: pytest.MonkeyPatch) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsclean import Config
    from newsclean.parse import fast_html

    html = ('<body><div class="page-wrap x1"><div class="Related-Posts"><p>One</p></div><p class="lead">Two</p>'
            '<div id="comments-7"><p>Three</p></div><div class="\u212aomment"><p>Four</p></div>'
            '<span class="SR-only">Five</span><p class="body-text">Six</p></div></body>')

    def read() -> list[tuple[str, str | None]]:
        fast_html._EFFECTS.clear()
        reader = fast_html.read_blocks(LexborHTMLParser(html), "page.html", Config())
        return [(text, context.furniture and context.furniture.description) for text, context, _ in reader.blocks]

    effect_words()
    with_test = read()
    monkeypatch.setattr(fast_html, "holds_word", None)
    assert read() == with_test
    assert with_test == [("One", '<div class="Related-Posts">'), ("Two", None), ("Three", '<div id="comments-7">'),
                         ("Four", '<div class="\u212aomment">'), ("Six", None)]

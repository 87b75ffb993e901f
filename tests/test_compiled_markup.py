"""The optional compiled markup scan (newsclean/parse/_markup.c) counts the attributes of a page's
start tags as the attribute guard's regular expressions do: on generated tags, on every whitespace
character, and on corpus pages. Skips where it is not built (no compiler); CI builds it."""

from __future__ import annotations

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

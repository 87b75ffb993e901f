"""The DOM stages count a fast-reader block's words by its spaces (stages/dom.block_words): the reader
cleans every block but a `<pre>` one into words between single spaces, so the count is the one
`len(text.split())` gives, on generated markup of any whitespace and on the corpus pages."""

from __future__ import annotations

from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.parse.fast_html import parse_html_fast
from newsclean.stages.dom import block_words

TEXT_PIECES = st.lists(st.sampled_from([
    "word", " ", "  ", "\t", "\n", "\r\n", "\xa0", "\u2009", "\u3000", "\u2028", "\x0b", "\x0c", "\x1c", "\x85",
    "\u200b", "e\u0301", "北京", "<b>", "</b>", "<br>", "<p>", "</p>", "<td>", "<tr>", "<pre>  a\n   b  </pre>",
    "&nbsp;", "&#8195;", "<a href=/x>", "</a>", "Ã©", "<li>", "<div>",
]), max_size=40)


@given(TEXT_PIECES)
@settings(max_examples=300, deadline=None)
def test_a_blocks_words_are_its_spaces_and_one(pieces: list[str]) -> None:
    doc = parse_html_fast("<html><body>" + "".join(pieces) + "</body></html>")
    assert [block_words(block) for block in doc.blocks] == [len(block.text.split()) for block in doc.blocks]


def test_a_pre_block_is_counted_by_its_words() -> None:
    doc = parse_html_fast("<html><body><p>One two  three</p><pre>def f():\n    return 1</pre></body></html>")
    assert [(block.dom.tag, block_words(block)) for block in doc.blocks] == [("p", 3), ("pre", 4)]


def test_the_counts_agree_on_the_corpus_pages() -> None:
    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::4]
    for path in pages:
        doc = parse_html_fast(path.read_bytes(), str(path))
        assert all(block_words(block) == len(block.text.split()) for block in doc.blocks), path.name

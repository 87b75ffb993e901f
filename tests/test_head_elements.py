"""The compiled reading of a page's meta, link, title and script elements (newsclean/parse/_markup.c,
head_elements) gives fast_metadata what selectolax's query and attributes give it (parse/domshape.py's
pure_head_elements: the reference), on generated markup and on corpus pages; and it is not used where
its reading disagrees on the probe page. Skips where the core is not built (no compiler); CI builds it."""

from __future__ import annotations

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("newsclean.parse._markup", reason="the compiled markup scan is not built here")
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsclean.parse import domshape  # noqa: E402
from newsclean.parse.fast_html import fast_metadata  # noqa: E402

if domshape.compiled_dom_shape is None:
    pytest.skip("NEWSCLEAN_PURE_PYTHON is set", allow_module_level=True)

HEAD_PIECES = st.lists(st.sampled_from([
    "<meta property='og:title' content='A «title»'>", "<meta name=Author content='Jo Doe'>", "<meta itemprop=x>",
    "<meta NAME=date CONTENT=2024-05-06 content=x>", "<meta name=a property=b itemprop=c content>", "<meta content=''>",
    "<link rel=canonical href=/a>", "<link href=/b>", "<link rel>", "<LINK REL=Canonical HREF=/c>",
    "<title>Lake &amp; hills</title>", "<title></title>", "<svg><title>t<g>u</g></title></svg>",
    "<script type=application/ld+json>{\"headline\": \"h\"}</script>", "<script type='APPLICATION/LD+JSON'>[]</script>",
    "<script>x()</script>", "<script type=module>y()</script>", "<template><meta name=t content=t></template>",
    "<div>", "</div>", "<p>text</p>", "<meta data-x=1 name=keywords content='a, b'>", "<meta prop\u00e9=1 content=z>",
]), max_size=25)


def both(html: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    root = LexborHTMLParser(html).root
    assert root is not None
    return domshape.head_elements(root), domshape.pure_head_elements(root)


def test_the_compiled_head_reading_reads_this_selectolax() -> None:
    assert domshape.compiled_head_ids() is not None


@given(HEAD_PIECES, HEAD_PIECES)
@settings(max_examples=300, deadline=None)
def test_the_compiled_head_reading_finds_what_the_query_finds(head: list[str], body: list[str]) -> None:
    compiled, pure = both("<html><head>" + "".join(head) + "</head><body>" + "".join(body) + "</body></html>")
    assert compiled == pure


def test_the_compiled_head_reading_agrees_on_the_corpus_pages() -> None:
    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::3]
    if not pages:
        pytest.skip("the shared corpus is not here")
    for path in pages:
        compiled, pure = both(path.read_text(encoding="utf-8", errors="replace"))
        assert compiled == pure, path.name


def test_the_metadata_reads_the_tuples_as_it_read_the_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    page = ("<html lang=en><head><title>Lake walks | Site</title><meta property=og:title content='Lake walks'>"
            "<meta name=author content='Ann Lee'><link rel=canonical href=https://example.org/lake>"
            "<script type=application/ld+json>{\"datePublished\": \"2024-05-06T10:00\", \"articleBody\": \"Walk.\"}"
            "</script></head><body><p>Walk.</p></body></html>")
    compiled = fast_metadata(LexborHTMLParser(page))
    monkeypatch.setattr(domshape, "compiled_head_ids", lambda: None)
    assert fast_metadata(LexborHTMLParser(page)) == compiled
    meta, body = compiled
    assert (meta.title, meta.author, meta.url, meta.date, meta.language, body) == (
        "Lake walks", "Ann Lee", "https://example.org/lake", "2024-05-06", "en", "Walk.")


def test_a_head_reading_that_disagrees_with_selectolax_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real = domshape._markup.head_elements
    monkeypatch.setattr(domshape._markup, "head_elements", lambda *args: real(*args)[::-1])  # (as if out of order)
    domshape.compiled_head_ids.cache_clear()
    try:
        assert domshape.compiled_head_ids() is None
        html = "<html><head><title>a</title><meta name=b content=c></head></html>"
        assert domshape.head_elements(LexborHTMLParser(html).root) == [(domshape.TITLE, "a"), (domshape.META, None, "b", None, "c")]
    finally:
        monkeypatch.undo()
        domshape.compiled_head_ids.cache_clear()
    assert domshape.compiled_head_ids() is not None


def test_the_fast_reader_parses_without_mutation_events_and_reads_the_same_blocks() -> None:
    # (A <selectedcontent> copies its <select>'s chosen option only through Lexbor's events: the
    # walk never reads a <select>, so the blocks are the same either way.)
    from newsclean.parse.fast_html import parse_html_fast

    page = ("<html><body><article><h1>Lake walks</h1><p>The path runs along the water for an hour.</p>"
            "<select><button><selectedcontent></selectedcontent></button><option selected>Sort by date</option>"
            "</select><p>Bring water and a map.</p></article></body></html>")
    assert domshape.takes_options()
    with_events = LexborHTMLParser(page)
    without = domshape.lexbor_page(page)
    assert "Sort by date</selectedcontent>" in with_events.html and "<selectedcontent></selectedcontent>" in without.html
    doc = parse_html_fast(page)
    assert [block.text for block in doc.blocks] == ["Lake walks", "The path runs along the water for an hour.",
                                                   "Bring water and a map."]

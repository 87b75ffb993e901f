"""The compiled walk of Lexbor's tree (newsclean/parse/_markup.c, dom_shape) hands the fast reader
what the pure walk through selectolax's accessors hands it (parse/domshape.py: the reference): the
same depths, texts and element nodes, on generated markup and on corpus pages, so read_blocks reads
the same blocks either way; and it is not used where its reading of Lexbor's nodes is not checked.
Skips where the core is not built (no compiler); CI builds it."""

from __future__ import annotations

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("newsclean.parse._markup", reason="the compiled markup scan is not built here")
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsclean import Config  # noqa: E402
from newsclean.parse import domshape  # noqa: E402
from newsclean.parse.fast_html import CLASS_WORDS, ID_WORDS, RARE_ATTRIBUTES, SKIPPED, read_blocks  # noqa: E402

if domshape.compiled_dom_shape is None:
    pytest.skip("NEWSCLEAN_PURE_PYTHON is set", allow_module_level=True)

MARKUP_PIECES = st.lists(st.sampled_from([
    "<div>", "</div>", "<p class='related'>", "</p>", "<b>", "</b>", "<br>", "<img src=x>", "<script>f()</script>",
    "<style>p{}</style>", "<!-- c -->", "<table><tr><td>", "</td><td>", "</table>", "<pre>  a\n b</pre>", "text",
    " ", "\n  ", "thrée", "北京", "&amp;", "\udcff", "<svg><g><text>t</text></g></svg>", "<span hidden>", "</span>",
    "<a href=/x></a>", "<textarea>x</textarea>", "<template><p>t</p></template>", "<select><option>o</select>",
]), max_size=40)


def shapes(html: str) -> tuple[tuple[list[int], list[str | None], list[int]], tuple[list[int], list[str | None], list[int]]]:
    """dom_shape of the page's body by the compiled core and by the pure walk (nodes as mem_ids)."""
    body = LexborHTMLParser(html).body
    assert body is not None
    compiled = domshape.dom_shape(body, SKIPPED)
    pure = domshape.pure_dom_shape(body, SKIPPED)
    return ((compiled[0], compiled[1], [node.mem_id for node in compiled[2]]),
            (pure[0], pure[1], [node.mem_id for node in pure[2]]))


def test_the_compiled_walk_reads_this_selectolax() -> None:
    assert domshape.compiled_raw_tag_ids(SKIPPED) is not None


@given(MARKUP_PIECES)
@settings(max_examples=300, deadline=None)
def test_the_compiled_walk_finds_what_the_pure_walk_finds(pieces: list[str]) -> None:
    compiled, pure = shapes("<html><body>" + "".join(pieces) + "</body></html>")
    assert compiled == pure


def test_the_compiled_walk_agrees_on_the_corpus_pages() -> None:
    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::5]
    if not pages:
        pytest.skip("the shared corpus is not here")
    for path in pages:
        compiled, pure = shapes(path.read_text(encoding="utf-8", errors="replace"))
        assert compiled == pure, path.name


def test_a_tree_larger_than_max_nodes_is_walked_by_the_pure_walk() -> None:
    body = LexborHTMLParser("<body>" + "<p>a</p>" * 10 + "</body>").body
    ids = domshape.compiled_raw_tag_ids(SKIPPED)
    assert domshape.compiled_dom_shape(body.mem_id, ids, 20) == (None, None)
    assert domshape.compiled_dom_shape(body.mem_id, ids, 21)[0] is not None
    depths, _, others = domshape.dom_shape(body, SKIPPED, max_nodes=20)
    assert len(depths) == 21 and isinstance(others, type(iter([])))  # (the pure walk's list of nodes)


def test_read_blocks_reads_the_same_blocks_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    html = ("<body><nav><a href=/>Home</a></nav><article><h1>Title</h1><p>One <b>two</b> three.</p>"
            "<div class=share>Share</div><script>x</script><p hidden>gone</p><table><tr><td>a<td>b</table>"
            "</article><footer>Footer</footer></body>")

    def blocks() -> list[tuple[str, str, bool, float]]:
        reader = read_blocks(LexborHTMLParser(html), "page.html", Config())
        return [(text, context.tag, context.in_article, density) for text, context, density in reader.blocks]

    compiled = blocks()
    monkeypatch.setattr(domshape, "compiled_raw_tag_ids", lambda raw_tags: None)
    assert blocks() == compiled and len(compiled) == 7


def test_a_reading_that_disagrees_with_selectolax_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real = domshape.node_links

    def shifted(node_id: int) -> tuple[int, int, int, int, int, int]:
        parent, first_child, following, kind, tag_id, length = real(node_id)
        return first_child, parent, following, kind, tag_id, length  # (as if two fields had swapped places)

    monkeypatch.setattr(domshape, "node_links", shifted)
    domshape.compiled_raw_tag_ids.cache_clear()
    try:
        assert domshape.compiled_raw_tag_ids(SKIPPED) is None
    finally:
        monkeypatch.undo()
        domshape.compiled_raw_tag_ids.cache_clear()
    assert domshape.compiled_raw_tag_ids(SKIPPED) is not None


ATTRIBUTE_PIECES = st.lists(st.sampled_from([
    "<div class='nav x'>", "<div id=Main>", "<div class=a id=b>", "<div id=b class=a>", "<div class>", "<div id=''>",
    "<div class=a title=t>", "<div role=navigation class=menu>", "</div>", "<span class='é'>", "</span>",
    "<a href=/x class=card></a>", "<p CLASS=Related ID=x>", "</p>", "<div class=a class=b>", "text", "<!-- c -->",
    "<svg class=s><g id=g></g></svg>", "<script class=x>f()</script>", "<b data-x=1>", "</b>", "<p style='x'>",
    "<span hidden class=y>", "<i itemprop=author id=a>", "</i>", "<div aria-hidden=true>", "<div ROLE=main>",
    "<img data-a-name-longer-than-sixteen=1 src=x alt=y>", "<b aria-hiddenx=1 rolex=2>", "<p données=1 id=d>",
]), max_size=30)


def rare_ids() -> tuple[int, ...]:
    ids = domshape.compiled_rare_ids(RARE_ATTRIBUTES)
    assert ids is not None
    return ids


def test_the_compiled_marks_read_this_selectolax() -> None:
    assert len(rare_ids()) >= 2  # ("class" and "id" are names Lexbor knows)


@given(ATTRIBUTE_PIECES)
@settings(max_examples=300, deadline=None)
def test_the_compiled_marks_are_the_attributes_selectolax_gives(pieces: list[str]) -> None:
    body = LexborHTMLParser("<html><body>" + "".join(pieces) + "</body></html>").body
    assert body is not None
    marks = domshape.compiled_element_marks(body.mem_id, -1, -1, RARE_ATTRIBUTES, rare_ids())
    assert marks == domshape.pure_element_marks(body, RARE_ATTRIBUTES)


def test_the_compiled_marks_agree_on_the_corpus_pages() -> None:
    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::5]
    if not pages:
        pytest.skip("the shared corpus is not here")
    for path in pages:
        body = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace")).body
        if body is not None:
            marks = domshape.compiled_element_marks(body.mem_id, -1, -1, RARE_ATTRIBUTES, rare_ids())
            assert marks == domshape.pure_element_marks(body, RARE_ATTRIBUTES), path.name


def test_the_marks_leave_out_values_that_name_no_furniture() -> None:
    body = LexborHTMLParser("<body><div class='post-body' id=sidebar>a</div><p class=x>b</p><i>c</i>"
                            "<a href=/ class=menu>d</a><p role=main>e</p></body>").body
    assert domshape.element_marks(body, CLASS_WORDS, ID_WORDS, RARE_ATTRIBUTES) == [
        False, (None, "sidebar"), (None, None), False, ("menu", None), None]


def test_marks_that_disagree_with_selectolax_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real = domshape.element_links
    monkeypatch.setattr(domshape, "element_links", lambda node_id: real(node_id)[::-1])  # (as if fields had moved)
    domshape.compiled_rare_ids.cache_clear()
    try:
        assert domshape.compiled_rare_ids(RARE_ATTRIBUTES) is None
        assert domshape.element_marks(LexborHTMLParser("<p class=a>b</p>").body, -1, -1, RARE_ATTRIBUTES) is None
    finally:
        monkeypatch.undo()
        domshape.compiled_rare_ids.cache_clear()
    assert domshape.compiled_rare_ids(RARE_ATTRIBUTES) is not None


@given(ATTRIBUTE_PIECES, MARKUP_PIECES)
@settings(max_examples=200, deadline=None)
def test_the_shape_and_the_marks_in_one_walk_are_each_walks_own(attributes: list[str], markup: list[str]) -> None:
    body = LexborHTMLParser("<html><body>" + "".join(attributes + markup) + "</body></html>").body
    assert body is not None
    (depths, texts, others), marks = domshape.shape_and_marks(body, SKIPPED, 0, CLASS_WORDS, ID_WORDS, RARE_ATTRIBUTES)
    alone = domshape.dom_shape(body, SKIPPED)
    assert (depths, texts, [node.mem_id for node in others]) == (alone[0], alone[1], [node.mem_id for node in alone[2]])
    assert marks == domshape.element_marks(body, CLASS_WORDS, ID_WORDS, RARE_ATTRIBUTES)


def test_a_tree_too_large_for_one_walk_is_read_as_before() -> None:
    body = LexborHTMLParser("<body>" + "<p class=menu>a</p>" * 10 + "</body>").body
    assert domshape.compiled_dom_shape(body.mem_id, domshape.compiled_raw_tag_ids(SKIPPED), 20, CLASS_WORDS, ID_WORDS,
                                       RARE_ATTRIBUTES, rare_ids()) == (None, None, None)
    (depths, _, _), marks = domshape.shape_and_marks(body, SKIPPED, 20, CLASS_WORDS, ID_WORDS, RARE_ATTRIBUTES)
    assert len(depths) == 21 and marks == domshape.element_marks(body, CLASS_WORDS, ID_WORDS, RARE_ATTRIBUTES)

"""The fast reader's walk loop in C (newsclean/parse/_markup.c, walk_blocks) reads the blocks the loop
in Python reads (parse/fast_html.py, walk_in_python: the reference): the same texts, contexts,
link densities and furniture (with the characters each holds), and the same errors for pages too
large or too deep, on generated markup and on corpus pages, in both of read_blocks's modes; and
make_blocks's clean line of an ASCII text by the core (ascii_line) is normalize_line's. Skips
where the core is not built (no compiler); CI builds it."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("newsclean.parse._markup", reason="the compiled markup scan is not built here")
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsclean import Config  # noqa: E402
from newsclean.errors import TooLargeError  # noqa: E402
from newsclean.parse import domshape, fast_html  # noqa: E402
from newsclean.parse.text import normalize_line  # noqa: E402

if fast_html.walk_blocks is None:
    pytest.skip("NEWSCLEAN_PURE_PYTHON is set", allow_module_level=True)

PIECES = st.lists(st.sampled_from([
    "<div>", "</div>", "<p class='related'>", "</p>", "<b>", "</b>", "<br>", "<img src=x>", "<script>f()</script>",
    "<!-- c -->", "<table><tr><td>", "</td><td>", "</table>", "<pre>  a\n b</pre>", "text", " ", "\n  ", "thrée",
    "\u3000", "<span hidden>", "</span>", "<a href=/x></a>", "<a href=/y>link</a>", "<nav>", "</nav>",
    "<article>", "</article>", "<main>", "<aside class=share>", "</aside>", "<figure>", "</figure>",
    "<span class=sr-only>", "<div style='display:none'>", "<p role=navigation>", "<header>", "</header>",
    "<li class=menu-item>", "</li>", "<h2>", "</h2>", "<footer>", "</footer>", "<div aria-hidden=true>",
    "<div itemprop=articleBody>", "<td>", "<th class=x>", "<hr>", "<section id=comments>", "</section>",
]), max_size=50)


def furniture_chain(furniture: Any) -> list[tuple[Any, ...]]:
    chain = []
    while furniture is not None:
        chain.append((furniture.description, furniture.chars, furniture.story_chars, furniture.by_name,
                      furniture.hidden, furniture.figure, furniture.card))
        furniture = furniture.parent
    return chain


def reading(html: str, compiled: bool, monkeypatch: pytest.MonkeyPatch, cells: bool = False,
            config: Config | None = None) -> Any:
    """read_blocks's blocks (text, context, density, furniture) by the compiled loop or the Python one."""
    with monkeypatch.context() as patch:
        if not compiled:
            patch.setattr(fast_html, "walk_blocks", None)
        try:
            reader = fast_html.read_blocks(LexborHTMLParser(html), "page.html", config or Config(),
                                           lone_row_cells_apart=cells)
        except TooLargeError as error:
            return str(error)
    return ([(text, context.tag, context.in_article, context.in_link, bool(context.story), density,
              furniture_chain(context.furniture)) for text, context, density in reader.blocks],
            reader.total_chars, reader.story_chars)


@given(PIECES, st.booleans())
@settings(max_examples=300, deadline=None)
def test_the_compiled_loop_reads_what_the_python_loop_reads(pieces: list[str], cells: bool) -> None:
    html = "<html><body>" + "".join(pieces) + "</body></html>"
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert reading(html, True, monkeypatch, cells) == reading(html, False, monkeypatch, cells)


def test_the_compiled_loop_agrees_on_the_corpus_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = sorted((SHARED / "corpus").glob("*/*.html"))[::5]
    if not pages:
        pytest.skip("the shared corpus is not here")
    with_text = 0
    for path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        compiled = reading(html, True, monkeypatch)
        assert compiled == reading(html, False, monkeypatch), path.name
        with_text += bool(compiled[0])
    assert with_text > len(pages) * 0.8  # (a bot check or an empty wall page has none)


def test_the_compiled_loop_stops_where_the_python_loop_does(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "<body>" + "<div>" * 600 + "x" + "</div>" * 600 + "</body>"
    many = "<body>" + "<p>a</p>" * 50 + "</body>"
    for html, config in ((deep, Config()), (many, Config(html_max_elements=20))):
        error = reading(html, True, monkeypatch, config=config)
        assert isinstance(error, str) and error == reading(html, False, monkeypatch, config=config)
    assert "deep" in reading(deep, True, monkeypatch) and "html_max_elements" in reading(many, True, monkeypatch,
                                                                                        config=Config(html_max_elements=20))


def test_the_compiled_loop_numbers_stories_and_counts_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    html = ("<body><article><h1>One</h1><p>First story.</p></article><article><p>Second story.</p></article>"
            "<div class=tile><a href=/other></a><span>A card's headline</span></div></body>")
    compiled = reading(html, True, monkeypatch)
    assert compiled == reading(html, False, monkeypatch)
    blocks = compiled[0]
    assert [block[0] for block in blocks] == ["One", "First story.", "Second story.", "A card's headline"]
    assert blocks[-1][6][0][0] == fast_html.CARD and blocks[-1][6][0][1] == len("Acard'sheadline")


CALLBACK_PAGE = ("<body><div class=share><p role=main>a <a href=/x>l</a></p><a href=/y></a><span>card</span></div>"
                 "<table><tr><td>c</td></tr></table><article><p>s</p></article><div hidden>h</div></body>")


def walk_arguments(html: str, marks: bool = True) -> tuple[list[int], list[str | None], Any, Any]:
    """walk_blocks's depths, texts, element nodes and marks for a page (read_blocks's own calls)."""
    body = LexborHTMLParser(html).body
    depths, texts, others = fast_html.dom_shape(body, fast_html.SKIPPED)
    return depths, texts, others, (domshape.element_marks(body, fast_html.CLASS_WORDS, fast_html.ID_WORDS,
                                                           fast_html.RARE_ATTRIBUTES) if marks else None)


@given(PIECES)
@settings(max_examples=200, deadline=None)
def test_the_loop_reads_the_same_following_the_tree_itself(pieces: list[str]) -> None:
    # With root_id the loop reads tags and children off Lexbor's nodes (read_blocks's call); without
    # it, off selectolax's node objects.
    html = "<html><body>" + "".join(pieces) + "<svg><foreignObject><p>x</p></foreignObject></svg><my-tag>y</my-tag></body>"
    readings = []
    for rooted in (False, True):
        page = LexborHTMLParser(html)
        walk = fast_html._Walk([], {}, 0, 255, False)
        assert fast_html.walk_blocks(*walk_arguments_of(page), walk, page.body.mem_id if rooted else None) == 0
        readings.append(([(text, context.tag, context.in_article, context.in_link, context.story != 0, density,
                           furniture_chain(context.furniture)) for text, context, density in walk.blocks],
                         walk.total_chars, walk.story_chars))
    assert readings[0] == readings[1]


def walk_arguments_of(page: Any) -> tuple[list[int], list[str | None], Any, Any]:
    """walk_arguments of a parsed page."""
    body = page.body
    depths, texts, others = fast_html.dom_shape(body, fast_html.SKIPPED)
    return depths, texts, others, domshape.element_marks(body, fast_html.CLASS_WORDS, fast_html.ID_WORDS,
                                                          fast_html.RARE_ATTRIBUTES)


class Raised(Exception):
    """A callback's own error."""


@pytest.mark.parametrize("callback", ["rare_key", "new_effect", "only_row", "card"])
def test_an_error_in_a_callback_is_raised_and_releases_the_walk(callback: str) -> None:
    def fail(*_: Any) -> Any:
        raise Raised(callback)

    walk = type("FailingWalk", (fast_html._Walk,), {callback: staticmethod(fail)})([], {}, 0, 255, True)
    bottom = walk.context
    references = sys.getrefcount(bottom)
    with pytest.raises(Raised):
        fast_html.walk_blocks(*walk_arguments(CALLBACK_PAGE, marks=callback != "rare_key"), walk)
    walk.entered.clear()
    del walk.blocks[:]
    assert sys.getrefcount(bottom) == references  # (the stack's and the open block's references let go)


def test_the_compiled_loop_refuses_what_it_cannot_walk() -> None:
    # A negative depth (once read the stack below its bottom) and nodes in a list, not an iterator
    # (once PyIter_Next on a list): both crashed; in a child process, so that a crash fails this test alone.
    program = ("import pytest; from newsclean.parse import fast_html; from selectolax.lexbor import LexborHTMLParser\n"
               "def walk(): return fast_html._Walk([], {}, 0, 255, False)\n"
               "body = LexborHTMLParser('<body><p>a</p><div>b</div></body>').body\n"
               "depths, texts, others = fast_html.dom_shape(body, fast_html.SKIPPED)\n"
               "with pytest.raises(ValueError, match='negative'):\n"
               "    fast_html.walk_blocks([-1, *depths[1:]], texts, others, None, walk())\n"
               "with pytest.raises(TypeError, match='iterator'):\n"
               "    fast_html.walk_blocks(depths, texts, [body], None, walk())\n"
               # A root whose tree is not the shape's (once followed past the tree's end).
               "other = LexborHTMLParser('<body><p>a</p></body>').body\n"
               "with pytest.raises(ValueError, match='not the shape'):\n"
               "    fast_html.walk_blocks(depths, texts, others, None, walk(), other.mem_id)\n")
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-500:]

def cleaned_in_python(raw: str) -> str:
    """make_blocks's line of a block's text without the compiled core (the reference)."""
    return normalize_line(raw.replace("\n", " ").replace("\r", " ").replace("\t", " ").replace("\xa0", " "))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
@settings(max_examples=500, deadline=None)
def test_an_ascii_block_is_cleaned_as_normalize_line_cleans_it(raw: str) -> None:
    assert fast_html.ascii_line(raw) == cleaned_in_python(raw)


def test_text_that_is_not_ascii_is_left_to_python() -> None:
    assert fast_html.ascii_line("caf\u00e9  au lait") is None
    assert fast_html.ascii_line("a\xa0b") is None
    long_text = " Line one\n\tline\x00 two  " * 100  # (longer than the function's own buffer)
    assert fast_html.ascii_line(long_text) == cleaned_in_python(long_text)

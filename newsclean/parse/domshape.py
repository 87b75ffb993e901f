"""The shape of a page's tree for the fast reader's walk (parse/fast_html.py, read_blocks): the
nodes under an element in document order, each with its depth below it and, for a text node, its
text; and the other nodes themselves, in the same order, for their tags and attributes.

The walk used to ask Lexbor each node's parent (a new node object each time) to see which elements
had closed, and each text node's text through its own object; the compiled core (parse/_markup.c,
dom_shape) reads both off Lexbor's tree in one pass, so the walk makes node objects only for the
elements. It reads Lexbor's node structure through the node's address (selectolax's mem_id): it is
used only once its reading of a probe document agrees with selectolax's own answers (node_links,
field by field, then dom_shape with the pure function below, which stays the reference and the
fallback: no compiled core, NEWSCLEAN_PURE_PYTHON=1, or a selectolax whose nodes it cannot read).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from ..compiled import compiled_module

_markup = compiled_module("newsclean.parse._markup")
if _markup is not None:
    compiled_dom_shape, compiled_element_marks = _markup.dom_shape, _markup.element_marks
    attribute_names, element_links, node_links = _markup.attribute_names, _markup.element_links, _markup.node_links
else:
    compiled_dom_shape = node_links = element_links = attribute_names = compiled_element_marks = None

# The fast reader's pages are parsed without Lexbor's mutation events (selectolax's
# LexborDocumentOptions.WO_EVENTS): the callbacks Lexbor runs as it builds the tree, such as a
# <selectedcontent> element copying its <select>'s chosen <option>, text the walk never reads
# (SKIPPED holds "select"). The same tree on every corpus page (their serialised markup and
# element marks compared), and Lexbor's parse about 7% faster (train's 497 pages, 1.76 -> 1.63 ms
# a page, five rounds alternating). The probe pages below are parsed alike, so the compiled
# readings are checked on such trees.
WITHOUT_EVENTS = 1


def lexbor_page(html: str | bytes) -> Any:
    """selectolax's LexborHTMLParser of html, without mutation events where this selectolax has the
    option (older ones take no `options`: with them)."""
    from selectolax.lexbor import LexborHTMLParser

    if takes_options():
        return LexborHTMLParser(html, options=WITHOUT_EVENTS)
    return LexborHTMLParser(html)


@functools.lru_cache(maxsize=1)
def takes_options() -> bool:
    """True when this selectolax's LexborHTMLParser takes `options`."""
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p>x</p>", options=WITHOUT_EVENTS)
    except TypeError:
        return False
    return True


# Depths, texts (None for a node that is not text) and the nodes that are not text.
Shape = tuple[list[int], list[str | None], Iterator[Any]]

# A page with a node of each kind the compiled walk reads (elements, text with several bytes a
# character, a comment, an element without children, raw-text elements) to check it against selectolax.
PROBE_PAGE = ("<html><body><div id=a>one<p>two <b>thrée</b> 北京</p><!-- a comment --><script>x()</script>"
              "<style>p{}</style><svg><title>t</title></svg></div>four<br>five<textarea>x</textarea></body></html>")


# Elements with each set of attributes element_marks tells apart (none, class, id, both, an empty or
# valueless one, others, rare ones, a name longer than a hash entry holds; non-ASCII values, upper-case
# names, a repeated one) to check it against selectolax.
ATTRIBUTE_PROBE_PAGE = ("<html><body><div class='Nav x'>a</div><p id=main class='b menu'>b</p><span class>c</span>"
                        "<a href=/ class=y>d</a><i CLASS='é'>e</i><b id=''>f</b><div class=a class=b id=c>g</div>"
                        "<u id=z class=w title=t>h</u><em>i</em><svg class=s><g id=g></g></svg><a href=/ role=link>j</a>"
                        "<p style='x' class=s>k</p><div hidden id=h>l</div><span itemprop=name aria-hidden=true>m</span>"
                        "<img src=a alt=b data-a-name-longer-than-sixteen=1 class=c></body></html>")


def dom_shape(root: Any, raw_tags: frozenset[str], max_nodes: int = 0) -> Shape:
    """The nodes under root (a selectolax LexborNode), root first, in document order: each one's depth
    below root; for a text node its text ("" when its parent's tag is in raw_tags: text the walk never
    reads), None for any other node; and the other nodes, in order. By the compiled core where it reads
    this selectolax's trees, unless the tree holds more than max_nodes nodes (0: any number)."""
    raw_ids = compiled_raw_tag_ids(raw_tags)
    if raw_ids is not None:
        depths, texts = compiled_dom_shape(root.mem_id, raw_ids, max_nodes)
        if depths is not None:
            return depths, texts, root.traverse(include_text=False)
    return pure_dom_shape(root, raw_tags)


def shape_and_marks(root: Any, raw_tags: frozenset[str], max_nodes: int, class_finder: int, id_finder: int,
                    rare: tuple[str, ...]) -> tuple[Shape, list[Any] | None]:
    """dom_shape(root, raw_tags, max_nodes) and element_marks(root, class_finder, id_finder, rare), in one
    walk of Lexbor's tree where the compiled core reads both (the second walk over a page's ~1,900
    nodes cost about 0.1 ms, the marks' list aside); else each as it reads them."""
    raw_ids = compiled_raw_tag_ids(raw_tags)
    rare_ids = compiled_rare_ids(rare) if raw_ids is not None else None
    if raw_ids is not None and rare_ids is not None:
        depths, texts, marks = compiled_dom_shape(root.mem_id, raw_ids, max_nodes, class_finder, id_finder, rare, rare_ids)
        if depths is not None:
            return (depths, texts, root.traverse(include_text=False)), marks
    return dom_shape(root, raw_tags, max_nodes), element_marks(root, class_finder, id_finder, rare)


def pure_dom_shape(root: Any, raw_tags: frozenset[str]) -> Shape:
    """dom_shape through selectolax's accessors: the reference."""
    depths: list[int] = []
    texts: list[str | None] = []
    others: list[Any] = []
    depth_of: dict[int, int] = {}  # the depth of each node that is not text, by its mem_id
    raw: set[int] = set()
    for node in root.traverse(include_text=True):
        parent = node.parent
        parent_id = parent.mem_id if parent is not None else 0
        depth = depth_of.get(parent_id, -1) + 1
        depths.append(depth)
        tag = node.tag
        if tag == "-text":
            texts.append("" if parent_id in raw else node.text_content or "")
            continue
        texts.append(None)
        others.append(node)
        depth_of[node.mem_id] = depth
        if tag in raw_tags:
            raw.add(node.mem_id)
    return depths, texts, iter(others)


@functools.lru_cache(maxsize=8)
def compiled_raw_tag_ids(raw_tags: frozenset[str]) -> tuple[int, ...] | None:
    """Lexbor's tag ids of raw_tags (those the probe page holds) when the compiled walk reads this
    selectolax's trees as selectolax does; None when it does not (or is not built)."""
    if compiled_dom_shape is None:
        return None
    page = lexbor_page(PROBE_PAGE)
    if page.body is None or not reads_nodes_as_selectolax(page.body):
        return None
    ids = tuple(sorted({node.tag_id for name in raw_tags if name.isalpha()
                        for node in lexbor_page(f"<html><body><{name}></{name}></body></html>").root.traverse()
                        if node.tag == name}))
    depths, texts = compiled_dom_shape(page.body.mem_id, ids, 0)
    pure_depths, pure_texts, _ = pure_dom_shape(page.body, raw_tags)
    return ids if (depths, texts) == (pure_depths, pure_texts) else None


def reads_nodes_as_selectolax(root: Any) -> bool:
    """True when node_links finds each node's parent, first child, next sibling, tag id, type and text
    length under root where selectolax says they are (the compiled walk's reading of Lexbor's nodes)."""
    for node in root.traverse(include_text=True):
        parent, first_child, following, kind, tag_id, length = node_links(node.mem_id)
        expected = tuple(0 if other is None else other.mem_id for other in (node.parent, node.first_child, node.next))
        if (parent, first_child, following) != expected or tag_id != node.tag_id:
            return False
        text = node.text_content if node.tag == "-text" else None
        if (kind == 3) != (text is not None) or (text is not None and length != len(text.encode("utf-8"))):
            return False
    return True


def element_marks(root: Any, class_finder: int, id_finder: int, rare: tuple[str, ...]) -> list[Any] | None:
    """For each node of dom_shape's others (the nodes under root that are not text, in order): False for
    an element without attributes; (class, id) for an element with none of the rare attributes, each as
    node.attributes gives it, or None where it holds none of the finder's words (holds_word); None for
    any other node (the caller reads node.attributes). None in place of the list where the compiled
    core does not read this selectolax's elements (the caller reads every node's attributes)."""
    rare_ids = compiled_rare_ids(rare)
    if rare_ids is None:
        return None
    return compiled_element_marks(root.mem_id, class_finder, id_finder, rare, rare_ids)  # type: ignore[no-any-return]


def pure_element_marks(root: Any, rare: tuple[str, ...]) -> list[Any]:
    """element_marks through selectolax's attributes, every value kept (a finder of -1): the reference."""
    marks: list[Any] = []
    for node in root.traverse(include_text=False):
        attributes = node.attributes if node.tag is not None and node.tag[0] != "-" else None
        if attributes is None:
            marks.append(None)
        elif not attributes:
            marks.append(False)
        elif set(rare).isdisjoint(attributes):
            marks.append((attributes.get("class"), attributes.get("id")))
        else:
            marks.append(None)
    return marks


@functools.lru_cache(maxsize=8)
def compiled_rare_ids(rare: tuple[str, ...]) -> tuple[int, ...] | None:
    """The ids of the names Lexbor knows among the rare ones, "class" and "id" (element_marks's
    rare_ids), when element_marks reads this selectolax's elements as selectolax does; else None.

    Read on a probe page: element_links must find each element's attributes where selectolax's
    answers put them (the element's own fields); attribute_names each name selectolax gives (a name
    Lexbor knows by the same id in two documents); then element_marks keeping every value must give
    pure_element_marks's answers."""
    if compiled_element_marks is None or compiled_raw_tag_ids(frozenset()) is None:
        return None
    names = ("class", "id", *rare)
    probes = [lexbor_page(ATTRIBUTE_PROBE_PAGE), lexbor_page("<body><p " + " ".join(f"{name}=x" for name in names)
                                                                        + " data-a-name-longer-than-sixteen=1>x</p></body>")]
    known: dict[str, int] = {}
    for page in probes:
        if page.body is None:
            return None
        for node in page.body.traverse(include_text=False):
            if not reads_attributes_as_selectolax(node, known):
                return None
    ids = tuple(known[name] for name in names if name in known)
    body = probes[0].body
    if compiled_element_marks(body.mem_id, -1, -1, rare, ids) != pure_element_marks(body, rare):
        return None
    return ids


def reads_attributes_as_selectolax(node: Any, known: dict[str, int]) -> bool:
    """True when element_links and attribute_names find the node's attributes as selectolax gives them;
    known: the ids of the names Lexbor knows, by name, filled in (one name, one id)."""
    first, last, ident, classes = element_links(node.mem_id)
    names = list(node.attributes)
    if (first == 0) != (not names) or (last == 0) != (not names) or (first == last) != (len(names) <= 1):
        return False
    if (ident != 0) != ("id" in names) or (classes != 0) != ("class" in names):
        return False
    if names and ((names[0] == "id" and first != ident) or (names[0] == "class" and first != classes)
                  or (names[-1] == "id" and last != ident) or (names[-1] == "class" and last != classes)):
        return False
    read = attribute_names(node.mem_id)
    if len(read) != len(names):
        return False
    for name, found in zip(names, read):
        if isinstance(found, int):
            if known.setdefault(name, found) != found or list(known.values()).count(found) > 1:
                return False
        elif found != (name if len(name.encode("utf-8")) <= 16 else None):
            return False
    return True


# The elements fast_html.fast_metadata reads (the page's head and JSON-LD), and the attributes it reads
# of them, in the order head_elements's tuples give them.
HEAD_QUERY = "meta, link[rel], title, script[type]"
HEAD_TAGS = ("meta", "link", "title", "script")
HEAD_NAMES = ("property", "name", "itemprop", "content", "rel", "href", "type")
META, LINK, TITLE, SCRIPT = range(4)
JSON_LD = "application/ld+json"
# A page with each case head_elements tells apart (metas in head and body, a repeated name, upper-case
# names and values, valueless and empty values, a link without rel, titles in HTML and SVG, a title
# with a bad byte, JSON-LD in any case, a script without a type, a template's content, non-ASCII
# values) to check the compiled reading against selectolax's.
HEAD_PROBE_PAGE = ("<html lang=de><head><title>Tëst &amp; one</title><meta charset=utf-8>"
                   "<meta property='og:title' content='Ä title'><meta NAME=Author CONTENT='A B' content=x>"
                   "<meta name=description content><meta itemprop=x content=''><meta name=a property=b itemprop=c>"
                   "<link rel=canonical href='/a'><link href=/b><link rel><LINK REL=Canonical HREF=/c>"
                   "<script type='Application/LD+JSON'>{\"headline\": \"h\"}</script><script>x()</script>"
                   "<script type=text/javascript>y()</script><script type=application/ld+json></script>"
                   "<template><meta name=t content=t></template></head><body><svg><title>s<g>v</g>g</title></svg>"
                   "<div><meta itemprop=datePublished content=2024-01-02><title>two</title></div>"
                   "<script type=application/ld+json>[1, \"\u20ac\"]</script></body></html>")


def pure_head_elements(root: Any) -> list[tuple[Any, ...]]:
    """head_elements through selectolax's query and attributes: the reference."""
    found: list[tuple[Any, ...]] = []
    for node in root.css(HEAD_QUERY):
        tag = node.tag
        attributes = node.attributes
        if tag == "meta":
            found.append((META, *(attributes.get(name) for name in HEAD_NAMES[:4])))
        elif tag == "link":
            found.append((LINK, attributes.get("rel"), attributes.get("href")))
        elif tag == "title":
            found.append((TITLE, node.text()))
        else:
            kind = attributes.get("type")
            found.append((SCRIPT, kind, node.text() if (kind or "").lower() == JSON_LD else None))
    return found


def head_elements(root: Any) -> list[tuple[Any, ...]]:
    """The elements of HEAD_QUERY under root (a selectolax LexborNode: the page's root), in document
    order: (META, property, name, itemprop, content), (LINK, rel, href), (TITLE, text) and (SCRIPT,
    type, text when the type is JSON_LD in any case, else None), each value as node.attributes gives
    it. By the compiled core where it reads this selectolax's elements alike (no node object nor
    attributes dict an element: about a third of the fast engine's metadata time)."""
    ids = compiled_head_ids()
    if ids is None:
        return pure_head_elements(root)
    return _markup.head_elements(root.mem_id, ids[0], HEAD_NAMES, ids[1])  # type: ignore[union-attr,no-any-return]


@functools.lru_cache(maxsize=1)
def compiled_head_ids() -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The tag ids of HEAD_TAGS and the name ids of HEAD_NAMES (0 for a name Lexbor does not know) for
    the compiled head_elements, when its reading of HEAD_PROBE_PAGE is pure_head_elements's; else None."""
    if compiled_rare_ids(()) is None or not hasattr(_markup, "head_elements"):
        return None
    names = lexbor_page("<body>" + "".join(f"<p {name}=x>x</p>" for name in HEAD_NAMES) + "</body>")
    known: dict[str, int] = {}
    if names.body is None or not all(reads_attributes_as_selectolax(node, known)
                                     for node in names.body.traverse(include_text=False)):
        return None
    tags = lexbor_page("<html><head>" + "".join(f"<{tag}></{tag}>" for tag in HEAD_TAGS) + "</head></html>")
    tag_ids = {node.tag: node.tag_id for node in tags.root.traverse()} if tags.root is not None else {}
    if any(tag not in tag_ids for tag in HEAD_TAGS):
        return None
    ids = (tuple(tag_ids[tag] for tag in HEAD_TAGS), tuple(known.get(name, 0) for name in HEAD_NAMES))
    probe = lexbor_page(HEAD_PROBE_PAGE.encode("utf-8").replace(b"one", b"on\xff"))
    if probe.root is None or _markup.head_elements(probe.root.mem_id, ids[0], HEAD_NAMES, ids[1]) != pure_head_elements(probe.root):
        return None
    return ids

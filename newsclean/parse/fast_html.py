"""HTML pages read at crawl speed: the page's whole visible text, one block per text block, with
where each block stood in the markup.

The blocks are those of a text dump of the page (one per visible text block of `<body>`, in
document order), so the text stages and their line model read an HTML page as they read a dump;
each block also carries a DomFeatures record (its block tag, whether it sits in the article
landmark, its link density, and the page-furniture element around it, if any) for the stages
that can use the markup as evidence. Parsing is Lexbor's (through selectolax, a C parser
about ten times faster than libxml2 on news pages; see benchmarks/html_engines.py); the walk
is one pass over the elements, without recursion, so deep or huge pages cannot exhaust the stack.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html import unescape
from typing import Any

from ..compiled import compiled_module
from ..config import DEFAULT_CONFIG, Config
from ..document import Block, Document, DomFeatures, Metadata
from ..errors import InputError, TooLargeError
from ..read.mojibake import MOJIBAKE, repair_mojibake
from .deadline import DeadlineExceeded, deadline
from .domshape import JSON_LD, LINK, META, TITLE, dom_shape, head_elements, lexbor_page, shape_and_marks
from .html import PARSER_MAX_DEPTH, most_attributes
from .ld_body import shell_body_blocks
from .htmlmeta import LANGUAGE_TAG, site_name as _site_name
from .text import normalize_line, strip_control

# Never visible as text: their subtrees are not walked at all.
SKIPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object",
    "embed", "canvas", "video", "audio", "select", "textarea", "datalist", "-comment", "#comment",
})
# Elements that start (and end) a block of text; everything else is inline and joins its text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "br", "option", "optgroup",
})
# The compiled walk hands over at most this many nodes an element the limit allows (html_max_elements;
# text nodes and skipped elements count too): a larger tree is walked node by node, to the limit.
MAX_NODES_PER_ELEMENT = 4
# Elements that never hold anything (an HTML parser gives them no children).
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                       "track", "wbr", "keygen"})
# Table cells join the text of their row (a row is one block) unless they hold blocks themselves,
# or the open block is a link alone below a line break in the cell before (a layout table's menu).
CELL_TAGS = frozenset({"td", "th"})
CELL_SEPARATOR = " "
# The block tags a DomFeatures names; other block containers read as "div".
NAMED_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "figcaption", "blockquote", "pre", "dt", "dd",
    "caption",
})
ARTICLE_TAGS = frozenset({"article", "main"})
# Elements without attributes whose tag changes no context (see enter): most of a page's markup.
PLAIN_TAGS = frozenset({"div", "span", "b", "i", "em", "strong", "section", "ul", "ol", "tbody", "thead", "tr",
                        "small", "u", "font", "center", "label", "time", "picture", "body", "html"})
ARTICLE_ROLES = frozenset({"main", "article"})
# Landmarks that hold page furniture, not the article (HTML elements and their ARIA roles).
FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search"})
# A <figure> holds a photo or video with its caption and credit: furniture to the fast engine, as
# trafilatura drops the element and the train corpus's gold leaves it out (fast engine page F1 train
# .9455 -> .9505, dev .9554 -> .9539). Not to the trafilatura engine's view of the whole page
# (parse/page_text.py), whose stages were measured without it.
FIGURE = "<figure>"
# Words of class and id attributes that name page furniture, as substrings (so `relatedPosts`,
# `share-bar`, `kommentare`, `commentaire` all count). Web-developer conventions, mostly English
# whatever the page's language, plus a few common translations. The next to last line names boxes
# set beside the text (expandable explainers, embeds of other sites, tooltips, info and fact boxes,
# donation appeals, disclaimers, privacy notices; model/dommodel.NAMED_KINDS "box"), as trafilatura
# drops `expand` and `embed` elements; the last an author's biography box (a byline; not the word
# `author` alone, which names the article's own container on some blogs).
FURNITURE_WORDS = (
    "comment", "komment", "related", "share", "sharing", "social", "newsletter", "promo", "byline",
    "caption", "sidebar", "footer", "navbar", "navigation", "breadcrumb", "menu", "advert", "banner",
    "subscribe", "cookie", "consent", "popup", "modal", "recommend", "teaser", "widget", "taboola",
    "outbrain", "paywall", "signup", "toolbar", "masthead", "pagination",
    "expandable", "embed", "tooltip", "infobox", "factbox", "donat", "disclaimer", "privacy",
    "author-bio", "author_bio", "authorbio", "author-box", "author_box", "about-author", "author-info",
)
# A furniture element is only believed while it holds less than this share of the page's text:
# a `<form>` or a `<div class="...comments-open...">` around the whole page says nothing.
MAX_FURNITURE_SHARE = 0.4
# ... unless it is a landmark beside the page's stories: it holds no text of an <article> element,
# while the page's <article> elements hold at least this many characters (about 100 words), so
# it cannot be wrapping the article (a long live feed in the page's <aside>).
MIN_STORY_CHARS = 500
# Class names (substrings) of text kept off screen for screen readers ("Article content", "Opens in a new window").
SCREEN_READER_CLASSES = ("sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "offscreen")
SCREEN_READER_ONLY = "screen-reader-only"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
# <meta> names and properties holding the page's title, URL, publication date and author, in trust order.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "title")
URL_KEYS = ("og:url", "twitter:url")
# ... and the site's own name (stages/dom_title.py strips it from the title).
SITE_NAME_KEYS = ("og:site_name", "application-name")
DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
             "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
MAX_JSON_LD_CHARS = 1_000_000
# The JSON-LD articleBody is compared with blocks of at least MIN_MATCH_CHARS characters, by their
# first or last MATCH_CHARS characters (a block's middle may hold a link the body spells otherwise).
MIN_ARTICLE_BODY_CHARS = 300
MAX_ARTICLE_BODY_CHARS = 500_000
MIN_MATCH_CHARS = 25
MATCH_CHARS = 60
MIN_BODY_SHOWN = 0.6
# A teaser card made clickable by an empty link laid over it (`<div class="tile"><a href="/other-story"
# class="primary"></a><span>headline</span>...</div>`): the text after such a link in a container
# element is furniture, believed only while short (MAX_CARD_CHARS, spaces aside), as a card is; a
# container of the article with a stray empty link holds more. The fast engine's reading only, as
# FIGURE (fast engine page F1 dev .9589 -> .9592, train .9519 -> .9530: four pages up, none down).
CARD = "a card with an empty link laid over it"
CARD_PARENT_TAGS = frozenset({"div", "li", "section", "header", "article"})
MAX_CARD_CHARS = 400
# A block that is word for word the name, description or caption the page's JSON-LD gives a video
# or a photo is that media's label on the page (a player's title, a gallery's caption), furniture
# as FIGURE is; unless it is also the page's title or summary (a video page's standfirst is its
# video's description). AudioObject is left out: a podcast's description is its transcript's opening.
MEDIA = "a video or photo (its text in the page's JSON-LD)"
MEDIA_TYPES = frozenset({"VideoObject", "ImageObject"})
MEDIA_TEXT_KEYS = ("name", "description", "caption")
MIN_MEDIA_TEXT_CHARS = 20
SUMMARY_KEYS = ("description", "og:description", "twitter:description")
MAX_MEDIA_OBJECTS = 200


class FastExtractionTimeout(InputError):
    """The fast reader took longer than Config.html_timeout on this page."""


@dataclass(slots=True)
class _Furniture:
    """An element that marks its content as page furniture, and how much text it holds."""

    description: str
    parent: _Furniture | None
    by_name: bool  # named furniture by a class or id word only (not by its tag or role)
    hidden: bool = False  # furniture because the page hides it
    figure: bool = False  # a <figure> element (furniture only where make_blocks is asked to count figures)
    card: bool = False  # the rest of a container after an empty link (CARD)
    chars: int = 0
    story_chars: int = 0  # of them, those inside an <article> element


@dataclass(slots=True, eq=False)
class _Context:
    """What the walk knows about the elements around the current text (shared while unchanged;
    one object is one context: compared and hashed by identity)."""

    tag: str = "div"
    in_article: bool = False
    in_link: bool = False
    furniture: _Furniture | None = None
    story: int = 0  # the mem_id of the outermost <article> element around, 0 outside every one


@dataclass
class _Reader:
    """One walk's result: the page's text blocks (text, the context of its first text, link
    density) and how many characters they hold, spaces aside."""

    blocks: list[tuple[str, _Context, float]] = field(default_factory=list)
    total_chars: int = 0
    story_chars: int = 0  # of them, those inside an <article> element


def parse_html_fast(html: str | bytes, source: str = "-", encoding: str = "utf-8", config: Config | None = None) -> Document:
    """A Document of the page's visible text blocks, each with its DomFeatures, and the page's metadata
    (the page given as text, or as its UTF-8 bytes: what Lexbor reads)."""
    config = config or DEFAULT_CONFIG
    if config.html_max_attributes > 0:
        most = most_attributes(html, config.html_max_attributes)
        if most > config.html_max_attributes:
            raise TooLargeError(source, f"HTML has an element with {most:,} attributes, "
                                        f"more than html_max_attributes ({config.html_max_attributes:,})")
    try:
        with deadline(config.html_timeout):
            page = lexbor_page(html)  # (selectolax imported there: text dumps never pay for it)
            media: set[str] = set()
            meta, article_body = fast_metadata(page, media)
            reader = read_blocks(page, source, config)
    except DeadlineExceeded:
        raise FastExtractionTimeout(
            source, f"HTML reading took longer than html_timeout ({config.html_timeout:g} s)"
        ) from None
    meta.title = repair_mojibake(meta.title) if meta.title else None
    blocks = mark_media_texts(make_blocks(reader, article_body, figures=True, cards=True), media)
    blocks = shell_body_blocks(blocks, article_body, reader.total_chars)
    return Document(source=source, blocks=blocks, meta=meta, input_format="html", encoding=encoding)


def mark_media_texts(blocks: list[Block], media: set[str]) -> list[Block]:
    """blocks, those whose text is a video's or photo's JSON-LD text (MEDIA) made furniture."""
    if media:
        for block in blocks:
            if block.text in media and block.dom is not None and block.dom.boilerplate is None:
                block.dom = replace(block.dom, boilerplate=MEDIA)
    return blocks


def make_blocks(reader: _Reader, article_body: str | None = None, figures: bool = False,
                cards: bool = False) -> list[Block]:
    """The reader's blocks as Blocks: text cleaned and repaired, DOM features attached; `figures`:
    text inside a <figure> is furniture, `cards`: text of a short card under an empty link is (the
    fast engine's reading, see FIGURE and CARD)."""
    texts: list[str] = []
    contexts: list[tuple[_Context, float]] = []
    for raw, context, density in reader.blocks:
        if context.tag == "pre":
            # Indentation is part of a listing; only trailing space and blank lines go.
            text = "\n".join(line for line in (strip_control(r).rstrip() for r in raw.split("\n")) if line.strip())
        else:
            # Line breaks in the markup are spaces (normalize_line would drop them as control characters);
            # tabs and no-break spaces are spaces to it too, and without them most text is printable
            # as it is, which normalize_line then checks at C speed. An ASCII text (two blocks in three)
            # is cleaned alike in one pass by the compiled core, where it is built.
            text = ascii_line(raw) if ascii_line is not None and raw.isascii() else None
            if text is None:
                text = normalize_line(raw.replace("\n", " ").replace("\r", " ").replace("\t", " ").replace("\xa0", " "))
        if text:
            texts.append(text)
            contexts.append((context, density))
    # One look at the whole page for mojibake (a line break is no part of it): most pages have none.
    if MOJIBAKE.search("\n".join(texts)) is not None:
        texts = [repaired_text(text, context.tag == "pre") for text, (context, _) in zip(texts, contexts)]
    in_body = article_body_blocks(texts, article_body)
    furniture_limit = MAX_FURNITURE_SHARE * reader.total_chars
    beside_stories = reader.story_chars >= MIN_STORY_CHARS
    # Blocks of one context in one state share their (immutable) DomFeatures.
    features: dict[tuple[_Context, float, bool | None], DomFeatures] = {}
    stories: dict[int, int] = {0: 0}  # element ids to 1, 2, ... in document order
    blocks: list[Block] = []
    for number, (text, (context, density), body) in enumerate(zip(texts, contexts, in_body), start=1):
        key = (context, density, body)
        dom = features.get(key)
        if dom is None:
            dom = features[key] = DomFeatures(context.tag, context.in_article, round(density, 3),
                                              innermost_furniture(context.furniture, furniture_limit, False, body is True,
                                                                  beside_stories, figures, cards), body,
                                              innermost_furniture(context.furniture, furniture_limit, True),
                                              stories.setdefault(context.story, len(stories)))
        blocks.append(Block(number, text, None, dom))
    return blocks


def repaired_text(text: str, preformatted: bool) -> str:
    """A block's text with mojibake undone (and cleaned again, unless preformatted)."""
    repaired = repair_mojibake(text)
    if repaired == text:
        return text
    return repaired if preformatted else normalize_line(repaired)


def article_body_blocks(texts: list[str], article_body: str | None) -> list[bool | None]:
    """For each block, whether it is part of the page's JSON-LD articleBody; None for every block
    when the page shows too little of that body (no body, a teaser of it, another text), and for
    blocks too short to tell."""
    unknown: list[bool | None] = [None] * len(texts)
    body = " ".join(article_body[:MAX_ARTICLE_BODY_CHARS].split()) if article_body else ""
    if len(body) < MIN_ARTICLE_BODY_CHARS:
        return unknown
    found: list[bool | None] = []
    matched = 0
    for text in texts:
        if len(text) < MIN_MATCH_CHARS:
            found.append(None)
            continue
        # Either end: a block's middle may hold a link or markup that the body spells otherwise.
        hit = text[:MATCH_CHARS] in body or text[-MATCH_CHARS:] in body
        matched += len(text) if hit else 0
        found.append(hit)
    # The body must be shown on the page: a body the blocks cover only in part says nothing of the rest.
    return found if matched >= MIN_BODY_SHOWN * len(body) else unknown


def innermost_furniture(furniture: _Furniture | None, limit: float, by_name: bool, shown: bool = False,
                        beside_stories: bool = False, figures: bool = False, cards: bool = False) -> str | None:
    """The description of the innermost furniture element around a block named by a class or id
    word (by_name) or by its tag, role or hiding (not by_name); None when there is none or when it
    holds `limit` characters of text or more (a <form> or a `comments-open` wrapper around the page).

    `shown`: the block is part of the page's JSON-LD articleBody, so hiding it says nothing (paywalls
    hide the article they hold for scripts to show): hidden elements around it are passed over.
    `beside_stories`: the page's <article> elements hold text (MIN_STORY_CHARS), so a shown landmark
    holding none of it is believed at any size: it stands beside the article, not around it.
    `figures`: a <figure> element is furniture (else it is passed over).
    `cards`: a card (CARD) of at most MAX_CARD_CHARS characters is furniture (else it is passed over).
    """
    while furniture is not None and (furniture.by_name != by_name or (shown and furniture.hidden)
                                     or (furniture.figure and not figures)
                                     or (furniture.card and (not cards or furniture.chars > MAX_CARD_CHARS))):
        furniture = furniture.parent
    if furniture is None:
        return None
    if furniture.chars >= limit and not (beside_stories and not furniture.hidden and furniture.story_chars == 0):
        return None
    return furniture.description


def read_blocks(page: Any, source: str, config: Config, *, lone_row_cells_apart: bool = False) -> _Reader:
    """Walk the body once, in document order, gathering its visible text into blocks.

    `lone_row_cells_apart`: each cell of a table's only row is a block of its own (see page_text).
    """
    reader = _Reader()
    body = page.body
    if body is None:
        return reader
    limit = config.html_max_elements
    max_depth = PARSER_MAX_DEPTH - 1
    # The nodes in document order, each with its depth below the body: the open elements are a
    # stack of (depth, the context to restore when it closes, whether it ends a block), popped down
    # to each node's parent (the open element just above it). Only the elements are node objects.
    # With the compiled core each element's class and id come with it unless it has a rare attribute
    # (holds_word applied; see element_marks), so most elements need no attributes dict; both read
    # in one walk of the tree where it can (shape_and_marks).
    if holds_word is not None:
        (depths, texts, others), marks = shape_and_marks(body, SKIPPED, MAX_NODES_PER_ELEMENT * limit, CLASS_WORDS,
                                                         ID_WORDS, RARE_ATTRIBUTES)
    else:
        depths, texts, others = dom_shape(body, SKIPPED, max_nodes=MAX_NODES_PER_ELEMENT * limit)
        marks = None
    effects = _EFFECTS
    if len(effects) > MAX_REMEMBERED_EFFECTS:  # (bounded: a long run meets new class values forever)
        effects.clear()
    if walk_blocks is not None:  # the same loop in C (parse/_markup.c), asking _Walk what needs the markup read
        walk = _Walk(reader.blocks, effects, limit, max_depth, lone_row_cells_apart)
        # Where the marks are read off Lexbor's elements, the loop reads their tags and children there too.
        too_large = walk_blocks(depths, texts, others, marks, walk, None if marks is None else body.mem_id)
        if too_large:
            raise TooLargeError(source, too_many_elements(limit) if too_large == 1 else too_deep(max_depth))
        created = walk.created
        reader.total_chars, reader.story_chars = walk.total_chars, walk.story_chars
    else:
        created = walk_in_python(reader, depths, texts, zip(others, marks if marks is not None else itertools.repeat(None)),
                                 effects, source, limit, max_depth, lone_row_cells_apart)
        blocks = reader.blocks
        reader.total_chars = sum(len(text) - text.count(" ") for text, _, _ in blocks)
        reader.story_chars = sum(len(text) - text.count(" ") for text, context, _ in blocks if context.story)
    # Each furniture element counted only the text directly in it; an element holds its inner ones'
    # text too (inner elements were made after the elements around them).
    for furniture in reversed(created):
        if furniture.parent is not None:
            furniture.parent.chars += furniture.chars
            furniture.parent.story_chars += furniture.story_chars
    return reader


def walk_in_python(reader: _Reader, depths: list[int], texts: list[str | None], elements_and_marks: Iterator[tuple[Any, Any]],
                   effects: dict[tuple[Any, ...], _Effect | None], source: str, limit: int, max_depth: int,
                   lone_row_cells_apart: bool) -> list[_Furniture]:
    """read_blocks's loop over dom_shape's nodes (the reference for walk_blocks, its compiled form):
    the blocks added to reader.blocks; returns the furniture elements made, in order."""
    next_element = elements_and_marks.__next__
    elements = 0
    bottom = (-1, _Context(), False)
    stack: list[tuple[int, _Context, bool]] = [bottom]
    top = -1
    skipped_at = -1  # the depth of the element around whose text is never read (scripts, hidden text), if any
    created: list[_Furniture] = []
    context = _Context()
    # The context inside an element that makes no furniture depends only on the context around
    # and the element's effect: made once per pair.
    entered: dict[tuple[_Context, _Effect], _Context] = {}
    blocks = reader.blocks
    # The open block: its text parts, the context of its first text, its characters (spaces
    # aside) and those inside links. A block element's start or end only sets `boundary`: the
    # block closes when the next text comes (or the page ends), which is where it would show.
    parts: list[str] = []
    opened: _Context | None = None
    chars = link_chars = 0
    boundary = False
    # A cell's text joins the open block unless that block is a link alone that opened below a break
    # inside the cell before (the last link of a layout table's menu column, beside the story's
    # column): a row of cells is one block, and so is a data table's cell broken in two lines.
    cell_start = joinable = False
    push, pop = stack.append, stack.pop
    for depth, text in zip(depths, texts):
        if skipped_at >= 0:
            if depth > skipped_at:
                if text is None:
                    next_element()
                continue
            skipped_at = -1
        while top >= depth:  # elements close
            _, context, ends_block = pop()
            boundary = boundary or ends_block
            top = stack[-1][0]
        if text is not None:
            if boundary:
                if opened is not None:
                    blocks.append(("".join(parts), opened, link_chars / chars if chars else 0.0))
                    parts, opened, chars, link_chars = [], None, 0, 0
                boundary = False
            if opened is None:
                if not text or text.isspace():  # (indentation between blocks: nothing)
                    continue
                opened = context
                joinable, cell_start = cell_start, False
            parts.append(text)
            size = len(text) - text.count(" ")
            chars += size
            if context.in_link:
                link_chars += size
            if context.furniture is not None:
                context.furniture.chars += size
                if context.story:
                    context.furniture.story_chars += size
            continue
        node, mark = next_element()
        tag = node.tag
        if tag is None or tag in SKIPPED or tag[0] == "-":
            skipped_at = depth
            continue
        elements += 1
        if limit > 0 and elements > limit:
            raise TooLargeError(source, too_many_elements(limit))
        is_block = tag in BLOCK_TAGS
        if tag in VOID_TAGS and node.first_child is None:  # <br>, <hr>, <img>: at most a block break
            boundary = boundary or is_block
            continue
        if len(stack) > max_depth and node.first_child is not None:
            raise TooLargeError(source, too_deep(max_depth))
        attributes: dict[str, str | None] | None = None  # (read when needed, where the mark says enough)
        if mark is not None:  # the compiled core's reading: no attributes, or no rare one
            if mark is False:  # (no attributes)
                key = None if tag in PLAIN_TAGS else (tag, None, None, context.in_article)
            else:
                key = (tag, *mark, context.in_article)
        else:  # the elements the compiled core did not read, or every element without it
            key, attributes = _Walk.rare_key(node, tag, context.in_article)
        effect = None if key is None else effects.get(key, UNKNOWN)
        if effect is UNKNOWN:
            if attributes is None:
                attributes = node.attributes
            effect = effects[key] = (element_effect(tag, attributes, context.in_article) if attributes
                                     else tag_effect(tag, context.in_article))
        if effect is not None and effect.skip:  # text for screen readers only: never read
            boundary = boundary or (is_block and node.first_child is None)
            skipped_at = depth
            continue
        if is_block or (lone_row_cells_apart and tag in CELL_TAGS and only_row(node.parent)):
            boundary = True
        elif tag in CELL_TAGS and parts and not boundary:
            if joinable or link_chars < chars:
                parts.append(CELL_SEPARATOR)
            else:  # a link alone below a break in the cell before: a menu column's last, not a row's cell
                boundary = True
        if tag in CELL_TAGS:
            cell_start = True
        if tag == "a" and node.first_child is None and card_link(node, attributes or node.attributes):
            # The rest of the link's parent is a card: its context until the parent closes.
            card = _Furniture(CARD, context.furniture, False, card=True)
            created.append(card)
            context = _Context(context.tag, context.in_article, context.in_link, card, context.story)
        top = depth
        push((depth, context, is_block))
        if effect is None:
            continue
        if effect.story and not context.story:  # a new story: its own context (numbered in make_blocks)
            context = effect.inside(context, created, node.mem_id)
        elif not effect.makes_furniture():
            entering = (context, effect)
            inner = entered.get(entering)
            if inner is None:
                inner = entered[entering] = effect.inside(context, created)
            context = inner
        else:
            context = effect.inside(context, created)
    if opened is not None:
        blocks.append(("".join(parts), opened, link_chars / chars if chars else 0.0))
    return created


def too_many_elements(limit: int) -> str:
    """The error of a page with more elements than html_max_elements."""
    return f"HTML has more than html_max_elements ({limit:,}) elements"


def too_deep(max_depth: int) -> str:
    """The error of a page nested deeper than the reader follows."""
    return f"HTML is nested more than {max_depth} elements deep: the reader does not follow it deeper"


def only_row(row: Any) -> bool:
    """True when a <tr> is the only row of its table section (no element before or after it)."""
    if row is None or row.tag != "tr":
        return False
    before = row.prev
    while before is not None and before.tag in ("-text", "-comment"):
        before = before.prev
    after = row.next
    while after is not None and after.tag in ("-text", "-comment"):
        after = after.next
    return before is None and after is None


def card_link(node: Any, attributes: dict[str, str | None]) -> bool:
    """True when an empty <a> element links another page from a container element (CARD)."""
    href = (attributes.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return False
    parent = node.parent
    return parent is not None and parent.tag in CARD_PARENT_TAGS


@dataclass(slots=True, eq=False)
class _Effect:
    """What an element's tag and attributes change in the context of the text inside it (never
    changed once made: effects are shared through caches; not a frozen dataclass, whose
    construction costs four times as much, and a page makes dozens)."""

    tag: str | None = None  # the block tag it names (None: the context's stays)
    article: bool = False  # an article landmark
    link: bool = False
    furniture: str | None = None  # the description of the furniture it marks, if it does
    by_name: bool = False  # furniture by a class or id word only
    hidden: str | None = None  # how the page hides it, as furniture's description
    skip: bool = False  # text for screen readers only: not read at all
    story: bool = False  # an <article> element (a story of its own, unless inside another)
    figure: bool = False  # a <figure> element (FIGURE)

    def makes_furniture(self) -> bool:
        """True when the element is page furniture (new furniture in each element: never shared)."""
        return self.furniture is not None or self.hidden is not None or self.figure

    def changes_nothing(self) -> bool:
        """True when the text inside reads as the text around."""
        return not (self.tag or self.article or self.link or self.makes_furniture() or self.skip)

    def inside(self, context: _Context, created: list[_Furniture], story: int = 0) -> _Context:
        """The context inside an element with this effect, entered from context (new furniture
        elements are added to created); `story`: the element's id, when it starts a story."""
        furniture = context.furniture
        if self.figure:  # around the furniture its class or id may name (`<figure class="share">`)
            furniture = _Furniture(FIGURE, furniture, False, figure=True)
            created.append(furniture)
        if self.furniture is not None:
            furniture = _Furniture(self.furniture, furniture, self.by_name)
            created.append(furniture)
        if self.hidden is not None:
            # Hidden text is furniture, believed like any other only while it is a small part of
            # the page: frameworks stream the whole article into a hidden element for scripts to show.
            furniture = _Furniture(self.hidden, furniture, False, hidden=True)
            created.append(furniture)
        return _Context(self.tag or context.tag, context.in_article or self.article, context.in_link or self.link,
                        furniture, context.story or story)


# Attributes of an element's effect other than class and id (all others, such as href, src or
# data-*, change nothing).
RARE_ATTRIBUTES = ("role", "itemprop", "aria-hidden", "style", "hidden")
RARE_ATTRIBUTE_SET = frozenset(RARE_ATTRIBUTES)
UNKNOWN = _Effect(skip=True)  # (a marker: an effect not yet computed)
# Effects by the attributes they depend on (tag, class, id, in_article, then the rare ones when
# present), kept from page to page: a site's pages share most of their class values, and working
# an effect out (lower-casing, searching the class and id for furniture words) costs more than
# the rest of the element's visit.
_EFFECTS: dict[tuple[Any, ...], _Effect | None] = {}
MAX_REMEMBERED_EFFECTS = 50_000


def element_effect(tag: str, attributes: dict[str, str | None], in_article: bool) -> _Effect | None:
    """The effect of an element with attributes entered from a context in_article or not; None when
    it changes nothing."""
    # Class and id values that name nothing are left out of _effect's key, so that the effects of
    # the thousands of class values on a page are made for a few dozen keys.
    classes = attributes.get("class")
    if classes is not None and NOTABLE_CLASS.search(classes.lower()) is None:
        classes = None
    ident = attributes.get("id")
    if ident is not None and NOTABLE_ID.search(ident.lower()) is None:
        ident = None
    header_in_article = in_article and tag == "header"
    if RARE_ATTRIBUTE_SET.isdisjoint(attributes):
        return _effect(tag, classes, ident, None, None, None, None, False, header_in_article)
    style = attributes.get("style")
    if style is not None and HIDDEN_STYLE.search(style) is None:
        style = None
    return _effect(tag, classes, ident, attributes.get("role"), attributes.get("itemprop"), attributes.get("aria-hidden"),
                   style, "hidden" in attributes, header_in_article)


def tag_effect(tag: str, in_article: bool) -> _Effect | None:
    """The effect of an element without attributes."""
    return _effect(tag, None, None, None, None, None, None, False, in_article and tag == "header")


def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of words, as a trie (`c(?:aption|o(?:mment|okie))`): the regular
    expression engine then tries each character once, not each word (twice as fast as a plain
    alternation on class values).

    >>> words_pattern(("comment", "cookie", "caption")).pattern
    'c(?:aption|o(?:mment|okie))'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternatives(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + alternatives(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        pattern = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{pattern})?" if "" in node else pattern

    return re.compile(alternatives(trie))


# Any furniture word (or, in a class, a screen-reader-only class) in a lower-cased class or id value.
NOTABLE_ID = words_pattern(FURNITURE_WORDS)
NOTABLE_CLASS = words_pattern((*FURNITURE_WORDS, *SCREEN_READER_CLASSES))
SCREEN_READER_CLASS = words_pattern(SCREEN_READER_CLASSES)
# The walk keys the effects it remembers by an element's class and id values; most values are a
# page's own and name nothing, so with the compiled core (parse/_markup.c, holds_word: these words
# in an ASCII value, as NOTABLE_CLASS and NOTABLE_ID find them in its lower case) such values leave
# the key, and keys repeat from element to element and page to page instead of missing (misses,
# each working the effect out again at about 2.4 us: 129 -> 41 a train page). Without it (NEWSCLEAN_PURE_PYTHON=1, no
# compiler) the walk keys effects by the values themselves, as element_effect reads them.
_markup = compiled_module("newsclean.parse._markup")
if _markup is not None:
    holds_word = _markup.holds_word
    CLASS_WORDS = _markup.word_finder((*FURNITURE_WORDS, *SCREEN_READER_CLASSES))
    ID_WORDS = _markup.word_finder(FURNITURE_WORDS)
    walk_blocks = _markup.walk_blocks
    ascii_line = _markup.ascii_line
else:
    holds_word = walk_blocks = ascii_line = None
    CLASS_WORDS = ID_WORDS = -1


class _Walk:
    """What the compiled walk (walk_blocks in parse/_markup.c: walk_in_python's loop, its per-node
    bookkeeping in C) reads, and what it asks of Python: the parts of an element's visit that read
    its attributes or make its effect, a card's context, a lone row; as walk_in_python does them."""

    __slots__ = ("blocks", "effects", "entered", "created", "context", "limit", "max_depth", "cells_apart",
                 "total_chars", "story_chars")
    unknown = UNKNOWN
    skipped = SKIPPED
    block_tags = BLOCK_TAGS
    void_tags = VOID_TAGS
    plain_tags = PLAIN_TAGS
    cell_tags = CELL_TAGS
    separator = CELL_SEPARATOR

    def __init__(self, blocks: list[tuple[str, _Context, float]], effects: dict[tuple[Any, ...], _Effect | None],
                 limit: int, max_depth: int, cells_apart: bool) -> None:
        self.blocks = blocks
        self.effects = effects
        self.entered: dict[tuple[_Context, _Effect], _Context] = {}
        self.created: list[_Furniture] = []
        self.context = _Context()  # (around the body)
        self.limit = limit
        self.max_depth = max_depth
        self.cells_apart = cells_apart
        self.total_chars = self.story_chars = 0  # (of the blocks, spaces aside: set by walk_blocks)

    @staticmethod
    def rare_key(node: Any, tag: str, in_article: bool) -> tuple[tuple[Any, ...] | None, dict[str, str | None]]:
        """The key of the remembered effect of an element, read from its attributes, and the attributes
        read: walk_blocks asks it for the elements the compiled core left without a mark, and
        walk_in_python for those and every element without the compiled core."""
        if attributes := node.attributes:
            classes = attributes.get("class")
            ident = attributes.get("id")
            if holds_word is not None:  # (values that name nothing leave the key: see CLASS_WORDS)
                if classes is not None and not holds_word(classes, CLASS_WORDS):
                    classes = None
                if ident is not None and not holds_word(ident, ID_WORDS):
                    ident = None
            if RARE_ATTRIBUTE_SET.isdisjoint(attributes):
                return (tag, classes, ident, in_article), attributes
            return (tag, classes, ident, in_article, attributes.get("role"), attributes.get("itemprop"),
                    attributes.get("aria-hidden"), attributes.get("style"), "hidden" in attributes), attributes
        return (None if tag in PLAIN_TAGS else (tag, None, None, in_article)), attributes

    @staticmethod
    def new_effect(node: Any, tag: str, attributes: dict[str, str | None] | None, in_article: bool) -> _Effect | None:
        """The effect of an element whose key is not remembered yet."""
        if attributes is None:
            attributes = node.attributes
        return element_effect(tag, attributes, in_article) if attributes else tag_effect(tag, in_article)

    def card(self, node: Any, attributes: dict[str, str | None] | None, context: _Context) -> _Context | None:
        """The context after an empty link that makes the rest of its parent a card (CARD), else None."""
        if not card_link(node, attributes or node.attributes):
            return None
        card = _Furniture(CARD, context.furniture, False, card=True)
        self.created.append(card)
        return _Context(context.tag, context.in_article, context.in_link, card, context.story)

    @staticmethod
    def only_row(node: Any) -> bool:
        """True when a cell's row is its table section's only one."""
        return only_row(node.parent)


@functools.lru_cache(maxsize=4096)
def _effect(tag: str, classes: str | None, ident: str | None, role: str | None, itemprop: str | None,
            aria_hidden: str | None, style: str | None, hidden_attribute: bool,
            header_in_article: bool) -> _Effect | None:
    hidden = hidden_by(hidden_attribute, aria_hidden, style, classes)
    if hidden == SCREEN_READER_ONLY:
        return _Effect(skip=True)
    block_tag = "td" if tag in CELL_TAGS else tag if tag in NAMED_TAGS else None
    article = (tag in ARTICLE_TAGS or bool(role and role.lower() in ARTICLE_ROLES)
               or (itemprop or "").lower() == "articlebody")
    site_header = tag == "header" and not (header_in_article or article)
    description, by_name = furniture_description(tag, role, classes, ident, site_header)
    effect = _Effect(block_tag, article, tag == "a", description, by_name,
                     None if hidden is None else f"<{tag} {hidden}>", story=tag == "article",
                     figure=tag == "figure")
    return None if effect.changes_nothing() else effect


def furniture_description(tag: str, role: str | None, classes: str | None, ident: str | None,
                          site_header: bool) -> tuple[str | None, bool]:
    """How an element that marks page furniture reads in the markup (`<aside class="related">`),
    or None; and whether only a class or id word says so."""
    for name, value in (("class", classes), ("id", ident)):
        if value and furniture_word(value.lower()):
            by_tag = tag in FURNITURE_TAGS or site_header or bool(role and role.lower() in FURNITURE_ROLES)
            return f'<{tag} {name}="{value.strip()[:40]}">', not by_tag
    if tag in FURNITURE_TAGS or site_header:
        return f"<{tag}>", False
    if role and role.lower() in FURNITURE_ROLES:
        return f'<{tag} role="{role}">', False
    return None, False


def furniture_word(value: str) -> bool:
    """True when a (lower-cased) class or id value holds a FURNITURE_WORDS word."""
    # One pass of the words' trie (most values are a page's own, so a cache of them seldom hits).
    return NOTABLE_ID.search(value) is not None


def hidden_by(hidden_attribute: bool, aria_hidden: str | None, style: str | None, classes: str | None) -> str | None:
    """How the page hides an element (`hidden`, `aria-hidden="true"`, an inline display:none or a
    screen-reader-only class such as `sr-only`), as it reads in the markup; None when it does not."""
    if hidden_attribute:
        return "hidden"
    if (aria_hidden or "").lower() == "true":
        return 'aria-hidden="true"'
    if style and HIDDEN_STYLE.search(style) is not None:
        return f'style="{style.strip()[:40]}"'
    if classes and screen_reader_only(classes):
        return SCREEN_READER_ONLY
    return None


def screen_reader_only(classes: str) -> bool:
    """True when a class attribute names text shown to screen readers only."""
    return SCREEN_READER_CLASS.search(classes.lower()) is not None


def fast_metadata(page: Any, media: set[str] | None = None) -> tuple[Metadata, str | None]:
    """Title, publication date, canonical URL, author and declared language from the page's head and
    JSON-LD; and the JSON-LD articleBody (the publisher's own copy of the article text), if any.
    `media`: given, the JSON-LD texts of videos and photos (MEDIA) are added to it."""
    found: dict[str, str] = {}
    canonical = None
    title_tag = None
    ld: dict[str, str] = {}
    # (The elements as tuples of the attributes read, without a node object each: see head_elements.)
    for element in head_elements(page.root) if page.root is not None else ():
        kind = element[0]
        if kind == META:
            _, property_, name, itemprop, content = element
            key = (property_ or name or itemprop or "").lower()
            if key and content and content.strip():
                found.setdefault(key, content)
        elif kind == LINK:
            if canonical is None and "canonical" in (element[1] or "").lower():
                canonical = element[2]
        elif kind == TITLE:
            title_tag = title_tag or element[1]
        elif (element[1] or "").lower() == JSON_LD:
            read_json_ld(element[2], ld, media)
    author = first(found, AUTHOR_KEYS) or ld.get("author")
    if author and " " not in author.strip():
        author = None  # a single token is a handle or a site name (as trafilatura judges)
    date = first(found, DATE_KEYS) or ld.get("datePublished")
    language = (page.root.attributes.get("lang") or "").strip() if page.root is not None else ""
    url = _clean(first(found, URL_KEYS) or canonical)
    meta = Metadata(
        title=_clean(_unescaped(first(found, TITLE_KEYS) or ld.get("headline") or title_tag)),
        date=date.strip()[:10] if date and DATE_PREFIX.match(date.strip()) else None,
        url=url,
        author=_clean(_unescaped(author)),
        language=language if LANGUAGE_TAG.match(language) else None,
        site_names=tuple(name for name in (_site_name(first(found, SITE_NAME_KEYS)), url) if name),
    )
    if media:
        # The page's own title and summary are the article's, whatever media shares them.
        own = (*(found.get(key) for key in (*TITLE_KEYS, *SUMMARY_KEYS)), ld.get("headline"), title_tag)
        media.difference_update(normalize_line(" ".join(text.split())) for text in own if text)
    return meta, ld.get("articleBody")


def first(found: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The value of the first of keys present in found."""
    return next((found[key] for key in keys if key in found), None)


def read_json_ld(text: str, into: dict[str, str], media: set[str] | None = None) -> None:
    """Add headline, datePublished and author of the JSON-LD objects in text to into (first found
    wins); and to `media`, when given, the texts of its videos and photos, wherever they nest."""
    if len(text) > MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(text)
    except ValueError:
        return  # broken JSON-LD is common; the page's other metadata still count
    todo = [data]
    seen = 0
    while todo and seen < 200:
        item = todo.pop()
        seen += 1
        if isinstance(item, list):
            todo.extend(reversed(item))
        elif isinstance(item, dict):
            for key in ("headline", "datePublished"):
                if isinstance(item.get(key), str):
                    into.setdefault(key, item[key])
            body = item.get("articleBody")
            if isinstance(body, str) and len(body) > len(into.get("articleBody", "")):
                into["articleBody"] = body
            author = item.get("author")
            author = author[0] if isinstance(author, list) and author else author
            if isinstance(author, dict) and isinstance(author.get("name"), str):
                into.setdefault("author", author["name"])
            graph = item.get("@graph")
            if isinstance(graph, list):
                todo.extend(reversed(graph))
    if media is not None:
        add_media_texts(data, media)


def add_media_texts(data: Any, media: set[str]) -> None:
    """Add the names, descriptions and captions of the videos and photos in JSON-LD data to media
    (MEDIA; at most MAX_MEDIA_OBJECTS objects and lists are read)."""
    todo = [data]
    seen = 0
    while todo and seen < MAX_MEDIA_OBJECTS:
        item = todo.pop()
        seen += 1
        if isinstance(item, list):
            todo.extend(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            if (kind in MEDIA_TYPES if isinstance(kind, str)
                    else isinstance(kind, list) and any(isinstance(k, str) and k in MEDIA_TYPES for k in kind)):
                for key in MEDIA_TEXT_KEYS:
                    value = item.get(key)
                    if isinstance(value, str):
                        text = normalize_line(" ".join(value.split()))
                        if len(text) >= MIN_MEDIA_TEXT_CHARS:
                            media.add(text)
            todo.extend(value for value in item.values() if isinstance(value, (list, dict)))


# A character reference left in an attribute's value once the parser has read it: the page's template
# escaped the value twice ("Sean &amp;#039;s" for "Sean's", "B&amp;amp;B"), as trafilatura's
# reading of the same <meta> undoes. At most MAX_UNESCAPES more rounds (each undoes one escaping).
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
MAX_UNESCAPES = 2


def _unescaped(value: str | None) -> str | None:
    """The value with the character references a second escaping left in it read.

    >>> _unescaped("Penn &amp;#039;engaged&amp;#039;"), _unescaped("B&amp;B Town"), _unescaped("Q&A: 5 & 6")
    ("Penn 'engaged'", 'B&B Town', 'Q&A: 5 & 6')
    """
    for _ in range(MAX_UNESCAPES):
        if not value or "&" not in value or CHARACTER_REFERENCE.search(value) is None:
            break
        value = unescape(value)
    return value


def _clean(value: str | None) -> str | None:
    return normalize_line(value) or None if value else None

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
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..config import DEFAULT_CONFIG, Config
from ..document import Block, Document, DomFeatures, Metadata
from ..errors import InputError, TooLargeError
from ..read.mojibake import repair_mojibake
from .deadline import DeadlineExceeded, deadline
from .html import PARSER_MAX_DEPTH, most_attributes
from .htmlmeta import LANGUAGE_TAG
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
# Table cells join the text of their row (a row is one block) unless they hold blocks themselves.
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
                        "small", "u", "font", "center", "label", "time", "picture", "figure", "body", "html"})
ARTICLE_ROLES = frozenset({"main", "article"})
# Landmarks that hold page furniture, not the article (HTML elements and their ARIA roles).
FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search"})
# Words of class and id attributes that name page furniture, as substrings (so `relatedPosts`,
# `share-bar`, `kommentare`, `commentaire` all count). Web-developer conventions, mostly English
# whatever the page's language, plus a few common translations.
FURNITURE_WORDS = (
    "comment", "komment", "related", "share", "sharing", "social", "newsletter", "promo", "byline",
    "caption", "sidebar", "footer", "navbar", "navigation", "breadcrumb", "menu", "advert", "banner",
    "subscribe", "cookie", "consent", "popup", "modal", "recommend", "teaser", "widget", "taboola",
    "outbrain", "paywall", "signup", "toolbar", "masthead", "pagination",
)
# A furniture element is only believed while it holds less than this share of the page's text:
# a `<form>` or a `<div class="...comments-open...">` around the whole page says nothing.
MAX_FURNITURE_SHARE = 0.4
# Class names (substrings) of text kept off screen for screen readers ("Article content", "Opens in a new window").
SCREEN_READER_CLASSES = ("sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "offscreen")
SCREEN_READER_ONLY = "screen-reader-only"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
# <meta> names and properties holding the page's title, URL, publication date and author, in trust order.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "title")
URL_KEYS = ("og:url", "twitter:url")
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


class FastExtractionTimeout(InputError):
    """The fast reader took longer than Config.html_timeout on this page."""


@dataclass(slots=True)
class _Furniture:
    """An element that marks its content as page furniture, and how much text it holds."""

    description: str
    parent: _Furniture | None
    by_name: bool  # named furniture by a class or id word only (not by its tag or role)
    chars: int = 0


@dataclass(slots=True)
class _Context:
    """What the walk knows about the elements around the current text (shared while unchanged)."""

    tag: str = "div"
    in_article: bool = False
    in_link: bool = False
    furniture: _Furniture | None = None


@dataclass
class _Reader:
    """One walk's state: the open block's text and the blocks made so far."""

    blocks: list[tuple[str, _Context, float]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    context: _Context | None = None  # the context of the open block's first text
    chars: int = 0
    link_chars: int = 0
    total_chars: int = 0

    def add(self, text: str, context: _Context) -> None:
        """Append a text node to the open block (counted for link density and furniture size)."""
        size = len(text) - text.count(" ")
        if self.context is None:
            if not text.strip():
                return
            self.context = context
        self.parts.append(text)
        self.chars += size
        self.total_chars += size
        if context.in_link:
            self.link_chars += size
        furniture = context.furniture
        while furniture is not None:
            furniture.chars += size
            furniture = furniture.parent

    def flush(self) -> None:
        """Close the open block, if it holds any text."""
        if self.context is None:  # (most block elements close with nothing open: nothing to reset)
            return
        density = self.link_chars / self.chars if self.chars else 0.0
        self.blocks.append(("".join(self.parts), self.context, density))
        self.parts, self.context, self.chars, self.link_chars = [], None, 0, 0


def parse_html_fast(html: str, source: str = "-", encoding: str = "utf-8", config: Config | None = None) -> Document:
    """A Document of the page's visible text blocks, each with its DomFeatures, and the page's metadata."""
    from selectolax.lexbor import LexborHTMLParser  # lazy: text dumps never pay for it

    config = config or DEFAULT_CONFIG
    if config.html_max_attributes > 0:
        most = most_attributes(html, config.html_max_attributes)
        if most > config.html_max_attributes:
            raise TooLargeError(source, f"HTML has an element with {most:,} attributes, "
                                        f"more than html_max_attributes ({config.html_max_attributes:,})")
    try:
        with deadline(config.html_timeout):
            page = LexborHTMLParser(html)
            meta, article_body = fast_metadata(page)
            reader = read_blocks(page, source, config)
    except DeadlineExceeded:
        raise FastExtractionTimeout(
            source, f"HTML reading took longer than html_timeout ({config.html_timeout:g} s)"
        ) from None
    meta.title = repair_mojibake(meta.title) if meta.title else None
    return Document(source=source, blocks=make_blocks(reader, article_body), meta=meta, input_format="html", encoding=encoding)


def make_blocks(reader: _Reader, article_body: str | None = None) -> list[Block]:
    """The reader's blocks as Blocks: text cleaned and repaired, DOM features attached."""
    furniture_limit = MAX_FURNITURE_SHARE * reader.total_chars
    texts: list[tuple[str, _Context, float]] = []
    for raw, context, density in reader.blocks:
        if context.tag == "pre":
            # Indentation is part of a listing; only trailing space and blank lines go.
            text = "\n".join(line for line in (strip_control(r).rstrip() for r in raw.split("\n")) if line.strip())
        else:
            # Line breaks in the markup are spaces (normalize_line would drop them as control characters);
            # tabs and no-break spaces are spaces to it too, and without them most text is printable
            # as it is, which normalize_line then checks at C speed.
            text = normalize_line(raw.replace("\n", " ").replace("\r", " ").replace("\t", " ").replace("\xa0", " "))
        if not text:
            continue
        repaired = repair_mojibake(text)
        if repaired != text:
            text = normalize_line(repaired) if context.tag != "pre" else repaired
        texts.append((text, context, density))
    in_body = article_body_blocks([text for text, _, _ in texts], article_body)
    return [
        Block(line=number, text=text, dom=DomFeatures(context.tag, context.in_article, round(density, 3),
                                                      innermost_furniture(context.furniture, furniture_limit, False),
                                                      in_body[number - 1],
                                                      innermost_furniture(context.furniture, furniture_limit, True)))
        for number, (text, context, density) in enumerate(texts, start=1)
    ]


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


def innermost_furniture(furniture: _Furniture | None, limit: float, by_name: bool) -> str | None:
    """The description of the innermost furniture element around a block named by a class or id
    word (by_name) or by its tag, role or hiding (not by_name); None when there is none or when it
    holds `limit` characters of text or more (a <form> or a `comments-open` wrapper around the page)."""
    while furniture is not None and furniture.by_name != by_name:
        furniture = furniture.parent
    if furniture is None or furniture.chars >= limit:
        return None
    return furniture.description


def read_blocks(page: Any, source: str, config: Config) -> _Reader:
    """Walk the body once, in document order, gathering its visible text into blocks."""
    reader = _Reader()
    body = page.body
    if body is None:
        return reader
    limit = config.html_max_elements
    max_depth = PARSER_MAX_DEPTH - 1
    elements = depth = 0
    # The stack holds nodes still to visit and, below each element's children, a tuple of the
    # context to restore when the element closes and whether it ends a block: no recursion.
    stack: list[Any] = [body]
    context = _Context()
    add, flush = reader.add, reader.flush
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        item = pop()
        if type(item) is tuple:  # an element closes: a block element ends its block
            context, ends_block = item
            depth -= 1
            if ends_block:
                flush()
            continue
        tag = item.tag
        if tag == "-text":
            text = item.text_content
            if reader.context is not None or not text.isspace():  # (indentation between blocks: nothing)
                add(text, context)
            continue
        if tag is None or tag in SKIPPED or tag[0] == "-":
            continue
        elements += 1
        if limit > 0 and elements > limit:
            raise TooLargeError(source, f"HTML has more than html_max_elements ({limit:,}) elements")
        children = list(item.iter(include_text=True))
        if not children:  # <br>, <hr>, <img>, an empty element: at most a block break
            if tag in BLOCK_TAGS:
                flush()
            continue
        if depth >= max_depth:
            raise TooLargeError(source, f"HTML is nested more than {max_depth} elements deep: "
                                        "the reader does not follow it deeper")
        attributes = item.attributes
        if attributes:
            inner = enter(context, tag, attributes)
            hidden = hidden_by(attributes)
            if hidden == SCREEN_READER_ONLY:
                continue
            if hidden is not None:
                # Hidden text is furniture, believed like any other only while it is a small part of
                # the page: frameworks stream the whole article into a hidden element for scripts to show.
                furniture = _Furniture(f"<{tag} {hidden}>", inner.furniture, False)
                inner = _Context(inner.tag, inner.in_article, inner.in_link, furniture)
        elif tag in PLAIN_TAGS:  # most elements: nothing to learn from a bare <span>, <b>, <div>
            inner = context
        else:
            inner = enter(context, tag, None)
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush()
        elif tag in CELL_TAGS and reader.parts:
            add(CELL_SEPARATOR, context)
        push((context, is_block))
        depth += 1
        children.reverse()
        extend(children)
        context = inner
    flush()
    return reader


def enter(context: _Context, tag: str, attributes: dict[str, str | None] | None) -> _Context:
    """The context inside an element (the same object when the element changes nothing)."""
    block_tag = tag if tag in NAMED_TAGS else context.tag
    if tag in CELL_TAGS:
        block_tag = "td"
    in_article = context.in_article or tag in ARTICLE_TAGS
    in_link = context.in_link or tag == "a"
    furniture = context.furniture
    if attributes:
        role = attributes.get("role")
        if role and role.lower() in ARTICLE_ROLES or (attributes.get("itemprop") or "").lower() == "articlebody":
            in_article = True
        description, by_name = furniture_description(tag, role, attributes.get("class"), attributes.get("id"),
                                                     tag == "header" and not in_article)
        if description:
            furniture = _Furniture(description, furniture, by_name)
    elif tag in FURNITURE_TAGS or (tag == "header" and not in_article):
        furniture = _Furniture(f"<{tag}>", furniture, False)
    if (block_tag, in_article, in_link, furniture) == (context.tag, context.in_article, context.in_link,
                                                       context.furniture):
        return context
    return _Context(block_tag, in_article, in_link, furniture)


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


@functools.lru_cache(maxsize=4096)
def furniture_word(value: str) -> str | None:
    """The first FURNITURE_WORDS word inside a (lower-cased) class or id value, or None."""
    return next((word for word in FURNITURE_WORDS if word in value), None)


def hidden_by(attributes: dict[str, str | None]) -> str | None:
    """How the page hides an element (`hidden`, `aria-hidden="true"`, an inline display:none or a
    screen-reader-only class such as `sr-only`), as it reads in the markup; None when it does not."""
    if "hidden" in attributes:
        return "hidden"
    if (attributes.get("aria-hidden") or "").lower() == "true":
        return 'aria-hidden="true"'
    style = attributes.get("style")
    if style and HIDDEN_STYLE.search(style) is not None:
        return f'style="{style.strip()[:40]}"'
    classes = attributes.get("class")
    if classes and screen_reader_only(classes):
        return SCREEN_READER_ONLY
    return None


@functools.lru_cache(maxsize=4096)
def screen_reader_only(classes: str) -> bool:
    """True when a class attribute names text shown to screen readers only."""
    lowered = classes.lower()
    return any(name in lowered for name in SCREEN_READER_CLASSES)


def fast_metadata(page: Any) -> tuple[Metadata, str | None]:
    """Title, publication date, canonical URL, author and declared language from the page's head and
    JSON-LD; and the JSON-LD articleBody (the publisher's own copy of the article text), if any."""
    found: dict[str, str] = {}
    canonical = None
    title_tag = None
    ld: dict[str, str] = {}
    for node in page.css("meta, link[rel], title, script[type]"):
        tag = node.tag
        attributes = node.attributes
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            content = attributes.get("content")
            if key and content and content.strip():
                found.setdefault(key, content)
        elif tag == "link":
            if canonical is None and "canonical" in (attributes.get("rel") or "").lower():
                canonical = attributes.get("href")
        elif tag == "title":
            title_tag = title_tag or node.text()
        elif (attributes.get("type") or "").lower() == "application/ld+json":
            read_json_ld(node.text(), ld)
    author = first(found, AUTHOR_KEYS) or ld.get("author")
    if author and " " not in author.strip():
        author = None  # a single token is a handle or a site name (as trafilatura judges)
    date = first(found, DATE_KEYS) or ld.get("datePublished")
    language = (page.root.attributes.get("lang") or "").strip() if page.root is not None else ""
    meta = Metadata(
        title=_clean(first(found, TITLE_KEYS) or ld.get("headline") or title_tag),
        date=date.strip()[:10] if date and DATE_PREFIX.match(date.strip()) else None,
        url=_clean(first(found, URL_KEYS) or canonical),
        author=_clean(author),
        language=language if LANGUAGE_TAG.match(language) else None,
    )
    return meta, ld.get("articleBody")


def first(found: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The value of the first of keys present in found."""
    return next((found[key] for key in keys if key in found), None)


def read_json_ld(text: str, into: dict[str, str]) -> None:
    """Add headline, datePublished and author of the JSON-LD objects in text to into (first found wins)."""
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


def _clean(value: str | None) -> str | None:
    return normalize_line(value) or None if value else None

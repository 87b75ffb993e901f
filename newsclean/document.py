"""The record every stage reads and marks: a Document of Blocks, each kept or removed with a reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Stage(str, Enum):
    """Which stage removed a block (the value is what JSON and reports show)."""

    HEADER = "header"
    ERROR_PAGE = "error_page"
    TEMPLATE = "template"
    BOILERPLATE = "boilerplate"
    FOOTER = "footer"
    DUPLICATE = "duplicate"
    TITLE = "title"


class Verdict(str, Enum):
    """What the document turned out to be."""

    ARTICLE = "article"
    ERROR_PAGE = "error_page"
    EMPTY = "empty"


class PageKind(str, Enum):
    """What kind of page the document is (the JSON `page_kind`): an article, or why it is none."""

    ARTICLE = "article"
    NOT_FOUND = "not_found"  # 404, 410, "page not found"
    SERVER_ERROR = "server_error"  # 5xx, "something went wrong", a bare server error page
    REDIRECT = "redirect"  # a 3xx stub, "redirecting to ..."
    BOT_CHECK = "bot_check"  # captcha, "checking your browser", rate limits
    ACCESS_DENIED = "access_denied"  # 403, firewall blocks, geo-blocks, private pages
    LOGIN_WALL = "login_wall"  # a sign-in or registration form instead of the article
    PAYWALL = "paywall"  # a subscription offer, or a teaser cut off by one
    CONSENT_WALL = "consent_wall"  # a cookie or consent dialog instead of the article
    MAINTENANCE = "maintenance"  # "down for maintenance", "we'll be back soon"
    LISTING = "listing"  # a section front or a list of teasers
    OTHER = "other"  # no article and no sign of why: menus, links, nothing at all


@dataclass(frozen=True, slots=True)
class Removal:
    """Why a block was removed: the stage, a human-readable reason, and for duplicates the original."""

    stage: Stage
    reason: str
    duplicate_of: int | None = None  # line number of the kept original
    score: float | None = None  # similarity to the original, 0-100


@dataclass(frozen=True, slots=True)
class DomFeatures:
    """Where a block of an HTML page stood in the page's markup (the fast HTML reader's record).

    Never serialised: the stages read it as evidence, the writers ignore it.
    """

    tag: str  # the nearest block element: "h1".."h6", "p", "li", "td", "figcaption", "blockquote", "pre", or "div"
    in_article: bool  # inside <article>, <main>, role=main or itemprop=articleBody
    link_density: float  # share of the block's characters inside <a> links
    boilerplate: str | None = None  # the nearest enclosing landmark (nav, aside, footer, site header, ARIA role)
    # or hidden element, described as it reads in the markup (`<aside class="related">`); None inside content
    in_article_body: bool | None = None  # part of the page's JSON-LD articleBody (None: no body, or too short to tell)
    # The nearest enclosing element whose class or id names furniture (`<div class="related-posts">`):
    # recorded for the stages and a future model, not acted on (class words also name article containers).
    named: str | None = None
    # Which outermost <article> element holds the block: 1 for the page's first, 2 for the next;
    # 0 outside every <article>. (An <article> inside another, such as a comment, is its story's.)
    story: int = 0


@dataclass(slots=True)
class Block:
    """One unit of text: a line of a text dump or a paragraph of extracted HTML."""

    line: int  # 1-based line number in the input (paragraph number for HTML)
    text: str
    removal: Removal | None = None
    dom: DomFeatures | None = None  # set by the fast HTML reader only

    @property
    def kept(self) -> bool:
        """True while no stage has removed this block."""
        return self.removal is None

    def remove(
        self,
        stage: Stage,
        reason: str,
        duplicate_of: int | None = None,
        score: float | None = None,
    ) -> None:
        """Mark the block removed, unless an earlier stage already did (the first reason wins)."""
        if self.removal is None:
            if duplicate_of is None and score is None:
                self.removal = shared_removal(stage, reason)
            else:
                self.removal = Removal(stage, reason, duplicate_of, score)


# A frozen dataclass costs a call of object.__setattr__ per field to make (about 1 us): a stage
# removes a run of lines for one reason ("after the article (lines 5-177)"), most lines of a
# noisy dump are removed, and a Removal never changes, so the blocks removed for the same reason
# share one. The table is emptied when full: reasons quote the page (its line numbers, phrases).
SHARED_REMOVALS_MAX = 4096
_shared_removals: dict[tuple[Stage, str], Removal] = {}


def shared_removal(stage: Stage, reason: str) -> Removal:
    """Removal(stage, reason), one object for the blocks removed for the same reason."""
    key = (stage, reason)
    removal = _shared_removals.get(key)
    if removal is None:
        if len(_shared_removals) >= SHARED_REMOVALS_MAX:
            _shared_removals.clear()
        removal = _shared_removals[key] = Removal(stage, reason)
    return removal


def remove_blocks(blocks: Iterable[Block], stage: Stage, reason: str) -> None:
    """Block.remove(stage, reason) of each block, with one Removal made for them all: a stage cuts
    whole runs of lines for one reason ("after the article (lines 5-177)"), and a noisy dump's
    lines are mostly such runs (no call, nor table lookup, per line)."""
    removal = shared_removal(stage, reason)
    for block in blocks:
        if block.removal is None:
            block.removal = removal


@dataclass(slots=True)
class Metadata:
    """What we know about the page besides its text."""

    title: str | None = None
    date: str | None = None
    status: int | None = None
    url: str | None = None  # where the page was fetched (its container's URL), else its canonical link
    canonical_url: str | None = None  # the page's own canonical link (HTML), whatever its container says
    author: str | None = None
    language: str | None = None
    # An HTML page's own <title> (error pages say what they are there); never serialised.
    page_title: str | None = field(default=None, repr=False, compare=False)
    extra: dict[str, str] = field(default_factory=dict)  # other `key value` header lines
    # Titles the page declares, as (where, text): <title>, og:title, JSON-LD headline, <h1>; and
    # what the site calls itself. Read by the headline stage; never serialised.
    title_candidates: tuple[tuple[str, str], ...] = ()
    site_names: tuple[str, ...] = ()


@dataclass(slots=True)
class Document:
    """A parsed input: ordered blocks, metadata, and the verdict once cleaned."""

    source: str  # the path as given, "-" for stdin
    blocks: list[Block]
    meta: Metadata = field(default_factory=Metadata)
    verdict: Verdict = Verdict.ARTICLE
    page_kind: PageKind = PageKind.ARTICLE
    # A paywall or sign-in wall's teaser: the article's first paragraphs above the prompt.
    teaser: list[str] | None = None
    input_format: str = "text"  # "text" or "html"
    encoding: str = "utf-8"
    # Per-line signals shared by the stages (a model.features.Analysis), derived from blocks and
    # never serialised. Typed loosely on purpose: the record sits below the model that fills it.
    analysis: Any = field(default=None, repr=False, compare=False)
    # An HTML page read by trafilatura: the page's whole visible text as the fast reader reads it
    # (blocks with DomFeatures), the second view its article's end is checked against
    # (stages/extraction_end.py); never serialised.
    page_text: list[Block] | None = field(default=None, repr=False, compare=False)
    # Where each block lies in page_text (stages/extraction_end.located_on_page: the range of page
    # blocks its text spans, or None), found once for the stages that compare the two views; a
    # stage that adds or replaces blocks resets it to None. Never serialised.
    page_located: list[tuple[int, int] | None] | None = field(default=None, repr=False, compare=False)
    # The blocks' texts folded for the duplicate search (text -> parse.text.word_key of it),
    # shared by the stages that search (stages/duplicates.py); never serialised.
    word_keys: dict[str, str] | None = field(default=None, repr=False, compare=False)
    # Their blocking keys (folded text -> stages.duplicates._blocking_keys of it), made by the first
    # duplicate stage and read by the second; a fold's keys never change. Never serialised.
    blocking_keys: dict[str, tuple[object, ...]] | None = field(default=None, repr=False, compare=False)
    # The article span is a structured list under the page's heading (stages/list_article.py,
    # chosen by main_text): the verdict takes it for an article without sentences; never serialised.
    list_article: bool = field(default=False, repr=False, compare=False)

    def kept(self) -> list[Block]:
        """The blocks no stage has removed, in order."""
        return [b for b in self.blocks if b.removal is None]

    def kept_positions(self) -> list[int]:
        """The positions in blocks of the blocks no stage has removed, in order (the stages'
        working set, listed several times per page: no property call per block)."""
        return [i for i, b in enumerate(self.blocks) if b.removal is None]

    def removed(self) -> list[Block]:
        """The removed blocks, in order."""
        return [b for b in self.blocks if b.removal is not None]

    @property
    def paragraphs(self) -> list[str]:
        """The clean body: the text of every kept block."""
        return [b.text for b in self.blocks if b.removal is None]

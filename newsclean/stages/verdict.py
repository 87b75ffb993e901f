"""The verdict and the page's kind: article, error or wall page, or empty, decided once every other
stage has marked the page (the evidence is gathered in stages/page_kinds.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

from ..config import Config
from ..document import Block, Document, PageKind, Stage, Verdict
from ..model.features import LineFeatures, analyze
from ..rules import Rules, load_rules
from .error_page import error_phrase
from .list_article import is_cut_paragraph, list_region, table_region
from .main_text import AFTER_ARTICLE, BEFORE_ARTICLE
from .mention import is_mention
from .page_kinds import (
    PROMO_WEIGHT,
    Evidence,
    PageSignals,
    gather,
    line_kinds,
    teaser_positions,
    wall_prompt,
)
from .shaped_list import counted_region, shaped_region
from .teasers import TEASER_REASON, is_teaser_list

# A page whose body is this share error-page text (by words) is an error page, however long.
ERROR_SHARE = 0.3
MAX_ERROR_BODY_LINE = 40
# This much running text (in words, a CJK character counting half) that is no wall or error
# text is an article, whatever stands around it: error pages, walls and consent dialogs say
# what they are in a few sentences, and an article glued below an error preamble stays one.
ARTICLE_WORDS = 150
# ...or twice that when the page's title says what kind of error page it is, and little else.
TITLE_FACTOR = 2
# ...and with a short line anywhere on the page that says so, below this much running text.
HEADLINE_PROSE_WORDS = 50
# Below that, the page is a wall when the wall text in and right around the span weighs this
# share of the body's other text, or the wall text anywhere on the page PAGE_WALL_SHARE of it.
# (Measured on real articles with short bodies: at most 0.21 and 0.84; on error pages from 0.23.)
WALL_SHARE = 0.22
PAGE_WALL_SHARE = 1.0
# A teaser is a few paragraphs above the prompt; more running text than this is an article
# followed by a subscription box.
TEASER_MAX_WORDS = 250
COPYRIGHT = "©"
# How stages/main_text.py words the removal of lines outside the article's span.
SPAN_REASONS = (BEFORE_ARTICLE, AFTER_ARTICLE)
KIND_LABELS = {
    PageKind.NOT_FOUND: "page not found",
    PageKind.SERVER_ERROR: "server error",
    PageKind.REDIRECT: "redirect",
    PageKind.BOT_CHECK: "bot check",
    PageKind.ACCESS_DENIED: "access denied",
    PageKind.LOGIN_WALL: "login wall",
    PageKind.PAYWALL: "paywall",
    PageKind.CONSENT_WALL: "consent wall",
    PageKind.MAINTENANCE: "maintenance",
    PageKind.OTHER: "error text",
}


def _remove_all(blocks: list[Block], stage: Stage, reason: str) -> None:
    for block in blocks:
        if block.kept:
            block.remove(stage, reason)


def running_words(
    lines: list[LineFeatures],
    texts: list[str],
    kept: list[int],
    tags_of: Callable[[int], list[tuple[PageKind, str]]],
    rules: Rules,
    limit: float = math.inf,
    errors: dict[int, str | None] | None = None,
) -> float:
    """Words of running text in the body that are no wall or error text (CJK characters count
    half), counted up to `limit` (beyond it the exact number does not matter). The error phrases
    read on the way are left in `errors` (position -> phrase or None) when given."""
    total = 0.0
    for i in kept:
        features = lines[i]
        if not features.is_prose or COPYRIGHT in texts[i]:  # a site's copyright notice is no article text
            continue
        if features.words <= MAX_ERROR_BODY_LINE:
            phrase = error_phrase(features, rules)
            if phrase and is_mention(features, rules, texts[i]):
                phrase = None  # a long sentence that mentions an error is running text
            if errors is not None:
                errors[i] = phrase
            if phrase:
                continue
        if not tags_of(i):
            total += features.size
            if total >= limit:
                break
    return total


def wall_reason(kind: PageKind, evidence: Evidence, prose: float) -> str:
    """Why the page is an error or wall page: its kind, the phrase that said so, and what else is there."""
    phrase, where = evidence.phrase.get(kind), evidence.where.get(kind)
    shown = phrase if where == "status" else f'"{phrase}"' + (" in the title" if where == "title" else "")
    besides = "no running text besides it" if prose < 1 else f"only {round(prose)} words of running text besides it"
    return f"error page: {KIND_LABELS[kind]} ({shown}, {besides})" if phrase else f"error page: {KIND_LABELS[kind]} ({besides})"


def wall_kind(prose: float, content: float, signals: PageSignals, config: Config) -> tuple[PageKind, Evidence] | None:
    """The kind of error or wall page, when the wall text outweighs the little text there is
    besides it (`prose`: running text; `content`: all the body's words that are no wall text)."""
    if prose >= ARTICLE_WORDS * (TITLE_FACTOR if signals.title else 1):
        return None
    if signals.title is not None:
        # The page's title says what it is ("Page introuvable", "Access denied | Example"), and
        # the page holds too little running text to be an article with such a headline.
        return signals.title, signals.near
    if signals.headline is not None and prose < HEADLINE_PROSE_WORDS:
        # A line that is nothing but "404" or "Zugriff verweigert", and barely a paragraph of text.
        return signals.headline, signals.page
    # With no article at all, wall text anywhere on the page tells what it is. Beside some
    # running text, only error and block text, in the span or right around it, and only when it
    # weighs as much as a good share of the body (lists and tables count: a short article can be
    # a table of results). Subscription, sign-in and consent boxes sit around short articles
    # too: beside running text they make a wall only as a teaser's prompt (wall_teaser).
    if prose < config.min_article_words:
        kind, evidence = signals.page.best(), signals.page
        # A consent, sign-in or subscription phrase that weighs little beside the body's other
        # lines (the footer's "Cookie policy" link under a short article's table of results) is
        # no wall: only error text, if any, says what the page is.
        if kind in PROMO_WEIGHT and evidence.weighed(kind) < WALL_SHARE * content:
            kind = evidence.best(errors_only=True)
    elif signals.near.errors >= WALL_SHARE * content:
        kind, evidence = signals.near.best(errors_only=True), signals.near
    elif signals.page.errors >= PAGE_WALL_SHARE * content:
        kind, evidence = signals.page.best(errors_only=True), signals.page
    else:
        return None
    return None if kind is None else (kind, evidence)


def wall_teaser(
    doc: Document, lines: list[LineFeatures], prose: float, signals: PageSignals, config: Config
) -> tuple[PageKind, str, int] | None:
    """A paywall or sign-in wall's teaser: a little running text that ends in the wall's prompt."""
    if not config.min_article_words <= prose < TEASER_MAX_WORDS:
        return None
    return wall_prompt(doc, lines, signals, load_rules(config.rule_files))


def fallback_kind(signals: PageSignals) -> tuple[PageKind, Evidence]:
    """The kind of an error page found by its generic error text: what the evidence says, else other."""
    for evidence in (signals.near, signals.page):
        kind = evidence.best()
        if kind is not None:
            return kind, evidence
    return PageKind.OTHER, signals.near


def mark_teaser(
    doc: Document, teaser: tuple[PageKind, str, int], kept: list[int], prose: float, signals: PageSignals, config: Config
) -> None:
    """A wall's teaser: kept in `doc.teaser`; the page an error page, or (on request) the teaser its article."""
    kind, phrase, prompt_at = teaser
    keep = teaser_positions(kept, prompt_at, signals.tags)
    doc.page_kind, doc.teaser = kind, [doc.blocks[i].text for i in keep]
    label = KIND_LABELS[kind]
    if config.paywall_teaser_is_article:
        # The teaser is the article's text; the wall below it is not.
        teaser_set = set(keep)
        wall_lines = [doc.blocks[i] for i in kept if i not in teaser_set]
        _remove_all(wall_lines, Stage.ERROR_PAGE, f'{label}: the wall below the teaser ("{phrase}")')
        doc.verdict = Verdict.ARTICLE
    else:
        reason = f'{label}: a teaser above the wall\'s prompt ("{phrase}", {round(prose)} words of running text)'
        _remove_all(doc.blocks, Stage.ERROR_PAGE, reason)
        doc.verdict = Verdict.ERROR_PAGE


def mark_list_or_empty(doc: Document, lines: list[LineFeatures], kept: list[int]) -> None:
    """Not one sentence of running text: the page is a list that is the article (entries of one
    structure in a row, kept with the line introducing them), a table or programme that the
    span missed, or else menus and labels only."""
    kept_lines, kept_texts = [lines[i] for i in kept], [doc.blocks[i].text for i in kept]
    # Entries of several words and a number, short entries of one shape (a results table), or
    # entries that count on (a ranking): the longest such list.
    regions = [finder(kept_lines, kept_texts) for finder in (list_region, shaped_region, counted_region)]
    region = max((r for r in regions if r is not None), key=lambda r: r[1] - r[0], default=None)
    if region is None:
        if not mark_table(doc, lines):
            _remove_all(doc.blocks, Stage.BOILERPLATE, "no running text: menus, links and labels only")
            doc.verdict, doc.page_kind = Verdict.EMPTY, PageKind.OTHER
        return
    start, end = region
    first, last = doc.blocks[kept[start]].line, doc.blocks[kept[end - 1]].line
    for position, i in enumerate(kept):
        if not start <= position < end:
            where = "before" if position < start else "after"
            doc.blocks[i].remove(Stage.BOILERPLATE, f"{where} the list that is the article (lines {first}-{last})")
    doc.verdict, doc.page_kind = Verdict.ARTICLE, PageKind.ARTICLE


def outside_span(block: Block) -> bool:
    """Removed only for standing outside the article's span (main_text's reasons)."""
    removal = block.removal
    return (
        removal is not None
        and removal.stage is Stage.BOILERPLATE
        and removal.reason.startswith(SPAN_REASONS)
    )


def mark_table(doc: Document, lines: list[LineFeatures]) -> bool:
    """A page with no running text whose lines, span or not, hold one long table or programme
    (rows of several words, many with a number): the span, chosen for running text, found none
    and settled on a few lines; the table is the article. True when one was found and kept."""
    candidates = [i for i, block in enumerate(doc.blocks) if block.kept or outside_span(block)]
    region = table_region([lines[i] for i in candidates], [doc.blocks[i].text for i in candidates])
    if region is None:
        return False
    start, end = region
    first, last = doc.blocks[candidates[start]].line, doc.blocks[candidates[end - 1]].line
    for position, i in enumerate(candidates):
        block = doc.blocks[i]
        if start <= position < end:
            block.removal = None  # the span's choice is undone: the table is the article
        elif block.kept:
            where = "before" if position < start else "after"
            block.remove(Stage.BOILERPLATE, f"{where} the table that is the article (lines {first}-{last})")
    doc.verdict, doc.page_kind = Verdict.ARTICLE, PageKind.ARTICLE
    return True


def decide_verdict(doc: Document, config: Config) -> Document:
    """An article needs a real body; a thin body beside error or wall text makes an error page.

    Evidence of an error or wall page is its text (phrase lists per kind and language, a price
    per period) in the title, in the body or right around it, error text removed at the top, and
    the HTTP status (a signal only: a 403 page that holds a real article is an article). A body
    that is only a list of teasers, or only menus and links, is no article either (`empty`).
    """
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = doc.kept_positions()
    texts = [b.text for b in doc.blocks]
    # With this much running text the page is an article whatever stands around it: the rest of
    # the page need not be searched for wall text (most of a long page is not the article).
    enough = ARTICLE_WORDS * TITLE_FACTOR
    # Each line's page kinds and error phrase are read once here, however many counts ask.
    kinds: dict[int, list[tuple[PageKind, str]]] = {}

    def kinds_of(i: int) -> list[tuple[PageKind, str]]:
        found = kinds.get(i)
        if found is None:
            found = kinds[i] = line_kinds(lines[i], texts[i], rules)
        return found

    errors: dict[int, str | None] = {}
    prose = running_words(lines, texts, kept, kinds_of, rules, enough, errors)
    signals = None if prose >= enough else gather(doc, lines, rules, kinds)
    lenient = doc.meta.status is not None and doc.meta.status >= 400
    # Error-page text comes in short lines; a paragraph that mentions "not found" is an article's.
    # (The phrases running_words found hold here too, unless an error status makes it lenient.)
    known = {} if lenient else errors
    error_words = sum(
        lines[i].size for i in kept
        if lines[i].words <= MAX_ERROR_BODY_LINE
        and (known[i] if i in known else error_phrase(lines[i], rules, lenient))
        and not is_mention(lines[i], rules, texts[i])
    )
    body_words = sum(lines[i].size for i in kept)
    evidence = lenient or error_words > 0 or any(b.removal and b.removal.stage is Stage.ERROR_PAGE for b in doc.blocks)
    # Error text making up much of the body only decides when the page says so loudly: an error
    # status, or a body that opens with the error message (a site's own 404 template).
    loud = lenient or bool(kept and error_phrase(lines[kept[0]], rules))
    thin = body_words - error_words < config.min_article_words
    teaser = wall = None
    if signals is not None:
        teaser = wall_teaser(doc, lines, prose, signals, config)
        content = sum(lines[i].size for i in kept if not signals.tags[i])
        wall = None if teaser else wall_kind(prose, content, signals, config)
    if doc.list_article and error_words == 0 and not lenient and (signals is None or signals.title is None):
        # main_text took a list under the page's heading for the article (a calendar, an
        # agenda, a results table): no sentences, and no error text in it or in the title.
        doc.verdict, doc.page_kind = Verdict.ARTICLE, PageKind.ARTICLE
    elif teaser is not None:
        assert signals is not None
        mark_teaser(doc, teaser, kept, prose, signals, config)
    elif wall is not None or (evidence and (thin or (loud and error_words >= ERROR_SHARE * body_words))):
        if signals is None:  # error text in a long body: count its running text exactly
            signals = gather(doc, lines, rules)
            prose = running_words(lines, texts, kept, signals.tags.__getitem__, rules)
        kind, found = wall if wall is not None else fallback_kind(signals)
        _remove_all(doc.blocks, Stage.ERROR_PAGE, wall_reason(kind, found, prose))
        doc.verdict, doc.page_kind = Verdict.ERROR_PAGE, kind
    # trafilatura chose HTML paragraphs from the markup: a photo blog's captions are no teasers,
    # and need no full stops to be its text.
    elif kept and doc.input_format != "html" and is_teaser_list([lines[i] for i in kept], [doc.blocks[i].text for i in kept]):
        _remove_all(doc.blocks, Stage.BOILERPLATE, TEASER_REASON)
        doc.verdict, doc.page_kind = Verdict.EMPTY, PageKind.LISTING
    elif (
        doc.input_format != "html"
        and not any(lines[i].is_prose and lines[i].sentence_end for i in kept)
        and not any(is_cut_paragraph(lines[i], texts[i]) for i in kept)
    ):
        mark_list_or_empty(doc, lines, kept)
    elif body_words == 0:
        doc.verdict, doc.page_kind = Verdict.EMPTY, PageKind.OTHER
    else:
        doc.verdict, doc.page_kind = Verdict.ARTICLE, PageKind.ARTICLE
    return doc

"""What a page that holds little article is: the evidence of error, block and wall pages.

Evidence comes from language-independent signals first (the container's HTTP status, a price per
period, how much running text the page holds) and from phrase lists per language
(rules/*.toml, `[page_kinds]`), looked for in the page's title, in the article span the other
stages found, in the lines right around it, and, when the page holds no article at all, anywhere.
The decision itself is made in stages/verdict.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..document import Block, Document, PageKind, Stage
from ..model.features import LineFeatures
from ..parse.text import CJK_SPACE, LazyPattern, fold, has_cjk
from ..rules import PAGE_KIND_PROMPT, Rules
from .mention import is_mention

# Wall and error lines are short: a long paragraph that mentions "captcha" is an article's.
# (A long line is matched on its first words only; a notice in two languages can be long.)
MAX_WALL_LINE_WORDS = 80
# The phrase list of the prompts that cut a teaser off, and how far below the span one is looked for.
PROMPT = PAGE_KIND_PROMPT
PROMPT_LINES = 3
# A teaser ends at its prompt. This much running text in the span below a "prompt" (sentences of
# no wall text, in 2 lines or more) says it was a sentence of the article ("Readers often see only
# the first paragraph and are asked to subscribe to keep reading."), not the wall's.
PROSE_BELOW_PROMPT_WORDS = 30
PROSE_BELOW_PROMPT_LINES = 2
# A one-word phrase ("captcha", "forbidden") counts only in a line of at most this many words,
# a bare number ("404") only in one of at most MAX_NUMBER_LINE_WORDS.
MAX_WEAK_LINE_WORDS = 20
MAX_NUMBER_LINE_WORDS = 6
# Lines around the span (above and below) whose wall text counts as "right around it".
AROUND_LINES = 6
# A title's parts: "Page not found | Example News" is "Page not found" and the site's name. Not
# at a colon: "Access denied: court rules against ministry" is one headline.
# (Single spaces around the dash, no `\s+`: a pattern that scans runs of spaces backtracks.)
TITLE_PARTS = LazyPattern(r"\s[\-–—·•]\s|[|｜]")
# An HTTP error status in a title part this short ("412 Error", "Error 503") says what the page is.
ERROR_WORDS = "error|http|erreur|fehler|errore|erro|fout|fel|feil|virhe|hiba|chyba|błąd|hata|ошибка|помилка|错误|錯誤|エラー|오류"
STATUS_IN_TITLE = LazyPattern(rf"^(?:(?:{ERROR_WORDS}) )?[45]\d\d(?: (?:{ERROR_WORDS}))?$")
STATUS_NUMBER = re.compile(r"\d+")
# A title says little else than its phrase when the phrase is this share of a part's words.
TITLE_PHRASE_SHARE = 0.5
# A line this short that is mostly an error phrase is the page's own heading ("404", "Page introuvable").
MAX_HEADLINE_WORDS = 6
# A body's first line this short, carrying error text, is the page's heading.
MAX_OPENING_WORDS = 12
# An error preamble with this many lines of page below it is glued on top of a whole page (a
# fetch's error text over the site's menus, article and footer): its short error line ("403
# Forbidden") says nothing of the page below. Measured (non-empty lines below the preamble): the
# 50 error and wall records of corpus/pages with a preamble have 0-35, the 189 articles of dev,
# train and examples with one 21-1422 (median 194; those under 80 hold plenty of running text).
GLUED_PAGE_LINES = 80
# What a hit in the page's title, or an HTTP status, weighs (in words of wall text).
TITLE_WEIGHT = 10.0
STATUS_WEIGHT = 6.0
# Consent banners, sign-in forms and subscription offers sit around many real articles: their
# text weighs half as much as that of errors and blocks, which no article page shows.
PROMO_WEIGHT = {PageKind.CONSENT_WALL: 0.5, PageKind.LOGIN_WALL: 0.5, PageKind.PAYWALL: 0.5}
# A price per period ("£0.50/week", "9,99 € par mois", "$1 a month") is a subscription offer
# in any language: a currency sign next to a number, then a slash or a short word, then a period.
PERIODS = (
    "week|wk|month|mo|year|yr|woche|monat|jahr|semaine|mois|semana|mes|año|settimana|mese|anno|"
    "maand|jaar|mês|ano|vecka|månad|år|uge|måned|tydzień|miesiąc|rok|týden|měsíc|hafta|ay|yıl|"
    "неделю|месяц|год|週|月|年|주|달"
)
PRICE = LazyPattern(
    r"(?:(?:[$€£¥₹₽]|\b(?:kr|chf|usd|eur)\.?)\s?\d{1,4}(?:[.,]\d{1,2})?|\d{1,4}(?:[.,]\d{1,2})?\s?(?:[$€£¥₹₽]|kr|zł|kč|chf|eur|usd|円|元))"
    r"\s?(?:/|\bper\b|\ba\b|\bpar\b|\bpro\b|\bal\b|\bpor\b|\bim\b|\bw\b|\bв\b|\bза\b|\bi\b)?\s?(?:" + PERIODS + r")\b",
    re.IGNORECASE,
)
PRICE_PHRASE = "a price per period"
# Every price PRICE finds holds a currency sign or code: a line without one is done with no search.
# (Case-folded, a code is found as the pattern's IGNORECASE finds it: "KR", "Kč", "uſd".)
CURRENCY_SIGNS = "$€£¥₹₽円元"
CURRENCY_CODES = ("kr", "chf", "usd", "eur", "zł", "kč")
DIGIT = re.compile(r"\d")
# HTTP status -> the kind of page it usually comes with (a signal, never the verdict alone).
STATUS_KINDS = {
    301: PageKind.REDIRECT, 302: PageKind.REDIRECT, 303: PageKind.REDIRECT, 307: PageKind.REDIRECT,
    308: PageKind.REDIRECT, 401: PageKind.LOGIN_WALL, 402: PageKind.PAYWALL, 403: PageKind.ACCESS_DENIED,
    404: PageKind.NOT_FOUND, 410: PageKind.NOT_FOUND, 429: PageKind.BOT_CHECK, 451: PageKind.ACCESS_DENIED,
    500: PageKind.SERVER_ERROR, 502: PageKind.SERVER_ERROR, 503: PageKind.MAINTENANCE,
    504: PageKind.SERVER_ERROR,
}  # fmt: skip


@dataclass
class Evidence:
    """Wall and error text found for each kind: its weight in words and the first phrase that showed it."""

    weight: dict[PageKind, float] = field(default_factory=lambda: defaultdict(float))
    phrase: dict[PageKind, str] = field(default_factory=dict)
    where: dict[PageKind, str] = field(default_factory=dict)
    # A title said again (the headline repeating the <title>): it still says which kind the page
    # is, but is no more text of it (see `errors`).
    said_again: dict[PageKind, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, kind: PageKind, phrase: str, weight: float, where: str) -> None:
        """Count `weight` words of text of this kind; the first phrase seen is the one a reason quotes."""
        self.weight[kind] += weight
        if kind not in self.phrase:
            # Folded CJK text has a space between characters; a reason shows the phrase as written.
            self.phrase[kind], self.where[kind] = without_cjk_gaps(phrase), where

    def weighed(self, kind: PageKind) -> float:
        """The words of text of one kind, promotional kinds counting half (PROMO_WEIGHT)."""
        return (self.weight[kind] + self.said_again[kind]) * PROMO_WEIGHT.get(kind, 1.0)

    @property
    def errors(self) -> float:
        """The error and block text found, in words: what no page with an article shows."""
        return sum(self.weight[kind] for kind in self.weight if kind not in PROMO_WEIGHT)

    def best(self, errors_only: bool = False) -> PageKind | None:
        """The kind most of the evidence points to (on a tie, the first in PageKind's order)."""
        kinds = [kind for kind in self.weight if not (errors_only and kind in PROMO_WEIGHT)]
        if not kinds:
            return None
        return max(kinds, key=lambda kind: (self.weighed(kind), -list(PageKind).index(kind)))


def without_cjk_gaps(phrase: str) -> str:
    """A folded phrase without the spaces folding put between CJK characters ("登 录" -> "登录")."""
    return CJK_SPACE.sub("", phrase) if has_cjk(phrase) else phrase


# A kind's name in the rules (PAGE_KIND_PHRASES) to the kind: a dict lookup per hit, where
# PageKind(name) would cost an Enum call.
KIND_BY_NAME = {kind.value: kind for kind in PageKind}


def kinds_in(text: str, folded: tuple[str, ...], rules: Rules) -> list[tuple[PageKind, str]]:
    """The page kinds a short line's text speaks of, each with the first phrase that says so."""
    # "n'existe" and "n’existe" fold differently (the curly one to "n existe"): read both ways.
    if "'" in "".join(folded):  # one C-level test: most lines hold no apostrophe
        folded = folded + tuple(f.replace("'", " ") for f in folded if "'" in f)
    words = 0  # counted at the first one-word phrase: most lines hold none
    found: dict[PageKind, str] = {}
    for phrase in rules.any_page_kind.find_all(folded):
        # A one-word phrase names a kind only in a short line: "room 301" and "it's a
        # formerly forbidden fruit, sure to be enjoyed by ..." do not.
        if " " not in phrase:
            words = words or max(text.count(" ") + 1 for text in folded)
            if words > (MAX_NUMBER_LINE_WORDS if phrase.isdigit() else MAX_WEAK_LINE_WORDS):
                continue
        for name in rules.page_kinds_of[phrase]:
            found.setdefault(KIND_BY_NAME[name], phrase)
    if DIGIT.search(text, 0, 400) and names_currency(text[:400]) and PRICE.search(text[:400]):
        found.setdefault(PageKind.PAYWALL, PRICE_PHRASE)
    return list(found.items())


def names_currency(text: str) -> bool:
    """The text holds a currency sign or (case aside) a currency code: what every price holds.

    >>> names_currency("Only 4,99 € a month"), names_currency("2 KR/week"), names_currency("Room 301")
    (True, True, False)
    """
    if any(sign in text for sign in CURRENCY_SIGNS):
        return True
    folded = text.casefold()
    return any(code in folded for code in CURRENCY_CODES)


def line_kinds(features: LineFeatures, text: str, rules: Rules) -> list[tuple[PageKind, str]]:
    """The page kinds a line speaks of: only short lines count (a long paragraph is prose)."""
    if features.words == 0 or features.words > MAX_WALL_LINE_WORDS:
        return []
    found = kinds_in(text, features.folded, rules)
    # A long sentence that merely mentions a wall is an article's (stages/mention.py).
    return [] if found and is_mention(features, rules, text) else found


def says_little_else(phrase: str, words: int) -> bool:
    """Whether a phrase is most of a text of `words` words ("Page not found", "404", "Zugriff verweigert")."""
    return phrase != PRICE_PHRASE and (phrase.count(" ") + 1) >= TITLE_PHRASE_SHARE * words


def independent(first: str, second: str) -> bool:
    """Two titles in other words: neither holds the other ("Headline" and "Headline | Site" do)."""
    a, b = fold(first), fold(second)
    return a not in b and b not in a


def title_kinds(title: str | None, rules: Rules) -> list[tuple[PageKind, str, bool]]:
    """The page kinds the page's title speaks of ("404 | Example News", "Just a moment..."), each
    with its phrase and whether the title says little else (the phrase is half of one of its
    parts: "Page introuvable - Example" does, "Hiker not found after three days" does not)."""
    found: dict[PageKind, tuple[str, bool]] = {}
    for part in TITLE_PARTS.split((title or "")[:400]):
        folded = fold(part)
        if not folded:
            continue
        words = folded.count(" ") + 1
        status = STATUS_IN_TITLE.match(folded)
        if status:
            # "412 Error", "HTTP 503", "Fehler 500": an HTTP error status is the whole message.
            number = int(STATUS_NUMBER.search(folded).group())
            found.setdefault(STATUS_KINDS.get(number, PageKind.SERVER_ERROR), (folded, True))
        for kind, phrase in kinds_in(part, (folded,), rules):
            strong = says_little_else(phrase, words)
            if kind not in found or (strong and not found[kind][1]):
                found[kind] = (phrase, strong)
    return [(kind, phrase, strong) for kind, (phrase, strong) in found.items()]


@dataclass
class PageSignals:
    """Where the wall text of a page is, beside the article span."""

    tags: list[list[tuple[PageKind, str]]]  # per block: the kinds its text speaks of
    near: Evidence  # title, status, the span, the lines right around it, error-page preambles
    page: Evidence  # anywhere on the page (counts only when the page holds no article)
    title: PageKind | None  # the kind of error or block page the title says the page is, if it says little else
    headline: PageKind | None  # the same said by a short line on the page ("404", "Access denied"), not a glued preamble's


def gather(doc: Document, lines: list[LineFeatures], rules: Rules,
           known: dict[int, list[tuple[PageKind, str]]] | None = None) -> PageSignals:
    """The wall and error evidence of a page, near its article span and anywhere on it (`known`:
    line_kinds of some kept positions, already read)."""
    blocks = doc.blocks
    known = known or {}
    # A page's copies of a line speak of the same kinds (its features are its text's): each
    # distinct text is read once (menus, labels and teasers repeat down the whole page).
    by_text: dict[str, list[tuple[PageKind, str]]] = {}
    tags = [
        [] if b.removal is not None and b.removal.stage is Stage.HEADER
        else known[i] if i in known
        else by_text[b.text] if b.text in by_text
        else by_text.setdefault(b.text, line_kinds(lines[i], b.text, rules))
        for i, b in enumerate(blocks)
    ]
    kept = doc.kept_positions()
    near, page = Evidence(), Evidence()
    title = None
    titles = dict.fromkeys(t for t in (doc.meta.title, doc.meta.page_title) if t)
    in_titles = [title_kinds(t, rules) for t in titles]
    said = [{kind for kind, _, _ in found} for found in in_titles]
    # An article's headline and its <title> ("Headline | Site") are one title said twice: a
    # kind they both speak of is its text once ("Access denied: court rules ..." is no 20 words
    # of error text), though both still tell the page's kind.
    said_twice = len(titles) == 2 and not independent(*titles)
    weighed: set[PageKind] = set()
    for kind, phrase, strong in (one for found in in_titles for one in found):
        if said_twice and kind in weighed:
            near.said_again[kind] += TITLE_WEIGHT
            page.said_again[kind] += TITLE_WEIGHT
        else:
            near.add(kind, phrase, TITLE_WEIGHT, "title")
            page.add(kind, phrase, TITLE_WEIGHT, "title")
            weighed.add(kind)
        # Said by the page's <title> and by its heading in other words, an error kind is as
        # sure as a title that says little else ("Under going maintenance" above "This
        # ordering system is no longer active"); an article's two titles repeat its headline.
        confirmed = len(said) == 2 and kind in said[0] & said[1] and independent(*titles)
        if (strong or confirmed) and kind not in PROMO_WEIGHT and title is None:
            title = kind
    status_kind = STATUS_KINDS.get(doc.meta.status or 0)
    if status_kind is not None:
        near.add(status_kind, f"HTTP {doc.meta.status}", STATUS_WEIGHT, "status")
        page.add(status_kind, f"HTTP {doc.meta.status}", STATUS_WEIGHT, "status")
    first, last = (kept[0], kept[-1]) if kept else (0, -1)
    if kept and lines[first].words <= MAX_OPENING_WORDS and blocks[first].text.strip() not in titles:
        # A body that opens with a short error heading is a site's own error template: the
        # heading weighs like a title.
        for kind, phrase in tags[first]:
            if kind not in PROMO_WEIGHT:
                near.add(kind, phrase, TITLE_WEIGHT, "body")
    around = set(_around(blocks, first, last)) if kept else set()
    glued = glued_preamble(blocks)
    headline = None
    for i, found in enumerate(tags):
        if not found or blocks[i].text.strip() in titles:
            continue  # a line repeating the title was counted with it
        # A short error line says what the page is, unless it is a glued preamble's (see
        # GLUED_PAGE_LINES) or stands below the article's end marker (a sign-in box's
        # "Verification required" under the footer).
        removal = blocks[i].removal
        below_end = removal is not None and removal.stage is Stage.FOOTER
        if headline is None and lines[i].words <= MAX_HEADLINE_WORDS and i not in glued and not below_end:
            headline = next((kind for kind, phrase in found if says_little_else(phrase, lines[i].words) and kind not in PROMO_WEIGHT), None)
        # An error preamble the error_page stage took off the top is glued on: the article below
        # it is still an article. It counts only where the page has no article at all. So do the
        # lines below the article's end marker (a comment thread's "nobody does maintenance").
        is_near = removal is None or (i in around and removal.stage is not Stage.ERROR_PAGE and not below_end)
        where = "body" if removal is None else "around"
        for kind, phrase in found:
            page.add(kind, phrase, lines[i].size, "page")
            if is_near:
                near.add(kind, phrase, lines[i].size, where)
    return PageSignals(tags, near, page, title, headline)


def glued_preamble(blocks: list[Block]) -> set[int]:
    """The positions of the error preamble the error_page stage took off the top, when a whole
    page follows it (GLUED_PAGE_LINES lines or more); else none."""
    preamble = [i for i, b in enumerate(blocks) if b.removal is not None and b.removal.stage is Stage.ERROR_PAGE]
    if not preamble:
        return set()
    below = sum(1 for b in blocks[preamble[-1] + 1 :] if b.text.strip())
    return set(preamble) if below >= GLUED_PAGE_LINES else set()


def _walk(blocks: list[Block], positions: range) -> list[int]:
    """The first AROUND_LINES positions of `positions` that are not header lines."""
    taken: list[int] = []
    for i in positions:
        removal = blocks[i].removal
        if removal is not None and removal.stage is Stage.HEADER:
            continue
        taken.append(i)
        if len(taken) == AROUND_LINES:
            break
    return taken


def _around(blocks: list[Block], first: int, last: int) -> list[int]:
    """Up to AROUND_LINES non-header blocks just above `first` and just below `last`."""
    return _walk(blocks, range(first - 1, -1, -1)) + _walk(blocks, range(last + 1, len(blocks)))


def wall_prompt(
    doc: Document, lines: list[LineFeatures], signals: PageSignals, rules: Rules
) -> tuple[PageKind, str, int] | None:
    """The prompt that cuts a teaser off ("subscribe to continue reading"), in the span's last
    lines or the few lines right below it, with the kind of wall it belongs to (paywall or login
    wall) and its position."""
    kept = doc.kept_positions()
    if not kept:
        return None
    prompts = rules.page_kinds[PROMPT]
    # The prompt may still be inside the span (HTML extraction often keeps the wall's box).
    for i in [*kept[-PROMPT_LINES:], *_walk(doc.blocks, range(kept[-1] + 1, len(doc.blocks)))[:PROMPT_LINES]]:
        if lines[i].words > MAX_WALL_LINE_WORDS:
            continue
        phrase = prompts.first(lines[i].folded)
        if phrase is not None and not article_goes_on(kept, i, lines, signals.tags):
            # "Sign in to continue reading" is a sign-in wall, "Subscribe to continue reading" a paywall.
            kinds = {kind for kind, _ in signals.tags[i]}
            login = PageKind.LOGIN_WALL in kinds and PageKind.PAYWALL not in kinds
            return (PageKind.LOGIN_WALL if login else PageKind.PAYWALL), without_cjk_gaps(phrase), i
    return None


def article_goes_on(kept: list[int], at: int, lines: list[LineFeatures], tags: list[list[tuple[PageKind, str]]]) -> bool:
    """Whether the span holds running text below position `at` (PROSE_BELOW_PROMPT_*): sentences
    that speak of no wall."""
    below = [lines[i] for i in kept if i > at and lines[i].is_prose and lines[i].sentence_end and not tags[i]]
    return len(below) >= PROSE_BELOW_PROMPT_LINES and sum(f.size for f in below) >= PROSE_BELOW_PROMPT_WORDS


def teaser_positions(kept: list[int], prompt_at: int, tags: list[list[tuple[PageKind, str]]]) -> list[int]:
    """The teaser: the kept blocks above the prompt, without the wall's own lines just above it."""
    teaser = [i for i in kept if i < prompt_at]
    while teaser and tags[teaser[-1]]:
        teaser.pop()
    return teaser

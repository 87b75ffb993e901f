"""Small, language-independent text helpers shared by the parser and the stages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar


class LazyPattern:
    """A regular expression compiled at its first use, not at import: the big character classes
    below cost milliseconds each to compile, and many runs (--help, English text) never need them.

    After the first use the compiled pattern's methods are attributes of this object, so a call
    costs what a call on the compiled pattern does."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (re's own cache makes repeated calls cheap)."""
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str) -> Any:  # only called for attributes not set yet
        compiled = self.compiled()
        for method in ("search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


# Scripts written without spaces between words; one character is roughly one word.
CJK_RANGES = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"
    "\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
CJK_CHAR = LazyPattern(f"[{CJK_RANGES}]")
# Every CJK character is at or above this one: a line whose largest character is below it has none.
CJK_FIRST = "\u2e80"
# A character at or above CJK_FIRST, searched in the text's UTF-8 bytes at C speed (max() of a
# string makes a string of each of its characters; a str pattern for the range takes 5 ms to
# compile): U+2E80 and above encode to a lead byte E3-F4, or E2 then BA-BF. Surrogates (ED ...),
# above U+2E80 too, pass as such.
FAR_EAST_UTF8 = re.compile(rb"[\xe3-\xf4]|\xe2[\xba-\xbf]")
KANA_CHAR = re.compile("[\u3040-\u30ff]")
HANGUL_CHAR = LazyPattern("[\uac00-\ud7af]")
# A word inside CJK text: a CJK character alone, or a run of other word characters.
CJK_WORD = LazyPattern(rf"[{CJK_RANGES}]|[^\W{CJK_RANGES}]+")
# Punctuation and symbols that separate words. Apostrophes are not among them, so "don't" stays
# one word; nor are combining marks, which stay inside their words.
SEPARATOR_RANGES = (
    (0x21, 0x26), (0x28, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E), (0xA1, 0xBF), (0xD7, 0xD7),
    (0xF7, 0xF7), (0x2010, 0x2027), (0x2030, 0x205E), (0x2190, 0x23FF), (0x2500, 0x27BF),
    (0x3000, 0x3004), (0x3008, 0x3020), (0xFE10, 0xFE6B), (0xFF01, 0xFF0F), (0xFF1A, 0xFF20),
)  # fmt: skip
SEPARATOR_TABLE = {c: " " for first, last in SEPARATOR_RANGES for c in range(first, last + 1)}
# The same for ASCII text, as a byte table: bytes.translate is several times faster.
ASCII_SEPARATOR_TABLE = bytes(32 if c in SEPARATOR_TABLE else c for c in range(256))
# A word of other text: a run of characters that are neither separators nor whitespace (\s is
# str.isspace, so this finds exactly what translating by SEPARATOR_TABLE and splitting would,
# twice as fast as a str.translate by dict).
WORD_RUN = re.compile(
    "[^\\s" + "".join(f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in SEPARATOR_RANGES) + "]+"
)

# Characters that end a sentence, across scripts; closing quotes and brackets may follow them.
SENTENCE_END = ".!?…。！？؟।॥።"
# German, Czech and Polish close a quote with “ and ‘ („So war es.“), Danish and Swiss German
# with « and ‹ (»So war es.«): closers too, else every quoted sentence there ends no sentence.
TRAILING_CLOSERS = "\"'”’»)]}」』）】›*“‘«‹"
# An ellipsis glued to an alphabetic word (Latin, Greek, Cyrillic, ...): text cut short. CJK
# writers end sentences with "……" too, so a CJK character before it is no cut.
TRUNCATED = LazyPattern(r"[^\W\d_\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff](?:…|\.{3,})$")
# TRUNCATED can only match text ending in one of these: the cheap test first.
ELLIPSIS_ENDS = ("…", "...", "…\n", "...\n")
SENTENCE_END_RE = re.compile(rf"[{re.escape(SENTENCE_END)}][{re.escape(TRAILING_CLOSERS)}]*(?=\s|$)")

# Features of very long lines are taken from a bounded prefix so no single line can make a
# document slow (a 10 MB line is content whatever its tail says).
FEATURE_PREFIX_CHARS = 4000


# List items keep their marker in a text dump ("+ Added X", "1. Finland"); menus rarely do.
BULLETS = ("+ ", "* ", "- ", "• ", "· ", "– ", "— ", "▪ ", "► ", "→ ", "✓ ", "✔ ")
# An item number with a space after it; or, before CJK text (written without spaces), with none:
# "1.认识…", "1、热爱…", "（2）两名…".
NUMBERED = re.compile(r"^\d{1,3}[.)] \S|^(?:\d{1,3}[.、．)）]|[（(]\d{1,3}[）)])[\u3400-\u9fff]")
# The characters a list item can start with besides a digit (\d, str.isdecimal): a bullet's, a bracket.
LIST_ITEM_FIRST = frozenset(bullet[0] for bullet in BULLETS) | {"(", "（"}


def has_cjk(text: str) -> bool:
    """True when the text holds a CJK character (CJK_CHAR), tested first by its largest character
    so that other text never compiles CJK_CHAR's big character class.

    >>> has_cjk("北京 2024"), has_cjk("“Quoted” — text"), has_cjk("")
    (True, False, False)
    """
    return reaches_far_east(text) and CJK_CHAR.search(text) is not None


def reaches_far_east(text: str) -> bool:
    """True when the text holds a character at or above CJK_FIRST (as max(text) >= CJK_FIRST, without
    the per-character work): most text is ASCII, which says so at once.

    >>> reaches_far_east("北京"), reaches_far_east("Crème brûlée"), reaches_far_east("")
    (True, False, False)
    """
    return not text.isascii() and FAR_EAST_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


def is_list_item(text: str) -> bool:
    """True for a line that starts with a bullet or an item number.

    >>> is_list_item("+ Added Slime Block"), is_list_item("2. Norway"), is_list_item("2015 was a year")
    (True, True, False)
    >>> is_list_item("1.认识神的旨意；"), is_list_item("2、报名地点"), is_list_item("（3）成绩单"), is_list_item("3.5亿元")
    (True, True, True, False)
    """
    first = text[:1]
    # Most lines start with a letter: one set lookup says no before the prefix tests and the pattern.
    if first not in LIST_ITEM_FIRST and not first.isdecimal():
        return False
    return text.startswith(BULLETS) or bool(NUMBERED.match(text))


Answer = TypeVar("Answer")


def each_text_once(texts: Iterable[str], read: Callable[[str], Answer], known: dict[str, Answer]) -> list[Answer]:
    """read(text) for each text, each distinct text read once (a page repeats its menus and labels):
    the answers come from and go into `known` (text -> answer), for the next stage that asks.

    >>> known = {}
    >>> each_text_once(["Menu", "Lake", "Menu"], str.upper, known), sorted(known)
    (['MENU', 'LAKE', 'MENU'], ['Lake', 'Menu'])
    """
    answers = []
    for text in texts:
        answer = known.get(text, known)  # (the dict itself: no answer yet)
        if answer is known:
            answer = known[text] = read(text)
        answers.append(answer)
    return answers


def list_items(texts: Iterable[str]) -> list[bool]:
    """is_list_item of each text, the first character tested inline (no call for most lines)."""
    return [(text[:1] in LIST_ITEM_FIRST or text[:1].isdecimal()) and is_list_item(text) for text in texts]


def strip_control(text: str) -> str:
    """Remove control and format characters that have no place in clean text (tab becomes a space).

    Bidi overrides, zero-width characters and escape sequences' ESC are dropped, so page text
    can never drive a terminal; ordinary letters of any script are untouched.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch in "\t\u00a0\u2028\u2029\u3000":
            out.append(" ")
        elif unicodedata.category(ch) == "Zs":
            out.append(" ")
        # everything else (Cc, Cf, Cs, Co, Cn) is dropped
    return "".join(out)


def normalize_line(text: str) -> str:
    """One clean line: NFC, control characters removed, whitespace runs collapsed, ends stripped.

    >>> normalize_line("  a\\tb\\x1b[2J  c\\u200b ")
    'a b[2J c'
    """
    text = strip_control(text)
    if not is_single_spaced(text):
        text = " ".join(text.split())
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def is_single_spaced(text: str) -> bool:
    """True when printable text has its words separated by single spaces and nothing around
    them, as " ".join(text.split()) would leave it (the only printable whitespace is " ")."""
    return "  " not in text and text[:1] != " " and text[-1:] != " "


def tokens(text: str) -> list[str]:
    """Case-folded word tokens of a (bounded prefix of a) line; CJK characters count one each.

    >>> tokens("Don't say “U.S.-made”—ever!")
    ["don't", 'say', 'u', 's', 'made', 'ever']
    >>> tokens("北京 2024年")
    ['北', '京', '2024', '年']
    """
    text = text[:FEATURE_PREFIX_CHARS].casefold()
    if text.isascii():
        return text.encode("ascii").translate(ASCII_SEPARATOR_TABLE).decode("ascii").split()
    if has_cjk(text):
        return CJK_WORD.findall(text)
    return WORD_RUN.findall(text)


CJK_SPACE = LazyPattern(rf"(?<=[{CJK_RANGES}]) (?=[{CJK_RANGES}])")


def phrase_as_written(phrase: str, text: str) -> str:
    """A folded phrase (a rule's match) as the line writes it, for a reason: folding splits CJK
    text into one token per character ("登 录"), which no reader wrote. Other phrases are shown
    folded, as their rules spell them.

    >>> phrase_as_written("启 用 javascript", "请启用JavaScript后继续"), phrase_as_written("登 录", "")
    ('启用JavaScript', '登录')
    >>> phrase_as_written("page not found", "Page Not Found")
    'page not found'
    """
    if not has_cjk(phrase):
        return phrase
    # Each token literally, anything but word characters between them (short: one line's start).
    pattern = r"\W*".join(re.escape(token) for token in phrase.split(" "))
    found = re.search(pattern, text[:FEATURE_PREFIX_CHARS], re.IGNORECASE)
    return found.group() if found else CJK_SPACE.sub("", phrase)


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence in any script; not when it is cut short, with an
    ellipsis straight after a letter (a teaser's headline, "Loading...").

    >>> ends_sentence("It rained."), ends_sentence("Ten things you never knew about…"), ends_sentence("下雨了……")
    (True, False, True)
    """
    stripped = text.rstrip(TRAILING_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END and not _ends_cut_short(stripped)


def is_cut_short(text: str) -> bool:
    """True for a line that ends with an ellipsis straight after a word: a title or text cut short.

    >>> is_cut_short("Why the price of coffee keeps…"), is_cut_short("Prices rose."), is_cut_short("下雨了……")
    (True, False, False)
    """
    return _ends_cut_short(text.rstrip(TRAILING_CLOSERS + " "))


def _ends_cut_short(stripped: str) -> bool:
    """TRUNCATED's test, compiling it only for text that ends in an ellipsis."""
    return stripped.endswith(ELLIPSIS_ENDS) and bool(TRUNCATED.search(stripped))


def sentence_count(text: str) -> int:
    """Number of sentence ends in a (bounded prefix of a) line."""
    return len(SENTENCE_END_RE.findall(text[:FEATURE_PREFIX_CHARS]))


# Text nodes glued together by a scraper ("CommentsNo comment", "View comments941").
GLUE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ0-9])")


def fold(text: str) -> str:
    """Case-folded words separated by single spaces, for phrase matching.

    >>> fold("View comments -- “Share”!")
    'view comments share'
    >>> fold("İstanbul")
    'istanbul'
    """
    # casefold() turns Turkish dotted capital I into "i" + combining dot; drop the dot.
    return " ".join(tokens(text.replace("İ", "I")))


def fold_variants(text: str) -> tuple[str, ...]:
    """The folded text, and when text nodes look glued together, also the split reading.

    Both are kept because the split is ambiguous: "CommentsNo comment" is two nodes, but
    "JavaScript" and "WhatsApp" are one word each.

    >>> fold_variants("CommentsNo comment")
    ('commentsno comment', 'comments no comment')
    >>> fold_variants("Enable JavaScript")
    ('enable javascript', 'enable java script')
    >>> fold_variants("Share this")
    ('share this',)
    """
    plain = fold(text)
    if not GLUE.search(text):
        return (plain,)
    return plain, fold(GLUE.sub(" ", text))


def word_key(text: str) -> str:
    """The whole text case-folded with whitespace runs collapsed: equal for copies that differ
    in case or whitespace only (cheap: it is computed for every paragraph)."""
    folded = text.casefold()
    # A parsed line is already single-spaced: splitting and joining it again would change nothing.
    return folded if folded.isprintable() and is_single_spaced(folded) else " ".join(folded.split())


# "Headline | Site name", "Headline - Section - Site": the parts a page title is built of.
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[|\-–—:·•»]\s+")


def title_variants(title: str, separators: re.Pattern[str] = TITLE_SEPARATORS) -> set[str]:
    """The folded title and each of its parts between `separators`.

    >>> sorted(title_variants("Rain again | The Daily Planet"))
    ['rain again', 'rain again the daily planet', 'the daily planet']
    """
    parts = [title, *separators.split(title)]
    return {folded for folded in map(fold, parts) if folded}

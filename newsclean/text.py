"""Small, language-independent text helpers shared by the parser and the stages."""

from __future__ import annotations

import re
import unicodedata

# Scripts written without spaces between words; one character is roughly one word.
CJK_RANGES = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"
    "\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
KANA_CHAR = re.compile("[\u3040-\u30ff]")
HANGUL_CHAR = re.compile("[\uac00-\ud7af]")
# Combining marks (Devanagari vowel signs, Thai tone marks, Hebrew points) stay inside words.
MARKS = "".join(ch for ch in map(chr, range(0x300, 0x10000)) if unicodedata.category(ch) in ("Mn", "Mc"))
_MARK_CLASS = re.escape(MARKS)
# A word: a CJK character alone, or a run of other word characters and combining marks
# (apostrophes inside kept).
WORD = re.compile(
    rf"[{CJK_RANGES}]|(?:[^\W{CJK_RANGES}]|[{_MARK_CLASS}])+(?:['’](?:[^\W{CJK_RANGES}]|[{_MARK_CLASS}])+)*"
)
WHITESPACE_RUN = re.compile(r"\s+")

# Characters that end a sentence, across scripts; closing quotes and brackets may follow them.
SENTENCE_END = ".!?…。！？؟।॥።"
TRAILING_CLOSERS = "\"'”’»)]}」』）】›*"
SENTENCE_END_RE = re.compile(rf"[{re.escape(SENTENCE_END)}][{re.escape(TRAILING_CLOSERS)}]*(?=\s|$)")

# Features of very long lines are taken from a bounded prefix so no single line can make a
# document slow (a 10 MB line is content whatever its tail says).
FEATURE_PREFIX_CHARS = 4000


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
    text = " ".join(strip_control(text).split())
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """Word tokens of a (bounded prefix of a) line; CJK characters count one each."""
    return WORD.findall(text[:FEATURE_PREFIX_CHARS])


def cjk_share(text: str) -> float:
    """Share of a line's non-space characters that are CJK."""
    sample = text[:FEATURE_PREFIX_CHARS]
    letters = sum(1 for ch in sample if not ch.isspace())
    return len(CJK_CHAR.findall(sample)) / letters if letters else 0.0


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence in any script."""
    stripped = text.rstrip(TRAILING_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


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
    return " ".join(words(text[:FEATURE_PREFIX_CHARS].casefold().replace("i\u0307", "i")))


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
    return " ".join(text.casefold().split())

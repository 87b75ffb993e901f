"""Word-level differences between a near-duplicate paragraph and the original it repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

# Words, single punctuation marks and whitespace runs: joining the tokens gives the text back,
# and "York|Manhole" differs from "Manhole" by one word, not by the whole glued token.
TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# Beyond this many tokens per side the diff is skipped: SequenceMatcher is quadratic in the
# worst case and nobody reads a word diff of a 5,000-word paragraph.
MAX_TOKENS = 4000

Op = Literal["same", "added", "missing"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the copy's text (`same` or `added`), or of the original's text the copy lacks (`missing`)."""

    op: Op
    text: str


def tokens(text: str) -> list[str]:
    """Word, punctuation and whitespace tokens whose concatenation is the text.

    >>> tokens("New York|Manhole fires.")
    ['New', ' ', 'York', '|', 'Manhole', ' ', 'fires', '.']
    """
    return TOKEN.findall(text)


def word_diff(copy: str, original: str) -> list[Piece] | None:
    """The copy as runs of same and added text, with the original's missing runs in place; None if too long.

    >>> [(p.op, p.text) for p in word_diff("in a other half", "in the other half")]
    [('same', 'in '), ('missing', 'the'), ('added', 'a'), ('same', ' other half')]
    """
    a, b = tokens(original), tokens(copy)
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        return None
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Piece("missing", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return _merge(pieces)


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Adjacent pieces of the same kind as one piece, so highlights cover whole phrases."""
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].op == piece.op:
            merged[-1] = Piece(piece.op, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


def shorten(text: str, max_words: int = 8) -> str:
    """A long missing run cut to its first words and a count, so a truncated copy stays one line.

    >>> shorten("one two three", 2)
    'one two … (+1 words)'
    >>> shorten("one two", 2)
    'one two'
    """
    found = text.split()
    if len(found) <= max_words:
        return text
    return " ".join(found[:max_words]) + f" … (+{len(found) - max_words} words)"

"""The text-dump parser's whole-text fast path cleans every line as the line-by-line way does."""

from __future__ import annotations

import pytest

from newsclean.parse import dump as dump_parser
from newsclean.parse.dump import _clean_line, parse_text_dump


def line_by_line(text: str) -> list[tuple[int, str]]:
    """(line number, cleaned text) of each non-blank line, each line cleaned on its own."""
    cleaned = [(n, _clean_line(raw)) for n, raw in enumerate(text.split("\n"), start=1)]
    return [(n, line) for n, line in cleaned if line]


TRICKY = [
    "Plain ASCII line.\n  spaced   out  \n\n\tTabbed line\x1b[2J\n",
    "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9.\nZ\u00fcrich  und   K\u00f6ln \n",
    # A zero-width space between a letter and a combining mark: removed, they compose (NFC).
    "A\u200b\u0302 and e\u200b\u0301 compose once the space is gone.\nplain line\n",
    # Mojibake, once on its own and once hidden by a zero-width space.
    "The caf\u00c3\u00a9 isn\u00e2\u20ac\u2122t open.\nIt\u00e2\u200b\u20ac\u2122s here.\n",
    "Decomposed: A\u0302 and e\u0301 (printable, not NFC).\nplain\n",
    "No\u00a0break\u00a0spaces and \u3000ideographic space.\n \u0301leading mark\n",
    "\u5317\u4eac 2024\u5e74 \U0001F600 emoji line\nlast line without newline",
]


def test_fast_path_matches_line_by_line_cleaning() -> None:
    for text in TRICKY:
        doc = parse_text_dump(text)
        assert [(b.line, b.text) for b in doc.blocks] == line_by_line(text), text


def test_lines_split_in_chunks_number_as_one_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dump split a chunk at a time (cut at newlines) gives the lines and numbers of one split."""
    text = "first line\n\n  second   line \nthird\n" * 7 + "x" * 40 + "\nlast"
    expected = [(b.line, b.text) for b in parse_text_dump(text).blocks]
    for size in (1, 5, 33, 1000):
        monkeypatch.setattr(dump_parser, "CHUNK_CHARS", size)
        assert [line for chunk in dump_parser._line_chunks(text) for line in chunk] == text.split("\n")
        assert [(b.line, b.text) for b in parse_text_dump(text).blocks] == expected
    assert expected == line_by_line(text)

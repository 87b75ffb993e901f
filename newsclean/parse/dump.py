"""Text into a Document: sniff text dump vs HTML, then one block per visible line."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Block, Document
from ..read.mojibake import repair_mojibake
from .text import normalize_line


def _lines(text: str) -> Iterator[str]:
    """The lines of text one at a time: a huge dump is not split into a list of raw lines
    beside the blocks made of them."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def parse_text_dump(text: str, source: str = "-", encoding: str = "utf-8") -> Document:
    """One block per non-blank line, numbered as in the input, whitespace and control characters
    cleaned, mojibake ("cafÃ©") repaired.

    Lines end with \\n, \\r\\n or a lone \\r (old Mac files, stray carriage returns).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for number, raw in enumerate(_lines(text), start=1):
        # Repaired after cleaning: a zero-width space inside "â€™" would hide it before; and
        # cleaned again if repaired, since the repair can yield any character.
        line = normalize_line(raw)
        repaired = repair_mojibake(line)
        if repaired != line:
            line = normalize_line(repaired)
        if line:
            blocks.append(Block(line=number, text=line))
    return Document(source=source, blocks=blocks, encoding=encoding)

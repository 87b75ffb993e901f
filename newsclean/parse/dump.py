"""Text into a Document: sniff text dump vs HTML, then one block per visible line."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..document import Block, Document
from ..read.mojibake import MOJIBAKE, repair_mojibake
from .text import normalize_line


# A dump is split into lines this many characters at a time (cut at a newline).
CHUNK_CHARS = 1 << 20


def _line_chunks(text: str) -> Iterator[list[str]]:
    """The lines of text, a chunk of about CHUNK_CHARS characters at a time: a huge dump is never
    split into one list of raw lines beside the blocks made of them, and each chunk is split at C
    speed (a generator resumed per line cost as much as the rest of a clean line's parsing)."""
    start = 0
    while len(text) - start > CHUNK_CHARS:
        end = text.find("\n", start + CHUNK_CHARS)
        if end < 0:
            break
        yield text[start:end].split("\n")
        start = end + 1
    yield (text[start:] if start else text).split("\n")


def parse_text_dump(text: str, source: str = "-", encoding: str = "utf-8") -> Document:
    """One block per non-blank line, numbered as in the input, whitespace and control characters
    cleaned, mojibake ("cafÃ©") repaired.

    Lines end with \\n, \\r\\n or a lone \\r (old Mac files, stray carriage returns).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Text already clean as a whole (NFC, no mojibake: nearly every dump) needs no per-line
    # repair: a printable line then only has its spaces collapsed, which can neither compose
    # characters nor bring a mojibake pair together. Other lines take the full way.
    clean = unicodedata.is_normalized("NFC", text) and (text.isascii() or not MOJIBAKE.search(text))
    blocks = []
    number = 0
    for lines in _line_chunks(text):
        for raw in lines:
            number += 1
            if clean and raw.isprintable():
                # is_single_spaced, inlined: this runs for every line of every dump.
                line = raw if "  " not in raw and raw[:1] != " " and raw[-1:] != " " else " ".join(raw.split())
            else:
                line = _clean_line(raw)
            if line:
                blocks.append(Block(number, line))
    return Document(source=source, blocks=blocks, encoding=encoding)


def _clean_line(raw: str) -> str:
    """One raw line cleaned: whitespace and control characters (normalize_line), then mojibake
    repaired; cleaned again if repaired, since the repair can yield any character."""
    # Repaired after cleaning: a zero-width space inside "â€™" would hide it before.
    line = normalize_line(raw)
    repaired = repair_mojibake(line)
    return line if repaired == line else normalize_line(repaired)

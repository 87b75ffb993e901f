"""Mojibake: UTF-8 text that was once decoded as windows-1252 or Latin-1 ("cafÃ©", "itâ€™s"), repaired by ftfy.

ftfy is careful but not free (tens of milliseconds on a large page), so it only runs when the
text holds the tell-tale pair: a character that stands for a UTF-8 lead byte followed by one
that stands for a continuation byte. Clean text, in any language, almost never has one.
"""

from __future__ import annotations

import re

# Lead bytes 0xC2-0xEF read as windows-1252/Latin-1 (Â..ï), then a continuation byte 0x80-0xBF
# read the same way: U+0080-U+00BF, or the windows-1252 punctuation and letters in 0x80-0x9F.
MOJIBAKE = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)


def repair_mojibake(text: str) -> str:
    """The text with mojibake undone; unchanged when it shows no sign of any.

    >>> repair_mojibake("The cafÃ© isnâ€™t open")
    'The café isn’t open'
    >>> repair_mojibake("Ça va, Ärger, Öl")
    'Ça va, Ärger, Öl'
    """
    if not MOJIBAKE.search(text):
        return text
    import ftfy  # lazy: only texts that look damaged pay for it

    return ftfy.fix_encoding(text)
